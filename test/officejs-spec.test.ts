/**
 * writeSheetSpec (Office.js): the 补充信息, 决算说明 and 执行率汇总 sheets of seed 001 written into the fake Excel —
 * a fixed number of syncs, text as text, formulas through range.formulas, the exceljs writer's styles, merges,
 * hidden columns, widths, frozen rows, notes, the seven charts; refusal of a user's sheet; rewriting in place; and
 * what degrades on older hosts (ExcelApi 1.17, 1.10, 1.7).
 */
import fs from 'fs';
import path from 'path';
import {
  OWNED_NAME_PREFIX,
  STYLE_LOOKS,
  WRITE_SPEC_SYNC_COUNT,
  columnWidthPoints,
  readWorkbookSnapshot,
  specApiFor,
  writeSheetSpec,
} from '../src/adapters/officejs';
import { FakeCell, FakeContext, FakeRange, FakeSheetSpec, fakeExcel } from './fakes/fakeExcel';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts } from '../src/model/types';
import { SheetSpec, SpecCell, formula, num, text } from '../src/output/sheetSpec';
import { a1, parseA1, rangeA1 } from '../src/snapshot/address';
import { WorkbookSnapshot, isCellError } from '../src/snapshot/types';
import { KEY_COL, SUPPLEMENT_SHEET, VALUE_COL, buildSupplementSheet, emptySupplement, readSupplement } from '../src/supplement/sheet';
import { NARRATIVE_SHEET, buildNarrative, buildNarrativeSheet } from '../src/narrative';
import { RATES_SHEET, buildRatesSheet } from '../src/rates';

const XLSX = path.join(__dirname, 'fixtures', 'xlsx', 'yuquan2021-sichuan.xlsx');
const TYPED_FORMULA_TEXT = '=SUM(C4:C9)';

let snapshot: WorkbookSnapshot;
let accounts: Accounts;
let supplementSpec: SheetSpec;
let narrativeSpec: SheetSpec;
let ratesSpec: SheetSpec;

beforeAll(async () => {
  snapshot = await snapshotFromXlsx(new Uint8Array(fs.readFileSync(XLSX)), 'yuquan2021-sichuan.xlsx');
  accounts = readAccounts(snapshot);
  // The user once typed a text that looks like a formula into a reason: it must come back as text.
  const existing = emptySupplement();
  existing.values.set('reason.total', { key: 'reason.total', raw: TYPED_FORMULA_TEXT, text: TYPED_FORMULA_TEXT, cell: '' });
  supplementSpec = buildSupplementSheet(accounts, existing);
  narrativeSpec = buildNarrativeSheet(buildNarrative(accounts, emptySupplement()));
  ratesSpec = buildRatesSheet(accounts, emptySupplement());
});

/** The user's workbook: the seed's sheets with their values. */
function userSheets(): FakeSheetSpec[] {
  return snapshot.sheets.map((s) => {
    const cells: Record<string, string | number | boolean> = {};
    s.cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c || c.v === null || isCellError(c.v)) return;
        cells[a1(r, col)] = c.v;
      }),
    );
    return { name: s.name, cells };
  });
}

function workbook(excelApi = '1.18'): FakeContext {
  const ctx = fakeExcel(userSheets());
  ctx.model.excelApi = excelApi;
  return ctx;
}

/** Every cell of the spec, with its position. */
function specCells(spec: SheetSpec): { r: number; c: number; cell: SpecCell }[] {
  const out: { r: number; c: number; cell: SpecCell }[] = [];
  spec.rows.forEach((row, r) => row.forEach((cell, c) => cell && out.push({ r, c, cell })));
  return out;
}

function rowOfKey(spec: SheetSpec, key: string): number {
  return spec.rows.findIndex((row) => {
    const c = row[KEY_COL];
    return c?.kind === 'text' && c.text === key;
  });
}

