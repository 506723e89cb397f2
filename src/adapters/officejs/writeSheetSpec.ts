/**
 * Office.js adapter, output side: write a whole SheetSpec (补充信息, 决算说明, 执行率汇总) into the open workbook as
 * a sheet the add-in owns — the Office.js twin of adapters/exceljs/writeSheetSpec.ts, with the same look (the
 * colours, fonts and number formats of STYLE_LOOKS are the exceljs writer's).
 *
 * Ownership is writeOwnedSheet's (checkOwnership / openOwnedSheet): a user's sheet of that name is refused with a
 * Chinese error before anything is written; our own sheet is rewritten in place (cleared, not deleted, so formulas
 * elsewhere that point at it — 执行率汇总 → 补充信息 — keep working).
 *
 * Exactly WRITE_SPEC_SYNC_COUNT (3) context.sync() calls, whatever the size of the sheet — one more when our
 * sheet exists and its marker records what was written last (output/ownedMarker.ts):
 *  sync 1  worksheets and workbook names → does the sheet exist, is it ours? (refusal happens here)
 *  sync 1b the cells within the recorded extent and the used range → did the user change the sheet since? If so
 *          it is kept as it is and the spec goes into a new sheet ("决算说明（2）"), said in `skipped`.
 *  sync 2  create the sheet and its marker (or clear ours: contents, formats, merges, hidden columns, widths,
 *          frozen rows), stale markers; number formats ("@" for every text cell, first), values, formulas
 *          (range.formulas, one matrix), cell styles (one setCellProperties, or grouped ranges), merges, column
 *          widths, hidden columns, freeze panes, row autofit; loads the charts / notes / comments still on the sheet.
 *  sync 3  delete those old charts / notes / comments; add the cell notes and the charts; activate.
 * Charts, notes and comments need sync 3 because a rewritten sheet's old ones can only be deleted by reference
 * (Range.clear() does not remove charts), and the references are only known after sync 2.
 *
 * Text is always text: every text or rich cell gets the number format "@" before its value, so "=…", "001" or "1/2"
 * are stored as typed. Formulas come only from formula cells, through range.formulas; their cached values are
 * Excel's business (it calculates them).
 *
 * Requirement sets:
 *  - baseline ExcelApi 1.7: getRangeByIndexes, freezePanes, ChartSeriesCollection.add, ChartSeries.setValues /
 *    setXAxisValues (so a chart's categories and series need not be one contiguous block); merge / unmerge,
 *    columnHidden, format.columnWidth / useStandardWidth / autofitRows 1.2; names 1.4; charts.add, setPosition,
 *    title, legend, data labels (show*, separator, position), value axis 1.1.
 *  - ExcelApi 1.9: Range.setCellProperties — all cell styles in one call. Without it, one range per block of
 *    equally styled cells (rows of equal runs are grouped), still in the same batch.
 *  - ExcelApi 1.18: textRuns (only the placeholder inside a paragraph is red). Without it, a paragraph that
 *    contains a placeholder is styled 'placeholder' as a whole (reported).
 *  - Cell notes: Worksheet.notes (ExcelApi 1.18); else threaded comments (Worksheet.comments, 1.10; reported);
 *    else not written (reported).
 *  - ExcelApi 1.8: data-label number formats of the charts; else Excel's default label format (reported).
 *
 * Column widths: a SheetSpec width is in characters (as in .xlsx); Range.format.columnWidth is in points. With
 * the standard font (maximum digit width 7 px, as Calibri 11 and 等线 11) Excel's column of w characters is
 * w × 7 + 5 px (2 px margin each side, 1 px gridline), and 1 px = 0.75 pt at 96 dpi: 8.43 → 64 px → 48 pt,
 * Excel's default column.
 */

import { CellStyle, ChartSpec, SheetSpec, SpecCell } from '../../output/sheetSpec';
import { a1, parseA1 } from '../../snapshot/address';
import { CellRange } from '../../snapshot/types';
import { describeOfficeError } from './errors';
import { excelApiSupported } from './requirements';
import { checkOwnership, openOwnedSheet, OwnershipCheck, sheetNameProblem } from './writeOwnedSheet';
import { ContentDigest, DigestCell, digestCells, digestSpec, freeSheetName } from '../../output/ownedMarker';

