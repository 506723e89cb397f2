import {
  ReadSize,
  readSyncCount,
  SELECT_SYNC_COUNT,
  WRITE_SYNC_COUNT,
  OWNED_NAME_PREFIX,
  cellSnap,
  markerSheet,
  parseAreasAddress,
  readWorkbookSnapshot,
  selectCells,
  selectTarget,
  writeOwnedSheet,
} from '../src/adapters/officejs';
import { FakeContext, FakeSheetSpec, fakeExcel } from './fakes/fakeExcel';
import { CellSnap, WorkbookSnapshot } from '../src/snapshot/types';
import { a1 } from '../src/snapshot/address';

/** Three sheets: a table not starting at A1 with a merged header, a hidden row, errors and text numbers; a hidden
 * sheet with a hidden column; an empty sheet. */
function fixtureSheets(): FakeSheetSpec[] {
  return [
    {
      name: '公开01表',
      cells: {
        B2: '收入支出决算总表',
        B3: '项目',
        C3: '金额',
        D3: '备注',
        E3: '是否',
        B4: '一般公共预算财政拨款收入',
        C4: { v: 1234.5, f: '#,##0.00' },
        D4: { v: '=SUM(A1)', f: '@' }, // a text constant that looks like a formula
        E4: true,
        B5: { v: '0123', f: '@' },
        C5: { v: '100', f: '@' },
        B6: '隐藏行',
        C6: 5,
        B7: '合计',
        C7: { v: 1239.5, formula: '=C4+C6', f: '#,##0.00' },
        B8: '错误',
        C8: { v: '#REF!', formula: '=#REF!+1', error: true },
        D8: { v: '#N/A', error: true },
      },
      merges: ['B2:E2'],
      hiddenRows: [5],
    },
    {
      name: '附表 2',
      visibility: 'Hidden',
      cells: { D10: 'a', E10: 'b', F11: 3 },
      hiddenCols: [4],
    },
    { name: '空表' },
  ];
}

function sparse(entries: [string, CellSnap][]): (CellSnap | undefined)[][] {
  const cells: (CellSnap | undefined)[][] = [];
  for (const [addr, snap] of entries) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
    const c = m[1].charCodeAt(0) - 65;
    const r = parseInt(m[2], 10) - 1;
    (cells[r] ||= [])[c] = snap;
  }
  return cells;
}

const expectedFixture: WorkbookSnapshot = {
  source: '当前工作簿',
  sheets: [
    {
      name: '公开01表',
      hidden: false,
      cells: sparse([
        ['B2', { v: '收入支出决算总表', t: '收入支出决算总表' }],
        ['B3', { v: '项目', t: '项目' }],
        ['C3', { v: '金额', t: '金额' }],
        ['D3', { v: '备注', t: '备注' }],
        ['E3', { v: '是否', t: '是否' }],
        ['B4', { v: '一般公共预算财政拨款收入', t: '一般公共预算财政拨款收入' }],
        ['C4', { v: 1234.5, t: '1,234.50', f: '#,##0.00' }],
        ['D4', { v: '=SUM(A1)', t: '=SUM(A1)', f: '@' }],
        ['E4', { v: true, t: 'TRUE' }],
        ['B5', { v: '0123', t: '0123', f: '@' }],
        ['C5', { v: '100', t: '100', f: '@' }],
        ['B6', { v: '隐藏行', t: '隐藏行' }],
        ['C6', { v: 5, t: '5' }],
        ['B7', { v: '合计', t: '合计' }],
        ['C7', { v: 1239.5, t: '1,239.50', f: '#,##0.00', formula: true }],
        ['B8', { v: '错误', t: '错误' }],
        ['C8', { v: { error: '#REF!' }, t: '#REF!', formula: true }],
        ['D8', { v: { error: '#N/A' }, t: '#N/A' }],
      ]),
      merges: [{ r0: 1, c0: 1, r1: 1, c1: 4 }],
      hiddenRows: [5],
      hiddenCols: [],
    },
    {
      name: '附表 2',
      hidden: true,
      cells: sparse([
        ['D10', { v: 'a', t: 'a' }],
        ['E10', { v: 'b', t: 'b' }],
        ['F11', { v: 3, t: '3' }],
      ]),
      merges: [],
      hiddenRows: [],
      hiddenCols: [4],
    },
    { name: '空表', hidden: false, cells: [], merges: [], hiddenRows: [], hiddenCols: [] },
  ],
};

