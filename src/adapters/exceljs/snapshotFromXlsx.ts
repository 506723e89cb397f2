/**
 * exceljs adapter: an .xlsx file (bytes) → WorkbookSnapshot. Used by the command line and the browser page.
 * Merged cells keep their value only in the top-left cell, as Excel (and Office.js) report them.
 */
import ExcelJS from 'exceljs';
import { CellSnap, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../snapshot/types';
import { parseA1 } from '../../snapshot/address';
import JSZip from 'jszip';
import { checkPackageLimits, LimitError, LIMITS } from './limits';
import { normalisePackage, PLACEHOLDER } from './normalisePackage';

/** What the package normalisation noted about a loaded workbook, given to its snapshot. */
const loadNotes = new WeakMap<ExcelJS.Workbook, string[]>();

export class WorkbookReadError extends Error {}

export async function snapshotFromXlsx(data: ArrayBuffer | Uint8Array, source: string): Promise<WorkbookSnapshot> {
  return snapshotFromExcelJs(await loadExcelJs(data, source), source);
}

/**
 * Open an .xlsx with exceljs after the cheap checks: an empty file, an old .xls or an encrypted workbook (OLE),
 * a text/CSV file renamed, a zip that is not a workbook, the size limits (limits.ts). Every refusal is a
 * WorkbookReadError with one Chinese line.
 */
export async function loadExcelJs(data: ArrayBuffer | Uint8Array, source: string): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) throw new WorkbookReadError(`无法读取文件“${source}”：文件是空的。`);
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE compound file: an old .xls, or an .xlsx protected with an opening password.
    throw new WorkbookReadError(`无法读取文件“${source}”：它是旧版 .xls 格式或设置了打开密码。请在 Excel 中另存为不加密的 .xlsx 后再试。`);
  }
  if (!(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.slice(0, 512));
    if (/^\s*<(html|!doctype|\?xml)/i.test(head)) {
      throw new WorkbookReadError(`无法读取文件“${source}”：它不是有效的 .xlsx 工作簿（是网页或 XML 文件，只是扩展名为 .xlsx）。请在 Excel 中打开后另存为 .xlsx 再试。`);
    }
    if (/[,\t;]/.test(head) && !bytes.slice(0, 512).some((b) => b < 9)) {
      throw new WorkbookReadError(`无法读取文件“${source}”：它不是有效的 .xlsx 工作簿（是文本或 CSV 文件，只是扩展名为 .xlsx）。请在 Excel 中打开后另存为 .xlsx 再试。`);
    }
    throw new WorkbookReadError(`无法读取文件“${source}”：它不是有效的 .xlsx 工作簿（文件已损坏或不是 zip 格式）。`);
  }
  let zip: JSZip;
  try {
    zip = await checkPackageLimits(bytes, source);
  } catch (e) {
    if (e instanceof LimitError) throw new WorkbookReadError(e.message);
    throw new WorkbookReadError(`无法读取文件“${source}”：它不是有效的 .xlsx 工作簿（文件已损坏或不是 zip 格式）。`);
  }
  if (!zip.file('[Content_Types].xml') || !Object.keys(zip.files).some((n) => /^xl\/workbook\.xml$/i.test(n))) {
    const what = zip.file('word/document.xml')
      ? '是 Word 文档'
      : zip.file('content.xml')
        ? '是 OpenDocument 文件，请在 Excel 或 WPS 中打开后另存为 .xlsx'
        : zip.file('xl/workbook.bin')
          ? '是 Excel 二进制工作簿（.xlsb），请在 Excel 中打开后另存为 .xlsx'
          : zip.file('ppt/presentation.xml')
            ? '是 PowerPoint 演示文稿'
            : '缺少工作簿的必要部件';
    throw new WorkbookReadError(`无法读取文件“${source}”：它不是有效的 .xlsx 工作簿（${what}）。`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    const norm = await normalisePackage(zip);
    // exceljs accepts ArrayBuffer / Buffer; normalise Uint8Array views. The rewritten copy is stored, not deflated.
    const input = norm.changed ? await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }) : bytes;
    const buf = input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength);
    await wb.xlsx.load(buf as ArrayBuffer);
    if (norm.realNames) {
      // The copy used placeholder names exceljs accepts; the user's sheets keep their real names.
      wb.eachSheet((ws) => {
        const i = PLACEHOLDER.exec(ws.name)?.[1];
        if (i !== undefined) (ws as unknown as { _name: string })._name = norm.realNames![Number(i)];
      });
    }
    if (norm.notes.length) loadNotes.set(wb, norm.notes);
  } catch (e) {
    throw new WorkbookReadError(`无法读取文件“${source}”：它不是有效的 .xlsx 工作簿（${shortReason(e)}）。`);
  }
  return wb;
}

