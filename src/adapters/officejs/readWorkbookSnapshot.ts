/**
 * Office.js adapter: the open workbook → WorkbookSnapshot, the same plain data the exceljs adapter produces.
 *
 * Requirement sets: reads work from ExcelApi 1.1 (Excel 2016 volume-licensed): ranges are addressed with
 * Worksheet.getRange(A1) (1.1); the used range is getUsedRangeOrNullObject(true) from 1.4, getUsedRange() below;
 * hidden rows and columns (rowHidden / columnHidden) need 1.2 and merged areas 1.13
 * (Range.getMergedAreasOrNullObject) — on older hosts they stay empty.
 *
 * Within Excel's documented limits ("Resource limits and performance optimization for Office Add-ins"): Excel on
 * the web refuses a request or a response over 5 MB, and every platform refuses to read more than 5,000,000 cells
 * of one range. So the workbook is read in four phases, each split into syncs whose estimated response stays
 * under READ_BUDGET.bytesPerSync (4 MB, a fifth below the limit):
 *  sync 1        worksheets: name, visibility.
 *  sync 2        every sheet's used range (values only): address, size, rowHidden, columnHidden — no cell data.
 *  values        `values` and `valueTypes` of every used cell, all sheets as one row-major stream cut into windows
 *                of READ_BUDGET.valueCellsPerSync cells (a window covers at most three rectangles per sheet: the end
 *                of a row, whole rows, the start of a row).
 *  detail        `text`, `numberFormat` and `formulas` only for the detail rows — every row of a sheet of at most
 *                READ_BUDGET.smallSheetCells used cells (the nine tables, 补充信息, 本地科目 …) and, in larger sheets
 *                (a ledger of tens of thousands of rows), only the rows of the tables recognised on the values —
 *                in windows of READ_BUDGET.detailCellsPerSync cells.
 *  queries       merged areas (one query per MERGE_CHUNK_ROWS detail rows: Excel refuses more than 512 merged areas
 *                per call) and per-row rowHidden / per-column columnHidden probes, only for sheets whose used range
 *                mixes hidden and visible rows (rowHidden === null, detail rows only) or columns; in syncs of at
 *                most READ_BUDGET.queriesPerSync queries.
 *
 * The number of syncs is therefore (readSyncCount):
 *    2 + ⌈C / V⌉ + ⌈D / T⌉ + ⌈Q / Q_max⌉
 * with C the used cells of all sheets (Σ rows × columns of the used ranges), D the cells of the detail rows, Q the
 * queries, V = 125,000, T = 50,000, Q_max = 10,000. A workbook of the nine tables (a few thousand cells) takes 5
 * syncs; the same with a 50,000-row × 10-column ledger sheet takes 2 + 5 + 1 + 1 = 9. Cells are assumed to
 * average at most 32 bytes of values + types and 80 bytes of text + format + formula; a window whose response
 * Excel still refuses (long texts) costs one more sync and is read again in two halves (recursively), so a
 * workbook of unusual cells takes a few more syncs, never a failure. No context.sync() is ever one per cell or
 * per row.
 */
