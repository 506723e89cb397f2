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

it('large data sheets placed before the tables use up the cell budget last: the nine tables are still read', async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(BASE));
  const dense = (rows: number) => {
    const out: string[] = [];
    for (let r = 1; r <= rows; r++) {
      let cells = '';
      for (let c = 0; c < 20; c++) cells += `<c r="${columnName(c)}${r}"><v>${r + c}</v></c>`;
      out.push(`<row r="${r}">${cells}</row>`);
    }
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${out.join('')}</sheetData></worksheet>`;
  };
  let wb = await zip.file('xl/workbook.xml')!.async('string');
  let rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  let ct = await zip.file('[Content_Types].xml')!.async('string');
  const entries: string[] = [];
  for (const n of [1, 2]) {
    zip.file(`xl/worksheets/data${n}.xml`, dense(6000)); // 120,000 cells each: together beyond the workbook's budget
    rels = rels.replace('</Relationships>', `<Relationship Id="rIdData${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data${n}.xml"/></Relationships>`);
    ct = ct.replace('</Types>', `<Override PartName="/xl/worksheets/data${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
    entries.push(`<sheet name="明细账${n}" sheetId="${90 + n}" r:id="rIdData${n}"/>`);
  }
  wb = wb.replace(/<sheets>/, `<sheets>${entries.join('')}`);
  zip.file('xl/workbook.xml', wb);
  zip.file('xl/_rels/workbook.xml.rels', rels);
  zip.file('[Content_Types].xml', ct);
  const big = path.join(path.dirname(file), '明细在前.xlsx');
  fs.writeFileSync(big, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const r = await run(['read', big]);
  expect([r.code, r.out, r.err]).toEqual([0, expect.stringContaining('九张标准表齐全'), expect.anything()]);
  expect(r.out + r.err).toContain('“明细账');
}, 300_000);
