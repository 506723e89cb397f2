/**
 * The one mechanism behind every "total = Σ parts" rule: exact sums, the rounding interval of
 * money/rounding.ts deciding between pass, 尾差 (a 提示) and an error, and a finding naming every cell.
 */
import { Figure } from '../model/types';
import { MoneyUnit, UNIT_LABEL } from '../money/money';
import { compareSum, formatAmountIn } from '../money/rounding';
import { Report } from './types';

export interface Term {
  figure: Figure | undefined;
  label: string;
  /** −1 for a term that is subtracted (年末 = 年初 + 收入 − 支出). */
  sign?: 1 | -1;
}

export function fmt(fen: number, unit: MoneyUnit): string {
  return formatAmountIn(fen, unit);
}

export function unitLabel(unit: MoneyUnit): string {
  return UNIT_LABEL[unit];
}

export interface RelationOptions {
  report: Report;
  table: string;
  unit: MoneyUnit;
  /** Where, in words: "收入支出决算总表", "支出决算表 201 一般公共服务支出 基本支出列". */
  where: string;
  total: Term;
  parts: Term[];
}

/**
 * Check total = Σ sign·parts. Silently skips when a figure could not be read (the reader already
 * reported that cell); absent lines are reported by the rules that know which lines must exist.
 * Returns the verdict for callers that chain checks.
 */
export function checkRelation(o: RelationOptions): 'pass' | 'rounding' | 'error' | 'skipped' {
  const { total, parts } = o;
  if (!total.figure || parts.some((p) => !p.figure)) return 'skipped';
  const { verdict, sum, bound } = compareSum(
    total.figure,
    parts.map((p) => ({ fen: p.figure!.fen, halfWidth: p.figure!.halfWidth, sign: p.sign })),
  );
  const diff = total.figure.fen - sum;
  if (verdict === 'pass') return 'pass';
  const u = unitLabel(o.unit);
  const shown = parts.length > 8 ? parts.slice(0, 3) : parts;
  const terms = shown.map((p, i) => `${i === 0 ? (p.sign === -1 ? '−' : '') : p.sign === -1 ? ' − ' : ' + '}${p.label}`).join('');
  const formula = `${total.label} = ${terms}${parts.length > shown.length ? ` + …（共 ${parts.length} 项）` : ''}`;
  const cells = [total.figure.cell, ...parts.map((p) => p.figure!.cell)];
  const expected = fmt(sum, o.unit);
  const actual = fmt(total.figure.fen, o.unit);
  if (verdict === 'rounding') {
    o.report({
      severity: '提示',
      table: o.table,
      message: `${o.where}：${formula}，各项相加为 ${expected}${u}，表中为 ${actual}${u}，相差 ${fmt(Math.abs(diff), o.unit)}${u}，在四舍五入允许的尾差范围（±${fmt(Math.floor(bound), o.unit)}${u}）内。`,
      cells,
      expected,
      actual,
    });
    return 'rounding';
  }
  o.report({
    table: o.table,
    message: `${o.where}：${formula} 不成立，各项相加为 ${expected}${u}，表中为 ${actual}${u}，表中数${diff > 0 ? '多' : '少'} ${fmt(Math.abs(diff), o.unit)}${u}。`,
    cells,
    expected,
    actual,
  });
  return 'error';
}

/** Check that two figures that state the same amount agree (cross-table). */
export function checkSame(
  o: Omit<RelationOptions, 'total' | 'parts'> & { a: Term; b: Term },
): 'pass' | 'rounding' | 'error' | 'skipped' {
  return checkRelation({ ...o, total: o.a, parts: [o.b] });
}
