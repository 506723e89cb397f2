/**
 * The rule registry and the runner. Rules are listed explicitly (no file-system discovery) so the same
 * list works in Node, in the browser bundle and inside Excel.
 */
import { Accounts } from '../model/types';
import { Finding, Rule, RuleContext, SEVERITY_ORDER, Unchecked, Report } from './types';
import { TABLE_NAMES, TableId } from '../model/types';
import { Catalogue, economicCatalogue, functionalCatalogue } from '../catalogue';
import { rule as sConstantTotal } from './builtin/s-constant-total';
import { rule as sHiddenPrecision } from './builtin/s-hidden-precision';
import { rule as sNegative } from './builtin/s-negative';
import { rule as t1ExpenditureGrandTotal } from './builtin/t1-expenditure-grand-total';
import { rule as t1ExpenditureTotal } from './builtin/t1-expenditure-total';
import { rule as t1IncomeGrandTotal } from './builtin/t1-income-grand-total';
import { rule as t1IncomeTotal } from './builtin/t1-income-total';
import { rule as t1RequiredLines } from './builtin/t1-required-lines';
import { rule as t1TotalsEqual } from './builtin/t1-totals-equal';
import { rule as t2Hierarchy } from './builtin/t2-hierarchy';
import { rule as t2RowSum } from './builtin/t2-row-sum';
import { rule as t3Hierarchy } from './builtin/t3-hierarchy';
import { rule as t3RowSum } from './builtin/t3-row-sum';
import { rule as t4Expenditure } from './builtin/t4-expenditure';
import { rule as t4FundColumns } from './builtin/t4-fund-columns';
import { rule as t4Income } from './builtin/t4-income';
import { rule as t4RequiredLines } from './builtin/t4-required-lines';
import { rule as t4TotalsEqual } from './builtin/t4-totals-equal';
import { rule as t5BasicSplit } from './builtin/t5-basic-split';
import { rule as t5Hierarchy } from './builtin/t5-hierarchy';
import { rule as t5RowSum } from './builtin/t5-row-sum';
import { rule as t6EconomicHierarchy } from './builtin/t6-economic-hierarchy';
import { rule as t6PersonnelPublic } from './builtin/t6-personnel-public';
import { rule as t7Columns } from './builtin/t7-columns';
import { rule as t7Totals } from './builtin/t7-totals';
import { rule as t8CarryOver } from './builtin/t8-carry-over';
import { rule as t8ExpenditureSum } from './builtin/t8-expenditure-sum';
import { rule as t8Hierarchy } from './builtin/t8-hierarchy';
import { rule as t9CarryOver } from './builtin/t9-carry-over';
import { rule as t9ExpenditureSum } from './builtin/t9-expenditure-sum';
import { rule as t9Hierarchy } from './builtin/t9-hierarchy';
import { rule as xT1ExpenditureT3 } from './builtin/x-t1-expenditure-t3';
import { rule as xT1FiscalT4 } from './builtin/x-t1-fiscal-t4';
import { rule as xT1IncomeT2 } from './builtin/x-t1-income-t2';
import { rule as xT2FiscalT4 } from './builtin/x-t2-fiscal-t4';
import { rule as xT4T5 } from './builtin/x-t4-t5';
import { rule as xT4T8 } from './builtin/x-t4-t8';
import { rule as xT4T9 } from './builtin/x-t4-t9';
import { rule as xT5BasicT6 } from './builtin/x-t5-basic-t6';
import { rule as xT6ThreePublicT7 } from './builtin/x-t6-three-public-t7';
import { rule as cUnknownCode } from './builtin/c-unknown-code';
import { rule as cNameMismatch } from './builtin/c-name-mismatch';
import { rule as cOtherYearName } from './builtin/c-other-year-name';
import { rule as cMissingParent } from './builtin/c-missing-parent';
import { rule as cSameCodeNames } from './builtin/c-same-code-names';
import { rule as cClassLines } from './builtin/c-class-lines';
import { rule as cEconomic } from './builtin/c-economic';

export const ARITHMETIC_RULES: Rule[] = [
  sConstantTotal,
  sHiddenPrecision,
  sNegative,
  t1ExpenditureGrandTotal,
  t1ExpenditureTotal,
  t1IncomeGrandTotal,
  t1IncomeTotal,
  t1RequiredLines,
  t1TotalsEqual,
  t2Hierarchy,
  t2RowSum,
  t3Hierarchy,
  t3RowSum,
  t4Expenditure,
  t4FundColumns,
  t4Income,
  t4RequiredLines,
  t4TotalsEqual,
  t5BasicSplit,
  t5Hierarchy,
  t5RowSum,
  t6EconomicHierarchy,
  t6PersonnelPublic,
  t7Columns,
  t7Totals,
  t8CarryOver,
  t8ExpenditureSum,
  t8Hierarchy,
  t9CarryOver,
  t9ExpenditureSum,
  t9Hierarchy,
  xT1ExpenditureT3,
  xT1FiscalT4,
  xT1IncomeT2,
  xT2FiscalT4,
  xT4T5,
  xT4T8,
  xT4T9,
  xT5BasicT6,
  xT6ThreePublicT7,
];

