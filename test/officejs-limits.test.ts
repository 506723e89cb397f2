/**
 * The Office.js reader within Excel on the web's limits: a department workbook (the 四川 seed, its nine tables) with
 * a 50,000-row ledger sheet, read through the fake with the documented limits enforced (5 MB per request and per
 * response, 5,000,000 cells per read). Reading the used ranges in one sync, as the reader once did, is refused;
 * the chunked reader reads it in the number of syncs its formula states, every sync under the limits, and the
 * tables come out exactly as without the ledger.
 */
import * as fs from 'fs';
import * as path from 'path';
import { READ_BUDGET, ReadSize, readSyncCount, readWorkbookSnapshot, windows } from '../src/adapters/officejs';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { FakeCellInput, FakeContext, FakeSheetSpec, fakeExcel } from './fakes/fakeExcel';
import { WorkbookSnapshot, isCellError } from '../src/snapshot/types';
import { a1, rangeA1 } from '../src/snapshot/address';
import { readAccounts } from '../src/model/readAccounts';
import { MAX_MARK_CELLS, MarkFinding, markCells, unmarkCells } from '../src/adapters/officejs/markCells';
import { specApiFor, writeSheetSpec } from '../src/adapters/officejs';
import { SheetSpec } from '../src/output/sheetSpec';

const XLSX = path.join(__dirname, 'fixtures', 'xlsx', 'yuquan2021-sichuan.xlsx');
const LEDGER_ROWS = 50_000;
const LEDGER_COLS = 10;

let seed: WorkbookSnapshot;

beforeAll(async () => {
  seed = await snapshotFromXlsx(new Uint8Array(fs.readFileSync(XLSX)), 'yuquan2021-sichuan.xlsx');
});

function seedSheets(): FakeSheetSpec[] {
  return seed.sheets.map((s) => {
    const cells: Record<string, FakeCellInput> = {};
    s.cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c || c.v === null) return;
        if (isCellError(c.v)) cells[a1(r, col)] = { v: c.v.error, error: true };
        else cells[a1(r, col)] = { v: c.v, f: c.f, ...(c.formula ? { formula: '=0+0' } : {}) };
      }),
    );
    return { name: s.name, cells, merges: s.merges.map(rangeA1), hiddenRows: s.hiddenRows, hiddenCols: s.hiddenCols };
  });
}

/** A bookkeeping ledger: date, voucher, a Chinese summary, accounts and amounts — no table title, no table header. */
function ledger(rows = LEDGER_ROWS, summary = (r: number) => `支付第${r}笔办公用品采购款`): FakeSheetSpec {
  const cells: Record<string, FakeCellInput> = {};
  ['日期', '凭证号', '摘要', '借方科目', '贷方科目', '借方', '贷方', '余额', '经办人', '附件数'].forEach((h, c) => (cells[a1(0, c)] = h));
  for (let r = 1; r < rows; r++) {
    cells[a1(r, 0)] = { v: 44927 + (r % 365), f: 'yyyy-mm-dd' };
    cells[a1(r, 1)] = `记-${r}`;
    cells[a1(r, 2)] = summary(r);
    cells[a1(r, 3)] = '5011';
    cells[a1(r, 4)] = '1002';
    cells[a1(r, 5)] = { v: r * 13.37, f: '#,##0.00' };
    cells[a1(r, 6)] = 0;
    cells[a1(r, 7)] = { v: 1e7 - r * 13.37, f: '#,##0.00' };
    cells[a1(r, 8)] = '张三';
    cells[a1(r, 9)] = r % 4;
  }
  return { name: '明细账', cells };
}

function withinLimits(ctx: FakeContext): void {
  const limit = ctx.model.limits.payloadBytes;
  expect(Math.max(...ctx.requestSizes)).toBeLessThanOrEqual(limit);
  expect(Math.max(...ctx.responseSizes)).toBeLessThanOrEqual(limit);
}

