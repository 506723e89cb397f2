/**
 * The read-only sheet preview of the browser page: a snapshot sheet laid out as HTML table rows, with
 * merged cells spanning and a size cap so a huge sheet does not freeze the page. Presentation only.
 */
import { CellRange, CellSnap, SheetSnapshot, isCellError } from '../snapshot/types';
import { formatCellNumber } from '../money/rounding';
import { isOwnedSheetName } from '../model/ownedSheets';

export const PREVIEW_MAX_ROWS = 400;
export const PREVIEW_MAX_COLS = 40;

export interface PreviewCell {
  r: number;
  c: number;
  text: string;
  numeric: boolean;
  rowSpan: number;
  colSpan: number;
}

export interface PreviewGrid {
  rowCount: number;
  colCount: number;
  /** The columns shown, in order (hidden columns of the add-in's own sheets — its internal keys — are left out). */
  cols: number[];
  /** rows[i] holds the cells to render in row i (cells covered by a merge are left out). */
  rows: PreviewCell[][];
  /** The sheet is larger than what is shown. */
  truncated: boolean;
}

/** The extent of a sheet: last used row/column (+ merges), at least 1×1. */
export function sheetExtent(sheet: SheetSnapshot): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  sheet.cells.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (cell === undefined) return;
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    });
  });
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.r1 + 1);
    cols = Math.max(cols, m.c1 + 1);
  }
  return { rows: Math.max(rows, 1), cols: Math.max(cols, 1) };
}

export function buildPreview(sheet: SheetSnapshot, maxRows = PREVIEW_MAX_ROWS, maxCols = PREVIEW_MAX_COLS): PreviewGrid {
  const ext = sheetExtent(sheet);
  const rowCount = Math.min(ext.rows, maxRows);
  const colCount = Math.min(ext.cols, maxCols);
  // The add-in's own sheets hide a column of machine keys ("income.structure"): never shown to the user.
  const hidden = new Set(isOwnedSheetName(sheet.name) ? sheet.hiddenCols : []);
  const cols = Array.from({ length: colCount }, (_, c) => c).filter((c) => !hidden.has(c));
  const visibleIn = (c0: number, c1: number) => cols.filter((c) => c >= c0 && c <= c1).length;
  const covered = new Set<number>();
  const spans = new Map<number, CellRange>();
  const key = (r: number, c: number) => r * 100000 + c;
  for (const m of sheet.merges) {
    if (m.r0 >= rowCount || m.c0 >= colCount) continue;
    spans.set(key(m.r0, m.c0), m);
    for (let r = m.r0; r <= Math.min(m.r1, rowCount - 1); r++)
      for (let c = m.c0; c <= Math.min(m.c1, colCount - 1); c++) if (r !== m.r0 || c !== m.c0) covered.add(key(r, c));
  }
  const rows: PreviewCell[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const out: PreviewCell[] = [];
    for (const c of cols) {
      if (covered.has(key(r, c))) continue;
      const cell = sheet.cells[r]?.[c];
      const m = spans.get(key(r, c));
      out.push({
        r,
        c,
        text: cellText(cell),
        numeric: typeof cell?.v === 'number',
        rowSpan: m ? Math.min(m.r1, rowCount - 1) - m.r0 + 1 : 1,
        colSpan: m ? Math.max(1, visibleIn(m.c0, Math.min(m.c1, colCount - 1))) : 1,
      });
    }
    rows.push(out);
  }
  return { rowCount, colCount, cols, rows, truncated: ext.rows > rowCount || ext.cols > colCount };
}

/** What a cell shows: its displayed text when known, else its value formatted by its number format. */
export function cellText(cell: CellSnap | undefined): string {
  if (!cell) return '';
  if (cell.t !== undefined) return cell.t;
  const v = cell.v;
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  return formatNumber(v, cell.f);
}

/** A small subset of Excel number formats: decimals, thousands separator, percent. */
export function formatNumber(v: number, fmt?: string): string {
  if (!fmt || /^general$/i.test(fmt) || fmt === '@') return String(Number.isInteger(v) ? v : Number(v.toPrecision(15)));
  const section = fmt.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const dec = /\.([0#]+)/.exec(section);
  const decimals = dec ? dec[1].length : 0;
  const percent = section.includes('%');
  const grouping = /[#0],[#0]/.test(section);
  if (!Number.isFinite(v)) return String(v);
  return formatCellNumber(v, decimals, { percent, grouping });
}

export function inRange(range: CellRange | null, r: number, c: number): boolean {
  return !!range && r >= range.r0 && r <= range.r1 && c >= range.c0 && c <= range.c1;
}