/** What a styled cell looks like in the fake (the parts a style sets). */
function look(cell: FakeCell | undefined): unknown {
  return { format: cell?.format, fill: cell?.fill?.color, pattern: cell?.fill?.pattern };
}

describe('writeSheetSpec: 补充信息', () => {
  test('values as text, numbers with their formats, styles, widths, hidden key column, merges, frozen rows — in WRITE_SPEC_SYNC_COUNT syncs', async () => {
    const ctx = workbook();
    const sync = jest.spyOn(ctx, 'sync');
    const report = await writeSheetSpec(ctx.asExcel(), supplementSpec, { api: specApiFor('1.18') });
    expect(WRITE_SPEC_SYNC_COUNT).toBe(3);
    expect(sync).toHaveBeenCalledTimes(WRITE_SPEC_SYNC_COUNT);
    expect(report).toEqual({ syncs: WRITE_SPEC_SYNC_COUNT, skipped: [], sheet: SUPPLEMENT_SHEET });

    const s = ctx.model.sheet(SUPPLEMENT_SHEET)!;
    expect(s.at('A1')).toMatchObject({ value: '补充信息（决算助手）', numberFormat: '@', format: { font: { bold: true, size: 16 } } });
    // A text that starts with "=" stays text.
    const r = rowOfKey(supplementSpec, 'reason.total');
    expect(r).toBeGreaterThan(0);
    const typed = s.get(r, VALUE_COL)!;
    expect(typed.value).toBe(TYPED_FORMULA_TEXT);
    expect(typed.numberFormat).toBe('@');
    expect(typed.formula).toBeUndefined();
    // Header row: bold on grey, centred, wrapped.
    expect(look(s.at('C3'))).toEqual({
      format: { font: { bold: true }, verticalAlignment: 'Center', horizontalAlignment: 'Center', wrapText: true },
      fill: '#D9D9D9',
      pattern: 'Solid',
    });
    // An empty input cell: light blue with a thin bottom border.
    const emptyInput = rowOfKey(supplementSpec, 'last.incomeGrandTotal');
    expect(look(s.get(emptyInput, VALUE_COL))).toEqual({
      format: { borders: { bottom: { style: 'Continuous', color: '#9BB7D4', weight: 'Thin' } } },
      fill: '#EAF1FB',
      pattern: 'Solid',
    });
    // The year: a number with the format "0".
    const year = s.get(rowOfKey(supplementSpec, 'year'), VALUE_COL)!;
    expect(year).toMatchObject({ value: 2021, numberFormat: '0' });
    // A note cell: grey, 9 pt, wrapped at the top.
    expect(s.at('A2')!.format).toEqual({ font: { color: '#7F7F7F', size: 9 }, wrapText: true, verticalAlignment: 'Top' });

    expect(s.merges).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 4 },
      { r0: 1, c0: 0, r1: 1, c1: 4 },
    ]);
    expect([...s.hiddenCols]).toEqual([KEY_COL]);
    expect(s.frozenRows).toBe(3);
    expect(columnWidthPoints(8.43)).toBe(48); // Excel's standard column: 64 px
    expect([...s.columnWidths.entries()]).toEqual(supplementSpec.columnWidths!.map((w, i) => [i, columnWidthPoints(w)]));
    expect(s.columnWidths.get(1)).toBe(245.25); // 46 characters → 327 px
    expect(ctx.model.names.map((n) => n.name)).toEqual([`${OWNED_NAME_PREFIX}_1`]);
    expect(ctx.model.sheets.at(-1)).toBe(s);
    // The user's sheets are untouched.
    const before = fakeExcel(userSheets()).model;
    for (const u of before.sheets) expect(ctx.model.sheet(u.name)!.cells).toEqual(u.cells);
  });

  test('the engine reads the written sheet back (Office.js snapshot → readSupplement)', async () => {
    const ctx = workbook();
    await writeSheetSpec(ctx.asExcel(), supplementSpec, { api: specApiFor('1.18') });
    const snap = await readWorkbookSnapshot(ctx.asExcel());
    const sup = readSupplement(snap, accounts);
    expect(sup.present).toBe(true);
    expect(sup.values.get('reason.total')?.raw).toBe(TYPED_FORMULA_TEXT);
    expect(sup.values.get('year')?.number).toBe(2021);
    expect(sup.cells.get('last.incomeGrandTotal')).toBe(`${SUPPLEMENT_SHEET}!${a1(rowOfKey(supplementSpec, 'last.incomeGrandTotal'), VALUE_COL)}`);
  });
});