function spySync(ctx: FakeContext): jest.SpyInstance {
  return jest.spyOn(ctx, 'sync');
}

describe('the fake Excel (sanity: Office.js load/sync semantics)', () => {
  test('properties are unavailable until loaded and synced', async () => {
    const ctx = fakeExcel(fixtureSheets());
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    const used = ctx.workbook.worksheets.getItem('公开01表').getUsedRangeOrNullObject(true);
    used.load('values');
    expect(() => used.values).toThrow(/PropertyNotLoaded/);
    expect(() => used.isNullObject).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['公开01表', '附表 2', '空表']);
    expect(() => sheets.items[0].visibility).toThrow(/PropertyNotLoaded/);
    expect(used.isNullObject).toBe(false);
    expect(used.values[0][0]).toBe('收入支出决算总表');
    expect(() => used.address).toThrow(/PropertyNotLoaded/);
  });

  test('a string typed into a General cell becomes a formula, unless the cell is formatted as text', async () => {
    const ctx = fakeExcel([{ name: 'S' }]);
    const ws = ctx.workbook.worksheets.getItem('S');
    ws.getRange('A1').values = [['=SUM(B1)']];
    const a2 = ws.getRange('A2');
    a2.numberFormat = [['@']];
    a2.values = [['=SUM(B1)']];
    ws.getRange('A3').values = [['001']];
    await ctx.sync();
    const s = ctx.model.sheet('S')!;
    expect(s.at('A1')).toMatchObject({ formula: '=SUM(B1)' });
    expect(s.at('A2')).toEqual({ value: '=SUM(B1)', numberFormat: '@' });
    expect(s.at('A3')).toEqual({ value: 1 });
  });
});

