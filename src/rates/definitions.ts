/**
 * The execution and control rates (DOMAIN.md §6) and the ratios the narrative quotes (§5), as data.
 *
 * A rate is numerator ÷ denominator × 100%. Each side is a Quantity: a signed sum of sources, with
 * alternative ways to obtain it tried in order (e.g. 公用经费 = T6 公用经费合计, or the sum of its 经济分类
 * classes when the total cannot be read). A source is a cell of a standard table (found through the
 * Accounts model) or a row of the 补充信息 sheet (by field key). Nothing here knows about cells or formulas:
 * resolve.ts turns a source into a cell and a value, sheet.ts into formulas.
 *
 * Families (one rate per 类 of table 5, per 项 with a budget in 补充信息, per "三公" item) are generated
 * from the accounts by the functions at the bottom, still as RateDef data.
 */
import { Accounts, ThreePublicKey } from '../model/types';
import {
  CodedTableId,
  EXPENDITURE_LINES,
  INCOME_LINES as CATALOGUE_INCOME_LINES,
  LineTable,
  QUANTITIES,
  QuantityDef,
  QuantityUnit,
  SourceRef,
  THREE_PUBLIC_LAST,
  THREE_PUBLIC_LABELS,
  Term,
  generalClass,
  generalItem,
} from '../model/quantities';
import { Supplement } from '../supplement/sheet';

// The shapes of quantities and their sources live in the catalogue of quantities (model/quantities.ts).
export type { CodedTableId, LineTable, QuantityDef, QuantityUnit, SourceRef, Term };

/** A rule the rate is judged by: rate `op` limit %. */
export interface RuleDef {
  op: '<=' | '>=';
  /** Limit in percent (100 for "≤ 100%", 0 for "≤ 0"). Integer. */
  limit: number;
  /** 判断标准 as shown. */
  text: string;
  /** 结论 when the rule holds / fails. */
  ok: string;
  flagged: string;
}

export type RateGroup =
  | '一、部门整体支出绩效评价共性指标'
  | '二、收入支出结构'
  | '三、一般公共预算财政拨款支出'
  | '四、“三公”经费'
  | '五、与上年比较'
  | '六、政府采购';

export const RATE_GROUPS: RateGroup[] = [
  '一、部门整体支出绩效评价共性指标',
  '二、收入支出结构',
  '三、一般公共预算财政拨款支出',
  '四、“三公”经费',
  '五、与上年比较',
  '六、政府采购',
];

export interface RateDef {
  /** Stable id ("threePublicControl", "generalClassShare.201"). */
  id: string;
  group: RateGroup;
  /** 指标 */
  name: string;
  /** 计算公式 in words. */
  formula: string;
  numerator: QuantityDef;
  denominator: QuantityDef;
  rule?: RuleDef;
  /** 判断标准 text when there is no rule to flag by. */
  standard?: string;
}

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

const T1in = (key: string, label: string): SourceRef => ({ kind: 'line', table: 'T1', side: 'income', key, label: `收入支出决算总表“${label}”` });
const sup = (key: string, orElse?: string): SourceRef => ({ kind: 'supplement', key, orElse });

const one = (ref: SourceRef): Term[] => [{ ref }];
const money = (label: string, ...ways: Term[][]): QuantityDef => ({ label, unit: 'money', ways });
const count = (label: string, ...ways: Term[][]): QuantityDef => ({ label, unit: 'count', ways });
/** A quantity of the catalogue under the name the 执行率汇总 gives it. */
const named = (key: keyof typeof QUANTITIES, label: string): QuantityDef => ({ ...QUANTITIES[key], label });
/** 本年 − 上年 */
const change = (current: QuantityDef, last: SourceRef): QuantityDef => ({
  label: `${current.label}增减额`,
  unit: current.unit,
  ways: current.ways.map((w) => [...w, { ref: last, sign: -1 as const }]),
});

// Quantities used by several rates: the catalogue's, under the names the sheet uses.
export const Q = {
  incomeTotal: named('income.total', '本年收入合计'),
  incomeGrandTotal: named('total.income', '收入总计'),
  expenditureTotal: named('expenditure.total', '本年支出合计'),
  expenditureGrandTotal: named('total.expenditure', '支出总计'),
  closingBalance: named('expenditure.closingBalance', '年末结转和结余'),
  projectTotal: named('expenditure.project', '项目支出'),
  fiscalIncome: named('fiscal.income', '财政拨款本年收入合计'),
  fiscalExpenditure: named('fiscal.expenditure', '财政拨款本年支出合计'),
  generalTotal: named('general.total', '一般公共预算财政拨款支出合计'),
  generalBasic: named('basic.total', '一般公共预算财政拨款基本支出'),
  personnel: named('basic.personnel', '人员经费'),
  publicFunds: named('basic.public', '公用经费'),
  threePublicActual: named('threePublic.total', '“三公”经费决算数'),
  threePublicBudget: named('threePublic.total.budget', '“三公”经费预算数'),
  annualBudget: money('全年预算数', one(sup('budget.adjusted', 'budget.expenditure'))),
};

