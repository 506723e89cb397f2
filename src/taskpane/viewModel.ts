/**
 * Display helpers: turn the engine's Accounts into what the task pane shows. Presentation only —
 * no recognition or arithmetic happens here.
 */
import { Accounts, ReadIssue, TABLE_IDS, TABLE_NAMES, TableId, TableLocation } from '../model/types';
import { UNIT_LABEL } from '../money/money';

export function isStandardId(id: string): id is TableId {
  return (TABLE_IDS as string[]).includes(id);
}

export interface TableGroups {
  /** The nine standard tables that were found, in T1…T9 order. */
  standard: TableLocation[];
  /** Every other table, in workbook order. */
  extra: TableLocation[];
}

export function groupTables(accounts: Accounts): TableGroups {
  const standard = accounts.tables
    .filter((t) => isStandardId(t.id))
    .sort((a, b) => TABLE_IDS.indexOf(a.id as TableId) - TABLE_IDS.indexOf(b.id as TableId));
  const extra = accounts.tables.filter((t) => !isStandardId(t.id));
  return { standard, extra };
}

/** "表1" for T1; the id itself for anything else. */
export function tableNumber(id: string): string {
  return isStandardId(id) ? `表${id.slice(1)}` : id;
}

/** "T8 政府性基金预算财政拨款收入支出决算表" style labels for the missing standard tables. */
export function missingLabels(accounts: Accounts): string[] {
  return accounts.missing.map((id) => `${tableNumber(id)} ${TABLE_NAMES[id]}`);
}

export function unitText(t: TableLocation): string {
  const label = UNIT_LABEL[t.unit] ?? String(t.unit);
  return t.unitAssumed ? `${label}（推定）` : label;
}

/** The reference handed to selectCells: 公开01表!A1:H40. */
export function tableRef(t: TableLocation): string {
  return `${t.sheet}!${t.range}`;
}

/** A stable key for a table row. */
export function tableKey(t: TableLocation): string {
  return `${t.id}|${t.sheet}|${t.range}`;
}

export function factsLine(accounts: Accounts): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  if (accounts.facts.year !== undefined) out.push({ label: '年度', value: `${accounts.facts.year}年` });
  if (accounts.facts.unitName) out.push({ label: '单位', value: accounts.facts.unitName });
  return out;
}

/**
 * The reader's issues to list. "Table not found" issues are left out when that table is already named in the
 * missing-tables warning, so the same fact is not shown twice.
 */
export function listedIssues(accounts: Accounts): ReadIssue[] {
  const missing = new Set<string>(accounts.missing);
  return accounts.issues.filter((i) => !(i.code === 'R-缺表' && i.table !== undefined && missing.has(i.table)));
}