export const WRITE_SPEC_SYNC_COUNT = 3;

/** What the host supports beyond the ExcelApi 1.7 baseline. */
export interface SpecApi {
  /** ExcelApi 1.9: Range.setCellProperties. */
  cellProperties: boolean;
  /** ExcelApi 1.18: textRuns in setCellProperties (needs cellProperties too). */
  textRuns: boolean;
  /** ExcelApi 1.18: Worksheet.notes. */
  notes: boolean;
  /** ExcelApi 1.10: Worksheet.comments (threaded comments). */
  comments: boolean;
  /** ExcelApi 1.8: ChartDataLabels.numberFormat. */
  chartLabelFormat: boolean;
}

/** The SpecApi of a host that supports ExcelApi `version` ("1.7" … "1.18"). */
export function specApiFor(version: string): SpecApi {
  const minor = Number(version.split('.')[1] ?? 0);
  return { cellProperties: minor >= 9, textRuns: minor >= 18, notes: minor >= 18, comments: minor >= 10, chartLabelFormat: minor >= 8 };
}

/** The running host's SpecApi (everything false outside Office). */
export function detectSpecApi(): SpecApi {
  return {
    cellProperties: excelApiSupported('1.9'),
    textRuns: excelApiSupported('1.18'),
    notes: excelApiSupported('1.18'),
    comments: excelApiSupported('1.10'),
    chartLabelFormat: excelApiSupported('1.8'),
  };
}

export interface WriteSpecOptions {
  /** Activate the sheet after writing. */
  activate?: boolean;
  /**
   * Keep the existing owned sheet exactly as it is and add the spec's rows below what it holds (补充信息 on a
   * re-run: what the user typed, formatted or added stays untouched). See writeSpecBelow.
   */
  appendOnly?: boolean;
  /** What the host supports (default: asked from Office.context.requirements). */
  api?: SpecApi;
  /**
   * Rewrite our sheet even when the user changed it since it was written. By default such a sheet is kept and the
   * spec is written into a new sheet ("决算说明（2）"), reported in `skipped`.
   */
  replaceEdited?: boolean;
}

export interface WriteSpecReport {
  /** context.sync() calls made (WRITE_SPEC_SYNC_COUNT; 0 when appendOnly has nothing to add). */
  syncs: number;
  /** appendOnly: the 0-based row where the first appended row went (below the sheet's last used row). */
  appendedAt?: number;
  /** The sheet written: the spec's name, or a new one when the user had changed ours (see replaceEdited). */
  sheet?: string;
  /** What could not be written as specified on this host, in Chinese. */
  skipped: string[];
}

/** How a style looks: the exceljs writer's choices (ARGB FFxxxxxx there, #xxxxxx here). */
export interface CellLook {
  font?: { bold?: boolean; size?: number; color?: string };
  fill?: string;
  wrapText?: boolean;
  verticalAlignment?: 'Top' | 'Center';
  horizontalAlignment?: 'Center';
  /** A thin bottom border of this colour. */
  bottomBorder?: string;
  /** Number format for number and formula cells. */
  numFmt?: string;
}

export const STYLE_LOOKS: Record<CellStyle, CellLook> = {
  title: { font: { bold: true, size: 16 } },
  heading1: { font: { bold: true, size: 13 } },
  heading2: { font: { bold: true, size: 11 } },
  paragraph: { wrapText: true, verticalAlignment: 'Top' },
  placeholder: { font: { color: '#C00000', bold: true }, fill: '#FFF2CC', wrapText: true, verticalAlignment: 'Top' },
  input: { fill: '#EAF1FB', bottomBorder: '#9BB7D4' },
  label: {},
  header: { font: { bold: true }, fill: '#D9D9D9', verticalAlignment: 'Center', horizontalAlignment: 'Center', wrapText: true },
  note: { font: { color: '#7F7F7F', size: 9 }, wrapText: true, verticalAlignment: 'Top' },
  percent: { numFmt: '0.00%' },
  money: { numFmt: '0.00' },
  flagged: { fill: '#FFC7CE', font: { color: '#9C0006' } },
};

