/**
 * Input limits, checked on the package BEFORE exceljs parses it, so that no workbook can make a command run
 * for minutes or exhaust memory. The figures are stated in the README (输入限制).
 *
 * Only the zip's central directory is read here (JSZip reads entry sizes without inflating them).
 */
import JSZip from 'jszip';

export const LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 30 * 1024 * 1024,
  /** All parts inflated. */
  totalInflatedBytes: 150 * 1024 * 1024,
  /** One worksheet's XML inflated. */
  sheetInflatedBytes: 60 * 1024 * 1024,
  /** The shared strings part inflated. */
  sharedStringsBytes: 40 * 1024 * 1024,
  /** Parts in the package. */
  entries: 5000,
  /** Rows and columns read from each sheet (from A1); cells beyond are ignored and reported. */
  readRows: 20000,
  readCols: 300,
  /** Cells read from one sheet, and from the whole workbook (counted in the XML before exceljs parses it). */
  sheetCells: 100_000,
  bookCells: 200_000,
  /** Excel's own limit on a cell's text; longer text (a crafted file) is cut and reported. */
  cellChars: 32767,
  /** Characters of a narrative given to audit, and the size of its file (.txt / .docx). */
  auditChars: 300_000,
  auditFileBytes: 20 * 1024 * 1024,
};

export class LimitError extends Error {}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

interface ZipEntryInternals {
  _data?: { uncompressedSize?: number };
}

/** Throws LimitError (a Chinese message) when the package is beyond the limits. */
export async function checkPackageLimits(bytes: Uint8Array, source: string): Promise<JSZip> {
  if (bytes.length > LIMITS.fileBytes) {
    throw new LimitError(`“${source}”有 ${mb(bytes.length)}，超过决算助手可处理的 ${mb(LIMITS.fileBytes)}。请删去与决算公开无关的工作表后再试。`);
  }
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  const names = Object.keys(zip.files);
  if (names.length > LIMITS.entries) throw new LimitError(`“${source}”包含 ${names.length} 个部件，超过上限 ${LIMITS.entries}，不像是普通的决算工作簿。`);
  let total = 0;
  for (const name of names) {
    const size = (zip.files[name] as unknown as ZipEntryInternals)._data?.uncompressedSize ?? 0;
    total += size;
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name) && size > LIMITS.sheetInflatedBytes) {
      throw new LimitError(`“${source}”中的工作表部件 ${name} 解压后有 ${mb(size)}，超过上限 ${mb(LIMITS.sheetInflatedBytes)}。请删去无关的内容（或另存为只含决算表的工作簿）后再试。`);
    }
    if (/sharedStrings\.xml$/i.test(name) && size > LIMITS.sharedStringsBytes) {
      throw new LimitError(`“${source}”的共享字符串解压后有 ${mb(size)}，超过上限 ${mb(LIMITS.sharedStringsBytes)}。`);
    }
  }
  if (total > LIMITS.totalInflatedBytes) {
    throw new LimitError(`“${source}”解压后共 ${mb(total)}，超过上限 ${mb(LIMITS.totalInflatedBytes)}。请删去无关的工作表后再试。`);
  }
  // The sizes above are what the package SAYS; a crafted one (a "zip bomb") states a few bytes and inflates to
  // gigabytes. Every part is inflated once, as a stream, and stopped as soon as it outgrows its stated size.
  for (const name of names) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    const stated = (entry as unknown as ZipEntryInternals)._data?.uncompressedSize ?? 0;
    if ((await inflatedSize(entry, stated)) !== stated) {
      throw new LimitError(`“${source}”中的部件 ${name} 解压后的大小与文件记录的不符，文件已损坏或被刻意构造，未读取。请在 Excel 中打开并另存为 .xlsx 后再试。`);
    }
  }
  return zip;
}

/** Inflate one entry as a stream, counting bytes; stops (and reports stated + 1) once it exceeds `stated`. */
function inflatedSize(entry: JSZip.JSZipObject, stated: number): Promise<number> {
  return new Promise((resolve) => {
    let n = 0;
    let settled = false;
    const finish = (v: number) => {
      if (!settled) {
        settled = true;
        resolve(v);
      }
    };
    // JSZip checks the size only at the end and throws from its own listener: any failure is "not as stated".
    try {
      const stream = (entry as unknown as { internalStream(type: 'uint8array'): JSZipStream }).internalStream('uint8array');
      stream
        .on('data', (chunk: Uint8Array) => {
          n += chunk.length;
          if (n > stated) {
            stream.pause();
            finish(stated + 1);
          }
        })
        .on('error', () => finish(-1))
        .on('end', () => finish(n));
      stream.resume();
    } catch {
      finish(-1);
    }
  });
}

interface JSZipStream {
  on(event: 'data', f: (chunk: Uint8Array) => void): JSZipStream;
  on(event: 'error', f: (e: unknown) => void): JSZipStream;
  on(event: 'end', f: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}
