/**
 * 部门 = Σ 单位: a department's consolidated 决算 tables must equal the sum of its units' tables (本级 + 所属单位).
 * Every figure of the department workbook is compared with the sum of the same figure in the units' workbooks —
 * each total and line of tables 1 and 4, each 类/款/项 row and column of tables 2, 3, 5, 8 and 9, each 经济分类
 * item and total of table 6, each budget and actual of table 7 — within the rounding bound of the figures involved
 * (money/tolerance.ts compareSum: 0 passes, within the bound is a 尾差 提示, beyond it an 错误).
 *
 * A 科目 (or line) with money in a unit but absent from the department, or with money in the department but in no
 * unit, is its own finding. A table the comparison needs but one side lacks is reported, never silently skipped.
 * Cells are named with their workbook: "[单位.xlsx]公开05表!C9". Pure: Accounts in, findings out.
 */
import { Accounts, CodedRow, CodedTable, Figure, Line, TABLE_NAMES, TableId, ThreePublicKey, TwoSidedTable } from '../model/types';
import { Bounded, compareSum } from '../money/tolerance';
import { formatWanyuan } from '../money/money';
import type { Finding, Severity } from '../rules/types';

export interface NamedAccounts {
  /** File name shown in cell references ("单位A.xlsx"). */
  name: string;
  accounts: Accounts;
}

export interface ConsolidationResult {
  findings: Finding[];
  /** Figures compared (department figure against the units' sum). */
  compared: number;
  /** Tables compared, and those that could not be (with the reason). */
  tables: { id: TableId; checked: boolean; reason?: string }[];
}

export const CONSOLIDATION_RULES = {
  sum: 'H-汇总不等',
  rounding: 'H-汇总尾差',
  missingInDept: 'H-部门缺科目',
  missingInUnits: 'H-单位无此科目',
  table: 'H-缺表',
  year: 'H-年度不一致',
  column: 'H-列不同',
} as const;

const T7_LABELS: Record<ThreePublicKey, string> = {
  total: '合计',
  abroad: '因公出国（境）费',
  vehicle: '公务用车购置及运行（维护）费',
  vehiclePurchase: '公务用车购置费',
  vehicleRunning: '公务用车运行（维护）费',
  reception: '公务接待费',
};

const fmt = (fen: number) => formatWanyuan(fen);

/** "[file]公开01表!C8" — an external-reference style name for a cell of one of the workbooks. */
export function qualify(file: string, cell: string): string {
  return `[${file}]${cell}`;
}

interface Ctx {
  dept: NamedAccounts;
  units: NamedAccounts[];
  findings: Finding[];
  compared: number;
}

function push(ctx: Ctx, f: Omit<Finding, 'severity'> & { severity: Severity }): void {
  ctx.findings.push(f);
}

/** Compare one department figure with the same figure of every unit. */
function compareFigure(ctx: Ctx, table: TableId, what: string, dept: Figure | undefined, units: (Figure | undefined)[]): void {
  const parts = units.map((f, i) => ({ f, unit: ctx.units[i] })).filter((p): p is { f: Figure; unit: NamedAccounts } => !!p.f);
  if (!dept && !parts.length) return;
  const total: Bounded = dept ?? { fen: 0, halfWidth: 0 };
  const r = compareSum(total, parts.map((p) => p.f));
  ctx.compared++;
  if (r.verdict === 'pass') return;
  const cells = [...(dept ? [qualify(ctx.dept.name, dept.cell)] : []), ...parts.map((p) => qualify(p.unit.name, p.f.cell))];
  const list = parts.length ? parts.map((p) => `${p.unit.name} ${fmt(p.f.fen)}`).join(' + ') : '各单位均无此数';
  const where = dept ? `（${qualify(ctx.dept.name, dept.cell)}）` : '（部门表中为空）';
  push(ctx, {
    rule: r.verdict === 'error' ? CONSOLIDATION_RULES.sum : CONSOLIDATION_RULES.rounding,
    severity: r.verdict === 'error' ? '错误' : '提示',
    table,
    message:
      r.verdict === 'error'
        ? `${TABLE_NAMES[table]}“${what}”：部门 ${fmt(total.fen)}万元${where}，应等于各单位之和 ${fmt(r.sum)}万元（${list}），相差 ${fmt(Math.abs(r.diff))}万元。`
        : `${TABLE_NAMES[table]}“${what}”：部门 ${fmt(total.fen)}万元与各单位之和 ${fmt(r.sum)}万元（${list}）相差 ${fmt(Math.abs(r.diff))}万元，在四舍五入误差以内（尾差）。`,
    cells,
    expected: fmt(r.sum),
    actual: fmt(total.fen),
  });
}

const only = (values: Record<string, Figure | undefined>, columns?: Set<string>) =>
  columns ? Object.fromEntries(Object.entries(values).filter(([k]) => columns.has(k))) : values;

