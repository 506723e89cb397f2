/**
 * What the add-in wrote into one of its sheets, reduced to a short fingerprint, so that a later write can tell
 * whether the user changed the sheet since (and then keep it and write elsewhere, rather than clear it).
 *
 * The fingerprint covers every non-empty cell's position and value (text or number); formula cells count by
 * position only, because their results are Excel's to calculate. The same fingerprint is computed from a SheetSpec
 * (at write time) and from the cells as the host returns them (at the next write), so both sides reduce cells to
 * the same DigestCell.
 */
import { SheetSpec } from './sheetSpec';

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

/** cyrb53: a fast 53-bit string hash (no security needed: it detects edits, it does not authenticate). */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function token(v: DigestCell['value']): string | null {
  if (typeof v === 'object') return 'f';
  if (typeof v === 'string') return v === '' ? null : `s${v}`;
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
