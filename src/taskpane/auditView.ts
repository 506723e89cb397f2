/**
 * Display helpers for 核对说明: the audit's findings grouped by severity (错误, 警告, 提示), each with the quoted
 * fragment, where it is, the message and the table cells it contradicts (clickable like a 校验 finding); the
 * figures left 未核对 with their reasons; the summary line and its colour; the sheets that may hold a narrative.
 * Presentation only — the audit runs in engine.ts (src/audit).
 */
import type { AuditResult } from '../audit';
import type { NarrativeFinding } from '../audit';
import type { Severity } from '../rules/types';
import type { Accounts } from '../model/types';
import type { WorkbookSnapshot } from '../snapshot/types';
import { CELLS_SHOWN, FindingItem, findingTarget, SEVERITIES } from './checkView';

export interface AuditFindingItem extends FindingItem {
  finding: NarrativeFinding;
}

export interface AuditSeverityGroup {
  severity: Severity;
  items: AuditFindingItem[];
}

export interface UnplacedItem {
  key: string;
  where: string;
  written: string;
  quote: string;
  reason?: string;
}

export interface AuditView {
  /** What was checked: "粘贴的文字", "说明.docx", "工作表“决算说明”". */
  source: string;
  /** summarise(result). */
  summary: string;
  intent: 'error' | 'warning' | 'info' | 'success';
  counts: AuditResult['counts'];
  /** 错误 / 警告 / 提示 / 未核对, for the line at the top. */
  totals: AuditResult['totals'];
  notes: string[];
  groups: AuditSeverityGroup[];
  /** Every finding in the order of the text (sentence, cells, suggested wording on each finding). */
  ordered: AuditFindingItem[];
  unplaced: UnplacedItem[];
}

export function buildAuditView(result: AuditResult, summary: string, source: string): AuditView {
  const items: AuditFindingItem[] = result.findings.map((finding, i) => ({
    key: `a${i}`,
    finding,
    cellsShown: finding.cells.slice(0, CELLS_SHOWN),
    cellsMore: Math.max(0, finding.cells.length - CELLS_SHOWN),
    target: findingTarget(finding.cells),
  }));
  const groups = SEVERITIES.map((severity) => ({ severity, items: items.filter((x) => x.finding.severity === severity) })).filter(
    (g) => g.items.length > 0,
  );
  const c = result.counts;
  const intent = c.errors ? 'error' : c.warnings ? 'warning' : c.figures === 0 || c.unplaced > 0 || c.hints > 0 ? 'info' : 'success';
  return {
    source,
    summary,
    intent,
    counts: c,
    totals: result.totals,
    notes: result.notes,
    groups,
    ordered: items,
    unplaced: result.unplaced.map((u) => ({ key: `u${u.id}`, where: u.where, written: u.written, quote: u.quote, reason: u.reason })),
  };
}

/** The title above the summary. */
export function auditTitle(v: AuditView): string {
  if (v.counts.figures === 0) return '没有可核对的数字';
  if (v.counts.errors) return '说明与表不符';
  if (v.counts.warnings) return '有需要注意的地方';
  return '没有发现不符';
}

/**
 * Sheets that may hold a narrative: every sheet without a recognised table, except the add-in's 补充信息 and
 * 执行率汇总; those whose name contains 说明 first. `preferred` is the one paragraphsFromSheet would pick.
 */
export function narrativeSheets(snapshot: WorkbookSnapshot, accounts: Accounts, exclude: string[]): { names: string[]; preferred?: string } {
  const withTables = new Set(accounts.tables.map((t) => t.sheet));
  const skip = new Set(exclude);
  const names = snapshot.sheets.map((s) => s.name).filter((n) => !withTables.has(n) && !skip.has(n));
  const named = names.filter((n) => /说明/.test(n));
  const ordered = [...named, ...names.filter((n) => !named.includes(n))];
  return { names: ordered, preferred: named[0] ?? ordered[0] };
}

export const AUDIT_SOURCES = [
  { value: 'text', label: '粘贴文字' },
  { value: 'file', label: '打开文件' },
  { value: 'sheet', label: '工作表' },
] as const;

export type AuditSourceKind = (typeof AUDIT_SOURCES)[number]['value'];
