/**
 * Rounding, intervals, percentages and the formatting of amounts and percentages: the one module every
 * output (rules, narrative, rates, audit, charts, task pane) uses. Nothing else rounds money or percentages.
 *
 * POLICY (stated once, here and in the README)
 * 1. Amounts are exact integers of 分 (money.ts). A published figure is shown with 2 decimals of its unit.
 * 2. Shares, changes and rates are computed from the figures AS PRINTED in 万元: every input is first rounded
 *    to 0.01 万元 (四舍五入, half away from zero), then divided exactly. That is what a reader recomputing from
 *    the published tables gets, whether the workbook is kept in 元 or in 万元. The 执行率汇总 formulas compute
 *    the same thing: table cells in 元 (or with more decimals than shown) are read as ROUND(cell/10000,2), so
 *    分子 and 分母 are printed 万元 figures and 结果 = 分子/分母 shown as 0.00%. A rule (≤100%) is judged on
 *    those printed figures exactly (250.01 against 250.00 exceeds although it shows 100.00%).
 * 3. A percentage is an exact ratio of integers rounded half away from zero to 2 decimals (never a float
 *    multiplied by 100); a ratio that is exactly a whole percent may be written without decimals ("42%").
 * 4. Relations between published figures follow the XBRL Calculations 1.1 interval rule: a figure shown with
 *    d decimals in unit U stands for [v − h, v + h], h = 0.5 × 10^−d U. "total = Σ parts" passes when the
 *    difference is 0, is a 尾差 (rounding difference, a hint) when |Σ parts − total| ≤ h(total) + Σ h(part),
 *    and is an error beyond that. Half-widths are kept in 分 and may be 0.5 (a figure exact to 分).
 */
import {
  ExactDecimal,
  FEN_PER_WANYUAN,
  Fen,
  MoneyUnit,
  UNIT_FACTOR,
  decimalFromNumber,
  decimalToFen,
  divRound,
  formatWanyuan,
  formatYuan,
  percent,
  roundToWanyuanCents,
} from './money';

// ───────────────────────────── amounts as printed ─────────────────────────────

/** Half of 0.01 万元 in 分: the rounding half-width of a published 万元 figure. */
export const HALF_HUNDREDTH_WANYUAN: number = FEN_PER_WANYUAN / 200;

/** The amount as the published table shows it: rounded to 0.01 万元. */
export function asPrinted(fen: Fen): Fen {
  return roundToWanyuanCents(fen);
}

/** Is the amount already a multiple of 0.01 万元 (no rounding needed to print it)? */
export function isPrintedExactly(fen: Fen): boolean {
  return fen % (FEN_PER_WANYUAN / 100) === 0;
}

/** An amount in its unit with 2 decimals, no thousands separators ("853.00" 万元, "8530000.00" 元). */
export function formatAmountIn(fen: Fen, unit: MoneyUnit): string {
  return unit === 'yuan' ? formatYuan(fen) : formatWanyuan(fen);
}

/** A 万元 number held by a sheet cell (a double) → exact 分, through its shortest decimal form. */
export function fenFromWanyuanNumber(n: number): Fen {
  return decimalToFen(decimalFromNumber(n), 'wanyuan').fen;
}

/** A 万元 number held by a sheet cell, as the sheet's 0.00 format shows it ("853.00", half away from zero). */
export function wanyuanNumberText(n: number): string {
  return formatWanyuan(fenFromWanyuanNumber(n));
}

/** 分 → the 万元 number Excel holds for it (exact decimal, nearest double). */
export function fenToWanyuanNumber(fen: Fen): number {
  return Number(formatWanyuan(fen, 6));
}

/**
 * A number from a cell in `unit` → 分, fast: a double whose shortest decimal form is an exact number of 分 lands
 * within far less than 0.5 of that integer once multiplied; anything else (sub-分 precision, huge values)
 * returns undefined and takes the exact BigInt path (decimalToFen).
 */
export function fenFromNumberFast(v: number, unit: MoneyUnit): Fen | undefined {
  const x = v * UNIT_FACTOR[unit];
  if (!(Math.abs(x) < 1e15)) return undefined;
  const fen = Math.round(x);
  return Math.abs(x - fen) < 1e-4 ? fen : undefined;
}

/** 分 in one step of the last decimal shown (`decimals` decimals of `unit`), at least 1 分. */
export function stepFen(unit: MoneyUnit, decimals: number): number {
  const d = Math.max(0, Math.min(decimals, 8));
  const step = divRound(BigInt(UNIT_FACTOR[unit]), 10n ** BigInt(d));
  return step < 1n ? 1 : Number(step);
}

// ───────────────────────────── intervals ─────────────────────────────

/** Half-width in 分 of a figure shown with `decimals` decimals in `unit`. */
export function halfWidthFen(unit: MoneyUnit, decimals: number): number {
  const d = Math.max(0, Math.min(decimals, 8));
  const unitFen = UNIT_FACTOR[unit];
  // 0.5 × 10^-d × unitFen, never below half a 分 (a stored value is never finer than 1 分).
  return Math.max(0.5, unitFen / 2 / 10 ** d);
}