/** Font of a rich-text run (exceljs runFont). */
function runFont(style: CellStyle | undefined): Excel.CellPropertiesFont | undefined {
  if (style === 'placeholder') return { color: '#C00000', bold: true };
  if (style === 'heading1' || style === 'heading2') return { bold: true };
  return undefined;
}

const CHART_TYPES: Record<ChartSpec['type'], Excel.ChartType> = {
  column: 'ColumnClustered' as Excel.ChartType,
  bar: 'BarClustered' as Excel.ChartType,
  pie: 'Pie' as Excel.ChartType,
};

/** Characters → points (see the header). */
export function columnWidthPoints(chars: number): number {
  return Math.round(chars * 7 + 5) * 0.75;
}

/** Excel's limits: 255 characters per column, 32767 per cell. */
const MAX_COLUMN_CHARS = 255;
const MAX_CELL_CHARS = 32767;

// ---------------------------------------------------------------------------------------------------------------

interface Plan {
  height: number;
  width: number;
  values: (string | number | null)[][];
  formats: string[][];
  /** null when the sheet has no formula. */
  formulas: (string | null)[][] | null;
  /** The style each cell is drawn with (rich cells without textRuns: 'placeholder' when they hold one). */
  styles: (CellStyle | undefined)[][];
  runs: (Excel.RangeTextRun[] | null)[][];
  /** Rich cells with a placeholder that had to be styled as a whole. */
  degradedRich: number;
}

function cellName(r: number, c: number): string {
  return `第 ${r + 1} 行第 ${c + 1} 列（${a1(r, c)}）`;
}

function plan(spec: SheetSpec, api: SpecApi): Plan {
  const rows = spec.rows.map((row) => row ?? []);
  const height = rows.length;
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const p: Plan = { height, width, values: [], formats: [], formulas: null, styles: [], runs: [], degradedRich: 0 };
  const richRuns = api.cellProperties && api.textRuns;
  rows.forEach((row, r) => {
    const vs: (string | number | null)[] = [];
    const fs: string[] = [];
    const ss: (CellStyle | undefined)[] = [];
    const rs: (Excel.RangeTextRun[] | null)[] = [];
    for (let c = 0; c < width; c++) {
      const cell: SpecCell | undefined = row[c];
      let value: string | number | null = '';
      let format = 'General';
      let style = cell?.style;
      let runs: Excel.RangeTextRun[] | null = null;
      switch (cell?.kind) {
        case 'text':
          value = cell.text;
          format = '@';
          break;
        case 'rich': {
          value = cell.runs.map((x) => x.text).join('');
          format = '@';
          if (richRuns) {
            runs = cell.runs.map((x) => {
              const font = runFont(x.style);
              return font ? { text: x.text, font } : { text: x.text };
            });
          } else if (cell.runs.some((x) => x.style === 'placeholder')) {
            style = 'placeholder';
            p.degradedRich++;
          }
          break;
        }
        case 'number':
          if (!Number.isFinite(cell.value)) throw new Error(`${cellName(r, c)}的数值无效（${cell.value}）。`);
          value = cell.value;
          format = cell.numFmt ?? (cell.style && STYLE_LOOKS[cell.style].numFmt) ?? 'General';
          break;
        case 'formula':
          if (typeof cell.formula !== 'string' || !cell.formula.startsWith('=') || cell.formula.length < 2) {
            throw new Error(`${cellName(r, c)}的公式“${String(cell.formula)}”必须以“=”开头。`);
          }
          value = null; // written through range.formulas below
          format = cell.numFmt ?? (cell.style && STYLE_LOOKS[cell.style].numFmt) ?? 'General';
          if (!p.formulas) p.formulas = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
          p.formulas[r][c] = cell.formula;
          break;
        default:
          break;
      }
      if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
        throw new Error(`${cellName(r, c)}的文字有 ${value.length} 个字符，超过 Excel 单元格的上限（${MAX_CELL_CHARS}）。`);
      }
      vs.push(value);
      fs.push(format);
      ss.push(style);
      rs.push(runs);
    }
    p.values.push(vs);
    p.formats.push(fs);
    p.styles.push(ss);
    p.runs.push(rs);
  });
  return p;
}

