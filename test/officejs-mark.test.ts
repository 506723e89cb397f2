/**
 * 在工作簿中标注 / 清除标注 (src/adapters/officejs/markCells.ts) against the fake Excel: marking colours the cells and
 * adds notes, keeps the originals in the owned hidden sheet 决算助手_标注, and clearing leaves every sheet exactly as it
 * was — fills (none, solid, white, patterned, theme-tinted), notes, threaded comments, names, sheets — with a fixed
 * number of syncs whatever the number of cells.
 */
import {
  MARK_COLORS,
  MARK_SHEET,
  MARK_SYNC_COUNT,
  MARK_TAG,
  MarkApi,
  MarkFinding,
  UNMARK_SYNC_COUNT,
  classifyFill,
  markCells,
  markTargets,
  parseStore,
  unmarkCells,
} from '../src/adapters/officejs/markCells';
import { OWNED_NAME_PREFIX, markerSheet, writeOwnedSheet, readWorkbookSnapshot } from '../src/adapters/officejs';
import { FakeContext, FakeSheetSpec, FakeWorkbookModel, fakeExcel } from './fakes/fakeExcel';
import { MARK_SHEET as ENGINE_MARK_SHEET } from '../src/taskpane/engine';

const ALL: MarkApi = { fillDetails: true, notes: true, comments: true };
const COMMENTS_ONLY: MarkApi = { fillDetails: true, notes: false, comments: true };
const FILL_ONLY: MarkApi = { fillDetails: true, notes: false, comments: false };

function sheets(): FakeSheetSpec[] {
  return [
    {
      name: '公开01表',
      cells: { A8: '本年收入合计', C7: 853, C8: 865.5, C9: 12.5, C10: 3, C11: 4, C12: 5, C13: 6 },
      fills: {
        C9: '#FFFF00', // solid yellow
        C10: '#FFFFFF', // explicit solid white (reads like "no fill" by colour)
        C11: { pattern: 'Gray25', color: '#DDEBF7', patternColor: '#1F4E78', patternTintAndShade: 0 },
        C12: { pattern: 'Solid', color: '#4472C4', tintAndShade: 0.6 }, // theme colour, lighter 60%: left alone
        C13: { pattern: 'LinearGradient', color: '#FF0000' }, // gradient: left alone
      },
      notes: { C9: '用户原有的备注：请核对。' },
      comments: { C10: '用户原有的批注' },
    },
    { name: '公开03表', cells: { E7: 229.76, E8: 100 }, notes: { A1: '表头说明' } },
    { name: '说明', cells: { A1: '说明文字' } },
  ];
}

function findings(): MarkFinding[] {
  return [
    { severity: '提示', message: '尾差在允许范围内。', rule: 'T3-科目层级', cells: ['公开03表!E7', '公开03表!E8'] },
    { severity: '错误', message: '本年收入合计不等于各项之和。', rule: 'T1-本年收入合计', cells: ['公开01表!C8', '公开01表!C7', '公开01表!C9'] },
    { severity: '警告', message: '白色、图案与主题色单元格。', rule: 'S-测试', cells: ['公开01表!C10:C13', '不存在的表!A1'] },
    { severity: '提示', message: '与上一条共用单元格。', rule: 'S-共用', cells: ['公开01表!C8'] },
  ];
}

/** Everything about the workbook that marking could touch, in a comparable form. */
function dump(model: FakeWorkbookModel) {
  return {
    sheets: model.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells.entries()]
        .filter(([, c]) => c.value !== '' || c.formula !== undefined || c.numberFormat !== undefined || c.fill !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, c]) => [k, JSON.parse(JSON.stringify(c))]),
      notes: [...s.notes.entries()].sort(),
      merges: s.merges,
    })),
    comments: model.comments.map((c) => ({ id: c.id, sheet: c.sheet.name, r: c.r, c: c.c, content: c.content })),
    names: model.names.map((n) => ({ name: n.name, comment: n.comment, ref: typeof n.ref === 'string' ? n.ref : `${n.ref.sheet.name}!${n.ref.r},${n.ref.c}` })),
    activeSheet: model.activeSheet?.name ?? null,
  };
}

