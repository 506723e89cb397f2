/**
 * 补充信息 in Excel and in the browser page is never rebuilt once the user has it: refreshing it or importing last
 * year's figures adds rows below what the sheet holds — as `juesuan init` does — and every cell the user typed,
 * formatted or added (also after the workbook was read) stays exactly as it was.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbookSnapshot, WRITE_SPEC_SYNC_COUNT, writeSheetSpec } from '../src/adapters/officejs';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts } from '../src/model/types';
import { isCellError } from '../src/snapshot/types';
import { a1 } from '../src/snapshot/address';
import { buildSupplementAppendix, buildSupplementSheet, KEY_COL, readSupplement, SUPPLEMENT_SHEET, VALUE_COL } from '../src/supplement/sheet';
import { importPrior, PriorResult } from '../src/supplement/prior';
import * as engine from '../src/taskpane/engine';
import { main } from '../src/cli/main';
import { FakeContext, FakeSheetModel, fakeExcel } from './fakes/fakeExcel';
import { yuquan2020 } from './fixtures/specs/priorYear';
import { buildInto } from './fixtures/builder';
import { workbookBytes } from './fixtures/builder/fixtures';
import { dumpSheet } from './sheetDump';

const FIXTURE = path.join(__dirname, 'fixtures', 'xlsx', 'yuquan2021-sichuan.xlsx');

let accounts: Accounts;
let priorBytes: Uint8Array;
let prior: PriorResult;

beforeAll(async () => {
  const snapshot = await snapshotFromXlsx(new Uint8Array(fs.readFileSync(FIXTURE)), 'yuquan2021-sichuan.xlsx');
  accounts = readAccounts(snapshot);
  priorBytes = await workbookBytes(buildInto(yuquan2020, 'sichuan').workbook);
  prior = importPrior({ accounts: readAccounts(await snapshotFromXlsx(priorBytes, '玉泉2020.xlsx')), file: '玉泉2020.xlsx' }, accounts);
  expect(prior.values.length).toBeGreaterThan(20);
}, 120_000);

/** The fixture's sheets, values only, open in the fake Excel. */
async function fixtureInFakeExcel(): Promise<FakeContext> {
  const snapshot = await snapshotFromXlsx(new Uint8Array(fs.readFileSync(FIXTURE)), 'yuquan2021-sichuan.xlsx');
  return fakeExcel(
    snapshot.sheets.map((sh) => {
      const cells: Record<string, string | number | boolean> = {};
      sh.cells.forEach((row, r) => row?.forEach((c, col) => c && c.v !== null && !isCellError(c.v) && (cells[a1(r, col)] = c.v)));
      return { name: sh.name, cells };
    }),
  );
}

/** Every cell of a fake sheet, deep-copied (value, formula, number format, fill, font, runs). */
function cellsOf(sheet: FakeSheetModel): Map<string, string> {
  return new Map([...sheet.cells].filter(([, c]) => sheet.hasValue(c) || c.fill || c.format).map(([k, c]) => [k, JSON.stringify(c)]));
}

function rowOfKey(sheet: FakeSheetModel, key: string): number {
  for (const [k, c] of sheet.cells) if (c.value === key && Number(k.split(',')[1]) === KEY_COL) return Number(k.split(',')[0]);
  throw new Error(`no row for ${key}`);
}

