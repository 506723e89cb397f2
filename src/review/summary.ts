/**
 * The batch summary (汇总): one row per workbook of a folder — who, which year, which tables, how many open
 * findings, the main totals and rates — and the workbook that lists them. A file that could not be read, or took
 * too long, is a row with its reason. Pure: rows in, SheetSpec out.
 */
import { Accounts, TABLE_IDS, TABLE_NAMES } from '../model/types';
import { mainTotals } from '../model/mainTotals';
import { formatWanyuan } from '../money/money';
import { computeRates } from '../rates';
import type { Supplement } from '../supplement/sheet';
import { SheetSpec, SpecCell, text, num } from '../output/sheetSpec';
import { ReviewedFinding, reviewCounts } from './status';

/** Main totals shown in the summary: [mainTotals key, column header]. */
const TOTALS: [string, string][] = [
  ['T1.incomeGrandTotal', '收入总计'],
  ['T1.expenditureGrandTotal', '支出总计'],
  ['T5.total', '一般公共预算财政拨款支出'],
  ['T7.actual', '“三公”经费决算'],
];
/** Main rates: [rate id, column header]. */
const RATES: [string, string][] = [
  ['budgetExecution', '预算执行率'],
  ['generalBudgetCompletion', '一般公共预算支出完成年初预算'],
  ['threePublicControl', '“三公”经费控制率'],
  ['publicFundsControl', '公用经费控制率'],
  ['carryOverRate', '结转结余率'],
];

export interface SummaryRow {
  /** Path relative to the folder checked. */
  file: string;
  unitName?: string;
  year?: number;
  tablesFound?: number;
  missing?: string[];
  counts?: { 错误: number; 警告: number; 提示: number };
  falsePositive?: number;
  /** Amounts in 万元 (text, two decimals), by TOTALS header. */
  totals?: Record<string, string>;
  /** Percentages (text, "85.20%"), or why not computable, by RATES header. */
  rates?: Record<string, string>;
  /** The 整改清单 written for this file (--report-dir). */
  report?: string;
  /** Why the file has no figures (unreadable, too slow). */
  error?: string;
}

export function summaryRow(file: string, accounts: Accounts, reviewed: ReviewedFinding[], supplement: Supplement, report?: string): SummaryRow {
  const standard = accounts.tables.filter((t) => (TABLE_IDS as string[]).includes(t.id));
  const totals: Record<string, string> = {};
  const byKey = new Map(mainTotals(accounts).map((t) => [t.key, t]));
  for (const [key, header] of TOTALS) {
    const t = byKey.get(key);
    if (t) totals[header] = formatWanyuan(t.figure.fen);
  }
  const rates: Record<string, string> = {};
  const computed = new Map(computeRates(accounts, supplement).map((r) => [r.id, r]));
  for (const [id, header] of RATES) {
    const r = computed.get(id);
    if (r?.percent) rates[header] = `${r.percent.text}%`;
  }
  const c = reviewCounts(reviewed);
  return {
    file,
    unitName: accounts.facts.unitName,
    year: accounts.facts.year,
    tablesFound: standard.length,
    missing: accounts.missing.map((id) => TABLE_NAMES[id]),
    counts: c.open,
    falsePositive: c.falsePositive,
    totals,
    rates,
    report,
  };
}

export const SUMMARY_SHEET = '汇总';

export const SUMMARY_COLUMNS = [
  '序号',
  '文件',
  '单位',
  '年度',
  '找到的表',
  '缺少的表',
  '错误',
  '警告',
  '提示',
  ...TOTALS.map(([, h]) => `${h}（万元）`),
  ...RATES.map(([, h]) => h),
  '整改清单',
  '说明',
];

export function buildSummarySheet(rows: SummaryRow[], folder: string): SheetSpec {
  const ok = rows.filter((r) => !r.error);
  const withErrors = ok.filter((r) => r.counts && r.counts.错误 > 0).length;
  const out: (SpecCell | undefined)[][] = [
    [text(`批量校验汇总：${folder}`, 'title')],
    [text(`共 ${rows.length} 个工作簿：${ok.length - withErrors} 个没有错误，${withErrors} 个有错误，${rows.length - ok.length} 个无法读取。错误、警告、提示为未处理和已确认的条数（误报、已整改不计）。`, 'note')],
    SUMMARY_COLUMNS.map((h) => text(h, 'header')),
  ];
  rows.forEach((r, i) => {
    const cells: (SpecCell | undefined)[] = [num(i + 1), text(r.file), text(r.unitName ?? ''), r.year ? num(r.year) : text('')];
    if (r.error) {
      cells.push(...SUMMARY_COLUMNS.slice(4, -1).map(() => text('')), text(r.error, 'flagged'));
    } else {
      cells.push(
        num(r.tablesFound ?? 0),
        text((r.missing ?? []).join('、'), 'paragraph'),
        num(r.counts?.错误 ?? 0, r.counts?.错误 ? 'flagged' : undefined),
        num(r.counts?.警告 ?? 0),
        num(r.counts?.提示 ?? 0),
        ...TOTALS.map(([, h]) => (r.totals?.[h] !== undefined ? num(Number(r.totals[h]), 'money') : text(''))),
        ...RATES.map(([, h]) => text(r.rates?.[h] ?? '')),
        text(r.report ?? ''),
        text(r.falsePositive ? `另有误报 ${r.falsePositive} 条` : ''),
      );
    }
    out.push(cells);
  });
  return {
    name: SUMMARY_SHEET,
    rows: out,
    columnWidths: [6, 30, 28, 7, 9, 24, 6, 6, 6, 14, 14, 16, 14, 12, 14, 14, 14, 12, 30, 30],
    merges: [
      { r0: 0, c0: 0, r1: 0, c1: 8 },
      { r0: 1, c0: 0, r1: 1, c1: 8 },
    ],
    freezeRows: 3,
    print: { landscape: true, fitToWidth: true, repeatRows: [2, 2] },
  };
}
