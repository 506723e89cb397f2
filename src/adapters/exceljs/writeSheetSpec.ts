/**
 * exceljs adapter, output side: write a SheetSpec into a workbook as a sheet the add-in owns.
 * Ownership is marked with a workbook name "决算助手_owned_<n>" pointing at the sheet's A1 — the same
 * marker the Office.js adapter uses — and a sheet of the same name that is not ours is never touched.
 */
import ExcelJS from 'exceljs';
import { CellStyle, SheetSpec, SpecCell } from '../../output/sheetSpec';
import { quoteSheet } from '../../snapshot/address';
import { digestSpec, isMarkerName, markerComment, markerSheet, OWNED_NAME_PREFIX } from '../../output/ownedMarker';
import type { DefinedNameEdit } from './patchPackage';

export const OWNED_PREFIX = OWNED_NAME_PREFIX;

/** What is written into an owned sheet, for its marker (ownerMarkerEdits). */
export interface MarkedWrite {
  spec: SheetSpec;
  /** Rows added below an existing sheet: its marker is left as it is. */
  appendOnly?: boolean;
  /** The user fills it in (补充信息): no fingerprint is recorded. */
  userEditable?: boolean;
}

/**
 * The defined-name edits that mark the written sheets as owned in a package whose names are `existing`: a new
 * "决算助手_owned_<n>" for a sheet not marked yet, and on every marker the comment recording what was written
 * (output/ownedMarker.ts) — Excel compares it before it rewrites the sheet, and keeps a sheet the user changed.
 */
export function ownerMarkerEdits(existing: { name: string; value: string }[], writes: MarkedWrite[]): DefinedNameEdit[] {
  const taken = new Set(existing.map((d) => d.name.toLowerCase()));
  const edits: DefinedNameEdit[] = [];
  let n = 1;
  for (const w of writes) {
    const marker = existing.find((d) => isMarkerName(d.name) && markerSheet(d.value)?.toLowerCase() === w.spec.name.toLowerCase());
    if (marker && w.appendOnly) continue;
    const comment = markerComment(w.userEditable ? undefined : digestSpec(w.spec));
    if (marker) {
      edits.push({ name: marker.name, value: marker.value, comment });
      continue;
    }
    while (taken.has(`${OWNED_PREFIX}_${n}`.toLowerCase())) n++;
    taken.add(`${OWNED_PREFIX}_${n}`.toLowerCase());
    edits.push({ name: `${OWNED_PREFIX}_${n}`, value: `${quoteSheet(w.spec.name)}!$A$1`, comment });
  }
  return edits;
}

export class NotOwnedSheetError extends Error {}

function ownedNames(wb: ExcelJS.Workbook): { name: string; sheet: string }[] {
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model || [];
  return model
    .filter((d) => d.name.startsWith(OWNED_PREFIX))
    .map((d) => ({ name: d.name, sheet: (d.ranges[0] || '').replace(/!.*$/, '').replace(/^'(.*)'$/, '$1').replace(/''/g, "'") }));
}

export function isOwnedSheet(wb: ExcelJS.Workbook, sheetName: string): boolean {
  return ownedNames(wb).some((o) => o.sheet === sheetName);
}

const FILL = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  switch (style) {
    case 'title':
      cell.font = { bold: true, size: 16 };
      break;
    case 'heading1':
      cell.font = { bold: true, size: 13 };
      break;
    case 'heading2':
      cell.font = { bold: true, size: 11 };
      break;
    case 'paragraph':
      cell.alignment = { wrapText: true, vertical: 'top' };
      break;
    case 'placeholder':
      cell.font = { color: { argb: 'FFC00000' }, bold: true };
      cell.fill = FILL('FFFFF2CC');
      cell.alignment = { wrapText: true, vertical: 'top' };
      break;
    case 'input':
      cell.fill = FILL('FFEAF1FB');
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF9BB7D4' } } };
      break;
    case 'header':
      cell.font = { bold: true };
      cell.fill = FILL('FFD9D9D9');
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      break;
    case 'note':
      cell.font = { color: { argb: 'FF7F7F7F' }, size: 9 };
      cell.alignment = { wrapText: true, vertical: 'top' };
      break;
    case 'percent':
      cell.numFmt = '0.00%';
      break;
    case 'money':
      cell.numFmt = '0.00';
      break;
    case 'flagged':
      cell.fill = FILL('FFFFC7CE');
      cell.font = { color: { argb: 'FF9C0006' } };
      break;
    default:
      break;
  }
}