describe('writeSheetSpec: 决算说明', () => {
  const richCells = () => specCells(narrativeSpec).filter((x) => x.cell.kind === 'rich');
  const withPlaceholder = () => richCells().filter((x) => x.cell.kind === 'rich' && x.cell.runs.some((run) => run.style === 'placeholder'));

  test('placeholders are red runs inside the paragraph (ExcelApi 1.18 textRuns)', async () => {
    const ctx = workbook();
    const report = await writeSheetSpec(ctx.asExcel(), narrativeSpec, { api: specApiFor('1.18') });
    expect(report.skipped).toEqual([]);
    const s = ctx.model.sheet(NARRATIVE_SHEET)!;
    expect(withPlaceholder().length).toBeGreaterThan(5);
    for (const { r, c, cell } of richCells()) {
      if (cell.kind !== 'rich') continue;
      const got = s.get(r, c)!;
      expect(got.value).toBe(cell.runs.map((x) => x.text).join(''));
      expect(got.numberFormat).toBe('@');
      expect(got.runs).toEqual(
        cell.runs.map((x) => (x.style === 'placeholder' ? { text: x.text, font: { color: '#C00000', bold: true } } : { text: x.text })),
      );
      expect(got.format).toEqual({ wrapText: true, verticalAlignment: 'Top' }); // the paragraph style
      expect(got.fill).toBeUndefined();
    }
    expect(s.at('A1')!.format).toEqual({ font: { bold: true, size: 16 } });
    expect([...s.hiddenCols]).toEqual([2]);
    expect(s.columnWidths.get(0)).toBe(columnWidthPoints(100));
    expect(s.frozenRows).toBe(2);
  });

  test('without textRuns (ExcelApi 1.17) a paragraph with a placeholder takes the placeholder style as a whole, and the report says so', async () => {
    const ctx = workbook('1.17');
    const sync = jest.spyOn(ctx, 'sync');
    const report = await writeSheetSpec(ctx.asExcel(), narrativeSpec, { api: specApiFor('1.17') });
    expect(sync).toHaveBeenCalledTimes(WRITE_SPEC_SYNC_COUNT);
    const n = withPlaceholder().length;
    expect(report.skipped).toEqual([
      `当前 Excel 不支持单元格内的分段格式（需要 ExcelApi 1.18）：${n} 个含“请填写”的段落整格标为待填写样式（红字黄底），未能只标红待填写的部分。`,
    ]);
    const s = ctx.model.sheet(NARRATIVE_SHEET)!;
    for (const { r, c } of withPlaceholder()) {
      const got = s.get(r, c)!;
      expect(got.runs).toBeUndefined();
      expect(look(got)).toEqual({ format: { font: { color: '#C00000', bold: true }, wrapText: true, verticalAlignment: 'Top' }, fill: '#FFF2CC', pattern: 'Solid' });
    }
    // A rich paragraph without placeholder keeps the paragraph style.
    const flagged = new Set(withPlaceholder().map((x) => `${x.r},${x.c}`));
    for (const plain of richCells().filter((x) => !flagged.has(`${x.r},${x.c}`))) {
      expect(look(s.get(plain.r, plain.c))).toEqual({ format: { wrapText: true, verticalAlignment: 'Top' }, fill: undefined, pattern: undefined });
    }
  });
});