/** Catalogue rules: codes and names against the year's 政府收支分类科目. */
export const CATALOGUE_RULES: Rule[] = [cUnknownCode, cNameMismatch, cOtherYearName, cMissingParent, cSameCodeNames, cClassLines, cEconomic];

/** Extra rule sets registered by other modules (the catalogue rules). */
const extraRules: Rule[] = [];
export function registerRules(rules: Rule[]): void {
  for (const r of rules) if (!extraRules.some((x) => x.id === r.id)) extraRules.push(r);
}

export function allRules(): Rule[] {
  return [...ARITHMETIC_RULES, ...CATALOGUE_RULES, ...extraRules];
}

export interface CheckOptions {
  /** Report year for the catalogue; defaults to the year the workbook states. */
  year?: number;
  rules?: Rule[];
  /** Catalogues to use instead of the built-in ones (e.g. with the user's local 科目 added). */
  functional?: Catalogue;
  economic?: Catalogue;
}

export const TABLE_ORDER = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'X'];

/** What a check run gives: the findings, and the ledger of relations evaluated and not evaluated. */
export interface CheckResult {
  findings: Finding[];
  /** How many relations were evaluated (each total = Σ parts, each cross-table equality). */
  checked: number;
  /** Relations the rules know but could not evaluate, with why. Never skipped in silence. */
  unchecked: Unchecked[];
}

/** Run every rule; reader issues come first as findings of their own. Sorted by table, then severity. */
export function runRules(accounts: Accounts, options: CheckOptions = {}): Finding[] {
  return runRulesWithLedger(accounts, options).findings;
}

/** Run every rule and keep the ledger of what was and was not evaluated. */
export function runRulesWithLedger(accounts: Accounts, options: CheckOptions = {}): CheckResult {
  const year = options.year ?? accounts.facts.year ?? new Date().getFullYear() - 1;
  const ctx: RuleContext = {
    accounts,
    year,
    functional: options.functional ?? functionalCatalogue(),
    economic: options.economic ?? economicCatalogue(),
  };
  const findings: Finding[] = accounts.issues.map((i) => ({ rule: i.code, severity: i.severity, table: i.table, message: i.message, cells: i.cells }));
  const unchecked: Unchecked[] = [];
  let checked = 0;
  const source = accounts as unknown as Record<string, unknown>;
  for (const rule of options.rules ?? allRules()) {
    const missing = (rule.tables ?? []).filter((id) => !source[id]);
    if (missing.length) {
      unchecked.push({
        rule: rule.id,
        reason: `缺少${missing.map((id) => TABLE_NAMES[id as TableId] ?? id).join('、')}，未核对：${rule.title}。`,
        cells: (rule.tables ?? []).flatMap((id) => {
          const t = source[id] as { location?: { sheet: string; range: string } } | undefined;
          return t?.location ? [`${t.location.sheet}!${t.location.range}`] : [];
        }),
      });
      continue;
    }
    const report: Report = Object.assign((f: Parameters<Report>[0]) => findings.push({ rule: rule.id, severity: f.severity ?? rule.severity, ...stripSeverity(f) }), {
      checked: () => void checked++,
      unchecked: (u: Omit<Unchecked, 'rule'>) => void unchecked.push({ rule: rule.id, ...u }),
    });
    try {
      rule.check(ctx, report);
    } catch (e) {
      // A rule must never take the whole check down: report it as a finding of its own.
      findings.push({ rule: rule.id, severity: '警告', message: `规则“${rule.title}”执行出错，未能完成核对：${e instanceof Error ? e.message : String(e)}`, cells: [] });
      unchecked.push({ rule: rule.id, reason: `规则“${rule.title}”执行出错，未能完成核对。`, cells: [] });
    }
  }
  return { findings: sortFindings(findings), checked, unchecked };
}

function stripSeverity<T extends { severity?: unknown }>(f: T): Omit<T, 'severity'> {
  const { severity: _s, ...rest } = f;
  return rest;
}

export function sortFindings(findings: Finding[]): Finding[] {
  const tableRank = (t?: string) => {
    const i = TABLE_ORDER.indexOf(t ?? '');
    return i < 0 ? TABLE_ORDER.length : i;
  };
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => tableRank(a.f.table) - tableRank(b.f.table) || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

export function countBySeverity(findings: Finding[]): Record<'错误' | '警告' | '提示', number> {
  const c = { 错误: 0, 警告: 0, 提示: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
