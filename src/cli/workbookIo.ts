/**
 * Command-line workbook I/O for the commands that write: load the user's .xlsx once (one exceljs workbook,
 * its snapshot, its accounts), add the add-in's own sheets, save to a NEW file. The input file is never
 * modified unless it is itself a file 决算助手 wrote (it carries the owned-sheet marker).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { snapshotFromExcelJs, WorkbookReadError } from '../adapters/exceljs/snapshotFromXlsx';
import { OWNED_PREFIX } from '../adapters/exceljs/writeSheetSpec';
import { readAccounts } from '../model/readAccounts';
import { Accounts } from '../model/types';
import { WorkbookSnapshot } from '../snapshot/types';

export interface LoadedWorkbook {
  file: string;
  wb: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
  accounts: Accounts;
}

export async function loadForWriting(file: string): Promise<LoadedWorkbook> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === 'ENOENT' ? `找不到文件“${file}”。` : `无法打开文件“${file}”（${code ?? '未知错误'}）。`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookReadError(`无法读取文件“${path.basename(file)}”：它不是有效的 .xlsx 工作簿（文件已损坏或不是 zip 格式）。`);
  }
  const snapshot = snapshotFromExcelJs(wb, path.basename(file));
  return { file, wb, snapshot, accounts: readAccounts(snapshot) };
}

/** Was this workbook written by 决算助手 (so writing it back in place cannot lose anything of the user's)? */
export function writtenByUs(wb: ExcelJS.Workbook): boolean {
  const model = (wb.definedNames as unknown as { model: { name: string }[] }).model || [];
  return model.some((d) => d.name.startsWith(OWNED_PREFIX));
}

/** The output path: -o if given, else the input itself when we wrote it, else "<name>_决算助手.xlsx" beside it. */
export function outputPath(loaded: LoadedWorkbook, explicit?: string): string {
  if (explicit) return explicit;
  if (writtenByUs(loaded.wb)) return loaded.file;
  const { dir, name } = path.parse(loaded.file);
  return path.join(dir, `${name}_决算助手.xlsx`);
}

export async function saveWorkbook(wb: ExcelJS.Workbook, out: string, post?: (bytes: Uint8Array) => Promise<Uint8Array>): Promise<void> {
  let bytes: Uint8Array = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  if (post) bytes = await post(bytes);
  try {
    await fs.writeFile(out, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(
      code === 'EBUSY' || code === 'EPERM' ? `无法写入“${out}”：文件可能正在 Excel 中打开，请关闭后重试。` : `无法写入“${out}”（${code ?? '未知错误'}）。`,
    );
  }
}
