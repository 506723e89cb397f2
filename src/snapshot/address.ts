/** A1-style addresses for 0-based rows/columns, and sheet-qualified references. */
import { CellRange } from './types';

export function columnName(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(r: number, c: number): string {
  return `${columnName(c)}${r + 1}`;
}

export function rangeA1(r: CellRange): string {
  const tl = a1(r.r0, r.c0);
  const br = a1(r.r1, r.c1);
  return tl === br ? tl : `${tl}:${br}`;
}

/** Parse "C8" or "B2:H40" into a 0-based range. */
export function parseA1(ref: string): CellRange | null {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const r0 = parseInt(m[2], 10) - 1;
  const c0 = columnIndex(m[1]);
  const r1 = m[4] ? parseInt(m[4], 10) - 1 : r0;
  const c1 = m[3] ? columnIndex(m[3]) : c0;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

/** Quote a sheet name for a formula or a reference: 公开01表 → '公开01表'. Always quoted: safe for any name. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The address users see in findings: 公开01表!C8 (unquoted, as the issue asks). */
export function cellRef(sheet: string, r: number, c: number): string {
  return `${sheet}!${a1(r, c)}`;
}

/** Split "公开01表!C8" (or "'My sheet'!C8") into sheet and address. */
export function splitRef(ref: string): { sheet: string; address: string } | null {
  const i = ref.lastIndexOf('!');
  if (i < 0) return null;
  let sheet = ref.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(i + 1) };
}
