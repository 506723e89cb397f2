/**
 * Every rule, ESLint-style: valid cases (correct published workbooks give no finding of the rule) and
 * invalid cases (one cell changed in a real fixture workbook → the rule fires and names that cell).
 * Cells are found through the fixture's cells map, so the same case runs on several layouts.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { allRules, runRules } from '../src/rules';
import { Finding } from '../src/rules/types';

const XLSX = path.join(__dirname, 'fixtures', 'xlsx');
const cellsMaps = new Map<string, Record<string, string>>();
function cellsOf(name: string): Record<string, string> {
  if (!cellsMaps.has(name)) cellsMaps.set(name, JSON.parse(fs.readFileSync(path.join(XLSX, `${name}.cells.json`), 'utf8')));
  return cellsMaps.get(name)!;
}

async function workbook(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path.join(XLSX, `${name}.xlsx`)) as unknown as ArrayBuffer);
  return wb;
}

function cellAt(wb: ExcelJS.Workbook, ref: string): ExcelJS.Cell {
  const i = ref.lastIndexOf('!');
  const ws = wb.getWorksheet(ref.slice(0, i).replace(/^'(.*)'$/, '$1'))!;
  return ws.getCell(ref.slice(i + 1));
}

/** Add `delta` 万元 to a numeric cell (in the cell's own unit). */
function bump(wb: ExcelJS.Workbook, ref: string, delta: number, unitFactor = 1): void {
  const c = cellAt(wb, ref);
  const v = typeof c.value === 'number' ? c.value : Number(String(c.value ?? '0').replace(/,/g, '')) || 0;
  c.value = Math.round((v + delta * unitFactor) * 100) / 100;
}

async function check(name: string, edit?: (wb: ExcelJS.Workbook, cells: Record<string, string>) => void): Promise<Finding[]> {
  const wb = await workbook(name);
  if (edit) edit(wb, cellsOf(name));
  const accounts = readAccounts(snapshotFromExcelJs(wb, name));
  return runRules(accounts);
}

const CORRECT = [
  'yuquan2021-sichuan',
  'yuquan2021-shanghai-onesheet',
  'yuquan2021-titled-sheets',
  'yuquan2021-sichuan13',
  'taojiadu2020-sichuan',
  'taojiadu2020-shanghai-onesheet',
  'taojiadu2020-titled-sheets',
  'wujialing2022-sichuan',
  'wujialing2022-shanghai-onesheet',
  'wujialing2022-titled-sheets',
  'wujialing2022-yuan-text',
  'yuquan2021-formulas',
  'yuquan2021-hidden-rows',
  'large-sichuan',
  'large-shanghai-onesheet',
  'large-titled-sheets',
];