describe('reading within Excel on the web’s limits', () => {
  test('the fake refuses what Excel refuses: a response over 5 MB, a read over 5,000,000 cells, a request over 5 MB', async () => {
    const ctx = fakeExcel([ledger()]);
    const used = ctx.asExcel().workbook.worksheets.getItem('明细账').getUsedRangeOrNullObject(true);
    used.load(['values', 'text', 'numberFormat', 'formulas', 'valueTypes']);
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });

    const big = fakeExcel([{ name: 'S', cells: { A1: 1 } }]);
    big.asExcel().workbook.worksheets.getItem('S').getRange('A1:Z200000').load('values');
    await expect(big.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });

    const write = fakeExcel([{ name: 'S' }]);
    const rows = Array.from({ length: 200_000 }, (_, r) => [`第${r}行的一段说明文字`, r]);
    write.asExcel().workbook.worksheets.getItem('S').getRange(`A1:B${rows.length}`).values = rows;
    await expect(write.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(write.model.sheet('S')!.cells.size).toBe(0); // a refused request changes nothing
  });

  test('the seed with a 50,000-row ledger: read in the stated syncs, each under the limits; tables unchanged', async () => {
    const alone = fakeExcel(seedSheets());
    const tablesOnly = await readWorkbookSnapshot(alone.asExcel(), '当前工作簿', { mergedAreas: true });

    const ctx = fakeExcel([...seedSheets(), ledger()]);
    let plan: ReadSize | undefined;
    let syncs = 0;
    const snap = await readWorkbookSnapshot(ctx.asExcel(), '当前工作簿', {
      mergedAreas: true,
      onPlan: (p, n) => ((plan = p), (syncs = n)),
    });
    withinLimits(ctx);
    expect(ctx.syncCount).toBe(syncs);
    expect(syncs).toBe(readSyncCount(plan!));

    // The formula with the workbook's figures: every used cell once in values, the tables (small sheets) in detail,
    // the ledger (no table in it) only in values.
    const seedCells = seed.sheets.reduce((n, s) => n + usedCells(s), 0);
    expect(plan!.cells).toBe(seedCells + LEDGER_ROWS * LEDGER_COLS);
    expect(plan!.detailCells).toBe(seedCells);
    expect(syncs).toBe(
      2 +
        Math.ceil(plan!.cells / READ_BUDGET.valueCellsPerSync) +
        Math.ceil(plan!.detailCells / READ_BUDGET.detailCellsPerSync) +
        Math.ceil(plan!.queries / READ_BUDGET.queriesPerSync),
    );
    expect(syncs).toBe(2 + 5 + 1 + 1);

    // The tables read exactly as without the ledger; the ledger's values are all there, without display detail.
    expect(snap.sheets.slice(0, -1)).toEqual(tablesOnly.sheets);
    const book = snap.sheets[snap.sheets.length - 1];
    expect(book.cells.length).toBe(LEDGER_ROWS);
    expect(book.cells[LEDGER_ROWS - 1][2]).toEqual({ v: `支付第${LEDGER_ROWS - 1}笔办公用品采购款` });
    expect(book.cells[12345][5]).toEqual({ v: 12345 * 13.37 });
    expect(Object.keys(readAccounts(snap).tables).sort()).toEqual(Object.keys(readAccounts(tablesOnly).tables).sort());
  });

  test('a table inside a large sheet gets its detail (number formats, formulas), the rest of the sheet does not', async () => {
    const big = ledger(30_000);
    const table = seedSheets().find((s) => Object.values(s.cells ?? {}).some((v) => typeof v === 'object' && /收入支出决算总表/.test(String(v.v))))!;
    // The 收入支出决算总表 below the ledger, 10 rows under its last line.
    const offset = 30_010;
    for (const [addr, v] of Object.entries(table.cells ?? {})) {
      const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
      big.cells![`${m[1]}${Number(m[2]) + offset}`] = v;
    }
    const ctx = fakeExcel([big]);
    let plan: ReadSize | undefined;
    const snap = await readWorkbookSnapshot(ctx.asExcel(), '当前工作簿', { onPlan: (p) => (plan = p) });
    withinLimits(ctx);
    const sheet = snap.sheets[0];
    const tableRows = sheet.cells.length - offset;
    expect(plan!.detailCells).toBeLessThan(plan!.cells / 10);
    expect(plan!.detailCells).toBeGreaterThanOrEqual(tableRows * LEDGER_COLS);
    const amounts = sheet.cells.slice(offset).flatMap((row) => (row ?? []).filter((c) => c && typeof c.v === 'number'));
    expect(amounts.length).toBeGreaterThan(10);
    expect(amounts.every((c) => c!.t !== undefined)).toBe(true); // detail read where the table is
    expect(sheet.cells[100][5]).toEqual({ v: 100 * 13.37 }); // values only in the ledger
  });

  test('long texts: a window Excel refuses is read again in halves, and the read still succeeds', async () => {
    const long = '这是一段很长的摘要文字，用来让单元格的平均长度远超估计。'.repeat(4);
    const ctx = fakeExcel([ledger(20_000, (r) => `${long}${r}`)]);
    let plan: ReadSize | undefined;
    let syncs = 0;
    const snap = await readWorkbookSnapshot(ctx.asExcel(), '当前工作簿', { onPlan: (p, n) => ((plan = p), (syncs = n)) });
    expect(syncs).toBeGreaterThan(readSyncCount(plan!)); // refused windows cost extra syncs …
    expect(snap.sheets[0].cells[19_999][2]).toEqual({ v: `${long}19999` }); // … and nothing is lost
    const refused = ctx.responseSizes.filter((n) => n > ctx.model.limits.payloadBytes).length;
    expect(refused).toBeGreaterThan(0);
    expect(syncs).toBe(readSyncCount(plan!) + 2 * refused); // each refusal: the refused sync + one more half
  });

  test('windows: all sheets as one stream of at most N cells, each a few rectangles covering every cell once', () => {
    const jobs = [
      { rows: 7, cols: 3 },
      { rows: 0, cols: 0 },
      { rows: 5, cols: 4 },
    ];
    for (const size of [1, 2, 5, 7, 10, 41, 100]) {
      const ws = windows(jobs, (j) => (j.rows ? [[0, j.rows - 1]] : []), size);
      expect(ws).toHaveLength(Math.ceil(41 / size));
      const seen = new Map<string, number>();
      for (const w of ws) {
        expect(w.reduce((n, p) => n + p.rows * p.cols, 0)).toBeLessThanOrEqual(size);
        for (const p of w) {
          for (let r = p.row; r < p.row + p.rows; r++)
            for (let c = p.col; c < p.col + p.cols; c++) {
              const k = `${jobs.indexOf(p.job)}:${r}:${c}`;
              seen.set(k, (seen.get(k) ?? 0) + 1);
            }
        }
      }
      expect(seen.size).toBe(41);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    }
  });
});