/** Whether a look changes anything besides the number format. */
function hasLook(style: CellStyle | undefined): style is CellStyle {
  if (!style) return false;
  const { numFmt: _, ...rest } = STYLE_LOOKS[style];
  return Object.keys(rest).length > 0;
}

function cellProperties(style: CellStyle | undefined, runs: Excel.RangeTextRun[] | null): Excel.SettableCellProperties {
  const out: Excel.SettableCellProperties = {};
  if (hasLook(style)) {
    const look = STYLE_LOOKS[style];
    const format: Excel.CellPropertiesFormat = {};
    if (look.font) format.font = { ...look.font };
    if (look.fill) format.fill = { color: look.fill };
    if (look.wrapText !== undefined) format.wrapText = look.wrapText;
    if (look.verticalAlignment) format.verticalAlignment = look.verticalAlignment as Excel.VerticalAlignment;
    if (look.horizontalAlignment) format.horizontalAlignment = look.horizontalAlignment as Excel.HorizontalAlignment;
    if (look.bottomBorder) {
      format.borders = { bottom: { style: 'Continuous' as Excel.BorderLineStyle, color: look.bottomBorder, weight: 'Thin' as Excel.BorderWeight } };
    }
    out.format = format;
  }
  if (runs) out.textRuns = runs;
  return out;
}

/** Blocks of equally styled cells: runs along each row, extended downwards while the rows repeat them. */
export function styleBlocks(styles: (CellStyle | undefined)[][]): (CellRange & { style: CellStyle })[] {
  const blocks: (CellRange & { style: CellStyle })[] = [];
  let open = new Map<string, CellRange & { style: CellStyle }>();
  styles.forEach((row, r) => {
    const next = new Map<string, CellRange & { style: CellStyle }>();
    let c = 0;
    while (c < row.length) {
      const style = row[c];
      let end = c;
      while (end + 1 < row.length && row[end + 1] === style) end++;
      if (hasLook(style)) {
        const key = `${c}:${end}:${style}`;
        const block = open.get(key);
        if (block) block.r1 = r;
        else blocks.push({ r0: r, r1: r, c0: c, c1: end, style });
        next.set(key, block ?? blocks[blocks.length - 1]);
      }
      c = end + 1;
    }
    open = next;
  });
  return blocks;
}

/** Property assignments on one range (the pre-1.9 path). */
function applyLook(range: Excel.Range, style: CellStyle, rows: number): void {
  const look = STYLE_LOOKS[style];
  const f = range.format;
  if (look.font?.bold !== undefined) f.font.bold = look.font.bold;
  if (look.font?.size !== undefined) f.font.size = look.font.size;
  if (look.font?.color !== undefined) f.font.color = look.font.color;
  if (look.fill) f.fill.color = look.fill;
  if (look.wrapText !== undefined) f.wrapText = look.wrapText;
  if (look.verticalAlignment) f.verticalAlignment = look.verticalAlignment as Excel.VerticalAlignment;
  if (look.horizontalAlignment) f.horizontalAlignment = look.horizontalAlignment as Excel.HorizontalAlignment;
  if (look.bottomBorder) {
    const edges = rows > 1 ? ['EdgeBottom', 'InsideHorizontal'] : ['EdgeBottom'];
    for (const edge of edges) {
      const b = f.borders.getItem(edge as Excel.BorderIndex);
      b.style = 'Continuous' as Excel.BorderLineStyle;
      b.color = look.bottomBorder;
      b.weight = 'Thin' as Excel.BorderWeight;
    }
  }
}

interface ChartPlan {
  spec: ChartSpec;
  categories: CellRange;
  series: { name: string; values: CellRange }[];
  /** All cached values known and ≥ 0: the value axis starts at 0 (as the exceljs charts do). */
  nonNegative: boolean;
}

