/**
 * Writes every fixture of test/fixtures/builder/fixtures.ts to test/fixtures/xlsx/<name>.xlsx with
 * <name>.cells.json (key → "Sheet!A1"), and the README sample to samples/玉泉街道2021.xlsx.
 *   npx ts-node --transpile-only scripts/build-fixtures.ts      (npm run fixtures)
 */
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, workbookBytes } from '../test/fixtures/builder/fixtures';
import { buildInto } from '../test/fixtures/builder';
import { yuquan2021 } from '../test/fixtures/specs';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'test', 'fixtures', 'xlsx');

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of FIXTURES) {
    const t0 = Date.now();
    const out = await f.make();
    fs.writeFileSync(path.join(OUT, `${f.name}.xlsx`), out.bytes);
    fs.writeFileSync(path.join(OUT, `${f.name}.cells.json`), `${JSON.stringify(sortKeys(out.cells), null, 1)}\n`);
    console.log(`${f.name}.xlsx  ${out.bytes.length} bytes, ${Object.keys(out.cells).length} cells, ${Date.now() - t0} ms`);
  }
  const sample = buildInto(yuquan2021, 'sichuan');
  fs.mkdirSync(path.join(ROOT, 'samples'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'samples', '玉泉街道2021.xlsx'), await workbookBytes(sample.workbook));
  console.log('samples/玉泉街道2021.xlsx');
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