function fresh(): FakeContext {
  return new FakeContext(fakeExcel(sheets()).model);
}

async function syncsOf<T>(ctx: FakeContext, f: (c: Excel.RequestContext) => Promise<T>): Promise<{ value: T; syncs: number }> {
  const before = ctx.syncCount;
  const value = await f(ctx.asExcel());
  return { value, syncs: ctx.syncCount - before };
}

describe('markCells / unmarkCells', () => {
  test('mark colours and annotates, unmark leaves every sheet exactly as before (notes host, ExcelApi 1.18)', async () => {
    const ctx = fresh();
    const model = ctx.model;
    const before = dump(model);

    const { value: marked, syncs: markSyncs } = await syncsOf(ctx, (c) => markCells(c, findings(), { api: ALL }));
    expect(markSyncs).toBe(MARK_SYNC_COUNT);
    expect(MARK_SYNC_COUNT).toBe(3);
    const s1 = model.sheet('公开01表')!;
    const s3 = model.sheet('公开03表')!;

    // Fills: 错误 red on the cells of the error (C8 had no fill, C9 solid yellow), 警告 orange on white/patterned,
    // 提示 blue; the theme-tinted and gradient cells keep their fill.
    expect(s1.at('C8')!.fill).toMatchObject({ pattern: 'Solid', color: MARK_COLORS.错误 });
    expect(s1.at('C7')!.fill).toMatchObject({ pattern: 'Solid', color: MARK_COLORS.错误 });
    expect(s1.at('C9')!.fill).toMatchObject({ pattern: 'Solid', color: MARK_COLORS.错误 });
    expect(s1.at('C10')!.fill).toMatchObject({ pattern: 'Solid', color: MARK_COLORS.警告 });
    expect(s1.at('C11')!.fill).toMatchObject({ pattern: 'Solid', color: MARK_COLORS.警告 });
    expect(s1.at('C12')!.fill).toEqual({ pattern: 'Solid', color: '#4472C4', patternColor: '#000000', tintAndShade: 0.6, patternTintAndShade: 0 });
    expect(s1.at('C13')!.fill!.pattern).toBe('LinearGradient');
    expect(s3.at('E7')!.fill).toMatchObject({ pattern: 'Solid', color: MARK_COLORS.提示 });

    // Notes: added where the cell had none; the user's note (C9) and comment (C10) untouched.
    const note = (s: typeof s1, a: string) => s.notes.get(`${Number(a.slice(1)) - 1},${a.charCodeAt(0) - 65}`);
    expect(note(s1, 'C8')).toContain(MARK_TAG);
    expect(note(s1, 'C8')).toContain('错误：本年收入合计不等于各项之和。（T1-本年收入合计）');
    expect(note(s1, 'C8')).toContain('提示：与上一条共用单元格。'); // both findings on the shared cell, most serious first
    expect(note(s1, 'C8')!.indexOf('错误')).toBeLessThan(note(s1, 'C8')!.indexOf('提示：'));
    expect(note(s1, 'C9')).toBe('用户原有的备注：请核对。');
    expect(note(s1, 'C10')).toBeUndefined();
    expect(model.comments.map((c) => c.content)).toEqual(['用户原有的批注']);
    expect(note(s1, 'C12')).toContain('警告：白色、图案与主题色单元格。');

    expect(marked).toMatchObject({
      cells: 9, // C8 C7 C9 C10 C11 C12 C13 E7 E8
      filled: 7,
      keptFill: 2,
      annotation: 'note',
      annotated: 7,
      keptAnnotation: 2,
      missingSheets: ['不存在的表'],
      truncated: 0,
      replaced: false,
      bySeverity: { 错误: 3, 警告: 4, 提示: 2 },
    });

    // The store: an owned, hidden sheet with one row per cell.
    const store = model.sheet(MARK_SHEET)!;
    expect(store.visibility).toBe('Hidden');
    const marker = model.names.find((n) => n.name.startsWith(OWNED_NAME_PREFIX))!;
    expect(typeof marker.ref !== 'string' && marker.ref.sheet).toBe(store);
    const storeValues: string[][] = [];
    for (const [k, c] of store.cells) {
      const [r, col] = k.split(',').map(Number);
      (storeValues[r] ??= [])[col] = String(c.value);
    }
    const rows = parseStore(storeValues);
    expect(rows).toHaveLength(9);
    expect(rows.find((r) => r.address === 'C10')!.original).toEqual({ kind: 'fill', pattern: 'Solid', color: '#FFFFFF', patternColor: null, patternTintAndShade: null });
    expect(rows.find((r) => r.address === 'C8')!.original).toEqual({ kind: 'none' });
    expect(rows.find((r) => r.address === 'C12')!.original).toEqual({ kind: 'keep' });

    const { value: cleared, syncs: unmarkSyncs } = await syncsOf(ctx, (c) => unmarkCells(c, { api: ALL }));
    expect(unmarkSyncs).toBe(UNMARK_SYNC_COUNT);
    expect(UNMARK_SYNC_COUNT).toBe(4);
    expect(cleared).toEqual({ found: true, restored: 7, removedAnnotations: 7, keptUserFill: 0 });
    expect(dump(model)).toEqual(before);
    expect(model.sheet(MARK_SHEET)).toBeUndefined();
  });

  test('threaded comments on ExcelApi 1.10–1.17 hosts; cleared again without touching the user’s comment', async () => {
    const specs = sheets();
    delete specs[0].notes; // see the next test for a legacy note such a host cannot see
    const ctx = new FakeContext(fakeExcel(specs).model);
    ctx.model.excelApi = '1.12';
    const before = dump(ctx.model);
    const { value, syncs } = await syncsOf(ctx, (c) => markCells(c, findings(), { api: COMMENTS_ONLY }));
    expect(syncs).toBe(MARK_SYNC_COUNT);
    expect(value).toMatchObject({ annotation: 'comment', annotated: 8, keptAnnotation: 1 }); // C10 has the user's comment
    const ours = ctx.model.comments.filter((c) => c.content.includes(MARK_TAG));
    expect(ours).toHaveLength(8);
    expect(ctx.model.comments.find((c) => c.content === '用户原有的批注')).toBeDefined();

    const { value: cleared, syncs: s2 } = await syncsOf(ctx, (c) => unmarkCells(c, { api: COMMENTS_ONLY }));
    expect(s2).toBe(UNMARK_SYNC_COUNT);
    expect(cleared.removedAnnotations).toBe(8);
    expect(dump(ctx.model)).toEqual(before);
  });

  test('a comment that cannot be added (legacy note unseen before 1.18) fails the batch, and clearing still undoes all', async () => {
    const ctx = fresh();
    ctx.model.excelApi = '1.12';
    const before = dump(ctx.model);
    await expect(markCells(ctx.asExcel(), findings(), { api: COMMENTS_ONLY })).rejects.toThrow(/标注未能全部完成.*清除标注/);
    expect(ctx.model.sheet(MARK_SHEET)).toBeDefined(); // the store was written first
    expect(ctx.model.comments.some((c) => c.content.includes(MARK_TAG))).toBe(true); // comments before the failure
    await unmarkCells(ctx.asExcel(), { api: COMMENTS_ONLY });
    expect(dump(ctx.model)).toEqual(before);
  });

  test('fill only on ExcelApi 1.9 hosts (no notes or comments requested at all)', async () => {
    const ctx = fresh();
    ctx.model.excelApi = '1.9'; // any notes/comments request would fail the sync with ApiNotFound
    const before = dump(ctx.model);
    const { value, syncs } = await syncsOf(ctx, (c) => markCells(c, findings(), { api: FILL_ONLY }));
    expect(syncs).toBe(MARK_SYNC_COUNT);
    expect(value).toMatchObject({ annotation: null, annotated: 0, filled: 7 });
    expect(ctx.model.sheet('公开01表')!.notes.size).toBe(1);
    const { syncs: s2 } = await syncsOf(ctx, (c) => unmarkCells(c, { api: FILL_ONLY }));
    expect(s2).toBe(UNMARK_SYNC_COUNT);
    expect(dump(ctx.model)).toEqual(before);
  });

  test('below ExcelApi 1.9 nothing is changed and the message is Chinese', async () => {
    const ctx = fresh();
    const before = dump(ctx.model);
    await expect(markCells(ctx.asExcel(), findings(), { api: { fillDetails: false, notes: false, comments: false } })).rejects.toThrow(
      /ExcelApi 1\.9/,
    );
    expect(ctx.syncCount).toBe(0);
    expect(dump(ctx.model)).toEqual(before);
  });

  test('hosts that read pattern null (#4900): "no fill" is still restored, ambiguous solid fills are left alone', async () => {
    const ctx = fresh();
    ctx.model.fillPatternReadsNull = true;
    const before = dump(ctx.model);
    const { value } = await syncsOf(ctx, (c) => markCells(c, findings(), { api: ALL }));
    const s1 = ctx.model.sheet('公开01表')!;
    expect(s1.at('C8')!.fill!.color).toBe(MARK_COLORS.错误); // no fill → marked
    expect(s1.at('C9')!.fill!.color).toBe('#FFFF00'); // solid yellow, pattern unreadable → kept
    expect(s1.at('C10')!.fill!.color).toBe('#FFFFFF');
    expect(s1.at('C11')!.fill!.color).toBe(MARK_COLORS.警告); // Gray25 still reads as Gray25
    expect(value.keptFill).toBe(4);
    await unmarkCells(ctx.asExcel(), { api: ALL });
    expect(dump(ctx.model)).toEqual(before);
  });

  test('marking again replaces the earlier marks; clearing then restores the very first state', async () => {
    const ctx = fresh();
    const before = dump(ctx.model);
    await markCells(ctx.asExcel(), findings(), { api: ALL });
    const second = findings().slice(1, 2); // only the error
    const { value, syncs } = await syncsOf(ctx, (c) => markCells(c, second, { api: ALL }));
    expect(value.replaced).toBe(true);
    expect(syncs).toBe(1 + (UNMARK_SYNC_COUNT - 1) + MARK_SYNC_COUNT); // probe, restore, then a fresh mark
    expect(ctx.model.sheet('公开03表')!.at('E7')!.fill).toBeUndefined();
    expect(ctx.model.names.filter((n) => n.name.startsWith(OWNED_NAME_PREFIX))).toHaveLength(1);
    await unmarkCells(ctx.asExcel(), { api: ALL });
    expect(dump(ctx.model)).toEqual(before);
  });

  test('a fill the user changed after marking is kept; everything else is restored', async () => {
    const ctx = fresh();
    await markCells(ctx.asExcel(), findings(), { api: ALL });
    const s1 = ctx.model.sheet('公开01表')!;
    s1.at('C8')!.fill = { pattern: 'Solid', color: '#00B050', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
    const { value } = await syncsOf(ctx, (c) => unmarkCells(c, { api: ALL }));
    expect(value).toMatchObject({ restored: 6, keptUserFill: 1 });
    expect(s1.at('C8')!.fill!.color).toBe('#00B050');
    expect(s1.at('C9')!.fill!.color).toBe('#FFFF00');
    expect(s1.at('C11')!.fill).toEqual({ pattern: 'Gray25', color: '#DDEBF7', patternColor: '#1F4E78', tintAndShade: 0, patternTintAndShade: 0 });
  });

  test('a user sheet named 决算助手_标注 is never overwritten; nothing to clear costs one sync', async () => {
    const ctx = new FakeContext(fakeExcel([...sheets(), { name: MARK_SHEET, cells: { A1: '用户自己的数据' } }]).model);
    const before = dump(ctx.model);
    await expect(markCells(ctx.asExcel(), findings(), { api: ALL })).rejects.toThrow(/不是决算助手生成的工作表/);
    await expect(unmarkCells(ctx.asExcel(), { api: ALL })).rejects.toThrow(/不是决算助手生成的工作表/);
    expect(dump(ctx.model)).toEqual(before);

    const clean = fresh();
    const { value, syncs } = await syncsOf(clean, (c) => unmarkCells(c, { api: ALL }));
    expect(value.found).toBe(false);
    expect(syncs).toBe(1);
  });

  test('the store is an owned sheet for writeOwnedSheet and shows up hidden in the snapshot', async () => {
    const ctx = fresh();
    await markCells(ctx.asExcel(), findings(), { api: ALL });
    const marker = ctx.model.names.find((n) => n.name.startsWith(OWNED_NAME_PREFIX))!;
    expect(markerSheet(`${MARK_SHEET}!$A$1`)).toBe(MARK_SHEET);
    expect(typeof marker.ref).not.toBe('string');
    // Another owned sheet written afterwards gets the next marker number and does not disturb the store.
    await writeOwnedSheet(ctx.asExcel(), '决算助手_汇总', [['x']]);
    expect(ctx.model.names.filter((n) => n.name.startsWith(OWNED_NAME_PREFIX)).map((n) => n.name)).toEqual([
      `${OWNED_NAME_PREFIX}_1`,
      `${OWNED_NAME_PREFIX}_2`,
    ]);
    const snapshot = await readWorkbookSnapshot(ctx.asExcel());
    expect(snapshot.sheets.find((s) => s.name === MARK_SHEET)?.hidden).toBe(true);
    await unmarkCells(ctx.asExcel(), { api: ALL });
    expect(ctx.model.sheet(MARK_SHEET)).toBeUndefined();
    expect(ctx.model.sheet('决算助手_汇总')).toBeDefined();
    expect(ctx.model.names.map((n) => n.name)).toEqual([`${OWNED_NAME_PREFIX}_2`]);
  });

  test('the number of syncs does not grow with the number of cells', async () => {
    const cells: Record<string, number> = {};
    for (let r = 1; r <= 400; r++) cells[`B${r}`] = r;
    const ctx = new FakeContext(fakeExcel([{ name: '大表', cells }]).model);
    const before = dump(ctx.model);
    const many: MarkFinding[] = Array.from({ length: 400 }, (_, i) => ({
      severity: (['错误', '警告', '提示'] as const)[i % 3],
      message: `第 ${i + 1} 条`,
      cells: [`大表!B${i + 1}`],
    }));
    const { value, syncs } = await syncsOf(ctx, (c) => markCells(c, many, { api: ALL }));
    expect(value.cells).toBe(400);
    expect(syncs).toBe(MARK_SYNC_COUNT);
    const { syncs: s2 } = await syncsOf(ctx, (c) => unmarkCells(c, { api: ALL }));
    expect(s2).toBe(UNMARK_SYNC_COUNT);
    expect(dump(ctx.model)).toEqual(before);
  });
});

describe('helpers', () => {
  test('the task pane looks for the same record sheet (engine.hasMarks)', () => {
    expect(ENGINE_MARK_SHEET).toBe(MARK_SHEET);
  });

  test('classifyFill', () => {
    const base = { color: '#FFFFFF', patternColor: null, patternTintAndShade: null };
    expect(classifyFill({ ...base, pattern: 'None', tintAndShade: null })).toEqual({ kind: 'none' });
    expect(classifyFill({ ...base, pattern: null, tintAndShade: null })).toEqual({ kind: 'none' });
    expect(classifyFill({ ...base, pattern: 'Solid', tintAndShade: 0 })).toMatchObject({ kind: 'fill', color: '#FFFFFF' });
    expect(classifyFill({ ...base, pattern: null, tintAndShade: 0 })).toEqual({ kind: 'keep' });
    expect(classifyFill({ ...base, pattern: 'Solid', tintAndShade: -0.25 })).toEqual({ kind: 'keep' });
    expect(classifyFill({ ...base, pattern: 'LinearGradient', tintAndShade: 0 })).toEqual({ kind: 'keep' });
  });

  test('markTargets: one target per cell, most serious wins, ranges expanded, big ranges by their first cell', () => {
    const { targets } = markTargets([
      { severity: '提示', message: 'a', cells: ['表!A1:B2'] },
      { severity: '错误', message: 'b', cells: ['表!B2', "'My sheet'!C3"] },
      { severity: '警告', message: 'c', cells: ['表!A1:Z100', '坏引用'] },
    ]);
    expect(targets.map((t) => `${t.sheet}!${t.address}:${t.severity}`)).toEqual(['表!B2:错误', 'My sheet!C3:错误', '表!A1:警告', '表!B1:提示', '表!A2:提示']);
    expect(targets[0].lines).toEqual(['错误：b', '提示：a']);
  });
});
