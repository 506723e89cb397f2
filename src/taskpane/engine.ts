/**
 * The task pane's only door to the engine. Components call these functions and render what they return;
 * they never read cells or recognise tables themselves.
 *
 * The exceljs adapter (browser page) and the Office.js adapter (inside Excel) are loaded on demand, so the
 * Excel task pane does not download exceljs and the browser page does not need Office.js.
 */
import type { WorkbookSnapshot } from '../snapshot/types';
import type { Accounts } from '../model/types';
import type { Finding } from '../rules/types';
import type { CheckResult } from '../rules';
import { readAccounts } from '../model/readAccounts';
import { excelApiKnown, excelApiSupported } from '../adapters/officejs/requirements';
import type { MarkResult, UnmarkResult } from '../adapters/officejs/markCells';
import type { SheetSpec } from '../output/sheetSpec';
import type { NarrativeForm } from '../narrative/types';
import { NARRATIVE_SHEET } from '../narrative/sheet';
import { allFields, buildSupplementAppendix, buildSupplementSheet, readSupplement, Supplement, SUPPLEMENT_SHEET } from '../supplement/sheet';
import { buildCheckReport, CheckReport } from './checkView';
import { supplementStatus, SupplementStatus, SupplementWritten } from './supplementView';
import { narrativeDoc, NarrativeDoc } from './narrativeView';
import { buildRatesView, RatesView } from './ratesView';
import { AuditView, buildAuditView, narrativeSheets } from './auditView';
import { copyText, CopyResult, DOCX_MIME, downloadBytes, XLSX_MIME } from './browserIo';

export { NARRATIVE_SHEET, SUPPLEMENT_SHEET };
export type { CopyResult };

export interface LoadedWorkbook {
  snapshot: WorkbookSnapshot;
  accounts: Accounts;
  /** Browser page only: the uploaded file (never modified) and the copy the add-in's sheets are written into. */
  copy?: WorkingCopy;
}

/**
 * The browser page's downloadable copy. Every write re-loads the ORIGINAL bytes into an exceljs workbook and
 * writes all the sheets added so far (exceljs drops charts when it re-reads a file, so the copy is never
 * built on top of an earlier copy), then adds the 执行率汇总 charts to the saved package.
 */
export interface WorkingCopy {
  /** The file's name as chosen ("玉泉街道2021.xlsx"). */
  name: string;
  original: Uint8Array;
  /** The add-in's sheets written so far, in the order first written (updated in place: one copy per file read). */
  sheets: SheetSpec[];
  /**
   * Sheets of the original that only receive rows below what they hold (补充信息 the user filled before): their
   * spec is the union of every appendix written in this session, placed after the original's last row.
   */
  appendOnly?: Set<string>;
  /** The uploaded workbook as read (to tell whether the user changed a sheet of ours since it was written). */
  originalSnapshot?: WorkbookSnapshot;
  /** Sheets of ours the user had changed → the sheet the new content goes to instead ("决算说明（2）"). */
  renamed?: Map<string, string>;
  /** The copy: original + sheets + charts; absent until a sheet has been added. */
  bytes?: Uint8Array;
  /** The write in progress: writes are applied one after another. */
  queue: Promise<unknown>;
}

/** The example workbook shipped in dist/samples (copied from samples/ by webpack). */
export const SAMPLE_NAME = '玉泉街道2021.xlsx';
export const SAMPLE_URL = `./samples/${SAMPLE_NAME}`;

function analyse(snapshot: WorkbookSnapshot): LoadedWorkbook {
  return { snapshot, accounts: readAccounts(snapshot) };
}

/** Read an .xlsx file's bytes (browser page). Throws with a Chinese message for a damaged file. */
export async function loadFromBytes(data: ArrayBuffer | Uint8Array, source: string): Promise<LoadedWorkbook> {
  const { snapshotFromXlsx } = await import(/* webpackChunkName: "exceljs-adapter" */ '../adapters/exceljs/snapshotFromXlsx');
  // Our own copy of the bytes: the caller's buffer may be reused, and the original must stay as chosen.
  const original = data instanceof Uint8Array ? data.slice() : new Uint8Array(data.slice(0));
  const loaded = analyse(await snapshotFromXlsx(original, source));
  return { ...loaded, copy: { name: source, original, originalSnapshot: loaded.snapshot, sheets: [], queue: Promise.resolve() } };
}

