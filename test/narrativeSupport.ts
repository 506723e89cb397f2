import * as fs from 'fs';
import * as path from 'path';
/**
 * Test support for the narrative tests: the seed fixture specs as Accounts, and as real .xlsx workbooks.
 *
 * accountsFromSpec builds the Accounts model straight from builder/derive.ts (exact values, every figure the
 * spec defines) with the cell addresses the 四川 workbook build records, so narrative tests do not depend on
 * the table recogniser; workbookFromSpec builds the real workbook for the end-to-end tests.
 */
import ExcelJS from 'exceljs';
import { AccountsSpec } from './fixtures/specs';
import { ECONOMIC } from './fixtures/specs/catalogue';
import { Derived, DCoded } from './fixtures/builder/derive';
import { buildInto } from './fixtures/builder';
import { Accounts, CodedRow, CodedTable, Figure, Line, TableId, TableLocation, TABLE_NAMES, TwoSidedTable } from '../src/model/types';

const FEN_PER_CENT_OF_WAN = 10_000; // 0.01 万元 = 100 元 = 10 000 分

export interface SpecBuild {
  derived: Derived;
  cells: Record<string, string>;
  workbook: ExcelJS.Workbook;
}

/** The 四川 export layout of a spec (the layout of the seeds), with the cells map of every figure. */
export function buildSpecWorkbook(spec: AccountsSpec): SpecBuild {
  const b = buildInto(spec, 'sichuan');
  return { derived: b.derived, cells: b.cells, workbook: b.workbook };
}

