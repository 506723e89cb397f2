import { Rule } from '../types';
import { checkSame } from '../relation';
import { fig, line, unitOf } from '../lines';
import { compareClasses, emptyTableZero } from '../crossRules';

export const rule: Rule = {
  id: 'X-T4基金=T8',
  title: '财政拨款总表政府性基金列与政府性基金预算财政拨款收入支出决算表一致',
  severity: '错误',
  tables: ['T4', 'T8'],
  description: '财政拨款收入支出决算总表的政府性基金预算财政拨款（收入、本年支出合计及每一类支出）= 政府性基金预算财政拨款收入支出决算表的对应数。',
  check({ accounts }, report) {
    const a = accounts.T4;
    const b = accounts.T8;
    if (!a || !b) return;
    const unit = unitOf(a);
    const where = '财政拨款收入支出决算总表与政府性基金预算财政拨款收入支出决算表';
    const bTotal = b.location.empty || !b.total ? (b.location.empty ? emptyTableZero(b) : undefined) : b.total.values.expTotal;
    const aTotal = fig(a.expenditure, 'expenditureTotal', 'fund');
    if (aTotal) checkSame({ report, table: 'X', unit, where, a: { figure: aTotal, label: '财政拨款总表政府性基金本年支出合计' }, b: { figure: bTotal, label: '政府性基金预算财政拨款收入支出决算表本年支出合计' } });
    if (line(a.income, 'governmentFund')) {
      const bIncome = b.location.empty ? emptyTableZero(b) : b.total?.values.income;
      if (bIncome) checkSame({ report, table: 'X', unit, where, a: { figure: fig(a.income, 'governmentFund'), label: '财政拨款总表政府性基金收入' }, b: { figure: bIncome, label: '政府性基金预算财政拨款收入支出决算表本年收入' } });
    }
    if (!b.location.empty) compareClasses({ report, unit, a, aName: '财政拨款总表', col: 'fund', b, bName: '政府性基金预算财政拨款收入支出决算表', codedCol: 'expTotal', what: where });
  },
};