describe('writing within Excel on the web’s limits', () => {
  test('marking the most cells at once, each with a long message, and clearing them: every request under 5 MB', async () => {
    const cells: Record<string, number> = {};
    for (let r = 1; r <= MAX_MARK_CELLS; r++) cells[`C${r}`] = r;
    const ctx = fakeExcel([{ name: '公开01表', cells }]);
    const long = '本行合计数不等于各明细行之和，请核对合计公式与明细金额是否一致。'.repeat(6);
    const findings: MarkFinding[] = Array.from({ length: MAX_MARK_CELLS + 500 }, (_, i) => ({
      severity: '错误',
      message: `${long}（第${i + 1}条）`,
      cells: [`公开01表!C${(i % MAX_MARK_CELLS) + 1}`],
    }));
    const marked = await markCells(ctx.asExcel(), findings, { api: { fillDetails: true, notes: true, comments: true } });
    expect(marked.cells).toBe(MAX_MARK_CELLS);
    await unmarkCells(ctx.asExcel(), { api: { fillDetails: true, notes: true, comments: true } });
    withinLimits(ctx);
  });

  test('an owned sheet of 5,000 styled rows is written under the limits', async () => {
    const rows: SheetSpec['rows'] = [[{ kind: 'text', text: '执行率汇总', style: 'title' }]];
    for (let r = 1; r <= 5000; r++) {
      rows.push([
        { kind: 'text', text: `2080501 行政单位离退休第${r}项`, style: 'label' },
        { kind: 'number', value: r * 100.5, style: 'money' },
        { kind: 'number', value: r * 90.25, style: 'money' },
        { kind: 'formula', formula: `=IF(B${r + 1}=0,"",C${r + 1}/B${r + 1})`, value: 0.898, style: 'percent' },
        { kind: 'text', text: '执行率较低，主要原因是项目尚未完成验收。', style: 'paragraph' },
      ]);
    }
    const ctx = fakeExcel([{ name: 'Sheet1', cells: { A1: 1 } }]);
    await writeSheetSpec(ctx.asExcel(), { name: '决算助手_执行率汇总', rows, columnWidths: [30, 14, 14, 10, 40] }, { api: specApiFor('1.18') });
    withinLimits(ctx);
    expect(ctx.model.sheet('决算助手_执行率汇总')!.at('A5001')!.value).toBe('2080501 行政单位离退休第5000项');
  });
});

function usedCells(s: WorkbookSnapshot['sheets'][number]): number {
  let r0 = Infinity, r1 = -1, c0 = Infinity, c1 = -1;
  s.cells.forEach((row, r) =>
    row?.forEach((c, col) => {
      if (!c || c.v === null || c.v === '') return;
      r0 = Math.min(r0, r); r1 = Math.max(r1, r); c0 = Math.min(c0, col); c1 = Math.max(c1, col);
    }),
  );
  return r1 < 0 ? 0 : (r1 - r0 + 1) * (c1 - c0 + 1);
}

describe('older hosts', () => {
  test('ExcelApi 1.1 (Excel 2016 volume-licensed): the values are read with 1.1 calls only; no hidden rows, no merges', async () => {
    const ctx = fakeExcel(seedSheets());
    ctx.model.excelApi = '1.1';
    const snap = await readWorkbookSnapshot(ctx.asExcel(), '当前工作簿', { excelApi: '1.1', mergedAreas: true });
    const full = await readWorkbookSnapshot(fakeExcel(seedSheets()).asExcel(), '当前工作簿', { mergedAreas: true });
    expect(snap.sheets.map((s) => s.cells)).toEqual(full.sheets.map((s) => s.cells));
    expect(snap.sheets.every((s) => s.merges.length === 0 && s.hiddenRows.length === 0)).toBe(true);
    expect(Object.keys(readAccounts(snap).tables).length).toBeGreaterThan(0);
  });
});
