/**
 * A generator of damaged and hostile workbooks, built from one real workbook (the 玉泉 2021 fixture):
 * broken packages, missing parts, encrypted / .xls / .csv / .html renamed, error values, formulas without
 * cached values, text numbers of every kind, merged and hidden cells, a hidden copy of last year, huge sheets
 * and strings, formula-like unit names, sheets named like the add-in's own, forged ownership marks, garbage in
 * 补充信息. Each case is written to `dir` as an .xlsx file.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const BASE = path.join(__dirname, '..', 'fixtures', 'xlsx', 'yuquan2021-sichuan.xlsx');

export interface Case {
  name: string;
  file: string;
  /** A sheet the case put there on purpose whose cells must never change (beyond the tables). */
  note?: string;
}

type Mutation = { name: string; bytes?: (base: Buffer) => Promise<Buffer> | Buffer; book?: (wb: ExcelJS.Workbook) => void | Promise<void> };

async function zipEdit(base: Buffer, edit: (zip: JSZip) => Promise<void> | void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function editPart(zip: JSZip, part: string, f: (xml: string) => string): Promise<void> {
  const xml = await zip.file(part)!.async('string');
  zip.file(part, f(xml));
}

const T1 = '公开01表';
const T2 = '公开02表';
const T3 = '公开03表';
const T5 = '公开05表';

function setAmount(wb: ExcelJS.Workbook, sheet: string, addr: string, value: ExcelJS.CellValue): void {
  wb.getWorksheet(sheet)!.getCell(addr).value = value;
}

/** The rows of the 补充信息 sheet the tool would write: filled with every kind of input. */
function supplementGarbage(wb: ExcelJS.Workbook, kinds: ExcelJS.CellValue[]): void {
  const ws = wb.addWorksheet('补充信息');
  ws.getCell('A1').value = '补充信息（决算助手）';
  const keys = ['unitName', 'year', 'last.incomeGrandTotal', 'last.expenseGrandTotal', 'vehicles.fleet', 'reception.batches', 'reason.threePublicChange', 'running.amount', 'staff.total', 'last.threePublic'];
  keys.forEach((k, i) => {
    const r = ws.getRow(4 + i);
    r.getCell(2).value = k;
    r.getCell(3).value = kinds[i % kinds.length];
    r.getCell(6).value = k;
  });
}

const TEXT_NUMBERS = ['1,234.50', '１２３．４', '(123.00)', '-', '—', '1e21', 'NaN', 'Infinity', '123456789012345678', ' 12 ', '12万元', '约3000万元', '十五', '0x1F', '1.2.3', '-0', '+5', '１，２３４'];

const MUTATIONS: Mutation[] = [
  // ---------------------------------------------------------------- packages
  { name: 'empty', bytes: () => Buffer.alloc(0) },
  { name: 'truncated-half', bytes: (b) => b.subarray(0, b.length >> 1) },
  { name: 'truncated-10', bytes: (b) => b.subarray(0, 10) },
  { name: 'random-bytes', bytes: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) & 255)) },
  { name: 'xls-ole', bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048, 7)]) },
  { name: 'encrypted-ole', bytes: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('EncryptionInfo EncryptedPackage'.repeat(40))]) },
  { name: 'csv-renamed', bytes: () => Buffer.from('\ufeff项目,决算数\n一般公共预算财政拨款收入,843.28\n合计,853\n', 'utf8') },
  { name: 'html-renamed', bytes: () => Buffer.from('<html><body><table><tr><td>收入支出决算总表</td></tr></table></body></html>') },
  {
    name: 'docx-zip',
    bytes: () => {
      const z = new JSZip();
      z.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
      z.file('word/document.xml', '<w:document/>');
      return z.generateAsync({ type: 'nodebuffer' });
    },
  },
  { name: 'no-content-types', bytes: (b) => zipEdit(b, (z) => void z.remove('[Content_Types].xml')) },
  { name: 'no-workbook', bytes: (b) => zipEdit(b, (z) => void z.remove('xl/workbook.xml')) },
  { name: 'no-sheet-part', bytes: (b) => zipEdit(b, (z) => void z.remove('xl/worksheets/sheet1.xml')) },
  { name: 'no-shared-strings', bytes: (b) => zipEdit(b, (z) => void z.remove('xl/sharedStrings.xml')) },
  { name: 'no-styles', bytes: (b) => zipEdit(b, (z) => void z.remove('xl/styles.xml')) },
  { name: 'sheet-xml-truncated', bytes: (b) => zipEdit(b, (z) => editPart(z, 'xl/worksheets/sheet2.xml', (x) => x.slice(0, x.length >> 1))) },
  { name: 'shared-string-out-of-range', bytes: (b) => zipEdit(b, (z) => editPart(z, 'xl/worksheets/sheet1.xml', (x) => x.replace(/(t="s"[^>]*><v>)\d+</, '$199999<'))) },
  { name: 'workbook-xml-garbage', bytes: (b) => zipEdit(b, (z) => void z.file('xl/workbook.xml', '<<<not xml>>>')) },
  { name: 'corrupted-entry', bytes: (b) => { const c = Buffer.from(b); for (let i = 600; i < 900; i++) c[i] ^= 0x5a; return c; } },
  {
    name: 'stray-cell-XFD1048576',
    bytes: (b) => zipEdit(b, (z) => editPart(z, 'xl/worksheets/sheet1.xml', (x) => x.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>').replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'))),
  },
  { name: 'dimension-lies', bytes: (b) => zipEdit(b, (z) => editPart(z, 'xl/worksheets/sheet3.xml', (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'))) },
  {
    name: 'inflated-sheet-over-limit',
    bytes: (b) => zipEdit(b, (z) => void z.file('xl/worksheets/sheet9.xml', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>' + ' '.repeat(64 * 1024 * 1024) + '</worksheet>')),
  },
  { name: 'huge-string-40000', bytes: (b) => zipEdit(b, (z) => editPart(z, 'xl/worksheets/sheet4.xml', (x) => x.replace('</sheetData>', `<row r="200"><c r="A200" t="inlineStr"><is><t>${'长'.repeat(40000)}</t></is></c></row></sheetData>`))) },
  { name: 'ampersand-escapes', bytes: (b) => zipEdit(b, (z) => editPart(z, 'xl/sharedStrings.xml', (x) => x.replace('收入支出决算总表', '收入&amp;支出&#x51b3;算总表&lt;x&gt;'))) },
  { name: 'many-empty-sheets', book: (wb) => { for (let i = 0; i < 150; i++) wb.addWorksheet(`空表${i}`); } },
  { name: 'wide-sheet', book: (wb) => { const ws = wb.addWorksheet('宽表'); const row = ws.getRow(1); for (let c = 1; c <= 2000; c++) row.getCell(c).value = c; } },
  { name: 'tall-sheet', book: (wb) => { const ws = wb.addWorksheet('长表'); for (let r = 1; r <= 25000; r++) ws.getCell(r, 1).value = r; } },
  // ---------------------------------------------------------------- values
  { name: 'error-values', book: (wb) => { setAmount(wb, T1, 'C7', { error: '#REF!' } as ExcelJS.CellErrorValue); setAmount(wb, T2, 'D7', { error: '#DIV/0!' } as ExcelJS.CellErrorValue); } },
  { name: 'formula-no-cache', book: (wb) => { setAmount(wb, T1, 'C7', { formula: 'SUM(C8:C12)' } as ExcelJS.CellFormulaValue); setAmount(wb, T2, 'D7', { formula: 'SUM(D8:D40)' } as ExcelJS.CellFormulaValue); } },
  { name: 'formula-with-cache', book: (wb) => setAmount(wb, T1, 'C7', { formula: 'C8+0', result: 843.28 } as ExcelJS.CellFormulaValue) },
  { name: 'formula-error-cache', book: (wb) => setAmount(wb, T5, 'D7', { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue) },
  ...TEXT_NUMBERS.map((t, i) => ({ name: `text-number-${i}`, book: (wb: ExcelJS.Workbook) => { setAmount(wb, T1, 'C7', t); setAmount(wb, T5, 'E10', t); } })),
  { name: 'number-1e21', book: (wb) => setAmount(wb, T1, 'C7', 1e21) },
  { name: 'number-15-digits', book: (wb) => setAmount(wb, T2, 'D8', 123456789012345) },
  { name: 'number-negative-zero-date-bool', book: (wb) => { setAmount(wb, T1, 'C8', -0); setAmount(wb, T1, 'C9', new Date(2021, 0, 1)); setAmount(wb, T1, 'C10', true); } },
  { name: 'merged-amounts', book: (wb) => wb.getWorksheet(T5)!.mergeCells('D8:E10') },
  { name: 'hidden-rows-cols', book: (wb) => { const ws = wb.getWorksheet(T2)!; ws.getRow(9).hidden = true; ws.getColumn(5).hidden = true; } },
  {
    name: 'hidden-last-year-copy',
    book: (wb) => {
      const src = wb.getWorksheet(T1)!;
      const copy = wb.addWorksheet('2020年公开01表', { state: 'hidden' });
      src.eachRow((row, r) => row.eachCell((c, col) => (copy.getCell(r, col).value = typeof c.value === 'string' ? c.value.replace('2021', '2020') : typeof c.value === 'number' ? c.value * 2 : c.value)));
      wb.worksheets.splice(0, 0); // keep order: copy last
    },
  },
  { name: 'deleted-total-T2', book: (wb) => wb.getWorksheet(T2)!.spliceRows(7, 1) },
  { name: 'deleted-total-T3', book: (wb) => wb.getWorksheet(T3)!.spliceRows(7, 1) },
  { name: 'deleted-total-T5', book: (wb) => wb.getWorksheet(T5)!.spliceRows(7, 1) },
  { name: 'mixed-units', book: (wb) => setAmount(wb, T2, 'I3', '单位：元') },
  { name: 'unit-name-hyperlink', book: (wb) => setAmount(wb, T1, 'A3', '部门：=HYPERLINK("http://example.invalid","点我")') },
  { name: 'unit-name-formula-like', book: (wb) => { for (const s of [T1, T2, T3, T5]) setAmount(wb, s, 'A3', '=HYPERLINK("http://example.invalid","x")'); } },
  { name: 'unit-name-plus', book: (wb) => { for (const s of [T1, T2, T3, T5]) setAmount(wb, s, 'A3', '部门：+1+1'); } },
  { name: 'unit-name-at', book: (wb) => { for (const s of [T1, T2, T3, T5]) setAmount(wb, s, 'A3', '部门：@SUM(1)'); } },
  { name: 'item-names-formula-like', book: (wb) => { setAmount(wb, T5, 'B10', '=1+1'); setAmount(wb, T5, 'B11', '+cmd|"/c calc"!A1'); setAmount(wb, T5, 'B12', '-2+3'); setAmount(wb, T5, 'B13', '@SUM(1)'); } },
  // ---------------------------------------------------------------- the add-in's names
  { name: 'user-sheet-named-补充信息', book: (wb) => { const ws = wb.addWorksheet('补充信息'); ws.getCell('A1').value = '我的笔记'; ws.getCell('C5').value = 123; } },
  { name: 'user-sheet-named-决算说明', book: (wb) => { wb.addWorksheet('决算说明').getCell('A1').value = '我自己写的说明'; } },
  { name: 'user-sheet-named-执行率汇总', book: (wb) => { wb.addWorksheet('执行率汇总').getCell('B2').value = 0.97; } },
  { name: 'user-sheet-named-标注', book: (wb) => { wb.addWorksheet('决算助手_标注').getCell('A1').value = '用户的'; } },
  {
    name: 'forged-owned-name',
    book: (wb) => {
      wb.addWorksheet('补充信息').getCell('C4').value = '用户的数据';
      wb.definedNames.add("'补充信息'!$A$1", '决算助手_owned_1');
    },
  },
  {
    name: 'forged-signature',
    bytes: (b) => zipEdit(b, (z) => editPart(z, 'xl/workbook.xml', (x) => x.replace('</workbook>', '<definedNames><definedName name="决算助手_签名" hidden="1">"v1 e30= 00000000000000000000000000000000"</definedName></definedNames></workbook>').replace(/<definedNames><\/definedNames>/, ''))),
  },
  // ---------------------------------------------------------------- 补充信息 garbage
  { name: 'supplement-garbage-text', book: (wb) => supplementGarbage(wb, ['约3000万元', '十五', '两辆', '1,234.50', '-3', '=1+1', '', '   ', 'NaN', '1e21']) },
  {
    name: 'supplement-formulas',
    book: (wb) => supplementGarbage(wb, [{ formula: "'公开01表'!D7" } as ExcelJS.CellFormulaValue, { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue, { error: '#N/A' } as ExcelJS.CellErrorValue, -5, 1e300, 2.5]),
  },
  { name: 'supplement-huge-text', book: (wb) => supplementGarbage(wb, ['说'.repeat(32000), '+SUM(A1)', '@x', '-1-1']) },
];

/** Write every case to `dir`; returns them in order. */
export async function buildCorpus(dir: string, only?: string[]): Promise<Case[]> {
  fs.mkdirSync(dir, { recursive: true });
  const base = fs.readFileSync(BASE);
  const cases: Case[] = [];
  for (const m of MUTATIONS.filter((x) => !only || only.includes(x.name))) {
    const file = path.join(dir, `${m.name}.xlsx`);
    let bytes: Buffer;
    if (m.bytes) bytes = Buffer.from(await m.bytes(base));
    else {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(base as unknown as ArrayBuffer);
      await m.book!(wb);
      bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    }
    fs.writeFileSync(file, bytes);
    cases.push({ name: m.name, file });
  }
  return cases;
}

export const CASE_COUNT = MUTATIONS.length;
