/**
 * What the add-in writes, as plain data: the engine builds a SheetSpec (补充信息, 决算说明, 执行率汇总),
 * and an adapter writes it — exceljs for the command line and the browser, Office.js inside Excel.
 * The engine never writes to a user's sheet: a SheetSpec always names a sheet the add-in owns.
 *
 * Text and formulas are distinct kinds of cell, so a text that starts with "=" is written as text.
 */

export type CellStyle =
  | 'title' // sheet title
  | 'heading1' // section heading (一、…)
  | 'heading2' // sub-heading (（一）…)
  | 'paragraph' // narrative text, wrapped
  | 'placeholder' // a value or reason the user still has to fill in (coloured)
  | 'input' // a cell the user types into (补充信息 values)
  | 'label'
  | 'header' // table header row
  | 'note' // small grey explanation
  | 'percent' // a number shown as 0.00%
  | 'money' // a number shown as 0.00
  | 'flagged'; // outside its rule (e.g. a rate over 100%)

export type SpecCell =
  | { kind: 'text'; text: string; style?: CellStyle }
  /** Rich text: runs with their own style (a sentence with a coloured placeholder inside). */
  | { kind: 'rich'; runs: { text: string; style?: CellStyle }[]; style?: CellStyle }
  | { kind: 'number'; value: number; style?: CellStyle; numFmt?: string }
  /** A live formula; `value` is its computed result, written as the cached value so other programs show it. */
  | { kind: 'formula'; formula: string; value?: number | string; style?: CellStyle; numFmt?: string }
  | { kind: 'empty'; style?: CellStyle };

export interface SheetSpec {
  name: string;
  /** rows[r][c]; missing cells are empty. */
  rows: (SpecCell | undefined)[][];
  /** Column widths in characters. */
  columnWidths?: number[];
  /** Merged ranges, 0-based inclusive. */
  merges?: { r0: number; c0: number; r1: number; c1: number }[];
  /** Columns hidden from the user (machine keys). */
  hiddenColumns?: number[];
  /** Cell notes (comments), by "r,c". */
  notes?: Record<string, string>;
  /** Native charts to insert (执行率汇总). Data ranges are A1 references on this sheet. */
  charts?: ChartSpec[];
  /** Freeze the first n rows. */
  freezeRows?: number;
  /** Hide the sheet; 'veryHidden' keeps it out of Excel's 取消隐藏 list (machine tables such as statuses). */
  visibility?: 'hidden' | 'veryHidden';
  /** Print setup: landscape, fit to page width, these rows (0-based, inclusive) repeated on every page. */
  print?: { landscape?: boolean; fitToWidth?: boolean; repeatRows?: [number, number] };
}

export interface ChartSpec {
  type: 'column' | 'pie' | 'bar';
  title: string;
  /** Category labels range, e.g. "A30:A31" on this sheet. */
  categories: string;
  /** One or more series: name and values range on this sheet. */
  series: { name: string; values: string }[];
  /** Top-left anchor cell (0-based) and size in cells. */
  anchor: { row: number; col: number; rows: number; cols: number };
}

export const text = (t: string, style?: CellStyle): SpecCell => ({ kind: 'text', text: t, style });
export const num = (v: number, style?: CellStyle, numFmt?: string): SpecCell => ({ kind: 'number', value: v, style, numFmt });
export const formula = (f: string, value?: number | string, style?: CellStyle, numFmt?: string): SpecCell => ({
  kind: 'formula',
  formula: f.startsWith('=') ? f : `=${f}`,
  value,
  style,
  numFmt,
});

/** Plain text of a cell (rich runs joined), for copying the narrative. */
export function cellPlainText(c: SpecCell | undefined): string {
  if (!c) return '';
  switch (c.kind) {
    case 'text':
      return c.text;
    case 'rich':
      return c.runs.map((r) => r.text).join('');
    case 'number':
      return String(c.value);
    case 'formula':
      return c.value === undefined ? '' : String(c.value);
    default:
      return '';
  }
}
