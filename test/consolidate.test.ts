/**
 * 部门 = Σ 单位: the fixture specs split into two or three units (some 项 wholly in one unit, the rest divided),
 * each built as a real workbook layout and read back into Accounts; the department is the whole spec. A consistent
 * set passes; one changed figure in the department or a unit is found at the right cells; a 科目 present on one side
 * only is its own finding; published 尾差 stay 提示.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildInto, Layout } from './fixtures/builder';
import { workbookBytes } from './fixtures/builder/fixtures';
import { taojiadu2020, wujialing2022, yuquan2021 } from './fixtures/specs';
import type { AccountsSpec } from './fixtures/specs';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts } from '../src/model/types';
import { consolidate, NamedAccounts, qualify } from '../src/review/consolidate';
import { main } from '../src/cli/main';

const cents = (s: string) => Math.round(Number(s) * 100);
const money = (c: number) => (c / 100).toFixed(2);

/** Divide an amount into n parts in whole 分 of 万元 (hundredths): the first parts get floor, the last the rest. */
function divide(s: string | undefined, n: number, j: number, weights: number[]): string | undefined {
  if (s === undefined) return undefined;
  const c = cents(s);
  const sumW = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((c * w) / sumW));
  shares[n - 1] = c - shares.slice(0, n - 1).reduce((a, b) => a + b, 0);
  return money(shares[j]);
}

function mapAmounts<T extends object>(o: T | undefined, f: (s: string) => string | undefined): T | undefined {
  if (!o) return o;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? f(v) : v])) as T;
}

/** Unit j of n: 项 with index ≡ j (mod n+1) wholly here when j matches, the others divided by weights. */
function unitSpec(spec: AccountsSpec, n: number, j: number): AccountsSpec {
  const weights = Array.from({ length: n }, (_, i) => i + 2);
  const part = (s: string) => divide(s, n, j, weights);
  const items = spec.items.flatMap((item, i) => {
    const whole = i % (n + 1);
    if (whole < n) {
      // this 项 belongs to one unit only
      return whole === j ? [item] : [];
    }
    return [{ ...item, general: mapAmounts(item.general, part), gov: mapAmounts(item.gov, part), capital: mapAmounts(item.capital, part), other: mapAmounts(item.other, part) }];
  });
  return {
    ...spec,
    id: `${spec.id}-u${j}`,
    unitName: `${spec.unitName}所属单位${j + 1}`,
    items,
    balances: mapAmounts(spec.balances, part)!,
    basicByEconomic: spec.basicByEconomic.map(([code, amount]) => [code, part(amount)!]),
    threePublic: { budget: mapAmounts(spec.threePublic.budget, part)!, actual: mapAmounts(spec.threePublic.actual, part)! },
    overrides: undefined,
  };
}

function accountsOf(spec: AccountsSpec, layout: Layout): Accounts {
  const built = buildInto(spec, layout);
  return readAccounts(snapshotFromExcelJs(built.workbook, `${spec.id}.xlsx`));
}

function family(spec: AccountsSpec, n: number, layouts: Layout[]): { dept: NamedAccounts; units: NamedAccounts[] } {
  const dept = { name: '部门.xlsx', accounts: accountsOf({ ...spec, overrides: undefined }, 'sichuan') };
  const units = Array.from({ length: n }, (_, j) => ({ name: `单位${j + 1}.xlsx`, accounts: accountsOf(unitSpec(spec, n, j), layouts[j % layouts.length]) }));
  return { dept, units };
}

const errors = (r: ReturnType<typeof consolidate>) => r.findings.filter((f) => f.severity === '错误');

