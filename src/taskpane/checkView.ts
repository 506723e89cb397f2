/**
 * Display helpers for 校验: the engine's findings grouped by table the way the command line prints them
 * (src/cli/main.ts checkText), counts per severity, the one-line summary, which catalogue was used, where a
 * finding's cells are, and the texts shown after 在工作簿中标注 / 清除标注. Presentation only — the rules run in
 * engine.ts.
 */
import type { Finding, Severity } from '../rules/types';
import type { Accounts } from '../model/types';
import { TABLE_NAMES } from '../model/types';
import type { Catalogues } from '../model/localCatalogue';
import { parseA1, rangeA1, splitRef } from '../snapshot/address';
import type { MarkResult, UnmarkResult } from '../adapters/officejs/markCells';

export const SEVERITIES: Severity[] = ['错误', '警告', '提示'];

export type SeverityCounts = Record<Severity, number>;

const TABLE_TITLES: Record<string, string> = { ...TABLE_NAMES, X: '表间关系' };
const OTHER = '其他';

/** Cells shown under a finding before "等 N 处". */
export const CELLS_SHOWN = 8;

export interface FindingTarget {
  /** The sheet of the finding's first cell. */
  sheet: string;
  /** Every A1 range of the finding on that sheet (first one first, no duplicates). */
  ranges: string[];
}

export interface FindingItem {
  /** Stable key within the report ("f3"). */
  key: string;
  finding: Finding;
  cellsShown: string[];
  cellsMore: number;
  /** Where clicking the finding goes; null when it names no cell. */
  target: FindingTarget | null;
}

export interface CheckGroup {
  /** T1…T9, X, or 其他. */
  key: string;
  title: string;
  counts: SeverityCounts;
  items: FindingItem[];
}

export interface CheckReport {
  source: string;
  total: number;
  counts: SeverityCounts;
  /** "共 5 条：错误 2，警告 1，提示 2" or "校验通过". */
  summary: string;
  /** MessageBar intent of the summary. */
  intent: 'error' | 'warning' | 'info' | 'success';
  groups: CheckGroup[];
  /** "科目目录：…；…". */
  catalogue: string;
  /** Problems in the user's local 科目 sheet, and a note when the workbook states no year. */
  catalogueNotes: string[];
  /** Findings marked 误报 or 已整改: shown apart, not counted (see reviewPane.ts). */
  apart?: FindingItem[];
}

export function countSeverities(findings: Finding[]): SeverityCounts {
  const c: SeverityCounts = { 错误: 0, 警告: 0, 提示: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function summaryText(counts: SeverityCounts): string {
  const total = counts.错误 + counts.警告 + counts.提示;
  if (total === 0) return '校验通过';
  return `共 ${total} 条：错误 ${counts.错误}，警告 ${counts.警告}，提示 ${counts.提示}`;
}

/** Where a finding's cells are: the first cell's sheet and all its cells on that sheet. */
export function findingTarget(cells: string[]): FindingTarget | null {
  let target: FindingTarget | null = null;
  for (const ref of cells) {
    const parts = splitRef(ref);
    const range = parts && parts.sheet ? parseA1(parts.address) : null;
    if (!parts || !range) continue;
    if (!target) target = { sheet: parts.sheet, ranges: [] };
    else if (parts.sheet.toLowerCase() !== target.sheet.toLowerCase()) continue;
    const a = rangeA1(range);
    if (!target.ranges.includes(a)) target.ranges.push(a);
  }
  return target;
}

/**
 * Group the findings like the command line: T1…T9, 表间关系, then 其他 (extra tables, rule failures); within a group
 * the most serious first (the engine's order otherwise kept).
 */
export function buildCheckReport(
  accounts: Accounts,
  findings: Finding[],
  catalogues: Catalogues,
  tableOrder: string[],
  year: number,
): CheckReport {
  const rank: Record<Severity, number> = { 错误: 0, 警告: 1, 提示: 2 };
  const byGroup = new Map<string, FindingItem[]>();
  findings.forEach((finding, i) => {
    const k = finding.table && TABLE_TITLES[finding.table] ? finding.table : OTHER;
    const list = byGroup.get(k) ?? [];
    list.push({
      key: `f${i}`,
      finding,
      cellsShown: finding.cells.slice(0, CELLS_SHOWN),
      cellsMore: Math.max(0, finding.cells.length - CELLS_SHOWN),
      target: findingTarget(finding.cells),
    });
    byGroup.set(k, list);
  });
  const groups: CheckGroup[] = [];
  for (const k of [...tableOrder, OTHER]) {
    const items = byGroup.get(k);
    if (!items) continue;
    const sorted = items
      .map((item, i) => ({ item, i }))
      .sort((a, b) => rank[a.item.finding.severity] - rank[b.item.finding.severity] || a.i - b.i)
      .map((x) => x.item);
    groups.push({ key: k, title: TABLE_TITLES[k] ?? OTHER, counts: countSeverities(sorted.map((x) => x.finding)), items: sorted });
  }
  const counts = countSeverities(findings);
  const notes: string[] = [];
  if (accounts.facts.year === undefined) notes.push(`工作簿未注明年度，科目按 ${year} 年的目录核对。`);
  for (const p of catalogues.problems) notes.push(`本地科目：${p}`);
  return {
    source: accounts.source,
    total: findings.length,
    counts,
    summary: summaryText(counts),
    intent: counts.错误 ? 'error' : counts.警告 ? 'warning' : counts.提示 ? 'info' : 'success',
    groups,
    catalogue: `科目目录：${catalogues.functional.describe(year)}；${catalogues.economic.describe(year)}`,
    catalogueNotes: notes,
  };
}

/** What 在工作簿中标注 did, in one or two sentences. */
export function markResultText(r: MarkResult): string {
  if (r.cells === 0) {
    return r.missingSheets.length ? `没有可标注的单元格：找不到工作表 ${r.missingSheets.join('、')}。` : '没有可标注的单元格。';
  }
  const kind = r.annotation === 'note' ? '备注' : r.annotation === 'comment' ? '批注' : '';
  const parts = [`已标注 ${r.cells} 个单元格（错误 ${r.bySeverity.错误}，警告 ${r.bySeverity.警告}，提示 ${r.bySeverity.提示}）`];
  if (kind) parts.push(`其中 ${r.annotated} 个添加了${kind}`);
  let text = `${parts.join('，')}。`;
  if (r.keptFill) text += `${r.keptFill} 个单元格原有的填充无法精确还原，未改填充色。`;
  if (r.keptAnnotation) text += `${r.keptAnnotation} 个单元格已有备注或批注，保持原样。`;
  if (!kind) text += '当前 Excel 版本不支持用加载项添加备注，只标了颜色。';
  if (r.missingSheets.length) text += `找不到工作表 ${r.missingSheets.join('、')}，其中的单元格未标注。`;
  if (r.truncated) text += `另有 ${r.truncated} 个单元格超出一次标注的上限，未标注。`;
  return `${text}原样保存在隐藏工作表“决算助手_标注”中，点击“清除标注”即可恢复。`;
}

export function unmarkResultText(r: UnmarkResult): string {
  if (!r.found) return '工作簿中没有决算助手的标注。';
  let text = `已清除标注：恢复了 ${r.restored} 个单元格的原填充`;
  if (r.removedAnnotations) text += `，删除了 ${r.removedAnnotations} 条决算助手添加的备注/批注`;
  text += '。';
  if (r.keptUserFill) text += `${r.keptUserFill} 个单元格的填充在标注后被修改过，保留了修改后的样子。`;
  return text;
}
