/**
 * Command-line workbook I/O for the commands that write. The user's file is read once (bytes, an exceljs
 * workbook, its snapshot and accounts); the add-in's sheets are built in a separate workbook and put into the
 * user's PACKAGE by patchPackage (only the owned sheets' parts change, everything else is carried byte for byte).
 *
 * Where the result goes (never a surprise):
 *  - `-o X`: X, unless X is the input itself (same real path) — refused;
 *  - no -o, the input carries the verified mark of a workbook 决算助手 wrote (ownerMarker.ts) and the sheets to
 *    be replaced were not edited since: updated in place;
 *  - otherwise "<name>_决算助手.xlsx" beside it, or "<name>_决算助手_<时间>.xlsx" when that file exists already
 *    (it may hold what the user typed): the message says which.
 * Files are written to a temporary name and renamed, so a failed write never leaves half a workbook.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { loadExcelJs, snapshotFromExcelJs, WorkbookReadError } from '../adapters/exceljs/snapshotFromXlsx';
import { isOwnedSheet, NotOwnedSheetError, ownerMarkerEdits, writeSheetSpec } from '../adapters/exceljs/writeSheetSpec';
import { definedNamesOf, DefinedNameEdit, listSheets, patchPackage, workbookPart } from '../adapters/exceljs/patchPackage';
import { readAccounts } from '../model/readAccounts';
import { Accounts } from '../model/types';
import { SheetSpec } from '../output/sheetSpec';
import { WorkbookSnapshot } from '../snapshot/types';
import { readErrorMessage, writeErrorMessage } from './fileErrors';
import { encodeMark, markValue, matchesMark, OwnerMark, readMark, sheetDigest, sheetStructure, SIGNATURE_NAME } from './ownerMarker';

export interface LoadedWorkbook {
  file: string;
  bytes: Uint8Array;
  wb: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
  accounts: Accounts;
  /** The verified mark, when 决算助手 wrote this file. */
  mark?: OwnerMark;
  workbookXml: string;
  /** The structure (ownerMarker.sheetStructure) of every sheet the mark lists. */
  structures: Record<string, string>;
}

export async function readInputFile(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new WorkbookReadError(readErrorMessage(file, e));
  }
}

export async function loadForWriting(file: string): Promise<LoadedWorkbook> {
  const data = await readInputFile(file);
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const wb = await loadExcelJs(bytes, path.basename(file));
  const snapshot = snapshotFromExcelJs(wb, path.basename(file));
  let workbookXml = '';
  const structures: Record<string, string> = {};
  let mark: OwnerMark | undefined;
  try {
    const zip = await JSZip.loadAsync(bytes);
    const wbPart = await workbookPart(zip);
    workbookXml = (await zip.file(wbPart)?.async('string')) ?? '';
    mark = readMark(workbookXml);
    if (mark) for (const s of await listSheets(zip, wbPart)) if (s.name in mark.sheets && s.part) structures[s.name] = await sheetStructure(zip, s.part);
  } catch {
    workbookXml = '';
  }
  return { file, bytes, wb, snapshot, accounts: readAccounts(snapshot), mark, workbookXml, structures };
}

/** Was this workbook written by 决算助手 (verified mark, and every marked sheet still there)? */
export function writtenByUs(loaded: LoadedWorkbook): boolean {
  if (!loaded.mark) return false;
  return Object.keys(loaded.mark.sheets).every((s) => loaded.wb.getWorksheet(s));
}

/** Owned sheets (among `names`) whose content differs from what the tool wrote last time. */
export function editedSheets(loaded: LoadedWorkbook, names: string[]): string[] {
  if (!loaded.mark) return [];
  return names.filter((n) => {
    const digest = loaded.mark!.sheets[n];
    const ws = loaded.wb.getWorksheet(n);
    return digest && ws && !matchesMark(digest, ws, loaded.structures[n]);
  });
}