import { CellRange, CellSnap, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../snapshot/types';
import { rangeA1 } from '../../snapshot/address';
import { Grid } from '../../recognise/grid';
import { sheetRegions, signatureOf } from '../../recognise/regions';
import { parseAreasAddress } from './areas';
import { describeOfficeError } from './errors';
import { excelApiKnown, excelApiSupported } from './requirements';

/** Rows per getMergedAreasOrNullObject call: Excel fails the call above 512 merged areas. */
export const MERGE_CHUNK_ROWS = 50;

/** Excel on the web's limits (bytes per request / response; cells per range read). */
export const EXCEL_LIMITS = { payloadBytes: 5_000_000, cellsPerRead: 5_000_000 };

/** How much the reader asks for per sync (see the file comment). */
export const READ_BUDGET = {
  /** Response bytes aimed at per sync: a fifth below the 5 MB limit. */
  bytesPerSync: 4_000_000,
  /** Cells per values sync: 4 MB / 32 bytes (a number's JSON + its value type). */
  valueCellsPerSync: 125_000,
  /** Cells per detail sync: 4 MB / 80 bytes (displayed text + number format + formula). */
  detailCellsPerSync: 50_000,
  /** Merged-area queries and hidden probes per sync (each ≈ 2 actions of the request). */
  queriesPerSync: 10_000,
  /** Sheets up to this many used cells are read in full detail; larger ones only where tables were found. */
  smallSheetCells: 20_000,
};

/** The sizes readSyncCount needs (see the file comment). */
export interface ReadSize {
  /** Used cells of all sheets. */
  cells: number;
  /** Cells of the detail rows. */
  detailCells: number;
  /** Merged-area queries and hidden-row / hidden-column probes. */
  queries: number;
}

/** The number of context.sync() calls readWorkbookSnapshot makes for a workbook of this size (no refused window). */
export function readSyncCount(size: ReadSize, budget = READ_BUDGET): number {
  return (
    2 +
    Math.ceil(size.cells / budget.valueCellsPerSync) +
    Math.ceil(size.detailCells / budget.detailCellsPerSync) +
    Math.ceil(size.queries / budget.queriesPerSync)
  );
}

export interface ReadOptions {
  /** Read merged areas (ExcelApi 1.13). Default: whether the host supports ExcelApi 1.13. */
  mergedAreas?: boolean;
  /** Rows per merged-areas query (default MERGE_CHUNK_ROWS). */
  mergeChunkRows?: number;
  /** The host's ExcelApi version (default: asked from Office; outside Office everything is assumed). */
  excelApi?: string;
  /** Override parts of READ_BUDGET (tests). */
  budget?: Partial<typeof READ_BUDGET>;
  /** Called once the read is planned and done: the sizes and the syncs actually made. */
  onPlan?: (size: ReadSize, syncs: number) => void;
}

interface SheetJob {
  sheet: Excel.Worksheet;
  name: string;
  hidden: boolean;
  used: Excel.Range;
  /** Geometry of the used range (0 × 0 when the sheet is empty). */
  r0: number;
  c0: number;
  rows: number;
  cols: number;
  rowHidden: boolean | null;
  colHidden: boolean | null;
  values: unknown[][];
  types: unknown[][];
  text: unknown[][];
  formats: unknown[][];
  formulas: unknown[][];
  /** Detail row ranges, relative to the used range, sorted and disjoint: [from, to] inclusive. */
  detail: [number, number][];
  mergeChunks: Excel.RangeAreas[];
  rowProbes: { row: number; range: Excel.Range }[] | null;
  colProbes: Excel.Range[] | null;
}

/** One rectangle of a sheet's used range (relative indexes) to load. */
interface Piece {
  job: SheetJob;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

type PieceKind = 'values' | 'detail';

export async function readWorkbookSnapshot(
  context: Excel.RequestContext,
  source = '当前工作簿',
  options: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const minor = (v: string) => Number(v.split('.')[1] ?? 0);
  const has = (v: string) =>
    options.excelApi !== undefined ? minor(options.excelApi) >= minor(v) : !excelApiKnown() || excelApiSupported(v);
  const withMerges = (options.mergedAreas ?? excelApiSupported('1.13')) && (options.excelApi === undefined || has('1.13'));
  const withHidden = has('1.2');
  const usedOrNull = has('1.4');
  /** A rectangle of a sheet by indexes, as an A1 address (getRange: ExcelApi 1.1; getRangeByIndexes needs 1.7). */
  const rangeAt = (sheet: Excel.Worksheet, row: number, col: number, rows: number, cols: number) =>
    sheet.getRange(rangeA1({ r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 }));
  const chunkRows = Math.max(1, Math.floor(options.mergeChunkRows ?? MERGE_CHUNK_ROWS));
  const budget = { ...READ_BUDGET, ...options.budget };
  let syncs = 0;

  const sync = async (): Promise<void> => {
    syncs++;
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

  // Sync 2: every sheet's used range — its size only.
  const jobs: SheetJob[] = worksheets.items.map((sheet) => {
    // Below ExcelApi 1.4 the used range of an empty sheet is A1 (empty): read, it gives no cell.
    const used = usedOrNull ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange();
    used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount', ...(withHidden ? ['rowHidden', 'columnHidden'] : [])]);
    return {
      sheet, name: sheet.name, hidden: sheet.visibility !== 'Visible', used,
      r0: 0, c0: 0, rows: 0, cols: 0, rowHidden: false, colHidden: false,
      values: [], types: [], text: [], formats: [], formulas: [], detail: [],
      mergeChunks: [], rowProbes: null, colProbes: null,
    };
  });
  await sync();
  for (const job of jobs) {
    if (usedOrNull && job.used.isNullObject) continue;
    job.r0 = job.used.rowIndex;
    job.c0 = job.used.columnIndex;
    job.rows = job.used.rowCount;
    job.cols = job.used.columnCount;
    job.rowHidden = withHidden ? job.used.rowHidden : false;
    job.colHidden = withHidden ? job.used.columnHidden : false;
  }

  // Values: all sheets as one stream of cells, in windows.
  const allRows = (job: SheetJob): [number, number][] => (job.rows ? [[0, job.rows - 1]] : []);
  const cells = jobs.reduce((n, j) => n + j.rows * j.cols, 0);
  for (const window of windows(jobs, allRows, budget.valueCellsPerSync)) await loadPieces(window, 'values');

  // Detail: small sheets in full, tables in large ones.
  for (const job of jobs) job.detail = detailRows(job, budget.smallSheetCells);
  const detailCells = jobs.reduce((n, j) => n + j.detail.reduce((m, [a, b]) => m + (b - a + 1) * j.cols, 0), 0);
  for (const window of windows(jobs, (j) => j.detail, budget.detailCellsPerSync)) await loadPieces(window, 'detail');

  // Queries: merged areas and hidden-row / hidden-column probes of the detail rows.
  const queries: (() => void)[] = [];
  for (const job of jobs) {
    if (!job.rows) continue;
    for (const [from, to] of job.detail) {
      if (withMerges) {
        for (let r = from; r <= to; r += chunkRows) {
          const n = Math.min(chunkRows, to - r + 1);
          queries.push(() => {
            const areas = rangeAt(job.sheet, job.r0 + r, job.c0, n, job.cols).getMergedAreasOrNullObject();
            areas.load('address');
            job.mergeChunks.push(areas);
          });
        }
      }
      if (job.rowHidden === null) {
        for (let r = from; r <= to; r++) {
          queries.push(() => {
            const range = rangeAt(job.sheet, job.r0 + r, job.c0, 1, job.cols);
            range.load('rowHidden');
            (job.rowProbes ||= []).push({ row: r, range });
          });
        }
      }
    }
    if (job.colHidden === null && job.detail.length) {
      for (let c = 0; c < job.cols; c++) {
        queries.push(() => {
          const range = rangeAt(job.sheet, job.r0, job.c0 + c, 1, 1);
          range.load('columnHidden');
          (job.colProbes ||= []).push(range);
        });
      }
    }
  }
  for (let i = 0; i < queries.length; i += budget.queriesPerSync) {
    queries.slice(i, i + budget.queriesPerSync).forEach((q) => q());
    await sync();
  }

  options.onPlan?.({ cells, detailCells, queries: queries.length }, syncs);
  return { source, sheets: jobs.map(sheetSnapshot) };

  /** Load one window's pieces in one sync; a window whose response Excel refuses is read again in halves. */
  async function loadPieces(pieces: Piece[], kind: PieceKind): Promise<void> {
    const loads = pieces.map((p) => {
      const range = rangeAt(p.job.sheet, p.job.r0 + p.row, p.job.c0 + p.col, p.rows, p.cols);
      range.load(kind === 'values' ? ['values', 'valueTypes'] : ['text', 'numberFormat', 'formulas']);
      return { p, range };
    });
    try {
      syncs++;
      await context.sync();
    } catch (e) {
      const size = pieces.reduce((n, p) => n + p.rows * p.cols, 0);
      if (!tooLarge(e) || size <= 1) throw new Error(`读取工作簿失败：${describeOfficeError(e)}。`);
      const [a, b] = halves(pieces, size);
      await loadPieces(a, kind);
      await loadPieces(b, kind);
      return;
    }
    for (const { p, range } of loads) {
      if (kind === 'values') {
        place(p, p.job.values, range.values);
        place(p, p.job.types, range.valueTypes);
      } else {
        place(p, p.job.text, range.text);
        place(p, p.job.formats, range.numberFormat);
        place(p, p.job.formulas, range.formulas);
      }
    }
  }
}

/** The response or the range was over Excel's limits (the only failures worth retrying smaller). */
function tooLarge(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const message = e instanceof Error ? e.message : '';
  return /PayloadSizeLimitExceeded|RangeExceedsLimit|OperationCellsExceedLimit/i.test(`${code} ${message}`);
}

/** Copy a loaded rectangle into the sheet's full-size matrix. */
function place(p: Piece, into: unknown[][], data: unknown[][]): void {
  for (let r = 0; r < p.rows; r++) {
    const row = (into[p.row + r] ||= []);
    const src = data[r];
    for (let c = 0; c < p.cols; c++) row[p.col + c] = src[c];
  }
}

/**
 * The given rows of every sheet (full used width), as one row-major stream of cells cut into windows of at most
 * `size` cells; each window is a list of rectangles (at most three per contiguous row range).
 */
export function windows<J extends { rows: number; cols: number }>(
  jobs: J[],
  rowsOf: (job: J) => [number, number][],
  size: number,
): { job: J; row: number; col: number; rows: number; cols: number }[][] {
  const out: { job: J; row: number; col: number; rows: number; cols: number }[][] = [];
  let current: { job: J; row: number; col: number; rows: number; cols: number }[] = [];
  let room = size;
  for (const job of jobs) {
    const w = job.cols;
    if (!w) continue;
    for (const [from, to] of rowsOf(job)) {
      let pos = from * w; // cell index within the sheet, row-major
      const end = (to + 1) * w;
      while (pos < end) {
        const take = Math.min(room, end - pos);
        current.push(...rectangles(job, pos, pos + take, w));
        pos += take;
        room -= take;
        if (room === 0) {
          out.push(current);
          current = [];
          room = size;
        }
      }
    }
  }
  if (current.length) out.push(current);
  return out;
}

/** Cells [a, b) of a sheet `w` columns wide (row-major) as at most three rectangles. */
function rectangles<J>(job: J, a: number, b: number, w: number): { job: J; row: number; col: number; rows: number; cols: number }[] {
  const out: { job: J; row: number; col: number; rows: number; cols: number }[] = [];
  let ra = Math.floor(a / w);
  const ca = a % w;
  let rb = Math.floor((b - 1) / w);
  const cb = (b - 1) % w;
  if (ra === rb) return [{ job, row: ra, col: ca, rows: 1, cols: cb - ca + 1 }];
  if (ca > 0) out.push({ job, row: ra++, col: ca, rows: 1, cols: w - ca });
  const tail = cb < w - 1 ? { job, row: rb--, col: 0, rows: 1, cols: cb + 1 } : null;
  if (ra <= rb) out.push({ job, row: ra, col: 0, rows: rb - ra + 1, cols: w });
  if (tail) out.push(tail);
  return out;
}

/** Split a refused window's rectangles into two halves of about equal cells. */
function halves(pieces: Piece[], size: number): [Piece[], Piece[]] {
  const target = Math.ceil(size / 2);
  const a: Piece[] = [];
  const b: Piece[] = [];
  let taken = 0;
  for (const p of pieces) {
    const n = p.rows * p.cols;
    if (taken >= target) b.push(p);
    else if (taken + n <= target) {
      a.push(p);
      taken += n;
    } else {
      // Cut this rectangle: whole rows when it has several, else columns of its one row.
      const need = target - taken;
      if (p.rows > 1) {
        const rows = Math.max(1, Math.min(p.rows - 1, Math.round(need / p.cols)));
        a.push({ ...p, rows });
        b.push({ ...p, row: p.row + rows, rows: p.rows - rows });
      } else {
        const cols = Math.max(1, Math.min(p.cols - 1, need));
        a.push({ ...p, cols });
        b.push({ ...p, col: p.col + cols, cols: p.cols - cols });
      }
      taken = target;
    }
  }
  return [a, b];
}

/**
 * Detail rows of a sheet (relative to its used range): all rows of a small sheet; in a larger one the rows of the
 * regions recognised as one of the tables on the values alone (a title, or a header signature), merged.
 */
function detailRows(job: SheetJob, smallSheetCells: number): [number, number][] {
  if (!job.rows) return [];
  if (job.rows * job.cols <= smallSheetCells) return [[0, job.rows - 1]];
  const valuesOnly = sheetSnapshot({ ...job, detail: [], mergeChunks: [], rowProbes: null, colProbes: null, rowHidden: false, colHidden: false });
  const grid = new Grid(valuesOnly);
  const ranges = sheetRegions(grid)
    .filter((region) => region.match || signatureOf(region))
    .map((region): [number, number] => [Math.max(0, region.r0 - job.r0), Math.min(job.rows - 1, region.r1 - job.r0)])
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

function sheetSnapshot(job: SheetJob): SheetSnapshot {
  const snap: SheetSnapshot = { name: job.name, hidden: job.hidden, cells: [], merges: [], hiddenRows: [], hiddenCols: [] };
  if (!job.rows) return snap;
  const { r0, c0, values, types, text, formats, formulas } = job;
  for (let r = 0; r < job.rows; r++) {
    const vRow = values[r];
    if (!vRow) continue;
    const tRow = text[r];
    for (let c = 0; c < job.cols; c++) {
      const cell = tRow
        ? cellSnap(vRow[c], tRow[c], formats[r][c], formulas[r][c], types[r][c])
        : cellSnap(vRow[c], undefined, undefined, undefined, types[r][c]);
      if (cell) (snap.cells[r0 + r] ||= [])[c0 + c] = cell;
    }
  }
  if (job.rowHidden === true) for (let i = 0; i < job.rows; i++) snap.hiddenRows.push(r0 + i);
  else if (job.rowProbes) for (const p of job.rowProbes) if (p.range.rowHidden) snap.hiddenRows.push(r0 + p.row);
  if (job.colHidden === true) for (let i = 0; i < job.cols; i++) snap.hiddenCols.push(c0 + i);
  else if (job.colProbes) job.colProbes.forEach((p, i) => p.columnHidden && snap.hiddenCols.push(c0 + i));
  snap.hiddenRows.sort((a, b) => a - b);
  snap.merges = mergedRanges(job.mergeChunks);
  return snap;
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
 * string in both. Outside the detail rows only the value and its type are known (text, format, formula undefined).
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