export async function loadFromFile(file: File): Promise<LoadedWorkbook> {
  if (!/\.xlsx$/i.test(file.name)) {
    throw new Error(`无法读取文件“${file.name}”：只支持 .xlsx 工作簿（.xls 请先在 Excel 中另存为 .xlsx）。`);
  }
  return loadFromBytes(await file.arrayBuffer(), file.name);
}

export async function loadSample(url = SAMPLE_URL, name = SAMPLE_NAME): Promise<LoadedWorkbook> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new Error(`无法载入示例工作簿“${name}”：网络请求失败。`);
  }
  if (!res.ok) throw new Error(`无法载入示例工作簿“${name}”：服务器返回 ${res.status}。`);
  return loadFromBytes(await res.arrayBuffer(), name);
}

/** Read the workbook open in Excel (task pane inside Excel). */
export async function loadFromExcel(): Promise<LoadedWorkbook> {
  const { readWorkbookSnapshot } = await import(/* webpackChunkName: "officejs-adapter" */ '../adapters/officejs');
  const snapshot = await Excel.run((context) => readWorkbookSnapshot(context));
  return analyse(snapshot);
}

/** Select sheet-qualified ranges ("公开01表!A1:H40") in Excel. */
export async function selectInExcel(refs: string[]): Promise<void> {
  const { selectCells } = await import(/* webpackChunkName: "officejs-adapter" */ '../adapters/officejs');
  await Excel.run((context) => selectCells(context, refs));
}

/**
 * 校验: run every rule on the workbook already read, with the catalogues in force (built-in, plus the user's
 * 本地科目 sheet) — the same as `juesuan check`. The rules and catalogues are loaded on first use.
 */
export async function checkWorkbook(data: LoadedWorkbook): Promise<CheckReport & Pick<CheckResult, 'checked' | 'unchecked'>> {
  const [{ runRulesWithLedger, TABLE_ORDER }, { cataloguesFor }] = await Promise.all([
    import(/* webpackChunkName: "rules" */ '../rules'),
    import(/* webpackChunkName: "rules" */ '../model/localCatalogue'),
  ]);
  const catalogues = cataloguesFor(data.snapshot);
  const year = data.accounts.facts.year ?? new Date().getFullYear() - 1; // runRules' default
  const result = runRulesWithLedger(data.accounts, { year, functional: catalogues.functional, economic: catalogues.economic });
  // The ledger of relations evaluated / not evaluated passes through for the 未校验 display.
  return { ...buildCheckReport(data.accounts, result.findings, catalogues, TABLE_ORDER, year), checked: result.checked, unchecked: result.unchecked };
}

/** The owned hidden sheet that keeps the cells' originals while they are marked (see markCells.ts). */
export const MARK_SHEET = '决算助手_标注';

/** Whether the workbook read carries marks from an earlier 在工作簿中标注. */
export function hasMarks(snapshot: WorkbookSnapshot): boolean {
  return snapshot.sheets.some((s) => s.name.toLowerCase() === MARK_SHEET.toLowerCase());
}

export interface MarkSupport {
  /** Marking is possible on this host (ExcelApi 1.9). */
  supported: boolean;
  /** How the messages are attached: 备注 (ExcelApi 1.18), 批注 (1.10) or not at all. */
  annotation: '备注' | '批注' | null;
}

/**
 * A feature that needs ExcelApi `version` on an older host (Excel 2016 volume-licensed: 1.1, Office 2019: 1.7): one
 * Chinese sentence saying so and where to go instead. Null when the host has it (or tells nothing: not in Office).
 */
export function excelApiProblem(version: string, what: string): string | null {
  if (!excelApiKnown() || excelApiSupported(version)) return null;
  return `当前 Excel 版本不支持${what}（需要 ExcelApi ${version} 或更高版本，例如 Microsoft 365 或 Office 2021）。可在浏览器中打开决算助手页面并选择该工作簿，结果保存在下载的副本中；或使用命令行 juesuan。`;
}

