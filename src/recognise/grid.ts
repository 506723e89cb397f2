/**
 * A read-only view over one SheetSnapshot with the helpers every recogniser needs:
 * cell text, normalised text for matching, merged-area lookup.
 */
import { CellSnap, CellRange, SheetSnapshot, isCellError } from '../snapshot/types';
import { cellRef } from '../snapshot/address';

export class Grid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergeAt = new Map<number, CellRange>();
  readonly hiddenRows: Set<number>;
  /** Hidden columns: what they hold is not part of any table the user sees (helper columns, old copies). */
  readonly hiddenCols: Set<number>;

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.rowCount = sheet.cells.length;
    let cols = 0;
    for (const row of sheet.cells) if (row && row.length > cols) cols = row.length;
    for (const m of sheet.merges) cols = Math.max(cols, m.c1 + 1);
    this.colCount = cols;
    for (const m of sheet.merges) {
      for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) this.mergeAt.set(r * 16384 + c, m);
    }
    this.hiddenRows = new Set(sheet.hiddenRows);
    this.hiddenCols = new Set(sheet.hiddenCols ?? []);
  }

  cell(r: number, c: number): CellSnap | undefined {
    const row = this.sheet.cells[r];
    const cell = row ? row[c] : undefined;
    if (cell && this.hiddenCols.size && this.hiddenCols.has(c) && !this.reachesVisible(r, c)) return undefined;
    return cell;
  }

  /** A cell of a hidden column still shows when it heads a merged area that reaches a visible column (a title). */
  private reachesVisible(r: number, c: number): boolean {
    const m = this.merge(r, c);
    if (!m || m.r0 !== r || m.c0 !== c) return false;
    for (let x = m.c0; x <= m.c1; x++) if (!this.hiddenCols.has(x)) return true;
    return false;
  }

  /** The merged area containing (r, c), if any. */
  merge(r: number, c: number): CellRange | undefined {
    // Numeric keys: this is asked for most cells, a string key per call would be garbage.
    return this.mergeAt.size ? this.mergeAt.get(r * 16384 + c) : undefined;
  }

  /** Text of a cell as written (numbers as their shortest representation). */
  text(r: number, c: number): string {
    return cellText(this.cell(r, c));
  }

  /** Text of a cell, taking the merged area's top-left value when the cell is covered by a merge. */
  mergedText(r: number, c: number): string {
    const m = this.merge(r, c);
    return m ? this.text(m.r0, m.c0) : this.text(r, c);
  }

  private readonly normCache: (string | undefined)[][] = [];

  /** Normalised text for matching (see norm), computed once per cell: recognisers ask many times. */
  norm(r: number, c: number): string {
    const row = (this.normCache[r] ||= []);
    let v = row[c];
    if (v === undefined) {
      const cell = this.cell(r, c);
      v = !cell || cell.v === null ? '' : typeof cell.v === 'number' ? String(cell.v) : norm(cellText(cell));
      row[c] = v;
    }
    return v;
  }

  /** Normalised text of the merged area's top-left cell. */
  mergedNorm(r: number, c: number): string {
    const m = this.merge(r, c);
    return m ? this.norm(m.r0, m.c0) : this.norm(r, c);
  }

  ref(r: number, c: number): string {
    return cellRef(this.name, r, c);
  }

  /** Non-empty cells of a row within [c0, c1]. */
  rowCells(r: number, c0 = 0, c1 = this.colCount - 1): { c: number; text: string }[] {
    const out: { c: number; text: string }[] = [];
    for (let c = c0; c <= c1; c++) {
      const t = this.text(r, c);
      if (t.trim() !== '') out.push({ c, text: t });
    }
    return out;
  }
}

export function cellText(cell: CellSnap | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/**
 * Normalise text for matching labels and titles: drop all whitespace (including line breaks inside
 * wrapped cells and ideographic spaces), unify brackets to full width, drop quotes of every kind.
 */
export function norm(s: string): string {
  return s
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/：/g, ':');
}
