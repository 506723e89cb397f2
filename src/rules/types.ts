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

/** A relation the rules know but could not evaluate, and why ("table missing", "figure unreadable" …). */
export interface Unchecked {
  rule: string;
  /** Chinese: which relation, and why it was not evaluated. */
  reason: string;
  /** The cells that were found (the figure that was, the table's range); may be empty when the table is missing. */
  cells: string[];
}

/**
 * What a rule's check reports; rule id and default severity are filled in by the runner. Besides findings,
 * a check says which relations it evaluated (`checked`) and which it could not (`unchecked`): nothing is
 * skipped in silence. Both are optional so a plain function still works as a Report in tests.
 */
export type Report = ((f: Omit<Finding, 'rule' | 'severity'> & { severity?: Severity }) => void) & {
  checked?: () => void;
  unchecked?: (u: Omit<Unchecked, 'rule'>) => void;
};

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
  /**
   * The tables the rule's relations need. When one is missing the runner lists the rule as not evaluated
   * (with the missing tables) instead of running it.
   */
  tables?: string[];
  check(ctx: RuleContext, report: Report): void;
}
