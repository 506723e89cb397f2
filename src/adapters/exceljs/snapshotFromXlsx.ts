/**
 * exceljs adapter: an .xlsx file (bytes) → WorkbookSnapshot. Used by the command line and the browser page.
 * Merged cells keep their value only in the top-left cell, as Excel (and Office.js) report them.
 */
import ExcelJS from 'exceljs';
import { CellSnap, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../snapshot/types';
import { parseA1 } from '../../snapshot/address';

export class WorkbookReadError extends Error {}

export async function snapshotFromXlsx(data: ArrayBuffer | Uint8Array, source: string): Promise<WorkbookSnapshot> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE compound file: an old .xls, or an .xlsx protected with an opening password.
    throw new WorkbookReadError(`无法读取文件“${source}”：它是旧版 .xls 格式或设置了打开密码。请在 Excel 中另存为不加密的 .xlsx 后再试。`);
  }
  if (bytes.length === 0) throw new WorkbookReadError(`无法读取文件“${source}”：文件是空的。`);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs accepts ArrayBuffer / Buffer; normalise Uint8Array views.
    const buf = data instanceof Uint8Array ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : data;
    await wb.xlsx.load(buf as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(`无法读取文件“${source}”：它不是有效的 .xlsx 工作簿（${shortReason(e)}）。`);
  }
  return snapshotFromExcelJs(wb, source);
}

export function snapshotFromExcelJs(wb: ExcelJS.Workbook, source: string): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => sheets.push(sheetSnapshot(ws)));
  return { source, sheets };
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: (CellSnap | undefined)[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const snap = cellSnap(cell);
      if (!snap) return;
      (cells[r] ||= [])[colNumber - 1] = snap;
    });
  });
  const hiddenCols: number[] = [];
  const colCount = ws.columnCount;
  for (let c = 1; c <= colCount; c++) if (ws.getColumn(c).hidden) hiddenCols.push(c - 1);
  const merges = ((ws.model as unknown as { merges?: string[] }).merges || [])
    .map((m) => parseA1(m))
    .filter((m): m is NonNullable<typeof m> => m !== null);
  return {
    name: ws.name,
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
    cells,
    merges,
    hiddenRows,
    hiddenCols,
  };
}

function cellSnap(cell: ExcelJS.Cell): CellSnap | undefined {
  const raw = cell.value as unknown;
  let v: CellValue = null;
  let formula = false;
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') v = raw;
  else if (raw instanceof Date) v = raw.toISOString().slice(0, 10);
  else if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      formula = true;
      // exceljs drops a falsy cached result (0, "") from cell.value on read; cell.result still has it.
      v = resultValue(o.result ?? (cell as unknown as { result?: unknown }).result);
    } else if ('richText' in o && Array.isArray(o.richText)) {
      v = (o.richText as { text: string }[]).map((t) => t.text).join('');
    } else if ('error' in o) {
      v = { error: String(o.error) };
    } else if ('text' in o) {
      v = String(o.text);
    } else v = null;
  }
  if (v === null && !formula) return undefined;
  const snap: CellSnap = { v };
  const fmt = cell.numFmt;
  if (fmt && fmt !== 'General') snap.f = fmt;
  if (formula) snap.formula = true;
  return snap;
}

function resultValue(result: unknown): CellValue {
  if (result === undefined || result === null) return null;
  if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') return result;
  if (result instanceof Date) return result.toISOString().slice(0, 10);
  if (typeof result === 'object' && 'error' in (result as object)) return { error: String((result as { error: unknown }).error) };
  return null;
}

function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/central directory|zip|End of data|signature/i.test(msg)) return '文件已损坏或不是 zip 格式';
  return msg.split('\n')[0].slice(0, 80);
}
