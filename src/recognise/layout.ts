/**
 * Inside a region: the info lines (单位：万元, 编制单位, 年度), the header rows and the column header paths,
 * the first data row, and the notes below the table.
 */
import { Grid, norm } from './grid';
import { Region } from './regions';
import { MoneyUnit } from '../money/money';
import { looksNumeric } from './amounts';
import { stripNameLabels, yearIn } from './titles';

export interface RegionInfo {
  unit?: MoneyUnit;
  unitCell?: string;
  years: { year: number; cell: string }[];
  unitName?: { name: string; cell: string };
  notes: string[];
  noDataNote: boolean;
}

const UNIT_RE = /(?:金额|计量)?单位[:：]\s*(?:人民币)?(万元|元)(?![\u4e00-\u9fa5])/;
const NAME_RE = /^(?:编制单位|填报单位|部门|单位名称|部门名称|单位)[:：]\s*(.+)$/;

export function regionInfo(region: Region, headerStart: number): RegionInfo {
  const { grid } = region;
  const info: RegionInfo = { years: [], notes: [], noDataNote: false };
  const top = region.titled ? region.r0 : region.r0;
  for (let r = top; r < Math.min(headerStart + 1, region.r1 + 1); r++) {
    for (let c = region.c0; c <= region.c1; c++) {
      const raw = grid.text(r, c).trim();
      if (!raw) continue;
      const t = raw.replace(/\s+/g, '');
      const u = UNIT_RE.exec(t);
      if (u && !info.unit) {
        info.unit = u[1] === '万元' ? 'wanyuan' : 'yuan';
        info.unitCell = grid.ref(r, c);
      } else if (/^(万元|元)$/.test(t) && !info.unit && r > region.r0) {
        info.unit = t === '万元' ? 'wanyuan' : 'yuan';
        info.unitCell = grid.ref(r, c);
      }
      const n = NAME_RE.exec(t.replace(UNIT_RE, ''));
      if (n && !UNIT_RE.test(t.slice(0, 8)) && !/^(万元|元)$/.test(n[1]) && !info.unitName) {
        const name = stripNameLabels(n[1].replace(/单位[:：].*$/, '').trim());
        if (name.length >= 2) info.unitName = { name, cell: grid.ref(r, c) };
      }
      const y = yearIn(t);
      if (y) info.years.push({ year: y, cell: grid.ref(r, c) });
    }
  }
  if (!info.years.length && region.titled) {
    // A banner right above the title ("某单位2024年度部门决算表" over "收入支出决算总表"): the lines directly
    // above, up to the first blank row, head this table.
    for (let r = region.titleRow - 1; r >= Math.max(0, region.titleRow - 3); r--) {
      const cells = grid.rowCells(r, region.c0, region.c1);
      if (!cells.length) break;
      for (const x of cells) {
        const y = yearIn(x.text.replace(/\s+/g, ''));
        if (y) info.years.push({ year: y, cell: grid.ref(r, x.c) });
      }
    }
  }
  if (!info.unit) {
    // A unit written in the header ("金额单位：元" in a header cell, "决算数（万元）").
    for (let r = headerStart; r <= Math.min(region.r1, headerStart + 4); r++) {
      for (let c = region.c0; c <= region.c1; c++) {
        const t = grid.norm(r, c);
        const m = /[（(](万元|元)[）)]/.exec(t) || UNIT_RE.exec(t);
        if (m) {
          info.unit = m[1] === '万元' ? 'wanyuan' : 'yuan';
          info.unitCell = grid.ref(r, c);
          break;
        }
      }
      if (info.unit) break;
    }
  }
  for (let r = region.r0; r <= region.r1; r++) {
    for (let c = region.c0; c <= region.c1; c++) {
      const v = grid.cell(r, c)?.v;
      if (typeof v !== 'string' || v.length < 4) continue; // notes are text; skip amounts cheaply
      const t = v.trim();
      if (/^(注|说明|备注)\s*[:：\d１２３一二三]/.test(t) || /故本表无数据|本表无数据/.test(t) || (r > headerStart && isNoDataSentence(t))) {
        info.notes.push(t);
        if (isNoDataSentence(t)) info.noDataNote = true;
      }
    }
  }
  return info;
}

/** "本表无数据", "本年度没有政府性基金…收入和支出", "无财政拨款“三公”经费支出": the table is empty on purpose. */
export function isNoDataSentence(text: string): boolean {
  return /无数据|(没有|无)[^，。；]{0,30}(收入|支出|经费)/.test(norm(text));
}

/** Is this an info line (title, unit, 编制单位, year, table number) rather than a header row? */
export function isInfoRow(grid: Grid, region: Region, r: number): boolean {
  const cells = grid.rowCells(r, region.c0, region.c1);
  if (cells.length === 0) return true;
  return cells.every((x) => {
    const t = norm(x.text);
    return (
      UNIT_RE.test(t) ||
      NAME_RE.test(t) ||
      /^(公开)?\d{1,2}表$|^表[0-9一二三四五六七八九十]+$|^(公开)?\d{1,2}表|年度?$|^(万元|元)$|^\d{4}年/.test(t) ||
      (r === region.titleRow && x.c === region.titleCol)
    );
  });
}

/** First row after the title and info lines. */
export function headerStartRow(region: Region): number {
  const { grid } = region;
  let r = region.titled ? region.titleRow + 1 : region.r0;
  while (r <= region.r1 && isInfoRow(grid, region, r)) r++;
  return r;
}

/** A "栏次" row: the column numbers 1, 2, 3 … printed under the header. */
export function isAuxRow(grid: Grid, region: Region, r: number): boolean {
  const cells = grid.rowCells(r, region.c0, region.c1);
  if (cells.length < 2) return false;
  let ints = 0;
  let last = -Infinity;
  for (const x of cells) {
    const t = norm(x.text);
    if (/^(栏次|行次|—|-|甲|乙|丙)$/.test(t)) continue;
    if (!/^\d{1,2}$/.test(t)) return false;
    const n = parseInt(t, 10);
    if (n <= last) return false;
    last = n;
    ints++;
  }
  return ints >= 2;
}

/** Header path for each column over rows [h0, h1): merged texts top-down, repeated segments dropped. */
export function headerPaths(region: Region, h0: number, h1: number): Map<number, string[]> {
  const { grid } = region;
  const out = new Map<number, string[]>();
  for (let c = region.c0; c <= region.c1; c++) {
    const segs: string[] = [];
    for (let r = h0; r < h1; r++) {
      if (isAuxRow(grid, region, r)) continue;
      const m = grid.merge(r, c);
      // A merge reaching up into the title area is not a header.
      const t = norm(m && m.r0 >= h0 ? grid.text(m.r0, m.c0) : grid.text(r, c));
      if (t && segs[segs.length - 1] !== t) segs.push(t);
    }
    out.set(c, segs);
  }
  return out;
}

/** Scan for the first data row from `from`, skipping 栏次 rows. */
export function firstRow(region: Region, from: number, isData: (r: number) => boolean): number {
  for (let r = from; r <= region.r1; r++) {
    if (isAuxRow(region.grid, region, r)) continue;
    if (isData(r)) return r;
  }
  return region.r1 + 1;
}

/** Numeric cells of a row in the region, excluding the given columns. */
export function numericCols(region: Region, r: number, exclude: Set<number> = new Set()): number[] {
  const out: number[] = [];
  for (let c = region.c0; c <= region.c1; c++) if (!exclude.has(c) && looksNumeric(region.grid, r, c)) out.push(c);
  return out;
}
