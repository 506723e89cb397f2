/**
 * Issue 5 执行率汇总: computeRates on the seed fixtures — exact expected rates, rules, the not-computable
 * cases (missing 补充信息, zero denominators, no 补充信息 sheet, missing tables) and the definitions as data.
 */
import ExcelJS from 'exceljs';
import { buildInto } from './fixtures/builder';
import { taojiadu2020, wujialing2022, yuquan2021 } from './fixtures/specs';
import { AccountsSpec } from './fixtures/specs/types';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { writeSheetSpec } from '../src/adapters/exceljs/writeSheetSpec';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts } from '../src/model/types';
import { wan } from '../src/money/money';
import { Supplement, SupplementValue, buildSupplementSheet, emptySupplement, readSupplement } from '../src/supplement/sheet';
import { FIELD_BY_KEY } from '../src/supplement/fields';
import { CORE_RATES, Q, RateResult, buildRates, buildRatesSheet, computeRates, rateDefinitions, resolveQuantity, satisfies } from '../src/rates';

type Filled = Record<string, string | number>;

/** A seed workbook (四川 layout) with a 补充信息 sheet holding `filled`, read back as the CLI would. */
function seed(spec: AccountsSpec, filled: Filled = {}, withSupplement = true): { wb: ExcelJS.Workbook; accounts: Accounts; supplement: Supplement } {
  const { workbook: wb } = buildInto(spec, 'sichuan');
  let accounts = readAccounts(snapshotFromExcelJs(wb, spec.id));
  if (withSupplement) {
    const existing = emptySupplement();
    for (const [key, raw] of Object.entries(filled)) {
      const v: SupplementValue = { key, raw: String(raw), cell: '' };
      if (FIELD_BY_KEY.get(key)?.kind === 'count') v.number = Number(raw);
      else v.fen = wan(String(raw));
      existing.values.set(key, v);
    }
    writeSheetSpec(wb, buildSupplementSheet(accounts, existing));
  }
  const snap = snapshotFromExcelJs(wb, spec.id);
  accounts = readAccounts(snap);
  return { wb, accounts, supplement: readSupplement(snap, accounts) };
}

const byId = (rs: RateResult[], id: string): RateResult => {
  const r = rs.find((x) => x.id === id);
  if (!r) throw new Error(`no rate ${id}`);
  return r;
};

