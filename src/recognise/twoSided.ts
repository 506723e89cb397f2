/**
 * Two-sided tables: T1 收入支出决算总表 and T4 财政拨款收入支出决算总表. Income lines on the left,
 * expenditure lines (one per 功能分类 类) on the right, each label followed by its amount column(s);
 * 行次 columns are skipped. Lines are recognised by their wording, never by 行次 numbers.
 */
import { ColumnInfo, Line, ReadIssue, TableId, TwoSidedTable } from '../model/types';
import { AmountContext, looksNumeric, readFigure } from './amounts';
import { norm } from './grid';
import { Region } from './regions';
import { firstRow, headerPaths, isAuxRow } from './layout';
import { classCodeForName, stripOrdinal } from '../catalogue/classes';
import { MoneyUnit } from '../money/money';

/** Canonical line keys and the wordings that name them (normalised, ordinal stripped). */
const INCOME_LINES: [string, RegExp][] = [
  ['generalBudget', /^一般公共预算财政拨款(收入)?$/],
  ['governmentFund', /^政府性基金预算财政拨款(收入)?$/],
  ['stateCapital', /^国有资本经营预算财政拨款(收入)?$/],
  ['fiscal', /^财政拨款(收入)?$/],
  ['superiorSubsidy', /^上级补助收入$/],
  ['business', /^事业收入$/],
  ['operating', /^经营收入$/],
  ['affiliated', /^附属单位上缴收入$/],
  ['other', /^其他收入$/],
  ['incomeTotal', /^(本年)?收入(合计|小计)$/],
  ['useNonFiscalBalance', /^(使用非财政拨款结余|用事业基金弥补收支差额|使用非财政拨款结余（含专用结余）|使用专用结余|使用非财政拨款结余和专用结余)/],
  ['openingBalance', /^年初(财政拨款)?结转和结余$/],
  ['grandTotal', /^(收入)?总计$/],
];

const EXPENDITURE_LINES: [string, RegExp][] = [
  ['expenditureTotal', /^(本年)?支出(合计|小计)$/],
  ['surplusDistribution', /^结余分配$/],
  ['closingBalance', /^年末(财政拨款)?结转和结余$/],
  ['grandTotal', /^(支出)?总计$/],
];

const FUND_SUBLINES: [string, RegExp][] = [
  ['generalBudget', /^一般公共预算(财政拨款)?(收入)?$/],
  ['governmentFund', /^政府性基金预算(财政拨款)?(收入)?$/],
  ['stateCapital', /^国有资本经营预算(财政拨款)?(收入)?$/],
];

function labelKey(text: string): { side: 'income' | 'expenditure' | 'either'; key: string } | undefined {
  const t = norm(stripOrdinal(norm(text))).replace(/^其中[:：]?/, '');
  if (!t) return undefined;
  for (const [key, re] of INCOME_LINES) if (re.test(t)) return { side: key === 'grandTotal' ? 'either' : 'income', key };
  for (const [key, re] of EXPENDITURE_LINES) if (re.test(t)) return { side: key === 'grandTotal' ? 'either' : 'expenditure', key };
  const cls = classCodeForName(t);
  if (cls) return { side: 'expenditure', key: `class:${cls}` };
  // 类 lines written with their code or a level suffix: "201 一般公共服务支出", "[208]社会保障和就业支出（类）".
  const m = /^[[【（]?(\d{3})[\]】）]?[.．、:\-—]*(.+)$/.exec(t);
  const name = (m ? m[2] : t).replace(/（类）$/, '');
  if (name !== t && /[\u4e00-\u9fa5]/.test(name)) {
    const byName = classCodeForName(name);
    if (byName) return { side: 'expenditure', key: `class:${byName}` };
    if (m && /支出$/.test(name)) return { side: 'expenditure', key: `class:${m[1]}` };
  }
  return undefined;
}

/** Expenditure column keys of T4 (and T1 when it has one amount column: "amount"). */
const T4_EXP_COLUMNS: [string, RegExp][] = [
  ['general', /一般公共预算/],
  ['fund', /政府性基金/],
  ['capital', /国有资本/],
  ['total', /合计|小计|决算数|金额/],
];

