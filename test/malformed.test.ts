/**
 * Every command of the command line on every workbook of the malformed-input corpus (test/malformed/corpus.ts),
 * through main() in-process: exit code 0/1/2 only, no stack trace, no hang (a per-case limit), the input file
 * unchanged byte for byte, every user sheet carried into the output byte for byte, every formula-like text the
 * tool wrote stored as text with Excel's quote prefix, no cell over 32,767 characters.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCorpus, Case, CASE_COUNT } from './malformed/corpus';
import { runEveryCommand } from './malformed/harness';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-malformed-'));

let cases: Case[] = [];
beforeAll(async () => {
  cases = await buildCorpus(path.join(tmp, 'corpus'));
}, 300_000);

describe('malformed-input corpus', () => {
  it('has at least 60 cases', () => {
    expect(CASE_COUNT).toBeGreaterThanOrEqual(60);
    expect(cases.length).toBe(CASE_COUNT);
  });

  it('every command on every case: exit 0/1/2, one Chinese message, no stack trace, input unchanged, user sheets carried over', async () => {
    const failures: string[] = [];
    for (const c of cases) failures.push(...(await runEveryCommand(c.name, c.file, tmp)));
    expect(failures).toEqual([]);
  }, 900_000);
});