export function markSupport(): MarkSupport {
  const supported = excelApiSupported('1.9');
  const annotation = excelApiSupported('1.18') ? '备注' : excelApiSupported('1.10') ? '批注' : null;
  return { supported, annotation: supported ? annotation : null };
}

/** 在工作簿中标注: colour the findings' cells and attach their messages (Excel only). */
export async function markInExcel(findings: Finding[]): Promise<MarkResult> {
  const { markCells } = await import(/* webpackChunkName: "officejs-adapter" */ '../adapters/officejs/markCells');
  return inChinese('标注时出错', () => Excel.run((context) => markCells(context, findings)));
}

/** 清除标注: put the marked cells back exactly as they were and delete the record sheet. */
export async function unmarkInExcel(): Promise<UnmarkResult> {
  const { unmarkCells } = await import(/* webpackChunkName: "officejs-adapter" */ '../adapters/officejs/markCells');
  return inChinese('清除标注时出错', () => Excel.run((context) => unmarkCells(context)));
}

// ───────────────────────────── writing the add-in's sheets ─────────────────────────────

/** The workbook has a sheet of this name (as last read). */
export function hasSheet(data: LoadedWorkbook, name: string): boolean {
  return data.snapshot.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase());
}

/**
 * Write the add-in's own sheets and read the workbook again. Inside Excel: writeSheetSpec (owned sheets only —
 * a user's sheet of the same name is refused with a Chinese message), the last sheet activated. In the browser:
 * into the downloadable copy (the original bytes are never modified).
 */
export async function writeSheets(data: LoadedWorkbook, specs: SheetSpec[], options: { activate?: boolean; appendOnly?: boolean } = {}): Promise<Written> {
  if (!data.copy) {
    const problem = excelApiProblem('1.7', `写入“${specs.map((s) => s.name).join('”“')}”工作表`);
    if (problem) throw new Error(problem);
    const { writeSheetSpec } = await import(/* webpackChunkName: "officejs-adapter" */ '../adapters/officejs/writeSheetSpec');
    const skipped: string[] = [];
    const written: string[] = [];
    await inChinese('写入工作表时出错', () =>
      Excel.run(async (context) => {
        for (let i = 0; i < specs.length; i++) {
          // A very hidden sheet (statuses) cannot be activated.
          const report = await writeSheetSpec(context, specs[i], {
            activate: options.activate !== false && !specs[i].visibility && i === specs.length - 1,
            appendOnly: options.appendOnly,
          });
          skipped.push(...report.skipped);
          written.push(report.sheet ?? specs[i].name);
        }
      }),
    );
    return { data: await loadFromExcel(), skipped, sheets: written };
  }
  // One write at a time per copy, each on top of the previous one, whichever (possibly older) read it was given.
  const copy = data.copy;
  const run = copy.queue.then(async (): Promise<Written> => {
    const sheets = [...copy.sheets];
    const appendOnly = new Set(copy.appendOnly);
    const skipped: string[] = [];
    const written: string[] = [];
    for (const given of specs) {
      const spec = options.appendOnly ? given : await besideChangedSheet(copy, given, skipped);
      written.push(spec.name);
      const i = sheets.findIndex((s) => s.name === spec.name);
      // An appendix lies below everything the sheet holds in the copy: it joins the rows written before.
      if (i >= 0) sheets[i] = options.appendOnly ? withRowsOf(sheets[i], spec) : spec;
      else {
        sheets.push(spec);
        if (options.appendOnly) appendOnly.add(spec.name);
      }
    }
    const bytes = await inChinese('生成结果工作簿时出错', () => buildCopy(copy.original, sheets, appendOnly));
    const { snapshotFromXlsx } = await import(/* webpackChunkName: "exceljs-adapter" */ '../adapters/exceljs/snapshotFromXlsx');
    const loaded = analyse(await snapshotFromXlsx(bytes, copy.name));
    copy.sheets = sheets;
    copy.appendOnly = appendOnly;
    copy.bytes = bytes;
    return { data: { ...loaded, copy }, skipped, sheets: written };
  });
  copy.queue = run.catch(() => undefined);
  return run;
}