export function snapshotFromExcelJs(wb: ExcelJS.Workbook, source: string): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  const notes: string[] = [...(loadNotes.get(wb) ?? [])];
  wb.eachSheet((ws) => sheets.push(sheetSnapshot(ws, notes)));
  return notes.length ? { source, sheets, notes } : { source, sheets };
}

interface SparseSheet {
  _rows?: (ExcelJS.Row | undefined)[];
  _columns?: (ExcelJS.Column | undefined)[];
}

/**
 * Cells are taken from the rows and cells that exist (sparse), never by walking the used range: one stray
 * cell at XFD1048576 costs nothing. Only the first LIMITS.readRows × LIMITS.readCols are read.
 */
function sheetSnapshot(ws: ExcelJS.Worksheet, notes: string[]): SheetSnapshot {
  const cells: (CellSnap | undefined)[][] = [];
  const hiddenRows: number[] = [];
  let outside: string | undefined;
  let count = 0;
  let cut = 0;
  const rows = (ws as unknown as SparseSheet)._rows ?? [];
  rows.forEach((row) => {
    if (!row) return;
    const r = row.number - 1;
    if (r >= LIMITS.readRows) {
      if (row.hasValues) outside ??= firstAddress(row);
      return;
    }
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (colNumber > LIMITS.readCols) {
        outside ??= cell.address;
        return;
      }
      if (count >= LIMITS.sheetCells) return;
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const snap = cellSnap(cell);
      if (!snap) return;
      if (typeof snap.v === 'string' && snap.v.length > LIMITS.cellChars) {
        snap.v = snap.v.slice(0, LIMITS.cellChars);
        cut++;
      }
      count++;
      (cells[r] ||= [])[colNumber - 1] = snap;
    });
  });
  if (outside) notes.push(`工作表“${ws.name}”在 ${outside} 等处有内容，超出读取范围（前 ${LIMITS.readRows} 行、${LIMITS.readCols} 列），这些单元格未读取。`);
  if (count >= LIMITS.sheetCells) notes.push(`工作表“${ws.name}”的单元格超过 ${LIMITS.sheetCells} 个，只读取了前 ${LIMITS.sheetCells} 个。`);
  if (cut) notes.push(`工作表“${ws.name}”有 ${cut} 个单元格的文字超过 Excel 的 ${LIMITS.cellChars} 字符上限，只读取了前 ${LIMITS.cellChars} 个字符。`);
  const hiddenCols: number[] = [];
  ((ws as unknown as SparseSheet)._columns ?? []).forEach((col, i) => {
    if (col && col.hidden && i < LIMITS.readCols) hiddenCols.push(i);
  });
  const merges = ((ws.model as unknown as { merges?: string[] }).merges || [])
    .map((m) => parseA1(m))
    .filter((m): m is NonNullable<typeof m> => m !== null && m.r0 < LIMITS.readRows && m.c0 < LIMITS.readCols);
  return {
    name: ws.name,
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
    cells,
    merges,
    hiddenRows,
    hiddenCols,
  };
}

function firstAddress(row: ExcelJS.Row): string {
  let a = '';
  row.eachCell({ includeEmpty: false }, (c) => {
    if (!a) a = c.address;
  });
  return a || `第${row.number}行`;
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
  if (formula) {
    snap.formula = true;
    const text = cell.formula;
    if (text) snap.formulaText = text;
  }
  return snap;
}

function resultValue(result: unknown): CellValue {
  if (result === undefined || result === null) return null;
  if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') return result;
  if (result instanceof Date) return result.toISOString().slice(0, 10);
  if (typeof result === 'object' && 'error' in (result as object)) return { error: String((result as { error: unknown }).error) };
  return null;
}

/** The library's (English) reason, said in one Chinese phrase: the user cannot act on "reading 'richText'". */
function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/central directory|zip|End of data|signature|Corrupted|invalid (stored|distance|code)|crc/i.test(msg)) return '文件已损坏或不是 zip 格式';
  if (/xml|tag|sax|attribute|entity|unexpected/i.test(msg)) return '文件内部的 XML 已损坏';
  return '文件内部结构已损坏，请在 Excel 中打开并另存为 .xlsx 后再试';
}
