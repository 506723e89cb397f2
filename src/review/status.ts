/**
 * Finding statuses (已确认 / 误报 / 已整改, with a note) that survive a re-check.
 *
 * A status is keyed by a fingerprint of the finding: its rule, its cells and the values those cells hold now.
 * While the cells are unchanged a re-check finds the same fingerprint and the status applies again; once any of
 * them changes the fingerprint differs and the finding is open again (the old status is reported as "reopened").
 * The message is not part of the key (its wording may improve between versions); it is only used for a finding
 * that names no cell.
 *
 * The statuses are kept in the workbook itself, in an owned very hidden sheet (STATUS_SHEET), one row per status;
 * this module reads it from a snapshot and builds it as a SheetSpec / plain rows. Pure: no Excel, no clock.
 */
import type { Finding, Severity } from '../rules/types';
import type { CellValue, WorkbookSnapshot } from '../snapshot/types';
import { isCellError } from '../snapshot/types';
import { parseA1, splitRef } from '../snapshot/address';
import { SheetSpec, text } from '../output/sheetSpec';
import { hash53 } from '../output/hash';

export const STATUS_SHEET = '决算助手_状态';

export const REVIEW_STATUSES = ['已确认', '误报', '已整改'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
/** A finding nobody has judged yet. */
export const OPEN = '未处理';
export type FindingStatus = ReviewStatus | typeof OPEN;

export interface StatusEntry {
  fingerprint: string;
  rule: string;
  cells: string[];
  status: ReviewStatus;
  note: string;
  /** When it was set (ISO text), as given by the caller. */
  at: string;
}

export interface ReviewedFinding {
  finding: Finding;
  fingerprint: string;
  status: FindingStatus;
  note: string;
  /** A status that was set on this finding (same rule and cells) before its cells changed. */
  reopened?: { status: ReviewStatus; note: string };
}

/** Largest range expanded cell by cell for the fingerprint (beyond it the range text itself stands in). */
const MAX_RANGE_CELLS = 4096;

function valueText(v: CellValue | undefined): string {
  if (v === undefined || v === null || v === '') return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return `b${v}`;
  return `s${v}`;
}

/** The values of a finding's cells, in order ("" for an empty cell or an unknown sheet). */
export function cellValues(cells: string[], snapshot: WorkbookSnapshot): string[] {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name.toLowerCase(), s]));
  const out: string[] = [];
  for (const ref of cells) {
    const parts = splitRef(ref);
    const range = parts ? parseA1(parts.address) : null;
    const sheet = parts ? sheets.get(parts.sheet.toLowerCase()) : undefined;
    if (!parts || !range || !sheet) {
      out.push(`?${ref}`);
      continue;
    }
    const n = (range.r1 - range.r0 + 1) * (range.c1 - range.c0 + 1);
    if (n > MAX_RANGE_CELLS) {
      out.push(`range:${ref}`);
      continue;
    }
    for (let r = range.r0; r <= range.r1; r++) for (let c = range.c0; c <= range.c1; c++) out.push(valueText(sheet.cells[r]?.[c]?.v));
  }
  return out;
}

/** The key of "this finding on these cells", whatever the values. */
function placeKey(rule: string, cells: string[], message: string): string {
  return [rule, cells.length ? cells.join('\n') : `msg:${message}`].join('\u0001');
}

/** The fingerprint: rule, cells and the values the cells hold now. */
export function fingerprint(f: Finding, snapshot: WorkbookSnapshot): string {
  return hash53([placeKey(f.rule, f.cells, f.message), ...cellValues(f.cells, snapshot)].join('\u0001'));
}

/** Give every finding its status from the stored table. */
export function applyStatuses(findings: Finding[], snapshot: WorkbookSnapshot, entries: StatusEntry[]): ReviewedFinding[] {
  const byPrint = new Map(entries.map((e) => [e.fingerprint, e]));
  const byPlace = new Map<string, StatusEntry>();
  for (const e of entries) byPlace.set(placeKey(e.rule, e.cells, ''), e);
  return findings.map((finding) => {
    const fp = fingerprint(finding, snapshot);
    const e = byPrint.get(fp);
    if (e) return { finding, fingerprint: fp, status: e.status, note: e.note };
    const old = finding.cells.length ? byPlace.get(placeKey(finding.rule, finding.cells, '')) : undefined;
    return { finding, fingerprint: fp, status: OPEN, note: '', ...(old ? { reopened: { status: old.status, note: old.note } } : {}) };
  });
}

