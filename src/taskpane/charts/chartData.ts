/**
 * The 执行率汇总 charts as plain data for the task pane's SVG charts: each ChartSpec of the sheet (src/rates/sheet.ts)
 * resolved against that same SheetSpec's cells — category labels from the text cells, values from the formula
 * cells' computed `value` — so the pane draws exactly what the sheet's native charts draw. Pure functions, no DOM.
 */
import type { ChartSpec, SheetSpec, SpecCell } from '../../output/sheetSpec';
import { cellPlainText } from '../../output/sheetSpec';
import { parseA1, splitRef } from '../../snapshot/address';
import type { WorkbookSnapshot } from '../../snapshot/types';
import { formatCellNumber, ratioNumberPercentText, sharesOfWanyuanNumbers, wanyuanNumberText } from '../../money/rounding';

export interface ChartSeriesData {
  name: string;
  /** One per category; null when the cell holds no number (e.g. 上年数 not filled in 补充信息). */
  values: (number | null)[];
}

export interface ChartData {
  type: ChartSpec['type'];
  title: string;
  categories: string[];
  series: ChartSeriesData[];
}

/** The cells of an A1 range on the sheet, row by row. An unreadable range gives no cells. */
function rangeCells(spec: SheetSpec, ref: string): (SpecCell | undefined)[] {
  const r = parseA1(ref.includes('!') ? ref.slice(ref.lastIndexOf('!') + 1) : ref);
  if (!r) return [];
  const out: (SpecCell | undefined)[] = [];
  for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) out.push(spec.rows[row]?.[col]);
  return out;
}

/**
 * Whether a sheet-qualified cell ("'补充信息'!C20") is empty in the workbook. The formulas of the chart data are
 * computed as Excel computes them — an empty 补充信息 input counts as 0 — so without this a 上年数 not filled in
 * would be drawn as a bar of 0.
 */
export type BlankCell = (sheet: string, address: string) => boolean;

/** "='补充信息'!C20" → the sheet and address it refers to; null for any other formula. */
export function singleReference(formula: string): { sheet: string; address: string } | null {
  // Also ROUND(ref,2): a 补充信息 amount typed with more decimals is read at 0.01 万元 (money/rounding.ts).
  const m =
    /^=\s*((?:'(?:[^']|'')+'|[^'!():,+\-*/&=<>^\s]+)![$]?[A-Za-z]{1,3}[$]?\d+)\s*$/.exec(formula) ??
    /^=\s*ROUND\(((?:'(?:[^']|'')+'|[^'!():,+\-*/&=<>^\s]+)![$]?[A-Za-z]{1,3}[$]?\d+),2\)\s*$/i.exec(formula);
  if (!m) return null;
  const ref = splitRef(m[1]);
  return ref ? { sheet: ref.sheet, address: ref.address.replace(/\$/g, '').toUpperCase() } : null;
}

/** Empty cells of a workbook as read (no value, or an empty text). */
export function blankInSnapshot(snapshot: WorkbookSnapshot): BlankCell {
  return (sheet, address) => {
    const ws = snapshot.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    const at = parseA1(address);
    if (!ws || !at) return false; // unknown: keep the computed value
    const v = ws.cells[at.r0]?.[at.c0]?.v;
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  };
}

/**
 * A cell's number: a number cell, a formula's computed value, or a text holding a plain number. A formula that
 * only refers to a cell `blank` says is empty has no number (not 0).
 */
export function cellNumber(c: SpecCell | undefined, blank?: BlankCell): number | null {
  if (!c) return null;
  if (c.kind === 'number') return Number.isFinite(c.value) ? c.value : null;
  if (c.kind === 'formula') {
    if (blank) {
      const ref = singleReference(c.formula);
      if (ref && blank(ref.sheet, ref.address)) return null;
    }
    if (typeof c.value === 'number') return Number.isFinite(c.value) ? c.value : null;
    return null; // a reason text ("缺少：…") or no cached value
  }
  if (c.kind === 'text') {
    const t = c.text.replace(/,/g, '').trim();
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
  }
  return null;
}

/**
 * One ChartSpec resolved against the sheet it belongs to; `blank` (the workbook the sheet is built from) tells
 * which referenced inputs are still empty.
 */
export function resolveChart(chart: ChartSpec, spec: SheetSpec, blank?: BlankCell): ChartData {
  const categories = rangeCells(spec, chart.categories).map((c) => cellPlainText(c).trim());
  const series = chart.series.map((s) => {
    const values = rangeCells(spec, s.values).map((c) => cellNumber(c, blank));
    // Same length as the categories: a shorter range leaves the rest missing, a longer one is cut.
    return { name: s.name, values: categories.map((_, i) => values[i] ?? null) };
  });
  return { type: chart.type, title: chart.title, categories, series };
}

