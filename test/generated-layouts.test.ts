/**
 * Generated layouts (issue 9, item 7): the same accounts written in every combination of the layout dimensions
 * real exports use (test/generated/layout.ts), in memory, read and checked like a user's workbook.
 *   (a) every correct workbook gives 0 错误, no false 警告, and the reader reads every written figure from its cell;
 *   (b) every single-cell change beyond rounding (an amount, a code, a name) is found by a finding naming it;
 *   (c) a figure typed into a table written in an empty form (blank row, —/0/0.00 row, no row, a "本表无数据" note)
 *       is read and checked or reported: a 错误 names that cell, never a silent 0.
 * Reproduce a case as a real file: npx ts-node --transpile-only scripts/generated-case.ts <seed> [out.xlsx]
 */
import { Finding } from '../src/rules/types';
import { caseFor, check, checkCorrect, checkMutation, describeCase, emptyTableMutation, mutationsFor, renderCase } from './generated/properties';

/** Correct workbooks, two mutated copies of six in ten, and one with a figure in an empty table: over 2,000 workbooks. */
const CORRECT = 1000;
// Chunks small enough to stay far inside the 120 s test timeout on a loaded 2-core machine.
const CHUNK = 50;

interface Tally {
  workbooks: number;
  correct: number;
  passed: number;
  failed: string[];
  mutations: number;
  found: number;
  missed: string[];
  /** (c): workbooks with a figure typed into an empty table. */
  emptyMutations: number;
  emptyFound: number;
  emptyMissed: string[];
}

const tally: Tally = { workbooks: 0, correct: 0, passed: 0, failed: [], mutations: 0, found: 0, missed: [], emptyMutations: 0, emptyFound: 0, emptyMissed: [] };

function show(f: Finding): string {
  return `${f.rule} ${f.cells.slice(0, 3).join(' ')} ${f.message.slice(0, 120)}`;
}

function runChunk(from: number): void {
  for (let seed = from; seed < from + CHUNK; seed++) {
    const c = caseFor(seed);
    const r = renderCase(c);
    tally.workbooks++;
    tally.correct++;
    const res = checkCorrect(r, check(r.workbook));
    const problems = [...res.errors.map(show), ...res.warnings.map(show), ...res.misread, ...res.missingTables.map((t) => `${t} not found`)];
    if (problems.length) {
      tally.failed.push(`${describeCase(c)}\n    ${problems.slice(0, 3).join('\n    ')}`);
      continue;
    }
    tally.passed++;
    // Mutations only on workbooks that pass (a): a change must be found against a clean background.
    if (seed % 2 === 1 && seed % 5 !== 1) continue;
    for (const m of mutationsFor(c, r)) {
      tally.workbooks++;
      tally.mutations++;
      const x = checkMutation(r, m);
      if (x.found) tally.found++;
      else tally.missed.push(`seed ${seed}: ${m.kind} ${m.cell} (${m.what}) not named by any finding`);
    }
    const e = emptyTableMutation(c, r);
    if (e) {
      tally.workbooks++;
      tally.emptyMutations++;
      if (checkMutation(r, e).found) tally.emptyFound++;
      else tally.emptyMissed.push(`seed ${seed}: ${e.cell} (${e.what}) not named by any 错误`);
    }
  }
}

describe('generated layouts', () => {
  for (let from = 0; from < CORRECT; from += CHUNK) {
    test(`seeds ${from}–${from + CHUNK - 1}: correct workbooks and single-cell changes`, () => {
      runChunk(from);
    });
  }

  test('(a) every correct workbook gives 0 错误, no false 警告, and reads the figures written', () => {
    expect(tally.correct).toBe(CORRECT);
    expect(tally.workbooks).toBeGreaterThanOrEqual(2000);
    expect(tally.failed).toEqual([]);
  });

  test('(b) every single-cell change is found naming that cell', () => {
    expect(tally.mutations).toBeGreaterThan(CORRECT / 2);
    expect(tally.missed).toEqual([]);
  });

  test('(c) a figure typed into an empty table is found naming that cell', () => {
    expect(tally.emptyMutations).toBeGreaterThan(CORRECT / 3);
    expect(tally.emptyMissed).toEqual([]);
  });

  afterAll(() => {
    console.info(
      `generated layouts: ${tally.workbooks} workbooks (${tally.correct} correct, ${tally.mutations} with one change); ` +
        `${tally.passed} correct ones pass (a); changes found ${tally.found}, missed ${tally.missed.length}; ` +
        `figures typed into empty tables ${tally.emptyMutations}, found ${tally.emptyFound}, missed ${tally.emptyMissed.length}`,
    );
  });
});