/**
 * Browser copy: a sheet of ours in the uploaded workbook that the user changed since the add-in wrote it (its marker's
 * fingerprint no longer matches) is kept; the spec goes into "决算说明（2）" beside it, as in Excel, and is said.
 */
async function besideChangedSheet(copy: WorkingCopy, spec: SheetSpec, skipped: string[]): Promise<SheetSpec> {
  const renamed = copy.renamed?.get(spec.name);
  if (renamed) return { ...spec, name: renamed };
  const sheet = copy.originalSnapshot?.sheets.find((x) => x.name === spec.name);
  if (!sheet || copy.sheets.some((x) => x.name === spec.name)) return spec;
  const [{ definedNamesOf, workbookXmlOf }, { freeSheetName, isMarkerName, markerSheet, parseDigest, sheetChangedSince }] = await Promise.all([
    import(/* webpackChunkName: "exceljs-adapter" */ '../adapters/exceljs/patchPackage'),
    import('../output/ownedMarker'),
  ]);
  const marker = definedNamesOf(await workbookXmlOf(copy.original)).find((d) => isMarkerName(d.name) && markerSheet(d.value) === spec.name);
  const digest = parseDigest(marker?.comment);
  if (!digest || !sheetChangedSince(sheet, digest)) return spec;
  const name = freeSheetName(spec.name, [...copy.originalSnapshot!.sheets.map((x) => x.name), ...copy.sheets.map((x) => x.name)]);
  (copy.renamed ??= new Map()).set(spec.name, name);
  skipped.push(`“${spec.name}”工作表在上次生成后被修改过，为保留您的修改，没有替换它；新生成的内容写入了结果工作簿的“${name}”工作表。`);
  return { ...spec, name };
}

