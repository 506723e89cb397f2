/**
 * The engine's entry point: WorkbookSnapshot → Accounts. Finds the nine standard tables (and the extras)
 * wherever they are, reads them into exact figures, and reports in Chinese what it could not read.
 */
import { WorkbookSnapshot } from '../snapshot/types';
import { rangeA1 } from '../snapshot/address';
import { Accounts, Figure, ReadIssue, TABLE_IDS, TABLE_NAMES, TableId, TableLocation, ThreePublicKey } from './types';
import { Grid, norm } from '../recognise/grid';
import { Region, sheetRegions, signatureOf } from '../recognise/regions';
import { headerStartRow, isAuxRow, regionInfo } from '../recognise/layout';
import { arabicYears, unitNameInPrefix, yearIn } from '../recognise/titles';
import { parseCodedTable } from '../recognise/codedTable';
import { parseTwoSided } from '../recognise/twoSided';
import { parseBasicExpenditure, parseThreePublic } from '../recognise/basicAndThreePublic';
import { MoneyUnit, parseDecimal } from '../money/money';
import { decideTablePrecision, TablePrecision } from '../money/rounding';
import { isOwnedSheetName } from './ownedSheets';
import { inferYearFromCodes, yearInFileName } from './inferYear';

interface Found {
  id: TableId | string;
  standard: boolean;
  region: Region;
  location: TableLocation;
  year?: number;
  unitName?: string;
  unitNameCell?: string;
  parsed?: unknown;
  issues: ReadIssue[];
  /** On a hidden sheet: a visible copy of the same table wins over it. */
  hidden?: boolean;
}