function runFont(style: CellStyle | undefined): Partial<ExcelJS.Font> {
  if (style === 'placeholder') return { color: { argb: 'FFC00000' }, bold: true };
  if (style === 'heading1' || style === 'heading2') return { bold: true };
  return {};
}

function fitRuns<T extends { text: string }>(runs: T[]): T[] {
  let left = MAX_CELL_CHARS - 1;
  const out: T[] = [];
  for (const r of runs) {
    if (left <= 0) break;
    out.push(r.text.length > left ? { ...r, text: r.text.slice(0, left) + '…' } : r);
    left -= r.text.length;
  }
  return out;
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;

/** Text cut to what one Excel cell can hold (a longer text would make Excel repair the file). */
export function fitCell(s: string): string {
  return s.length > MAX_CELL_CHARS ? s.slice(0, MAX_CELL_CHARS - 1) + '…' : s;
}

function writeCell(cell: ExcelJS.Cell, spec: SpecCell): void {
  switch (spec.kind) {
    case 'text':
      // Text is text: a leading "=" never becomes a formula (exceljs writes strings as shared strings; the
      // package patch adds Excel's quote prefix so that editing the cell keeps it text).
      cell.value = fitCell(spec.text);
      break;
    case 'rich':
      cell.value = { richText: fitRuns(spec.runs).map((r) => ({ text: r.text, font: runFont(r.style) })) };
      break;
    case 'number':
      cell.value = spec.value;
      break;
    case 'formula':
      cell.value = { formula: spec.formula.replace(/^=/, ''), result: spec.value as never } as ExcelJS.CellFormulaValue;
      break;
    case 'empty':
      break;
  }
  applyStyle(cell, spec.style);
  if ((spec.kind === 'number' || spec.kind === 'formula') && spec.numFmt) cell.numFmt = spec.numFmt;
  if (spec.kind === 'rich' && spec.style) applyStyle(cell, spec.style === 'placeholder' ? 'paragraph' : spec.style);
}

/**
 * Write (or rewrite) an owned sheet. Throws NotOwnedSheetError if a user's sheet has that name.
 * The sheet is placed after the last existing sheet the first time.
 */
export function writeSheetSpec(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(spec.name);
  if (existing) {
    if (!isOwnedSheet(wb, spec.name)) {
      throw new NotOwnedSheetError(`工作簿中已有名为“${spec.name}”的工作表，且不是决算助手生成的，为免覆盖您的数据，未写入。请改名后重试。`);
    }
    wb.removeWorksheet(existing.id);
  }
  const ws = wb.addWorksheet(spec.name);
  if (!existing) {
    const n = ownedNames(wb).length + 1;
    let name = `${OWNED_PREFIX}_${n}`;
    const taken = new Set(ownedNames(wb).map((o) => o.name));
    for (let i = n; taken.has(name); i++) name = `${OWNED_PREFIX}_${i + 1}`;
    wb.definedNames.add(`${quoteSheet(spec.name)}!$A$1`, name);
  }
  spec.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of spec.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  spec.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      if (c) writeCell(ws.getCell(r + 1, col + 1), c);
    });
  });
  for (const m of spec.merges ?? []) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  for (const [rc, note] of Object.entries(spec.notes ?? {})) {
    const [r, c] = rc.split(',').map(Number);
    ws.getCell(r + 1, c + 1).note = note;
  }
  if (spec.freezeRows) ws.views = [{ state: 'frozen', ySplit: spec.freezeRows }];
  if (spec.visibility) ws.state = spec.visibility;
  if (spec.print) {
    ws.pageSetup.orientation = spec.print.landscape ? 'landscape' : 'portrait';
    ws.pageSetup.paperSize = 9; // A4
    if (spec.print.fitToWidth) Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    if (spec.print.repeatRows) ws.pageSetup.printTitlesRow = `${spec.print.repeatRows[0] + 1}:${spec.print.repeatRows[1] + 1}`;
    ws.pageSetup.margins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
    ws.headerFooter.oddFooter = '第 &P 页，共 &N 页';
  }
  return ws;
}