export type Verdict = 'pass' | 'rounding' | 'error';

export interface Bounded {
  fen: Fen;
  halfWidth: number;
}

/** The verdict for a difference against the rounding bound. */
export function verdictOf(diff: Fen, bound: number): Verdict {
  const abs = Math.abs(diff);
  return abs === 0 ? 'pass' : abs <= bound ? 'rounding' : 'error';
}

/** A signed part of a sum. */
export interface SignedBounded extends Bounded {
  sign?: 1 | -1;
}

/** The sum of intervals: exact sum of the values, sum of the half-widths. */
export function sumIntervals(parts: SignedBounded[]): { fen: Fen; halfWidth: number } {
  let fen = 0;
  let halfWidth = 0;
  for (const p of parts) {
    fen += (p.sign ?? 1) * p.fen;
    halfWidth += p.halfWidth;
  }
  return { fen, halfWidth };
}

/** Compare a total with the (signed) sum of parts within the rounding bound. diff = Σ parts − total. */
export function compareSum(total: Bounded, parts: SignedBounded[]): { verdict: Verdict; sum: Fen; diff: Fen; bound: number } {
  const s = sumIntervals(parts);
  const bound = total.halfWidth + s.halfWidth;
  const diff = s.fen - total.fen;
  return { verdict: verdictOf(diff, bound), sum: s.fen, diff, bound };
}

/** Compare two figures that should be equal (the same amount stated in two places). */
export function compareEqual(a: Bounded, b: Bounded): { verdict: Verdict; diff: Fen; bound: number } {
  const r = compareSum(a, [b]);
  return { verdict: r.verdict, diff: r.diff, bound: r.bound };
}

/** The rounding precision of one table (or column), decided from all its figures at once. */
export interface TablePrecision {
  /** Half-width in 分 given to every figure of the table. */
  halfWidth: number;
  /** In words, for the reader's notes and the README: "元，金额均为整百元（按0.01万元取整）：±50元". */
  basis: string;
}

/** Fewer distinct non-zero amounts than this say too little about how a table was rounded. */
export const MIN_DISTINCT_FOR_PRECISION = 3;

/**
 * Decide a table's precision from its amounts (DOMAIN.md §3), per table and never per value:
 *   万元 shown with d decimals (the most common among its figures) → ±0.5×10^−d 万元 (2 decimals: ±0.005 万元);
 *   元 whose non-zero amounts are all whole hundreds → they were rounded to 0.01 万元 → ±50 元;
 *   元 all whole → ±0.5 元;   元 with 分 → ±0.005 元.
 * `amounts` are the non-blank figures (fen and the half-width their own shown decimals give). Returns
 * undefined when the amounts say too little (fewer than MIN_DISTINCT_FOR_PRECISION distinct non-zero 元
 * amounts): the caller then uses the decision for all the workbook's tables in that unit.
 */
export function decideTablePrecision(unit: MoneyUnit, amounts: Bounded[]): TablePrecision | undefined {
  if (unit === 'wanyuan') {
    const votes = new Map<number, number>();
    for (const a of amounts) if (a.fen !== 0) votes.set(a.halfWidth, (votes.get(a.halfWidth) ?? 0) + 1);
    const top = [...votes.entries()].sort((x, y) => y[1] - x[1] || y[0] - x[0])[0];
    const halfWidth = top ? top[0] : halfWidthFen('wanyuan', 2);
    const decimals = Math.round(Math.log10(UNIT_FACTOR.wanyuan / 2 / halfWidth));
    return { halfWidth, basis: `万元，保留${decimals}位小数：每个数 ±${halfWidth / UNIT_FACTOR.wanyuan}万元` };
  }
  const distinct = new Set(amounts.filter((a) => a.fen !== 0).map((a) => Math.abs(a.fen)));
  if (distinct.size < MIN_DISTINCT_FOR_PRECISION) return undefined;
  const all = (step: number) => [...distinct].every((f) => f % step === 0);
  if (all(UNIT_FACTOR.wanyuan / 100))
    return { halfWidth: UNIT_FACTOR.wanyuan / 200, basis: '元，非零金额均为整百元（按0.01万元取整后以元列示）：每个数 ±50元' };
  if (all(UNIT_FACTOR.yuan)) return { halfWidth: UNIT_FACTOR.yuan / 2, basis: '元，金额均为整元：每个数 ±0.5元' };
  return { halfWidth: 0.5, basis: '元，金额到分：每个数 ±0.005元' };
}

/** Do two amounts agree within `n` halves of 0.01 万元 (a figure written in a text against a table)? */
export function withinPrintedRounding(a: Fen, b: Fen, halves = 2): boolean {
  return Math.abs(a - b) <= HALF_HUNDREDTH_WANYUAN * halves;
}

// ───────────────────────────── percentages ─────────────────────────────

/** A percentage: `text` has 2 decimals ("14.13"), `hundredths` is the same ×100 (1413), `whole` when a/b is exactly a whole percent. */
export interface PercentValue {
  text: string;
  hundredths: number;
  whole: boolean;
}

