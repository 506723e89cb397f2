/**
 * Cutting sheets into table regions. A region starts at a title cell and runs to the next title whose
 * columns overlap it (several tables may share a sheet, stacked or side by side). A sheet with no title
 * cell is one region, named by the sheet name or recognised by its header signature.
 */
import { Grid, norm } from './grid';
import { TitleMatch, matchTitle } from './titles';
import { TableId } from '../model/types';

export interface Region {
  grid: Grid;
  match?: TitleMatch;
  /** The title as written, or the sheet name for an untitled region. */
  titleText: string;
  titleRow: number;
  titleCol: number;
  /** True when the title came from a cell (false: sheet name or header signature). */
  titled: boolean;
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

const HEADER_WORDS = /项目|科目|编码|代码|名称|决算数|金额|合计|预算数|行次|栏次|收入|支出|经费|结余|^类$|^款$|^项$/;

function isHeaderish(grid: Grid, r: number): boolean {
  const cells = grid.rowCells(r);
  if (cells.length < 2) return false;
  return cells.filter((x) => HEADER_WORDS.test(norm(x.text))).length >= 2;
}

const NO_DATA_NOTE = /无数据|没有.{0,20}(收入|支出)|无.{0,20}(收入和支出|收支)|本表为空/;

interface Candidate {
  r: number;
  c: number;
  text: string;
  match: TitleMatch;
}

/** Title candidates of a sheet, keeping only those followed by a header (not a table of contents). */
export function findTitles(grid: Grid): Candidate[] {
  const raw: Candidate[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cell(r, c);
      // Titles are text and end in "…表" (perhaps followed by a bracketed number): skip everything else cheaply.
      if (!cell || typeof cell.v !== 'string' || cell.v.length > 120 || !cell.v.includes('表')) continue;
      const text = cell.v;
      const match = matchTitle(text);
      if (match) raw.push({ r, c, text, match });
    }
  }
  const rowsWithTitle = new Set(raw.map((x) => x.r));
  return raw.filter((cand) => {
    for (let r = cand.r + 1; r <= Math.min(grid.rowCount - 1, cand.r + 8); r++) {
      if (rowsWithTitle.has(r)) return false; // a list of titles: a table of contents or a banner
      if (isHeaderish(grid, r)) return true;
      const cells = grid.rowCells(r);
      if (cells.some((x) => NO_DATA_NOTE.test(norm(x.text)))) return true;
    }
    return false;
  });
}

/** Regions of a sheet. */
export function sheetRegions(grid: Grid): Region[] {
  const titles = findTitles(grid).sort((a, b) => a.r - b.r || a.c - b.c);
  if (titles.length === 0) {
    if (grid.rowCount === 0) return [];
    const match = matchTitle(grid.name);
    return [
      {
        grid,
        match,
        titleText: grid.name,
        titleRow: -1,
        titleCol: 0,
        titled: false,
        r0: 0,
        r1: grid.rowCount - 1,
        c0: 0,
        c1: Math.max(0, grid.colCount - 1),
      },
    ];
  }
  // Column span of each title: side-by-side titles (same row ±1) split the columns between them.
  const spans = titles.map((t) => {
    const band = titles.filter((o) => Math.abs(o.r - t.r) <= 1).sort((a, b) => a.c - b.c);
    if (band.length === 1) return { c0: 0, c1: Math.max(0, grid.colCount - 1) };
    const i = band.indexOf(t);
    const c0 = i === 0 ? 0 : boundary(band[i - 1], t);
    const c1 = i === band.length - 1 ? grid.colCount - 1 : boundary(t, band[i + 1]) - 1;
    return { c0, c1 };
  });
  /**
   * First column of the right-hand table of two side by side: the column after the blank column that
   * separates them, or else where the right title starts. A title typed unmerged over the middle of its
   * table starts to the right of the table's first columns.
   */
  function boundary(left: Candidate, right: Candidate): number {
    const start = grid.merge(right.r, right.c)?.c0 ?? right.c;
    const leftEnd = grid.merge(left.r, left.c)?.c1 ?? left.c;
    const r0 = Math.min(left.r, right.r);
    const below = titles.filter((o) => o.r > Math.max(left.r, right.r) + 1).map((o) => o.r);
    const r1 = Math.min(grid.rowCount, ...below) - 1;
    const blank = (c: number) => {
      for (let r = r0; r <= r1; r++) {
        if (grid.text(r, c).trim() !== '') return false;
        const m = grid.merge(r, c);
        if (m && (m.c0 < c || m.c1 > c)) return false;
      }
      return true;
    };
    for (let c = start - 1; c > leftEnd; c--) if (blank(c)) return c + 1;
    return start;
  }
  return titles.map((t, i) => {
    const { c0, c1 } = spans[i];
    let r1 = grid.rowCount - 1;
    for (let j = 0; j < titles.length; j++) {
      const o = titles[j];
      if (o.r > t.r + 1 && o.r - 1 < r1 && spans[j].c0 <= c1 && spans[j].c1 >= c0) r1 = o.r - 1;
    }
    return { grid, match: t.match, titleText: t.text, titleRow: t.r, titleCol: t.c, titled: true, r0: t.r, r1, c0, c1 };
  });
}