const hasMoney = (values: Record<string, Figure | undefined>) => Object.values(values).some((f) => f && f.fen !== 0);

function amountsText(values: Record<string, Figure | undefined>): string {
  const first = Object.values(values).find((f) => f && f.fen !== 0);
  return first ? `${fmt(first.fen)}万元` : '';
}

/** Rows or lines of one table, keyed; what is present on each side and what to compare. */
interface Keyed {
  key: string;
  label: string;
  labelCell: string;
  values: Record<string, Figure | undefined>;
}

/**
 * Columns of a coded table that every workbook has (a layout may print a column others leave out, e.g. 国有资本
 * 经营 "本年收入"): only these can be compared; the others are named in one 提示.
 */
function sharedColumns(ctx: Ctx, table: TableId): Set<string> | undefined {
  const colsOf = (a: Accounts) => new Set((a.tables.find((t) => t.id === table)?.columns ?? []).map((c) => c.key));
  // A table with no columns read (an empty "本表无数据" table) holds nothing and constrains nothing.
  const all = [ctx.dept, ...ctx.units].map((w) => ({ w, cols: colsOf(w.accounts) })).filter((x) => x.cols.size);
  if (!all.length) return undefined;
  const shared = new Set([...all[0].cols].filter((k) => all.every((x) => x.cols.has(k))));
  const partial = [...new Set(all.flatMap((x) => [...x.cols]))].filter((k) => !shared.has(k));
  for (const key of partial) {
    const having = all.filter((x) => x.cols.has(key)).map((x) => `“${x.w.name}”`);
    push(ctx, {
      rule: CONSOLIDATION_RULES.column,
      severity: '提示',
      table,
      message: `${TABLE_NAMES[table]}的“${columnLabel(all.find((x) => x.cols.has(key))!.w.accounts, table, key)}”列只有${having.join('、')}有，该列未核对。`,
      cells: [],
    });
  }
  return shared;
}

function compareKeyed(ctx: Ctx, table: TableId, kind: string, dept: Keyed[], units: Keyed[][], columns?: Set<string>): void {
  const deptBy = new Map(dept.map((r) => [r.key, r]));
  const unitBy = units.map((rows) => new Map(rows.map((r) => [r.key, r])));
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const k of [...dept.map((r) => r.key), ...units.flatMap((rows) => rows.map((r) => r.key))]) {
    if (!seen.has(k)) {
      seen.add(k);
      keys.push(k);
    }
  }
  for (const key of keys) {
    const d = deptBy.get(key);
    const us = unitBy.map((m) => m.get(key));
    const present = us.map((u, i) => ({ u, unit: ctx.units[i] })).filter((p): p is { u: Keyed; unit: NamedAccounts } => !!p.u);
    if (!d) {
      const withMoney = present.filter((p) => hasMoney(only(p.u.values, columns)));
      if (!withMoney.length) continue;
      const label = withMoney[0].u.label;
      push(ctx, {
        rule: CONSOLIDATION_RULES.missingInDept,
        severity: '错误',
        table,
        message: `${TABLE_NAMES[table]}：${withMoney.map((p) => `${p.unit.name}（${amountsText(p.u.values)}）`).join('、')}有${kind}“${label}”，部门表中没有。`,
        cells: withMoney.flatMap((p) => [qualify(p.unit.name, p.u.labelCell), ...Object.values(p.u.values).filter((f): f is Figure => !!f && f.fen !== 0).map((f) => qualify(p.unit.name, f.cell))]),
      });
      continue;
    }
    if (!present.length) {
      if (!hasMoney(only(d.values, columns))) continue;
      push(ctx, {
        rule: CONSOLIDATION_RULES.missingInUnits,
        severity: '错误',
        table,
        message: `${TABLE_NAMES[table]}：部门表有${kind}“${d.label}”（${amountsText(d.values)}），各单位表中都没有。`,
        cells: [qualify(ctx.dept.name, d.labelCell), ...Object.values(d.values).filter((f): f is Figure => !!f && f.fen !== 0).map((f) => qualify(ctx.dept.name, f.cell))],
      });
      continue;
    }
    const cols = new Set([...Object.keys(d.values), ...present.flatMap((p) => Object.keys(p.u.values))].filter((c) => !columns || columns.has(c)));
    for (const col of cols) {
      compareFigure(ctx, table, `${d.label}${cols.size > 1 ? ` / ${columnLabel(ctx.dept.accounts, table, col)}` : ''}`, d.values[col], us.map((u) => u?.values[col]));
    }
  }
}

function columnLabel(a: Accounts, table: TableId, col: string): string {
  const loc = a.tables.find((t) => t.id === table);
  const header = loc?.columns.find((c) => c.key === col)?.header;
  return header ? header.split('/').pop()!.trim() : col;
}

