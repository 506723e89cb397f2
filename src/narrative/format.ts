/**
 * How figures are written in the narrative (DOMAIN.md §5), in one place:
 * - amounts in 万元 with 2 decimals, no thousands separators ("853.00", "0.68"); an amount that is exactly 0
 *   is written "0" as the published 说明 do ("0万元，占0%");
 * - percentages with 2 decimals ("98.86", "6.80"); a ratio that is exactly a whole percent is written without
 *   decimals ("100", "42", "0") — it is exact, and that is how the published texts state it;
 * - reasons typed by the user are inserted without their end punctuation (the template supplies "。").
 */
import { Fen, formatWanyuan } from '../money/money';
import { PercentValue, percentReading } from '../money/rounding';

/** A percentage (money/rounding.ts): `text` has 2 decimals, `hundredths` ×100, `whole` when exactly a whole percent. */
export type { PercentValue };

export function formatAmount(fen: Fen): string {
  if (fen === 0) return '0';
  return formatWanyuan(fen);
}

export function formatPercent(p: PercentValue): string {
  return percentReading(p);
}

export function formatCount(n: number): string {
  return String(n);
}

/** "本年度项目收入增减变动。" → "本年度项目收入增减变动"; also drops a leading "主要原因是：". */
export function normaliseUserText(text: string): string {
  return text
    .trim()
    .replace(/^(主要)?(变动)?原因(是|为)?[：:，,]?\s*/, '')
    .replace(/[。．.；;，,、\s]+$/, '')
    .trim();
}