/** A ChartSpec's ranges ("A72:A73", on this sheet), or the Chinese reason it cannot be drawn. */
function planChart(chart: ChartSpec, spec: SheetSpec): ChartPlan | string {
  const range = (ref: string): CellRange | null => (ref.includes('!') ? null : parseA1(ref));
  const categories = range(chart.categories);
  if (!categories) return `图表“${chart.title}”的分类区域“${chart.categories}”无效，未插入。`;
  if (!chart.series.length) return `图表“${chart.title}”没有数据系列，未插入。`;
  const series: ChartPlan['series'] = [];
  for (const s of chart.series) {
    const values = range(s.values);
    if (!values || (values.r0 !== values.r1 && values.c0 !== values.c1)) return `图表“${chart.title}”的数据区域“${s.values}”无效，未插入。`;
    series.push({ name: s.name, values });
  }
  let nonNegative = true;
  for (const s of series) {
    for (let r = s.values.r0; r <= s.values.r1; r++) {
      for (let c = s.values.c0; c <= s.values.c1; c++) {
        const cell = spec.rows[r]?.[c];
        const v = cell?.kind === 'number' ? cell.value : cell?.kind === 'formula' ? cell.value : undefined;
        if (typeof v === 'number' && v < 0) nonNegative = false;
      }
    }
  }
  return { spec: chart, categories, series, nonNegative };
}

function rangeOf(sheet: Excel.Worksheet, r: CellRange): Excel.Range {
  return sheet.getRangeByIndexes(r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1);
}

/** Queue one chart (sync 3). */
function addChart(sheet: Excel.Worksheet, p: ChartPlan, api: SpecApi): void {
  const pie = p.spec.type === 'pie';
  const chart = sheet.charts.add(CHART_TYPES[p.spec.type], rangeOf(sheet, p.series[0].values), 'Columns' as Excel.ChartSeriesBy);
  chart.title.text = p.spec.title;
  chart.legend.position = (pie ? 'Right' : 'Bottom') as Excel.ChartLegendPosition;
  const categories = rangeOf(sheet, p.categories);
  p.series.forEach((s, k) => {
    const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(rangeOf(sheet, s.values)); // also for the first: whatever Excel guessed from the source
    series.setXAxisValues(categories);
  });
  const labels = chart.dataLabels;
  if (pie) {
    labels.showValue = false;
    labels.showPercentage = true;
    labels.showCategoryName = true;
    labels.separator = '：';
    labels.position = 'BestFit' as Excel.ChartDataLabelPosition;
    if (api.chartLabelFormat) labels.numberFormat = '0.00%';
  } else {
    labels.showValue = true;
    labels.position = 'OutsideEnd' as Excel.ChartDataLabelPosition;
    // Zero values get no label (empty third section), as in the exceljs charts.
    if (api.chartLabelFormat) labels.numberFormat = '0.00;-0.00;;';
    const axis = chart.axes.valueAxis;
    if (p.nonNegative) axis.minimum = 0;
    axis.title.text = '万元';
    axis.title.visible = true;
  }
  const { row, col, rows, cols } = p.spec.anchor;
  chart.setPosition(a1(row, col), a1(row + Math.max(rows, 1) - 1, col + Math.max(cols, 1) - 1));
}

/** Validated merges and cell notes of a spec (Chinese errors before anything is sent). */
function mergesAndNotes(spec: SheetSpec): { merges: CellRange[]; notes: { r: number; c: number; text: string }[] } {
  const merges = (spec.merges ?? []).map((m) => {
    const ok = [m.r0, m.c0, m.r1, m.c1].every((x) => Number.isInteger(x) && x >= 0) && m.r1 >= m.r0 && m.c1 >= m.c0;
    if (!ok) throw new Error(`合并区域（${m.r0},${m.c0}）–（${m.r1},${m.c1}）无效。`);
    return m;
  });
  const notes: { r: number; c: number; text: string }[] = [];
  for (const [key, text] of Object.entries(spec.notes ?? {})) {
    const at = parseNoteKey(key);
    if (!at) throw new Error(`单元格说明的位置“${key}”无效。`);
    if (text) notes.push({ ...at, text });
  }
  return { merges, notes };
}

