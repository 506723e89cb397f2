/**
 * Writes one generated-layout case (test/generated) to an .xlsx to reproduce it, with what was checked:
 *   npx ts-node --transpile-only scripts/generated-case.ts <seed> [out.xlsx] [--mutation N]
 * Without --mutation the correct workbook is written; with it, the workbook with mutation N (0-based) applied.
 * Prints the layout, the 错误, false 警告 and misread figures of the correct workbook, and the mutations with their outcome.
 */
import * as path from 'path';
import { caseFor, check, checkCorrect, checkMutation, describeCase, emptyTableMutation, mutationsFor, renderCase } from '../test/generated/properties';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seed = Number(args[0]);
  if (!Number.isInteger(seed)) {
    console.error('用法：npx ts-node --transpile-only scripts/generated-case.ts <seed> [out.xlsx] [--mutation N]');
    process.exit(2);
  }
  const mi = args.indexOf('--mutation');
  const mutationIndex = mi >= 0 ? Number(args[mi + 1]) : undefined;
  const out = args[1] && !args[1].startsWith('--') ? args[1] : `generated-${seed}${mutationIndex !== undefined ? `-m${mutationIndex}` : ''}.xlsx`;
  const c = caseFor(seed);
  const r = renderCase(c);
  console.log(describeCase(c));
  const res = checkCorrect(r, check(r.workbook));
  for (const f of [...res.errors, ...res.warnings]) console.log(`  ${f.severity} ${f.rule} ${f.cells.join(' ')} ${f.message}`);
  for (const m of res.misread) console.log(`  misread ${m}`);
  const empty = emptyTableMutation(c, r);
  const mutations = [...mutationsFor(c, r), ...(empty ? [empty] : [])];
  mutations.forEach((m, i) => {
    const x = checkMutation(r, m);
    console.log(`  mutation ${i}: ${m.kind} ${m.cell} ${m.what} → ${x.found ? `found (${x.findings.map((f) => f.rule).join(', ')})` : 'MISSED'}`);
  });
  if (mutationIndex !== undefined) {
    const m = mutations[mutationIndex];
    if (!m) throw new Error(`case ${seed} has no mutation ${mutationIndex}`);
    for (const w of [{ cell: m.cell, after: m.after, fmt: m.fmt }, ...(m.also ?? [])]) {
      const i = w.cell.lastIndexOf('!');
      const cell = r.workbook.getWorksheet(w.cell.slice(0, i))!.getCell(w.cell.slice(i + 1));
      cell.value = w.after;
      if ('fmt' in w && w.fmt) cell.numFmt = w.fmt;
    }
  }
  await r.workbook.xlsx.writeFile(out);
  console.log(`written ${path.resolve(out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