describe('readWorkbookSnapshot', () => {
  test('reads the fixture exactly, in the stated number of syncs', async () => {
    const ctx = fakeExcel(fixtureSheets());
    const sync = spySync(ctx);
    let plan: ReadSize | undefined;
    const snap = await readWorkbookSnapshot(ctx.asExcel(), undefined, { mergedAreas: true, onPlan: (p) => (plan = p) });
    expect(snap).toEqual(expectedFixture);
    // B2:E8 (28 cells) and D10:F11 (6), all in detail; one merge query per sheet, 7 row probes (公开01表 mixes
    // hidden and visible rows) and 3 column probes (附表 2).
    expect(plan).toEqual({ cells: 34, detailCells: 34, queries: 2 + 7 + 3 });
    expect(sync).toHaveBeenCalledTimes(readSyncCount(plan!));
    expect(readSyncCount(plan!)).toBe(5);
  });

  test('one sheet: the stated syncs, source name kept', async () => {
    const ctx = fakeExcel([fixtureSheets()[0]]);
    const sync = spySync(ctx);
    const snap = await readWorkbookSnapshot(ctx.asExcel(), '部门决算.xlsx', { mergedAreas: true });
    expect(snap.source).toBe('部门决算.xlsx');
    expect(snap.sheets).toEqual([expectedFixture.sheets[0]]);
    expect(sync).toHaveBeenCalledTimes(5);
  });

  test('an empty workbook takes the two syncs that find it empty', async () => {
    const ctx = fakeExcel([{ name: '空表' }]);
    const sync = spySync(ctx);
    await readWorkbookSnapshot(ctx.asExcel(), undefined, { mergedAreas: true });
    expect(sync).toHaveBeenCalledTimes(readSyncCount({ cells: 0, detailCells: 0, queries: 0 }));
    expect(sync).toHaveBeenCalledTimes(2);
  });

  test('30 sheets × 500 rows: the stated syncs, none one per sheet or per row', async () => {
    const specs: FakeSheetSpec[] = [];
    for (let s = 0; s < 30; s++) {
      const cells: Record<string, number | string> = { A2: `表${s}` };
      for (let r = 2; r < 502; r++) for (let c = 0; c < 8; c++) cells[a1(r, c)] = c === 0 ? `科目${r}` : r * 10 + c;
      specs.push({
        name: `表${s + 1}`,
        visibility: s % 7 === 3 ? 'Hidden' : 'Visible',
        cells,
        merges: ['A2:H2', ...(s % 2 ? ['A100:A101'] : [])],
        hiddenRows: s % 3 ? [100, 400] : [],
        hiddenCols: s % 5 ? [] : [3],
      });
    }
    const ctx = fakeExcel(specs);
    const sync = spySync(ctx);
    let plan: ReadSize | undefined;
    const snap = await readWorkbookSnapshot(ctx.asExcel(), undefined, { mergedAreas: true, onPlan: (p) => (plan = p) });
    // 30 × 501 × 8 cells, every sheet small enough to be read in detail; 11 merge queries per sheet, a row probe
    // per used row of the 20 sheets with hidden rows, a column probe per used column of the 6 with a hidden column.
    expect(plan).toEqual({ cells: 30 * 501 * 8, detailCells: 30 * 501 * 8, queries: 30 * 11 + 20 * 501 + 6 * 8 });
    expect(sync).toHaveBeenCalledTimes(readSyncCount(plan!));
    expect(readSyncCount(plan!)).toBe(2 + 1 + 3 + 2);
    expect(snap.sheets).toHaveLength(30);
    snap.sheets.forEach((sh, s) => {
      expect(sh.cells.filter(Boolean)).toHaveLength(501);
      expect(sh.cells[501][7]).toEqual({ v: 5017, t: '5017' });
      expect(sh.hidden).toBe(s % 7 === 3);
      expect(sh.hiddenRows).toEqual(s % 3 ? [100, 400] : []);
      expect(sh.hiddenCols).toEqual(s % 5 ? [] : [3]);
      expect(sh.merges).toEqual([{ r0: 1, c0: 0, r1: 1, c1: 7 }, ...(s % 2 ? [{ r0: 99, c0: 0, r1: 100, c1: 0 }] : [])]);
    });
    // Batch sizes (queued actions per sync): sync 1 is one load; sync 2 one used-range proxy + its load per sheet;
    // the values sync one rectangle (proxy + load) per sheet.
    expect(ctx.batchSizes[0]).toBe(1);
    expect(ctx.batchSizes[1]).toBe(30 * 2);
    expect(ctx.batchSizes[2]).toBe(30 * 2);
    expect(Math.max(...ctx.requestSizes, ...ctx.responseSizes)).toBeLessThan(ctx.model.limits.payloadBytes);
  });

  test('merged areas are read in row blocks; an area crossing a block boundary is reported once', async () => {
    const ctx = fakeExcel([
      { name: 'S', cells: { A1: 'h', A2: 'x', A3: 'y', A4: 'z', A5: 'w' }, merges: ['A2:B3', 'A4:A5', 'A1:C1'] },
    ]);
    const snap = await readWorkbookSnapshot(ctx.asExcel(), undefined, { mergedAreas: true, mergeChunkRows: 2 });
    expect(snap.sheets[0].merges).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 2 },
      { r0: 1, c0: 0, r1: 2, c1: 1 },
      { r0: 3, c0: 0, r1: 4, c1: 0 },
    ]);
  });

  test('more than 512 merged areas in a sheet are fine thanks to the row blocks', async () => {
    const cells: Record<string, string> = {};
    const merges: string[] = [];
    for (let r = 1; r <= 600; r++) {
      cells[`A${r}`] = `r${r}`;
      merges.push(`A${r}:B${r}`);
    }
    const ctx = fakeExcel([{ name: 'S', cells, merges }]);
    const snap = await readWorkbookSnapshot(ctx.asExcel(), undefined, { mergedAreas: true });
    expect(snap.sheets[0].merges).toHaveLength(600);
    const ctx2 = fakeExcel([{ name: 'S', cells, merges }]);
    await expect(readWorkbookSnapshot(ctx2.asExcel(), undefined, { mergedAreas: true, mergeChunkRows: 1000 })).rejects.toThrow(/512/);
  });

  describe('ExcelApi 1.13 detection', () => {
    const g = globalThis as unknown as { Office?: unknown };
    afterEach(() => delete g.Office);

    test('outside Office (no requirement info): merges are skipped, sync count unchanged', async () => {
      const ctx = fakeExcel(fixtureSheets());
      const sync = spySync(ctx);
      const snap = await readWorkbookSnapshot(ctx.asExcel());
      expect(snap.sheets[0].merges).toEqual([]);
      expect(snap.sheets[0].cells).toEqual(expectedFixture.sheets[0].cells);
      expect(sync).toHaveBeenCalledTimes(5);
    });

    test('a host supporting ExcelApi 1.13 gets merged areas by default', async () => {
      const asked: string[] = [];
      g.Office = {
        context: {
          requirements: {
            isSetSupported: (set: string, v: string) => {
              asked.push(`${set} ${v}`);
              return set === 'ExcelApi' && Number(v.split('.')[1]) <= 13;
            },
          },
        },
      };
      const ctx = fakeExcel(fixtureSheets());
      const snap = await readWorkbookSnapshot(ctx.asExcel());
      expect(snap).toEqual(expectedFixture);
      expect(asked).toEqual(['ExcelApi 1.13', 'ExcelApi 1.2', 'ExcelApi 1.4']);
    });
  });

  test('host errors become Chinese messages', async () => {
    const ctx = fakeExcel(fixtureSheets());
    jest.spyOn(ctx, 'sync').mockRejectedValueOnce(Object.assign(new Error('busy'), { code: 'InvalidOperationInCellEditMode' }));
    await expect(readWorkbookSnapshot(ctx.asExcel())).rejects.toThrow('读取工作簿失败：Excel 正处于单元格编辑状态');
    const ctx2 = fakeExcel(fixtureSheets());
    jest.spyOn(ctx2, 'sync').mockRejectedValueOnce(Object.assign(new Error('too big'), { code: 'ResponsePayloadSizeLimitExceeded' }));
    await expect(readWorkbookSnapshot(ctx2.asExcel())).rejects.toThrow(/5MB/);
  });

  test('cellSnap: formula detection, errors, empties', () => {
    expect(cellSnap('', '', 'General', '', 'Empty')).toBeUndefined();
    expect(cellSnap('', '', 'General', '=IF(A1,"","")', 'String')).toEqual({ v: '', t: '', formula: true });
    expect(cellSnap('#DIV/0!', '#DIV/0!', 'General', '=1/0', 'Error')).toEqual({ v: { error: '#DIV/0!' }, t: '#DIV/0!', formula: true });
    expect(cellSnap('=A1', '=A1', '@', '=A1', 'String')).toEqual({ v: '=A1', t: '=A1', f: '@' });
    expect(cellSnap(12, '12', 'General', 12, 'Double')).toEqual({ v: 12, t: '12' });
  });

  test('parseAreasAddress copes with quoted sheet names, commas and no sheet', () => {
    expect(parseAreasAddress("'My, sheet'!A1:B2, 'My, sheet'!$C$3")).toEqual([
      { r0: 0, c0: 0, r1: 1, c1: 1 },
      { r0: 2, c0: 2, r1: 2, c1: 2 },
    ]);
    expect(parseAreasAddress('公开01表!B2:E2,公开01表!B9:C9')).toEqual([
      { r0: 1, c0: 1, r1: 1, c1: 4 },
      { r0: 8, c0: 1, r1: 8, c1: 2 },
    ]);
    expect(parseAreasAddress('A1:B2')).toEqual([{ r0: 0, c0: 0, r1: 1, c1: 1 }]);
    expect(parseAreasAddress('')).toEqual([]);
  });
});

