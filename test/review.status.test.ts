/**
 * Finding statuses: the fingerprint (rule, cells, the cells' values), applying stored statuses, the status
 * table round trip, and — through the command line on real .xlsx files — a status set in the workbook's very
 * hidden sheet survives a re-check while its cells are unchanged and the finding reopens when one changes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { loadWorkbook } from '../src/cli/main';
import { checkLoaded } from '../src/cli/commands/check';
import { writeSheetSpec } from '../src/adapters/exceljs/writeSheetSpec';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { applyStatuses, cellValues, fingerprint, readStatuses, reviewCounts, setStatus, STATUS_SHEET, statusSheet, StatusEntry } from '../src/review/status';
import { buildReportSheet, REPORT_COLUMNS } from '../src/review/report';
import { TABLE_ORDER } from '../src/rules';
import type { Finding } from '../src/rules/types';
import type { WorkbookSnapshot } from '../src/snapshot/types';
import { cellPlainText } from '../src/output/sheetSpec';

const FIX = path.join(__dirname, 'fixtures', 'xlsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-review-'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

function snap(cells: Record<string, number | string>): WorkbookSnapshot {
  const grid: { v: number | string }[][] = [];
  for (const [a, v] of Object.entries(cells)) {
    const c = a.charCodeAt(0) - 65;
    const r = Number(a.slice(1)) - 1;
    (grid[r] ??= [])[c] = { v };
  }
  return { source: 't', sheets: [{ name: '表', hidden: false, cells: grid, merges: [], hiddenRows: [], hiddenCols: [] }] };
}

const finding: Finding = { rule: 'T5-行合计', severity: '错误', table: 'T5', message: '合计不等', cells: ['表!A1', '表!A2:A3'], expected: '3.00', actual: '4.00' };

describe('fingerprint', () => {
  it('depends on the rule, the cells and their values, not on other cells or the wording', () => {
    const a = snap({ A1: 4, A2: 1, A3: 2, B9: 7 });
    expect(cellValues(finding.cells, a)).toEqual(['n4', 'n1', 'n2']);
    const fp = fingerprint(finding, a);
    expect(fingerprint(finding, snap({ A1: 4, A2: 1, A3: 2, B9: 8 }))).toBe(fp);
    expect(fingerprint({ ...finding, message: '另一种说法' }, a)).toBe(fp);
    expect(fingerprint(finding, snap({ A1: 4, A2: 1, A3: 3, B9: 7 }))).not.toBe(fp);
    expect(fingerprint({ ...finding, rule: 'T5-科目层级' }, a)).not.toBe(fp);
    expect(fingerprint({ ...finding, cells: ['表!A1', '表!A2'] }, a)).not.toBe(fp);
    // the text "4" is not the number 4
    expect(fingerprint(finding, snap({ A1: '4', A2: 1, A3: 2 }))).not.toBe(fp);
  });

  it('a stored status applies while the cells are unchanged; after a change the finding is open and says it was reopened', () => {
    const before = snap({ A1: 4, A2: 1, A3: 2 });
    const [item] = applyStatuses([finding], before, []);
    expect(item.status).toBe('未处理');
    const entries = setStatus([], item, '误报', ' 本地口径 ', '2026-12-03T12:00:00Z');
    expect(entries).toEqual([{ fingerprint: item.fingerprint, rule: finding.rule, cells: finding.cells, status: '误报', note: '本地口径', at: '2026-12-03T12:00:00Z' }]);
    const [again] = applyStatuses([finding], before, entries);
    expect(again).toMatchObject({ status: '误报', note: '本地口径' });
    expect(reviewCounts([again]).open.错误).toBe(0);
    expect(reviewCounts([again]).falsePositive).toBe(1);
    const [changed] = applyStatuses([{ ...finding, actual: '5.00' }], snap({ A1: 5, A2: 1, A3: 2 }), entries);
    expect(changed).toMatchObject({ status: '未处理', reopened: { status: '误报', note: '本地口径' } });
    expect(reviewCounts([changed]).open.错误).toBe(1);
    // setting a status on the reopened finding replaces the stale entry; clearing removes it
    const replaced = setStatus(entries, changed, '已确认', '', 'later');
    expect(replaced).toHaveLength(1);
    expect(replaced[0]).toMatchObject({ status: '已确认', fingerprint: changed.fingerprint });
    expect(setStatus(replaced, { ...changed, status: '已确认' }, null, '', 'x')).toEqual([]);
  });

  it('the status table round-trips through a very hidden owned sheet; unreadable rows are named', () => {
    const entries: StatusEntry[] = [
      { fingerprint: 'abc', rule: 'T1-收支总计相等', cells: ['公开01表!C36', "'my sheet'!F36"], status: '已整改', note: '=已改，见附件', at: 't' },
    ];
    const spec = statusSheet(entries);
    expect(spec.visibility).toBe('veryHidden');
    const rows = spec.rows.map((r) => r.map((c) => ({ v: cellPlainText(c) })));
    rows.push([{ v: 'def' }, { v: 'X' }, { v: '' }, { v: '待定' }]);
    const s: WorkbookSnapshot = { source: 't', sheets: [{ name: STATUS_SHEET, hidden: true, cells: rows, merges: [], hiddenRows: [], hiddenCols: [] }] };
    const read = readStatuses(s);
    expect(read.entries).toEqual(entries);
    expect(read.problems).toEqual([`“${STATUS_SHEET}”第 3 行无法识别，已忽略。`]);
  });
});

describe('整改清单', () => {
  it('lists the open findings only, errors first within a table, with the eight columns and print setup', () => {
    const s = snap({ A1: 4, A2: 1, A3: 2 });
    const warn: Finding = { rule: 'C-名称', severity: '警告', table: 'T5', message: '名称不符', cells: ['表!A1'] };
    const t1: Finding = { rule: 'T1-x', severity: '提示', table: 'T1', message: '尾差', cells: ['表!A2'] };
    const fp: Finding = { ...finding, rule: 'T5-科目层级' };
    let items = applyStatuses([warn, finding, t1, fp], s, []);
    let entries = setStatus([], items[3], '误报', '', 't');
    entries = setStatus(entries, items[1], '已确认', '下月调整', 't');
    items = applyStatuses([warn, finding, t1, fp], s, entries);
    const sheet = buildReportSheet(items, { source: 'a.xlsx', unitName: '某单位', year: 2021, tableOrder: TABLE_ORDER });
    const text = sheet.rows.map((r) => r.map(cellPlainText));
    expect(text[0][0]).toBe('整改清单　某单位 2021年度');
    expect(text[2]).toEqual(REPORT_COLUMNS);
    expect(text.slice(3)).toEqual([
      ['1', '收入支出决算总表', '表!A2', '【提示】尾差', '', '', '未处理', ''],
      ['2', '一般公共预算财政拨款支出决算表', '表!A1\n表!A2:A3', '【错误】合计不等', '3.00', '4.00', '已确认', '下月调整'],
      ['3', '一般公共预算财政拨款支出决算表', '表!A1', '【警告】名称不符', '', '', '未处理', ''],
    ]);
    expect(sheet.print).toEqual({ landscape: true, fitToWidth: true, repeatRows: [2, 2] });
    expect(sheet.columnWidths).toHaveLength(8);
  });
});

describe('statuses in a real workbook, through juesuan check', () => {
  const book = path.join(tmp, '玉泉.xlsx');
  beforeAll(() => fs.copyFileSync(path.join(FIX, 'yuquan2021-broken-item.xlsx'), book));

  async function storeStatuses(mark: (items: ReturnType<typeof checkLoaded>['reviewed']) => StatusEntry[]): Promise<void> {
    const { snapshot, accounts } = await loadWorkbook(book);
    const checked = checkLoaded(snapshot, accounts, {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    writeSheetSpec(wb, statusSheet(mark(checked.reviewed)));
    await wb.xlsx.writeFile(book);
  }

  it('误报 is shown apart and not counted; 已确认 stays open; exit 0 once no 错误 is open', async () => {
    const first = JSON.parse((await run('check', book, '--json')).out);
    const errors = first.findings.filter((f: { severity: string }) => f.severity === '错误');
    expect(errors).toHaveLength(2);
    expect(errors.every((f: { status: string }) => f.status === '未处理')).toBe(true);

    await storeStatuses((items) => {
      const errs = items.filter((i) => i.finding.severity === '错误');
      return setStatus(setStatus([], errs[0], '误报', '上级批复的口径', 't1'), errs[1], '已确认', '', 't2');
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.getWorksheet(STATUS_SHEET)!.state).toBe('veryHidden');

    const r = await run('check', book, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.summary.错误).toBe(1);
    expect(j.review).toMatchObject({ 误报: 1, 已确认: 1, 已整改: 0 });
    expect(j.findings.find((f: { status: string }) => f.status === '误报')).toMatchObject({ rule: errors[0].rule, cells: errors[0].cells, note: '上级批复的口径' });

    const text = await run('check', book);
    expect(text.out).toContain('【已标为误报（不计入）】 1 条');
    expect(text.out).toContain('备注：上级批复的口径');
    expect(text.out).toMatch(/\[错误·已确认\]/);
    expect(text.out.trim().split('\n').pop()).toMatch(/^共 \d+ 条：错误 1 条，.*另有已标为误报 1 条，不计入。$/);

    await storeStatuses((items) => items.filter((i) => i.finding.severity === '错误').reduce((e, i) => setStatus(e, i, '误报', '', 't'), [] as StatusEntry[]));
    expect((await run('check', book)).code).toBe(0);
  });

  it('the status sheet is not read as a 决算 table, and statuses survive re-checks while the cells are unchanged', async () => {
    const read = JSON.parse((await run('read', book, '--json')).out);
    expect(read.tables.map((t: { sheet: string }) => t.sheet)).not.toContain(STATUS_SHEET);
    const j = JSON.parse((await run('check', book, '--json')).out);
    expect(j.review.误报).toBe(2);
  });

  it('changing one cell of a 误报 finding reopens it', async () => {
    const j0 = JSON.parse((await run('check', book, '--json')).out);
    const target = j0.findings.find((f: { status: string }) => f.status === '误报');
    const ref: string = target.cells[target.cells.length - 1];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const [sheet, addr] = ref.split('!');
    const cell = wb.getWorksheet(sheet.replace(/^'|'$/g, ''))!.getCell(addr);
    cell.value = Number(cell.value) + 0.5;
    await wb.xlsx.writeFile(book);
    const r = await run('check', book, '--json');
    const j = JSON.parse(r.out);
    const same = j.findings.filter((f: { rule: string; cells: string[] }) => f.rule === target.rule && f.cells.join() === target.cells.join());
    expect(same).toHaveLength(1);
    expect(same[0]).toMatchObject({ status: '未处理', reopened: { status: '误报', note: expect.any(String) } });
    expect(r.code).toBe(1);
  });
});

describe('juesuan check --report', () => {
  it('writes the open findings as a print-ready 整改清单 workbook, never over a user file', async () => {
    const out = path.join(tmp, '整改清单.xlsx');
    const r = await run('check', path.join(FIX, 'yuquan2021-broken-item.xlsx'), '--report', out);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/整改清单（\d+ 条）已写入：/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('整改清单')!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(REPORT_COLUMNS);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.getColumn(4).width).toBe(50);
    const snapshot = await snapshotFromXlsx(fs.readFileSync(out), 'r.xlsx');
    const rows = snapshot.sheets[0].cells.slice(3).filter((row) => row?.[0]);
    const json = JSON.parse((await run('check', path.join(FIX, 'yuquan2021-broken-item.xlsx'), '--json')).out);
    expect(rows).toHaveLength(json.findings.length);
    expect(rows.filter((row) => String(row![3]!.v).startsWith('【错误】'))).toHaveLength(2);
    // again: our own file is replaced; a user's file is refused
    expect((await run('check', path.join(FIX, 'yuquan2021-broken-item.xlsx'), '--report', out)).code).toBe(1);
    const user = path.join(tmp, '用户的.xlsx');
    fs.copyFileSync(path.join(FIX, 'yuquan2021-sichuan.xlsx'), user);
    const refused = await run('check', path.join(FIX, 'yuquan2021-broken-item.xlsx'), '--report', user);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/已存在且不是决算助手生成的文件/);
  });
});