describe('valid: correct published workbooks give no 错误 (no false alarms)', () => {
  it.each(CORRECT)('%s', async (name) => {
    const findings = await check(name);
    expect(findings.filter((f) => f.severity === '错误').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    // Real 尾差 are hints, never errors; arithmetic warnings would be false alarms too.
    expect(findings.filter((f) => f.severity === '警告' && !f.rule.startsWith('C-')).map((f) => f.message)).toEqual([]);
  });

  it('a real 尾差 (基本 623.25 + 项目 229.76 vs 853.00) is a 提示 naming its cells', async () => {
    const findings = await check('yuquan2021-sichuan');
    const hint = findings.find((f) => f.rule === 'T3-行内合计' && f.severity === '提示');
    expect(hint).toBeDefined();
    expect(hint!.message).toMatch(/尾差/);
    const cells = cellsOf('yuquan2021-sichuan');
    expect(hint!.cells).toEqual(expect.arrayContaining([cells['T3.total.total'], cells['T3.total.basic'], cells['T3.total.project']]));
  });
});

interface Case {
  rule: string;
  /** What is changed, in words (the test name). */
  what: string;
  edit: (wb: ExcelJS.Workbook, c: Record<string, string>, f: number) => void;
  /** Cells-map keys the finding must name. */
  cells: string[];
  severity?: '错误' | '警告' | '提示';
  layouts?: string[];
}

const LAYOUTS = ['yuquan2021-sichuan', 'yuquan2021-shanghai-onesheet', 'yuquan2021-yuan-text'];

const CASES: Case[] = [
  { rule: 'T1-本年收入合计', what: '一般公共预算财政拨款收入 +1', edit: (wb, c, f) => bump(wb, c['T1.income.general'], 1, f), cells: ['T1.incomeTotal', 'T1.income.general'] },
  { rule: 'T1-收入总计', what: '年初结转和结余 +1', edit: (wb, c, f) => bump(wb, c['T1.openingBalance'], 1, f), cells: ['T1.incomeGrandTotal', 'T1.openingBalance'] },
  { rule: 'T1-本年支出合计', what: '文化旅游体育与传媒支出 +1', edit: (wb, c, f) => bump(wb, c['T1.exp.207'], 1, f), cells: ['T1.expTotal', 'T1.exp.207'] },
  { rule: 'T1-支出总计', what: '年末结转和结余 +1', edit: (wb, c, f) => bump(wb, c['T1.closingBalance'], 1, f), cells: ['T1.expGrandTotal', 'T1.closingBalance'] },
  { rule: 'T1-收支总计相等', what: '支出总计 +1', edit: (wb, c, f) => bump(wb, c['T1.expGrandTotal'], 1, f), cells: ['T1.incomeGrandTotal', 'T1.expGrandTotal'] },
  { rule: 'T2-行内合计', what: 'a 项 财政拨款收入 +1', edit: (wb, c, f) => bump(wb, c['T2.row.2010301.fiscal'], 1, f), cells: ['T2.row.2010301.total', 'T2.row.2010301.fiscal'] },
  {
    rule: 'T2-科目层级',
    what: 'a 项 +1 in 合计 and 财政拨款',
    edit: (wb, c, f) => {
      bump(wb, c['T2.row.2010301.total'], 1, f);
      bump(wb, c['T2.row.2010301.fiscal'], 1, f);
    },
    cells: ['T2.row.20103.total', 'T2.row.2010301.total'],
  },
  { rule: 'T3-行内合计', what: 'a 项 基本支出 +1', edit: (wb, c, f) => bump(wb, c['T3.row.2010301.basic'], 1, f), cells: ['T3.row.2010301.total', 'T3.row.2010301.basic'] },
  {
    rule: 'T3-科目层级',
    what: 'a 款 +1 in 合计 and 基本支出',
    edit: (wb, c, f) => {
      bump(wb, c['T3.row.20103.total'], 1, f);
      bump(wb, c['T3.row.20103.basic'], 1, f);
    },
    cells: ['T3.row.201.total', 'T3.row.20103.total'],
  },
  { rule: 'T5-行内合计', what: 'a 项 项目支出 +1', edit: (wb, c, f) => bump(wb, c['T5.row.2010302.project'], 1, f), cells: ['T5.row.2010302.total', 'T5.row.2010302.project'] },
  {
    rule: 'T5-科目层级',
    what: 'a 项 changed by +1 (as a reviewer would type it)',
    edit: (wb, c, f) => {
      bump(wb, c['T5.row.2010350.total'], 1, f);
      bump(wb, c['T5.row.2010350.basic'], 1, f);
    },
    cells: ['T5.row.20103.total', 'T5.row.2010350.total'],
  },
  { rule: 'T8-结转平衡', what: '年末结转和结余 of the 合计 +1', edit: (wb, c, f) => bump(wb, c['T8.total.closing'], 1, f), cells: ['T8.total.closing', 'T8.total.income'] },
  { rule: 'T8-支出合计', what: '基本支出 of a 项 +1', edit: (wb, c, f) => bump(wb, c['T8.row.2296002.expBasic'], 1, f), cells: ['T8.row.2296002.expTotal', 'T8.row.2296002.expBasic'] },
  { rule: 'T4-收入合计', what: '一般公共预算财政拨款收入 +1', edit: (wb, c, f) => bump(wb, c['T4.income.general'], 1, f), cells: ['T4.incomeTotal', 'T4.income.general'] },
  { rule: 'T4-分资金合计', what: '201 一般公共预算 column +1', edit: (wb, c, f) => bump(wb, c['T4.exp.201.general'], 1, f), cells: ['T4.exp.201.total', 'T4.exp.201.general'] },
  {
    rule: 'T4-支出合计',
    what: '201 +1 in 合计 and 一般公共预算 columns',
    edit: (wb, c, f) => {
      bump(wb, c['T4.exp.201.general'], 1, f);
      bump(wb, c['T4.exp.201.total'], 1, f);
    },
    cells: ['T4.expTotal.total', 'T4.exp.201.total'],
  },
  { rule: 'T4-收支总计相等', what: '支出总计 +1', edit: (wb, c, f) => bump(wb, c['T4.expGrandTotal.total'], 1, f), cells: ['T4.incomeGrandTotal', 'T4.expGrandTotal.total'] },
  { rule: 'T6-人员公用经费合计', what: '人员经费合计 +1', edit: (wb, c, f) => bump(wb, c['T6.personnelTotal'], 1, f), cells: ['T6.personnelTotal'], layouts: ['yuquan2021-sichuan', 'yuquan2021-shanghai-onesheet'] },
  { rule: 'T6-经济分类层级', what: '30101 基本工资 +1', edit: (wb, c, f) => bump(wb, c['T6.item.30101'], 1, f), cells: ['T6.item.301', 'T6.item.30101'], layouts: ['yuquan2021-sichuan', 'yuquan2021-shanghai-onesheet'] },
  { rule: 'T7-三公合计', what: '公务用车运行维护费决算 +1', edit: (wb, c, f) => bump(wb, c['T7.actual.vehicleRunning'], 1, f), cells: ['T7.actual.vehicle', 'T7.actual.vehicleRunning'] },
  {
    rule: 'X-T1收入=T2',
    what: '收入决算表 合计 财政拨款收入 and 本年收入合计 +1',
    edit: (wb, c, f) => {
      bump(wb, c['T2.total.fiscal'], 1, f);
      bump(wb, c['T2.total.total'], 1, f);
    },
    cells: ['T1.incomeTotal', 'T2.total.total'],
  },
  {
    rule: 'X-T1支出=T3',
    what: '支出决算表 201 类 +1 (合计, 基本)',
    edit: (wb, c, f) => {
      bump(wb, c['T3.row.201.total'], 1, f);
      bump(wb, c['T3.row.201.basic'], 1, f);
    },
    cells: ['T1.exp.201', 'T3.row.201.total'],
  },
  {
    rule: 'X-T4一般公共预算=T5',
    what: '一般公共预算支出表 207 类 +1 (合计, 项目)',
    edit: (wb, c, f) => {
      bump(wb, c['T5.row.207.total'], 1, f);
      bump(wb, c['T5.row.207.project'], 1, f);
    },
    cells: ['T4.exp.207.general', 'T5.row.207.total'],
  },
  { rule: 'X-T5基本支出=T6', what: '公用经费合计 +1', edit: (wb, c, f) => bump(wb, c['T6.publicTotal'], 1, f), cells: ['T5.total.basic', 'T6.publicTotal'], layouts: ['yuquan2021-sichuan', 'yuquan2021-shanghai-onesheet'] },
  {
    rule: 'X-T6三公≤T7',
    what: '30231 公务用车运行维护费 raised above the 三公 决算',
    severity: '警告',
    edit: (wb, c, f) => bump(wb, c['T6.item.30231'], 10, f),
    cells: ['T6.item.30231', 'T7.actual.vehicleRunning'],
    layouts: ['yuquan2021-sichuan', 'yuquan2021-shanghai-onesheet'],
  },
  {
    rule: 'C-科目名称不符',
    what: 'the name of 2010301 changed to 机关服务',
    edit: (wb, c) => (cellAt(wb, c['T5.row.2010301.name']).value = '机关服务'),
    cells: ['T5.row.2010301.name'],
  },
  {
    rule: 'C-科目名称不符',
    what: 'a near miss (the name without its 支出 ending) is a 警告, not an error',
    severity: '警告',
    edit: (wb, c) => (cellAt(wb, c['T5.row.2010399.name']).value = '其他政府办公厅（室）及相关机构事务'),
    cells: ['T5.row.2010399.name'],
    layouts: ['yuquan2021-sichuan'],
  },
  {
    rule: 'C-其他年度科目名称',
    what: '20805 written with its former name in a 2021 report',
    severity: '警告',
    edit: (wb, c) => (cellAt(wb, c['T5.row.20805.name']).value = '行政事业单位离退休'),
    cells: ['T5.row.20805.name'],
  },
  {
    rule: 'C-科目编码未收录',
    what: 'a code that no catalogue has',
    severity: '警告',
    edit: (wb, c) => (cellAt(wb, c['T5.row.2010350.code']).value = '2010377'),
    cells: ['T5.row.2010350.code'],
    layouts: ['yuquan2021-sichuan', 'yuquan2021-yuan-text'],
  },
  {
    rule: 'C-同码异名',
    what: 'T3 writes 2010301 under another name than T2 and T5',
    severity: '警告',
    edit: (wb, c) => (cellAt(wb, c['T3.row.2010301.name']).value = '行政运行支出'),
    cells: ['T3.row.2010301.name', 'T5.row.2010301.name'],
  },
  {
    rule: 'S-隐藏精度',
    what: '118.97 stored as 118.9712',
    severity: '警告',
    edit: (wb, c) => (cellAt(wb, c['T5.row.2010301.basic']).value = 118.9712),
    cells: ['T5.row.2010301.basic'],
    layouts: ['yuquan2021-sichuan'],
  },
  {
    rule: 'S-负数',
    what: 'a negative 经济分类 amount',
    severity: '警告',
    edit: (wb, c) => (cellAt(wb, c['T6.item.30201']).value = -1),
    cells: ['T6.item.30201'],
    layouts: ['yuquan2021-sichuan'],
  },
  { rule: 'X-T1财政拨款=T4', what: '财政拨款总表 一般公共预算收入 +1', edit: (wb, c, f) => bump(wb, c['T4.income.general'], 1, f), cells: ['T1.income.general', 'T4.income.general'] },
  {
    rule: 'X-T2财政拨款=T4',
    what: '收入决算表 合计 财政拨款收入 +1',
    edit: (wb, c, f) => {
      bump(wb, c['T2.total.fiscal'], 1, f);
      bump(wb, c['T2.total.total'], 1, f);
    },
    cells: ['T2.total.fiscal', 'T4.incomeTotal'],
  },
  {
    rule: 'X-T4基金=T8',
    what: '政府性基金表 合计 本年支出 +1',
    edit: (wb, c, f) => {
      bump(wb, c['T8.total.expTotal'], 1, f);
      bump(wb, c['T8.total.expProject'], 1, f);
    },
    cells: ['T4.expTotal.gov', 'T8.total.expTotal'],
  },
  {
    rule: 'T8-科目层级',
    what: 'a 项 本年收入 and 年末结转 +1',
    edit: (wb, c, f) => {
      bump(wb, c['T8.row.2296002.income'], 1, f);
      bump(wb, c['T8.row.2296002.closing'], 1, f);
    },
    cells: ['T8.row.22960.income', 'T8.row.2296002.income'],
  },
  {
    rule: 'X-T4国资=T9',
    what: '国有资本经营表 合计 本年支出 +1',
    edit: (wb, c, f) => {
      bump(wb, c['T9.total.expTotal'], 1, f);
      bump(wb, c['T9.total.expProject'], 1, f);
    },
    cells: ['T4.expTotal.capital', 'T9.total.expTotal'],
    layouts: ['wujialing2022-sichuan', 'wujialing2022-shanghai-onesheet'],
  },
  { rule: 'T9-支出合计', what: 'a 项 基本支出 +1', edit: (wb, c, f) => bump(wb, c['T9.row.2230105.expBasic'], 1, f), cells: ['T9.row.2230105.expTotal', 'T9.row.2230105.expBasic'], layouts: ['wujialing2022-sichuan', 'wujialing2022-shanghai-onesheet'] },
  {
    rule: 'T9-科目层级',
    what: 'a 项 本年支出 +1 (合计, 项目)',
    edit: (wb, c, f) => {
      bump(wb, c['T9.row.2230105.expTotal'], 1, f);
      bump(wb, c['T9.row.2230105.expProject'], 1, f);
    },
    cells: ['T9.row.22301.expTotal', 'T9.row.2230105.expTotal'],
    layouts: ['wujialing2022-sichuan', 'wujialing2022-shanghai-onesheet'],
  },
  { rule: 'T9-结转平衡', what: '年末结转和结余 of the 合计 +1', edit: (wb, c, f) => bump(wb, c['T9.total.closing'], 1, f), cells: ['T9.total.closing'], layouts: ['wujialing2022-shanghai-onesheet'] },
  {
    rule: 'C-经济分类科目',
    what: '30101 named 奖金 (the name of 30103)',
    edit: (wb, c) => (cellAt(wb, c['T6.item.30101.name']).value = '奖金'),
    cells: ['T6.item.30101.name'],
    layouts: ['yuquan2021-sichuan', 'yuquan2021-shanghai-onesheet'],
  },
  { rule: 'S-合计为常数', what: 'a typed 合计 among formulas', severity: '提示', edit: () => undefined, cells: ['T3.total.project'], layouts: ['yuquan2021-formulas'] },
];

describe.each(CASES.map((c) => [c.rule, c] as const))('invalid: %s', (_rule, c) => {
  it.each(c.layouts ?? LAYOUTS)(`${c.what} — %s`, async (name) => {
    const factor = name.includes('yuan-text') ? 10_000 : 1;
    const findings = await check(name, (wb, cells) => c.edit(wb, cells, factor));
    const mine = findings.filter((f) => f.rule === c.rule && f.severity === (c.severity ?? '错误'));
    expect(mine.length).toBeGreaterThan(0);
    const cells = cellsOf(name);
    const named = mine.flatMap((f) => f.cells);
    for (const key of c.cells) expect([key, named]).toEqual([key, expect.arrayContaining([cells[key]])]);
    // A finding explains itself in Chinese and, when it compares numbers, gives both.
    for (const f of mine) {
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
      if (f.expected !== undefined) expect(f.actual).toBeDefined();
    }
  });
});

describe('structure rules on the model', () => {
  it('T1-必备行: a missing 本年收入合计 line is its own finding, never read as 0', async () => {
    const wb = await workbook('yuquan2021-sichuan');
    const accounts = readAccounts(snapshotFromExcelJs(wb, 'x'));
    accounts.T1!.income = accounts.T1!.income.filter((l) => l.key !== 'incomeTotal');
    const f = runRules(accounts).filter((x) => x.rule === 'T1-必备行');
    expect(f.map((x) => x.message)).toEqual(['收入支出决算总表中找不到“本年收入合计”行，相关合计无法核对（缺行不按0处理）。']);
    expect(runRules(accounts).some((x) => x.rule === 'T1-本年收入合计')).toBe(false);
  });

  it('C-缺少上级科目: a 项 whose 款 row is gone', async () => {
    const wb = await workbook('yuquan2021-sichuan');
    const accounts = readAccounts(snapshotFromExcelJs(wb, 'x'));
    accounts.T5!.rows = accounts.T5!.rows.filter((r) => r.code !== '21011');
    const f = runRules(accounts).filter((x) => x.rule === 'C-缺少上级科目');
    expect(f.map((x) => x.message)).toEqual([
      '一般公共预算财政拨款支出决算表中有项 2101101 行政单位医疗，但没有其上级款 21011 行。',
      '一般公共预算财政拨款支出决算表中有项 2101102 事业单位医疗，但没有其上级款 21011 行。',
      '一般公共预算财政拨款支出决算表中有项 2101103 公务员医疗补助，但没有其上级款 21011 行。',
    ]);
  });

  it('T4-必备行: a missing 本年支出合计 line', async () => {
    const accounts = readAccounts(snapshotFromExcelJs(await workbook('yuquan2021-sichuan'), 'x'));
    accounts.T4!.expenditure = accounts.T4!.expenditure.filter((l) => l.key !== 'expenditureTotal');
    expect(runRules(accounts).filter((x) => x.rule === 'T4-必备行').map((x) => x.message)).toEqual([
      '财政拨款收入支出决算总表中找不到“本年支出合计”行，相关合计无法核对（缺行不按0处理）。',
    ]);
  });

  it('T5-基本支出构成: forms that split 基本支出 into 人员经费 and 公用经费', async () => {
    const accounts = readAccounts(snapshotFromExcelJs(await workbook('yuquan2021-sichuan'), 'x'));
    const t5 = accounts.T5!;
    const t6 = accounts.T6!;
    t5.location.columns.push({ key: 'basicPersonnel', header: '人员经费', col: 90 }, { key: 'basicPublic', header: '公用经费', col: 91 });
    t5.total!.values.basicPersonnel = t6.personnelTotal!.values.amount;
    t5.total!.values.basicPublic = t6.publicTotal!.values.amount;
    expect(runRules(accounts).filter((x) => x.rule === 'T5-基本支出构成')).toEqual([]);
    t5.total!.values.basicPublic = { ...t6.publicTotal!.values.amount!, fen: t6.publicTotal!.values.amount!.fen + 1_000_000 };
    const f = runRules(accounts).filter((x) => x.rule === 'T5-基本支出构成');
    expect(f).toHaveLength(1);
    expect(f[0].expected).toBe('624.25');
    expect(f[0].actual).toBe('623.25');
  });

  it('T7-栏目齐全: a 三公 table without its 公务接待费 决算数 column', async () => {
    const accounts = readAccounts(snapshotFromExcelJs(await workbook('yuquan2021-sichuan'), 'x'));
    delete accounts.T7!.actual.reception;
    const f = runRules(accounts).filter((x) => x.rule === 'T7-栏目齐全');
    expect(f.map((x) => x.message)).toEqual(['财政拨款“三公”经费支出决算表中找不到：公务接待费决算数。请核对表头是否被改动。']);
  });

  it('T7-栏目齐全: half of the 公务用车 split is a missing column too', async () => {
    const accounts = readAccounts(snapshotFromExcelJs(await workbook('yuquan2021-sichuan'), 'x'));
    delete accounts.T7!.budget.vehiclePurchase;
    const f = runRules(accounts).filter((x) => x.rule === 'T7-栏目齐全');
    expect(f.map((x) => x.message)).toEqual(['财政拨款“三公”经费支出决算表中找不到：公务用车购置费预算数。请核对表头是否被改动。']);
  });

  it('C-总表类名称: a 类 line of table 1 written with its pre-2019 name', async () => {
    const accounts = readAccounts(snapshotFromExcelJs(await workbook('yuquan2021-sichuan'), 'x'));
    const line = accounts.T1!.expenditure.find((l) => l.key === 'class:207')!;
    line.label = '七、文化体育与传媒支出';
    const f = runRules(accounts).filter((x) => x.rule === 'C-总表类名称');
    expect(f.map((x) => x.message)).toEqual(['收入支出决算总表支出方写作“文化体育与传媒支出”，2021年 207 类的名称为“文化旅游体育与传媒支出”（原文是其他年度的名称）。']);
    expect(f[0].cells).toEqual([line.labelCell]);
  });

  it('every rule has an id, a Chinese title, a severity and a description; ids are unique', () => {
    const rules = allRules();
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(['错误', '警告', '提示']).toContain(r.severity);
      expect(r.description.length).toBeGreaterThan(10);
    }
    // Every rule in the registry is exercised by an invalid case or a structure test above.
    const tested = new Set([...CASES.map((c) => c.rule), 'T1-必备行', 'C-缺少上级科目', 'T4-必备行', 'T5-基本支出构成', 'T7-栏目齐全', 'C-总表类名称']);
    expect(rules.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });
});
