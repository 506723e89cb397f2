/**
 * The only way the add-in writes to the workbook: into sheets it owns (reports, summaries). A user's sheet is never
 * touched.
 *
 * Ownership marker: a workbook-scoped named item "决算助手_owned_<n>" that refers to cell A1 of the owned sheet.
 * A range name follows the sheet when the user renames it, turns into #REF! when the sheet is deleted (such stale
 * markers are removed on the next write), and can be read through `workbook.names` without touching the sheet
 * itself — so the ownership check needs no chained call on a sheet that may not exist.
 *
 * Exactly WRITE_SYNC_COUNT (2) context.sync() calls:
 *  sync 1  worksheets (name) and workbook names (name, type, value) → does the sheet exist, is it ours?
 *          A user's sheet of that name → a Chinese Error, nothing has been written.     (checkOwnership)
 *  sync 2  create the sheet and its marker (or clear our existing sheet), delete stale markers (openOwnedSheet),
 *          set number formats, values and the explicit formulas, optionally activate.
 * checkOwnership and openOwnedSheet are shared with writeSheetSpec (whole SheetSpecs, styles, charts).
 *
 * Text is always written as text: every string cell gets the number format "@" before its value is set, so
 * "=SUM(A1)", "001" or "1/2" are stored as typed, never as a formula, number or date. Formulas are written only
 * through `options.formulas`.
 *
 * Requirement sets: ExcelApi 1.7 (getRangeByIndexes); names.add / NamedItem.delete 1.4; the rest 1.1.
 */

import { describeOfficeError } from './errors';
import { ContentDigest, isMarkerName, markerComment, markerSheet, OWNED_NAME_PREFIX, parseDigest } from '../../output/ownedMarker';

export const WRITE_SYNC_COUNT = 2;

export { OWNED_NAME_PREFIX, markerSheet };

export type OwnedCell = string | number | null;

export interface OwnedFormula {
  /** 0-based row and column. */
  row: number;
  col: number;
  /** Must start with "=". */
  formula: string;
}

export interface WriteOptions {
  /** Formulas to write (the only way a formula reaches the sheet). */
  formulas?: OwnedFormula[];
  /** Number format for numeric cells (default: General). */
  numberFormat?: string;
  /** Activate the sheet after writing. */
  activate?: boolean;
}

/** Excel's sheet-name rules, as Chinese messages; null when the name is acceptable. */
export function sheetNameProblem(name: string): string | null {
  if (!name || !name.trim()) return '工作表名称不能为空。';
  if (name.length > 31) return `工作表名称“${name}”超过 31 个字符。`;
  if (/[:\\/?*[\]]/.test(name)) return `工作表名称“${name}”不能包含 : \\ / ? * [ ] 等字符。`;
  if (name.startsWith("'") || name.endsWith("'")) return `工作表名称“${name}”不能以单引号开头或结尾。`;
  if (name.toLowerCase() === 'history') return '“History”是 Excel 的保留名称，不能用作工作表名称。';
  return null;
}

export async function writeOwnedSheet(
  context: Excel.RequestContext,
  sheetName: string,
  rows: OwnedCell[][],
  options: WriteOptions = {},
): Promise<void> {
  const problem = sheetNameProblem(sheetName);
  if (problem) throw new Error(problem);
  const { values, formats } = cellMatrices(rows, options.numberFormat ?? 'General');
  const formulas = options.formulas ?? [];
  for (const f of formulas) {
    if (typeof f.formula !== 'string' || !f.formula.startsWith('=')) throw new Error(`公式“${String(f.formula)}”必须以“=”开头。`);
    if (!Number.isInteger(f.row) || !Number.isInteger(f.col) || f.row < 0 || f.col < 0) {
      throw new Error(`公式“${f.formula}”的位置（第 ${f.row} 行、第 ${f.col} 列）无效。`);
    }
  }

  const ownership = await checkOwnership(context, sheetName); // sync 1
  const { sheet } = openOwnedSheet(context, sheetName, ownership); // sync 2 starts here
  if (values.length > 0 && values[0].length > 0) {
    const range = sheet.getRangeByIndexes(0, 0, values.length, values[0].length);
    range.numberFormat = formats; // "@" first, so that the strings below stay text
    range.values = values;
  }
  for (const f of formulas) {
    const cell = sheet.getCell(f.row, f.col);
    cell.numberFormat = [['General']];
    cell.formulas = [[f.formula]];
  }
  if (options.activate) sheet.activate();
  try {
    await context.sync();
  } catch (e) {
    throw new Error(`写入工作表“${sheetName}”失败：${describeOfficeError(e)}。`);
  }
}

