/**
 * Office.js adapter: the open workbook → WorkbookSnapshot, the same plain data the exceljs adapter produces.
 *
 * Requirement sets: ExcelApi 1.7 baseline (getUsedRangeOrNullObject 1.4 with valuesOnly, rowHidden/columnHidden
 * 1.2, getRangeByIndexes 1.7, everything else 1.1). Merged areas need ExcelApi 1.13
 * (Range.getMergedAreasOrNullObject); on older hosts `merges` stays empty.
 *
 * The number of round trips is fixed — READ_SYNC_COUNT — whatever the number of sheets, rows and columns:
 *  sync 1  worksheets: name, visibility.
 *  sync 2  for every sheet at once: the used range (values only) with address, rowIndex, columnIndex, rowCount,
 *          columnCount, values, text, numberFormat, formulas, valueTypes, rowHidden, columnHidden.
 *  sync 3  for every sheet at once: merged areas (one RangeAreas per block of MERGE_CHUNK_ROWS used rows, because
 *          Excel refuses more than 512 merged areas per call), and per-row `rowHidden` / per-column `columnHidden`
 *          probes — only for sheets whose used range mixes hidden and visible rows (rowHidden === null) or
 *          columns; when the used range reports all-visible (false) or all-hidden (true) no probe is needed.
 *          Sync 3 is issued even when nothing is queued, so the count is always exactly 3.
 * No context.sync() is ever called inside a loop.
 */
import { CellRange, CellSnap, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../snapshot/types';
import { parseAreasAddress } from './areas';
import { describeOfficeError } from './errors';
import { excelApiSupported } from './requirements';

/** Exactly this many context.sync() calls per readWorkbookSnapshot (see the file comment). */
export const READ_SYNC_COUNT = 3;

/** Rows per getMergedAreasOrNullObject call: Excel fails the call above 512 merged areas. */
export const MERGE_CHUNK_ROWS = 50;

const USED_RANGE_PROPS = [
  'address',
  'rowIndex',
  'columnIndex',
  'rowCount',
  'columnCount',
  'values',
  'text',
  'numberFormat',
  'formulas',
  'valueTypes',
  'rowHidden',
  'columnHidden',
];

export interface ReadOptions {
  /** Read merged areas (ExcelApi 1.13). Default: whether the host supports ExcelApi 1.13. */
  mergedAreas?: boolean;
  /** Rows per merged-areas query (default MERGE_CHUNK_ROWS). */
  mergeChunkRows?: number;
}

interface SheetJob {
  sheet: Excel.Worksheet;
  name: string;
  hidden: boolean;
  used: Excel.Range;
  mergeChunks: Excel.RangeAreas[];
  rowProbes: Excel.Range[] | null;
  colProbes: Excel.Range[] | null;
}

export async function readWorkbookSnapshot(
  context: Excel.RequestContext,
  source = '当前工作簿',
  options: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const withMerges = options.mergedAreas ?? excelApiSupported('1.13');
  const chunkRows = Math.max(1, Math.floor(options.mergeChunkRows ?? MERGE_CHUNK_ROWS));

  const sync = async (): Promise<void> => {
    try {
      await context.sync();
    } catch (e) {
      throw new Error(`读取工作簿失败：${describeOfficeError(e)}。`);
    }
  };

  // Sync 1: the worksheets, in tab order.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name, items/visibility');
  await sync();

  // Sync 2: every sheet's used range, all in one batch.
  const jobs: SheetJob[] = worksheets.items.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(USED_RANGE_PROPS);
    return {
      sheet,
      name: sheet.name,
      hidden: sheet.visibility !== 'Visible',
      used,
      mergeChunks: [],
      rowProbes: null,
      colProbes: null,
    };
  });
  await sync();

  // Sync 3: merged areas and hidden-row/column probes, all in one batch.
  for (const job of jobs) {
    const used = job.used;
    if (used.isNullObject) continue;
    if (withMerges) {
      for (let r = 0; r < used.rowCount; r += chunkRows) {
        const n = Math.min(chunkRows, used.rowCount - r);
        const block = job.sheet.getRangeByIndexes(used.rowIndex + r, used.columnIndex, n, used.columnCount);
        const areas = block.getMergedAreasOrNullObject();
        areas.load('address');
        job.mergeChunks.push(areas);
      }
    }
    if (used.rowHidden === null) {
      job.rowProbes = [];
      for (let r = 0; r < used.rowCount; r++) {
        const row = used.getRow(r);
        row.load('rowHidden');
        job.rowProbes.push(row);
      }
    }
    if (used.columnHidden === null) {
      job.colProbes = [];
      for (let c = 0; c < used.columnCount; c++) {
        const col = used.getColumn(c);
        col.load('columnHidden');
        job.colProbes.push(col);
      }
    }
  }
  await sync();

  return { source, sheets: jobs.map(sheetSnapshot) };
}

