/**
 * Rounding tolerance for relations between published figures (DOMAIN.md §3, the XBRL Calculations 1.1 way).
 *
 * A figure shown with d decimals in unit U stands for the interval [v − h, v + h] with
 * h = 0.5 × 10^−d U. A relation "total = Σ parts" is consistent when the interval of the sum meets
 * the interval of the total, i.e. |Σ parts − total| ≤ h(total) + Σ h(part).
 *   difference 0            → pass
 *   0 < difference ≤ bound  → 尾差 (rounding difference, a hint)
 *   difference > bound      → error
 * Half-widths are kept in 分 and may be 0.5 (a figure exact to 分); halves are exact in binary floats.
 */
import { Fen, MoneyUnit, UNIT_FACTOR } from './money';

/** Half-width in 分 of a figure shown with `decimals` decimals in `unit`. */
export function halfWidthFen(unit: MoneyUnit, decimals: number): number {
  const d = Math.max(0, Math.min(decimals, 8));
  const unitFen = UNIT_FACTOR[unit];
  // 0.5 × 10^-d × unitFen, never below half a 分 (a stored value is never finer than 1 分).
  return Math.max(0.5, (unitFen / 2) / 10 ** d);
}

export type Verdict = 'pass' | 'rounding' | 'error';

export interface Bounded {
  fen: Fen;
  halfWidth: number;
}

/** Compare a total with the sum of parts within the rounding bound. */
export function compareSum(total: Bounded, parts: Bounded[]): { verdict: Verdict; sum: Fen; diff: Fen; bound: number } {
  let sum = 0;
  let bound = total.halfWidth;
  for (const p of parts) {
    sum += p.fen;
    bound += p.halfWidth;
  }
  const diff = sum - total.fen;
  const abs = Math.abs(diff);
  const verdict: Verdict = abs === 0 ? 'pass' : abs <= bound ? 'rounding' : 'error';
  return { verdict, sum, diff, bound };
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