/** a ÷ b × 100 exactly, rounded half away from zero to 2 decimals; null when b is 0 (say so, never divide). */
export function percentValue(a: Fen, b: Fen): PercentValue | null {
  const p = percent(a, b, 2);
  if (!p) return null;
  return { text: p.text, hundredths: Number(p.scaled), whole: (BigInt(a) * 100n) % BigInt(b) === 0n };
}

/** A share / rate / change of two amounts under the policy: both rounded to 0.01 万元 first. */
export function printedPercent(a: Fen, b: Fen): PercentValue | null {
  return percentValue(asPrinted(a), asPrinted(b));
}

/** The same as a { scaled, text } (rates): 2 decimals, from the printed amounts. */
export function printedPercentScaled(a: Fen, b: Fen): { scaled: bigint; text: string } | null {
  return percent(asPrinted(a), asPrinted(b), 2);
}

/** Hundredths of a percent → "14.13" (always 2 decimals). */
export function hundredthsText(h: bigint | number): string {
  const v = BigInt(h);
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Hundredths of a percent → the shortest reading ("98.3", "100", "14.13"). */
export function hundredthsPlainText(h: bigint | number): string {
  return hundredthsText(h).replace(/0+$/, '').replace(/\.$/, '');
}

/** How a percentage is written in running text: a whole percent without decimals ("42"), else 2 decimals; no sign. */
export function percentReading(p: PercentValue): string {
  if (p.whole) return hundredthsText(Math.abs(p.hundredths)).replace(/\.00$/, '');
  return p.text.replace(/^-/, '');
}

/** The reading a checker suggests for a/b: a whole number when exact, else 2 decimals (`scaled` = hundredths). */
export function suggestedPercentText(scaled: bigint, a: Fen, b: Fen): string {
  if (b !== 0 && (BigInt(a) * 100n) % BigInt(b) === 0n) return String((BigInt(a) * 100n) / BigInt(b));
  return hundredthsText(scaled);
}

/** A written percentage (e.g. "98.3", "14.125") in hundredths of a percent, rounded half away from zero. */
export function percentHundredths(p: ExactDecimal): bigint {
  if (p.scale <= 2) return p.digits * 10n ** BigInt(2 - p.scale);
  return divRound(p.digits, 10n ** BigInt(p.scale - 2));
}

/**
 * Is a written percentage consistent with a/b when a and b are themselves rounded figures (±ha, ±hb 分)?
 * The lowest possible ratio (a − ha)/(b + hb) and the highest (a + ha)/(b − hb) are rounded at the written
 * percentage's own decimals; the written value must lie between them.
 */
export function percentWithin(a: Fen, ha: number, b: Fen, hb: number, p: ExactDecimal): boolean {
  if (b <= 0) return false;
  const d = p.scale;
  const loA = Math.max(0, a - ha);
  const hiA = a + ha;
  const loB = b + hb;
  const hiB = Math.max(1, b - hb);
  const lo = percent(Math.floor(loA), Math.ceil(loB), d)!.scaled;
  const hi = percent(Math.ceil(hiA), Math.floor(hiB), d)!.scaled;
  return p.digits >= lo && p.digits <= hi;
}

/** Shares of numbers held by sheet cells (万元 doubles, e.g. a chart's values) in exact arithmetic. */
export function sharesOfWanyuanNumbers(values: number[]): PercentValue[] | null {
  const fens = values.map(fenFromWanyuanNumber);
  const total = fens.reduce((s, v) => s + v, 0);
  if (total === 0) return null;
  return fens.map((f) => percentValue(f, total)!);
}

/** A ratio cell's value (0.1413 for 14.13%) as a percentage text with 2 decimals ("14.13%"), exactly. */
export function ratioNumberPercentText(ratio: number): string {
  const d = decimalFromNumber(ratio);
  // ratio × 100 with 2 decimals = ratio × 10^4 hundredths.
  const h = d.scale <= 4 ? d.digits * 10n ** BigInt(4 - d.scale) : divRound(d.digits, 10n ** BigInt(d.scale - 4));
  return `${hundredthsText(h)}%`;
}

/**
 * A cell's number as an Excel format with `decimals` decimals shows it: exact decimal of the double, rounded
 * half away from zero; `percent` multiplies by 100 (by shifting the decimal point, not by a float product).
 */
export function formatCellNumber(v: number, decimals: number, opts: { percent?: boolean; grouping?: boolean } = {}): string {
  const d = decimalFromNumber(v);
  const scale = d.scale - (opts.percent ? 2 : 0);
  const units = scale <= decimals ? d.digits * 10n ** BigInt(decimals - scale) : divRound(d.digits, 10n ** BigInt(scale - decimals));
  const neg = units < 0n;
  const s = (neg ? -units : units).toString().padStart(decimals + 1, '0');
  let int = decimals ? s.slice(0, s.length - decimals) : s;
  const frac = decimals ? s.slice(s.length - decimals) : '';
  if (opts.grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = frac ? `${int}.${frac}` : int;
  return `${neg && units !== 0n ? '-' : ''}${body}${opts.percent ? '%' : ''}`;
}
