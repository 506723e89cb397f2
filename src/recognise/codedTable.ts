/**
 * Classified tables (T2 收入决算表, T3 支出决算表, T5 一般公共预算财政拨款支出决算表, T8, T9):
 * a 功能分类 code in one column ("2010301") or in 类/款/项 columns, a name, and amount columns keyed
 * by what their header says.
 */
import { CodeLevel, CodedRow, CodedTable, ColumnInfo, ReadIssue, TableId } from '../model/types';
import { AmountContext, isBlankOrDash, looksNumeric, readFigure } from './amounts';
import { norm } from './grid';
import { Region } from './regions';
import { firstRow, headerPaths, isAuxRow } from './layout';
import { MoneyUnit } from '../money/money';

type KeyRule = [string, RegExp];

/** Header keywords → column keys, most specific first. Matched against the header path joined by "/". */
export const CODED_COLUMN_RULES: Record<string, KeyRule[]> = {
  T2: [
    ['affiliated', /附属单位上缴/],
    ['superior', /上级补助/],
    ['business', /事业收入/],
    ['operating', /经营收入/],
    ['other', /其他收入/],
    ['fiscal', /财政拨款/],
    ['total', /收入合计|合计|小计|^收入$/],
  ],
  T3: [
    ['remit', /上缴上级/],
    ['subsidy', /对附属单位补助|附属单位补助/],
    ['operating', /经营支出/],
    ['basicPersonnel', /人员经费/],
    ['basicPublic', /公用经费/],
    ['basic', /基本支出/],
    ['project', /项目支出/],
    ['total', /支出合计|合计|小计/],
  ],
  T5: [
    ['basicPersonnel', /人员经费/],
    ['basicPublic', /公用经费/],
    ['basic', /基本支出/],
    ['project', /项目支出/],
    ['total', /合计|小计|决算数|金额/],
  ],
  T8: [
    ['opening', /年初/],
    ['closing', /年末/],
    ['income', /本年收入/],
    ['basic', /基本支出/],
    ['project', /项目支出/],
    ['expTotal', /本年支出|支出合计|合计|小计/],
  ],
};
CODED_COLUMN_RULES.T9 = CODED_COLUMN_RULES.T8;

/** Column keys in the standard left-to-right order, used when a header is missing or unreadable. */
const DEFAULT_ORDER: Record<string, string[]> = {
  T2: ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'],
  T3: ['total', 'basic', 'project', 'remit', 'operating', 'subsidy'],
  T5: ['total', 'basic', 'project'],
  T8: ['opening', 'income', 'expTotal', 'basic', 'project', 'closing'],
  T9: ['opening', 'income', 'expTotal', 'basic', 'project', 'closing'],
};

const CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;
const TOTAL_RE = /^(合计|总计|合\s*计|本年收入合计|本年支出合计|支出合计|收入合计)$/;

/** Code text from an already normalised cell text ("2010301", "201-03-01"). */
function codeText(s: string): string {
  return s.indexOf('-') < 0 && s.indexOf('_') < 0 ? s : s.replace(/[-_]/g, '');
}

/** Split "2010301行政运行" or "201 一般公共服务支出" into code and name. */
function leadingCode(text: string): { code: string; name: string } | undefined {
  // The name never starts with ".", "," or a digit: "67159.92" is an amount, not 67159 + ".92".
  const m = /^\s*[[【（(]?(\d{3}(?:\s*\d{2}){0,2})[\]】）)]?[\s.．、:：\-—]*([^\d\s.．,，].*)$/s.exec(text);
  if (!m) return undefined;
  const code = m[1].replace(/\s+/g, '');
  return CODE_RE.test(code) ? { code, name: m[2].trim() } : undefined;
}

interface CodeLayout {
  kind: 'single' | 'split' | 'inName';
  cols: number[]; // single: [code]; split: [类, 款, 项]; inName: []
  nameCol: number;
}