/** Every chart of the sheet, in the sheet's order. */
export function sheetCharts(spec: SheetSpec, blank?: BlankCell): ChartData[] {
  return (spec.charts ?? []).map((c) => resolveChart(c, spec, blank));
}

// ───────────────────────────── what the pictures say ─────────────────────────────

/** 853 → "853.00" (万元, 2 decimals, no thousands separator as in the sheet's 0.00); exact, money/rounding.ts. */
export function moneyText(n: number): string {
  return wanyuanNumberText(n);
}

/** 0.988605 → "98.86%" (exact decimal of the ratio, half away from zero; money/rounding.ts). */
export function percentText(share: number): string {
  return ratioNumberPercentText(share);
}

export interface PieSlice {
  name: string;
  value: number;
  /** Share of the sum of the slices, 0…1. */
  share: number;
  /** "98.86%". */
  percent: string;
  /** Index among all categories (keeps the colour of the sheet's chart). */
  index: number;
}

/**
 * The slices of a pie (its first series): zero and missing values left out, each with its percent of the sum.
 * Empty when there is nothing to draw (every value 0 or missing). Negative values cannot be a slice either.
 */
export function pieSlices(data: ChartData): PieSlice[] {
  const values = data.series[0]?.values ?? [];
  const kept = data.categories
    .map((name, index) => ({ name, value: values[index] ?? null, index }))
    .filter((s): s is { name: string; value: number; index: number } => s.value !== null && s.value > 0);
  const sum = kept.reduce((a, s) => a + s.value, 0);
  if (!(sum > 0)) return [];
  // The percentages are exact (分 of each value ÷ 分 of the sum); `share` only places the slice.
  const shares = sharesOfWanyuanNumbers(kept.map((s) => s.value));
  if (!shares) return [];
  return kept.map((s, i) => ({ ...s, share: s.value / sum, percent: `${shares[i].text}%` }));
}

/** Last year's series: named 上年, or an earlier "2020年" than another series of the chart. */
export function isLastYear(series: ChartSeriesData, all: ChartSeriesData[]): boolean {
  if (series.name === '上年') return true;
  const year = (s: ChartSeriesData) => {
    const m = /^(\d{4})年$/.exec(s.name.trim());
    return m ? Number(m[1]) : null;
  };
  const y = year(series);
  return y !== null && all.some((s) => s !== series && (year(s) ?? 0) > y);
}

/**
 * Notes under a column/bar chart for the values it cannot draw: "上年数未填写（2020年），…" for last year's
 * series, "2021年：收入总计 无数据" otherwise.
 */
export function missingNotes(data: ChartData): string[] {
  if (data.type === 'pie') return [];
  const notes: string[] = [];
  for (const s of data.series) {
    const missing = data.categories.filter((_, i) => s.values[i] === null);
    if (!missing.length) continue;
    if (isLastYear(s, data.series)) {
      const which = missing.length === data.categories.length ? '' : `：${missing.join('、')}`;
      notes.push(`上年数未填写（${s.name}${which}），填写“补充信息”后显示。`);
    } else notes.push(`${s.name}：${missing.join('、')} 无数据。`);
  }
  return notes;
}

/** Nothing to draw: a pie without slices, or bars without a single value. */
export function isEmptyChart(data: ChartData): boolean {
  if (data.type === 'pie') return pieSlices(data).length === 0;
  return !data.series.some((s) => s.values.some((v) => v !== null));
}

export interface ValueScale {
  min: number;
  max: number;
  ticks: number[];
  step: number;
}

/** A 1-2-2.5-5 step giving about `count` intervals over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / mag;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * mag;
}

/**
 * The value axis: always includes 0 (bars start at 0 — an axis from 800 万元 would exaggerate every change),
 * up to a round number at or above the largest value.
 */
export function valueScale(values: (number | null)[], intervals = 4): ValueScale {
  const nums = values.filter((v): v is number => v !== null && Number.isFinite(v));
  let lo = Math.min(0, ...nums);
  let hi = Math.max(0, ...nums);
  if (lo === hi) hi = lo + 1;
  const step = niceStep(hi - lo, intervals);
  lo = Math.floor(lo / step + 1e-9) * step;
  hi = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(Math.round(t / step) * step);
  return { min: lo, max: hi, ticks, step };
}

/** An axis tick: "200", "2.5", "0.25" — no more decimals than the step needs. */
export function tickText(t: number, step: number): string {
  const decimals = step >= 1 ? (Number.isInteger(step) ? 0 : 1) : Math.min(4, Math.ceil(-Math.log10(step)) + (Number.isInteger(step * 10 ** Math.ceil(-Math.log10(step))) ? 0 : 1));
  const s = formatCellNumber(t, decimals);
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}