describe('seed 001 玉泉街道 2021', () => {
  const { accounts, supplement } = seed(yuquan2021, { 'staff.authorised': 40, 'staff.actual': 42, 'last.threePublic': '2.50', 'budget.publicFunds': '35.00' });
  const rates = computeRates(accounts, supplement);

  test('“三公经费”控制率 = 5.00 / 5.00 = 100.00%, within its rule', () => {
    const r = byId(rates, 'threePublicControl');
    expect(r.display).toBe('100.00%');
    expect(r.status).toBe('ok');
    expect(r.conclusion).toBe('符合：“三公”经费未超过预算');
    expect(r.numerator.terms[0].cells).toEqual(['公开07表!G8']);
    expect(r.denominator.terms[0].cells).toEqual(['公开07表!A8']);
  });

  test('基本支出 share of 本年支出合计 = 623.25 / 853.00 = 73.07% (the published text says 73.06%: 0.730657 rounds up)', () => {
    const r = byId(rates, 'expenditureShare.basic');
    expect(r.numerator.value).toBe(wan('623.25'));
    expect(r.denominator.value).toBe(wan('853.00'));
    expect(r.display).toBe('73.07%');
    expect(byId(rates, 'expenditureShare.project').display).toBe('26.94%');
  });

  test('income and 一般公共预算 structure shares as the narrative quotes them', () => {
    expect(byId(rates, 'incomeShare.generalBudget').display).toBe('98.86%');
    expect(byId(rates, 'incomeShare.governmentFund').display).toBe('1.14%');
    expect(byId(rates, 'expenditureShare.general').display).toBe('98.86%');
    expect(byId(rates, 'generalClassShare.201').display).toBe('76.16%');
    expect(byId(rates, 'generalClassShare.207').display).toBe('0.68%');
    expect(byId(rates, 'generalClassShare.212').display).toBe('14.03%'); // 118.33 / 843.28 = 14.0321…; the text says 14.04%
    expect(byId(rates, 'generalClassShare.221').display).toBe('3.28%');
  });

  test('人员/公用经费 shares of 基本支出, 公用经费控制率', () => {
    expect(byId(rates, 'basicShare.personnel').display).toBe('95.13%'); // 592.91 / 623.25
    const pub = byId(rates, 'basicShare.public');
    expect(pub.numerator.value).toBe(wan('30.34'));
    expect(pub.display).toBe('4.87%');
    const control = byId(rates, 'publicFundsControl');
    expect(control.display).toBe('86.69%'); // 30.34 / 35.00
    expect(control.status).toBe('ok');
  });

  test('公用经费 from its 经济分类 classes (302 + 310 …) when the 合计 cell reads blank', () => {
    const fig = accounts.T6!.publicTotal!.values.amount!;
    const blanked: Accounts = { ...accounts, T6: { ...accounts.T6!, publicTotal: { ...accounts.T6!.publicTotal!, values: { amount: { ...fig, fen: 0, blank: true, raw: '' } } } } };
    const q = resolveQuantity(Q.publicFunds, blanked, supplement);
    expect(q.value).toBe(wan('30.34'));
    expect(q.terms.length).toBeGreaterThan(1);
    expect(q.terms.map((t) => t.label).join()).toContain('302');
  });

  test('在职人员控制率 42 / 40 = 105.00% is flagged', () => {
    const r = byId(rates, 'staffControl');
    expect(r.display).toBe('105.00%');
    expect(r.status).toBe('flagged');
    expect(r.conclusion).toBe('超编：在职人数超过编制数');
  });

  test('“三公经费”变动率 (5.00 − 2.50) / 2.50 = 100.00% breaks “只减不增”', () => {
    const r = byId(rates, 'threePublicChange');
    expect(r.numerator.value).toBe(wan('2.50'));
    expect(r.display).toBe('100.00%');
    expect(r.status).toBe('flagged');
    expect(r.numerator.formula).toBe("='公开07表'!G8-'补充信息'!C17".replace('C17', r.numerator.terms[1].cells[0].split('!')[1]));
  });

  test('zero budgets are not computable, with the reason, never 0%', () => {
    const r = byId(rates, 'threePublicCompletion.abroad');
    expect(r.status).toBe('not-computable');
    expect(r.reason).toBe('分母为0（因公出国（境）费预算数为0），无法计算');
    expect(r.display).toBe(r.reason);
    expect(r.percent).toBeUndefined();
    expect(r.conclusion).toBe('—');
  });

  test('missing 补充信息 inputs are named', () => {
    expect(byId(rates, 'budgetExecution').reason).toBe('缺少：补充信息“全年预算数（调整后）”或“年初预算支出总数”');
    expect(byId(rates, 'budgetAdjustment').reason).toBe('缺少：补充信息“预算调整数”、“年初预算支出总数”');
    expect(byId(rates, 'procurementExecution').reason).toBe('缺少：补充信息“政府采购支出总额”、“政府采购预算数”');
  });

  test('财政拨款支出合计 falls back to 一般公共预算 + 政府性基金 (+ an empty 国资 table) when table 4 cannot give it', () => {
    const direct = resolveQuantity(Q.fiscalExpenditure, accounts, supplement);
    expect(direct.value).toBe(wan('853.00'));
    expect(direct.terms).toHaveLength(1);
    const t4 = accounts.T4!;
    const without: Accounts = { ...accounts, T4: { ...t4, expenditure: t4.expenditure.filter((l) => l.key !== 'expenditureTotal') } };
    const q = resolveQuantity(Q.fiscalExpenditure, without, supplement);
    expect(q.value).toBe(wan('853.00')); // 843.28 + 9.72
    expect(q.terms.map((t) => t.cells[0].split('!')[0])).toEqual(['公开05表', '公开08表']);
    expect(rateDefinitions(accounts, supplement).some((d) => d.id === 'yoy.fiscalExpenditure')).toBe(true);
  });
});

