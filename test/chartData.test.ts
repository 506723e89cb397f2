/**
 * The task pane's chart data (src/taskpane/charts/chartData.ts): each ChartSpec of the 执行率汇总 sheet resolved
 * against that sheet's own cells, pie slices and their percentages, the notes for missing values, the value axis.
 */
import { buildInto } from './fixtures/builder';
import { yuquan2021 } from './fixtures/specs';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { writeSheetSpec } from '../src/adapters/exceljs/writeSheetSpec';
import { readAccounts } from '../src/model/readAccounts';
import { wan } from '../src/money/money';
import { buildSupplementSheet, emptySupplement, readSupplement } from '../src/supplement/sheet';
import { buildRatesSheet } from '../src/rates';
import { ChartSpec, SheetSpec, formula, num, text } from '../src/output/sheetSpec';
import {
  BlankCell,
  blankInSnapshot,
  ChartData,
  singleReference,
  isEmptyChart,
  missingNotes,
  moneyText,
  percentText,
  pieSlices,
  resolveChart,
  sheetCharts,
  tickText,
  valueScale,
} from '../src/taskpane/charts/chartData';
import { fitText, textWidth, wrapText } from '../src/taskpane/charts/svgText';

function yuquan(lastYear = false): { spec: SheetSpec; blank: BlankCell } {
  const { workbook: wb } = buildInto(yuquan2021, 'sichuan');
  let accounts = readAccounts(snapshotFromExcelJs(wb, 'x'));
  const existing = emptySupplement();
  if (lastYear) {
    existing.values.set('last.incomeGrandTotal', { key: 'last.incomeGrandTotal', raw: '907.20', fen: wan('907.20'), cell: '' });
    existing.values.set('last.generalExpenditure', { key: 'last.generalExpenditure', raw: '789.59', fen: wan('789.59'), cell: '' });
  }
  writeSheetSpec(wb, buildSupplementSheet(accounts, existing));
  const snap = snapshotFromExcelJs(wb, 'x');
  accounts = readAccounts(snap);
  return { spec: buildRatesSheet(accounts, readSupplement(snap, accounts)), blank: blankInSnapshot(snap) };
}

function yuquanCharts(lastYear = false): ChartData[] {
  const { spec, blank } = yuquan(lastYear);
  return sheetCharts(spec, blank);
}

describe('resolving the 执行率汇总 charts against the sheet', () => {
  test('seven charts with the sheet titles, categories and computed values', () => {
    const charts = yuquanCharts();
    expect(charts.map((c) => [c.type, c.title])).toEqual([
      ['column', '收、支决算总计变动情况'],
      ['pie', '收入决算结构'],
      ['pie', '支出决算结构'],
      ['column', '财政拨款收、支决算总计变动情况'],
      ['column', '一般公共预算财政拨款支出决算变动情况'],
      ['pie', '一般公共预算财政拨款支出决算结构'],
      ['pie', '“三公”经费财政拨款支出结构'],
    ]);
    const income = charts[1];
    expect(income.categories).toEqual(['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入']);
    expect(income.series).toEqual([{ name: '2021年', values: [843.28, 9.72] }]);
    expect(pieSlices(income).map((s) => [s.name, s.percent])).toEqual([
      ['一般公共预算财政拨款收入', '98.86%'],
      ['政府性基金预算财政拨款收入', '1.14%'],
    ]);
    // Last year not filled in 补充信息 (the sheet is there, the value empty): missing, with a note.
    const totals = charts[0];
    expect(totals.categories).toEqual(['收入总计', '支出总计']);
    expect(totals.series).toEqual([
      { name: '2020年', values: [null, null] },
      { name: '2021年', values: [853, 853] },
    ]);
    expect(missingNotes(totals)).toEqual(['上年数未填写（2020年），填写“补充信息”后显示。']);
    expect(missingNotes(income)).toEqual([]);
    expect(charts.some(isEmptyChart)).toBe(false);
  });

  test('the sheet computes an empty 补充信息 input as 0 (as Excel does); with the workbook it is missing', () => {
    const { spec, blank } = yuquan();
    const cell = spec.rows.flat().find((c) => c?.kind === 'formula' && /补充信息/.test(c.formula) && singleReference(c.formula));
    expect(cell).toMatchObject({ kind: 'formula', value: 0 });
    expect(sheetCharts(spec)[0].series[0].values).toEqual([0, 0]);
    expect(sheetCharts(spec, blank)[0].series[0].values).toEqual([null, null]);
  });

  test('last year filled for some categories: the note names the others', () => {
    const charts = yuquanCharts(true);
    expect(charts[0].series[0].values).toEqual([907.2, null]);
    expect(missingNotes(charts[0])).toEqual(['上年数未填写（2020年：支出总计），填写“补充信息”后显示。']);
    expect(charts[4].series.map((s) => s.values)).toEqual([[789.59], [843.28]]);
    expect(missingNotes(charts[4])).toEqual([]);
  });
});