/** Queue the cell notes (notes 1.18, else threaded comments 1.10, else reported). */
function addNotes(sheet: Excel.Worksheet, notes: { r: number; c: number; text: string }[], api: SpecApi, skipped: string[]): void {
  if (!notes.length) return;
  if (api.notes) for (const n of notes) sheet.notes.add(sheet.getCell(n.r, n.c), n.text);
  else if (api.comments) {
    for (const n of notes) sheet.comments.add(sheet.getCell(n.r, n.c), n.text);
    skipped.push(`当前 Excel 不支持备注（需要 ExcelApi 1.18）：${notes.length} 条单元格说明改为批注写入。`);
  } else {
    skipped.push(`当前 Excel 不支持备注和批注（需要 ExcelApi 1.10 或更高版本）：${notes.length} 条单元格说明（数据来源）未写入。`);
  }
}

/** Queue values, number formats, formulas and styles of plan rows [from, height) at sheet row `at`. */
function writeRows(sheet: Excel.Worksheet, p: Plan, api: SpecApi, from: number, at: number): void {
  const height = p.height - from;
  if (height <= 0 || p.width <= 0) return;
  const block = sheet.getRangeByIndexes(at, 0, height, p.width);
  block.numberFormat = p.formats.slice(from); // "@" first, so that the strings below stay text
  block.values = p.values.slice(from);
  if (p.formulas) block.formulas = p.formulas.slice(from);
  const styles = p.styles.slice(from);
  if (api.cellProperties) {
    block.setCellProperties(styles.map((row, r) => row.map((style, c) => cellProperties(style, p.runs[from + r][c]))));
  } else {
    for (const b of styleBlocks(styles)) applyLook(rangeOf(sheet, { ...b, r0: b.r0 + at, r1: b.r1 + at }), b.style, b.r1 - b.r0 + 1);
  }
}

/**
 * appendOnly: the owned sheet must exist; nothing in it is cleared, unmerged, resized or re-styled. The spec's rows
 * from its first non-empty one are written below the sheet's last used row as it is NOW (the user may have typed
 * or added rows since the workbook was read), one empty row between. Exactly WRITE_SPEC_SYNC_COUNT syncs (none
 * when the spec has no row):
 *  sync 1  ownership (checkOwnership);
 *  sync 2  the sheet's used range (values only, ExcelApi 1.4);
 *  sync 3  the rows, their styles, merges and notes (moved down with them), optionally activate.
 * Column widths, hidden columns, frozen rows, print setup and charts of the spec are ignored: they are the
 * existing sheet's and may have been changed by the user.
 */
async function writeSpecBelow(context: Excel.RequestContext, spec: SheetSpec, p: Plan, api: SpecApi, options: WriteSpecOptions): Promise<WriteSpecReport> {
  const { merges, notes } = mergesAndNotes(spec);
  const skipped: string[] = [];
  const first = p.values.findIndex((row, r) => row.some((v, c) => (v !== '' && v !== null) || p.formulas?.[r][c]));
  if (first < 0) return { syncs: 0, skipped }; // nothing to add
  const ownership = await checkOwnership(context, spec.name); // sync 1
  if (ownership.existing === null) {
    throw new Error(`工作簿中已没有“${spec.name}”工作表（可能刚被删除或改名），未写入。请重新读取工作簿后再试。`);
  }
  const sheet = context.workbook.worksheets.getItem(ownership.existing);
  const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex, rowCount');
  try {
    await context.sync(); // sync 2
  } catch (e) {
    throw new Error(`无法读取工作表“${spec.name}”：${describeOfficeError(e)}。`);
  }
  const lastUsed = used.isNullObject ? -1 : used.rowIndex + used.rowCount - 1;
  const at = Math.max(first, lastUsed + 2);
  const shift = at - first;
  writeRows(sheet, p, api, first, at);
  for (const m of merges) if (m.r0 >= first) rangeOf(sheet, { ...m, r0: m.r0 + shift, r1: m.r1 + shift }).merge(false);
  sheet.getRangeByIndexes(at, 0, Math.max(1, p.height - first), Math.max(1, p.width)).format.autofitRows();
  addNotes(
    sheet,
    notes.filter((n) => n.r >= first).map((n) => ({ ...n, r: n.r + shift })),
    api,
    skipped,
  );
  if (options.activate) sheet.activate();
  try {
    await context.sync(); // sync 3
  } catch (e) {
    throw new Error(`写入工作表“${spec.name}”失败：${describeOfficeError(e)}。`);
  }
  return { syncs: WRITE_SPEC_SYNC_COUNT, skipped, appendedAt: at };
}

