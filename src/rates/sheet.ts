/**
 * The 执行率汇总 sheet: one row per rate — 指标 | 计算公式 | 分子 | 分母 | 结果 | 判断标准 | 结论 — where 分子 and
 * 分母 are live formulas on the source cells (table cells and 补充信息 values), 结果 divides the row's own
 * 分子/分母 and never shows an error value, and 结论 applies the rule. Every formula carries its computed
 * value as the cached result. Below the rates, a chart-data block (formulas on the source cells again)
 * feeds the seven native charts of the published report.
 */
import { Accounts, TABLE_NAMES } from '../model/types';
import { CellStyle, ChartSpec, SheetSpec, SpecCell, formula, text } from '../output/sheetSpec';
import { a1 } from '../snapshot/address';
import { Supplement } from '../supplement/sheet';
import { EXPENDITURE_PARTS, INCOME_LINES, Q, QuantityDef, RATE_GROUPS, THREE_PUBLIC_ITEMS } from './definitions';
import { RateResult, computeRates, missingReason, zeroReason } from './compute';
import { ResolvedQuantity, SupplementCheck, resolveQuantity } from './resolve';

export const RATES_SHEET = '执行率汇总';

export const RATE_COLUMNS = ['指标', '计算公式', '分子', '分母', '结果', '判断标准', '结论'] as const;
/** 0-based columns. */
export const COL = { name: 0, formula: 1, numerator: 2, denominator: 3, result: 4, standard: 5, conclusion: 6 } as const;

const MONEY_FMT = '0.00';
const COUNT_FMT = '0';
const PERCENT_FMT = '0.00%';

/** Where each rate landed on the sheet (0-based row), for the CLI and the tests. */
export interface RatesSheetLayout {
  rows: Map<string, number>;
  chartData: { title: string; categories: string; series: { name: string; values: string }[] }[];
}

export interface RatesSheet {
  spec: SheetSpec;
  results: RateResult[];
  layout: RatesSheetLayout;
}

/** Excel string literal. */
function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function quantityCell(q: ResolvedQuantity): SpecCell {
  if (!q.formula) return text('（缺）', 'note');
  return formula(q.formula, q.cached, 'money', q.unit === 'money' ? MONEY_FMT : COUNT_FMT);
}

function sourceNote(role: string, q: ResolvedQuantity): string {
  if (!q.formula) return `${role}：${q.label}。未找到：${q.unavailable.join('、')}。`;
  const parts = q.terms.map((t) => `${t.sign < 0 ? '减 ' : ''}${t.label}（${t.cells.join(' 或 ')}）`);
  return `${role}：${q.label}\n${parts.join('\n')}`;
}

/**
 * 结果: IF(ISNUMBER(…补充信息…), …, "缺少：…") around IF(D=0,"分母为0…",C/D). Each empty 补充信息 input is
 * checked, and the text names exactly the ones still empty (a branch per combination; rates have ≤ 3).
 */
function resultFormula(checks: SupplementCheck[], num: string, den: string, zeroText: string): string {
  const inner = `IF(${den}=0,${str(zeroText)},${num}/${den})`;
  const tree = (i: number, missing: string[]): string => {
    if (i === checks.length) return missing.length ? str(missingReason(missing)) : inner;
    const c = checks[i];
    const cond = c.refs.length === 1 ? `ISNUMBER(${c.refs[0]})` : `OR(${c.refs.map((r) => `ISNUMBER(${r})`).join(',')})`;
    return `IF(${cond},${tree(i + 1, missing)},${tree(i + 1, [...missing, c.label])})`;
  };
  return '=' + tree(0, []);
}

function conclusionFormula(r: RateResult, result: string): string {
  const rule = r.rule!;
  const test = `ROUND(${result}*100-${rule.limit},9)${rule.op}0`;
  return `=IF(ISNUMBER(${result}),IF(${test},${str(rule.ok)},${str(rule.flagged)}),"—")`;
}

function rateRow(r: RateResult, row: number): { cells: SpecCell[]; notes: Record<string, string> } {
  const R = (c: number) => a1(row, c);
  const num = r.numerator;
  const den = r.denominator;
  const cells: SpecCell[] = [text(r.name, 'label'), text(r.formula, 'paragraph'), quantityCell(num), quantityCell(den)];
  const live = !!num.formula && !!den.formula;
  const resultStyle: CellStyle = r.status === 'flagged' ? 'flagged' : r.status === 'ok' ? 'percent' : r.reason?.startsWith('缺少') ? 'placeholder' : 'note';
  if (live) {
    const cached: number | string = r.status === 'not-computable' ? (r.reason as string) : (num.cached as number) / (den.cached as number);
    cells.push(formula(resultFormula(r.checks, R(COL.numerator), R(COL.denominator), zeroReason(den.label)), cached, resultStyle, PERCENT_FMT));
  } else {
    cells.push(text(r.reason ?? '', resultStyle));
  }
  cells.push(text(r.standard, 'paragraph'));
  const conclusionStyle: CellStyle | undefined = r.status === 'flagged' ? 'flagged' : undefined;
  if (r.rule && live) cells.push(formula(conclusionFormula(r, R(COL.result)), r.conclusion, conclusionStyle));
  else cells.push(text(r.conclusion, conclusionStyle));
  const notes: Record<string, string> = {
    [`${row},${COL.numerator}`]: sourceNote('分子', num),
    [`${row},${COL.denominator}`]: sourceNote('分母', den),
  };
  return { cells, notes };
}

