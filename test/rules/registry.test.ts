/**
 * Every registered rule has its own unit cases (test/rules/<rule>.test.ts with ruleTester) — or is listed here by id
 * as still missing them, so a new rule without cases fails this test. The workbook integration test stays
 * test/rules.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../../src/rules';
import { Rule } from '../../src/rules/types';

/** Rules whose unit cases are still to be written (issue 10, step 5): remove an id when its file exists. */
const STILL_WITHOUT_UNIT_CASES: string[] = [];

it('every registered rule has unit cases, or is listed by id as still missing them', () => {
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.ts') && f !== 'registry.test.ts');
  const covered = new Set<string>();
  for (const f of files) {
    const src = fs.readFileSync(path.join(__dirname, f), 'utf8');
    const m = /from '\.\.\/\.\.\/src\/rules\/builtin\/([\w-]+)'/.exec(src);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (m) covered.add((require(`../../src/rules/builtin/${m[1]}`) as { rule: Rule }).rule.id);
  }
  const ids = allRules().map((r) => r.id);
  expect(ids.length).toBeGreaterThan(0);
  const missing = ids.filter((id) => !covered.has(id)).sort();
  expect(missing).toEqual([...STILL_WITHOUT_UNIT_CASES].sort());
});
