/**
 * The tolerance of published figures: an amount printed to 0.01 万元 stands for ±0.005 万元; a percentage is
 * accepted when it lies in the range the rounded amounts allow, at the precision it is written with.
 */
import { ExactDecimal, FEN_PER_WANYUAN, Fen, percent } from '../../money/money';

export const HALF = FEN_PER_WANYUAN / 200; // 0.005 万元 in 分

/** A written percentage in hundredths of a percent (98.3 → 9830). */
export function atHundredths(p: ExactDecimal): bigint {
  if (p.scale <= 2) return p.digits * 10n ** BigInt(2 - p.scale);
  const div = 10n ** BigInt(p.scale - 2);
  return (p.digits * 2n + div) / (div * 2n);
}

/** Is the written percentage within what a/b allows when a and b are rounded (±ha, ±hb 分)? */
export function inRange(a: Fen, ha: number, b: Fen, hb: number, p: ExactDecimal): boolean {
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

/** The suggested reading of a percentage: 2 decimals, or a whole number when the ratio is exact. */
export function pctText(scaled: bigint, a: Fen, b: Fen): string {
  if (b !== 0 && (BigInt(a) * 100n) % BigInt(b) === 0n) return String((BigInt(a) * 100n) / BigInt(b));
  const s = scaled.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Relative distance of a written percentage from the exact one. */
export function relativeGap(p: ExactDecimal, exact: bigint): number {
  return Math.abs(Number(atHundredths(p) - exact)) / Math.max(1, Math.abs(Number(exact)));
}

/** The bound of a sum of n printed amounts against a printed total: each is ±0.005 万元. */
export function sumBound(n: number): number {
  return HALF * (n + 1);
}