/** `base` with the non-empty rows of `more` added (an appendix placed below base's rows). */
function withRowsOf(base: SheetSpec, more: SheetSpec): SheetSpec {
  const rows = [...base.rows];
  more.rows.forEach((row, r) => {
    if (row?.some((c) => c)) rows[r] = row;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ||= [];
  return { ...base, rows, merges: [...(base.merges ?? []), ...(more.merges ?? [])], notes: { ...base.notes, ...more.notes } };
}

/** The workbook read again after writing, and what the host could not write as specified (Excel, in Chinese). */
export interface Written {
  data: LoadedWorkbook;
  skipped: string[];
  /** The sheets written, in order — "决算说明（2）" when the user had changed ours (kept). */
  sheets?: string[];
}

/**
 * The downloadable copy: the owned sheets are built in a workbook of their own and patched into the user's
 * package (patchPackage), so the user's sheets, charts, images and pivot tables are carried byte for byte.
 */
async function buildCopy(original: Uint8Array, sheets: SheetSpec[], appendOnly: ReadonlySet<string> = new Set()): Promise<Uint8Array> {
  const [{ default: ExcelJS }, { writeSheetSpec, isOwnedSheet, NotOwnedSheetError, ownerMarkerEdits }, { addCharts }, { patchPackage, definedNamesOf, workbookXmlOf }] = await Promise.all([
    import(/* webpackChunkName: "exceljs-adapter" */ 'exceljs'),
    import(/* webpackChunkName: "exceljs-adapter" */ '../adapters/exceljs/writeSheetSpec'),
    import(/* webpackChunkName: "exceljs-adapter" */ '../adapters/exceljs/charts'),
    import(/* webpackChunkName: "exceljs-adapter" */ '../adapters/exceljs/patchPackage'),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(original.slice().buffer as ArrayBuffer);
  for (const spec of sheets) {
    if (wb.getWorksheet(spec.name) && !isOwnedSheet(wb, spec.name)) {
      throw new NotOwnedSheetError(`工作簿中已有名为“${spec.name}”的工作表，且不是决算助手生成的，为免覆盖您的数据，未写入。请改名后重试。`);
    }
  }
  const fresh = new ExcelJS.Workbook();
  for (const spec of sheets) writeSheetSpec(fresh, spec);
  let bytes: Uint8Array = new Uint8Array((await fresh.xlsx.writeBuffer()) as ArrayBuffer);
  for (const spec of sheets) if (spec.charts?.length) bytes = await addCharts(bytes, spec.name, spec.charts);
  const names = ownerMarkerEdits(
    definedNamesOf(await workbookXmlOf(original)),
    sheets.map((spec) => ({ spec, appendOnly: appendOnly.has(spec.name), userEditable: spec.name === SUPPLEMENT_SHEET })),
  );
  return patchPackage(original, bytes, { names, appendRowsTo: new Set(appendOnly) });
}

export interface ResultWorkbook {
  /** "玉泉街道2021_决算助手.xlsx". */
  fileName: string;
  bytes: Uint8Array;
  /** The sheets added, in order. */
  sheets: string[];
  mime: string;
}

/** Browser page: the downloadable copy, once a sheet has been added. */
export function resultWorkbook(data: LoadedWorkbook | undefined): ResultWorkbook | null {
  const copy = data?.copy;
  if (!copy?.bytes) return null;
  const base = copy.name.replace(/\.xlsx$/i, '');
  return { fileName: `${base}_决算助手.xlsx`, bytes: copy.bytes, sheets: copy.sheets.map((s) => s.name), mime: XLSX_MIME };
}

// ───────────────────────────── 补充信息 ─────────────────────────────

/** How much of 补充信息 is filled in the workbook as read. */
export function supplementInfo(data: LoadedWorkbook): SupplementStatus {
  return supplementStatus(readSupplement(data.snapshot, data.accounts), allFields(data.accounts));
}

/**
 * 补充信息: add the sheet, or refresh it keeping every value already typed (read from the workbook first), then
 * read the workbook again.
 */
export async function addSupplementSheet(data: LoadedWorkbook): Promise<Written & { written: SupplementWritten; status: SupplementStatus }> {
  const existing = readSupplement(data.snapshot, data.accounts);
  if (keepsExistingSheet(data, existing)) {
    const appendix = buildSupplementAppendix(data.accounts, existing);
    const out = appendix ? await writeSheets(data, [appendix.spec], { appendOnly: true }) : { data, skipped: [] };
    return { ...out, written: { created: false, kept: existing.values.size, added: appendix?.added.length ?? 0 }, status: supplementInfo(out.data) };
  }
  const spec = buildSupplementSheet(data.accounts, existing);
  const out = await writeSheets(data, [spec]);
  return { ...out, written: { created: !existing.present, kept: existing.values.size }, status: supplementInfo(out.data) };
}

/**
 * The workbook has our 补充信息 sheet: it is never rebuilt — what the user typed there (values, formulas, notes,
 * added rows, formats) stays exactly as it is, and only what it lacks is added below it (as `juesuan init`).
 * A 补充信息 found under another sheet name is read, and a sheet of that name is built carrying its values.
 */
function keepsExistingSheet(data: LoadedWorkbook, existing: Supplement): boolean {
  return existing.present && existing.sheetName === SUPPLEMENT_SHEET;
}

/** 从上年决算导入: what was done, or why last year's workbook was refused. */
export type PriorImported =
  | { refused: string }
  | (Written & { refused?: undefined; filled: number; kept: number; warnings: string[]; owed: string[]; status: SupplementStatus });

/**
 * 从上年决算导入: read last year's .xlsx with the exceljs adapter (in the browser page and in Excel alike), fill
 * the 上年 fields through the same engine as the command line, write 补充信息 with the same writer. Typed
 * values are kept unless `overwrite`; another unit or year is refused unless `force`.
 */
export async function importPriorWorkbook(data: LoadedWorkbook, file: File, o: { force?: boolean; overwrite?: boolean } = {}): Promise<PriorImported> {
  if (!/\.xlsx$/i.test(file.name)) throw new Error(`无法读取文件“${file.name}”：只支持 .xlsx 工作簿（.xls 请先在 Excel 中另存为 .xlsx）。`);
  const { snapshotFromXlsx } = await import(/* webpackChunkName: "exceljs-adapter" */ '../adapters/exceljs/snapshotFromXlsx');
  const { importPrior, narrativeLines, withFilled } = await import(/* webpackChunkName: "features" */ '../supplement/prior');
  const { computeFacts, reasonsOwed } = await import(/* webpackChunkName: "features" */ '../narrative');
  const snapshot = await snapshotFromXlsx(await file.arrayBuffer(), file.name);
  const accounts = readAccounts(snapshot);
  const result = importPrior(
    { accounts, file: file.name, supplement: readSupplement(snapshot, accounts), narrative: narrativeLines(snapshot) },
    data.accounts,
    { force: o.force },
  );
  if (result.refused) return { refused: result.refused };
  const existing = readSupplement(data.snapshot, data.accounts);
  const warnings = [...result.warnings];
  let out: Written;
  let kept: number;
  if (keepsExistingSheet(data, existing)) {
    // Typed cells are never rewritten, even with 覆盖: the user clears them to take the imported numbers.
    kept = result.values.filter((v) => existing.typed.has(v.key)).length;
    if (o.overwrite && kept) warnings.push(`已填写的 ${kept} 项上年数保留原样（决算助手不改动已填写的单元格）；如需改用导入的数，请先清空这些单元格再导入。`);
    const appendix = buildSupplementAppendix(data.accounts, existing, result.values);
    out = appendix ? await writeSheets(data, [appendix.spec], { appendOnly: true }) : { data, skipped: [] };
  } else {
    if (o.overwrite) {
      for (const v of result.values) {
        existing.typed.delete(v.key);
        existing.values.delete(v.key);
      }
    }
    kept = result.values.filter((v) => existing.typed.has(v.key)).length;
    out = await writeSheets(data, [buildSupplementSheet(data.accounts, existing, result.values)]);
  }
  const owed = reasonsOwed(computeFacts(data.accounts, withFilled(existing, result.values))).map((r) => `${r.label}：${r.why}`);
  return { ...out, filled: result.values.length - kept, kept, warnings, owed, status: supplementInfo(out.data) };
}

// ───────────────────────────── 生成说明 ─────────────────────────────

export interface NarrativeResult {
  doc: NarrativeDoc;
  /** The workbook read again after writing 决算说明 (absent when writing failed). */
  data?: LoadedWorkbook;
  /** What the host could not write as specified. */
  skipped: string[];
  /** The sheet written ("决算说明", or "决算说明（2）" beside one the user had changed). */
  sheets?: string[];
  /** Writing the sheet failed: a Chinese message (the text is still shown). */
  writeError?: string;
  /** What the user may want to know: no 补充信息, unreadable values, missing tables. */
  notes: string[];
}

/** 生成说明: build the narrative from the tables and 补充信息 and write the 决算说明 sheet. */
export async function generateNarrative(data: LoadedWorkbook, form: NarrativeForm): Promise<NarrativeResult> {
  const { buildNarrative, buildNarrativeSheet, countPlaceholders, narrativeText, narrativeWarnings, reasonsOwed, reasonsOwedText } = await import(
    /* webpackChunkName: "features" */ '../narrative'
  );
  if (data.accounts.missing.length === 9) throw new Error(`“${data.accounts.source}”中没有找到任何决算公开表，无法生成说明。`);
  const supplement = readSupplement(data.snapshot, data.accounts);
  const narrative = buildNarrative(data.accounts, supplement, { form });
  const doc = narrativeDoc(narrative, narrativeText(narrative), countPlaceholders(narrative), data.accounts.source);
  const notes: string[] = [];
  if (!supplement.present) notes.push(`工作簿中还没有“${SUPPLEMENT_SHEET}”工作表：上年数、原因等处留有待填写的位置。可先在“补充信息”中添加并填写。`);
  // What the generator noticed (parts ≠ total, guesses, 项 without a row, missing tables), then the reasons owed.
  notes.push(...narrativeWarnings(data.accounts, narrative.facts));
  const owed = reasonsOwed(narrative.facts);
  if (owed.length) notes.push(reasonsOwedText(owed));
  try {
    return { doc, ...(await writeSheets(data, [buildNarrativeSheet(narrative)])), notes };
  } catch (e) {
    return { doc, writeError: errorMessage(e, '写入“决算说明”工作表时出错'), notes, skipped: [] };
  }
}

/** 复制全文. */
export function copyNarrative(doc: NarrativeDoc): Promise<CopyResult> {
  return copyText(doc.text);
}

/** 下载 Word 文档. */
export async function downloadNarrativeDocx(doc: NarrativeDoc): Promise<void> {
  const { narrativeDocx } = await import(/* webpackChunkName: "features" */ '../narrative');
  downloadBytes(await narrativeDocx(doc.narrative), doc.docxName, DOCX_MIME);
}

/** Browser page: download the result workbook. */
export function downloadResult(result: ResultWorkbook): void {
  downloadBytes(result.bytes, result.fileName, result.mime);
}

// ───────────────────────────── 执行率汇总 ─────────────────────────────

/** 执行率汇总 of the workbook as read (tables + 补充信息), for the pane. */
export async function ratesOf(data: LoadedWorkbook): Promise<RatesView> {
  const { computeRates } = await import(/* webpackChunkName: "features" */ '../rates');
  const supplement = readSupplement(data.snapshot, data.accounts);
  return buildRatesView(computeRates(data.accounts, supplement), supplement.present);
}

/** Write the 执行率汇总 sheet (live formulas and its charts), read the workbook again. */
export async function writeRatesSheet(data: LoadedWorkbook): Promise<Written & { view: RatesView; charts: number }> {
  const { buildRates } = await import(/* webpackChunkName: "features" */ '../rates');
  const supplement = readSupplement(data.snapshot, data.accounts);
  const { spec, results } = buildRates(data.accounts, supplement);
  const out = await writeSheets(data, [spec]);
  return { ...out, view: buildRatesView(results, supplement.present), charts: spec.charts?.length ?? 0 };
}

// ───────────────────────────── 核对说明 ─────────────────────────────

export type AuditSource = { kind: 'text'; text: string } | { kind: 'file'; file: File } | { kind: 'sheet'; sheet: string };

/** The sheets a narrative may be read from, those named …说明… first. */
export function auditSheetOptions(data: LoadedWorkbook): { names: string[]; preferred?: string } {
  return narrativeSheets(data.snapshot, data.accounts, [SUPPLEMENT_SHEET]);
}

/** 核对说明: check a narrative (pasted, a .txt/.docx file, or a sheet of the workbook) against the tables and 补充信息. */
export async function auditNarrativeFrom(data: LoadedWorkbook, source: AuditSource): Promise<AuditView> {
  const audit = await import(/* webpackChunkName: "features" */ '../audit');
  let input: { paragraphs: { text: string; where: string }[] };
  let label: string;
  if (source.kind === 'text') {
    const { linesToParagraphs } = await import(/* webpackChunkName: "features" */ '../audit/text');
    input = { paragraphs: linesToParagraphs(source.text) };
    label = '粘贴的文字';
  } else if (source.kind === 'file') {
    if (!/\.(txt|docx?)$/i.test(source.file.name)) throw new Error(`无法读取“${source.file.name}”：只支持 .txt 和 .docx 文件。`);
    input = await audit.readNarrativeFile(await source.file.arrayBuffer(), source.file.name);
    label = `“${source.file.name}”`;
  } else {
    input = audit.paragraphsFromSheet(data.snapshot, source.sheet);
    label = `工作表“${source.sheet}”`;
  }
  if (!input.paragraphs.length) throw new Error(source.kind === 'text' ? '请先粘贴要核对的说明文字。' : `${label}中没有文字。`);
  const result = audit.auditNarrative(input, data.accounts, readSupplement(data.snapshot, data.accounts));
  return buildAuditView(result, audit.summarise(result), label);
}

async function inChinese<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(/[\u4e00-\u9fff]/.test(msg) ? msg : `${what}：${msg || '未知错误'}`);
  }
}

/** A Chinese message for anything thrown (while reading, unless `what` says otherwise). */
export function errorMessage(e: unknown, what = '读取工作簿时出错'): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/[\u4e00-\u9fff]/.test(msg)) return msg;
  return `${what}：${msg || '未知错误'}`;
}
