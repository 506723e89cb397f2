/** Parsing of multi-area addresses returned by Office.js (RangeAreas.address). */
import { CellRange } from '../../snapshot/types';
import { parseA1, splitRef } from '../../snapshot/address';

// One area: an optional sheet prefix (quoted with '' escapes, or unquoted without quote/bang/comma), then an A1 range.
const AREA = /\s*(?:('(?:[^']|'')*'|[^'!,]+)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)\s*(,|$)/y;

/**
 * Parse "Sheet1!A1:B4, Sheet1!D1:D4" (or "'My, sheet'!A1:B2,'My, sheet'!C3") into 0-based ranges.
 * The sheet prefix is ignored: a RangeAreas is always on one worksheet.
 */
export function parseAreasAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  const text = address.trim();
  if (!text) return out;
  AREA.lastIndex = 0;
  while (AREA.lastIndex < text.length) {
    const start = AREA.lastIndex;
    const m = AREA.exec(text);
    if (!m) return fallback(text);
    const r = parseA1(m[2]);
    if (r) out.push(r);
    if (m[3] === '' || AREA.lastIndex === start) break;
  }
  return out;
}

/** Lenient fallback for unexpected shapes: split on commas and take what parses. */
function fallback(text: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of text.split(',')) {
    const p = part.trim();
    const ref = splitRef(p);
    const r = parseA1(ref ? ref.address : p);
    if (r) out.push(r);
  }
  return out;
}