/**
 * Guess a standard table from its wording, for regions without a title (a sheet named "Sheet3" holding
 * only a header and rows). Each table has words no other table has; codes tell the classified tables
 * from the two-sided ones.
 */
export function signatureOf(region: Region): TableId | undefined {
  const { grid } = region;
  const words = new Set<string>();
  let codes = 0;
  let fundCodes = 0;
  let capitalCodes = 0;
  for (let r = region.r0; r <= Math.min(region.r1, region.r0 + 120); r++) {
    for (let c = region.c0; c <= region.c1; c++) {
      const t = grid.norm(r, c);
      if (!t) continue;
      // Codes sit in the first columns (amounts like 853 elsewhere are not codes).
      if (c <= region.c0 + 2 && /^\d{3}(\d{2}){0,2}$/.test(t) && !/^3\d\d/.test(t)) {
        codes++;
        if (/^22[39]/.test(t) || /^212(08|10|11|13|14)/.test(t)) fundCodes++;
        if (/^223/.test(t)) capitalCodes++;
      }
      if (t.length <= 40) words.add(t.replace(/^[一二三四五六七八九十]+、/, ''));
    }
  }
  const all = [...words].join('|');
  const has = (re: RegExp) => re.test(all);
  if (has(/人员经费/) && has(/公用经费/) && has(/(^|\|)30(1|101)(\||$)|工资福利支出/)) return 'T6';
  if (has(/因公出国/) && has(/公务接待/) && has(/预算/) && has(/决算/)) return 'T7';
  if (has(/年初财政拨款结转和结余/)) return 'T4';
  if (has(/年初(财政拨款)?结转和结余/) && has(/年末(财政拨款)?结转和结余/) && has(/本年收入/) && has(/本年支出/) && codes > 0 && !has(/上级补助收入/)) {
    if (capitalCodes > 0 && capitalCodes >= fundCodes - capitalCodes) return 'T9';
    if (has(/国有资本经营/) && !has(/政府性基金/)) return 'T9';
    return 'T8';
  }
  if (has(/年初财政拨款结转和结余/) || (has(/一般公共预算财政拨款/) && has(/政府性基金预算财政拨款/) && has(/本年支出合计/) && !has(/上级补助收入/))) return 'T4';
  if ((has(/本年收入合计/) || has(/收入总计/)) && (has(/本年支出合计/) || has(/支出总计/)) && has(/上级补助收入|事业收入/)) return 'T1';
  if (codes === 0) {
    // An empty fund table: only its header and the "本年度没有…收入和支出" note.
    if (has(/本年支出|基本支出/) && has(/没有|无数据|为空/)) return has(/国有资本经营/) ? 'T9' : has(/政府性基金/) ? 'T8' : undefined;
    return undefined;
  }
  if (has(/上级补助收入/) && has(/附属单位上缴收入/)) return 'T2';
  if (has(/上缴上级支出/) || has(/对附属单位补助支出/)) return 'T3';
  if (has(/基本支出/) && has(/项目支出/)) return 'T5';
  return undefined;
}