describe('Excel: 补充信息 is appended to, never rewritten (writeSheetSpec appendOnly)', () => {
  let ctx: FakeContext;
  let sheet: FakeSheetModel;

  beforeEach(async () => {
    ctx = await fixtureInFakeExcel();
    await writeSheetSpec(ctx.asExcel(), buildSupplementSheet(accounts));
    sheet = ctx.model.sheet(SUPPLEMENT_SHEET)!;
  });

  test('typed values, formulas, notes, formats and rows added before and after the read stay; the import lands below', async () => {
    // The user fills in some 上年 fields, writes a formula and a note, formats a cell, adds a row of their own.
    const typedRow = rowOfKey(sheet, 'last.incomeGrandTotal');
    Object.assign(sheet.ensure(typedRow, VALUE_COL), { value: '约800万元' });
    const formulaRow = rowOfKey(sheet, 'last.expenditureGrandTotal');
    Object.assign(sheet.ensure(formulaRow, VALUE_COL), { value: 700.25, formula: '=700+0.25' });
    Object.assign(sheet.ensure(formulaRow, 4), { value: '=按财务科口径' });
    sheet.ensure(typedRow, VALUE_COL).fill = { pattern: 'Solid', color: '#FF0000', patternColor: '', tintAndShade: 0, patternTintAndShade: 0 };
    let last = Math.max(...[...sheet.cells.keys()].map((k) => Number(k.split(',')[0])));
    Object.assign(sheet.ensure(last + 2, 1), { value: '我自己加的一行' });
    Object.assign(sheet.ensure(last + 2, VALUE_COL), { value: 42 });

    const snapshot = await readWorkbookSnapshot(ctx.asExcel());
    const read = readAccounts(snapshot);
    const existing = readSupplement(snapshot, read);
    expect(existing.typed.has('last.incomeGrandTotal')).toBe(true);
    const appendix = buildSupplementAppendix(read, existing, prior.values)!;
    expect(appendix.imported).toBeGreaterThan(10);

    // Meanwhile (after the read) the user types two more rows below.
    last += 2;
    Object.assign(sheet.ensure(last + 3, 1), { value: '读取之后又加的一行' });
    const before = cellsOf(sheet);

    const syncs0 = ctx.syncCount;
    const report = await writeSheetSpec(ctx.asExcel(), appendix.spec, { appendOnly: true });
    expect(ctx.syncCount - syncs0).toBe(WRITE_SPEC_SYNC_COUNT);
    expect(report.syncs).toBe(WRITE_SPEC_SYNC_COUNT);
    expect(report.appendedAt).toBe(last + 5);
    const after = cellsOf(sheet);
    for (const [k, v] of before) expect([k, after.get(k)]).toEqual([k, v]);
    expect([...after.keys()].filter((k) => !before.has(k)).every((k) => Number(k.split(',')[0]) >= last + 5)).toBe(true);
    expect(sheet.at(`A${last + 6}`)?.value).toMatch(/^从上年决算导入的数/);

    // Read back: what was typed wins; empty fields take the imported figures, each with its source.
    const again = readSupplement(await readWorkbookSnapshot(ctx.asExcel()), read);
    expect(again.values.get('last.expenditureGrandTotal')?.number ?? again.values.get('last.expenditureGrandTotal')?.fen).toBeDefined();
    expect(again.problems.join('\n')).toContain('约800万元');
    const imported = prior.values.find((v) => !existing.typed.has(v.key) && v.fen !== undefined)!;
    expect(again.values.get(imported.key)?.fen).toBe(imported.fen);
  });

  test('nothing to add: no sync at all; the sheet deleted since the read: a Chinese refusal, nothing written', async () => {
    const snapshot = await readWorkbookSnapshot(ctx.asExcel());
    const read = readAccounts(snapshot);
    expect(buildSupplementAppendix(read, readSupplement(snapshot, read))).toBeUndefined();
    const syncs0 = ctx.syncCount;
    expect((await writeSheetSpec(ctx.asExcel(), { name: SUPPLEMENT_SHEET, rows: [[], []] }, { appendOnly: true })).syncs).toBe(0);
    expect(ctx.syncCount).toBe(syncs0);

    const appendix = buildSupplementAppendix(read, readSupplement(snapshot, read), prior.values)!;
    ctx.model.deleteSheet(SUPPLEMENT_SHEET);
    const names = ctx.model.sheets.map((s) => s.name);
    await expect(writeSheetSpec(ctx.asExcel(), appendix.spec, { appendOnly: true })).rejects.toThrow(/已没有“补充信息”工作表.*请重新读取工作簿/);
    expect(ctx.model.sheets.map((s) => s.name)).toEqual(names);
  });
});