export function readAccounts(snapshot: WorkbookSnapshot): Accounts {
  const found: Found[] = [];
  for (const sheet of snapshot.sheets) {
    if (isOwnedSheetName(sheet.name)) continue;
    const grid = new Grid(sheet);
    for (const region of sheetRegions(grid)) {
      const f = readRegion(region);
      if (!f) continue;
      if (sheet.hidden) {
        f.hidden = true;
        f.issues.push({
          severity: '提示',
          code: 'R-隐藏工作表',
          message: `${f.location.name}位于隐藏的工作表“${sheet.name}”中，已照常读取。`,
          cells: [`${sheet.name}!${f.location.range}`],
          table: f.id,
        });
      }
      found.push(f);
    }
  }

  // The report year: the most frequent year among the standard tables (the latest on a tie).
  const yearVotes = new Map<number, number>();
  // Tables on hidden sheets (often last year's copy) only vote when no visible table states a year.
  const voters = found.some((f) => f.standard && f.year && !f.hidden) ? found.filter((f) => !f.hidden) : found;
  for (const f of voters) if (f.standard && f.year) yearVotes.set(f.year, (yearVotes.get(f.year) || 0) + 1);
  const years = [...yearVotes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  const year = years[0]?.[0];
  const otherYears = years.slice(1).map(([y]) => y).sort();

  const accounts: Accounts = { source: snapshot.source, facts: { otherYears }, tables: [], missing: [], issues: [] };
  for (const note of snapshot.notes ?? []) accounts.issues.push({ severity: '警告', code: 'R-读取范围', message: note, cells: [] });
  const banner = year ? undefined : bannerFacts(snapshot);
  if (year) {
    accounts.facts.year = year;
    accounts.facts.yearFrom = 'workbook';
    const src = found.find((f) => f.year === year);
    accounts.facts.yearSource = src ? `${src.location.sheet}!${src.location.titleCell ?? src.location.range}` : undefined;
  } else if (banner?.year) {
    accounts.facts.year = banner.year;
    accounts.facts.yearFrom = 'workbook';
    accounts.facts.yearSource = banner.cell;
  } else if (yearInFileName(snapshot.source)) {
    accounts.facts.year = yearInFileName(snapshot.source);
    accounts.facts.yearFrom = 'fileName';
    accounts.facts.yearSource = `工作簿未注明年度，按文件名“${snapshot.source}”`;
  }

  const chosen = new Map<string, Found>();
  const ignored: Found[] = [];
  for (const f of found) {
    if (!f.standard) {
      accounts.tables.push(f.location);
      continue;
    }
    const prev = chosen.get(f.id);
    const sameYear = prev && (prev.year === f.year || year === undefined || (prev.year !== year && f.year !== year));
    const better = !prev || (year !== undefined && prev.year !== year && f.year === year) || (sameYear && prev.hidden && !f.hidden);
    if (better) {
      if (prev) ignored.push(prev);
      chosen.set(f.id, f);
    } else ignored.push(f);
  }
  for (const f of ignored) {
    const otherYear = f.year && f.year !== year;
    accounts.issues.push({
      // Last year's tables kept on a hidden sheet are common and harmless: a hint. Another year's table in plain
      // sight may mean the workbook mixes years: a warning.
      severity: otherYear && f.hidden ? '提示' : '警告',
      code: otherYear ? 'R-其他年度的表' : 'R-重复的表',
      message: otherYear
        ? `工作簿中还有${f.year}年度的${f.location.name}（${f.hidden ? '隐藏工作表 ' : ''}${f.location.sheet}!${f.location.range}），与本次决算年度${year}年不同，已忽略。`
        : `工作簿中有两张${f.location.name}，已读取第一张，忽略 ${f.location.sheet}!${f.location.range}。`,
      cells: [`${f.location.sheet}!${f.location.range}`],
      table: f.id,
    });
  }
  applyTablePrecision([...chosen.values()]);
  for (const f of chosen.values()) {
    accounts.tables.push(f.location);
    accounts.issues.push(...f.issues);
    (accounts as unknown as Record<string, unknown>)[f.id] = f.parsed;
  }
  accounts.tables.sort((a, b) => sheetOrder(snapshot, a.sheet) - sheetOrder(snapshot, b.sheet) || rowOf(a.range) - rowOf(b.range));

  // Unit name: the most frequent one stated in titles or 编制单位 lines.
  const names = new Map<string, { n: number; cell: string }>();
  for (const f of chosen.values()) {
    if (f.unitName) {
      const e = names.get(f.unitName) || { n: 0, cell: f.unitNameCell || '' };
      e.n++;
      names.set(f.unitName, e);
    }
  }
  const topName = [...names.entries()].sort((a, b) => b[1].n - a[1].n)[0];
  if (topName) {
    accounts.facts.unitName = topName[0];
    accounts.facts.unitNameSource = topName[1].cell;
  } else {
    const b = banner ?? bannerFacts(snapshot);
    if (b?.unitName) {
      accounts.facts.unitName = b.unitName;
      accounts.facts.unitNameSource = b.cell;
    }
  }

  for (const id of TABLE_IDS) {
    if (chosen.has(id)) continue;
    accounts.missing.push(id);
    accounts.issues.push({
      severity: '错误',
      code: 'R-缺表',
      message: `未找到${TABLE_NAMES[id]}（${tableNumber(id)}）。请确认工作簿中有这张表，且表头标题未被改动。`,
      cells: [],
      table: id,
    });
  }
  // Tables 2, 3 and 5 state their 合计 row; without it the totals cannot be checked or quoted.
  for (const id of ['T2', 'T3', 'T5'] as const) {
    const t = accounts[id];
    if (!t || t.location.empty || t.total || !t.rows.length) continue;
    accounts.issues.push({
      severity: '错误',
      code: 'R-缺合计',
      message: `${TABLE_NAMES[id]}（${t.location.sheet}!${t.location.range}）中没有找到“合计”行，可能被删除：表内合计无法核对，说明中的合计数也无法取得。请恢复合计行后再运行。`,
      cells: [`${t.location.sheet}!${t.location.range}`],
      table: id,
    });
  }
  if (accounts.facts.year === undefined) {
    const inferred = inferYearFromCodes(accounts);
    if (inferred) {
      accounts.facts.year = inferred.year;
      accounts.facts.yearFrom = 'codes';
      accounts.facts.yearSource = inferred.source;
      // Several catalogue years fitting equally well is a guess: said as a warning, so that generate shows it.
      accounts.issues.push({ severity: inferred.tied ? '警告' : '提示', code: 'R-年度推断', message: `${inferred.source}。如年度不对，请在标题中注明年度或用 --year 指定。`, cells: [] });
    }
  }
  if (otherYears.length && !ignored.some((f) => f.year && f.year !== year)) {
    accounts.issues.push({
      severity: '警告',
      code: 'R-年度不一致',
      message: `表头中出现了不同的年度（${[year, ...otherYears].join('、')}），已按${year}年度读取，请核对各表标题。`,
      cells: found.filter((f) => f.year && f.year !== year).map((f) => `${f.location.sheet}!${f.location.titleCell ?? f.location.range}`),
    });
  }
  return accounts;
}

/** Every Figure inside a parsed table (lines, rows, items, 三公 columns), in no particular order. */
export function figuresOf(parsed: unknown): Figure[] {
  const out: Figure[] = [];
  const walk = (x: unknown, depth: number) => {
    if (!x || typeof x !== 'object' || depth > 6) return;
    if (Array.isArray(x)) {
      for (const y of x) walk(y, depth + 1);
      return;
    }
    const o = x as Record<string, unknown>;
    if (typeof o.fen === 'number' && typeof o.halfWidth === 'number' && typeof o.cell === 'string') {
      out.push(o as unknown as Figure);
      return;
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'location') walk(v, depth + 1);
  };
  walk(parsed, 0);
  return out;
}

/**
 * Precision from the data, per table and never per value (README, 校验): each table's figures decide
 * together how the table was rounded, and every figure — blanks included — carries that half-width.
 * A 元 table with too few amounts to tell takes the decision of all the workbook's 元 figures.
 */
function applyTablePrecision(tables: Found[]): void {
  const figs = new Map<Found, Figure[]>();
  for (const f of tables) if (f.parsed) figs.set(f, figuresOf(f.parsed));
  const shown = (xs: Figure[]) => xs.filter((x) => !x.blank);
  const workbook: Partial<Record<MoneyUnit, TablePrecision | undefined>> = {};
  for (const unit of ['yuan', 'wanyuan'] as MoneyUnit[]) {
    const all = [...figs.entries()].filter(([f]) => f.location.unit === unit).flatMap(([, xs]) => shown(xs));
    workbook[unit] = decideTablePrecision(unit, all);
  }
  for (const [f, xs] of figs) {
    const p = decideTablePrecision(f.location.unit, shown(xs)) ?? workbook[f.location.unit];
    if (!p) continue;
    f.location.precision = p;
    for (const x of xs) x.halfWidth = p.halfWidth;
  }
}

/**
 * Year and unit name from a banner line such as "上海市XX局2024年度部门决算表" or "2021年度部门决算公开表",
 * for books whose table titles carry neither.
 */
function bannerFacts(snapshot: WorkbookSnapshot): { year?: number; unitName?: string; cell: string } | undefined {
  const votes = new Map<number, { n: number; cell: string; unitName?: string }>();
  for (const sheet of snapshot.sheets) {
    if (isOwnedSheetName(sheet.name)) continue;
    const grid = new Grid(sheet);
    for (let r = 0; r < Math.min(grid.rowCount, 400); r++) {
      for (let c = 0; c < grid.colCount; c++) {
        const t = arabicYears(grid.text(r, c).replace(/\s+/g, ''));
        if (!t || t.length > 60 || /[。；]/.test(t) || /^(注|说明)/.test(t)) continue;
        const m = /^(.*?)((?:19|20)\d{2})年度?(.*)$/.exec(t);
        if (!m || !(/决算|年度$/.test(t))) continue;
        const y = parseInt(m[2], 10);
        const e = votes.get(y) || { n: 0, cell: grid.ref(r, c) };
        e.n++;
        if (!e.unitName && /决算/.test(m[3])) e.unitName = unitNameInPrefix(m[1]);
        votes.set(y, e);
      }
    }
  }
  const top = [...votes.entries()].sort((a, b) => b[1].n - a[1].n || b[0] - a[0])[0];
  return top ? { year: top[0], unitName: top[1].unitName, cell: top[1].cell } : undefined;
}

function readRegion(region: Region): Found | undefined {
  const { grid } = region;
  let id: TableId | string | undefined = region.match?.id;
  let standard = !!id;
  let name = id ? TABLE_NAMES[id as TableId] : region.match?.title;
  if (!id && region.match) {
    id = `X:${region.match.title}`;
    name = region.titleText.replace(/\s+/g, '');
  }
  if (!id) {
    const sig = signatureOf(region);
    if (!sig) return undefined;
    id = sig;
    standard = true;
    name = TABLE_NAMES[sig];
  }
  const headerStart = headerStartRow(region);
  const info = regionInfo(region, headerStart);
  const issues: ReadIssue[] = [];
  const unit: MoneyUnit = info.unit ?? 'wanyuan';
  const bounds = usedBounds(region);
  const location: TableLocation = {
    id,
    name: name || String(id),
    title: region.titleText.trim(),
    sheet: grid.name,
    range: rangeA1(bounds),
    titleCell: region.titled ? grid.ref(region.titleRow, region.titleCol).split('!')[1] : undefined,
    unit,
    unitCell: info.unitCell,
    unitAssumed: !info.unit,
    empty: false,
    notes: info.notes,
    columns: [],
  };
  const prefix = region.match?.prefix ?? '';
  const year = yearIn(prefix) ?? info.years[0]?.year ?? yearIn(grid.name);
  const unitName = unitNameInPrefix(prefix) ?? info.unitName?.name;
  const found: Found = {
    id,
    standard,
    region,
    location,
    year,
    unitName,
    unitNameCell: unitNameInPrefix(prefix) ? grid.ref(region.titleRow, region.titleCol) : info.unitName?.cell,
    issues,
  };
  if (!standard) return found;
  if (!info.unit) {
    issues.push({
      severity: '提示',
      code: 'R-单位未注明',
      message: `${location.name}没有“单位：万元/元”的说明，已按万元读取。`,
      cells: [`${grid.name}!${location.range.split(':')[0]}`],
      table: id,
    });
  }
  const ctx = { unit, issues, textCells: [] as string[] };
  const tid = id as TableId;
  switch (tid) {
    case 'T1':
    case 'T4':
      found.parsed = parseTwoSided(region, tid, headerStart, ctx, location);
      break;
    case 'T2':
    case 'T3':
    case 'T5':
    case 'T8':
    case 'T9': {
      const t = parseCodedTable(region, tid, headerStart, ctx, location);
      if (isEmptyTable(region, headerStart, t, info.noDataNote)) {
        location.empty = true;
        if (!info.noDataNote && t.rows.length === 0) {
          issues.push({
            severity: '提示',
            code: 'R-空表无说明',
            message: `${location.name}没有数据，也没有“本年度没有…收入和支出，故本表无数据”的说明。`,
            cells: [`${grid.name}!${location.range}`],
            table: tid,
          });
        }
      } else if (t.rows.length === 0 && !t.total) {
        issues.push({
          severity: '错误',
          code: 'R-表内无数据',
          message: `${location.name}（${grid.name}!${location.range}）中没有读到任何科目行。`,
          cells: [`${grid.name}!${location.range}`],
          table: tid,
        });
      }
      found.parsed = t;
      break;
    }
    case 'T6':
      found.parsed = parseBasicExpenditure(region, tid, headerStart, ctx, location);
      location.empty = isEmptyTable(region, headerStart, found.parsed, info.noDataNote);
      break;
    case 'T7': {
      const t = parseThreePublic(region, tid, headerStart, ctx, location);
      found.parsed = t;
      if (isEmptyTable(region, headerStart, t, info.noDataNote)) {
        // No 三公 spending: every item is 0 downstream (rules, narrative, rates), never "missing".
        location.empty = true;
        for (const side of [t.budget, t.actual]) for (const k of THREE_PUBLIC_KEYS) side[k] = side[k] ?? emptyFigure(location);
      }
      break;
    }
  }
  if ((tid === 'T1' || tid === 'T4') && found.parsed) location.empty = isEmptyTable(region, headerStart, found.parsed, info.noDataNote);
  if (!location.empty && found.parsed) strayAmounts(found, region, headerStart, info.noDataNote);
  for (const i of issues) i.table = i.table ?? tid;
  if (location.empty) {
    // An empty table needs no 科目编码 column, and its "0.00" texts are no amounts anyone sums.
    for (let i = issues.length - 1; i >= 0; i--) if (issues[i].code === 'R-无科目编码') issues.splice(i, 1);
  } else textNumberNotice(found, ctx.textCells);
  return found;
}

const THREE_PUBLIC_KEYS: ThreePublicKey[] = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleRunning', 'reception'];

/**
 * A table is empty when nothing in it is a non-zero amount: its data row is blank, "—", 0 or 0.00, it has no
 * data row, or a note says so ("本表无数据", "没有…支出"). Only when the region itself holds no non-zero number
 * either: a table whose amounts could not be placed is a reading problem, not empty.
 */
function isEmptyTable(region: Region, headerStart: number, parsed: unknown, _noDataNote: boolean): boolean {
  if (figuresOf(parsed).some((f) => f.fen !== 0)) return false;
  // A non-zero amount anywhere below the header makes the table not empty, whatever its note says: a 合计 of
  // 10,000 under "本表无数据" is a contradiction to report, never a silent zero.
  return !regionHasAmounts(region, headerStart);
}

/** Any non-zero number below the header that is not a 科目编码 or a 行次/栏次 number. */
function regionHasAmounts(region: Region, headerStart: number): boolean {
  return regionAmountCells(region, headerStart, 1).length > 0;
}

/** The cells (up to `limit`) below the header holding a non-zero number that is not a 科目编码 or a 行次/栏次 number. */
function regionAmountCells(region: Region, headerStart: number, limit = Infinity): { ref: string; text: string }[] {
  const { grid } = region;
  const out: { ref: string; text: string }[] = [];
  const rows: number[] = [];
  for (let r = headerStart; r <= region.r1; r++) if (!isAuxRow(grid, region, r)) rows.push(r);
  const numberAt = (r: number, c: number) => {
    const v = grid.cell(r, c)?.v;
    const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
    const d = text ? parseDecimal(text) : null;
    return d && d.digits !== 0n ? { text, d } : undefined;
  };
  // A 行次 / 序号 column: headed so, or holding more than one small whole number. A lone 1 typed into an amount
  // column (1 万元 as a number) is an amount.
  const rowNumberColumns = new Set<number>();
  for (let c = region.c0; c <= region.c1; c++) {
    let small = 0;
    for (const r of rows) {
      const n = numberAt(r, c);
      if (n && n.d.scale === 0 && Math.abs(Number(n.d.digits)) < 100) small++;
    }
    let headed = false;
    for (let r = region.r0; r < headerStart + 4 && r <= region.r1; r++) if (/^(行次|栏次|序号|行号)$/.test(norm(grid.text(r, c)))) headed = true;
    if (small > 1 || headed) rowNumberColumns.add(c);
  }
  for (const r of rows) {
    for (const x of grid.rowCells(r, region.c0, region.c1)) {
      const n = numberAt(r, x.c);
      if (!n) continue;
      // Codes (201, 2010301, 30101) and row numbers are integers that are not amounts.
      if (n.d.scale === 0 && (/^[23]\d{2}(\d{2}){0,2}$/.test(n.text) || (rowNumberColumns.has(x.c) && Math.abs(Number(n.d.digits)) < 100))) continue;
      out.push({ ref: grid.ref(r, x.c), text: n.text });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/**
 * A table that reads as all zeros while non-zero amounts stand below its header (a 合计 typed into a table that
 * says "本表无数据", a figure in a row the reader cannot place): those amounts were not read, so the table is not
 * empty and not checked either. One 错误 naming every such cell — never a silent 0 downstream. It replaces the
 * less useful "no code column" / "no rows" findings of the same table.
 */
function strayAmounts(found: Found, region: Region, headerStart: number, noDataNote: boolean): void {
  if (!figuresOf(found.parsed).every((f) => f.fen === 0)) return;
  const stray = regionAmountCells(region, headerStart);
  if (!stray.length) return;
  const { issues, location } = found;
  for (let i = issues.length - 1; i >= 0; i--) if (issues[i].code === 'R-无科目编码' || issues[i].code === 'R-表内无数据') issues.splice(i, 1);
  const shown = stray.slice(0, 3).map((x) => `${x.ref}（${x.text}）`).join('、');
  issues.push({
    severity: '错误',
    code: 'R-空表有金额',
    message: `${location.name}${noDataNote ? '注明本表无数据，但' : '没有读到任何科目行或合计行，但'}${shown}${stray.length > 3 ? ` 等 ${stray.length} 个单元格` : ''}有金额，未能按科目读入，也未参与校验，请核对。`,
    cells: stray.map((x) => x.ref),
    table: location.id,
  });
}

/** A zero standing for an item of an empty table, pointing at the table (it was not read from a cell). */
function emptyFigure(location: TableLocation): Figure {
  return {
    fen: 0,
    cell: `${location.sheet}!${location.range}`,
    sheet: location.sheet,
    row: 0,
    col: 0,
    raw: '',
    halfWidth: 0.5,
    blank: true,
    fromText: false,
    hiddenPrecision: false,
    formula: false,
  };
}

/** One notice per table when amounts were stored as text (they are read, but Excel cannot sum them). */
function textNumberNotice(found: Found, cells: string[]): void {
  if (cells.length) {
    found.issues.push({
      severity: '提示',
      code: 'R-文本数字',
      message: `${found.location.name}中有 ${cells.length} 个金额是以文本形式保存的数字（如 ${cells[0]}），已按数值读取；Excel 的求和公式不会计入这些单元格。`,
      cells: cells.slice(0, 50),
      table: found.id,
    });
  }
}

/** The used rectangle of a region (title to last non-empty row). */
function usedBounds(region: Region) {
  const { grid } = region;
  let r1 = region.r0;
  let c0 = region.c1;
  let c1 = region.c0;
  for (let r = region.r0; r <= region.r1; r++) {
    for (let c = region.c0; c <= region.c1; c++) {
      if (grid.text(r, c).trim() === '') continue;
      r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
      const m = grid.merge(r, c);
      if (m && m.c1 > c1) c1 = Math.min(m.c1, region.c1);
    }
  }
  if (c0 > c1) {
    c0 = region.c0;
    c1 = region.c0;
  }
  return { r0: region.r0, c0: Math.min(c0, region.c0 === 0 ? c0 : region.c0), r1, c1 };
}

function sheetOrder(snapshot: WorkbookSnapshot, name: string): number {
  return snapshot.sheets.findIndex((s) => s.name === name);
}

function rowOf(range: string): number {
  const m = /\d+/.exec(range);
  return m ? parseInt(m[0], 10) : 0;
}

function tableNumber(id: TableId): string {
  return `第${id.slice(1)}张标准表`;
}
