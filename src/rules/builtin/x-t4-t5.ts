import { Rule } from '../types';
import { checkSame } from '../relation';
import { fig, unitOf } from '../lines';
import { compareClasses, emptyTableZero } from '../crossRules';

export const rule: Rule = {
  id: 'X-T4一般公共预算=T5',
  title: '财政拨款总表一般公共预算列与一般公共预算财政拨款支出决算表一致',
  severity: '错误',
  tables: ['T4', 'T5'],
  description: '财政拨款收入支出决算总表的一般公共预算财政拨款（本年支出合计及每一类支出）= 一般公共预算财政拨款支出决算表的对应数。',
  check({ accounts }, report) {
    const a = accounts.T4;
    const b = accounts.T5;
    if (!a || !b) return;
    const unit = unitOf(a);
    const where = '财政拨款收入支出决算总表与一般公共预算财政拨款支出决算表';
    const bTotal = b.location.empty || !b.total ? (b.location.empty ? emptyTableZero(b) : undefined) : b.total.values.total;
    const aTotal = fig(a.expenditure, 'expenditureTotal', 'general');
    if (aTotal) checkSame({ report, table: 'X', unit, where, a: { figure: aTotal, label: '财政拨款总表一般公共预算本年支出合计' }, b: { figure: bTotal, label: '一般公共预算财政拨款支出决算表本年支出合计' } });
    if (!b.location.empty) compareClasses({ report, unit, a, aName: '财政拨款总表', col: 'general', b, bName: '一般公共预算财政拨款支出决算表', codedCol: 'total', what: where });
  },
};