async function realPath(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await fs.realpath(abs);
  } catch {
    try {
      return path.join(await fs.realpath(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

function stamp(d = new Date()): string {
  const z = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${z(d.getMonth() + 1)}${z(d.getDate())}-${z(d.getHours())}${z(d.getMinutes())}${z(d.getSeconds())}`;
}

export interface OutputChoice {
  target: string;
  /** One line for the user when the choice is not the obvious one. */
  note?: string;
  inPlace: boolean;
  /** The target must not exist when written (a new file): if another run took the name meanwhile, `retry` gives another. */
  exclusive?: boolean;
  retry?: () => Promise<string>;
}

/**
 * Where to write. `replacing`: the owned sheets this command replaces (an in-place update is refused — a new
 * file is written — when the user edited one of them).
 */
export async function chooseOutput(loaded: LoadedWorkbook, explicit: string | undefined, replacing: string[]): Promise<OutputChoice> {
  // A workbook with macros keeps them (the package is patched, not rebuilt), and Excel opens such a package
  // only under .xlsm: the output takes the extension its content calls for.
  const ext = (await macroEnabled(loaded.bytes)) ? '.xlsm' : '.xlsx';
  if (explicit) {
    if (ext === '.xlsm' && !/\.xlsm$/i.test(explicit)) throw new WorkbookReadError(`工作簿含有宏，结果只能保存为 .xlsm（Excel 不会打开含宏的 .xlsx）：请把输出文件“${explicit}”改为以 .xlsm 结尾。`);
    if (ext === '.xlsx' && !/\.xlsx$/i.test(explicit)) throw new WorkbookReadError(`输出文件“${explicit}”应以 .xlsx 结尾。`);
    if ((await realPath(explicit)) === (await realPath(loaded.file))) {
      throw new WorkbookReadError(`-o 指定的输出文件就是输入文件“${loaded.file}”，为免覆盖您的工作簿，未写入。请换一个输出文件名（或不加 -o）。`);
    }
    await assertReplaceable(explicit, '-o 指定的输出文件');
    return { target: explicit, inPlace: false, exclusive: !(await exists(explicit)) };
  }
  const { dir, name } = path.parse(loaded.file);
  if (writtenByUs(loaded)) {
    const edited = editedSheets(loaded, replacing);
    if (!edited.length) return { target: loaded.file, inPlace: true, note: `“${path.basename(loaded.file)}”是决算助手生成的文件，已就地更新（其他工作表和您填写的内容保持不变）。` };
    const target = path.join(dir, `${name}_${stamp()}${ext}`);
    return {
      target,
      inPlace: false,
      note: `“${edited.join('”“')}”工作表在上次生成后被修改过，为保留您的修改，未更新原文件，结果写入新文件“${path.basename(target)}”。`,
    };
  }
  const base = path.join(dir, `${name}_决算助手${ext}`);
  if (!(await exists(base))) return { target: base, inPlace: false, exclusive: true, retry: stampedNames(dir, `${name}_决算助手`, ext) };
  const retry = stampedNames(dir, `${name}_决算助手`, ext);
  const target = await retry();
  return {
    target,
    inPlace: false,
    exclusive: true,
    retry,
    note: `“${path.basename(base)}”已经存在（其中可能有您填写的内容），未覆盖，本次写入新文件“${path.basename(target)}”。如要在已填写的文件上继续，请对它运行本命令：juesuan <命令> “${path.basename(base)}”。`,
  };
}

/** Is the package's main part a macro-enabled workbook (an .xlsm, whatever its file is called)? */
async function macroEnabled(bytes: Uint8Array): Promise<boolean> {
  try {
    const ct = (await (await JSZip.loadAsync(bytes)).file('[Content_Types].xml')?.async('string')) ?? '';
    return /macroEnabled\.main\+xml/i.test(ct);
  } catch {
    return false;
  }
}

/** Free "<stem>_<时间>.xlsx", "<stem>_<时间>_2.xlsx"… names in `dir`, one per call (never one handed out before). */
function stampedNames(dir: string, stem: string, ext = '.xlsx'): () => Promise<string> {
  const given = new Set<string>();
  return async () => {
    const s = stamp();
    let target = path.join(dir, `${stem}_${s}${ext}`);
    for (let i = 2; given.has(target) || (await exists(target)); i++) target = path.join(dir, `${stem}_${s}_${i}${ext}`);
    given.add(target);
    return target;
  };
}

/**
 * A file the tool creates beside the workbook (the Word copy of the 说明): never over an existing file, whose
 * edits the tool cannot see — an existing name gets a timestamped sibling, and the note says so.
 */
export async function newFileChoice(file: string): Promise<OutputChoice> {
  const { dir, name, ext } = path.parse(file);
  const retry = stampedNames(dir, name, ext);
  if (!(await exists(file))) return { target: file, inPlace: false, exclusive: true, retry };
  const target = await retry();
  return { target, inPlace: false, exclusive: true, retry, note: `“${path.basename(file)}”已经存在，未覆盖，Word 文档写入新文件“${path.basename(target)}”。` };
}

/**
 * May an existing file be replaced? Only a workbook 决算助手 wrote that holds nothing but its own generated
 * sheets, none of them edited since (a 整改清单 or 汇总 of an earlier run). A workbook with the user's sheets, a
 * 补充信息 the user fills in, an edited sheet or no verifiable mark is never overwritten.
 */
export async function replaceable(file: string): Promise<boolean> {
  if (!(await exists(file))) return true;
  const loaded = await loadForWriting(file).catch(() => undefined);
  if (!loaded?.mark) return false;
  const names = loaded.wb.worksheets.map((w) => w.name);
  return names.length > 0 && names.every((n) => loaded.mark!.sheets[n]) && !editedSheets(loaded, names).length;
}

/** Refuse an output path that names an input of the command (the same real file). */
export async function assertNotInput(out: string, input: string, flag: string): Promise<void> {
  if ((await realPath(out)) === (await realPath(input))) {
    throw new WorkbookReadError(`${flag} 指定的输出文件就是输入文件“${input}”，为免覆盖您的工作簿，未写入。请换一个输出文件名。`);
  }
}

export async function assertReplaceable(file: string, what: string): Promise<void> {
  if (await replaceable(file)) return;
  throw new WorkbookReadError(`${what}“${file}”已存在且不是决算助手生成的文件（或生成后有改动、有您的内容），为免覆盖，未写入。请换一个文件名。`);
}

/** Refuse before any work when a user's own sheet has the name of a sheet we are about to write. */
export function assertWritable(loaded: LoadedWorkbook, sheetName: string): void {
  const ws = loaded.wb.getWorksheet(sheetName);
  if (!ws) return;
  const owned = (loaded.mark && sheetName in loaded.mark.sheets) || isOwnedSheet(loaded.wb, sheetName);
  if (!owned) {
    throw new NotOwnedSheetError(`工作簿中已有名为“${sheetName}”的工作表，且不是决算助手生成的，为免覆盖您的数据，未写入。请将该工作表改名后重试。`);
  }
}

export interface OwnedWrite {
  spec: SheetSpec;
  /** Keep the existing sheet's part and only append the spec's rows that lie below its last row. */
  appendOnly?: boolean;
  /** Digest recorded in the mark ('' for sheets the user fills in). */
  userEditable?: boolean;
}

/**
 * Build the owned sheets in a fresh workbook, patch them into the user's package, set the marks, write
 * atomically. `post` adds what exceljs cannot write (charts) to the fresh package.
 */
export async function writeOwnedSheets(
  loaded: LoadedWorkbook,
  writes: OwnedWrite[],
  choice: OutputChoice,
  post?: (freshBytes: Uint8Array) => Promise<Uint8Array>,
): Promise<void> {
  const fresh = new ExcelJS.Workbook();
  const mark: OwnerMark = { sheets: {} };
  if (loaded.mark) Object.assign(mark.sheets, loaded.mark.sheets);
  for (const w of writes) {
    const ws = writeSheetSpec(fresh, w.spec);
    mark.sheets[w.spec.name] = w.userEditable ? '' : sheetDigest(ws);
  }
  const names: DefinedNameEdit[] = ownerMarkerEdits(definedNamesOf(loaded.workbookXml), writes);
  for (const s of Object.keys(mark.sheets)) if (!loaded.wb.getWorksheet(s) && !writes.some((w) => w.spec.name === s)) delete mark.sheets[s];
  let freshBytes: Uint8Array = new Uint8Array((await fresh.xlsx.writeBuffer()) as ArrayBuffer);
  if (post) freshBytes = await post(freshBytes);
  await addStructures(mark, freshBytes);
  names.push({ name: SIGNATURE_NAME, value: encodeMark(mark), hidden: true });
  let bytes: Uint8Array;
  try {
    bytes = await patchPackage(loaded.bytes, freshBytes, { appendRowsTo: new Set(writes.filter((w) => w.appendOnly).map((w) => w.spec.name)), names });
  } catch (e) {
    throw new WorkbookReadError(`无法写入工作簿：${e instanceof Error ? e.message.split('\n')[0] : String(e)}。原文件未改动。`);
  }
  await commit(choice, bytes);
}

/** Follow each generated sheet's digest in the mark with its structure, as written (patchPackage keeps it). */
async function addStructures(mark: OwnerMark, freshBytes: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(freshBytes);
  for (const s of await listSheets(zip)) {
    const v = mark.sheets[s.name];
    if (v && s.part) mark.sheets[s.name] = markValue(v.split('~')[0], await sheetStructure(zip, s.part));
  }
}

/**
 * Write the result where `choice` says. A new file is created exclusively: when another run created the same
 * name in the meantime, the next free name is taken (and said) instead of replacing that run's file.
 */
export async function commit(choice: OutputChoice, bytes: Uint8Array): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFileAtomic(choice.target, bytes, { exclusive: choice.exclusive });
      return;
    } catch (e) {
      if (!(e instanceof TargetExistsError) || !choice.retry || attempt > 20) {
        if (e instanceof TargetExistsError) throw new WorkbookReadError(`“${choice.target}”刚被另一个程序创建，为免覆盖，未写入。请重新运行。`);
        throw e;
      }
      const taken = path.basename(choice.target);
      choice.target = await choice.retry();
      choice.note = `“${taken}”已经存在，未覆盖，本次写入新文件“${path.basename(choice.target)}”。`;
    }
  }
}

class TargetExistsError extends Error {}

let tmpCount = 0;

/**
 * Write through a temporary file and a rename, so a failed write never leaves half a workbook. `exclusive`:
 * the file must not exist (a hard link refuses an existing name, where a rename would replace it).
 */
export async function writeFileAtomic(out: string, bytes: Uint8Array, o: { exclusive?: boolean } = {}): Promise<void> {
  const tmp = path.join(path.dirname(out), `.~${path.basename(out)}.${process.pid}.${++tmpCount}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    if (o.exclusive) {
      try {
        await fs.link(tmp, out);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new TargetExistsError(out);
        // File systems without hard links: create exclusively, then fill.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw e;
        const h = await fs.open(out, 'wx').catch((e2: NodeJS.ErrnoException) => {
          throw e2.code === 'EEXIST' ? new TargetExistsError(out) : e2;
        });
        await h.close();
        await fs.rename(tmp, out);
      }
      await fs.rm(tmp, { force: true });
    } else await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (e instanceof TargetExistsError) throw e;
    throw new WorkbookReadError(writeErrorMessage(out, e));
  }
}

/**
 * A new workbook of the tool's own sheets only (整改清单, 汇总), carrying the verified mark so that a later run
 * may replace it. An existing file that is not verifiably ours is never overwritten.
 */
export async function writeNewWorkbook(specs: SheetSpec[], target: string): Promise<void> {
  if (!/\.xlsx$/i.test(target)) throw new WorkbookReadError(`输出文件“${target}”应以 .xlsx 结尾。`);
  const existed = await exists(target);
  if (existed) await assertReplaceable(target, '');
  const fresh = new ExcelJS.Workbook();
  const mark: OwnerMark = { sheets: {} };
  for (const spec of specs) mark.sheets[spec.name] = sheetDigest(writeSheetSpec(fresh, spec));
  const freshBytes = new Uint8Array((await fresh.xlsx.writeBuffer()) as ArrayBuffer);
  await addStructures(mark, freshBytes);
  const bytes = await patchPackage(freshBytes, freshBytes, { names: [{ name: SIGNATURE_NAME, value: encodeMark(mark), hidden: true }] });
  await commit({ target, inPlace: false, exclusive: !existed }, bytes);
}
