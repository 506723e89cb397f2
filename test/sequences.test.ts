/**
 * Property: whatever sequence of init / generate / rates / check --report runs the user makes (with and without
 * -o, on the original and on the produced files, --prior, --form shanghai), and whatever they do in Excel in
 * between (typing every kind of value into 补充信息, notes, added rows, formats, typing into the generated sheets,
 * charts, images, validations, comments, defined names, new sheets), nothing the user typed or owns is lost and no
 * file holding user input is replaced without a kept copy. Seeds are printed in every failure (SEQUENCES=N,
 * SEED_FROM=S run more; SEED=S replays one). The checks themselves live in test/sequenceModel.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/main';
import { Folder, rng } from './sequenceModel';

const FIXTURES = path.join(__dirname, 'fixtures', 'xlsx');
const STARTS = [
  'yuquan2021-sichuan.xlsx',
  'wujialing2022-sichuan.xlsx',
  'taojiadu2020-shanghai-onesheet.xlsx',
  'yuquan2021-titled-sheets.xlsx',
  'wujialing2022-yuan-text.xlsx',
  'yuquan2021-formulas.xlsx',
  'yuquan2021-sichuan13.xlsx',
  'two-years.xlsx',
];
const PRIORS = ['yuquan2021-sichuan.xlsx', 'taojiadu2020-sichuan.xlsx'];
const COUNT = Number(process.env.SEQUENCES ?? 60);
const STEPS = Number(process.env.STEPS ?? 7);
const FIRST = Number(process.env.SEED_FROM ?? 1);
const seeds = process.env.SEED ? [Number(process.env.SEED)] : Array.from({ length: COUNT }, (_, i) => FIRST + i);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-seq-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('random sequences of commands and Excel edits lose nothing the user typed or owns', () => {
  it.each(seeds)('seed %i', async (seed) => {
    const r = rng(seed);
    const dir = fs.mkdtempSync(path.join(tmp, `s${seed}-`));
    const start = r.pick(STARTS);
    fs.copyFileSync(path.join(FIXTURES, start), path.join(dir, '原表.xlsx'));
    const prior = r.pick(PRIORS);
    fs.copyFileSync(path.join(FIXTURES, prior), path.join(dir, '上年.xlsx'));
    fs.writeFileSync(path.join(dir, '我的说明.docx'), 'the user’s own Word document');
    const folder = new Folder(dir, seed, r, new Set(['上年.xlsx']));
    folder.log.push(`start ${start}, prior ${prior}`);
    for (let i = 0; i < STEPS; i++) {
      if (i === 0 || r.chance(0.5)) await folder.command('上年.xlsx');
      else await folder.edit();
    }
  });
});

describe('two quick runs with the same default output name', () => {
  it('back to back and at the same time: every run gets its own file, none clobbered', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'twice-'));
    const file = path.join(dir, '表.xlsx');
    fs.copyFileSync(path.join(FIXTURES, 'yuquan2021-sichuan.xlsx'), file);
    const quiet = { out: () => undefined, err: () => undefined };
    expect(await main(['init', file], quiet)).toBe(0);
    expect(await main(['init', file], quiet)).toBe(0);
    expect(await main(['init', file], quiet)).toBe(0);
    const results = await Promise.all([main(['generate', file], quiet), main(['generate', file], quiet), main(['init', file], quiet)]);
    expect(results).toEqual([0, 0, 0]);
    const outputs = fs.readdirSync(dir).filter((f) => f !== '表.xlsx');
    expect(outputs.filter((f) => f.startsWith('.~'))).toEqual([]);
    expect(outputs).toHaveLength(6);
  });
});