describe('selectCells', () => {
  test('quoted sheet names, $ signs, several ranges on one sheet', async () => {
    const specs = [...fixtureSheets(), { name: 'My sheet', cells: { B2: 1 } }];
    const refs = ["'My sheet'!B2:H40", "'My sheet'!$C$5", '公开01表!C8', "'My sheet'!B2:H40"];
    expect(selectTarget(refs)).toEqual({ sheet: 'My sheet', addresses: ['B2:H40', 'C5'] });

    const single = fakeExcel(specs);
    const sync = spySync(single);
    await selectCells(single.asExcel(), refs, { multiArea: false });
    expect(single.model.selection).toEqual({ sheet: 'My sheet', address: 'B2:H40' });
    expect(single.model.activeSheet?.name).toBe('My sheet');
    expect(sync).toHaveBeenCalledTimes(SELECT_SYNC_COUNT);

    const multi = fakeExcel(specs);
    await selectCells(multi.asExcel(), refs, { multiArea: true });
    expect(multi.model.selection).toEqual({ sheet: 'My sheet', address: 'B2:H40,C5' });
  });

  test('no refs: nothing happens; bad refs and missing or hidden sheets give Chinese errors', async () => {
    const ctx = fakeExcel(fixtureSheets());
    const sync = spySync(ctx);
    await selectCells(ctx.asExcel(), []);
    expect(sync).not.toHaveBeenCalled();
    await expect(selectCells(ctx.asExcel(), ['C8'])).rejects.toThrow('无法识别的单元格引用“C8”');
    await expect(selectCells(ctx.asExcel(), ['公开01表!合计'])).rejects.toThrow(/无法识别/);
    await expect(selectCells(ctx.asExcel(), ['不存在!A1'])).rejects.toThrow(/无法定位到“不存在!A1”/);
    await expect(selectCells(ctx.asExcel(), ['附表 2!D10'])).rejects.toThrow(/无法定位到/);
  });
});

