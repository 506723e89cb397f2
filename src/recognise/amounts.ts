/**
 * Reading one amount cell into a Figure: numbers, text numbers ("2,940.05"), blanks and dashes as zero,
 * error values (#REF!) and non-numbers reported, never silently read as 0.
 */
import { Grid } from './grid';
import { Figure, ReadIssue } from '../model/types';
import { MoneyUnit, UNIT_LABEL, decimalFromNumber, decimalToFen, parseDecimal, roundFenTo, UNIT_FACTOR } from '../money/money';
import { halfWidthFen } from '../money/tolerance';
import { isCellError } from '../snapshot/types';

/** Texts that mean "nothing here" in published tables. */
const DASHES = /^[-－—–‐―_~～/／\\]+$|^(?:无|空|\/)$/;

export interface AmountContext {
  grid: Grid;
  unit: MoneyUnit;
  issues: ReadIssue[];
  table: string;
}

/** Does the cell look like an amount (number, numeric text, or a dash)? Used to find data rows. */
export function looksNumeric(grid: Grid, r: number, c: number): boolean {
  const cell = grid.cell(r, c);
  if (!cell) return false;
  if (typeof cell.v === 'number') return true;
  if (typeof cell.v === 'string') return parseDecimal(cell.v) !== null;
  return false;
}

export function isBlankOrDash(grid: Grid, r: number, c: number): boolean {
  const cell = grid.cell(r, c);
  if (!cell || cell.v === null) return true;
  if (typeof cell.v === 'string') {
    const t = cell.v.trim();
    return t === '' || DASHES.test(t);
  }
  return false;
}

/** Decimals a number format shows ("#,##0.00" → 2, "0" → 0); undefined when the format says nothing. */
export function formatDecimals(fmt: string | undefined): number | undefined {
  if (!fmt) return undefined;
  const section = fmt.split(';')[0].replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  if (!/[0#?]/.test(section)) return undefined;
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}

/**
 * Read an amount cell. Returns undefined (and records an issue) when the cell holds something that is
 * not an amount; returns a blank Figure (fen 0, blank: true) for empty cells and dashes.
 */
export function readFigure(ctx: AmountContext, r: number, c: number): Figure | undefined {
  const { grid, unit } = ctx;
  const cell = grid.cell(r, c);
  const ref = grid.ref(r, c);
  const base = { cell: ref, sheet: grid.name, row: r, col: c, formula: !!cell?.formula };
  const defaultHalf = halfWidthFen(unit, 2);
  if (!cell || cell.v === null || (typeof cell.v === 'string' && (cell.v.trim() === '' || DASHES.test(cell.v.trim())))) {
    return { ...base, fen: 0, raw: cell ? String(cell.v ?? '') : '', halfWidth: defaultHalf, blank: true, fromText: false, hiddenPrecision: false };
  }
  const v = cell.v;
  if (isCellError(v)) {
    ctx.issues.push({
      severity: '错误',
      code: 'R-错误值',
      message: `单元格 ${ref} 是错误值 ${v.error}，无法读取金额（请检查公式引用）。`,
      cells: [ref],
      table: ctx.table,
    });
    return undefined;
  }
  let dec;
  let fromText = false;
  if (typeof v === 'number') dec = decimalFromNumber(v);
  else if (typeof v === 'string') {
    dec = parseDecimal(v.replace(/(万元|元)$/, ''));
    fromText = true;
  }
  if (!dec) {
    ctx.issues.push({
      severity: '错误',
      code: 'R-非数字',
      message: `单元格 ${ref} 应为金额，但内容是“${String(v).slice(0, 30)}”，无法识别为数字。`,
      cells: [ref],
      table: ctx.table,
    });
    return undefined;
  }
  const { fen } = decimalToFen(dec, unit);
  // A text number shows its own decimals, but published 万元 figures always carry at least 2.
  const shown = formatDecimals(cell.f) ?? (fromText ? Math.max(2, Math.min(dec.scale, 6)) : 2);
  const step = Math.max(1, Math.round(UNIT_FACTOR[unit] / 10 ** Math.min(shown, 6)));
  const hiddenPrecision = fen !== roundFenTo(fen, step);
  return {
    ...base,
    fen,
    raw: String(v),
    halfWidth: halfWidthFen(unit, shown),
    blank: false,
    fromText,
    hiddenPrecision,
  };
}

export function unitText(unit: MoneyUnit): string {
  return UNIT_LABEL[unit];
}