// ---------------------------------------------------------------------------------------------
// The fixed rates
// ---------------------------------------------------------------------------------------------

const G1: RateGroup = '一、部门整体支出绩效评价共性指标';
const G2: RateGroup = '二、收入支出结构';
const G3: RateGroup = '三、一般公共预算财政拨款支出';
const G4: RateGroup = '四、“三公”经费';
const G5: RateGroup = '五、与上年比较';
const G6: RateGroup = '六、政府采购';

const notOver = (what: string): RuleDef => ({ op: '<=', limit: 100, text: '≤100%', ok: `符合：${what}未超过预算`, flagged: `超出：${what}超过预算，请说明原因` });

export const CORE_RATES: RateDef[] = [
  {
    id: 'budgetExecution',
    group: G1,
    name: '预算完成率（预算执行率）',
    formula: '预算完成数（本年支出合计）÷ 预算数（全年预算数，未填时用年初预算支出总数）× 100%',
    numerator: Q.expenditureTotal,
    denominator: Q.annualBudget,
    standard: '无统一上限；越接近100%，预算执行越好',
  },
  {
    id: 'budgetAdjustment',
    group: G1,
    name: '预算调整率',
    formula: '预算调整数 ÷ 预算数（年初预算支出总数）× 100%',
    numerator: money('预算调整数', one(sup('budget.adjustment'))),
    denominator: money('年初预算支出总数', one(sup('budget.expenditure'))),
    standard: '无统一标准；越低说明预算编制越准确',
  },
  {
    id: 'paymentProgress',
    group: G1,
    name: '支付进度率',
    formula: '实际支付进度（实际支付金额）÷ 既定支付进度（应支付金额）× 100%',
    numerator: money('实际支付金额', one(sup('budget.paidActual'))),
    denominator: money('既定支付进度（应支付金额）', one(sup('budget.paidPlanned'))),
    rule: { op: '>=', limit: 100, text: '≥100%', ok: '符合：达到既定支付进度', flagged: '滞后：实际支付进度低于既定支付进度' },
  },
  {
    id: 'carryOverRate',
    group: G1,
    name: '结转结余率（分母：预算数）',
    formula: '结转结余总额（年末结转和结余）÷ 预算数（全年预算数，未填时用年初预算支出总数）× 100%',
    numerator: Q.closingBalance,
    denominator: Q.annualBudget,
    standard: '无统一标准；越低越好',
  },
  {
    id: 'carryOverRateByExpenditure',
    group: G1,
    name: '结转结余率（分母：支出完成数）',
    formula: '结转结余总额（年末结转和结余）÷ 支出完成数（本年支出合计）× 100%（部分地区口径）',
    numerator: Q.closingBalance,
    denominator: Q.expenditureTotal,
    standard: '无统一标准；越低越好',
  },
  {
    id: 'carryOverChange',
    group: G1,
    name: '结转结余变动率',
    formula: '（本年年末结转和结余 − 上年年末结转和结余）÷ 上年年末结转和结余 × 100%',
    numerator: change(Q.closingBalance, sup('last.carryOver')),
    denominator: money('上年年末结转和结余', one(sup('last.carryOver'))),
    rule: { op: '<=', limit: 0, text: '≤0（结转结余应逐年压减）', ok: '符合：结转结余未增加', flagged: '结转结余比上年增加，请说明原因' },
  },
  {
    id: 'publicFundsControl',
    group: G1,
    name: '公用经费控制率',
    formula: '实际支出公用经费 ÷ 预算安排公用经费 × 100%',
    numerator: Q.publicFunds,
    denominator: money('公用经费预算数', one(sup('budget.publicFunds'))),
    rule: notOver('公用经费'),
  },
  {
    id: 'threePublicControl',
    group: G1,
    name: '“三公经费”控制率',
    formula: '“三公经费”实际支出数 ÷ “三公经费”预算安排数 × 100%',
    numerator: Q.threePublicActual,
    denominator: Q.threePublicBudget,
    rule: notOver('“三公”经费'),
  },
  {
    id: 'threePublicChange',
    group: G1,
    name: '“三公经费”变动率',
    formula: '（本年“三公经费”决算数 − 上年“三公经费”决算数）÷ 上年“三公经费”决算数 × 100%',
    numerator: change(Q.threePublicActual, sup('last.threePublic')),
    denominator: money('上年“三公”经费决算数', one(sup('last.threePublic'))),
    rule: { op: '<=', limit: 0, text: '≤0（“三公”经费只减不增）', ok: '符合：“三公”经费未增加', flagged: '“三公”经费比上年增加，请说明原因' },
  },
  {
    id: 'procurementExecution',
    group: G1,
    name: '政府采购执行率',
    formula: '实际政府采购金额 ÷ 政府采购预算数 × 100%',
    numerator: money('实际政府采购金额', one(sup('procurement.total'))),
    denominator: money('政府采购预算数', one(sup('budget.procurement'))),
    rule: notOver('政府采购'),
  },
  {
    id: 'staffControl',
    group: G1,
    name: '在职人员控制率',
    formula: '在职人员数 ÷ 编制数 × 100%',
    numerator: count('在职实有人数', one(sup('staff.actual'))),
    denominator: count('编制数', one(sup('staff.authorised'))),
    rule: { op: '<=', limit: 100, text: '≤100%', ok: '符合：未超编', flagged: '超编：在职人数超过编制数' },
  },
  {
    id: 'keyExpenditure',
    group: G1,
    name: '重点支出安排率',
    formula: '重点项目支出 ÷ 项目总支出（支出决算表项目支出合计）× 100%',
    numerator: money('重点项目支出', one(sup('budget.keyProjects'))),
    denominator: Q.projectTotal,
    standard: '无统一标准；越高说明重点越突出',
  },
];

