/**
 * Exact money for 决算 figures.
 *
 * Every amount is held as an integer number of 分 (0.01 元). 1 万元 = 1 000 000 分, so a figure
 * published as "853.00" 万元 is 853 000 000 分. JS numbers hold integers exactly up to 2^53
 * (≈ 9×10^13 元), far above any departmental account, so additions and subtractions of Fen are exact.
 * Divisions (shares, rates) go through BigInt so that the rounding is exact as well.
 *
 * Rounding rule (one rule, one place): 四舍五入 — half away from zero — to the unit asked for.
 */

/** Integer number of 分. */
export type Fen = number;

export const FEN_PER_YUAN = 100;
export const FEN_PER_WANYUAN = 1_000_000;

export type MoneyUnit = 'yuan' | 'wanyuan';

export const UNIT_FACTOR: Record<MoneyUnit, number> = {
  yuan: FEN_PER_YUAN,
  wanyuan: FEN_PER_WANYUAN,
};

export const UNIT_LABEL: Record<MoneyUnit, string> = { yuan: '元', wanyuan: '万元' };

/** A decimal number parsed exactly: value = digits × 10^-scale. */
export interface ExactDecimal {
  digits: bigint;
  scale: number;
}

/**
 * Parse a decimal string ("2,940.05", "-1.5", "1e-7", "１２３．４５") exactly.
 * Returns null when the text is not a plain number.
 */
export function parseDecimal(text: string): ExactDecimal | null {
  // Zero-width characters (pasted from web pages) are invisible: they do not make a number text.
  let s = toHalfWidth(text).replace(/[\u200b-\u200d\u2060\ufeff\s]/g, '');
  if (/[,，]/.test(s)) {
    // Thousands separators group by three: "8,43.28" is a typing slip, not 843.28 — not read as a number.
    if (!/^[(+-]*\d{1,3}(?:[,，]\d{3})+(?:\.\d*)?(?:[eE][+-]?\d+)?\)?$/.test(s)) return null;
    s = s.replace(/[,，]/g, '');
  }
  if (s === '') return null;
  let negative = false;
  // Accounting negatives: (12.30)
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  const m = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null;
  if (m[1] === '-') negative = !negative;
  const intPart = m[2] || '0';
  const fracPart = m[3] || '';
  const exp = m[4] ? parseInt(m[4], 10) : 0;
  let digits = BigInt(intPart + fracPart);
  let scale = fracPart.length - exp;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: negative ? -digits : digits, scale };
}

/** The exact decimal a JS number stands for, as its shortest round-trip representation. */
export function decimalFromNumber(n: number): ExactDecimal {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const d = parseDecimal(String(n));
  if (!d) throw new RangeError(`cannot read number ${n}`);
  return d;
}

/** Divide a by b (BigInt) rounding half away from zero. */
export function divRound(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('division by zero');
  const negative = (a < 0n) !== (b < 0n);
  const aa = a < 0n ? -a : a;
  const bb = b < 0n ? -b : b;
  const q = (aa * 2n + bb) / (bb * 2n);
  return negative ? -q : q;
}

/**
 * Convert an exact decimal in `unit` into 分, rounding half away from zero below 1 分.
 * Also says whether rounding was needed (a value more precise than 分 is "hidden precision").
 */
export function decimalToFen(d: ExactDecimal, unit: MoneyUnit): { fen: Fen; exact: boolean } {
  const factor = BigInt(UNIT_FACTOR[unit]);
  const num = d.digits * factor;
  const den = 10n ** BigInt(d.scale);
  const q = divRound(num, den);
  return { fen: toSafe(q), exact: q * den === num };
}

function toSafe(b: bigint): number {
  const n = Number(b);
  if (!Number.isSafeInteger(n)) throw new RangeError('amount out of range');
  return n;
}

/** Round an amount of 分 to a multiple of `step` 分 (half away from zero). */
export function roundFenTo(fen: Fen, step: number): Fen {
  return toSafe(divRound(BigInt(fen), BigInt(step)) * BigInt(step));
}

/** Round to 0.01 万元 — the precision every published 决算 figure has. */
export function roundToWanyuanCents(fen: Fen): Fen {
  return roundFenTo(fen, FEN_PER_WANYUAN / 100);
}

/** Format as 万元 with 2 decimals, no thousands separators ("853.00"). Rounds first. */
export function formatWanyuan(fen: Fen, decimals = 2): string {
  const step = FEN_PER_WANYUAN / 10 ** decimals;
  const units = divRound(BigInt(fen), BigInt(step));
  return formatScaled(units, decimals);
}

/** Format as 元 with 2 decimals. */
export function formatYuan(fen: Fen): string {
  return formatScaled(BigInt(fen), 2);
}

/** Digits grouped by thousands ("97464900.00" → "97,464,900.00"); the sign and decimals are kept. */
export function groupThousands(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/**
 * An amount written the way finance people read it in a message, with its unit: thousands separators,
 * 2 decimals, and for a 元 figure its 万元 equivalent beside it.
 *   formatAmountInMessage(9746490000, 'yuan')    → "97,464,900.00元（9,746.49万元）"
 *   formatAmountInMessage(9746490000, 'wanyuan') → "9,746.49万元"
 */
export function formatAmountInMessage(fen: Fen, unit: MoneyUnit): string {
  const wanyuan = `${groupThousands(formatWanyuan(fen))}万元`;
  if (unit === 'wanyuan') return wanyuan;
  // Below 100 元 the 万元 equivalent would read 0.00: leave it out.
  return Math.abs(fen) >= FEN_PER_WANYUAN / 100 ? `${groupThousands(formatYuan(fen))}元（${wanyuan}）` : `${groupThousands(formatYuan(fen))}元`;
}

function formatScaled(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const s = abs.toString().padStart(decimals + 1, '0');
  const body = decimals === 0 ? s : `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
  return (negative ? '-' : '') + body;
}

/**
 * A ratio a/b as a percentage with `decimals` decimals, rounded half away from zero.
 * Returns null when b is 0: callers must say "无法计算" instead of dividing.
 */
export function percent(a: Fen, b: Fen, decimals = 2): { scaled: bigint; text: string } | null {
  if (b === 0) return null;
  const scaled = divRound(BigInt(a) * 100n * 10n ** BigInt(decimals), BigInt(b));
  return { scaled, text: formatScaled(scaled, decimals) };
}

/** Fen from a 万元 literal written in code or tests: fen('853.00') → 853 000 000. */
export function wan(text: string | number): Fen {
  const d = typeof text === 'number' ? decimalFromNumber(text) : parseDecimal(text);
  if (!d) throw new RangeError(`not a number: ${text}`);
  return decimalToFen(d, 'wanyuan').fen;
}

/** Sum of amounts (exact). */
export function sumFen(values: Iterable<Fen>): Fen {
  let s = 0;
  for (const v of values) s += v;
  if (!Number.isSafeInteger(s)) throw new RangeError('amount out of range');
  return s;
}

const FULL_WIDTH_DIGITS = /[０-９．－＋（）]/g;
/** Full-width digits and signs to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
