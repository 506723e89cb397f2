/** The coded rows of every table that carries 功能分类 codes, for the catalogue rules. */
import { Accounts, CodedRow, TABLE_NAMES } from '../model/types';

export interface CodedRef {
  table: 'T2' | 'T3' | 'T5' | 'T8' | 'T9';
  tableName: string;
  row: CodedRow;
}

const ROWS = new WeakMap<Accounts, CodedRef[]>();
const BY_CODE = new WeakMap<CodedRef[], Map<string, CodedRef[]>>();

/** Collected once per model: four rules walk the same rows. */
export function codedRows(a: Accounts): CodedRef[] {
  const cached = ROWS.get(a);
  if (cached) return cached;
  const out: CodedRef[] = [];
  for (const id of ['T2', 'T3', 'T5', 'T8', 'T9'] as const) {
    const t = a[id];
    if (!t || t.location.empty) continue;
    for (const row of t.rows) out.push({ table: id, tableName: TABLE_NAMES[id], row });
  }
  ROWS.set(a, out);
  return out;
}

/** Group references by code so one problem with one code is reported once, with all its cells. */
export function byCode(refs: CodedRef[]): Map<string, CodedRef[]> {
  const cached = BY_CODE.get(refs);
  if (cached) return cached;
  const m = new Map<string, CodedRef[]>();
  for (const r of refs) {
    const list = m.get(r.row.code);
    if (list) list.push(r);
    else m.set(r.row.code, [r]);
  }
  BY_CODE.set(refs, m);
  return m;
}