describe('seed 002 桃家渡 2020', () => {
  const { accounts, supplement } = seed(taojiadu2020, { 'budget.adjusted': '900.00', 'budget.expenditure': '850.00', 'last.carryOver': '92.87' });
  const rates = computeRates(accounts, supplement);

  test('“三公经费”控制率 1.05 / 2.50 = 42.00%', () => {
    const r = byId(rates, 'threePublicControl');
    expect(r.numerator.value).toBe(wan('1.05'));
    expect(r.denominator.value).toBe(wan('2.50'));
    expect(r.display).toBe('42.00%');
    expect(r.status).toBe('ok');
    expect(byId(rates, 'threePublicCompletion.vehicleRunning').display).toBe('42.00%');
  });

  test('其他收入 0.68 / 746.99 = 0.09% (the published text says 0.1%)', () => {
    expect(byId(rates, 'incomeShare.other').display).toBe('0.09%');
  });

  test('预算执行率 uses 全年预算 when given (else 年初预算); 结转结余率 names its denominator', () => {
    const exec = byId(rates, 'budgetExecution');
    expect(exec.denominator.value).toBe(wan('900.00'));
    expect(exec.display).toBe('93.24%'); // 839.19 / 900.00
    expect(byId(rates, 'carryOverRate').display).toBe('0.08%'); // 0.68 / 900.00
    expect(byId(rates, 'carryOverRateByExpenditure').display).toBe('0.08%'); // 0.68 / 839.19
    expect(byId(rates, 'carryOverRate').name).toContain('预算数');
    expect(byId(rates, 'carryOverRateByExpenditure').name).toContain('支出完成数');
  });

  test('结转结余变动率 (0.68 − 92.87) / 92.87 = −99.27%, within “≤0”', () => {
    const r = byId(rates, 'carryOverChange');
    expect(r.display).toBe('-99.27%');
    expect(r.status).toBe('ok');
  });

  test('预算数 falls back to 年初预算 when 全年预算 is empty', () => {
    const s2 = seed(taojiadu2020, { 'budget.expenditure': '850.00' });
    const exec = byId(computeRates(s2.accounts, s2.supplement), 'budgetExecution');
    expect(exec.denominator.value).toBe(wan('850.00'));
    expect(exec.display).toBe('98.73%'); // 839.19 / 850.00
  });
});

describe('seed 003 伍家岭 2022', () => {
  const { accounts, supplement } = seed(wujialing2022, { 'procurement.total': '120.00', 'budget.procurement': '100.00', 'procurement.sme': '90.00' });
  const rates = computeRates(accounts, supplement);

  test('“三公” totals and items', () => {
    expect(byId(rates, 'threePublicControl').display).toBe('76.60%'); // 7.66 / 10.00
    expect(byId(rates, 'threePublicShare.vehicle').display).toBe('88.77%'); // 6.80 / 7.66
    expect(byId(rates, 'threePublicShare.reception').display).toBe('11.23%'); // 0.86 / 7.66
    expect(byId(rates, 'threePublicCompletion.reception').display).toBe('43.00%'); // 0.86 / 2.00
    expect(byId(rates, 'threePublicCompletion.vehicle').display).toBe('85.00%');
  });

  test('政府采购执行率 over 100% is flagged; 中小企业 share computed', () => {
    const r = byId(rates, 'procurementExecution');
    expect(r.display).toBe('120.00%');
    expect(r.status).toBe('flagged');
    expect(r.conclusion).toBe('超出：政府采购超过预算，请说明原因');
    expect(byId(rates, 'procurement.sme').display).toBe('75.00%');
    expect(byId(rates, 'procurement.small').reason).toBe('缺少：补充信息“其中：授予小微企业合同金额”');
  });
});

describe('not computable', () => {
  test('missing 编制数 → 缺少：补充信息“编制数”', () => {
    const { accounts, supplement } = seed(yuquan2021, { 'staff.actual': 42 });
    const r = byId(computeRates(accounts, supplement), 'staffControl');
    expect(r.status).toBe('not-computable');
    expect(r.reason).toBe('缺少：补充信息“编制数”');
    expect(r.display).not.toMatch(/%$/);
  });

  test('编制数 0 → 分母为0', () => {
    const { accounts, supplement } = seed(yuquan2021, { 'staff.actual': 42, 'staff.authorised': 0 });
    const r = byId(computeRates(accounts, supplement), 'staffControl');
    expect(r.reason).toBe('分母为0（编制数为0），无法计算');
  });

  test('a 补充信息 value that is not a plain number counts as missing (Excel’s ISNUMBER would say so too)', () => {
    const { accounts, supplement } = seed(yuquan2021, {});
    supplement.values.set('staff.authorised', { key: 'staff.authorised', raw: '40人', number: 40, cell: supplement.cells.get('staff.authorised')! });
    supplement.values.set('staff.actual', { key: 'staff.actual', raw: '38', number: 38, cell: supplement.cells.get('staff.actual')! });
    expect(byId(computeRates(accounts, supplement), 'staffControl').reason).toBe('缺少：补充信息“编制数”');
  });

  test('no 补充信息 sheet: the supplement rates say what is missing, the table rates still compute', () => {
    const { accounts, supplement } = seed(yuquan2021, {}, false);
    expect(supplement.present).toBe(false);
    const rates = computeRates(accounts, supplement);
    expect(byId(rates, 'staffControl').reason).toBe('缺少：补充信息“在职实有人数”、“编制数”');
    expect(byId(rates, 'staffControl').numerator.formula).toBeUndefined();
    expect(byId(rates, 'threePublicControl').display).toBe('100.00%');
    const spec = buildRatesSheet(accounts, supplement);
    expect(spec.rows.some((row) => row[0]?.kind === 'text' && row[0].text.startsWith('工作簿中还没有“补充信息”表'))).toBe(true);
  });

  test('a missing table: its rates name the table, never 0%', () => {
    const { accounts, supplement } = seed(yuquan2021, {});
    delete accounts.T7;
    accounts.missing.push('T7');
    const r = byId(computeRates(accounts, supplement), 'threePublicControl');
    expect(r.status).toBe('not-computable');
    expect(r.reason).toBe('缺少：财政拨款“三公”经费支出决算表“合计决算数”、财政拨款“三公”经费支出决算表“合计预算数”');
  });
});

