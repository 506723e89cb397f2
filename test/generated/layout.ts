/**
 * The layout dimensions a generated workbook is written in (DOMAIN.md §2 and what real exports do), and a
 * seeded choice of one combination.
 */
import { GenAccounts } from './accounts';
import { Prng } from './prng';

export type Unit = 'wan' | 'yuan-hundreds' | 'yuan-whole' | 'yuan-fen';

export interface Layout {
  /** One sheet per table / all stacked on one sheet / a few sheets / some tables side by side. */
  arrangement: 'per-sheet' | 'stacked' | 'few-sheets' | 'side-by-side';
  sheetNames: 'gongkai' | 'biao' | 'title' | 'generic';
  /** "2024年度收入支出决算总表" rather than "收入支出决算总表". */
  titleYear: boolean;
  /** A line above each title: "<unit><year>年度部门决算表", or "编制单位：<unit>" (with the year when titles have none). */
  banner: 'none' | 'book' | 'bianzhi';
  /** A "公开01表" label line. */
  label: boolean;
  /** "单位：万元" / "金额单位：元" / none (万元 only: assumed). */
  unitLine: 'plain' | 'jine' | 'none';
  unit: Unit;
  /** 元 written with ".00" even when whole. */
  yuanDecimals: boolean;
  numbers: 'number' | 'text' | 'fullwidth';
  zero: 'blank' | '0' | '0.00' | 'emdash' | 'dash';
  codes: 'column' | 'column-number' | 'split' | 'split-blank-parent' | 'in-name' | 'in-name-bracket';
  econCodes: 'column' | 'split' | 'in-name';
  /** 行次 columns in the 总表, a 栏次 row in the coded tables. */
  lineNumbers: boolean;
  /** Header wording variant (决算数/金额, 公务用车…运行费/运行维护费, 本年收入合计/合计 …). */
  wording: 0 | 1;
  /** Depth of the merged header of coded tables. */
  headerRows: 1 | 2 | 3;
  /** A hidden helper column inside the coded tables and table 6 (one table per sheet only). */
  hiddenColumn: boolean;
  /** A hidden sheet holding last year's tables. */
  hiddenSheet: boolean;
  /** How an empty table (no 政府性基金, no 三公) is written. */
  emptyForm: 'note' | 'blank-row' | 'no-row' | 'zero-row';
  t6Blocks: 1 | 2 | 3;
  t7Form: 'across' | 'rows' | 'list';
  /** The 四川 extra tables after the nine. */
  extras: boolean;
  t5TotalAtBottom: boolean;
  /** Class lines of the 总表: every line of the form, or only those with money. */
  allClassLines: boolean;
  /** Names of 款/项 indented with full-width spaces. */
  indentNames: boolean;
}

/** The units a set of accounts can honestly be shown in (never finer than its figures are). */
export function unitsFor(g: GenAccounts): Unit[] {
  if (g.grain >= 10000) return ['wan', 'yuan-hundreds'];
  if (g.grain >= 100) return ['wan', 'yuan-hundreds', 'yuan-whole'];
  return ['wan', 'yuan-hundreds', 'yuan-whole', 'yuan-fen'];
}

export function randomLayout(rng: Prng, g: GenAccounts): Layout {
  const arrangement = rng.pick(['per-sheet', 'stacked', 'few-sheets', 'side-by-side'] as const);
  const unit = rng.pick(unitsFor(g));
  const titleYear = rng.bool(0.6);
  return {
    arrangement,
    sheetNames: rng.pick(['gongkai', 'biao', 'title', 'generic'] as const),
    titleYear,
    banner: titleYear ? rng.pick(['none', 'book', 'bianzhi'] as const) : rng.pick(['book', 'bianzhi'] as const),
    label: rng.bool(0.4),
    unitLine: unit === 'wan' ? rng.pick(['plain', 'jine', 'plain', 'none'] as const) : rng.pick(['plain', 'jine'] as const),
    unit,
    yuanDecimals: rng.bool(0.5),
    numbers: rng.pick(['number', 'number', 'text', 'fullwidth'] as const),
    zero: rng.pick(['blank', '0', '0.00', 'emdash', 'dash'] as const),
    codes: rng.pick(['column', 'column-number', 'split', 'split-blank-parent', 'in-name', 'in-name-bracket'] as const),
    econCodes: rng.pick(['column', 'split', 'in-name'] as const),
    lineNumbers: rng.bool(0.4),
    wording: rng.pick([0, 1] as const),
    headerRows: rng.pick([1, 2, 3] as const),
    hiddenColumn: arrangement === 'per-sheet' && rng.bool(0.3),
    hiddenSheet: rng.bool(0.15),
    emptyForm: rng.pick(['note', 'blank-row', 'no-row', 'zero-row'] as const),
    t6Blocks: rng.pick([1, 2, 3] as const),
    t7Form: rng.pick(['across', 'rows', 'list'] as const),
    extras: rng.bool(0.2),
    t5TotalAtBottom: rng.bool(0.3),
    allClassLines: rng.bool(0.5),
    indentNames: rng.bool(0.3),
  };
}

/** One line per dimension value, for messages and the reproduction script. */
export function describeLayout(l: Layout): string {
  return Object.entries(l)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}
