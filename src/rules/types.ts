/**
 * Rules are data-like units, the way ESLint keeps its rules: one id, one Chinese title, one default
 * severity, one check function over the Accounts model. Every finding carries the cells involved.
 */
import { Accounts } from '../model/types';
import type { Catalogue } from '../catalogue';

export type Severity = '错误' | '警告' | '提示';

export const SEVERITY_ORDER: Record<Severity, number> = { 错误: 0, 警告: 1, 提示: 2 };

export interface Finding {
  /** Rule id, e.g. "T1-收支总计相等". Reader problems use their own codes ("R-缺表"). */
  rule: string;
  severity: Severity;
  /** The table the finding belongs to (T1…T9, "X" for cross-table, or an extra table's id). */
  table?: string;
  message: string;
  /** Every cell involved, "公开01表!C8". */
  cells: string[];
  /** Expected and actual values, as shown to the user ("853.00"), when the rule compares numbers. */
  expected?: string;
  actual?: string;
}

/** What a rule's check reports; rule id and default severity are filled in by the runner. */
export type Report = (f: Omit<Finding, 'rule' | 'severity'> & { severity?: Severity }) => void;

export interface RuleContext {
  accounts: Accounts;
  /** The report year the catalogue checks use. */
  year: number;
  /** The catalogues in force (built-in, plus the user's local 科目). */
  functional: Catalogue;
  economic: Catalogue;
}

export interface Rule {
  id: string;
  /** Short Chinese title shown in lists. */
  title: string;
  severity: Severity;
  /** What it checks, for the rule list (DOMAIN.md §3 wording). */
  description: string;
  check(ctx: RuleContext, report: Report): void;
}