describe('definitions as data', () => {
  test('every rate of DOMAIN §6 is defined, with numerator, denominator and words', () => {
    const names = CORE_RATES.map((d) => d.name).join('|');
    for (const n of ['预算完成率', '预算调整率', '支付进度率', '结转结余率', '结转结余变动率', '公用经费控制率', '“三公经费”控制率', '“三公经费”变动率', '政府采购执行率', '在职人员控制率', '重点支出安排率']) {
      expect(names).toContain(n);
    }
    for (const d of CORE_RATES) {
      expect(d.formula).toMatch(/÷/);
      expect(d.numerator.ways.length).toBeGreaterThan(0);
      expect(d.denominator.ways.length).toBeGreaterThan(0);
      expect(d.rule || d.standard).toBeTruthy();
    }
  });

  test('rules: ≤100% for the control rates, ≤0 for the change rates', () => {
    const rule = (id: string) => CORE_RATES.find((d) => d.id === id)!.rule!;
    for (const id of ['threePublicControl', 'staffControl', 'publicFundsControl', 'procurementExecution']) expect(rule(id)).toMatchObject({ op: '<=', limit: 100 });
    for (const id of ['threePublicChange', 'carryOverChange']) expect(rule(id)).toMatchObject({ op: '<=', limit: 0 });
  });

  test('satisfies() is exact: 250.01 against a budget of 250.00 exceeds it although it shows 100.00%', () => {
    const r = CORE_RATES.find((d) => d.id === 'threePublicControl')!.rule!;
    expect(satisfies(r, wan('250.01'), wan('250.00'))).toBe(false);
    expect(satisfies(r, wan('250.00'), wan('250.00'))).toBe(true);
  });

  test('项 决算/预算 rows appear once a 项 budget is filled, every 项 then listed', () => {
    const none = seed(yuquan2021, {});
    expect(computeRates(none.accounts, none.supplement).some((r) => r.id.startsWith('itemBudgetCompletion'))).toBe(false);
    const sheet = buildRatesSheet(none.accounts, none.supplement);
    expect(sheet.rows.some((row) => row[0]?.kind === 'text' && row[0].text.startsWith('各项（项级科目）完成年初预算'))).toBe(true);
    const some = seed(yuquan2021, { 'itemBudget.2010301': '120.00' });
    const rates = computeRates(some.accounts, some.supplement);
    const items = rates.filter((r) => r.id.startsWith('itemBudgetCompletion.'));
    expect(items.length).toBe(21);
    expect(byId(rates, 'itemBudgetCompletion.2010301').display).toBe('99.14%'); // 118.97 / 120.00
    expect(byId(rates, 'itemBudgetCompletion.2010302').reason).toMatch(/^缺少：补充信息“2010302 一般行政管理事务 年初预算”/);
  });

  test('the sheet lays out one row per rate, in group order', () => {
    const { accounts, supplement } = seed(yuquan2021, {});
    const built = buildRates(accounts, supplement);
    expect(built.layout.rows.size).toBe(built.results.length);
    const order = built.results.map((r) => built.layout.rows.get(r.id)!);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(built.spec.charts?.length).toBe(7);
  });
});
