/**
 * Every table can be empty (issue 9 item 2): a data row that is blank, "—", 0 or 0.00, no data row at all, or a
 * note ("本表无数据", "没有…支出", "无…经费") — read as empty, never from the header cells. An empty 三公 table is
 * zero 三公 spending everywhere downstream: rules, the narrative in both forms, rates.
 * Real .xlsx workbooks built in memory with exceljs.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { runRules } from '../src/rules';
import { buildNarrative, narrativeText } from '../src/narrative';
import { computeRates } from '../src/rates/compute';
import { emptySupplement } from '../src/supplement/sheet';
import { Accounts } from '../src/model/types';

type Row = (string | number | null)[];

/** The data row each form writes (null: no data row at all). */
const FORMS: [string, (n: number) => Row | null, string | null][] = [
  ['blank data row + note', (n) => Array(n).fill(null), '注：本年度没有财政拨款“三公”经费支出，故本表无数据。'],
  ['no data row + note', () => null, '注：本单位2024年度没有财政拨款“三公”经费支出，故本表无数据。'],
  ['"—" in every cell', (n) => Array(n).fill('—'), null],
  ['0 in every cell', (n) => Array(n).fill(0), null],
  ['"0.00" as text in every cell', (n) => Array(n).fill('0.00'), null],
  ['blank data row, no note', (n) => Array(n).fill(null), null],
  ['no data row, a plain sentence "本单位无“三公”经费支出"', () => null, '本单位无财政拨款“三公”经费支出。'],
];

function put(ws: ExcelJS.Worksheet, rows: (Row | null)[], merges: [number, number, number, number][] = []): void {
  rows.forEach((row, i) => row?.forEach((v, j) => v !== null && v !== '' && (ws.getCell(i + 1, j + 1).value = v)));
  for (const [r0, c0, r1, c1] of merges) ws.mergeCells(r0 + 1, c0 + 1, r1 + 1, c1 + 1);
}

/** The 上海 horizontal 三公 table: 预算数 and 决算数 over merged item headers, two header rows. */
function threePublicSheet(wb: ExcelJS.Workbook, data: Row | null, note: string | null): void {
  const ws = wb.addWorksheet('公开07表');
  const rows: (Row | null)[] = [
    ['上海市普陀区财政局2024年度财政拨款“三公”经费支出决算表'],
    ['', '', '', '', '', '', '', '', '', '', '', '单位：万元'],
    ['预算数', '', '', '', '', '', '决算数', '', '', '', '', ''],
    ['合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费'],
    ['', '', '小计', '公务用车购置费', '公务用车运行费', '', '', '', '小计', '公务用车购置费', '公务用车运行费', ''],
  ];
  if (data) rows.push(data);
  if (note) rows.push([note]);
  put(ws, rows, [
    [0, 0, 0, 11],
    [2, 0, 2, 5],
    [2, 6, 2, 11],
    [3, 0, 4, 0],
    [3, 1, 4, 1],
    [3, 2, 3, 4],
    [3, 5, 4, 5],
    [3, 6, 4, 6],
    [3, 7, 4, 7],
    [3, 8, 3, 10],
    [3, 11, 4, 11],
  ]);
}

/** A 政府性基金 / 国有资本经营 table: 科目 | 年初 | 本年收入 | 本年支出 (小计 基本 项目) | 年末. */
function fundSheet(wb: ExcelJS.Workbook, name: string, title: string, data: Row | null, note: string | null): void {
  const ws = wb.addWorksheet(name);
  const rows: (Row | null)[] = [
    [title],
    ['', '', '', '', '', '', '', '单位：万元'],
    ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
    ['', '', '', '', '小计', '基本支出', '项目支出', ''],
  ];
  if (data) rows.push(['合计', '', ...data.slice(0, 6)]);
  if (note) rows.push([note.replace('财政拨款“三公”经费', '政府性基金预算财政拨款')]);
  put(ws, rows, [
    [0, 0, 0, 7],
    [2, 4, 2, 6],
    [2, 0, 3, 0],
    [2, 1, 3, 1],
    [2, 2, 3, 2],
    [2, 3, 3, 3],
    [2, 7, 3, 7],
  ]);
}

