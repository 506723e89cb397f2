/**
 * Resolving rate definitions against one workbook: each source becomes a cell (for the live formula), an
 * exact value (分 or a count) and a label (for reasons). A table input that cannot be found makes the
 * quantity unavailable (no formula possible); an empty 补充信息 input keeps the formula live and becomes
 * an ISNUMBER check, so the sheet recomputes as soon as the user fills it in.
 */
import { Accounts, Figure } from '../model/types';
import { MoneyUnit, parseDecimal } from '../money/money';
import { asPrinted, fenToWanyuanNumber, isPrintedExactly } from '../money/rounding';
import { quoteSheet, splitRef } from '../snapshot/address';
import { FIELD_BY_KEY } from '../supplement/fields';
import { Supplement, allFields } from '../supplement/sheet';
import { QuantityDef, QuantityUnit, SourceRef, Term } from './definitions';
import { printedWanyuanExpr, sourceFigures, tableUnit } from '../model/quantities';

/** A 补充信息 input the formula checks with ISNUMBER (any of `refs` filled is enough). */
export interface SupplementCheck {
  /** Stable identity (field keys joined). */
  id: string;
  /** Quoted references, e.g. '补充信息'!C20. */
  refs: string[];
  /** For reasons: 补充信息“编制数”. */
  label: string;
  filled: boolean;
}

export interface ResolvedTerm {
  sign: 1 | -1;
  /** Formula fragment: '公开07表'!G8, N('公开07表'!B8) for a dash, '公开06表'!J33/10000 for a table in 元 … */
  expr: string;
  /** Source cells as users see them: 公开07表!G8. */
  cells: string[];
  label: string;
  /** Exact value (分 or a count); undefined for an empty 补充信息 input. */
  value?: number;
  figure?: Figure;
  check?: SupplementCheck;
}

export interface ResolvedQuantity {
  def: QuantityDef;
  label: string;
  unit: QuantityUnit;
  /** The way used; empty when unavailable. */
  terms: ResolvedTerm[];
  /** Inputs that cannot be found at all: no formula can be written. */
  unavailable: string[];
  /** 补充信息 inputs the value depends on (filled or not). */
  checks: SupplementCheck[];
  /** Exact value when every input is present. */
  value?: number;
  /** Formula with "=", when available. */
  formula?: string;
  /** What Excel computes for `formula` (万元 for money; empty 补充信息 cells count as 0). */
  cached?: number;
}

export { fenToWanyuanNumber };

/** A value of a quantity as the sheet shows it (万元 for money). */
export function displayNumber(unit: QuantityUnit, value: number): number {
  return unit === 'money' ? fenToWanyuanNumber(value) : value;
}

export function supplementLabel(key: string, supplement: Supplement, accounts: Accounts): string {
  return FIELD_BY_KEY.get(key)?.label ?? allFields(accounts).find((f) => f.key === key)?.label ?? supplement.values.get(key)?.field?.label ?? key;
}

function quotedRef(unquoted: string): string {
  const s = splitRef(unquoted);
  return s ? `${quoteSheet(s.sheet)}!${s.address}` : unquoted;
}

/**
 * A table cell as a term. Under the policy of money/rounding.ts the value is the figure as printed in 万元
 * (0.01 万元), and so is the formula (model/quantities.ts printedWanyuanExpr).
 */
function figureTerm(fig: Figure, unit: MoneyUnit, label: string, sign: 1 | -1): ResolvedTerm {
  return { sign, expr: printedWanyuanExpr(fig, unit), cells: [fig.cell], label, value: asPrinted(fig.fen), figure: fig };
}

