/**
 * Bounded work on a dense sheet: two million numeric cells (55 MB of sheet XML, under the package limits) are
 * counted in the XML before exceljs parses anything, and only the allowed number is read — with a warning that
 * says so — instead of a command running for minutes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { BASE } from './malformed/corpus';
import { run } from './malformed/harness';
import { columnName } from '../src/snapshot/address';
import { LIMITS } from '../src/adapters/exceljs/limits';

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-limits-')), 'dense.xlsx');

beforeAll(async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(BASE));
  const part = 'xl/worksheets/sheet9.xml';
  const rows: string[] = [];
  for (let r = 100; r < 20100; r++) {
    let cells = '';
    for (let c = 0; c < 100; c++) cells += `<c r="${columnName(c)}${r}"><v>${c}</v></c>`;
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  zip.file(part, (await zip.file(part)!.async('string')).replace('</sheetData>', rows.join('') + '</sheetData>'));
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}, 300_000);

it('two million cells: read finishes, reads the tables, and says which rows were not read', async () => {
  const r = await run(['read', file]);
  expect(r.code).toBe(0);
  expect(r.out).toContain('九张标准表齐全');
  expect(r.out).toContain(`单元格数超过上限（每个工作表 ${LIMITS.sheetCells} 个`);
}, 300_000);