/** T1 income lines in the standard order (DOMAIN.md §2), with the narrative's names (the catalogue's). */
export const INCOME_LINES: [key: string, name: string][] = CATALOGUE_INCOME_LINES.map(([k, label]) => [k, label]);

/** T3 合计 row columns in the standard order (the catalogue's). */
export const EXPENDITURE_PARTS: [col: string, name: string][] = EXPENDITURE_LINES.map(([k, label]) => [k, label]);

export const THREE_PUBLIC_ITEMS: [item: ThreePublicKey, name: string, last: string][] = (['abroad', 'vehicle', 'vehiclePurchase', 'vehicleRunning', 'reception'] as ThreePublicKey[]).map(
  (k) => [k, `${k === 'vehiclePurchase' || k === 'vehicleRunning' ? '其中：' : ''}${THREE_PUBLIC_LABELS[k]}`, THREE_PUBLIC_LAST[k]],
);

const share = (id: string, group: RateGroup, part: QuantityDef, whole: QuantityDef, name = `${part.label}占${whole.label}比重`): RateDef => ({
  id,
  group,
  name,
  formula: `${part.label} ÷ ${whole.label} × 100%`,
  numerator: part,
  denominator: whole,
  standard: '—',
});

const yoy = (id: string, current: QuantityDef, lastKey: string, lastLabel: string, rule?: RuleDef): RateDef => ({
  id,
  group: G5,
  name: `${current.label}增减率`,
  formula: `（本年${current.label} − ${lastLabel}）÷ ${lastLabel} × 100%`,
  numerator: change(current, sup(lastKey)),
  denominator: money(lastLabel, one(sup(lastKey))),
  rule,
  standard: rule ? undefined : '—',
});

// ---------------------------------------------------------------------------------------------
// Families, generated from the accounts
// ---------------------------------------------------------------------------------------------

function incomeShares(accounts: Accounts): RateDef[] {
  const keys = new Set((accounts.T1?.income ?? []).map((l) => l.key));
  // A form with one 财政拨款收入 line instead of the three fund lines.
  const lines: [string, string][] = keys.has('fiscal') && !keys.has('generalBudget') ? [['fiscal', '财政拨款收入'], ...INCOME_LINES.slice(3)] : INCOME_LINES;
  const line = (key: string, name: string): QuantityDef => (key === 'fiscal' ? money(name, one(T1in(key, name))) : { ...QUANTITIES[`income.${key}` as keyof typeof QUANTITIES], label: name });
  return lines.map(([key, name]) => share(`incomeShare.${key}`, G2, line(key, name), Q.incomeTotal));
}

function expenditureShares(): RateDef[] {
  return [
    ...EXPENDITURE_LINES.map(([col, name]) => share(`expenditureShare.${col}`, G2, named(`expenditure.${col}`, name), Q.expenditureTotal)),
    share('expenditureShare.general', G2, Q.generalTotal, Q.expenditureTotal, '一般公共预算财政拨款支出占本年支出合计比重'),
  ];
}