describe('browser page: refreshing 补充信息 and importing last year keep the uploaded sheet cell for cell', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-append-'));
  const filled = path.join(tmp, '已填写.xlsx');
  let filledDump: Record<string, unknown>;

  beforeAll(async () => {
    const input = path.join(tmp, '玉泉.xlsx');
    fs.copyFileSync(FIXTURE, input);
    expect(await main(['init', input], { out: () => undefined, err: () => undefined })).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, '玉泉_决算助手.xlsx'));
    const ws = wb.getWorksheet(SUPPLEMENT_SHEET)!;
    let last = 0;
    ws.eachRow((row, r) => {
      last = r;
      const key = row.getCell(KEY_COL + 1).value;
      if (key === 'last.incomeGrandTotal') row.getCell(VALUE_COL + 1).value = '约800万元';
      if (key === 'staff.authorised') {
        row.getCell(VALUE_COL + 1).value = { formula: '20+5', result: 25 } as ExcelJS.CellFormulaValue;
        row.getCell(VALUE_COL + 1).font = { bold: true, color: { argb: 'FFFF0000' } };
        row.getCell(VALUE_COL + 2).value = '编办核定';
      }
    });
    // An older sheet: the last field rows are gone (a version of the tool that did not have them).
    for (let r = last; r > last - 3; r--) ws.spliceRows(r, 1);
    ws.getCell(last - 1, 2).value = '我自己加的一行';
    await wb.xlsx.writeFile(filled);
    filledDump = await dumpSheet(filled, SUPPLEMENT_SHEET);
  }, 120_000);

  test('refresh adds only the missing fields below; import adds the 上年 figures below; typed cells unchanged', async () => {
    const data = await engine.loadFromBytes(new Uint8Array(fs.readFileSync(filled)), '已填写.xlsx');
    const refreshed = await engine.addSupplementSheet(data);
    expect(refreshed.written).toMatchObject({ created: false, added: 3 });
    const first = path.join(tmp, 'first.xlsx');
    fs.writeFileSync(first, engine.resultWorkbook(refreshed.data)!.bytes);
    const firstDump = await dumpSheet(first, SUPPLEMENT_SHEET);
    expect(Object.fromEntries(Object.keys(filledDump).map((k) => [k, firstDump[k]]))).toEqual(filledDump);

    const imported = await engine.importPriorWorkbook(refreshed.data, new File([Buffer.from(priorBytes)], '玉泉2020.xlsx'));
    if (imported.refused !== undefined) throw new Error(imported.refused);
    expect(imported.kept).toBe(1); // 上年收入总计 was typed ("约800万元", unusable but kept)
    const second = path.join(tmp, 'second.xlsx');
    fs.writeFileSync(second, engine.resultWorkbook(imported.data)!.bytes);
    const secondDump = await dumpSheet(second, SUPPLEMENT_SHEET);
    // Both appendices are there, below the uploaded sheet, and the uploaded cells are as they were.
    expect(Object.fromEntries(Object.keys(firstDump).map((k) => [k, secondDump[k]]))).toEqual(firstDump);
    const sup = readSupplement(imported.data.snapshot, imported.data.accounts);
    expect(sup.typed.get('staff.authorised')?.formula).toBe('20+5');
    const fromPrior = prior.values.find((v) => v.key === 'last.expenditureGrandTotal')!;
    expect(sup.values.get('last.expenditureGrandTotal')?.fen).toBe(fromPrior.fen);
    expect(sup.problems.join('\n')).toContain('约800万元');
  });
});

describe('patchPackage appendRowsTo: appended rows never land on an existing row', () => {
  test('rows that would fall on or above the last row (a formatted empty one counts) move below it, one empty row between', async () => {
    const { patchPackage } = await import('../src/adapters/exceljs/patchPackage');
    const user = new ExcelJS.Workbook();
    const ws = user.addWorksheet(SUPPLEMENT_SHEET);
    ws.getCell('A1').value = '补充信息';
    ws.getCell('C5').value = 12.5;
    ws.getCell('C30').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } }; // formatted, empty
    const original = new Uint8Array((await user.xlsx.writeBuffer()) as ArrayBuffer);
    const fresh = new ExcelJS.Workbook();
    const fws = fresh.addWorksheet(SUPPLEMENT_SHEET);
    fws.getCell('A7').value = '决算助手新增的项目（1 项）';
    fws.getCell('C8').value = 3;
    const bytes = await patchPackage(original, new Uint8Array((await fresh.xlsx.writeBuffer()) as ArrayBuffer), { appendRowsTo: new Set([SUPPLEMENT_SHEET]) });
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const got = out.getWorksheet(SUPPLEMENT_SHEET)!;
    expect([got.getCell('A1').value, got.getCell('C5').value, got.getCell('C30').value]).toEqual(['补充信息', 12.5, null]);
    expect((got.getCell('C30').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF00');
    expect([got.getCell('A7').value, got.getCell('C8').value]).toEqual([null, null]);
    expect([got.getCell('A32').value, got.getCell('C33').value]).toEqual(['决算助手新增的项目（1 项）', 3]);
  });
});