/** What sync 1 found out about the sheet `sheetName` and the ownership markers. */
export interface OwnershipCheck {
  /** The existing sheet's name as Excel spells it (it is ours), or null when there is no such sheet. */
  existing: string | null;
  /** Highest marker number in use. */
  lastMarker: number;
  /** Markers whose sheet is gone (#REF!): deleted in the write batch. */
  stale: string[];
  /** The existing sheet's marker (name) and the fingerprint of what was last written there, when recorded. */
  marker?: string;
  digest?: ContentDigest;
  /** Every sheet name in the workbook (to choose a free one). */
  sheetNames: string[];
  /** Every owned sheet (lower-case name) → its marker and recorded fingerprint. */
  owned: Map<string, { sheet: string; marker: string; digest?: ContentDigest }>;
}

/**
 * Sync 1 of every owned-sheet write: worksheets (name) and workbook names (name, type, value) → does the sheet
 * exist, and is it ours? A user's sheet of that name → a Chinese Error; nothing has been written.
 */
export async function checkOwnership(context: Excel.RequestContext, sheetName: string): Promise<OwnershipCheck> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name, items/type, items/value, items/comment');
  try {
    await context.sync();
  } catch (e) {
    throw new Error(`无法读取工作表列表：${describeOfficeError(e)}。`);
  }
  const key = sheetName.toLowerCase();
  const existing = worksheets.items.find((s) => s.name.toLowerCase() === key);
  const owned = new Map<string, { name: string; comment: string }>();
  const stale: string[] = [];
  let lastMarker = 0;
  for (const item of names.items) {
    if (!isMarkerName(item.name)) continue;
    const m = /_(\d+)$/.exec(item.name);
    if (m) lastMarker = Math.max(lastMarker, parseInt(m[1], 10));
    const sheet = item.type === 'Range' ? markerSheet(item.value) : null;
    if (sheet) owned.set(sheet.toLowerCase(), { name: item.name, comment: typeof item.comment === 'string' ? item.comment : '' });
    else stale.push(item.name);
  }
  if (existing && !owned.has(key)) {
    throw new Error(
      `工作表“${existing.name}”已存在，且不是决算助手生成的工作表。为保护原始数据，决算助手不会改写它；请换一个名称，或先将该工作表改名。`,
    );
  }
  const marker = existing ? owned.get(key) : undefined;
  const ownedSheets = new Map<string, { sheet: string; marker: string; digest?: ContentDigest }>();
  for (const ws of worksheets.items) {
    const m = owned.get(ws.name.toLowerCase());
    if (m) ownedSheets.set(ws.name.toLowerCase(), { sheet: ws.name, marker: m.name, digest: parseDigest(m.comment) });
  }
  return {
    existing: existing ? existing.name : null,
    lastMarker,
    stale,
    marker: marker?.name,
    digest: parseDigest(marker?.comment),
    sheetNames: worksheets.items.map((s) => s.name),
    owned: ownedSheets,
  };
}

/**
 * Queue (no sync) the start of the write batch: our existing sheet is cleared (contents, formats, merges), or
 * the sheet is created with its ownership marker; stale markers are deleted.
 */
export function openOwnedSheet(
  context: Excel.RequestContext,
  sheetName: string,
  ownership: OwnershipCheck,
  digest?: ContentDigest,
): { sheet: Excel.Worksheet; existed: boolean } {
  const worksheets = context.workbook.worksheets;
  const names = context.workbook.names;
  let sheet: Excel.Worksheet;
  if (ownership.existing !== null) {
    sheet = worksheets.getItem(ownership.existing);
    sheet.getRange().clear();
    if (ownership.marker) names.getItem(ownership.marker).comment = markerComment(digest);
  } else {
    sheet = worksheets.add(sheetName);
    names.add(`${OWNED_NAME_PREFIX}_${ownership.lastMarker + 1}`, sheet.getRange('A1'), markerComment(digest));
  }
  for (const name of ownership.stale) names.getItem(name).delete();
  return { sheet, existed: ownership.existing !== null };
}

/** Rectangular values and number formats: strings → "@", numbers → numberFormat, null → empty. */
function cellMatrices(rows: OwnedCell[][], numberFormat: string): { values: (string | number)[][]; formats: string[][] } {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  rows.forEach((row, r) => {
    const vs: (string | number)[] = [];
    const fs: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = c < row.length ? row[c] : null;
      if (typeof v === 'string') {
        vs.push(v);
        fs.push('@');
      } else if (typeof v === 'number') {
        if (!Number.isFinite(v)) throw new Error(`第 ${r + 1} 行第 ${c + 1} 列的数值无效（${v}）。`);
        vs.push(v);
        fs.push(numberFormat);
      } else {
        vs.push('');
        fs.push('General');
      }
    }
    values.push(vs);
    formats.push(fs);
  });
  return { values, formats };
}
