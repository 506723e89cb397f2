/**
 * The tolerance of published figures: an amount printed to 0.01 万元 stands for ±0.005 万元; a percentage is
 * accepted when it lies in the range the rounded amounts allow, at the precision it is written with.
 */
import { ExactDecimal } from '../../money/money';
import { HALF_HUNDREDTH_WANYUAN, percentHundredths, percentWithin, suggestedPercentText } from '../../money/rounding';

// The one rounding and percent module (money/rounding.ts), under the names the checks use.
export const HALF = HALF_HUNDREDTH_WANYUAN; // 0.005 万元 in 分
/** A written percentage in hundredths of a percent (98.3 → 9830). */
export const atHundredths = percentHundredths;
/** Is the written percentage within what a/b allows when a and b are rounded (±ha, ±hb 分)? */
export const inRange = percentWithin;
/** The suggested reading of a percentage: 2 decimals, or a whole number when the ratio is exact. */
export const pctText = suggestedPercentText;

/** Relative distance of a written percentage from the exact one. */
export function relativeGap(p: ExactDecimal, exact: bigint): number {
  return Math.abs(Number(atHundredths(p) - exact)) / Math.max(1, Math.abs(Number(exact)));
}

/** The bound of a sum of n printed amounts against a printed total: each is ±0.005 万元. */
export function sumBound(n: number): number {
  return HALF * (n + 1);
}
