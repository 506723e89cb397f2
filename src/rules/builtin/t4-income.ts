import { Rule } from '../types';
import { checkRelation } from '../relation';
import { line, optionalTerm, term, unitOf } from '../lines';

export const rule: Rule = {
  id: 'T4-收入合计',
  title: '财政拨款收入合计与总计',
  severity: '错误',
  tables: ['T4'],
  description:
    '财政拨款收入支出决算总表：本年收入合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算财政拨款；年初财政拨款结转和结余 = 其下三项之和；收入总计 = 本年收入合计 + 年初财政拨款结转和结余。',
  check({ accounts }, report) {
    const t = accounts.T4;
    if (!t) return;
    const unit = unitOf(t);
    const where = '财政拨款收入支出决算总表';
    const funds = (prefix: string) =>
      [
        optionalTerm(t.income, `${prefix}generalBudget`, '一般公共预算财政拨款'),
        optionalTerm(t.income, `${prefix}governmentFund`, '政府性基金预算财政拨款'),
        optionalTerm(t.income, `${prefix}stateCapital`, '国有资本经营预算财政拨款'),
      ].filter((x): x is NonNullable<typeof x> => !!x);
    const income = funds('');
    if (line(t.income, 'incomeTotal') && income.length) checkRelation({ report, table: 'T4', unit, where, total: term(t.income, 'incomeTotal', '本年收入合计'), parts: income });
    const opening = funds('opening.');
    if (line(t.income, 'openingBalance') && opening.length)
      checkRelation({ report, table: 'T4', unit, where, total: term(t.income, 'openingBalance', '年初财政拨款结转和结余'), parts: opening });
    if (line(t.income, 'grandTotal')) {
      const parts = [term(t.income, 'incomeTotal', '本年收入合计'), optionalTerm(t.income, 'openingBalance', '年初财政拨款结转和结余')].filter(
        (x): x is NonNullable<typeof x> => !!x,
      );
      checkRelation({ report, table: 'T4', unit, where, total: term(t.income, 'grandTotal', '收入总计'), parts });
    }
  },
};
