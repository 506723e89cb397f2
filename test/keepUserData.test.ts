/**
 * What the user typed is kept, and no file is overwritten by surprise: 补充信息 filled with every kind of input
 * survives every writer run twice cell for cell; parts exceljs cannot model (a chart on a source sheet) are
 * carried byte for byte by an in-place update; -o naming the input is refused; an existing default output is
 * never replaced; a name that merely looks like the add-in's marker does not make a workbook "ours".
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../src/cli/main';
import { addCharts } from '../src/adapters/exceljs/charts';
import { dumpSheet } from './sheetDump';

const FIXTURE = path.join(__dirname, 'fixtures', 'xlsx', 'yuquan2021-sichuan.xlsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-keep-'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

const KINDS: ExcelJS.CellValue[] = [
  123.45,
  '1,234.50',
  '约3000万元',
  '十五',
  { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue,
  { formula: "'公开01表'!D7" } as ExcelJS.CellFormulaValue,
  -3,
  '=HYPERLINK("http://example.invalid","x")',
  '+1+1',
  '@SUM(1)',
  '两辆',
  '０．５',
  '因公出国（境）团组减少，相应费用下降。',
  { error: '#N/A' } as ExcelJS.CellErrorValue,
  ' 12 ',
  1e21,
];

describe('补充信息 keeps what was typed through every writer', () => {
  const input = path.join(tmp, '玉泉.xlsx');
  const first = path.join(tmp, '玉泉_决算助手.xlsx');
  const filled = path.join(tmp, '已填写.xlsx');
  let filledDump: Record<string, unknown>;

  beforeAll(async () => {
    fs.copyFileSync(FIXTURE, input);
    expect((await run('init', input)).code).toBe(0);
    // The user fills every field with every kind of input, writes notes in 说明, adds rows, formats cells.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const ws = wb.getWorksheet('补充信息')!;
    let i = 0;
    let last = 0;
    ws.eachRow((row, r) => {
      last = r;
      const key = row.getCell(6).value;
      if (typeof key !== 'string' || !/\./.test(key) && !['unitName', 'year'].includes(key)) return;
      const c = row.getCell(3);
      c.value = KINDS[i % KINDS.length];
      if (i % 5 === 0) c.font = { bold: true, color: { argb: 'FFFF0000' } };
      if (i % 7 === 0) c.numFmt = '#,##0.000';
      if (i % 3 === 0) row.getCell(5).value = `用户备注${i}：按财务科口径`;
      if (i % 11 === 0) c.note = '来源：2023年报表';
      i++;
    });
    ws.getCell(last + 2, 2).value = '我自己加的一行';
    ws.getCell(last + 2, 3).value = 42;
    ws.getCell(last + 3, 3).value = { formula: `C${last + 2}*2`, result: 84 } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(filled);
    filledDump = await dumpSheet(filled, '补充信息');
    expect(Object.keys(filledDump).length).toBeGreaterThan(200);
    expect(Object.values(filledDump)).toEqual(expect.arrayContaining([expect.objectContaining({ v: { formula: "'公开01表'!D7" } })]));
  });

  it('init, generate, init, generate … leave every 补充信息 cell exactly as typed', async () => {
    // A file the tool did not mark (exceljs re-saved it): results go to a new file, the input is not touched.
    const before = fs.readFileSync(filled);
    const r1 = await run('init', filled);
    expect(r1.code).toBe(0);
    expect(fs.readFileSync(filled).equals(before)).toBe(true);
    const out = path.join(tmp, '已填写_决算助手.xlsx');
    expect(r1.out).toContain('原有内容一字未改');
    expect(r1.out).toMatch(/补充信息第\d+行（[^）]+）：“约3000万元”不是金额（万元），未使用。/);
    expect(r1.out).toMatch(/补充信息第\d+行（[^）]+）：公式没有计算结果/);
    expect(await dumpSheet(out, '补充信息')).toEqual(filledDump);
    // Now the tool's own file: every writer, twice, in place.
    for (const argv of [['init', out], ['generate', out], ['init', out], ['generate', out], ['generate', out, '--form', 'shanghai']]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.out).toContain('就地更新');
      expect(await dumpSheet(out, '补充信息')).toEqual(filledDump);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['补充信息', '决算说明', '执行率汇总']));
  });
});

describe('no file is overwritten by surprise', () => {
  it('-o naming the input (or a path to it) is refused', async () => {
    const file = path.join(tmp, '自己.xlsx');
    fs.copyFileSync(FIXTURE, file);
    const before = fs.readFileSync(file);
    for (const o of [file, path.join(tmp, '.', '自己.xlsx')]) {
      for (const cmd of ['init', 'generate']) {
        const r = await run(cmd, file, '-o', o);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/就是输入文件/);
      }
    }
    const link = path.join(tmp, '链接.xlsx');
    fs.symlinkSync(file, link);
    expect((await run('init', file, '-o', link)).code).toBe(2);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('an existing default output is never replaced; the new name is said', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'again-'));
    const file = path.join(dir, '表.xlsx');
    fs.copyFileSync(FIXTURE, file);
    expect((await run('init', file)).code).toBe(0);
    const first = path.join(dir, '表_决算助手.xlsx');
    const bytes = fs.readFileSync(first);
    const r = await run('init', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('“表_决算助手.xlsx”已经存在');
    expect(fs.readFileSync(first).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('表_决算助手_'))).toHaveLength(1);
  });

  it('-o, --report and --docx never replace an existing file that holds user input', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'explicit-'));
    const file = path.join(dir, '表.xlsx');
    const other = path.join(dir, '别的工作簿.xlsx');
    const word = path.join(dir, '我的说明.docx');
    fs.copyFileSync(FIXTURE, file);
    fs.copyFileSync(FIXTURE, other);
    fs.writeFileSync(word, 'the user’s own Word document');
    expect((await run('init', file)).code).toBe(0);
    const ours = path.join(dir, '表_决算助手.xlsx');
    const keep = new Map([other, ours, word].map((f) => [f, fs.readFileSync(f)]));
    for (const argv of [
      ['init', file, '-o', other],
      ['generate', file, '-o', ours],
      ['check', file, '--report', ours],
      ['check', file, '--report', other],
    ]) {
      const r = await run(...argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.err).toMatch(/已经?存在.*为免覆盖，未写入/);
    }
    const g = await run('generate', file, '-o', path.join(dir, '新.xlsx'), '--docx', word);
    expect(g.code).toBe(0);
    expect(g.out).toMatch(/“我的说明.docx”已经存在，未覆盖，Word 文档写入新文件“我的说明_[\d-]+\.docx”/);
    for (const [f, bytes] of keep) expect({ f, same: fs.readFileSync(f).equals(bytes) }).toEqual({ f, same: true });
    // A 整改清单 the tool wrote and nobody edited may be replaced by the next run.
    const report = path.join(dir, '整改清单.xlsx');
    expect((await run('check', file, '--report', report)).code).toBeLessThan(2);
    expect((await run('check', file, '--report', report)).code).toBeLessThan(2);
    // …but not when it is the workbook being checked.
    const self = fs.readFileSync(report);
    const r = await run('check', report, '--report', report);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/就是输入文件/);
    expect(fs.readFileSync(report).equals(self)).toBe(true);
  });

  it('a validation added to a generated sheet (no cell changed) keeps the file from being replaced in place', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'structure-'));
    const file = path.join(dir, '表.xlsx');
    fs.copyFileSync(FIXTURE, file);
    expect((await run('generate', file)).code).toBe(0);
    const ours = path.join(dir, '表_决算助手.xlsx');
    const { Pkg } = await import('./packageEdit');
    const pkg = await Pkg.load(fs.readFileSync(ours));
    await pkg.addValidation('执行率汇总', 'H2:H9');
    fs.writeFileSync(ours, await pkg.bytes());
    const edited = fs.readFileSync(ours);
    const r = await run('generate', ours);
    expect(r.code).toBe(0);
    expect(r.out).toContain('“执行率汇总”工作表在上次生成后被修改过');
    expect(fs.readFileSync(ours).equals(edited)).toBe(true);
  });

  it('a workbook whose names merely look like the marker is not updated in place', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'forged-'));
    const file = path.join(dir, '伪造.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FIXTURE);
    wb.addWorksheet('决算说明').getCell('A1').value = '我自己的说明';
    wb.definedNames.add("'决算说明'!$A$1", '决算助手_owned_1');
    await wb.xlsx.writeFile(file);
    const before = fs.readFileSync(file);
    const r = await run('generate', file);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(r.out).toContain('伪造_决算助手.xlsx');
  });

  it('a generated sheet the user edited is not replaced in place: a new file, and the message says so', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'edited-'));
    const file = path.join(dir, '表.xlsx');
    fs.copyFileSync(FIXTURE, file);
    expect((await run('generate', file)).code).toBe(0);
    const ours = path.join(dir, '表_决算助手.xlsx');
    // Edit one cell of 决算说明 inside the package (as Excel would, keeping the defined names).
    const zip = await JSZip.loadAsync(fs.readFileSync(ours));
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const rid = /<sheet [^>]*name="决算说明"[^>]*r:id="(\w+)"/.exec(wbXml)![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
    const part = `xl/${target.replace(/^\/?xl\//, '')}`;
    const xml = await zip.file(part)!.async('string');
    zip.file(part, xml.replace(/<t xml:space="preserve">|<t>/, (m) => `${m}我改过：`));
    fs.writeFileSync(ours, await zip.generateAsync({ type: 'nodebuffer' }));
    const edited = fs.readFileSync(ours);
    const r = await run('generate', ours);
    expect(r.code).toBe(0);
    expect(r.out).toContain('被修改过');
    expect(fs.readFileSync(ours).equals(edited)).toBe(true);
  });
});

describe('parts exceljs cannot carry survive an in-place update byte for byte', () => {
  it('a chart the user put on a source sheet', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'chart-'));
    const file = path.join(dir, '带图表.xlsx');
    const withChart = await addCharts(new Uint8Array(fs.readFileSync(FIXTURE)), '公开01表', [
      { type: 'column', title: '用户自己的图表', categories: 'A7:A9', series: [{ name: '决算数', values: 'D7:D9' }], anchor: { col: 8, row: 2, cols: 6, rows: 12 } },
    ]);
    fs.writeFileSync(file, withChart);
    const userParts = async (f: string) => {
      const z = await JSZip.loadAsync(fs.readFileSync(f));
      const out: Record<string, string> = {};
      for (const p of Object.keys(z.files).filter((p) => /^xl\/(charts|drawings)\//.test(p) && !p.endsWith('/'))) out[p] = await z.file(p)!.async('string');
      return out;
    };
    const before = await userParts(file);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    expect((await run('init', file)).code).toBe(0);
    const ours = path.join(dir, '带图表_决算助手.xlsx');
    for (const argv of [['generate', ours], ['generate', ours], ['init', ours]]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      const after = await userParts(ours);
      for (const [p, xml] of Object.entries(before)) expect({ p, same: after[p] === xml }).toEqual({ p, same: true });
    }
  });
});

describe('rebuilding 补充信息 (browser and Excel writers) writes every typed cell back as typed', () => {
  it('formulas with and without results, text numbers, garbage, negative counts, orphans', async () => {
    const { readSupplement, buildSupplementSheet } = await import('../src/supplement/sheet');
    const { snapshotFromXlsx } = await import('../src/adapters/exceljs/snapshotFromXlsx');
    const { readAccounts } = await import('../src/model/readAccounts');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FIXTURE);
    const ws = wb.addWorksheet('补充信息');
    const typed: [string, ExcelJS.CellValue][] = [
      ['last.incomeGrandTotal', { formula: "'公开01表'!C7*1.1", result: 927.61 } as ExcelJS.CellFormulaValue],
      ['last.expenseGrandTotal', { formula: "'公开01表'!F7" } as ExcelJS.CellFormulaValue],
      ['vehicles.fleet', -3],
      ['reception.batches', '十五'],
      ['last.threePublic', '1,234.50'],
      ['reason.threePublicChange', '=HYPERLINK("x")'],
      ['itemBudget.9999999', '约3000万元'],
    ];
    typed.forEach(([k, v], i) => {
      ws.getCell(4 + i, 3).value = v;
      ws.getCell(4 + i, 6).value = k;
    });
    const snap = await snapshotFromXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'x.xlsx');
    const accounts = readAccounts(snap);
    const sup = readSupplement(snap, accounts);
    const spec = buildSupplementSheet(accounts, sup);
    const written = new Map<string, unknown>();
    for (const row of spec.rows) if (row?.[5]?.kind === 'text') written.set(row[5].text, row[2]);
    expect(written.get('last.incomeGrandTotal')).toMatchObject({ kind: 'formula', formula: "='公开01表'!C7*1.1", value: 927.61 });
    expect(written.get('last.expenseGrandTotal')).toMatchObject({ kind: 'formula', formula: "='公开01表'!F7" });
    expect(written.get('vehicles.fleet')).toMatchObject({ kind: 'number', value: -3 });
    expect(written.get('reception.batches')).toMatchObject({ kind: 'text', text: '十五' });
    expect(written.get('last.threePublic')).toMatchObject({ kind: 'text', text: '1,234.50' });
    expect(written.get('reason.threePublicChange')).toMatchObject({ kind: 'text', text: '=HYPERLINK("x")' });
    expect(written.get('itemBudget.9999999')).toMatchObject({ kind: 'text', text: '约3000万元' });
  });
});

describe('the browser page’s downloadable copy is patched, not re-serialised', () => {
  it('keeps a chart of the user’s sheet and adds the owned sheets', async () => {
    const engine = await import('../src/taskpane/engine');
    const withChart = await addCharts(new Uint8Array(fs.readFileSync(FIXTURE)), '公开01表', [
      { type: 'column', title: '用户自己的图表', categories: 'A7:A9', series: [{ name: '决算数', values: 'C7:C9' }], anchor: { col: 8, row: 2, cols: 6, rows: 12 } },
    ]);
    const before = await JSZip.loadAsync(withChart);
    const chart = await before.file('xl/charts/chart1.xml')!.async('string');
    const data = await engine.loadFromBytes(withChart, '带图表.xlsx');
    const written = await engine.addSupplementSheet(data);
    const result = engine.resultWorkbook(written.data)!;
    const after = await JSZip.loadAsync(result.bytes);
    expect(await after.file('xl/charts/chart1.xml')?.async('string')).toBe(chart);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(result.bytes.slice().buffer as ArrayBuffer);
    expect(wb.getWorksheet('补充信息')).toBeDefined();
  });
});
