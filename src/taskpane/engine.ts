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
import { readAccounts } from '../model/readAccounts';
import { excelApiSupported } from '../adapters/officejs/requirements';
import type { MarkResult, UnmarkResult } from '../adapters/officejs/markCells';
import { buildCheckReport, CheckReport } from './checkView';

export interface LoadedWorkbook {
  snapshot: WorkbookSnapshot;
  accounts: Accounts;
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
  return analyse(await snapshotFromXlsx(data, source));
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
export async function checkWorkbook(data: LoadedWorkbook): Promise<CheckReport> {
  const [{ runRules, TABLE_ORDER }, { cataloguesFor }] = await Promise.all([
    import(/* webpackChunkName: "rules" */ '../rules'),
    import(/* webpackChunkName: "rules" */ '../model/localCatalogue'),
  ]);
  const catalogues = cataloguesFor(data.snapshot);
  const year = data.accounts.facts.year ?? new Date().getFullYear() - 1; // runRules' default
  const findings = runRules(data.accounts, { year, functional: catalogues.functional, economic: catalogues.economic });
  return buildCheckReport(data.accounts, findings, catalogues, TABLE_ORDER, year);
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

async function inChinese<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(/[\u4e00-\u9fff]/.test(msg) ? msg : `${what}：${msg || '未知错误'}`);
  }
}

/** A Chinese message for anything thrown while reading. */
export function errorMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/[\u4e00-\u9fff]/.test(msg)) return msg;
  return `读取工作簿时出错：${msg || '未知错误'}`;
}