function read(wb: ExcelJS.Workbook, name = 'empty.xlsx'): Accounts {
  return readAccounts(snapshotFromExcelJs(wb, name));
}

describe.each(FORMS)('an empty table: %s', (_form, data, note) => {
  it('三公: read as empty, every item 0, no header cell read as an amount, no T7 finding', () => {
    const wb = new ExcelJS.Workbook();
    threePublicSheet(wb, data(12), note);
    const a = read(wb);
    expect(a.T7!.location.empty).toBe(true);
    for (const side of [a.T7!.budget, a.T7!.actual]) {
      expect(Object.keys(side).sort()).toEqual(['abroad', 'reception', 'total', 'vehicle', 'vehiclePurchase', 'vehicleRunning']);
      expect(Object.values(side).map((f) => f!.fen)).toEqual([0, 0, 0, 0, 0, 0]);
    }
    // The header row 4 holds "合计" in A4 and G4: never read.
    expect(Object.values(a.T7!.budget).map((f) => f!.cell)).not.toContain('公开07表!A4');
    const findings = runRules(a).filter((f) => f.table === 'T7' || f.rule.startsWith('R-非数字'));
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it('政府性基金 and 国有资本经营: read as empty, no finding on them', () => {
    const wb = new ExcelJS.Workbook();
    fundSheet(wb, '公开08表', '上海市普陀区财政局2024年度政府性基金预算财政拨款收入支出决算表', data(6), note);
    fundSheet(wb, '公开09表', '上海市普陀区财政局2024年度国有资本经营预算财政拨款支出决算表', data(6), note);
    const a = read(wb);
    expect([a.T8!.location.empty, a.T9!.location.empty]).toEqual([true, true]);
    const findings = runRules(a).filter((f) => (f.table === 'T8' || f.table === 'T9') && f.severity !== '提示');
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
});

describe.each(FORMS)('any table can be empty — 一般公共预算财政拨款支出决算表: %s', (_form, data, note) => {
  it('read as empty, no finding on it, its total 0 in the cross-table rules', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('公开05表');
    const rows: (Row | null)[] = [
      ['上海市普陀区财政局2024年度一般公共预算财政拨款支出决算表'],
      ['', '', '', '', '单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ];
    const d = data(3);
    if (d) rows.push(['合计', '', ...d]);
    if (note) rows.push([note.replace('财政拨款“三公”经费', '一般公共预算财政拨款')]);
    put(ws, rows, [[0, 0, 0, 4]]);
    const a = read(wb);
    expect(a.T5!.location.empty).toBe(true);
    const findings = runRules(a).filter((f) => f.table === 'T5' && f.severity !== '提示');
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
});

describe('a table with numbers that could not be placed is not "empty"', () => {
  it('a 三公 table whose only figure sits under no recognised header keeps its finding', () => {
    const wb = new ExcelJS.Workbook();
    threePublicSheet(wb, [null, null, null, null, null, null, null, null, null, null, null, null, 12.5], null);
    const a = read(wb);
    expect(a.T7!.location.empty).toBe(false);
  });
});

describe.each(FORMS)('a figure typed into an empty table (%s) is read and checked, or reported on its cell', (_form, data, note) => {
  /** The errors naming a cell. */
  const errorsAt = (a: Accounts, cell: string) => runRules(a).filter((f) => f.severity === '错误' && f.cells.includes(cell));

  it('政府性基金: 1 (万元, a whole number as typed) in the 本年支出 小计 of its 合计 row', () => {
    const wb = new ExcelJS.Workbook();
    const row = data(6) ?? [null, null, null, null, null, null];
    row[2] = 1;
    fundSheet(wb, '公开08表', '上海市普陀区财政局2024年度政府性基金预算财政拨款收入支出决算表', row, note);
    const a = read(wb);
    expect(a.T8!.location.empty).toBe(false);
    expect(errorsAt(a, '公开08表!E5').length).toBeGreaterThan(0);
  });

  it('三公: 0.35 in the 公务接待费 决算数 of the data row', () => {
    const wb = new ExcelJS.Workbook();
    const row = data(12) ?? Array(12).fill(null);
    row[11] = 0.35;
    threePublicSheet(wb, row, note);
    const a = read(wb);
    expect(a.T7!.location.empty).toBe(false);
    expect(errorsAt(a, '公开07表!L6').length).toBeGreaterThan(0);
  });
});

describe('amounts the reader cannot place under an empty table are reported, never a silent 0', () => {
  it('a 合计 row typed under the "本表无数据" note of 国有资本经营: one 错误 naming every such cell', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('公开09表');
    put(
      ws,
      [
        ['上海市普陀区财政局2024年度国有资本经营预算财政拨款支出决算表'],
        ['', '', '', '', '', '', '', '单位：万元'],
        ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
        ['', '', '', '', '小计', '基本支出', '项目支出', ''],
        ['注：本单位2024年度没有国有资本经营预算财政拨款收入、支出及结转和结余，故本表无数据。'],
        ['合计', '', '', '12.50', '12.50', '', '12.50', ''],
      ],
      [
        [0, 0, 0, 7],
        [4, 0, 4, 7],
      ],
    );
    const a = read(wb);
    expect(a.T9!.location.empty).toBe(false);
    expect(a.issues.filter((i) => i.table === 'T9')).toEqual([
      {
        severity: '错误',
        code: 'R-空表有金额',
        message: '国有资本经营预算财政拨款支出决算表注明本表无数据，但公开09表!D6（12.50）、公开09表!E6（12.50）、公开09表!G6（12.50）有金额，未能按科目读入，也未参与校验，请核对。',
        cells: ['公开09表!D6', '公开09表!E6', '公开09表!G6'],
        table: 'T9',
      },
    ]);
  });
});

describe('an empty 三公 table downstream, in a real fixture workbook', () => {
  const XLSX = path.join(__dirname, 'fixtures', 'xlsx');
  const load = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(XLSX, 'yuquan2021-titled-sheets.xlsx')) as unknown as ArrayBuffer);
    const cells: Record<string, string> = JSON.parse(fs.readFileSync(path.join(XLSX, 'yuquan2021-titled-sheets.cells.json'), 'utf8'));
    // Blank every 三公 amount and add the published note under the table.
    const sheet = cells['T7.title'].split('!')[0];
    const ws = wb.getWorksheet(sheet)!;
    for (const [k, ref] of Object.entries(cells)) if (/^T7\.(budget|actual)\./.test(k)) ws.getCell(ref.split('!')[1]).value = null;
    ws.getCell(`A${ws.rowCount + 2}`).value = '注：本单位2021年度没有财政拨款“三公”经费支出，故本表无数据。';
    return read(wb, 'yuquan2021-empty-three-public.xlsx');
  };

  it('rules: the 三公 table is empty and none of its rules fires', async () => {
    const a = await load();
    expect(a.T7!.location.empty).toBe(true);
    const t7 = runRules(a).filter((f) => f.table === 'T7');
    expect(t7.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it('narrative, both forms: one sentence saying there was no 三公 spending, no placeholder', async () => {
    const a = await load();
    for (const form of ['sichuan', 'shanghai'] as const) {
      const text = narrativeText(buildNarrative(a, emptySupplement(), { form }));
      const lines = text.split('\n').filter((l) => l.trim());
      const heading = lines.findIndex((l) => /“三公”经费.*决算情况说明$/.test(l.trim()));
      expect(heading).toBeGreaterThan(0);
      const first = lines[heading + 1];
      expect(first).toMatch(form === 'sichuan' ? /^\s*2021年.*无财政拨款“三公”经费支出。$/ : /^\s*.*2021年度无“三公”经费财政拨款支出。$/);
      expect(first).not.toMatch(/【|】|\[|\]/);
    }
  });

  it('rates: 三公 figures are 0, never "缺少"', async () => {
    const a = await load();
    const rates = computeRates(a, emptySupplement()).filter((r) => /三公/.test(r.name ?? '') || /threePublic/.test(r.id));
    expect(rates.length).toBeGreaterThan(0);
    // Last year's 三公 comes from 补充信息 (the tables never hold it); nothing may be missing from the 三公 table.
    expect(rates.filter((r) => /缺少：/.test(r.reason ?? '') && /三公/.test((r.reason ?? '').replace(/补充信息“[^”]*”/g, ''))).map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
    expect(rates.find((r) => r.id === 'threePublicControl' || /控制率/.test(r.name))?.display ?? '').not.toMatch(/缺少/);
  });
});