/** Resolve one source into terms, or a label saying what is missing. */
function resolveRef(ref: SourceRef, sign: 1 | -1, accounts: Accounts, supplement: Supplement): { terms: ResolvedTerm[]; unavailable?: string } {
  if (ref.kind !== 'supplement') {
    // Every table source is found through the catalogue of quantities (model/quantities.ts).
    const found = sourceFigures(accounts, ref);
    if (!found) return { terms: [], unavailable: ref.label };
    return { terms: found.map((f) => figureTerm(f.figure, tableUnit(accounts, f.id), f.label, sign)) };
  }
  const keys = [ref.key, ...(ref.orElse ? [ref.orElse] : [])];
  const names = keys.map((k) => `“${supplementLabel(k, supplement, accounts)}”`);
  const label = `补充信息${names.join('或')}`;
  const present = keys.filter((k) => supplement.cells.has(k));
  if (!present.length) return { terms: [], unavailable: label };
  const refs = present.map((k) => quotedRef(supplement.cells.get(k)!));
  const filledKey = present.find((k) => isFilled(supplement, k));
  const value = filledKey ? numericValue(supplement, filledKey) : undefined;
  // A 补充信息 amount typed with more than 2 decimals is read as printed (0.01 万元), in the formula too.
  const sloppy = filledKey !== undefined && supplement.values.get(filledKey)!.fen !== undefined && !isPrintedExactly(value as number);
  // IF(ISNUMBER(a),a,b): the first filled one, as the field's hint says (全年预算, else 年初预算).
  let expr = refs[refs.length - 1];
  for (let i = refs.length - 2; i >= 0; i--) expr = `IF(ISNUMBER(${refs[i]}),${refs[i]},${expr})`;
  const check: SupplementCheck = { id: present.join('|'), refs, label, filled: filledKey !== undefined };
  if (sloppy) expr = `ROUND(${expr},2)`;
  return { terms: [{ sign, expr, cells: present.map((k) => supplement.cells.get(k)!), label, value: sloppy ? asPrinted(value as number) : value, check }] };
}

/** A 补充信息 value counts when it is a plain number (what Excel's ISNUMBER sees in the cell). */
function isFilled(supplement: Supplement, key: string): boolean {
  const v = supplement.values.get(key);
  if (!v || (v.fen === undefined && v.number === undefined)) return false;
  return parseDecimal(v.raw) !== null;
}

function numericValue(supplement: Supplement, key: string): number | undefined {
  const v = supplement.values.get(key)!;
  return v.fen ?? v.number;
}

export function resolveQuantity(def: QuantityDef, accounts: Accounts, supplement: Supplement): ResolvedQuantity {
  const tried = def.ways.map((way) => resolveWay(way, accounts, supplement));
  const available = tried.filter((w) => w.unavailable.length === 0);
  // Prefer a way whose table cells are not all blank (a 合计 read from an empty cell while its parts have amounts).
  const informative = available.find((w) => !w.terms.every((t) => t.figure?.blank));
  const chosen = informative ?? available[0];
  if (!chosen) {
    const first = tried[0];
    return { def, label: def.label, unit: def.unit, terms: [], unavailable: first.unavailable, checks: [] };
  }
  const terms = chosen.terms;
  const checks: SupplementCheck[] = [];
  for (const t of terms) if (t.check && !checks.some((c) => c.id === t.check!.id)) checks.push(t.check);
  const complete = terms.every((t) => t.value !== undefined);
  const value = complete ? terms.reduce((s, t) => s + t.sign * (t.value as number), 0) : undefined;
  const cachedExact = terms.reduce((s, t) => s + t.sign * (t.value ?? 0), 0);
  const formula =
    '=' +
    (terms.length
      ? terms.map((t, i) => (t.sign < 0 ? `-${t.expr}` : i === 0 ? t.expr : `+${t.expr}`)).join('')
      : '0');
  return { def, label: def.label, unit: def.unit, terms, unavailable: [], checks, value, formula, cached: displayNumber(def.unit, cachedExact) };
}

function resolveWay(way: Term[], accounts: Accounts, supplement: Supplement): { terms: ResolvedTerm[]; unavailable: string[] } {
  const terms: ResolvedTerm[] = [];
  const unavailable: string[] = [];
  for (const term of way) {
    const r = resolveRef(term.ref, term.sign ?? 1, accounts, supplement);
    terms.push(...r.terms);
    if (r.unavailable) unavailable.push(r.unavailable);
  }
  return { terms, unavailable };
}