describe('chart data helpers', () => {
  const sheet: SheetSpec = {
    name: 's',
    rows: [
      [text('甲'), undefined, num(3), formula('=1+1', 2), formula('=X', '缺少：上年数')],
      [text('乙'), undefined, num(0), { kind: 'empty' }, text('12.5')],
      [text('丙'), undefined, num(1), formula('=Y')],
    ],
  };
  const spec = (over: Partial<ChartSpec>): ChartSpec => ({
    type: 'column',
    title: 't',
    categories: 'A1:A3',
    series: [{ name: '本年', values: 'C1:C3' }],
    anchor: { row: 0, col: 0, rows: 1, cols: 1 },
    ...over,
  });

  test('cells: numbers, formula values, numeric text; anything else is missing', () => {
    const d = resolveChart(spec({ series: [{ name: 'a', values: 'C1:C3' }, { name: 'b', values: 'D1:D3' }, { name: 'c', values: "'s'!E1:E3" }] }), sheet);
    expect(d.categories).toEqual(['甲', '乙', '丙']);
    expect(d.series.map((s) => s.values)).toEqual([
      [3, 0, 1],
      [2, null, null],
      [null, 12.5, null],
    ]);
    // A shorter value range leaves the rest missing.
    expect(resolveChart(spec({ series: [{ name: 'a', values: 'C1:C2' }] }), sheet).series[0].values).toEqual([3, 0, null]);
  });

  test('single references: quoted or not, absolute or not; nothing else', () => {
    expect(singleReference("='补充信息'!C20")).toEqual({ sheet: '补充信息', address: 'C20' });
    expect(singleReference("='It''s'!$c$5")).toEqual({ sheet: "It's", address: 'C5' });
    expect(singleReference('=公开01表!B8')).toEqual({ sheet: '公开01表', address: 'B8' });
    expect(singleReference("='补充信息'!C20/10000")).toBeNull();
    expect(singleReference("=N('公开07表'!B8)")).toBeNull();
    expect(singleReference("='a'!C1+'a'!C2")).toBeNull();
    expect(singleReference('=C20')).toBeNull();
    const blank: BlankCell = (s, a) => s === '补充信息' && a === 'C20';
    const sheet2: SheetSpec = { name: 'x', rows: [[text('甲'), undefined, formula("='补充信息'!C20", 0), formula("='补充信息'!C21", 0)]] };
    const d = resolveChart(spec({ categories: 'A1', series: [{ name: 'a', values: 'C1' }, { name: 'b', values: 'D1' }] }), sheet2, blank);
    expect(d.series.map((s) => s.values)).toEqual([[null], [0]]);
  });

  test('pie: zero and missing slices left out, percent of the sum; nothing when everything is 0', () => {
    const pie: ChartData = { type: 'pie', title: 'p', categories: ['a', 'b', 'c', 'd'], series: [{ name: 'x', values: [1, 0, null, 3] }] };
    expect(pieSlices(pie).map((s) => [s.name, s.percent, s.index])).toEqual([
      ['a', '25.00%', 0],
      ['d', '75.00%', 3],
    ]);
    // Exact, as the 说明 computes it: 113 of 800 万元 is 14.13% (a float product gave 14.12%).
    const exact: ChartData = { ...pie, categories: ['a', 'b'], series: [{ name: 'x', values: [113, 687] }] };
    expect(pieSlices(exact).map((s) => s.percent)).toEqual(['14.13%', '85.88%']);
    const zero: ChartData = { ...pie, series: [{ name: 'x', values: [0, 0, null, 0] }] };
    expect(pieSlices(zero)).toEqual([]);
    expect(isEmptyChart(zero)).toBe(true);
  });

  test('notes: last year by name or by an earlier year; other series say 无数据', () => {
    const col = (names: string[], values: (number | null)[][]): ChartData => ({
      type: 'column',
      title: 't',
      categories: ['收入', '支出'],
      series: names.map((name, i) => ({ name, values: values[i] })),
    });
    expect(missingNotes(col(['上年', '本年'], [[null, null], [1, 2]]))).toEqual(['上年数未填写（上年），填写“补充信息”后显示。']);
    expect(missingNotes(col(['2020年', '2021年'], [[1, 2], [null, 2]]))).toEqual(['2021年：收入 无数据。']);
    expect(isEmptyChart(col(['2020年', '2021年'], [[null, null], [null, null]]))).toBe(true);
  });

  test('numbers: 2 decimals, percents, a value axis from 0 up to a round number', () => {
    expect(moneyText(853)).toBe('853.00');
    expect(moneyText(9.725)).toBe('9.73');
    expect(moneyText(-0.001)).toBe('0.00');
    expect(percentText(843.28 / 853)).toBe('98.86%');
    expect(valueScale([853, null, 853])).toEqual({ min: 0, max: 1000, ticks: [0, 250, 500, 750, 1000], step: 250 });
    expect(valueScale([null])).toMatchObject({ min: 0, max: 1 });
    expect(valueScale([-30, 80]).ticks).toEqual([-50, 0, 50, 100]);
    expect(valueScale([907.2, 853]).ticks).toEqual([0, 250, 500, 750, 1000]);
    expect(tickText(250, 250)).toBe('250');
    expect(tickText(0.5, 0.25)).toBe('0.50');
    expect(tickText(2.5, 2.5)).toBe('2.5');
  });

  test('text layout: CJK one em, wrapping with an ellipsis', () => {
    expect(textWidth('收入总计', 10)).toBe(40);
    expect(wrapText('一般公共预算财政拨款支出', 70, 10)).toEqual(['一般公共预算', '财政拨款支出']);
    expect(wrapText('一般公共预算财政拨款支出', 50, 10)).toEqual(['一般公共预', '算财政拨…']);
    expect(fitText('政府性基金预算财政拨款收入', 60, 10)).toBe('政府性基金…');
  });
});
