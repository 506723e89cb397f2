/** Small accessors over the model shared by the rules (no arithmetic here). */
import { CodedRow, CodedTable, Figure, Line, TwoSidedTable } from '../model/types';
import { MoneyUnit } from '../money/money';
import { Term } from './relation';

export function line(lines: Line[] | undefined, key: string): Line | undefined {
  return lines?.find((l) => l.key === key);
}

export function fig(lines: Line[] | undefined, key: string, col = 'amount'): Figure | undefined {
  return line(lines, key)?.values[col];
}

/** A term for a line; an absent line gives an undefined figure (the relation is then skipped). */
export function term(lines: Line[] | undefined, key: string, label: string, col = 'amount', sign: 1 | -1 = 1): Term {
  const l = line(lines, key);
  return { figure: l?.values[col], label, sign, why: whyAbsent(l, col) };
}

/** Why a line's figure is absent, for the ledger of relations not evaluated. */
export function whyAbsent(l: { values: Record<string, Figure | undefined> } | undefined, col: string): string | undefined {
  if (!l) return '行在表中找不到';
  if (!(col in l.values)) return '所在栏目在表中找不到';
  return l.values[col] ? undefined : '单元格不是可读的金额';
}

/** A term for an optional line: absent means the form does not have it, so it counts as 0 — but only when absent. */
export function optionalTerm(lines: Line[] | undefined, key: string, label: string, col = 'amount', sign: 1 | -1 = 1): Term | undefined {
  const l = line(lines, key);
  return l ? { figure: l.values[col], label, sign, why: whyAbsent(l, col) } : undefined;
}

export function classLines(t: TwoSidedTable | undefined): Line[] {
  return t ? t.expenditure.filter((l) => l.key.startsWith('class:')) : [];
}

export function unitOf(t: { location: { unit: MoneyUnit } } | undefined): MoneyUnit {
  return t?.location.unit ?? 'wanyuan';
}

/** Rows of a coded table by code. */
export function rowsByCode(t: CodedTable | undefined): Map<string, CodedRow> {
  const m = new Map<string, CodedRow>();
  for (const r of t?.rows ?? []) if (!m.has(r.code)) m.set(r.code, r);
  return m;
}

/** The figure of a coded table's total row for a column key; an empty table's total is 0 ("本表无数据"). */
export function totalOf(t: CodedTable | undefined, col: string): Figure | undefined {
  return t?.total?.values[col] ?? (t?.location.empty ? emptyTableZero(t) : undefined);
}

/** A zero figure standing for an empty table ("本表无数据"), pointing at the table. */
export function emptyTableZero(t: { location: CodedTable['location'] }): Figure {
  return {
    fen: 0,
    cell: `${t.location.sheet}!${t.location.range}`,
    sheet: t.location.sheet,
    row: 0,
    col: 0,
    raw: '',
    halfWidth: t.location.precision?.halfWidth ?? 0.5,
    blank: true,
    fromText: false,
    hiddenPrecision: false,
    formula: false,
  };
}

export function rowLabel(r: CodedRow): string {
  return r.level === 'total' ? '合计' : `${r.code} ${r.name}`;
}

/** Every figure of the nine tables, with the table it belongs to and a label for messages. */
/** A figure with its table; the label is built only when a message needs it. */
export interface FigureRef {
  table: string;
  label: () => string;
  figure: Figure;
  isTotal: boolean;
}

const FIGURES = new WeakMap<object, FigureRef[]>();
export function allFigures(a: import('../model/types').Accounts): FigureRef[] {
  // Several rules walk every figure: collect them once per model.
  const cached = FIGURES.get(a);
  if (cached) return cached;
  const out: FigureRef[] = [];
  const push = (table: string, label: () => string, f: Figure | undefined, isTotal: boolean) => {
    if (f) out.push({ table, label, figure: f, isTotal });
  };
  for (const id of ['T1', 'T4'] as const) {
    const t = a[id];
    if (!t) continue;
    for (const l of [...t.income, ...t.expenditure])
      for (const [k, f] of Object.entries(l.values)) push(id, () => `${l.label.trim()}${k === 'amount' ? '' : `（${k}）`}`, f, /Total|grandTotal|Balance/.test(l.key));
  }
  for (const id of ['T2', 'T3', 'T5', 'T8', 'T9'] as const) {
    const t = a[id];
    if (!t) continue;
    for (const r of t.total ? [t.total, ...t.rows] : t.rows) {
      for (const col of t.location.columns) push(id, () => `${rowLabel(r)}（${col.header.split('/').pop()}）`, r.values[col.key], r.level !== 'subitem' || col.key === 'total');
    }
  }
  if (a.T6) {
    for (const i of a.T6.items) push('T6', () => `${i.code} ${i.name}`, i.value, i.code.length === 3);
    for (const l of [a.T6.personnelTotal, a.T6.publicTotal, a.T6.grandTotal]) if (l) push('T6', () => l.label, l.values.amount, true);
  }
  if (a.T7) {
    for (const [k, f] of Object.entries(a.T7.budget)) push('T7', () => `预算数 ${k}`, f, k === 'total' || k === 'vehicle');
    for (const [k, f] of Object.entries(a.T7.actual)) push('T7', () => `决算数 ${k}`, f, k === 'total' || k === 'vehicle');
  }
  FIGURES.set(a, out);
  return out;
}