function generalRates(accounts: Accounts, supplement: Supplement): RateDef[] {
  const out: RateDef[] = [
    {
      id: 'generalBudgetCompletion',
      group: G3,
      name: '一般公共预算财政拨款支出完成年初预算',
      formula: '一般公共预算财政拨款支出决算数 ÷ 年初预算数 × 100%',
      numerator: Q.generalTotal,
      denominator: money('一般公共预算财政拨款支出年初预算', one(sup('budget.general'))),
      standard: '决算数与预算数不一致时须说明原因',
    },
    share('basicShare.personnel', G3, Q.personnel, Q.generalBasic, '人员经费占基本支出比重'),
    share('basicShare.public', G3, Q.publicFunds, Q.generalBasic, '公用经费占基本支出比重'),
  ];
  const t5 = accounts.T5;
  for (const row of (t5?.rows ?? []).filter((r) => r.level === 'class')) {
    const label = `${row.code} ${row.name}`;
    out.push(share(`generalClassShare.${row.code}`, G3, { ...generalClass(row.code, row.name), label }, Q.generalTotal, `${label}占一般公共预算财政拨款支出比重`));
  }
  // 项 决算/预算: every 项 once any 项 budget is filled in (the sheet says what to fill otherwise).
  const items = (t5?.rows ?? []).filter((r) => r.level === 'subitem');
  const anyBudget = items.some((r) => supplement.values.has(`itemBudget.${r.code}`));
  if (anyBudget) {
    for (const row of items) {
      const label = `${row.code} ${row.name}`;
      out.push({
        id: `itemBudgetCompletion.${row.code}`,
        group: G3,
        name: `${label} 完成年初预算`,
        formula: '该项决算数 ÷ 该项年初预算数 × 100%',
        numerator: { ...generalItem(row.code, row.name), label: `${label}决算数` },
        denominator: money(`${label}年初预算`, one(sup(`itemBudget.${row.code}`))),
        standard: '决算数与预算数不一致时须说明原因',
      });
    }
  }
  return out;
}

function threePublicRates(): RateDef[] {
  const out: RateDef[] = [];
  for (const [item, name] of THREE_PUBLIC_ITEMS) {
    if (item === 'vehiclePurchase' || item === 'vehicleRunning') continue;
    out.push(share(`threePublicShare.${item}`, G4, named(`threePublic.${item}`, `${name}决算数`), Q.threePublicActual, `${name}占“三公”经费决算比重`));
  }
  for (const [item, name] of THREE_PUBLIC_ITEMS) {
    const plain = name.replace(/^其中：/, '');
    out.push({
      id: `threePublicCompletion.${item}`,
      group: G4,
      name: `${name}完成预算`,
      formula: `${plain}决算数 ÷ ${plain}预算数 × 100%`,
      numerator: named(`threePublic.${item}`, `${plain}决算数`),
      denominator: named(`threePublic.${item}.budget`, `${plain}预算数`),
      rule: notOver(plain),
    });
  }
  return out;
}

function yearOnYear(): RateDef[] {
  const out: RateDef[] = [
    yoy('yoy.incomeGrandTotal', Q.incomeGrandTotal, 'last.incomeGrandTotal', '上年收入总计'),
    yoy('yoy.expenditureGrandTotal', Q.expenditureGrandTotal, 'last.expenditureGrandTotal', '上年支出总计'),
    yoy('yoy.incomeTotal', Q.incomeTotal, 'last.incomeTotal', '上年本年收入合计'),
    yoy('yoy.expenditureTotal', Q.expenditureTotal, 'last.expenditureTotal', '上年本年支出合计'),
    yoy('yoy.fiscalIncome', Q.fiscalIncome, 'last.fiscalIncome', '上年财政拨款收入'),
    yoy('yoy.fiscalExpenditure', Q.fiscalExpenditure, 'last.fiscalExpenditure', '上年财政拨款支出'),
    yoy('yoy.general', Q.generalTotal, 'last.generalExpenditure', '上年一般公共预算财政拨款支出'),
  ];
  for (const [item, name, last] of THREE_PUBLIC_ITEMS) {
    if (item === 'vehiclePurchase' || item === 'vehicleRunning') continue;
    out.push(yoy(`yoy.threePublic.${item}`, named(`threePublic.${item}`, name), last, `上年${name}`));
  }
  out.push(yoy('yoy.running', money('机关运行经费', one(sup('running.amount'))), 'last.runningCost', '上年机关运行经费'));
  return out;
}

function procurementRates(): RateDef[] {
  const total = money('政府采购支出总额', one(sup('procurement.total')));
  return [
    share('procurement.sme', G6, money('授予中小企业合同金额', one(sup('procurement.sme'))), total),
    share('procurement.small', G6, money('授予小微企业合同金额', one(sup('procurement.small'))), total),
  ];
}

/** Every rate for these accounts, in sheet order. */
export function rateDefinitions(accounts: Accounts, supplement: Supplement): RateDef[] {
  return [
    ...CORE_RATES,
    ...incomeShares(accounts),
    ...expenditureShares(),
    ...generalRates(accounts, supplement),
    ...threePublicRates(),
    ...yearOnYear(),
    ...procurementRates(),
  ];
}