function parseNoteKey(key: string): { r: number; c: number } | null {
  const m = /^(\d+),(\d+)$/.exec(key.trim());
  return m ? { r: Number(m[1]), c: Number(m[2]) } : null;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Write (or rewrite) `spec` as an owned sheet. Throws a Chinese Error when a user's sheet has that name (nothing
 * written), when the spec is invalid (nothing written) or when a sync fails.
 */
export async function writeSheetSpec(context: Excel.RequestContext, spec: SheetSpec, options: WriteSpecOptions = {}): Promise<WriteSpecReport> {
  const problem = sheetNameProblem(spec.name);
  if (problem) throw new Error(problem);
  const api = options.api ?? detectSpecApi();
  const p = plan(spec, api); // validates every cell before anything is sent
  if (options.appendOnly) return writeSpecBelow(context, spec, p, api, options);
  const skipped: string[] = [];

  const { merges, notes } = mergesAndNotes(spec);
  const charts: ChartPlan[] = [];
  for (const chart of spec.charts ?? []) {
    const planned = planChart(chart, spec);
    if (typeof planned === 'string') skipped.push(planned);
    else charts.push(planned);
  }
  if (p.degradedRich) {
    skipped.push(
      `当前 Excel 不支持单元格内的分段格式（需要 ExcelApi 1.18）：${p.degradedRich} 个含“请填写”的段落整格标为待填写样式（红字黄底），未能只标红待填写的部分。`,
    );
  }

  // Sync 1: does the sheet exist, and is it ours?
  let ownership = await checkOwnership(context, spec.name);
  let syncs = WRITE_SPEC_SYNC_COUNT;
  let target = spec.name;
  // Sync 1b (only when rewriting a sheet whose content was recorded): did the user change it since?
  if (ownership.existing !== null && ownership.digest && !options.replaceEdited) {
    syncs++;
    // The latest sheet an earlier run wrote beside the user's ("决算说明（2）"): reused while the user leaves it alone.
    const variant = latestVariant(spec.name, ownership);
    const [edited, variantEdited] = await editedSinceWritten(context, [
      { sheet: ownership.existing, digest: ownership.digest },
      ...(variant ? [{ sheet: variant.sheet, digest: variant.digest! }] : []),
    ]);
    if (edited) {
      const reuse = variant && !variantEdited;
      target = reuse ? variant.sheet : freeSheetName(spec.name, ownership.sheetNames);
      skipped.push(`“${ownership.existing}”工作表在上次生成后被修改过，为保留您的修改，没有替换它；新生成的内容写入了“${target}”工作表。`);
      ownership = reuse
        ? { ...ownership, existing: variant.sheet, marker: variant.marker, digest: variant.digest }
        : { ...ownership, existing: null, marker: undefined, digest: undefined };
    }
  }

  // Sync 2: create or clear, then every cell, style and sheet setting.
  const { sheet, existed } = openOwnedSheet(context, target, ownership, digestSpec(spec));
  if (existed) {
    const all = sheet.getRange();
    all.unmerge();
    all.columnHidden = false;
    all.format.useStandardWidth = true;
  }
  writeRows(sheet, p, api, 0, 0);
  for (const m of merges) rangeOf(sheet, m).merge(false);
  (spec.columnWidths ?? []).forEach((w, c) => {
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) return;
    sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = columnWidthPoints(Math.min(w, MAX_COLUMN_CHARS));
  });
  for (const c of spec.hiddenColumns ?? []) {
    if (Number.isInteger(c) && c >= 0) sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().columnHidden = true;
  }
  if (spec.freezeRows && spec.freezeRows > 0) sheet.freezePanes.freezeRows(spec.freezeRows);
  else if (existed) sheet.freezePanes.unfreeze();
  if (spec.visibility) sheet.visibility = (spec.visibility === 'veryHidden' ? 'VeryHidden' : 'Hidden') as Excel.SheetVisibility;
  // Print setup (PageLayout, ExcelApi 1.9 — the same host level as setCellProperties); older hosts print as is.
  if (spec.print && api.cellProperties && sheet.pageLayout) {
    const layout = sheet.pageLayout;
    if (spec.print.landscape) layout.orientation = 'Landscape' as Excel.PageOrientation;
    if (spec.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
    if (spec.print.repeatRows) layout.setPrintTitleRows(`$${spec.print.repeatRows[0] + 1}:$${spec.print.repeatRows[1] + 1}`);
  }
  if (p.height > 0 && p.width > 0) sheet.getRangeByIndexes(0, 0, p.height, p.width).format.autofitRows();
  const oldCharts = sheet.charts.load('items/name');
  const oldNotes = api.notes ? sheet.notes.load('items') : null;
  const oldComments = api.comments ? sheet.comments.load('items/id') : null;
  try {
    await context.sync();
  } catch (e) {
    throw new Error(`写入工作表“${spec.name}”失败：${describeOfficeError(e)}。`);
  }

  // Sync 3: replace the charts and the cell notes.
  for (const chart of oldCharts.items) chart.delete();
  for (const note of oldNotes?.items ?? []) note.delete();
  for (const comment of oldComments?.items ?? []) comment.delete();
  addNotes(sheet, notes, api, skipped);
  for (const chart of charts) addChart(sheet, chart, api);
  if (charts.length && !api.chartLabelFormat) {
    skipped.push(`当前 Excel 不支持设置图表数据标签的数字格式（需要 ExcelApi 1.8）：${charts.length} 个图表的数据标签按默认格式显示。`);
  }
  if (options.activate) sheet.activate();
  try {
    await context.sync();
  } catch (e) {
    throw new Error(`工作表“${target}”的单元格已写入，但图表或单元格说明未能写入：${describeOfficeError(e)}。`);
  }
  return { syncs, skipped, sheet: target };
}

