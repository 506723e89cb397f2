/**
 * Figures in a sentence: amounts (万元, 元, 亿元, or a bare number where an amount is expected),
 * percentages, counts (辆, 批次, 人次, 个 …) and year labels ("2021年"), each with its offsets in the
 * normalised sentence. Ordinals ("1.", "（一）", "第3部分"), codes in brackets ("（201）"), dates
 * ("12月31日"), figure captions ("图1") and thresholds ("单价50万元以上") are not figures.
 */
import { ExactDecimal, parseDecimal } from '../money/money';

export type MoneyUnitText = '万元' | '元' | '亿元';
export type TokenKind = 'money' | 'percent' | 'count' | 'year';

export interface Token {
  kind: TokenKind;
  start: number;
  /** End of the number and its unit. */
  end: number;
  numText: string;
  value: ExactDecimal;
  /** Decimals as written ("98.3" → 1). */
  decimals: number;
  /** 万元/元/亿元 for money ('' when the unit is missing), the count unit, '%' or '年'. */
  unit: string;
  /** "10余万元", "约5万元": approximate, never checked. */
  approx: boolean;
}

const COUNT_UNITS = ['台（套）', '台(套)', '人次', '批次', '辆', '个', '次', '人', '名', '户', '家', '件', '条', '场', '份', '处', '台', '套', '项', '所', '辆次'];
const COUNT_UNIT_RE = COUNT_UNITS.map((u) => u.replace(/[()（）]/g, (c) => `\\${c}`)).join('|');

// Thousands separators ("5,437.72万元", "人民币1,200万元") only right before a money unit: elsewhere a comma
// between digits separates figures ("1，2").
const NUMBER_RE = new RegExp(
  String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?(?=\s*(?:余|多)?\s*(?:万元|亿元|万|亿|元))|\d+(?:\.\d+)?)\s*(余|多)?\s*(万元|亿元|万(?![人户])|亿|元|%|年度?|` +
    COUNT_UNIT_RE +
    ')?',
  'g',
);

/** Where only a percentage can follow: change rates, shares, completion rates. */
const PERCENT_EXPECTED = /(增长|下降|上升|降低|增幅(为|达)?|降幅(为|达)?|占[^，,。；;:：\d]{0,24}|比重(为|是|达)?|比例(为|是|达)?|完成[^，,。；;\d]{0,8}预算(数)?(的)?|(执行|完成)率(为|达)?)\s*$/;

/** Find the figures of one normalised sentence. */
export function findTokens(norm: string): Token[] {
  const out: Token[] = [];
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(norm))) {
    const start = m.index;
    const before = norm.slice(Math.max(0, start - 2), start);
    const prevChar = norm[start - 1] ?? '';
    if (/[\d.]/.test(prevChar)) continue;
    const numText = m[1];
    const approx = !!m[2] || /约$|近$/.test(before);
    let unit = m[3] ?? '';
    const after = norm.slice(m.index + m[0].length);
    const end = m.index + m[0].length;
    if (prevChar === '第' || prevChar === '图' || prevChar === '表' || /附件$/.test(norm.slice(0, start))) continue;
    if (/^[月日号时]/.test(after) && unit === '') continue;
    // Codes and ordinals in brackets: "（201）", "(03)", "（1）".
    if (/[（(]\s*$/.test(before) && /^\s*[)）]/.test(after) && unit === '') continue;
    // Leading ordinals: "1.", "1、" at the start or after a bracket.
    if (unit === '' && /^\s*[、.．](?!\d)/.test(after) && norm.slice(0, start).trim() === '') continue;
    if (unit === '' && /^[、.．]\s*[^\d]/.test(after) && start <= 1) continue;
    const value = parseDecimal(numText.replace(/,/g, ''));
    if (!value) continue;
    const decimals = numText.includes('.') ? numText.split('.')[1].length : 0;
    let kind: TokenKind;
    if (unit.startsWith('年')) {
      const y = Number(numText);
      if (numText.length !== 4 || y < 1990 || y > 2100) continue;
      kind = 'year';
      unit = '年';
    } else if (unit === '%') kind = 'percent';
    else if (unit === '万元' || unit === '万') {
      kind = 'money';
      unit = '万元';
    } else if (unit === '亿元' || unit === '亿') {
      kind = 'money';
      unit = '亿元';
    } else if (unit === '元') kind = 'money';
    else if (unit !== '') kind = 'count';
    else if (unit === '' && numText.includes('.') && PERCENT_EXPECTED.test(norm.slice(0, start)) && /^\s*([，,。；;]|$)/.test(after)) {
      // A percentage written without "%": "增长13.95。", "占本年支出合计的97.66，".
      kind = 'percent';
    } else {
      // A bare number where an amount is expected: "支出决算数为814.37，完成预算100%".
      if (/(为|是|达|计)\s*$/.test(norm.slice(0, start)) && /^\s*([，,。；;]|$)/.test(after) && numText.includes('.')) {
        kind = 'money';
        unit = '';
      } else continue;
    }
    // Thresholds and ranges are descriptions, not figures: "单价50万元以上", "100万元（含）以上", "不少于5户".
    if (/^\s*(（含）|\(含\))?\s*(以上|以下|以内|左右)/.test(after)) continue;
    if (/(不少于|不超过|不低于|不高于|超过|低于|至少)\s*$/.test(norm.slice(0, start))) continue;
    out.push({ kind, start, end, numText, value, decimals, unit, approx });
  }
  return out;
}