export async function workbookBytes(b: SpecBuild): Promise<Uint8Array> {
  return new Uint8Array((await b.workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export function accountsFromSpec(spec: AccountsSpec): Accounts {
  const { derived: d, cells } = buildSpecWorkbook(spec);
  const fig = (key: string, value?: number): Figure => {
    const cell = cells[key] ?? `未写入!${key}`;
    const v = value ?? d.values[key] ?? 0;
    return {
      fen: v * FEN_PER_CENT_OF_WAN,
      cell,
      sheet: cell.split('!')[0],
      row: 0,
      col: 0,
      raw: String(v / 100),
      halfWidth: 5000,
      blank: false,
      fromText: false,
      hiddenPrecision: false,
      formula: false,
    };
  };
  const loc = (id: TableId, empty = false): TableLocation => ({
    id,
    name: TABLE_NAMES[id],
    title: TABLE_NAMES[id],
    sheet: `公开0${id.slice(1)}表`,
    range: 'A1:I40',
    unit: 'wanyuan',
    unitAssumed: false,
    empty,
    notes: [],
    columns: [],
  });
  const line = (key: string, label: string, values: Record<string, Figure>): Line => ({ key, label, labelCell: '', row: 0, values });

  // T1
  const incomeMap: [string, string, string][] = [
    ['general', 'generalBudget', '一、一般公共预算财政拨款收入'],
    ['gov', 'governmentFund', '二、政府性基金预算财政拨款收入'],
    ['capital', 'stateCapital', '三、国有资本经营预算财政拨款收入'],
    ['upper', 'superiorSubsidy', '四、上级补助收入'],
    ['career', 'business', '五、事业收入'],
    ['business', 'operating', '六、经营收入'],
    ['affiliated', 'affiliated', '七、附属单位上缴收入'],
    ['other', 'other', '八、其他收入'],
  ];
  const T1: TwoSidedTable = {
    location: loc('T1'),
    income: [
      ...incomeMap.map(([k, key, label]) => line(key, label, { amount: fig(`T1.income.${k}`) })),
      line('incomeTotal', '本年收入合计', { amount: fig('T1.incomeTotal') }),
      line('useNonFiscalBalance', '使用非财政拨款结余', { amount: fig('T1.useNonFiscalReserve') }),
      line('openingBalance', '年初结转和结余', { amount: fig('T1.openingBalance') }),
      line('grandTotal', '总计', { amount: fig('T1.incomeGrandTotal') }),
    ],
    expenditure: [
      ...d.t1Classes.map((c) => line(`class:${c}`, c, { amount: fig(`T1.exp.${c}`) })),
      line('expenditureTotal', '本年支出合计', { amount: fig('T1.expTotal') }),
      line('surplusDistribution', '结余分配', { amount: fig('T1.distribution') }),
      line('closingBalance', '年末结转和结余', { amount: fig('T1.closingBalance') }),
      line('grandTotal', '总计', { amount: fig('T1.expGrandTotal') }),
    ],
  };

  // T4
  const t4cols = (prefix: string) => ({
    total: fig(`${prefix}.total`),
    general: fig(`${prefix}.general`),
    fund: fig(`${prefix}.gov`),
    capital: fig(`${prefix}.capital`),
  });
  const T4: TwoSidedTable = {
    location: loc('T4'),
    income: [
      line('generalBudget', '一般公共预算财政拨款', { amount: fig('T4.income.general') }),
      line('governmentFund', '政府性基金预算财政拨款', { amount: fig('T4.income.gov') }),
      line('stateCapital', '国有资本经营预算财政拨款', { amount: fig('T4.income.capital') }),
      line('incomeTotal', '本年收入合计', { amount: fig('T4.incomeTotal') }),
      line('openingBalance', '年初财政拨款结转和结余', { amount: fig('T4.opening.total') }),
      line('opening.generalBudget', '一般公共预算财政拨款', { amount: fig('T4.opening.general') }),
      line('opening.governmentFund', '政府性基金预算财政拨款', { amount: fig('T4.opening.gov') }),
      line('opening.stateCapital', '国有资本经营预算财政拨款', { amount: fig('T4.opening.capital') }),
      line('grandTotal', '总计', { amount: fig('T4.incomeGrandTotal') }),
    ],
    expenditure: [
      ...d.t4Classes.map((c) => line(`class:${c}`, c, t4cols(`T4.exp.${c}`))),
      line('expenditureTotal', '本年支出合计', t4cols('T4.expTotal')),
      line('closingBalance', '年末财政拨款结转和结余', t4cols('T4.closing')),
      line('grandTotal', '总计', t4cols('T4.expGrandTotal')),
    ],
  };

  const coded = (t: DCoded, colMap: Record<string, string>): CodedTable => {
    const values = (prefix: string) => Object.fromEntries(t.cols.map((c) => [colMap[c] ?? c, fig(`${prefix}.${c}`)]));
    const rows: CodedRow[] = t.rows.map((r) => ({
      code: r.code,
      level: r.level === 'class' ? 'class' : r.level === 'kuan' ? 'item' : 'subitem',
      name: r.name,
      nameCell: cells[`${t.id}.row.${r.code}.name`] ?? '',
      codeCells: [],
      row: 0,
      values: values(`${t.id}.row.${r.code}`),
    }));
    const empty = (t.id === 'T8' || t.id === 'T9') && rows.length === 0;
    return {
      location: loc(t.id, empty),
      total: empty ? undefined : { code: '', level: 'total', name: '合计', nameCell: '', codeCells: [], row: 0, values: values(`${t.id}.total`) },
      rows,
    };
  };

  const T6items = ECONOMIC.map((e) => ({ code: e.code, name: e.name, nameCell: '', codeCell: '', value: fig(`T6.item.${e.code}`) }));
  const accounts: Accounts = {
    source: `${spec.id}.xlsx`,
    facts: {
      year: spec.year,
      yearSource: cells['meta.year'] ?? '公开01表!A2',
      unitName: spec.unitName,
      unitNameSource: cells['meta.unitName'] ?? '公开01表!A3',
      otherYears: [],
    },
    T1,
    T2: coded(d.T2, { upper: 'superior', career: 'business', business: 'operating' }),
    T3: coded(d.T3, { upperPay: 'remit', business: 'operating' }),
    T4,
    T5: coded(d.T5, {}),
    T6: {
      location: loc('T6'),
      items: T6items,
      personnelTotal: line('personnelTotal', '人员经费合计', { amount: fig('T6.personnelTotal') }),
      publicTotal: line('publicTotal', '公用经费合计', { amount: fig('T6.publicTotal') }),
    },
    T7: {
      location: loc('T7'),
      budget: Object.fromEntries(['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleRunning', 'reception'].map((k) => [k, fig(`T7.budget.${k}`)])),
      actual: Object.fromEntries(['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleRunning', 'reception'].map((k) => [k, fig(`T7.actual.${k}`)])),
    },
    T8: coded(d.T8, { expBasic: 'basic', expProject: 'project' }),
    T9: coded(d.T9, { expBasic: 'basic', expProject: 'project' }),
    tables: [],
    missing: [],
    issues: [],
  };
  return accounts;
}

/** Every 项 of table 5 with a 年初预算 equal to its 决算 (the seeds say "完成预算100%" throughout). */
export function itemBudgetsEqualToActual(accounts: Accounts): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of accounts.T5?.rows ?? []) {
    if (r.level === 'subitem' && r.values.total) out[`itemBudget.${r.code}`] = (r.values.total.fen / 1_000_000).toFixed(2);
  }
  return out;
}

/**
 * 补充信息 of seed 001 as its text states: last year's figures (this year ± the stated changes), counts,
 * procurement, vehicles and the reasons, in the seed's own words.
 */
export const SEED_001_SUPPLEMENT: Record<string, string | number> = {
  shortName: '西区玉泉街道办事处',
  'last.incomeGrandTotal': '907.20', // 853.00 + 54.20
  'last.expenditureGrandTotal': '837.73', // 853.00 − 15.27
  'last.fiscalIncome': '906.71', // 853.00 + 53.71
  'last.fiscalExpenditure': '837.40', // 853.00 − 15.60
  'last.generalExpenditure': '789.59', // 843.28 − 53.69
  'budget.general': '843.28',
  'last.abroad': 0,
  'last.vehicle': '2.50',
  'last.reception': 0,
  'last.vehicleRunning': '2.50',
  'reason.total': '本年度项目收入增减变动',
  'reason.fiscal': '项目资金增减',
  'reason.general': '项目资金增加',
  'reason.vehicle': '西区机关事务局给我办增加了一台车的编制，用于社会治理、应急等工作使用',
  'reason.vehicleRunning': '新增一台公务用车，用于保障街办应急、安全等日常事务。',
  'trips.groups': 0,
  'trips.people': 0,
  'vehicles.purchased': 0,
  'vehicles.fleet': 2,
  // "其中：轿车0辆、越野车0辆、载客汽车0辆，其他车辆2辆"
  'vehicles.fleet.sedan': 0,
  'vehicles.fleet.suv': 0,
  'vehicles.fleet.bus': 0,
  'vehicles.fleet.other': 2,
  'vehicles.runningUses': '单位党建、宣传、应急、安全、森林草原防灭火、维稳、计生、居民救助等工作应急所需的公务用车燃料费、维修费、过路过桥费、保险费等支出',
  'reception.domestic.batches': 0,
  'reception.domestic.people': 0,
  'reception.foreign.batches': 0,
  'reception.foreign.people': 0,
  'reception.uses': '执行公务、开展业务活动开支的交通费、住宿费、用餐费等',
  'running.amount': '30.34',
  'last.runningCost': '37.07', // 30.34 + 6.73
  'reason.running': '人员经费减少',
  'procurement.total': '35.95',
  'procurement.goods': '35.95',
  'procurement.works': 0,
  'procurement.services': 0,
  'procurement.sme': '21.06',
  'procurement.small': '21.06',
  'vehicles.total': 2,
  'vehicles.leader': 0,
  'vehicles.confidential': 0,
  'vehicles.emergency': 2,
  'vehicles.other': 0,
  'assets.generalEquipment': 0,
  'assets.specialEquipment': 0,
  'performance.preAssessed': 21,
  'performance.targets': 21,
  'performance.monitored': 21,
  'performance.selfAssessed': 21,
};

/** 补充信息 of seed 002. 政府采购服务支出 is left empty: the text's "109万元" exceeds the total (§8). */
export const SEED_002_SUPPLEMENT: Record<string, string | number> = {
  shortName: '西区陶家渡街道办事处',
  'last.incomeGrandTotal': '521.09', // text: 746.99 − 225.90
  'last.expenditureGrandTotal': '568.94', // text: 839.19 − 270.25
  'last.fiscalIncome': '521.09', // text: 734.34 − 213.25
  'last.fiscalExpenditure': '568.94', // text: 814.37 − 245.43
  'last.generalExpenditure': '568.94', // 814.37 − 245.43
  'budget.general': '814.37',
  'last.abroad': 0,
  'last.vehicle': '2.47', // 1.05 + 1.42
  'last.reception': 0,
  'reason.total': '原摩梭河街道与陶家渡街道合并后人员增加、正常增资和工作任务的增加',
  'reason.fiscal': '原摩梭河街道与陶家渡街道合并后人员增加、正常增资和工作任务的增加',
  'reason.general': '原摩梭河街道与陶家渡街道合并后人员增加、正常增资和工作任务的增加',
  'reason.threePublicBudget': '街道车辆维护多方比价，选择最优惠的定点维修单位，减少了维修费用',
  'reason.vehicle': '街道车辆维护多方比价，选择最优惠的定点维修单位，减少了维修费用',
  'running.amount': '25.37',
  'last.runningCost': '34.82', // 25.37 + 9.45
  'reason.running': '街道合并公用经费下降',
  'procurement.total': '44.93',
  'procurement.goods': '44.93',
  'procurement.works': 0,
  'vehicles.total': 2,
  'vehicles.leader': 0,
  'vehicles.confidential': 0,
  'vehicles.emergency': 0,
  'vehicles.other': 2,
  'assets.generalEquipment': 0,
  'assets.specialEquipment': 0,
  'performance.preAssessed': 14,
  'performance.targets': 14,
  'performance.monitored': 14,
  'performance.selfAssessed': 14,
};

/** Fixture workbooks in test/fixtures/xlsx that read cleanly; deliberately broken inputs have their own tests. */
export function readableFixtureNames(): string[] {
  return fs
    .readdirSync(path.join(__dirname, 'fixtures', 'xlsx'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => f.slice(0, -5))
    .filter((n) => !/not-xlsx|truncated|ref-error|missing-T6|broken-item/.test(n));
}