function sheetSnapshot(job: SheetJob): SheetSnapshot {
  const snap: SheetSnapshot = { name: job.name, hidden: job.hidden, cells: [], merges: [], hiddenRows: [], hiddenCols: [] };
  const used = job.used;
  if (used.isNullObject) return snap;
  const r0 = used.rowIndex;
  const c0 = used.columnIndex;
  const { values, text, numberFormat, formulas, valueTypes } = used;
  for (let r = 0; r < used.rowCount; r++) {
    for (let c = 0; c < used.columnCount; c++) {
      const cell = cellSnap(values[r][c], text[r][c], numberFormat[r][c], formulas[r][c], valueTypes[r][c]);
      if (cell) (snap.cells[r0 + r] ||= [])[c0 + c] = cell;
    }
  }
  snap.hiddenRows = hiddenIndexes(used.rowHidden, used.rowCount, r0, job.rowProbes, (p) => p.rowHidden);
  snap.hiddenCols = hiddenIndexes(used.columnHidden, used.columnCount, c0, job.colProbes, (p) => p.columnHidden);
  snap.merges = mergedRanges(job.mergeChunks);
  return snap;
}

function hiddenIndexes(
  all: boolean | null,
  count: number,
  offset: number,
  probes: Excel.Range[] | null,
  flag: (p: Excel.Range) => boolean,
): number[] {
  const out: number[] = [];
  if (all === true) for (let i = 0; i < count; i++) out.push(offset + i);
  else if (probes) probes.forEach((p, i) => flag(p) && out.push(offset + i));
  return out;
}

function mergedRanges(chunks: Excel.RangeAreas[]): CellRange[] {
  const seen = new Set<string>();
  const out: CellRange[] = [];
  for (const areas of chunks) {
    if (areas.isNullObject) continue;
    for (const m of parseAreasAddress(areas.address)) {
      const key = `${m.r0}:${m.c0}:${m.r1}:${m.c1}`;
      if (seen.has(key)) continue; // a host that reports areas merely intersecting a chunk would repeat them
      seen.add(key);
      out.push(m);
    }
  }
  return out.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

/**
 * One cell from the parallel arrays of a Range. Empty cells give undefined. A cell is a formula when `formulas`
 * holds "=…" that differs from the value: a text constant that merely looks like a formula reports the same
 * string in both.
 */
export function cellSnap(value: unknown, text: unknown, numberFormat: unknown, formula: unknown, valueType: unknown): CellSnap | undefined {
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && !(typeof value === 'string' && value === formula);
  const empty = valueType === 'Empty' || value === '' || value === null || value === undefined;
  if (empty && !isFormula) return undefined;
  let v: CellValue;
  if (valueType === 'Error') v = { error: String(value) };
  else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') v = value;
  else if (value === null || value === undefined) v = null;
  else v = typeof text === 'string' ? text : String(value); // rich values (data types): keep what the user sees
  const snap: CellSnap = { v };
  if (typeof text === 'string') snap.t = text;
  if (typeof numberFormat === 'string' && numberFormat !== '' && numberFormat !== 'General') snap.f = numberFormat;
  if (isFormula) snap.formula = true;
  return snap;
}
