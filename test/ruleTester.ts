/**
 * A RuleTester in the way of ESLint's: a rule run alone over accounts built in memory, each invalid case asserting
 * the exact findings (count, severity, cells, expected, actual), each valid case asserting none.
 */
import { Accounts, Figure } from '../src/model/types';
import { wan } from '../src/money/money';
import { yuquan2021 } from './fixtures/specs';
import { accountsFromSpec } from './narrativeSupport';
import { economicCatalogue, functionalCatalogue } from '../src/catalogue';
import { Finding, Rule } from '../src/rules/types';

export interface InvalidCase {
  name: string;
  accounts: () => Accounts;
  /** The exact findings, in order; a finding that gives `message` has its message asserted too. */
  findings: (Pick<Finding, 'severity' | 'cells' | 'expected' | 'actual'> & { message?: string })[];
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
  // The shipped catalogues, for the C- rules (the arithmetic rules ignore them).
  rule.check({ accounts, year: accounts.facts.year ?? 2021, functional: functionalCatalogue(), economic: economicCatalogue() }, report);
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
        const found = runRule(rule, c.accounts());
        expect(found.map((f) => f.rule)).toEqual(found.map(() => rule.id));
        const got = found.map((f, i) => ({
          severity: f.severity,
          cells: f.cells,
          expected: f.expected,
          actual: f.actual,
          ...(c.findings[i] && 'message' in c.findings[i] ? { message: f.message } : {}),
        }));
        expect(got).toEqual(c.findings);
      });
  });
}

/** Every Figure in the accounts (found by walking the model), keyed by its cell address. */
function figuresAt(accounts: Accounts, cell: string): Figure[] {
  const found: Figure[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.fen === 'number' && o.cell === cell) found.push(o as unknown as Figure);
    for (const k of Object.keys(o)) walk(o[k]);
  };
  walk(accounts);
  return found;
}

/** Set the figure at `cell` to `w` 万元 (as if the user had typed that), in place; returns the accounts. */
export function setCell(accounts: Accounts, cell: string, w: string): Accounts {
  const figs = figuresAt(accounts, cell);
  if (!figs.length) throw new Error(`no figure at ${cell}`);
  for (const f of figs) {
    f.fen = wan(w);
    f.raw = w;
  }
  return accounts;
}

/** Give a coded table (T2, T3, T5, T8, T9) the column list its rows' values imply, the way the recogniser records it. */
export function withColumns<T extends Accounts>(accounts: T, ...tables: ('T2' | 'T3' | 'T5' | 'T8' | 'T9')[]): T {
  for (const id of tables) {
    const t = accounts[id];
    if (!t) continue;
    const keys = Object.keys((t.total ?? t.rows[0])?.values ?? {});
    t.location.columns = keys.map((key, col) => ({ key, header: key, col }));
  }
  return accounts;
}

/**
 * The 玉泉 2021 accounts (every relation holds, exact to the 分) built in memory, with the column lists of the
 * coded tables recorded; `edits` set cells to other 万元 values, as if the user had typed them.
 */
export function yuquanAccounts(edits: Record<string, string> = {}): Accounts {
  const a = withColumns(accountsFromSpec(yuquan2021), 'T2', 'T3', 'T5', 'T8', 'T9');
  for (const [cell, w] of Object.entries(edits)) setCell(a, cell, w);
  return a;
}

/**
 * The 玉泉 accounts with a 国有资本经营 table (公开09表) shaped like their 政府性基金 table: T8's rows and columns
 * copied, every cell moved to 公开09表. For the T9 row and hierarchy rules, whose relations are T8's.
 */
export function yuquanWithT9(edits: Record<string, string> = {}): Accounts {
  const a = yuquanAccounts();
  const copy = JSON.parse(JSON.stringify(a.T8).replace(/公开08表/g, '公开09表')) as NonNullable<Accounts['T8']>;
  a.T9 = { ...copy, location: { ...copy.location, id: 'T9', sheet: '公开09表' } };
  for (const [cell, w] of Object.entries(edits)) setCell(a, cell, w);
  return a;
}
