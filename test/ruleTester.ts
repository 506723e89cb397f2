/**
 * A RuleTester in the way of ESLint's: a rule run alone over accounts built in memory, each invalid case asserting
 * the exact findings (count, severity, cells, expected, actual), each valid case asserting none.
 */
import { Accounts } from '../src/model/types';
import { Catalogue } from '../src/catalogue';
import { Finding, Rule } from '../src/rules/types';

export interface InvalidCase {
  name: string;
  accounts: () => Accounts;
  findings: Pick<Finding, 'severity' | 'cells' | 'expected' | 'actual'>[];
}

export interface ValidCase {
  name: string;
  accounts: () => Accounts;
}

export function runRule(rule: Rule, accounts: Accounts): Finding[] {
  const out: Finding[] = [];
  const report = Object.assign(
    (f: Omit<Finding, 'rule' | 'severity'> & { severity?: Finding['severity'] }) => out.push({ ...f, rule: rule.id, severity: f.severity ?? rule.severity }),
    { checked: () => undefined, unchecked: () => undefined },
  );
  // Arithmetic rules do not use the catalogues.
  rule.check({ accounts, year: accounts.facts.year ?? 2021, functional: undefined as unknown as Catalogue, economic: undefined as unknown as Catalogue }, report);
  return out;
}

/** Ids of the rules that have their own case file under test/rules. */
export const RULE_TESTS = new Set<string>();

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  RULE_TESTS.add(rule.id);
  describe(rule.id, () => {
    for (const c of cases.valid) it(`valid: ${c.name}`, () => expect(runRule(rule, c.accounts())).toEqual([]));
    for (const c of cases.invalid)
      it(`invalid: ${c.name}`, () => {
        const got = runRule(rule, c.accounts()).map((f) => ({ severity: f.severity, cells: f.cells, expected: f.expected, actual: f.actual }));
        expect(got).toEqual(c.findings);
      });
  });
}
