/**
 * Reading one amount cell into a Figure: numbers, text numbers ("2,940.05"), blanks and dashes as zero,
 * error values (#REF!) and non-numbers reported, never silently read as 0.
 */
import { Grid } from './grid';
import { Figure, ReadIssue } from '../model/types';
import { MoneyUnit, UNIT_LABEL, decimalFromNumber, decimalToFen, parseDecimal, UNIT_FACTOR } from '../money/money';
import { halfWidthFen } from '../money/tolerance';
import { isCellError } from '../snapshot/types';

const PLAIN_NUMBER = /^-?\d{1,3}(?:,?\d{3})*(?:\.(\d{1,6}))?$/;

/** Texts that mean "nothing here" in published tables. */
const DASHES = /^[-－—–‐―_~～/／\\]+$|^(?:无|空|\/)$/;

export interface AmountContext {
  grid: Grid;
  unit: MoneyUnit;
  issues: ReadIssue[];
  table: string;
  /** Cells whose amount was stored as text, collected for one notice per table. */
  textCells?: string[];
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
const FORMAT_DECIMALS = new Map<string, number | undefined>();
export function formatDecimals(fmt: string | undefined): number | undefined {
  if (!fmt) return undefined;
  if (FORMAT_DECIMALS.has(fmt)) return FORMAT_DECIMALS.get(fmt);
  const d = computeFormatDecimals(fmt);
  FORMAT_DECIMALS.set(fmt, d);
  return d;
}

function computeFormatDecimals(fmt: string): number | undefined {
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
  const merged = grid.merge(r, c);
  if (merged && (merged.r1 > merged.r0 || merged.c1 > merged.c0)) {
    const first = grid.ref(merged.r0, merged.c0);
    if (!ctx.issues.some((i) => i.code === 'R-合并金额' && i.cells[0] === first)) {
      ctx.issues.push({
        severity: '警告',
        code: 'R-合并金额',
        message: `金额单元格 ${first}:${grid.ref(merged.r1, merged.c1).split('!').pop()} 被合并成一格：合并区域中只有左上角有金额，其余各格按空计，相关合计可能不准。请拆分单元格后逐格填写金额。`,
        cells: [first],
        table: ctx.table,
      });
    }
  }
  if (cell?.formula && (cell.v === null || cell.v === '')) {
    ctx.issues.push({
      severity: '错误',
      code: 'R-公式无结果',
      message: `单元格 ${ref} 是公式，但文件中没有保存计算结果（可能由程序生成、未经 Excel 计算），无法读取金额。请在 Excel 中打开、保存后再运行。`,
      cells: [ref],
      table: ctx.table,
    });
    return undefined;
  }
  if (!cell || cell.v === null || (typeof cell.v === 'string' && (cell.v.trim() === '' || DASHES.test(cell.v.trim())))) {
    return {
      cell: ref,
      sheet: grid.name,
      row: r,
      col: c,
      formula: base.formula,
      fen: 0,
      raw: cell ? String(cell.v ?? '') : '',
      halfWidth: defaultHalf,
      blank: true,
      fromText: false,
      hiddenPrecision: false,
    };
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
  if (typeof v === 'number') {
    const fast = fastFen(v, unit);
    if (fast !== undefined) return figureFrom(base, fast, String(v), false, cell.f, 2, unit);
    dec = Number.isFinite(v) ? decimalFromNumber(v) : null;
  } else if (typeof v === 'string') {
    // Fast path for the usual "8,530,000.00": plain digits, separators, at most 6 decimals.
    const m = PLAIN_NUMBER.exec(v.trim());
    if (m) {
      const fast = fastFen(Number(m[0].replace(/,/g, '')), unit);
      if (fast !== undefined) {
        ctx.textCells?.push(ref);
        return figureFrom(base, fast, v, true, cell.f, Math.max(2, (m[1] ?? '').length), unit);
      }
    }
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
  let fen: number;
  try {
    fen = decimalToFen(dec, unit).fen;
  } catch {
    fen = NaN;
  }
  if (!Number.isSafeInteger(fen)) {
    ctx.issues.push({
      severity: '错误',
      code: 'R-超范围',
      message: `单元格 ${ref} 的金额“${String(v).slice(0, 30)}”超出可处理的范围，无法读取（请检查是否多输了位数或单位）。`,
      cells: [ref],
      table: ctx.table,
    });
    return undefined;
  }
  if (fromText) ctx.textCells?.push(ref);
  // A text number shows its own decimals, but published 万元 figures always carry at least 2.
  return figureFrom(base, fen, String(v), fromText, cell.f, fromText ? Math.max(2, Math.min(dec.scale, 6)) : 2, unit);
}

/**
 * Fast exact path for numeric cells: a double whose shortest decimal form has at most 6 decimals (万元) or
 * 2 (元) is an exact number of 分, and v × factor lands within far less than 0.5 of that integer for any
 * amount a department has. Anything else (sub-分 precision, huge values) takes the exact BigInt path.
 */
function fastFen(v: number, unit: MoneyUnit): number | undefined {
  const x = v * UNIT_FACTOR[unit];
  if (!(Math.abs(x) < 1e15)) return undefined;
  const fen = Math.round(x);
  return Math.abs(x - fen) < 1e-4 ? fen : undefined;
}

const STEP: Record<MoneyUnit, number[]> = {
  yuan: [0, 1, 2, 3, 4, 5, 6].map((d) => Math.max(1, Math.round(UNIT_FACTOR.yuan / 10 ** d))),
  wanyuan: [0, 1, 2, 3, 4, 5, 6].map((d) => Math.max(1, Math.round(UNIT_FACTOR.wanyuan / 10 ** d))),
};
const HALF: Record<MoneyUnit, number[]> = {
  yuan: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((d) => halfWidthFen('yuan', d)),
  wanyuan: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((d) => halfWidthFen('wanyuan', d)),
};

function figureFrom(
  base: { cell: string; sheet: string; row: number; col: number; formula: boolean },
  fen: number,
  raw: string,
  fromText: boolean,
  numFmt: string | undefined,
  defaultDecimals: number,
  unit: MoneyUnit,
): Figure {
  const shown = formatDecimals(numFmt) ?? defaultDecimals;
  const step = STEP[unit][Math.min(shown, 6)];
  // A plain literal (no spread): hundreds of thousands of figures in a large book.
  return {
    cell: base.cell,
    sheet: base.sheet,
    row: base.row,
    col: base.col,
    formula: base.formula,
    fen,
    raw,
    halfWidth: HALF[unit][Math.min(shown, 8)],
    blank: false,
    fromText,
    hiddenPrecision: fen % step !== 0,
  };
}

export function unitText(unit: MoneyUnit): string {
  return UNIT_LABEL[unit];
}