export function parseTwoSided(
  region: Region,
  id: TableId,
  headerStart: number,
  ctx: { unit: MoneyUnit; issues: ReadIssue[]; textCells?: string[] },
  location: TwoSidedTable['location'],
): TwoSidedTable {
  const { grid } = region;
  const table: TwoSidedTable = { location, income: [], expenditure: [] };
  // Label columns: where known line wordings are found.
  const incomeVotes = new Map<number, number>();
  const expVotes = new Map<number, number>();
  const labelRows = new Map<number, number[]>();
  for (let r = headerStart; r <= region.r1; r++) {
    for (let c = region.c0; c <= region.c1; c++) {
      const k = labelKey(grid.text(r, c));
      if (!k || k.side === 'either') continue;
      const votes = k.side === 'income' ? incomeVotes : expVotes;
      votes.set(c, (votes.get(c) || 0) + 1);
      labelRows.set(c, [...(labelRows.get(c) || []), r]);
    }
  }
  const top = (m: Map<number, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  const incomeCol = top(incomeVotes);
  const expCol = top(expVotes);
  // The first data row: the first label in the chosen label columns (a header cell such as
  // "一般公共预算财政拨款" over a T4 amount column is not a line label).
  const firstLabelRow = Math.min(
    region.r1 + 1,
    ...[incomeCol, expCol].filter((c): c is number => c !== undefined).map((c) => labelRows.get(c)![0]),
  );
  if (incomeCol === undefined && expCol === undefined) {
    ctx.issues.push({
      severity: '错误',
      code: 'R-无收支项目',
      message: `${location.name}（${grid.name}）中找不到收入或支出项目，无法读取。`,
      cells: [`${grid.name}!${location.range}`],
      table: id,
    });
    return table;
  }
  const dataStart = firstRow(region, headerStart, (r) => r >= firstLabelRow);
  const paths = headerPaths(region, headerStart, dataStart);
  const labelCols = [incomeCol, expCol].filter((c): c is number => c !== undefined).sort((a, b) => a - b);
  const sameColumn = incomeCol !== undefined && incomeCol === expCol;
  const amountCols = (labelCol: number): ColumnInfo[] => {
    const next = labelCols.find((c) => c > labelCol) ?? region.c1 + 1;
    const cols: ColumnInfo[] = [];
    for (let c = labelCol + 1; c < next; c++) {
      const path = (paths.get(c) || []).join('/');
      if (/行次|栏次/.test(path)) continue;
      if (isRowNumberColumn(region, c, dataStart)) continue;
      let hasNum = false;
      for (let r = dataStart; r <= region.r1 && !hasNum; r++) hasNum = looksNumeric(grid, r, c);
      if (!hasNum && !/决算|金额|合计|预算/.test(path)) continue;
      cols.push({ key: '', header: path, col: c });
    }
    return cols;
  };
  const incomeCols = incomeCol !== undefined ? amountCols(incomeCol) : [];
  const expCols = expCol !== undefined ? amountCols(expCol) : [];
  keyColumns(incomeCols, id === 'T4' ? 'income' : 'single');
  keyColumns(expCols, id === 'T4' ? 'exp' : 'single');
  location.columns = [
    ...incomeCols.map((c) => ({ ...c, key: `income.${c.key}` })),
    ...expCols.map((c) => ({ ...c, key: `expenditure.${c.key}` })),
  ];
  const amountCtx: AmountContext = { grid, unit: ctx.unit, issues: ctx.issues, table: id, textCells: ctx.textCells };
  // Sub-lines under 年初/年末 财政拨款结转和结余 (T4) repeat the fund names: prefix them.
  let incomeScope = '';
  let expScope = '';
  let seenIncomeGrand = false;
  const read = (r: number, labelCol: number, cols: ColumnInfo[], side: 'income' | 'expenditure'): Line | undefined => {
    const label = grid.text(r, labelCol).trim();
    if (!label) return undefined;
    let k = labelKey(label);
    const t = norm(stripOrdinal(norm(label))).replace(/^其中[:：]?/, '');
    const scope = side === 'income' ? incomeScope : expScope;
    const sub = FUND_SUBLINES.find(([, re]) => re.test(t));
    if (scope && sub) k = { side, key: `${scope}.${sub[0]}` };
    // "其中：政府性基金预算财政拨款" under a 财政拨款收入 line (older forms) is a breakdown, not a part of the sum.
    else if (k && !scope && /^其中/.test(norm(stripOrdinal(norm(label))))) k = { side, key: `of.${k.key}` };
    if (!k) {
      if (cols.some((c) => looksNumeric(grid, r, c.col)) && !/^(项目|收入|支出|栏次|行次)$/.test(t)) {
        k = { side, key: `other:${t}` };
      } else return undefined;
    }
    if (k.key === 'openingBalance') incomeScope = 'opening';
    else if (k.key === 'closingBalance') expScope = 'closing';
    else if (!sub && side === 'income') incomeScope = '';
    else if (!sub && side === 'expenditure') expScope = '';
    const values: Line['values'] = {};
    for (const c of cols) values[c.key] = readFigure(amountCtx, r, c.col);
    return { key: k.key, label, labelCell: grid.ref(r, labelCol), row: r, values };
  };
  for (let r = dataStart; r <= region.r1; r++) {
    if (isAuxRow(grid, region, r)) continue;
    const texts = grid.rowCells(r, region.c0, region.c1).map((x) => x.text.trim());
    if (texts.some((t) => /^(注|说明|备注)\s*[:：\d１２３一二三]/.test(t))) break;
    if (sameColumn) {
      // One label column for both sides (a vertical layout): classify each line by wording.
      const k = labelKey(grid.text(r, incomeCol!));
      const side = k?.side === 'expenditure' || (k?.side === 'either' && seenIncomeGrand) ? 'expenditure' : 'income';
      if (k?.side === 'either' && !seenIncomeGrand) seenIncomeGrand = true;
      const line = read(r, incomeCol!, incomeCols, side);
      if (line) (side === 'income' ? table.income : table.expenditure).push(line);
      continue;
    }
    if (incomeCol !== undefined) {
      const line = read(r, incomeCol, incomeCols, 'income');
      if (line) table.income.push(line);
    }
    if (expCol !== undefined) {
      const line = read(r, expCol, expCols, 'expenditure');
      if (line) table.expenditure.push(line);
    }
  }
  return table;
}

function keyColumns(cols: ColumnInfo[], mode: 'single' | 'income' | 'exp'): void {
  if (mode === 'exp' && cols.length > 1) {
    const used = new Set<string>();
    for (const c of cols) {
      const rule = T4_EXP_COLUMNS.find(([, re]) => re.test(c.header));
      let key = rule ? rule[0] : `?${c.header}`;
      if (used.has(key)) key = `${key}#${c.col}`;
      used.add(key);
      c.key = key;
    }
    if (!cols.some((c) => c.key === 'total') && cols.length === 4 && cols.every((c) => c.key.startsWith('?'))) {
      ['total', 'general', 'fund', 'capital'].forEach((k, i) => (cols[i].key = k));
    }
    return;
  }
  // A single amount per line: prefer the 决算数 column when several are present (e.g. 预算数 | 决算数).
  if (cols.length > 1) {
    // Last year's figures ("上年决算数") beside this year's are never the amount.
    const prior = (c: ColumnInfo) => /上年|上期|去年|以前年度/.test(c.header);
    const pick =
      cols.find((c) => /本年/.test(c.header) && /决算|金额/.test(c.header)) ||
      cols.find((c) => /决算/.test(c.header) && !prior(c)) ||
      cols.find((c) => /金额/.test(c.header) && !prior(c)) ||
      cols[cols.length - 1];
    cols.splice(0, cols.length, pick);
  }
  if (cols[0]) cols[0].key = 'amount';
}

/** A column of small increasing integers (a 行次 column without a header). */
function isRowNumberColumn(region: Region, c: number, from: number): boolean {
  let last = 0;
  let n = 0;
  for (let r = from; r <= region.r1; r++) {
    const t = region.grid.norm(r, c);
    if (!t) continue;
    if (!/^\d{1,3}$/.test(t)) return false;
    const v = parseInt(t, 10);
    if (v <= last) return false;
    last = v;
    n++;
  }
  return n >= 3;
}