/**
 * The table after setting (or clearing, status null) one finding's status. An older entry for the same rule and
 * cells (a status from before the cells changed) is replaced.
 */
export function setStatus(entries: StatusEntry[], item: ReviewedFinding, status: ReviewStatus | null, note: string, at: string): StatusEntry[] {
  const place = placeKey(item.finding.rule, item.finding.cells, item.finding.message);
  const kept = entries.filter((e) => e.fingerprint !== item.fingerprint && placeKey(e.rule, e.cells, '') !== place);
  if (!status) return kept;
  return [...kept, { fingerprint: item.fingerprint, rule: item.finding.rule, cells: item.finding.cells, status, note: note.trim(), at }];
}

export interface ReviewCounts {
  /** Findings still to deal with (未处理 and 已确认), by severity. */
  open: Record<Severity, number>;
  confirmed: number;
  falsePositive: number;
  fixed: number;
  reopened: number;
}

export function reviewCounts(items: ReviewedFinding[]): ReviewCounts {
  const c: ReviewCounts = { open: { 错误: 0, 警告: 0, 提示: 0 }, confirmed: 0, falsePositive: 0, fixed: 0, reopened: 0 };
  for (const i of items) {
    if (i.reopened) c.reopened++;
    if (i.status === '误报') c.falsePositive++;
    else if (i.status === '已整改') c.fixed++;
    else {
      if (i.status === '已确认') c.confirmed++;
      c.open[i.finding.severity]++;
    }
  }
  return c;
}

/** Still to be dealt with: neither a 误报 nor 已整改. */
export function isOpen(i: ReviewedFinding): boolean {
  return i.status === OPEN || i.status === '已确认';
}

const HEADER = ['指纹', '规则', '单元格', '状态', '备注', '标记时间'];

/** The stored table as plain text rows (header first) — for the Office.js writer. */
export function statusRows(entries: StatusEntry[]): string[][] {
  return [HEADER, ...entries.map((e) => [e.fingerprint, e.rule, e.cells.join('\n'), e.status, e.note, e.at])];
}

/** The stored table as an owned, very hidden sheet. */
export function statusSheet(entries: StatusEntry[]): SheetSpec {
  return {
    name: STATUS_SHEET,
    visibility: 'veryHidden',
    rows: statusRows(entries).map((r) => r.map((v) => text(v))),
    columnWidths: [14, 24, 30, 8, 40, 22],
  };
}

/** Read the stored statuses from a snapshot; rows that cannot be understood are named, never guessed. */
export function readStatuses(snapshot: WorkbookSnapshot): { entries: StatusEntry[]; problems: string[] } {
  const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === STATUS_SHEET.toLowerCase());
  if (!sheet) return { entries: [], problems: [] };
  const str = (v: CellValue | undefined) => (v === null || v === undefined || isCellError(v) ? '' : String(v)).trim();
  const entries: StatusEntry[] = [];
  const problems: string[] = [];
  let header = -1;
  sheet.cells.forEach((row, r) => {
    const vals = HEADER.map((_, c) => str(row?.[c]?.v));
    if (header < 0) {
      if (vals[0] === HEADER[0] && vals[3] === HEADER[3]) header = r;
      return;
    }
    if (vals.every((v) => !v)) return;
    const status = vals[3] as ReviewStatus;
    if (!vals[0] || !vals[1] || !(REVIEW_STATUSES as readonly string[]).includes(status)) {
      problems.push(`“${STATUS_SHEET}”第 ${r + 1} 行无法识别，已忽略。`);
      return;
    }
    entries.push({ fingerprint: vals[0], rule: vals[1], cells: vals[2] ? vals[2].split('\n').map((s) => s.trim()).filter(Boolean) : [], status, note: vals[4], at: vals[5] });
  });
  if (header < 0 && sheet.cells.length) problems.push(`“${STATUS_SHEET}”没有表头，其中的状态已忽略。`);
  return { entries, problems };
}
