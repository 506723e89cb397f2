/**
 * No silent wrong answers on the hostile corpus: a figure the reader cannot be sure of is a finding naming its
 * cell, in Chinese, never a number taken on trust and never an English abort.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/main';
import { buildCorpus } from './malformed/corpus';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-findings-'));
const dir = path.join(tmp, 'corpus');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

const EXPECT: [string, RegExp][] = [
  ['formula-no-cache', /单元格 公开01表!C7 是公式，但文件中没有保存计算结果/],
  ['number-15-digits', /单元格 公开02表!D8 的金额“123456789012345”超出可处理的范围/],
  ['text-number-5', /单元格 公开01表!C7 的金额“1e21”超出可处理的范围|单元格 公开01表!C7 应为金额，但内容是“1e21”/],
  ['text-number-6', /单元格 公开01表!C7 应为金额，但内容是“NaN”/],
  ['error-values', /单元格 公开02表!D7 是错误值 #DIV\/0!/],
  ['merged-amounts', /金额单元格 公开05表!D8:E10 被合并成一格/],
  ['deleted-total-T2', /收入决算表（[^）]+）中没有找到“合计”行/],
  ['deleted-total-T3', /支出决算表（[^）]+）中没有找到“合计”行/],
  ['deleted-total-T5', /一般公共预算财政拨款支出决算表（[^）]+）中没有找到“合计”行/],
];

beforeAll(async () => {
  await buildCorpus(dir, [...EXPECT.map((e) => e[0]), 'hidden-last-year-copy', 'supplement-garbage-text', 'mixed-units']);
}, 300_000);

describe('hostile values are findings naming the cell', () => {
  it.each(EXPECT)('%s', async (name, message) => {
    const r = await run('check', path.join(dir, `${name}.xlsx`));
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(message);
    // generate says the same before writing anything that rests on it
    const g = await run('generate', path.join(dir, `${name}.xlsx`), '--text');
    expect(g.code).toBe(0);
    expect(g.err).toMatch(message);
  });

  it('mixed units: the tables do not agree, exit 1', async () => {
    const r = await run('check', path.join(dir, 'mixed-units.xlsx'));
    expect(r.code).toBe(1);
  });

  it('a hidden copy of last year never wins over the visible tables in generate', async () => {
    const r = await run('generate', path.join(dir, 'hidden-last-year-copy.xlsx'), '--text');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2021年度');
    expect(r.out).not.toContain('2020年度部门决算');
    expect(r.out).toMatch(/853\.00万元/);
    expect(r.out).not.toMatch(/1,?706\.00万元/);
  });

  it('garbage in 补充信息: each unusable value is named by its row, as typed', async () => {
    const r = await run('generate', path.join(dir, 'supplement-garbage-text.xlsx'), '--text');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/补充信息第\d+行（[^）]+）：“两辆”不是金额（万元），未使用。/);
    expect(r.err).toMatch(/补充信息第\d+行（[^）]+）：“十五”不是四位年度，未使用。/);
    expect(r.err).toMatch(/补充信息第\d+行（[^）]+）：“-3”不是非负整数，未使用。/);
  });
});