/**
 * Whether the owned sheet differs from what the add-in last wrote there (its recorded fingerprint): the cells within
 * the recorded extent are read (values and formulas; never more than the add-in wrote), and anything typed outside
 * it shows in the used range. One sync.
 */
async function editedSinceWritten(context: Excel.RequestContext, sheets: { sheet: string; digest: ContentDigest }[]): Promise<boolean[]> {
  const loads = sheets.map(({ sheet: name, digest }) => {
    const sheet = context.workbook.worksheets.getItem(name);
    return {
      digest,
      block: digest.rows > 0 && digest.cols > 0 ? sheet.getRangeByIndexes(0, 0, digest.rows, digest.cols).load('values, formulas') : null,
      used: sheet.getUsedRangeOrNullObject(true).load('rowIndex, rowCount, columnIndex, columnCount'),
    };
  });
  try {
    await context.sync();
  } catch (e) {
    throw new Error(`无法读取工作表“${sheets[0].sheet}”：${describeOfficeError(e)}。`);
  }
  return loads.map(({ digest, block, used }) => {
    if (!used.isNullObject && (used.rowIndex + used.rowCount > digest.rows || used.columnIndex + used.columnCount > digest.cols)) return true;
    const cells: DigestCell[] = [];
    block?.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = block.formulas[r][c];
        // A text that looks like a formula ("@" format) comes back as its own formula; a real formula's value differs.
        const isFormula = typeof f === 'string' && f.startsWith('=') && f !== v;
        cells.push({ r, c, value: isFormula ? { formula: true } : (v as string | number | boolean) });
      }),
    );
    return digestCells(cells, digest.rows, digest.cols).hash !== digest.hash;
  });
}

/** The highest-numbered owned "name（n）" with a recorded fingerprint. */
function latestVariant(name: string, ownership: OwnershipCheck): { sheet: string; marker: string; digest?: ContentDigest } | undefined {
  let best: { n: number; v: { sheet: string; marker: string; digest?: ContentDigest } } | undefined;
  for (const v of ownership.owned.values()) {
    const m = /（(\d+)）$/.exec(v.sheet);
    if (!m || !v.digest || v.sheet.slice(0, -m[0].length) !== name.slice(0, 31 - m[0].length)) continue;
    if (!best || Number(m[1]) > best.n) best = { n: Number(m[1]), v };
  }
  return best?.v;
}

