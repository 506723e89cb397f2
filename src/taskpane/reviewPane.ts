/**
 * 校验 statuses in the task pane: which status each finding of a report has (from the workbook's very hidden
 * 决算助手_状态 sheet, as last read), the report with 误报 / 已整改 moved apart and not counted, and the two writes —
 * the status table (owned, very hidden) and the 整改清单 sheet (owned). The engine is src/review.
 */
import type { WorkbookSnapshot } from '../snapshot/types';
import { applyStatuses, readStatuses, ReviewedFinding, ReviewStatus, setStatus, statusSheet } from '../review/status';
import { buildReportSheet, REPORT_SHEET } from '../review/report';
import { CheckReport, countSeverities, FindingItem, summaryText } from './checkView';
import { LoadedWorkbook, writeSheets, Written } from './engine';

export { REPORT_SHEET };

/** Each finding item's status, by item key. */
export function reviewItems(snapshot: WorkbookSnapshot, report: CheckReport): Map<string, ReviewedFinding> {
  const items = [...report.groups.flatMap((g) => g.items), ...(report.apart ?? [])];
  const reviewed = applyStatuses(
    items.map((i) => i.finding),
    snapshot,
    readStatuses(snapshot).entries,
  );
  return new Map(items.map((item, i) => [item.key, reviewed[i]]));
}

/** The report as shown: 误报 and 已整改 apart, the counts and summary of the open findings only. */
export function reviewReport(report: CheckReport, reviewed: Map<string, ReviewedFinding>): CheckReport {
  const apart: FindingItem[] = [];
  const isApart = (item: FindingItem) => {
    const s = reviewed.get(item.key)?.status;
    return s === '误报' || s === '已整改';
  };
  const groups = report.groups
    .map((g) => {
      const items = g.items.filter((item) => (isApart(item) ? (apart.push(item), false) : true));
      return { ...g, items, counts: countSeverities(items.map((i) => i.finding)) };
    })
    .filter((g) => g.items.length);
  const counts = countSeverities(groups.flatMap((g) => g.items.map((i) => i.finding)));
  if (!apart.length) return report;
  return {
    ...report,
    groups,
    counts,
    total: groups.reduce((n, g) => n + g.items.length, 0),
    summary: `${summaryText(counts)}（另有 ${apart.length} 条已标为误报或已整改，不计入）`,
    intent: counts.错误 ? 'error' : counts.警告 ? 'warning' : counts.提示 ? 'info' : 'success',
    apart,
  };
}

/** Set (or clear) one finding's status and write the table into the workbook; returns the workbook read again. */
export async function saveStatus(data: LoadedWorkbook, item: ReviewedFinding, status: ReviewStatus | null, note: string): Promise<Written> {
  const entries = setStatus(readStatuses(data.snapshot).entries, item, status, note, new Date().toISOString());
  return writeSheets(data, [statusSheet(entries)], { activate: false });
}

/** Write the 整改清单 of the open findings as an owned sheet (activated). */
export async function writeReport(data: LoadedWorkbook, report: CheckReport, reviewed: Map<string, ReviewedFinding>): Promise<Written> {
  const { TABLE_ORDER } = await import(/* webpackChunkName: "rules" */ '../rules');
  const sheet = buildReportSheet([...reviewed.values()], {
    source: data.accounts.source,
    unitName: data.accounts.facts.unitName,
    year: data.accounts.facts.year,
    tableOrder: TABLE_ORDER,
  });
  return writeSheets(data, [sheet]);
}