describe('in Excel through the task pane engine: refresh, import and regenerate keep what the user did', () => {
  let ctx: FakeContext;
  const g = globalThis as unknown as { Excel?: unknown };

  beforeAll(async () => {
    ctx = await fixtureInFakeExcel();
    g.Excel = { run: <T>(f: (c: Excel.RequestContext) => Promise<T>) => f(ctx.asExcel()) };
  });
  afterAll(() => {
    delete g.Excel;
  });

  test('补充信息 typed cells survive 刷新 and 从上年决算导入; an edited 决算说明 is kept and the new one written beside it', async () => {
    let data = await engine.loadFromExcel();
    data = (await engine.addSupplementSheet(data)).data;
    const sheet = ctx.model.sheet(SUPPLEMENT_SHEET)!;
    Object.assign(sheet.ensure(rowOfKey(sheet, 'staff.authorised'), VALUE_COL), { value: 25, formula: '=20+5' });
    Object.assign(sheet.ensure(rowOfKey(sheet, 'last.incomeGrandTotal'), VALUE_COL), { value: '1,234.50' });
    const last = Math.max(...[...sheet.cells.keys()].map((k) => Number(k.split(',')[0])));
    Object.assign(sheet.ensure(last + 2, 1), { value: '我自己加的一行' });
    const before = cellsOf(sheet);

    data = await engine.loadFromExcel();
    const refreshed = await engine.addSupplementSheet(data);
    expect(refreshed.written).toMatchObject({ created: false, added: 0 });
    const imported = await engine.importPriorWorkbook(refreshed.data, new File([Buffer.from(priorBytes)], '玉泉2020.xlsx'), { overwrite: true });
    if (imported.refused !== undefined) throw new Error(imported.refused);
    expect(imported.kept).toBe(1);
    expect(imported.warnings.join('')).toContain('已填写的 1 项上年数保留原样');
    const after = cellsOf(sheet);
    for (const [k, v] of before) expect([k, after.get(k)]).toEqual([k, v]);
    expect(readSupplement(imported.data.snapshot, imported.data.accounts).values.get('last.expenditureGrandTotal')?.fen).toBe(
      prior.values.find((v) => v.key === 'last.expenditureGrandTotal')!.fen,
    );

    const first = await engine.generateNarrative(imported.data, 'sichuan');
    expect(first.writeError).toBeUndefined();
    const narrative = ctx.model.sheet('决算说明')!;
    Object.assign(narrative.ensure(2, 0), { value: '我改写的第一段。' });
    const edited = cellsOf(narrative);
    const second = await engine.generateNarrative(first.data!, 'sichuan');
    expect(second.skipped).toContain('“决算说明”工作表在上次生成后被修改过，为保留您的修改，没有替换它；新生成的内容写入了“决算说明（2）”工作表。');
    expect(cellsOf(narrative)).toEqual(edited);
    expect(second.sheets).toEqual(['决算说明（2）']);
    // The copy beside it is not read as tables, and the accounts are the same as before.
    expect(second.data!.accounts.tables.map((t) => t.sheet)).toEqual(first.data!.accounts.tables.map((t) => t.sheet));
  });
});

describe('browser page: a generated sheet the user changed is kept, the new one written beside it', () => {
  test('决算说明 edited in Excel after `juesuan generate`: the copy keeps it and adds 决算说明（2）; unchanged: replaced in place', async () => {
    const JSZip = (await import('jszip')).default;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-beside-'));
    const input = path.join(tmp, '表.xlsx');
    fs.copyFileSync(FIXTURE, input);
    expect(await main(['generate', input], { out: () => undefined, err: () => undefined })).toBe(0);
    const ours = fs.readFileSync(path.join(tmp, '表_决算助手.xlsx'));
    // The marker records what was written (Excel shows the comment in the Name Manager).
    const zip = await JSZip.loadAsync(ours);
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(wbXml).toMatch(/<definedName name="决算助手_owned_\d+" comment="[^"]*内容摘要 \d+x\d+:[0-9a-z]+"/);

    const unchanged = await engine.loadFromBytes(new Uint8Array(ours), '表_决算助手.xlsx');
    const same = await engine.generateNarrative(unchanged, 'sichuan');
    expect(same.skipped).toEqual([]);
    expect(same.data!.snapshot.sheets.map((x) => x.name)).not.toContain('决算说明（2）');
    const rates = await engine.writeRatesSheet(unchanged); // formulas, numbers, percentages: unchanged too
    expect(rates.skipped).toEqual([]);
    expect(rates.data.snapshot.sheets.map((x) => x.name)).not.toContain('执行率汇总（2）');

    const rid = /<sheet [^>]*name="决算说明"[^>]*r:id="(\w+)"/.exec(wbXml)![1];
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
    const part = `xl/${target.replace(/^\/?xl\//, '')}`;
    const xml = await zip.file(part)!.async('string');
    zip.file(part, xml.replace(/<t xml:space="preserve">|<t>/, (m) => `${m}我改过：`));
    const edited = await zip.generateAsync({ type: 'uint8array' });
    const data = await engine.loadFromBytes(edited, '表_决算助手.xlsx');
    const before = data.snapshot.sheets.find((x) => x.name === '决算说明')!;
    const out = await engine.generateNarrative(data, 'sichuan');
    expect(out.skipped).toEqual(['“决算说明”工作表在上次生成后被修改过，为保留您的修改，没有替换它；新生成的内容写入了结果工作簿的“决算说明（2）”工作表。']);
    const after = out.data!.snapshot;
    expect(after.sheets.find((x) => x.name === '决算说明')!.cells).toEqual(before.cells);
    expect(after.sheets.find((x) => x.name === '决算说明（2）')!.cells[0]).toEqual(same.data!.snapshot.sheets.find((x) => x.name === '决算说明')!.cells[0]);
    // Again in the same session: the same sheet beside it, no third one.
    const again = await engine.generateNarrative(out.data!, 'shanghai');
    expect(again.data!.snapshot.sheets.map((x) => x.name).filter((n) => n.startsWith('决算说明'))).toEqual(['决算说明', '决算说明（2）']);
  });
});
