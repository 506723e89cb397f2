/**
 * The workbook snapshot: everything the engine needs, read once from Excel (Office.js) or from an .xlsx
 * file (exceljs), as plain data. After this point nothing touches Excel.
 * Rows and columns are 0-based here; addresses shown to users are A1-style.
 */

export interface CellError {
  error: string; // e.g. "#REF!"
}

export type CellValue = number | string | boolean | null | CellError;

export interface CellSnap {
  /** The cell's value (a formula's cached result). */
  v: CellValue;
  /** The displayed text, when the source knows it. */
  t?: string;
  /** Number format code ("#,##0.00"). */
  f?: string;
  /** True when the cell holds a formula. */
  formula?: boolean;
  /** The formula without "=", when the reader knows it (so a writer can keep a user's formula as written). */
  formulaText?: string;
}

export interface CellRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SheetSnapshot {
  name: string;
  /** Hidden or very hidden sheet. */
  hidden: boolean;
  /** cells[r][c]; rows/columns absent or undefined are empty. */
  cells: (CellSnap | undefined)[][];
  merges: CellRange[];
  hiddenRows: number[];
  hiddenCols: number[];
}

export interface WorkbookSnapshot {
  /** File name or "当前工作簿". */
  source: string;
  sheets: SheetSnapshot[];
  /** What the reader left out (cells beyond the read limits, text cut at Excel's length limit…). */
  notes?: string[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}
