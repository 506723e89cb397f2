/**
 * The second hostile corpus (test/malformed/hostile.ts) through every command, with the same properties as the
 * first (exit 0/1/2, one Chinese line, no stack trace, no hang, input unchanged, user sheets carried over, quote
 * prefixes), and what a correct reader must say about each trap: the same figures as the original workbook when
 * the package is only spelt differently, a finding naming the cell when a value cannot be trusted, a one-line
 * refusal for a zip bomb. Also the file-system edges of the command line and of audit's narrative file.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildHostileCorpus, HostileCase, HOSTILE_COUNT } from './malformed/hostile';
import { BASE } from './malformed/corpus';
import { run, runEveryCommand } from './malformed/harness';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-hostile-'));
const dir = path.join(tmp, 'corpus');
let cases: HostileCase[] = [];
const file = (name: string) => path.join(dir, `${name}.xlsx`);

beforeAll(async () => {
  cases = await buildHostileCorpus(dir);
}, 600_000);

/** Packages only spelt differently: every table and the same 收入总计 as the original. */
const SAME_AS_BASE = [
  'strict-ooxml',
  'x-prefix-workbook',
  'x-prefix-everywhere',
  'absolute-sheet-targets',
  'dotted-sheet-targets',
  'renamed-sheet-parts',
  'utf16-shared-strings',
  'utf8-bom-parts',
  'data-descriptors',
  'stored-no-compression',
  'xlsm-renamed',
  'chartsheet-first',
  'dialogsheet',
  'macrosheet',
  'rich-text-phonetic',
  'inline-strings-everywhere',
  'cells-without-r',
  'rows-reversed',
  'all-formulas-cached',
  'sheet-names-case',
  'sheet-names-legal-odd',
  'sheet-name-very-long',
  'sheet-name-empty',
  'duplicate-sheet-names',
  'merges-overlapping',
  'merges-out-of-bounds',
  'merge-whole-sheet',
  'merges-ten-thousand',
  'million-styled-rows',
  'many-entries',
  'path-traversal-entries',
  'year-chinese-numerals',
];

/** A value the reader cannot trust is a finding naming its cell (check exits 1). */
const FINDINGS: [string, RegExp][] = [
  ['iso-date-total', /公开01表!C36 应为金额，但内容是“1902-05-02/],
  ['number-garbage-v', /公开01表!C9 应为金额，但内容是“abc”/],
  ['number-huge-v', /公开01表!C9 的金额“1\.7976931348623157E309”超出可处理的范围/],
  ['cell-types-e-b-d', /公开01表!C8 是错误值 #N\/A/],
  ['text-amount-comma', /公开01表!C7 应为金额，但内容是“8,43\.28”/],
  ['text-amount-wan', /公开01表!C7 应为金额，但内容是“843\.28万”/],
  ['all-formulas-no-cache', /公开01表!C7 是公式，但文件中没有保存计算结果/],
  ['table-split-across-sheets', /一般公共预算财政拨款支出决算表 合计（合计）：合计 = .*不成立/],
];

describe('hostile corpus (second generator)', () => {
  it('has its cases', () => {
    expect(cases.length).toBe(HOSTILE_COUNT);
    expect(HOSTILE_COUNT).toBeGreaterThanOrEqual(80);
  });

  it('every command on every case: exit 0/1/2, one Chinese line, no stack trace, no hang, input unchanged', async () => {
    const failures: string[] = [];
    for (const c of cases) failures.push(...(await runEveryCommand(c.name, c.file, tmp)));
    expect(failures).toEqual([]);
  }, 1_800_000);

  it.each(SAME_AS_BASE)('%s: read finds the nine tables and the same 收入总计 as the original', async (name) => {
    const base = await run(['read', '--json', BASE]);
    const r = await run(['read', '--json', file(name)]);
    expect(r.code).toBe(0);
    const a = JSON.parse(base.out);
    const b = JSON.parse(r.out);
    expect(b.tables.length).toBe(a.tables.length);
    expect(b.year).toBe(2021);
    const total = (j: { totals: Record<string, { label: string; amount: string }> }) => Object.values(j.totals).find((t) => t.label === '收入总计')?.amount;
    expect(total(b)).toBe(total(a));
  });

  it.each(FINDINGS)('%s: a finding naming the cell, never a number taken on trust', async (name, message) => {
    const r = await run(['check', file(name)]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(message);
  });

  it('zip bombs are refused in one line before they are inflated', async () => {
    for (const name of ['zip-bomb-honest', 'zip-bomb-lying', 'zip-bomb-lying-sheet']) {
      const r = await run(['read', file(name)]);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/超过上限|大小与文件记录的不符/);
    }
  });

  it('a sheet name exceljs would truncate keeps its real name in the cell addresses', async () => {
    const r = await run(['read', '--json', file('sheet-name-very-long')]);
    expect(JSON.parse(r.out).tables[0].sheet).toBe('收'.repeat(200));
  });

  it('two 合计 rows: said, with both cells', async () => {
    const r = await run(['check', file('total-row-duplicated')]);
    expect(r.out).toMatch(/第8行重复了第7行的“合计”/);
  });
});

describe('file-system edges', () => {
  const edge = path.join(tmp, 'edge');
  beforeAll(() => {
    fs.mkdirSync(path.join(edge, 'empty'), { recursive: true });
    fs.copyFileSync(BASE, path.join(edge, '-o.xlsx'));
    fs.symlinkSync('loop-b', path.join(edge, 'loop-a'));
    fs.symlinkSync('loop-a', path.join(edge, 'loop-b'));
    const text = fs.readFileSync(path.join(__dirname, 'fixtures', 'seeds', '002_256816beafe99349.txt'));
    fs.writeFileSync(path.join(edge, 'cut.txt'), text.subarray(0, text.length - 1)); // cut inside a character
    fs.writeFileSync(path.join(edge, 'empty.txt'), '');
    fs.writeFileSync(path.join(edge, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => i & 255)));
    fs.writeFileSync(path.join(edge, 'bad.docx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 7)]));
  });

  it('a file named like an option is a file after --', async () => {
    const r = await run(['read', '--', path.join(edge, '-o.xlsx')]);
    expect(r.code).toBe(0);
  });

  it('a folder, a symlink loop, an empty folder: one Chinese line each, exit 2', async () => {
    for (const argv of [
      ['read', path.join(edge, 'empty')],
      ['read', path.join(edge, 'loop-a')],
      ['check', path.join(edge, 'empty')],
      ['generate', path.join(edge, 'loop-a'), '--text'],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/[\u4e00-\u9fff]/);
      expect(r.err).not.toMatch(/\bE[A-Z]{3,}\b/);
    }
  });

  it('audit: a UTF-8 text cut mid-character is still read as UTF-8; empty, binary and damaged files are refused', async () => {
    const cut = await run(['audit', BASE, '--text', path.join(edge, 'cut.txt')]);
    expect(cut.code).not.toBe(2);
    expect(cut.out).toMatch(/共识别数字 [1-9]\d* 个/);
    for (const [name, message] of [
      ['empty.txt', /是空的/],
      ['binary.txt', /不像是文本文件/],
      ['bad.docx', /不是有效的 \.docx 文件/],
    ] as const) {
      const r = await run(['audit', BASE, '--text', path.join(edge, name)]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/); // no library English
    }
  });
});
