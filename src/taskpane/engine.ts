/**
 * The task pane's only door to the engine. Components call these functions and render what they return;
 * they never read cells or recognise tables themselves.
 *
 * The exceljs adapter (browser page) and the Office.js adapter (inside Excel) are loaded on demand, so the
 * Excel task pane does not download exceljs and the browser page does not need Office.js.
 */
import type { WorkbookSnapshot } from '../snapshot/types';
import type { Accounts } from '../model/types';
import { readAccounts } from '../model/readAccounts';

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

/** A Chinese message for anything thrown while reading. */
export function errorMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/[\u4e00-\u9fff]/.test(msg)) return msg;
  return `读取工作簿时出错：${msg || '未知错误'}`;
}