describe('writeSheetSpec: 执行率汇总', () => {
  test('formulas go through range.formulas (never through values), with their number formats', async () => {
    const ctx = workbook();
    const valuesSet = jest.spyOn(FakeRange.prototype, 'values', 'set');
    const formulasSet = jest.spyOn(FakeRange.prototype, 'formulas', 'set');
    try {
      await writeSheetSpec(ctx.asExcel(), ratesSpec, { api: specApiFor('1.18') });
      const written = valuesSet.mock.calls.flatMap(([m]) => m.flat());
      expect(written.some((v) => typeof v === 'string' && v.startsWith('='))).toBe(false);
      const formulas = formulasSet.mock.calls.flatMap(([m]) => m.flat()).filter((v) => v !== null);
      const expected = specCells(ratesSpec).filter((x) => x.cell.kind === 'formula');
      expect(formulas).toHaveLength(expected.length);
    } finally {
      valuesSet.mockRestore();
      formulasSet.mockRestore();
    }
    const s = ctx.model.sheet(RATES_SHEET)!;
    const cells = specCells(ratesSpec);
    const formulaCells = cells.filter((x) => x.cell.kind === 'formula');
    expect(formulaCells.some((x) => x.cell.kind === 'formula' && x.cell.formula.startsWith("='公开07表'!"))).toBe(true);
    for (const { r, c, cell } of formulaCells) {
      if (cell.kind !== 'formula') continue;
      const got = s.get(r, c)!;
      expect(got.formula).toBe(cell.formula);
      expect(got.numberFormat).toBe(cell.numFmt ?? (cell.style && STYLE_LOOKS[cell.style].numFmt) ?? 'General');
    }
    const percent = formulaCells.find((x) => x.cell.style === 'percent')!;
    expect(s.get(percent.r, percent.c)!.numberFormat).toBe('0.00%');
    // Text cells stay text.
    for (const { r, c, cell } of cells) {
      if (cell.kind === 'text' && cell.text) expect(s.get(r, c)).toMatchObject({ value: cell.text, numberFormat: '@' });
    }
  });

  test('merges, placeholder and header styles, cell notes and the seven charts', async () => {
    const ctx = workbook();
    const sync = jest.spyOn(ctx, 'sync');
    const report = await writeSheetSpec(ctx.asExcel(), ratesSpec, { api: specApiFor('1.18'), activate: true });
    expect(sync).toHaveBeenCalledTimes(WRITE_SPEC_SYNC_COUNT);
    expect(report.skipped).toEqual([]);
    const s = ctx.model.sheet(RATES_SHEET)!;
    expect(ctx.model.activeSheet).toBe(s);
    expect(s.merges).toEqual(ratesSpec.merges);
    expect(s.frozenRows).toBe(ratesSpec.freezeRows);

    // "工作簿中还没有“补充信息”表…": a placeholder text cell.
    const ph = specCells(ratesSpec).find((x) => x.cell.style === 'placeholder')!;
    expect(look(s.get(ph.r, ph.c))).toEqual({
      format: { font: { color: '#C00000', bold: true }, wrapText: true, verticalAlignment: 'Top' },
      fill: '#FFF2CC',
      pattern: 'Solid',
    });

    // Notes: one per "r,c".
    const notes = Object.entries(ratesSpec.notes!);
    expect(notes.length).toBeGreaterThan(100);
    expect(s.notes.size).toBe(notes.length);
    for (const [key, content] of notes) expect(s.notes.get(key)).toBe(content);

    // Charts.
    const specs = ratesSpec.charts!;
    expect(specs).toHaveLength(7);
    expect(s.charts).toHaveLength(7);
    const ref = (a: string) => `${RATES_SHEET}!${rangeA1(parseA1(a)!)}`; // "A84:A84" reads back as "A84"
    s.charts.forEach((chart, i) => {
      const c = specs[i];
      expect(chart.type).toBe({ column: 'ColumnClustered', bar: 'BarClustered', pie: 'Pie' }[c.type]);
      expect(chart.title).toBe(c.title);
      expect(chart.series.map((x) => ({ name: x.name, values: x.values, xValues: x.xValues }))).toEqual(
        c.series.map((x) => ({ name: x.name, values: ref(x.values), xValues: ref(c.categories) })),
      );
      const { row, col, rows, cols } = c.anchor;
      expect(chart.position).toEqual({ start: a1(row, col), end: a1(row + rows - 1, col + cols - 1) });
      if (c.type === 'pie') {
        expect(chart.legend.position).toBe('Right');
        expect(chart.dataLabels).toMatchObject({ showPercentage: true, showCategoryName: true, numberFormat: '0.00%', separator: '：' });
      } else {
        expect(chart.legend.position).toBe('Bottom');
        expect(chart.dataLabels).toMatchObject({ showValue: true, numberFormat: '0.00;-0.00;;' });
        expect(chart.valueAxis).toEqual({ minimum: 0, title: '万元', titleVisible: true });
      }
    });
    expect(s.charts.map((c) => c.title)).toEqual([
      '收、支决算总计变动情况',
      '收入决算结构',
      '支出决算结构',
      '财政拨款收、支决算总计变动情况',
      '一般公共预算财政拨款支出决算变动情况',
      '一般公共预算财政拨款支出决算结构',
      '“三公”经费财政拨款支出结构',
    ]);
  });
});

