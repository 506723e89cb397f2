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