// ---------------------------------------------------------------------------------------------
// Charts: the seven pictures of the published report (四川 form)
// ---------------------------------------------------------------------------------------------

interface ChartBlock {
  title: string;
  type: ChartSpec['type'];
  series: string[];
  /** One row per category: its label and one quantity per series. */
  categories: { name: string; values: QuantityDef[] }[];
  /** Pie charts leave out zero slices (all kept when everything is zero). */
  omitZero?: boolean;
}

function supplementMoney(key: string, label: string): QuantityDef {
  return { label, unit: 'money', ways: [[{ ref: { kind: 'supplement', key } }]] };
}

function chartBlocks(accounts: Accounts, year: number | undefined): ChartBlock[] {
  const last = year ? `${year - 1}年` : '上年';
  const cur = year ? `${year}年` : '本年';
  const classes = (accounts.T5?.rows ?? []).filter((r) => r.level === 'class');
  const incomeKeys = new Set((accounts.T1?.income ?? []).map((l) => l.key));
  const incomeLines: [string, string][] = incomeKeys.has('fiscal') && !incomeKeys.has('generalBudget') ? [['fiscal', '财政拨款收入'], ...INCOME_LINES.slice(3)] : INCOME_LINES;
  const t1in = (key: string, name: string): QuantityDef => ({
    label: name,
    unit: 'money',
    ways: [[{ ref: { kind: 'line', table: 'T1', side: 'income', key, label: `收入支出决算总表“${name}”` } }]],
  });
  return [
    {
      title: '图1 收、支决算总计变动情况',
      type: 'column',
      series: [last, cur],
      categories: [
        { name: '收入总计', values: [supplementMoney('last.incomeGrandTotal', '上年收入总计'), Q.incomeGrandTotal] },
        { name: '支出总计', values: [supplementMoney('last.expenditureGrandTotal', '上年支出总计'), Q.expenditureGrandTotal] },
      ],
    },
    {
      title: '图2 收入决算结构',
      type: 'pie',
      series: [cur],
      omitZero: true,
      categories: incomeLines.map(([key, name]) => ({ name, values: [t1in(key, name)] })),
    },
    {
      title: '图3 支出决算结构',
      type: 'pie',
      series: [cur],
      omitZero: true,
      categories: EXPENDITURE_PARTS.map(([col, name]) => ({
        name,
        values: [{ label: name, unit: 'money', ways: [[{ ref: { kind: 'coded', table: 'T3', code: '', col, label: `支出决算表合计行“${name}”` } }]] } as QuantityDef],
      })),
    },
    {
      title: '图4 财政拨款收、支决算总计变动情况',
      type: 'column',
      series: [last, cur],
      categories: [
        { name: '财政拨款收入', values: [supplementMoney('last.fiscalIncome', '上年财政拨款收入'), Q.fiscalIncome] },
        { name: '财政拨款支出', values: [supplementMoney('last.fiscalExpenditure', '上年财政拨款支出'), Q.fiscalExpenditure] },
      ],
    },
    {
      title: '图5 一般公共预算财政拨款支出决算变动情况',
      type: 'column',
      series: [last, cur],
      categories: [{ name: '一般公共预算财政拨款支出', values: [supplementMoney('last.generalExpenditure', '上年一般公共预算财政拨款支出'), Q.generalTotal] }],
    },
    {
      title: '图6 一般公共预算财政拨款支出决算结构',
      type: 'pie',
      series: [cur],
      omitZero: true,
      categories: classes.map((row) => ({
        name: row.name,
        values: [{ label: row.name, unit: 'money', ways: [[{ ref: { kind: 'coded', table: 'T5', code: row.code, col: 'total', label: `一般公共预算财政拨款支出决算表“${row.code} ${row.name}”` } }]] } as QuantityDef],
      })),
    },
    {
      title: '图7 “三公”经费财政拨款支出结构',
      type: 'pie',
      series: [cur],
      omitZero: true,
      categories: THREE_PUBLIC_ITEMS.filter(([item]) => item !== 'vehiclePurchase' && item !== 'vehicleRunning').map(([item, name]) => ({
        name,
        values: [
          {
            label: name,
            unit: 'money',
            ways: [[{ ref: { kind: 'threePublic', side: 'actual', item, label: `财政拨款“三公”经费支出决算表“${name}决算数”` } }]],
          } as QuantityDef,
        ],
      })),
    },
  ];
}

/** Chart anchors: two columns of charts to the right of the rates table. */
const CHART_COL0 = 8;
const CHART_COLS = 9;
const CHART_ROWS = 18;

// ---------------------------------------------------------------------------------------------