describe('consolidate (pure, in-memory accounts from the fixture specs)', () => {
  it.each([
    ['yuquan2021', yuquan2021, 2],
    ['taojiadu2020', taojiadu2020, 3],
    ['wujialing2022', wujialing2022, 2],
  ] as const)('%s split into %i units in different layouts: consistent, every table compared', (_id, spec, n) => {
    const { dept, units } = family(spec, n, ['sichuan', 'shanghai-onesheet', 'yuan-text']);
    const r = consolidate(dept, units);
    expect(r.findings.filter((f) => f.severity !== '提示')).toEqual([]);
    expect(r.tables.filter((t) => t.checked).map((t) => t.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
    expect(r.compared).toBeGreaterThan(100);
  });

  it('the published 尾差 of a department (yuquan2021 表3 项目支出 229.76) is a 提示, not an 错误', () => {
    const { units } = family(yuquan2021, 2, ['sichuan']);
    const dept = { name: '部门.xlsx', accounts: accountsOf(yuquan2021, 'sichuan') };
    const r = consolidate(dept, units);
    expect(errors(r)).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'H-汇总尾差' && f.table === 'T3' && f.actual === '229.76' && f.expected === '229.75')).toBe(true);
  });

  it('one changed figure in the department: found at the department cell and the units’ cells, with both values', () => {
    const { dept, units } = family(yuquan2021, 2, ['sichuan']);
    const row = dept.accounts.T5!.rows.find((x) => x.code === '2010301')!;
    const fig = row.values.total!;
    fig.fen += 1_000_000; // +1.00 万元 (1 万元 = 1,000,000 分)
    const r = consolidate(dept, units);
    const found = errors(r);
    expect(found).toHaveLength(1);
    const unitFigs = units.map((u) => u.accounts.T5!.rows.find((x) => x.code === '2010301')?.values.total).filter((f) => f);
    expect(found[0]).toMatchObject({
      rule: 'H-汇总不等',
      table: 'T5',
      cells: [qualify('部门.xlsx', fig.cell), ...unitFigs.map((f, i) => qualify(units.find((u) => u.accounts.T5!.rows.some((x) => x.values.total === f))?.name ?? `单位${i + 1}.xlsx`, f!.cell))],
      expected: '118.97',
      actual: '119.97',
    });
    expect(found[0].message).toContain('2010301 行政运行');
    expect(found[0].message).toContain('相差 1.00万元');
  });

  it('one changed figure in a unit: the department cell and every unit cell are named', () => {
    const { dept, units } = family(taojiadu2020, 3, ['sichuan']);
    const t7 = units[1].accounts.T7!;
    t7.actual.reception!.fen -= 200_000; // −0.20 万元
    const r = consolidate(dept, units);
    const found = errors(r);
    expect(found.map((f) => f.table)).toEqual(['T7']);
    expect(found[0].cells[0]).toBe(qualify('部门.xlsx', dept.accounts.T7!.actual.reception!.cell));
    expect(found[0].cells).toContain(qualify('单位2.xlsx', t7.actual.reception!.cell));
    expect(found[0].cells).toHaveLength(4);
    expect(found[0].message).toMatch(/公务接待费 \/ .*部门 .*应等于各单位之和/);
  });

  it('a 科目 in a unit but not in the department, and one in the department but in no unit, are their own findings', () => {
    const { dept, units } = family(yuquan2021, 2, ['sichuan']);
    const t5 = dept.accounts.T5!;
    const gone = t5.rows.find((x) => x.code === '2010308')!;
    t5.rows = t5.rows.filter((x) => x !== gone);
    const r = consolidate(dept, units);
    const missing = r.findings.filter((f) => f.rule === 'H-部门缺科目');
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toMatch(/有科目“2010308 信访事务”，部门表中没有/);
    expect(missing[0].cells[0]).toMatch(/^\[单位\d\.xlsx\]/);

    const { dept: d2, units: u2 } = family(yuquan2021, 2, ['sichuan']);
    for (const u of u2) u.accounts.T5!.rows = u.accounts.T5!.rows.filter((x) => x.code !== '2010308');
    const r2 = consolidate(d2, u2);
    const extra = r2.findings.filter((f) => f.rule === 'H-单位无此科目');
    expect(extra).toHaveLength(1);
    expect(extra[0].message).toBe('一般公共预算财政拨款支出决算表：部门表有科目“2010308 信访事务”（2.00万元），各单位表中都没有。');
  });

  it('a unit without a table: that table is reported as not checked, never compared against nothing', () => {
    const { dept, units } = family(yuquan2021, 2, ['sichuan']);
    delete units[0].accounts.T6;
    units[0].accounts.tables = units[0].accounts.tables.filter((t) => t.id !== 'T6');
    const r = consolidate(dept, units);
    expect(r.tables.find((t) => t.id === 'T6')).toMatchObject({ checked: false });
    expect(r.findings.filter((f) => f.table === 'T6').map((f) => f.rule)).toEqual(['H-缺表']);
  });
});

describe('juesuan consolidate', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-consolidate-'));
  const unitsDir = path.join(tmp, '单位');

  beforeAll(async () => {
    fs.mkdirSync(unitsDir);
    fs.writeFileSync(path.join(tmp, '部门.xlsx'), await workbookBytes(buildInto({ ...wujialing2022, overrides: undefined }, 'sichuan').workbook));
    for (let j = 0; j < 2; j++) fs.writeFileSync(path.join(unitsDir, `单位${j + 1}.xlsx`), await workbookBytes(buildInto(unitSpec(wujialing2022, 2, j), j ? 'titled-sheets' : 'sichuan').workbook));
  });

  it('consistent: exit 0; a folder in place of the units; --json', async () => {
    let out = '';
    const io = { out: (s: string) => (out += s + '\n'), err: (s: string) => (out += s + '\n') };
    expect(await main(['consolidate', path.join(tmp, '部门.xlsx'), unitsDir], io)).toBe(0);
    expect(out).toContain('单位1.xlsx');
    expect(out).toMatch(/部门与 2 个单位一致/);
    out = '';
    expect(await main(['consolidate', path.join(tmp, '部门.xlsx'), path.join(unitsDir, '单位1.xlsx'), path.join(unitsDir, '单位2.xlsx'), '--json'], io)).toBe(0);
    const j = JSON.parse(out);
    expect(j.units).toHaveLength(2);
    expect(j.summary.错误).toBe(0);
  });

  it('one unit missing: exit 1 with findings; an unreadable unit: exit 2, one line', async () => {
    let out = '';
    let err = '';
    const io = { out: (s: string) => (out += s + '\n'), err: (s: string) => (err += s + '\n') };
    expect(await main(['consolidate', path.join(tmp, '部门.xlsx'), path.join(unitsDir, '单位1.xlsx')], io)).toBe(1);
    expect(out).toMatch(/\[错误\] .*应等于各单位之和/);
    const bad = path.join(tmp, '坏.xlsx');
    fs.writeFileSync(bad, 'x');
    err = '';
    expect(await main(['consolidate', path.join(tmp, '部门.xlsx'), bad], io)).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^无法读取文件“坏\.xlsx”/);
  });
});