describe('writeSheetSpec: syncs, ownership, rewriting', () => {
  function bigSpec(rows: number): SheetSpec {
    const cells: SpecCell[][] = [];
    const notes: Record<string, string> = {};
    for (let r = 0; r < rows; r++) {
      cells.push([text(`行${r}`, r % 3 ? 'label' : 'placeholder'), num(r, 'money'), formula(`B${r + 1}*2`, r * 2, 'percent'), text(`=不是公式${r}`)]);
      if (r % 10 === 0) notes[`${r},1`] = `说明${r}`;
    }
    return {
      name: '大表',
      rows: cells,
      columnWidths: [10, 12, 12, 30],
      merges: [{ r0: 0, c0: 3, r1: 1, c1: 3 }],
      hiddenColumns: [3],
      notes,
      freezeRows: 1,
      charts: [{ type: 'bar', title: '大图', categories: `A1:A${rows}`, series: [{ name: 'x', values: `B1:B${rows}` }], anchor: { row: 0, col: 5, rows: 10, cols: 6 } }],
    };
  }

  test('the sync count is WRITE_SPEC_SYNC_COUNT whatever the size, on every host', async () => {
    for (const version of ['1.18', '1.10', '1.7']) {
      for (const spec of [{ name: '空', rows: [] } as SheetSpec, { name: '一格', rows: [[text('a')]] }, bigSpec(50), bigSpec(3000)]) {
        const ctx = workbook(version);
        const report = await writeSheetSpec(ctx.asExcel(), spec, { api: specApiFor(version) });
        expect({ version, spec: spec.name, syncs: ctx.syncCount }).toEqual({ version, spec: spec.name, syncs: WRITE_SPEC_SYNC_COUNT });
        expect(report.syncs).toBe(WRITE_SPEC_SYNC_COUNT);
        if (spec.rows.length === 3000) {
          const s = ctx.model.sheet('大表')!;
          expect(s.at('D3000')).toMatchObject({ value: '=不是公式2999', numberFormat: '@' });
          expect(s.at('D3000')!.formula).toBeUndefined();
          expect(s.at('C3000')).toMatchObject({ formula: '=B3000*2', numberFormat: '0.00%' });
          expect(s.at('B3000')).toMatchObject({ value: 2999, numberFormat: '0.00' });
          expect(s.charts).toHaveLength(1);
        }
      }
    }
  });

  test("a user's sheet named 决算说明 is refused with a Chinese error, and nothing is written", async () => {
    const ctx = fakeExcel([...userSheets(), { name: '决算说明', cells: { A1: '我自己写的说明', B2: 3 } }]);
    const before = ctx.model.sheets.map((s) => s.name);
    const sync = jest.spyOn(ctx, 'sync');
    await expect(writeSheetSpec(ctx.asExcel(), narrativeSpec, { api: specApiFor('1.18') })).rejects.toThrow(
      '工作表“决算说明”已存在，且不是决算助手生成的工作表。为保护原始数据，决算助手不会改写它；请换一个名称，或先将该工作表改名。',
    );
    expect(sync).toHaveBeenCalledTimes(1); // the ownership check only
    const s = ctx.model.sheet(NARRATIVE_SHEET)!;
    expect([...s.cells.entries()]).toEqual([
      ['0,0', { value: '我自己写的说明' }],
      ['1,1', { value: 3 }],
    ]);
    expect(s.merges).toEqual([]);
    expect(s.hiddenCols.size).toBe(0);
    expect(s.columnWidths.size).toBe(0);
    expect(s.frozenRows).toBe(0);
    expect(ctx.model.names).toEqual([]);
    expect(ctx.model.sheets.map((x) => x.name)).toEqual(before);
  });

  test('a sheet the user changed since it was written is kept; the new content goes to a sheet of its own', async () => {
    const ctx = workbook();
    await writeSheetSpec(ctx.asExcel(), narrativeSpec, { api: specApiFor('1.18') });
    await writeSheetSpec(ctx.asExcel(), supplementSpec, { api: specApiFor('1.18') });
    // Unchanged (a formula-like text written as text included): rewritten in place, no second sheet.
    expect((await writeSheetSpec(ctx.asExcel(), supplementSpec, { api: specApiFor('1.18') })).sheet).toBe(SUPPLEMENT_SHEET);
    expect((await writeSheetSpec(ctx.asExcel(), narrativeSpec, { api: specApiFor('1.18') })).sheet).toBe('决算说明');
    const s = ctx.model.sheet('决算说明')!;
    Object.assign(s.ensure(5, 0), { value: '我改写的一段：本单位2021年度收入总计以财务科核定数为准。' });
    Object.assign(s.ensure(400, 9), { value: '远处的批注' });
    const edited = new Map([...s.cells].map(([k, c]) => [k, JSON.stringify(c)]));

    const sync = jest.spyOn(ctx, 'sync');
    const report = await writeSheetSpec(ctx.asExcel(), narrativeSpec, { api: specApiFor('1.18') });
    expect(sync).toHaveBeenCalledTimes(WRITE_SPEC_SYNC_COUNT + 1);
    expect(report.sheet).toBe('决算说明（2）');
    expect(report.skipped).toEqual(['“决算说明”工作表在上次生成后被修改过，为保留您的修改，没有替换它；新生成的内容写入了“决算说明（2）”工作表。']);
    expect(new Map([...s.cells].map(([k, c]) => [k, JSON.stringify(c)]))).toEqual(edited);
    expect(ctx.model.sheet('决算说明（2）')!.at('A1')?.value).toBe(s.at('A1')?.value);
    // The new sheet is ours too (its own marker), and a second run finds it unchanged: in place again.
    expect(ctx.model.names.filter((n) => typeof n.ref !== 'string' && n.ref.sheet.name === '决算说明（2）')).toHaveLength(1);
    expect((await writeSheetSpec(ctx.asExcel(), narrativeSpec, { api: specApiFor('1.18') })).sheet).toBe('决算说明（2）');
    expect(ctx.model.sheet('决算说明（3）')).toBeUndefined();
    // Once the user changes that one too, the next goes to a third.
    Object.assign(ctx.model.sheet('决算说明（2）')!.ensure(3, 0), { value: '又改了' });
    expect((await writeSheetSpec(ctx.asExcel(), narrativeSpec, { api: specApiFor('1.18') })).sheet).toBe('决算说明（3）');
    // Asked to replace: the edited sheet is rewritten in place.
    expect((await writeSheetSpec(ctx.asExcel(), narrativeSpec, { api: specApiFor('1.18'), replaceEdited: true })).sheet).toBe('决算说明');
    expect(s.at('J401')).toBeUndefined();
  });

  test('rewriting an owned sheet replaces its content in place (same sheet, one marker)', async () => {
    const ctx = workbook();
    await writeSheetSpec(ctx.asExcel(), ratesSpec, { api: specApiFor('1.18') });
    const s = ctx.model.sheet(RATES_SHEET)!;
    expect(s.charts).toHaveLength(7);

    // Again: still seven charts and one note per cell (the old ones are deleted, not duplicated).
    const sync = jest.spyOn(ctx, 'sync');
    await writeSheetSpec(ctx.asExcel(), ratesSpec, { api: specApiFor('1.18') });
    // One more sync: the sheet is compared with what was written last (unchanged, so it is rewritten in place).
    expect(sync).toHaveBeenCalledTimes(WRITE_SPEC_SYNC_COUNT + 1);
    expect(ctx.model.sheet(RATES_SHEET)).toBe(s); // cleared, never deleted: formulas pointing at it survive
    expect(s.charts).toHaveLength(7);
    expect(s.notes.size).toBe(Object.keys(ratesSpec.notes!).length);

    // A smaller sheet of the same name: everything of the old one is gone.
    const small: SheetSpec = { name: RATES_SHEET, rows: [[text('新内容', 'title')], [num(1)]], columnWidths: [20] };
    await writeSheetSpec(ctx.asExcel(), small, { api: specApiFor('1.18') });
    expect(ctx.model.sheet(RATES_SHEET)).toBe(s);
    expect([...s.cells.keys()].sort()).toEqual(['0,0', '1,0']);
    expect(s.at('A1')).toMatchObject({ value: '新内容', numberFormat: '@', format: { font: { bold: true, size: 16 } } });
    expect(s.at('A2')).toEqual({ value: 1, numberFormat: 'General' });
    expect(s.charts).toEqual([]);
    expect(s.notes.size).toBe(0);
    expect(s.merges).toEqual([]);
    expect(s.frozenRows).toBe(0);
    expect([...s.columnWidths.entries()]).toEqual([[0, columnWidthPoints(20)]]);
    expect(ctx.model.names).toHaveLength(1);

    // Hidden columns of an earlier write are shown again.
    await writeSheetSpec(ctx.asExcel(), supplementSpec, { api: specApiFor('1.18') });
    const sup = ctx.model.sheet(SUPPLEMENT_SHEET)!;
    expect(sup.hiddenCols.has(KEY_COL)).toBe(true);
    await writeSheetSpec(ctx.asExcel(), { name: SUPPLEMENT_SHEET, rows: [[text('x')]] }, { api: specApiFor('1.18') });
    expect(sup.hiddenCols.size).toBe(0);
    expect(ctx.model.names).toHaveLength(2);
  });

  test('ExcelApi 1.7: styles by grouped ranges look exactly like setCellProperties; notes and label formats are reported', async () => {
    const modern = workbook('1.18');
    await writeSheetSpec(modern.asExcel(), supplementSpec, { api: specApiFor('1.18') });
    const old = workbook('1.7');
    const report = await writeSheetSpec(old.asExcel(), supplementSpec, { api: specApiFor('1.7') });
    expect(report.skipped).toEqual([]);
    const a = modern.model.sheet(SUPPLEMENT_SHEET)!;
    const b = old.model.sheet(SUPPLEMENT_SHEET)!;
    expect([...b.cells.keys()].sort()).toEqual([...a.cells.keys()].sort());
    for (const [key, cell] of a.cells) expect({ key, cell: b.cells.get(key) }).toEqual({ key, cell });
    // One setCellProperties on 1.9+; on 1.7 a few property sets per block of equally styled cells, fewer than cells.
    expect(modern.batchSizes[1]).toBeLessThan(60);
    expect(old.batchSizes[1]).toBeLessThan(supplementSpec.rows.length * 6);

    const rates = workbook('1.7');
    const r = await writeSheetSpec(rates.asExcel(), ratesSpec, { api: specApiFor('1.7') });
    const n = Object.keys(ratesSpec.notes!).length;
    expect(r.skipped).toEqual([
      `当前 Excel 不支持备注和批注（需要 ExcelApi 1.10 或更高版本）：${n} 条单元格说明（数据来源）未写入。`,
      '当前 Excel 不支持设置图表数据标签的数字格式（需要 ExcelApi 1.8）：7 个图表的数据标签按默认格式显示。',
    ]);
    const s = rates.model.sheet(RATES_SHEET)!;
    expect(s.charts).toHaveLength(7);
    expect(s.charts[0].dataLabels.numberFormat).toBeUndefined();
    expect(s.notes.size).toBe(0);
  });

  test('ExcelApi 1.10: cell notes become threaded comments (reported); a rewrite replaces them', async () => {
    const ctx = workbook('1.10');
    const report = await writeSheetSpec(ctx.asExcel(), ratesSpec, { api: specApiFor('1.10') });
    const n = Object.keys(ratesSpec.notes!).length;
    expect(report.skipped).toEqual([`当前 Excel 不支持备注（需要 ExcelApi 1.18）：${n} 条单元格说明改为批注写入。`]);
    const s = ctx.model.sheet(RATES_SHEET)!;
    const onSheet = () => ctx.model.comments.filter((c) => c.sheet === s);
    expect(onSheet()).toHaveLength(n);
    const [key, content] = Object.entries(ratesSpec.notes!)[0];
    const [r, c] = key.split(',').map(Number);
    expect(onSheet().find((x) => x.r === r && x.c === c)?.content).toBe(content);
    await writeSheetSpec(ctx.asExcel(), ratesSpec, { api: specApiFor('1.10') });
    expect(onSheet()).toHaveLength(n);
  });

  test('an invalid spec is refused before anything is sent', async () => {
    const ctx = workbook();
    await expect(writeSheetSpec(ctx.asExcel(), { name: '表', rows: [[num(NaN)]] })).rejects.toThrow('第 1 行第 1 列（A1）的数值无效（NaN）。');
    await expect(
      writeSheetSpec(ctx.asExcel(), { name: '表', rows: [[undefined, { kind: 'formula', formula: 'SUM(A1)' }]] }),
    ).rejects.toThrow('第 1 行第 2 列（B1）的公式“SUM(A1)”必须以“=”开头。');
    await expect(writeSheetSpec(ctx.asExcel(), { name: 'a/b', rows: [] })).rejects.toThrow(/不能包含/);
    await expect(writeSheetSpec(ctx.asExcel(), { name: '表', rows: [], notes: { A1: 'x' } })).rejects.toThrow('单元格说明的位置“A1”无效。');
    await expect(writeSheetSpec(ctx.asExcel(), { name: '表', rows: [[text('长'.repeat(32768))]] })).rejects.toThrow(/超过 Excel 单元格的上限（32767）/);
    expect(ctx.syncCount).toBe(0);
  });

  test('a chart with a bad range is skipped with a reason; the rest is written', async () => {
    const ctx = workbook();
    const spec: SheetSpec = {
      name: '图',
      rows: [[text('a'), num(1)], [text('b'), num(2)]],
      charts: [
        { type: 'pie', title: '好图', categories: 'A1:A2', series: [{ name: 's', values: 'B1:B2' }], anchor: { row: 0, col: 3, rows: 5, cols: 4 } },
        { type: 'pie', title: '坏图', categories: 'A1:A2', series: [{ name: 's', values: 'B1:C2' }], anchor: { row: 6, col: 3, rows: 5, cols: 4 } },
      ],
    };
    const report = await writeSheetSpec(ctx.asExcel(), spec, { api: specApiFor('1.18') });
    expect(report.skipped).toEqual(['图表“坏图”的数据区域“B1:C2”无效，未插入。']);
    expect(ctx.model.sheet('图')!.charts.map((c) => c.title)).toEqual(['好图']);
  });
});
