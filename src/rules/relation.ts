/**
 * The one mechanism behind every "total = Σ parts" rule: exact sums, the rounding interval of
 * money/tolerance.ts deciding between pass, 尾差 (a 提示) and an error, and a finding naming every cell.
 */
import { Figure } from '../model/types';
import { MoneyUnit, formatAmountInMessage, formatWanyuan, formatYuan, groupThousands } from '../money/money';
import { Report } from './types';

export interface Term {
  figure: Figure | undefined;
  label: string;
  /** −1 for a term that is subtracted (年末 = 年初 + 收入 − 支出). */
  sign?: 1 | -1;
  /** Why the figure is absent (for the ledger of relations not evaluated): "找不到该行", "金额无法读取". */
  why?: string;
}

/** An amount with its unit for a message: "97,464,900.00元（9,746.49万元）", "9,746.49万元". */
export function amountText(fen: number, unit: MoneyUnit): string {
  return formatAmountInMessage(fen, unit);
}

export function fmt(fen: number, unit: MoneyUnit): string {
  return unit === 'yuan' ? formatYuan(fen) : formatWanyuan(fen);
}

export function unitLabel(unit: MoneyUnit): string {
  return unit === 'yuan' ? '元' : '万元';
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
 * Check total = Σ sign·parts. When a figure is absent (line or column not found, cell unreadable) the
 * relation is not evaluated and goes into the report's ledger of what was not checked, with why.
 * Returns the verdict for callers that chain checks.
 */
export function checkRelation(o: RelationOptions): 'pass' | 'rounding' | 'error' | 'skipped' {
  const { total, parts } = o;
  const absent = [total, ...parts].filter((t) => !t.figure);
  if (absent.length || !total.figure) {
    const whys = absent.map((t) => `“${t.label}”${t.why ?? '未读到金额'}`);
    o.report.unchecked?.({
      reason: `${o.where}：${formulaOf(o)} 未核对——${whys.join('；')}。`,
      cells: [total, ...parts].filter((t) => t.figure).map((t) => t.figure!.cell),
    });
    return 'skipped';
  }
  o.report.checked?.();
  let sum = 0;
  let bound = total.figure.halfWidth;
  for (const p of parts) {
    sum += (p.sign ?? 1) * p.figure!.fen;
    bound += p.figure!.halfWidth;
  }
  const diff = total.figure.fen - sum;
  if (diff === 0) return 'pass';
  const formula = formulaOf(o);
  const a = (fen: number) => amountText(fen, o.unit);
  const cells = [total.figure.cell, ...parts.map((p) => p.figure!.cell)];
  const expected = fmt(sum, o.unit);
  const actual = fmt(total.figure.fen, o.unit);
  if (Math.abs(diff) <= bound) {
    o.report({
      severity: '提示',
      table: o.table,
      message: `${o.where}：${formula}，各项相加为 ${a(sum)}，表中为 ${a(total.figure.fen)}，相差 ${a(Math.abs(diff))}，在四舍五入允许的尾差范围（±${boundText(bound, o.unit)}）内。`,
      cells,
      expected,
      actual,
    });
    return 'rounding';
  }
  o.report({
    table: o.table,
    message: `${o.where}：${formula} 不成立，各项相加为 ${a(sum)}，表中为 ${a(total.figure.fen)}，表中数${diff > 0 ? '多' : '少'} ${a(Math.abs(diff))}（超出四舍五入允许的尾差 ±${boundText(bound, o.unit)}）。`,
    cells,
    expected,
    actual,
  });
  return 'error';
}

/** The rounding bound exactly, with as many decimals as it needs ("0.015万元", "150.00元", "0.015元"). */
export function boundText(boundFen: number, unit: MoneyUnit): string {
  // In 万元, 1 分 = 10^-6; in 元, 1 分 = 10^-2 — scale 元 to the 万元 formatter's 10^-6 grid to keep halves exact.
  const scaled = unit === 'wanyuan' ? boundFen : boundFen * 10_000;
  let d = 2;
  while (d < 6 && !Number.isInteger((scaled * 10 ** d) / 1_000_000)) d++;
  return `${groupThousands(formatWanyuan(Math.round(scaled), d))}${unitLabel(unit)}`;
}

function formulaOf(o: RelationOptions): string {
  const { total, parts } = o;
  const shown = parts.length > 8 ? parts.slice(0, 3) : parts;
  const terms = shown.map((p, i) => `${i === 0 ? (p.sign === -1 ? '−' : '') : p.sign === -1 ? ' − ' : ' + '}${p.label}`).join('');
  return `${total.label} = ${terms}${parts.length > shown.length ? ` + …（共 ${parts.length} 项）` : ''}`;
}

/** Check that two figures that state the same amount agree (cross-table). */
export function checkSame(
  o: Omit<RelationOptions, 'total' | 'parts'> & { a: Term; b: Term },
): 'pass' | 'rounding' | 'error' | 'skipped' {
  return checkRelation({ ...o, total: o.a, parts: [o.b] });
}