function findCodeLayout(region: Region, paths: Map<number, string[]>, dataRows: number[]): CodeLayout | undefined {
  const { grid } = region;
  // Split 类/款/项 by header words.
  const cols = [...paths.keys()];
  const last = (c: number) => (paths.get(c) || []).slice(-1)[0] || '';
  for (const c of cols) {
    if (last(c) === '类' && last(c + 1) === '款' && last(c + 2) === '项') {
      const nameCol = findNameCol(region, paths, c + 3, dataRows);
      return { kind: 'split', cols: [c, c + 1, c + 2], nameCol };
    }
  }
  // By content: the column with the most distinct code-like cells. Whole-元 amounts look like codes too
  // ("97200", "94219"), so: codes in a column are distinct, 支出功能分类 codes start with 2, a 款/项 code sits under
  // a 类/款 of the same column (amounts form no hierarchy), and a header that says 编码/代码 wins outright.
  let best = -1;
  let bestCount = 0;
  for (const c of cols) {
    const codes = new Set<string>();
    for (const r of dataRows) {
      const t = codeText(grid.norm(r, c));
      if (CODE_RE.test(t)) codes.add(t);
    }
    let n = 0;
    for (const t of codes) {
      if (t[0] !== '2') n += 0.5;
      else n += t.length === 3 || codes.has(t.slice(0, t.length - 2)) ? 2 : 1;
    }
    if (n > 0 && /编码|代码/.test((paths.get(c) || []).join('/'))) n += 1000;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  // Codes written inside the name cells ("[2010301]行政运行"): when more rows carry them than any column carries
  // bare codes, the bare "codes" are amounts (whole 元 such as 200 or 2010301 look like codes).
  let inNameCol = -1;
  let inNameCount = 0;
  for (const c of cols) {
    let n = 0;
    for (const r of dataRows) if (leadingCode(grid.text(r, c))) n++;
    if (n > inNameCount) {
      inNameCol = c;
      inNameCount = n;
    }
  }
  if (inNameCol >= 0 && inNameCount > bestCount) return { kind: 'inName', cols: [], nameCol: inNameCol };
  if (best >= 0) {
    // Split layout without 类/款/项 headers: 3 digits, then 2-digit columns.
    let twoDigit = 0;
    for (const r of dataRows) if (/^\d{2}$/.test(codeText(grid.norm(r, best + 1)))) twoDigit++;
    if (twoDigit > 0 && [...dataRows].every((r) => !/^\d{5,7}$/.test(codeText(grid.norm(r, best))))) {
      return { kind: 'split', cols: [best, best + 1, best + 2], nameCol: findNameCol(region, paths, best + 3, dataRows) };
    }
    return { kind: 'single', cols: [best], nameCol: findNameCol(region, paths, best + 1, dataRows) };
  }
  // Codes written inside the name cell.
  for (const c of cols) {
    let n = 0;
    for (const r of dataRows) if (leadingCode(grid.text(r, c))) n++;
    if (n >= 1) return { kind: 'inName', cols: [], nameCol: c };
  }
  return undefined;
}

function findNameCol(region: Region, paths: Map<number, string[]>, from: number, dataRows: number[]): number {
  for (const [c, segs] of paths) if (c >= from - 1 && segs.some((s) => /名称/.test(s))) return c;
  // First column at or after `from` holding text that is not a number.
  for (let c = from; c <= region.c1; c++) {
    if (dataRows.some((r) => /[\u4e00-\u9fa5]/.test(region.grid.text(r, c)))) return c;
  }
  return from;
}

export interface CodedParse {
  table: CodedTable;
}

export function parseCodedTable(
  region: Region,
  id: TableId,
  headerStart: number,
  ctx: { unit: MoneyUnit; issues: ReadIssue[]; textCells?: string[] },
  location: CodedTable['location'],
): CodedTable {
  const { grid } = region;
  const isData = (r: number) => {
    for (let c = region.c0; c <= Math.min(region.c1, region.c0 + 4); c++) {
      const t = codeText(grid.norm(r, c));
      if (CODE_RE.test(t) && !/^\d{1,2}$/.test(t)) return true;
      if (TOTAL_RE.test(grid.mergedNorm(r, c)) && rowHasAmount(region, r, c + 1)) return true;
      if (leadingCode(grid.text(r, c))) return true;
    }
    return false;
  };
  const dataStart = firstRow(region, headerStart, isData);
  const paths = headerPaths(region, headerStart, dataStart);
  const dataRows: number[] = [];
  for (let r = dataStart; r <= region.r1; r++) if (!isAuxRow(grid, region, r)) dataRows.push(r);
  const layout = findCodeLayout(region, paths, dataRows);
  const table: CodedTable = { location, rows: [] };
  if (!layout) {
    if (dataRows.some((r) => rowHasAmount(region, r, region.c0))) {
      ctx.issues.push({
        severity: '错误',
        code: 'R-无科目编码',
        message: `${location.name}（${grid.name}）中找不到功能分类科目编码列，无法按科目读取。`,
        cells: [location.range ? `${grid.name}!${location.range}` : grid.name],
        table: id,
      });
    }
    return table;
  }
  const skip = new Set<number>([...layout.cols, layout.nameCol]);
  // Amount columns from the header.
  const rules = CODED_COLUMN_RULES[id];
  const columns: ColumnInfo[] = [];
  const used = new Set<string>();
  for (let c = region.c0; c <= region.c1; c++) {
    if (skip.has(c)) continue;
    const segs = paths.get(c) || [];
    const path = segs.join('/');
    if (/行次|栏次/.test(path)) continue;
    if (/编码|代码|名称|^项目$/.test(segs[segs.length - 1] || '')) continue;
    // A column of last year's figures ("上年决算数", added by hand for the 说明) is not this year's.
    const prior = /上年|上期|去年|以前年度(?!结转)/.test(path);
    const rule = prior ? undefined : rules.find(([, re]) => re.test(path));
    if (!rule) {
      if (path && dataRows.some((r) => looksNumeric(grid, r, c))) columns.push({ key: `?${path}`, header: path, col: c });
      continue;
    }
    let key = rule[0];
    if (used.has(key)) key = `${key}#${c}`;
    used.add(key);
    columns.push({ key, header: path, col: c });
  }
  if (!columns.some((x) => !x.key.startsWith('?'))) {
    // No readable header: take numeric columns in the standard order.
    columns.length = 0;
    const order = DEFAULT_ORDER[id];
    const numeric: number[] = [];
    for (let c = region.c0; c <= region.c1; c++) if (!skip.has(c) && dataRows.some((r) => looksNumeric(grid, r, c))) numeric.push(c);
    numeric.slice(0, order.length).forEach((c, i) => columns.push({ key: order[i], header: '（按标准列序推定）', col: c }));
    if (numeric.length) {
      ctx.issues.push({
        severity: '警告',
        code: 'R-表头不明',
        message: `${location.name}（${grid.name}）的表头无法识别，已按标准列序读取金额列，请核对。`,
        cells: [grid.ref(headerStart, region.c0)],
        table: id,
      });
    }
  }
  location.columns = columns;
  const amountCtx: AmountContext = { grid, unit: ctx.unit, issues: ctx.issues, table: id, textCells: ctx.textCells };
  let parents = ['', '', ''];
  let prev: CodedRow | undefined;
  /** The last row read into the table (a data row or a wrapped name's second line). */
  let lastRow = -1;
  for (const r of dataRows) {
    const cellsText = grid.rowCells(r, region.c0, region.c1);
    if (cellsText.length === 0) continue;
    if (cellsText.some((x) => /^\s*(注|说明|备注)\s*[:：\d１２３一二三]/.test(x.text))) break;
    let code = '';
    let codeCells: string[] = [];
    let name = grid.norm(r, layout.nameCol) ? grid.text(r, layout.nameCol).replace(/\s*\n\s*/g, '').trim() : '';
    if (layout.kind === 'single') {
      const t = codeText(grid.norm(r, layout.cols[0]));
      if (CODE_RE.test(t)) code = t;
      else if (t && !TOTAL_RE.test(t)) {
        const lc = leadingCode(grid.text(r, layout.cols[0]));
        if (lc) {
          code = lc.code;
          if (!name) name = lc.name;
        }
      }
      if (!name && TOTAL_RE.test(grid.mergedNorm(r, layout.cols[0]))) name = '合计';
      codeCells = [grid.ref(r, layout.cols[0])];
    } else if (layout.kind === 'split') {
      const parts = layout.cols.map((c) => codeText(grid.norm(r, c)));
      if (/^\d{3}$/.test(parts[0]) || /^\d{2}$/.test(parts[1]) || /^\d{2}$/.test(parts[2])) {
        const cls = /^\d{3}$/.test(parts[0]) ? parts[0] : parents[0];
        const kuan = /^\d{2}$/.test(parts[1]) ? parts[1] : parts[2] && /^\d{2}$/.test(parts[2]) ? parents[1] : '';
        const xiang = /^\d{2}$/.test(parts[2]) ? parts[2] : '';
        if (cls) {
          code = cls + kuan + xiang;
          parents = [cls, kuan || parents[1], ''];
          if (!kuan) parents[1] = '';
        }
      }
      if (!name && TOTAL_RE.test(grid.mergedNorm(r, layout.cols[0]))) name = '合计';
      codeCells = layout.cols.map((c) => grid.ref(r, c));
    } else {
      const lc = leadingCode(grid.text(r, layout.nameCol));
      if (lc) {
        code = lc.code;
        name = lc.name.replace(/\s*\n\s*/g, '');
      }
      codeCells = [grid.ref(r, layout.nameCol)];
    }
    const isTotal = !code && TOTAL_RE.test(norm(name));
    const hasAmount = columns.some((col) => !isBlankOrDash(grid, r, col.col));
    if (!code && !isTotal) {
      if (name && !hasAmount && prev && !/^\d/.test(name) && r === lastRow + 1) {
        // A name wrapped onto the next row: append it. Only the row right below: after a blank row, text is
        // the next table's banner or a note, never the rest of a name.
        prev.name += name;
        lastRow = r;
        continue;
      }
      if (columns.some((col) => looksNumeric(grid, r, col.col))) {
        ctx.issues.push({
          severity: '警告',
          code: 'R-缺科目编码',
          message: `${location.name}第${r + 1}行“${name || '（无名称）'}”有金额但没有科目编码，未读入。`,
          cells: [grid.ref(r, layout.nameCol)],
          table: id,
        });
      }
      continue;
    }
    const level: CodeLevel = isTotal ? 'total' : code.length === 3 ? 'class' : code.length === 5 ? 'item' : 'subitem';
    const values: CodedRow['values'] = {};
    for (const col of columns) values[col.key] = readFigure(amountCtx, r, col.col);
    const row: CodedRow = { code: isTotal ? '' : code, level, name: isTotal ? '合计' : name, nameCell: grid.ref(r, layout.nameCol), codeCells, row: r, values };
    if (grid.hiddenRows.has(r)) {
      ctx.issues.push({
        severity: '提示',
        code: 'R-隐藏行',
        message: `${location.name}第${r + 1}行（${row.code} ${row.name}）被隐藏，仍按表中数据读入并参与合计。`,
        cells: [grid.ref(r, layout.nameCol)],
        table: id,
      });
    }
    if (isTotal) {
      if (!table.total) table.total = row;
      else {
        // A second 合计 row: which one the publisher meant is not for the reader to guess when they differ.
        const first = table.total;
        const differs = columns.filter((col) => (first.values[col.key]?.fen ?? null) !== (values[col.key]?.fen ?? null));
        ctx.issues.push({
          severity: differs.length ? '错误' : '提示',
          code: 'R-重复合计',
          message: differs.length
            ? `${location.name}第${first.row + 1}行和第${r + 1}行都是“合计”，金额不同（${differs.map((c) => grid.ref(r, c.col).split('!').pop()).slice(0, 4).join('、')} 等）：已按第${first.row + 1}行读取，请删去多余的合计行或核对金额。`
            : `${location.name}第${r + 1}行重复了第${first.row + 1}行的“合计”，按第${first.row + 1}行读取。`,
          cells: [first.nameCell, row.nameCell],
          table: id,
        });
      }
    } else table.rows.push(row);
    prev = row;
    lastRow = r;
  }
  return table;
}

function rowHasAmount(region: Region, r: number, from: number): boolean {
  for (let c = from; c <= region.c1; c++) if (looksNumeric(region.grid, r, c)) return true;
  return false;
}