describe('writeOwnedSheet', () => {
  test('creates the sheet, writes strings as text (never as formulas), marks it owned, in WRITE_SYNC_COUNT syncs', async () => {
    const ctx = fakeExcel(fixtureSheets());
    const sync = spySync(ctx);
    await writeOwnedSheet(ctx.asExcel(), '决算助手报告', [
      ['项目', '金额'],
      ['=SUM(A1)', 12.5],
      ['001', null, '1/2'],
    ]);
    expect(sync).toHaveBeenCalledTimes(WRITE_SYNC_COUNT);
    const s = ctx.model.sheet('决算助手报告')!;
    expect(s.at('A2')).toEqual({ value: '=SUM(A1)', numberFormat: '@' });
    expect(s.at('A2')!.formula).toBeUndefined();
    expect(s.at('A3')).toEqual({ value: '001', numberFormat: '@' });
    expect(s.at('C3')).toEqual({ value: '1/2', numberFormat: '@' });
    expect(s.at('B2')).toEqual({ value: 12.5, numberFormat: 'General' });
    expect(s.at('B3')?.value ?? '').toBe('');
    expect(ctx.model.names.map((n) => n.name)).toEqual([`${OWNED_NAME_PREFIX}_1`]);
    // The user's sheets are untouched.
    expect(ctx.model.sheet('公开01表')!.at('C4')).toEqual({ value: 1234.5, numberFormat: '#,##0.00' });
  });

  test('formulas are written only through the formulas option', async () => {
    const ctx = fakeExcel([]);
    await writeOwnedSheet(ctx.asExcel(), '汇总', [['a', 1], ['b', 2], ['合计', null]], {
      formulas: [{ row: 2, col: 1, formula: '=SUM(B1:B2)' }],
      numberFormat: '#,##0.00',
      activate: true,
    });
    const s = ctx.model.sheet('汇总')!;
    expect(s.at('B3')).toMatchObject({ formula: '=SUM(B1:B2)', numberFormat: 'General' });
    expect(s.at('B1')).toEqual({ value: 1, numberFormat: '#,##0.00' });
    expect(ctx.model.activeSheet).toBe(s);
    await expect(writeOwnedSheet(ctx.asExcel(), '汇总', [], { formulas: [{ row: 0, col: 0, formula: 'SUM(A1)' }] })).rejects.toThrow(
      '公式“SUM(A1)”必须以“=”开头',
    );
  });

  test("refuses a user's existing sheet, before writing anything", async () => {
    const ctx = fakeExcel(fixtureSheets());
    const sync = spySync(ctx);
    await expect(writeOwnedSheet(ctx.asExcel(), '公开01表', [['x']])).rejects.toThrow(
      /工作表“公开01表”已存在，且不是决算助手生成的工作表/,
    );
    ctx.model.addSheet({ name: 'Data', cells: { A1: 1 } });
    await expect(writeOwnedSheet(ctx.asExcel(), 'DATA', [['x']])).rejects.toThrow(/工作表“Data”已存在.*不会改写/); // Excel names ignore case
    expect(sync).toHaveBeenCalledTimes(2); // one check per attempt, no write batch
    expect(ctx.model.sheet('公开01表')!.at('B2')).toEqual({ value: '收入支出决算总表' });
    expect(ctx.model.sheet('Data')!.at('A1')).toEqual({ value: 1 });
    expect(ctx.model.names).toEqual([]);
  });

  test('rewrites its own sheet (cleared first), also after the user renamed it', async () => {
    const ctx = fakeExcel([]);
    await writeOwnedSheet(ctx.asExcel(), '报告', [['old', 1, 2, 3], ['old2']]);
    const sync = spySync(ctx);
    await writeOwnedSheet(ctx.asExcel(), '报告', [['new']]);
    expect(sync).toHaveBeenCalledTimes(WRITE_SYNC_COUNT);
    const s = ctx.model.sheet('报告')!;
    expect(s.at('A1')).toEqual({ value: 'new', numberFormat: '@' });
    expect(s.at('B1')).toBeUndefined();
    expect(s.at('A2')).toBeUndefined();
    expect(ctx.model.names).toHaveLength(1);

    s.name = '报告（旧）'; // the user renames it: the marker follows the sheet
    await writeOwnedSheet(ctx.asExcel(), '报告（旧）', [['again']]);
    expect(ctx.model.sheet('报告（旧）')!.at('A1')?.value).toBe('again');
    expect(ctx.model.names).toHaveLength(1);
  });

  test('a deleted owned sheet leaves a stale marker that is cleaned up; a user sheet reusing the name is refused', async () => {
    const ctx = fakeExcel([]);
    await writeOwnedSheet(ctx.asExcel(), '报告', [['x']]);
    ctx.model.deleteSheet('报告');
    ctx.model.addSheet({ name: '报告', cells: { A1: '用户自己的数据' } });
    await expect(writeOwnedSheet(ctx.asExcel(), '报告', [['y']])).rejects.toThrow(/不是决算助手生成/);
    expect(ctx.model.sheet('报告')!.at('A1')?.value).toBe('用户自己的数据');

    await writeOwnedSheet(ctx.asExcel(), '报告2', [['z']]);
    expect(ctx.model.names.map((n) => n.name)).toEqual([`${OWNED_NAME_PREFIX}_2`]);
  });

  test('sheet names are checked', async () => {
    const ctx = fakeExcel([]);
    await expect(writeOwnedSheet(ctx.asExcel(), 'a/b', [])).rejects.toThrow(/不能包含/);
    await expect(writeOwnedSheet(ctx.asExcel(), 'x'.repeat(32), [])).rejects.toThrow(/超过 31 个字符/);
    await expect(writeOwnedSheet(ctx.asExcel(), '表', [[NaN]])).rejects.toThrow(/数值无效/);
  });

  test('markerSheet reads the referenced sheet', () => {
    expect(markerSheet('报告!$A$1')).toBe('报告');
    expect(markerSheet("='My ''x'' sheet'!$A$1")).toBe("My 'x' sheet");
    expect(markerSheet('#REF!')).toBeNull();
    expect(markerSheet(3)).toBeNull();
  });
});
