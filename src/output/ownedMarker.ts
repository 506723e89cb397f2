/**
 * How a sheet is marked as the add-in's own, in every host: a workbook-scoped name "决算助手_owned_<n>" that refers to
 * A1 of the sheet (it follows a rename, turns into #REF! when the sheet is deleted), whose comment records a
 * fingerprint of what was written there. The Office.js writer, the command line and the browser copy all write the
 * same marker (the command line adds its HMAC-signed mark on top, cli/ownerMarker.ts).
 *
 * The fingerprint: what the add-in wrote into one of its sheets, reduced to a short hash, so that a later write can tell
 * whether the user changed the sheet since (and then keep it and write elsewhere, rather than clear it).
 *
 * The fingerprint covers every non-empty cell's position and value (text or number); formula cells count by
 * position only, because their results are Excel's to calculate. The same fingerprint is computed from a SheetSpec
 * (at write time) and from the cells as the host returns them (at the next write), so both sides reduce cells to
 * the same DigestCell.
 */
import { SheetSpec } from './sheetSpec';
import { SheetSnapshot } from '../snapshot/types';
import { hash53 } from './hash';

/** Prefix of the workbook names that mark sheets owned by the add-in. */
export const OWNED_NAME_PREFIX = '决算助手_owned';

const OWNED_NAME_COMMENT = '决算助手：标记此工作表由加载项生成，可被加载项覆盖。请勿删除或修改。';

/** The marker's comment, carrying the fingerprint of what was written when known (Excel keeps ≤ 255 characters). */
export function markerComment(digest?: ContentDigest): string {
  return digest ? `${OWNED_NAME_COMMENT}内容摘要 ${formatDigest(digest)}` : OWNED_NAME_COMMENT;
}

export function isMarkerName(name: string): boolean {
  return name.toLowerCase().startsWith(OWNED_NAME_PREFIX.toLowerCase());
}

/** The sheet a marker's value ("Sheet1!$A$1", "'My sheet'!$A$1", possibly "=…") refers to, or null. */
export function markerSheet(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.startsWith('=') ? value.slice(1) : value;
  const i = v.lastIndexOf('!');
  if (i <= 0) return null;
  let sheet = v.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  if (sheet.includes('#REF')) return null;
  return sheet;
}

export interface DigestCell {
  r: number;
  c: number;
  /** Text or number; a formula cell is { formula: true } whatever its result. */
  value: string | number | boolean | { formula: true };
}

/** The extent and fingerprint of an owned sheet's content ("18x6:3f9a0c2b1d7e4"). */
export interface ContentDigest {
  rows: number;
  cols: number;
  hash: string;
}

function token(v: DigestCell['value']): string | null {
  if (typeof v === 'object') return 'f';
  if (typeof v === 'string') return v === '' ? null : `s${v.replace(/\r\n?/g, '\n')}`;
  if (typeof v === 'number') return Number.isFinite(v) ? `n${v}` : null;
  return `b${v}`;
}

/** The fingerprint of a set of cells (order does not matter; empty cells do not count). */
export function digestCells(cells: Iterable<DigestCell>, rows: number, cols: number): ContentDigest {
  const parts: string[] = [];
  for (const cell of cells) {
    const t = token(cell.value);
    if (t !== null) parts.push(`${cell.r},${cell.c}\u0001${t}`);
  }
  parts.sort();
  return { rows, cols, hash: hash53(parts.join('\u0002')) };
}

/** The fingerprint of what writing `spec` puts into the sheet. */
export function digestSpec(spec: SheetSpec): ContentDigest {
  const cells: DigestCell[] = [];
  let cols = 0;
  spec.rows.forEach((row, r) =>
    (row ?? []).forEach((cell, c) => {
      if (!cell) return;
      cols = Math.max(cols, c + 1);
      if (cell.kind === 'text') cells.push({ r, c, value: cell.text });
      else if (cell.kind === 'rich') cells.push({ r, c, value: cell.runs.map((x) => x.text).join('') });
      else if (cell.kind === 'number') cells.push({ r, c, value: cell.value });
      else if (cell.kind === 'formula') cells.push({ r, c, value: { formula: true } });
    }),
  );
  return digestCells(cells, spec.rows.length, cols);
}

/** "18x6:3f9a0c2b1d7e4". */
export function formatDigest(d: ContentDigest): string {
  return `${d.rows}x${d.cols}:${d.hash}`;
}

export function parseDigest(s: string | undefined | null): ContentDigest | undefined {
  const m = /(\d+)x(\d+):([0-9a-z]+)/.exec(s ?? '');
  return m ? { rows: Number(m[1]), cols: Number(m[2]), hash: m[3] } : undefined;
}

/** "决算说明（2）", "决算说明（3）" …: the first name not taken (Excel's 31-character limit kept). */
export function freeSheetName(name: string, taken: string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  for (let n = 2; ; n++) {
    const suffix = `（${n}）`;
    const candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Whether a sheet as read (snapshot) differs from what the add-in last wrote there: a non-empty cell outside the
 * recorded extent, or another fingerprint within it.
 */
export function sheetChangedSince(sheet: SheetSnapshot, digest: ContentDigest): boolean {
  const cells: DigestCell[] = [];
  for (let r = 0; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || cell.v === null || cell.v === '') continue;
      if (r >= digest.rows || c >= digest.cols) return true;
      const v = cell.v;
      cells.push({ r, c, value: cell.formula ? { formula: true } : typeof v === 'object' ? v.error : v });
    }
  }
  return digestCells(cells, digest.rows, digest.cols).hash !== digest.hash;
}