export function buildRates(accounts: Accounts, supplement: Supplement): RatesSheet {
  const results = computeRates(accounts, supplement);
  const rows: (SpecCell | undefined)[][] = [];
  const notes: Record<string, string> = {};
  const merges: SheetSpec['merges'] = [];
  const layout: RatesSheetLayout = { rows: new Map(), chartData: [] };
  const yearValue = supplement.values.get('year')?.number;
  const year = accounts.facts.year ?? (yearValue !== undefined ? yearValue : undefined);
  const unitName = supplement.values.get('unitName')?.text ?? accounts.facts.unitName;

  const fullRow = (cell: SpecCell) => {
    merges.push({ r0: rows.length, c0: 0, r1: rows.length, c1: RATE_COLUMNS.length - 1 });
    rows.push([cell]);
  };
  fullRow(text(`${unitName ? unitName + ' ' : ''}${year ? year + '年度' : ''}执行率汇总`, 'title'));
  fullRow(
    text(
      '金额单位：万元；人数单位：人。分子、分母、结果均为公式，引用源表单元格和“补充信息”表（批注中列出每个数的来源），修改源数据后自动重算；' +
        '缺少的数据在“结果”列中注明，填写“补充信息”后即可算出。超出判断标准的指标以红色标出（重新生成本表后更新）。',
      'note',
    ),
  );
  if (!supplement.present) fullRow(text('工作簿中还没有“补充信息”表：依赖补充信息的指标暂无法计算，请先生成并填写补充信息。', 'placeholder'));
  if (accounts.missing.length) {
    fullRow(text(`未找到的标准表：${accounts.missing.map((id) => TABLE_NAMES[id]).join('、')}，相关指标无法计算。`, 'placeholder'));
  }
  rows.push(RATE_COLUMNS.map((h) => text(h, 'header')));
  const freezeRows = rows.length;

  for (const group of RATE_GROUPS) {
    const inGroup = results.filter((r) => r.group === group);
    if (!inGroup.length) continue;
    rows.push([text(group, 'heading2')]);
    for (const r of inGroup) {
      const row = rows.length;
      const built = rateRow(r, row);
      rows.push(built.cells);
      Object.assign(notes, built.notes);
      layout.rows.set(r.id, row);
    }
    if (group === '三、一般公共预算财政拨款支出' && !inGroup.some((r) => r.id.startsWith('itemBudgetCompletion.'))) {
      const items = (accounts.T5?.rows ?? []).filter((x) => x.level === 'subitem');
      if (items.length) fullRow(text('各项（项级科目）完成年初预算：请在“补充信息”中填写各项年初预算，重新生成本表后逐项列出。', 'note'));
    }
  }

  // Chart data block.
  rows.push([]);
  fullRow(text('图表数据（右侧图表引用以下单元格，请勿删除；金额为0的项目不列入饼图）', 'heading2'));
  const charts: ChartSpec[] = [];
  chartBlocks(accounts, year).forEach((block, i) => {
    const headRow: SpecCell[] = [text(block.title, 'header'), { kind: 'empty', style: 'header' }];
    block.series.forEach((s) => headRow.push(text(s, 'header')));
    rows.push(headRow);
    const resolved = block.categories.map((c) => ({ name: c.name, values: c.values.map((q) => resolveQuantity(q, accounts, supplement)) }));
    let shown = resolved;
    if (block.omitZero) {
      const nonZero = resolved.filter((c) => c.values.some((v) => v.value !== undefined && v.value !== 0));
      if (nonZero.length) shown = nonZero;
    }
    const first = rows.length;
    for (const c of shown) {
      const cells: SpecCell[] = [text(c.name, 'label'), { kind: 'empty' }];
      for (const v of c.values) cells.push(v.formula ? formula(v.formula, v.cached, 'money', MONEY_FMT) : { kind: 'empty' });
      c.values.forEach((v, k) => (notes[`${rows.length},${2 + k}`] = sourceNote(block.series[k], v)));
      rows.push(cells);
    }
    const lastRow = rows.length - 1;
    const categories = `${a1(first, 0)}:${a1(lastRow, 0)}`;
    const series = block.series.map((name, k) => ({ name, values: `${a1(first, 2 + k)}:${a1(lastRow, 2 + k)}` }));
    layout.chartData.push({ title: block.title, categories, series });
    charts.push({
      type: block.type,
      title: block.title.replace(/^图\d+\s*/, ''),
      categories,
      series,
      anchor: { row: freezeRows + Math.floor(i / 2) * (CHART_ROWS + 1), col: CHART_COL0 + (i % 2) * (CHART_COLS + 1), rows: CHART_ROWS, cols: CHART_COLS },
    });
  });

  const spec: SheetSpec = {
    name: RATES_SHEET,
    rows,
    columnWidths: [40, 50, 14, 14, 34, 26, 34],
    merges,
    notes,
    charts,
    freezeRows,
  };
  return { spec, results, layout };
}

/** The 执行率汇总 sheet as a SheetSpec (charts in `spec.charts`, for adapters/exceljs/charts.ts). */
export function buildRatesSheet(accounts: Accounts, supplement: Supplement): SheetSpec {
  return buildRates(accounts, supplement).spec;
}