function codedRows(t: CodedTable | undefined): Keyed[] {
  if (!t) return [];
  const rows: Keyed[] = [];
  if (t.total) rows.push({ key: '合计', label: '合计', labelCell: t.total.nameCell, values: t.total.values });
  for (const r of t.rows as CodedRow[]) rows.push({ key: r.code, label: `${r.code} ${r.name}`.trim(), labelCell: r.codeCells[0] ?? r.nameCell, values: r.values });
  return rows;
}

function lines(side: Line[] | undefined): Keyed[] {
  return (side ?? []).map((l) => ({ key: l.key, label: l.label, labelCell: l.labelCell, values: l.values }));
}

function twoSided(ctx: Ctx, id: 'T1' | 'T4', get: (a: Accounts) => TwoSidedTable | undefined): void {
  const d = get(ctx.dept.accounts);
  const us = ctx.units.map((u) => get(u.accounts));
  compareKeyed(ctx, id, '收入项目', lines(d?.income), us.map((u) => lines(u?.income)));
  compareKeyed(ctx, id, '支出项目', lines(d?.expenditure), us.map((u) => lines(u?.expenditure)));
}

function t6(a: Accounts): Keyed[] {
  const t = a.T6;
  if (!t) return [];
  const rows: Keyed[] = t.items.map((i) => ({ key: i.code, label: `${i.code} ${i.name}`, labelCell: i.codeCell, values: { amount: i.value } }));
  for (const [key, line] of [
    ['人员经费合计', t.personnelTotal],
    ['公用经费合计', t.publicTotal],
    ['合计', t.grandTotal],
  ] as const) {
    if (line) rows.push({ key, label: line.label, labelCell: line.labelCell, values: line.values });
  }
  return rows;
}

function t7(a: Accounts): Keyed[] {
  const t = a.T7;
  if (!t) return [];
  const rows: Keyed[] = [];
  for (const key of Object.keys(T7_LABELS) as ThreePublicKey[]) {
    const values: Record<string, Figure | undefined> = { budget: t.budget[key], actual: t.actual[key] };
    const cell = (t.actual[key] ?? t.budget[key])?.cell;
    if (cell) rows.push({ key, label: T7_LABELS[key], labelCell: cell, values });
  }
  return rows;
}

/** Does the table exist in this workbook (an empty T8/T9 "本表无数据" counts as present, with nothing in it)? */
function hasTable(a: Accounts, id: TableId): boolean {
  return !!a[id] || a.tables.some((t) => t.id === id);
}

export function consolidate(dept: NamedAccounts, units: NamedAccounts[]): ConsolidationResult {
  const ctx: Ctx = { dept, units, findings: [], compared: 0 };
  const tables: ConsolidationResult['tables'] = [];
  const y = dept.accounts.facts.year;
  const otherYears = units.filter((u) => u.accounts.facts.year !== undefined && y !== undefined && u.accounts.facts.year !== y);
  if (otherYears.length) {
    push(ctx, {
      rule: CONSOLIDATION_RULES.year,
      severity: '警告',
      message: `部门工作簿是 ${y} 年度，${otherYears.map((u) => `${u.name} 是 ${u.accounts.facts.year} 年度`).join('、')}。`,
      cells: [],
    });
  }
  const ids: TableId[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'];
  for (const id of ids) {
    const lacking = units.filter((u) => !hasTable(u.accounts, id));
    if (!hasTable(dept.accounts, id)) {
      const reason = `部门工作簿“${dept.name}”中没有找到${TABLE_NAMES[id]}，该表未核对。`;
      tables.push({ id, checked: false, reason });
      if (lacking.length < units.length) push(ctx, { rule: CONSOLIDATION_RULES.table, severity: '警告', table: id, message: reason, cells: [] });
      continue;
    }
    if (lacking.length) {
      const reason = `${lacking.map((u) => `“${u.name}”`).join('、')}中没有找到${TABLE_NAMES[id]}，无法核对部门的该表。`;
      tables.push({ id, checked: false, reason });
      push(ctx, { rule: CONSOLIDATION_RULES.table, severity: '警告', table: id, message: reason, cells: [] });
      continue;
    }
    tables.push({ id, checked: true });
    switch (id) {
      case 'T1':
        twoSided(ctx, 'T1', (a) => a.T1);
        break;
      case 'T4':
        twoSided(ctx, 'T4', (a) => a.T4);
        break;
      case 'T6':
        compareKeyed(ctx, id, '经济分类科目', t6(dept.accounts), units.map((u) => t6(u.accounts)));
        break;
      case 'T7':
        compareKeyed(ctx, id, '项目', t7(dept.accounts), units.map((u) => t7(u.accounts)));
        break;
      default:
        compareKeyed(ctx, id, '科目', codedRows(dept.accounts[id]), units.map((u) => codedRows(u.accounts[id])), sharedColumns(ctx, id));
    }
  }
  return { findings: ctx.findings, compared: ctx.compared, tables };
}
