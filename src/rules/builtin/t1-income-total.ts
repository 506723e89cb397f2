import { Rule } from '../types';
import { checkRelation } from '../relation';
import { line, optionalTerm, term, unitOf } from '../lines';

/** 本年收入合计 = the eight income lines (older forms: 财政拨款收入 in place of the three fund lines). */
export const rule: Rule = {
  id: 'T1-本年收入合计',
  title: '本年收入合计等于各项收入之和',
  severity: '错误',
  tables: ['T1'],
  description: '收入支出决算总表：本年收入合计 = 一般公共预算财政拨款收入 + 政府性基金 + 国有资本经营 + 上级补助 + 事业 + 经营 + 附属单位上缴 + 其他收入。',
  check({ accounts }, report) {
    const t = accounts.T1;
    if (!t || !line(t.income, 'incomeTotal')) return;
    const keys: [string, string][] = [
      ['generalBudget', '一般公共预算财政拨款收入'],
      ['governmentFund', '政府性基金预算财政拨款收入'],
      ['stateCapital', '国有资本经营预算财政拨款收入'],
      ['fiscal', '财政拨款收入'],
      ['superiorSubsidy', '上级补助收入'],
      ['business', '事业收入'],
      ['operating', '经营收入'],
      ['affiliated', '附属单位上缴收入'],
      ['other', '其他收入'],
    ];
    // In older forms 财政拨款收入 is the sum of the three fund lines listed under it: never count both.
    const hasFunds = ['generalBudget', 'governmentFund', 'stateCapital'].some((k) => line(t.income, k));
    const parts = keys
      .filter(([k]) => !(hasFunds && k === 'fiscal'))
      .map(([k, label]) => optionalTerm(t.income, k, label))
      .filter((x): x is NonNullable<typeof x> => !!x);
    if (!parts.length) return;
    checkRelation({ report, table: 'T1', unit: unitOf(t), where: '收入支出决算总表', total: term(t.income, 'incomeTotal', '本年收入合计'), parts });
  },
};
