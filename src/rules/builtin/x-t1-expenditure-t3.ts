import { Rule } from '../types';
import { checkSame } from '../relation';
import { term, totalOf, unitOf } from '../lines';
import { compareClasses } from '../crossRules';

export const rule: Rule = {
  id: 'X-T1支出=T3',
  title: '总表支出与支出决算表一致',
  severity: '错误',
  tables: ['T1', 'T3'],
  description: '收入支出决算总表的本年支出合计 = 支出决算表合计；总表每一类支出 = 支出决算表对应类的本年支出合计。',
  check({ accounts }, report) {
    const a = accounts.T1;
    const b = accounts.T3;
    if (!a || !b) return;
    const unit = unitOf(a);
    if (b.total || b.location.empty)
      checkSame({ report, table: 'X', unit, where: '收入支出决算总表与支出决算表', a: term(a.expenditure, 'expenditureTotal', '总表本年支出合计'), b: { figure: totalOf(b, 'total'), label: '支出决算表合计' } });
    compareClasses({ report, unit, a, aName: '总表', col: 'amount', b, bName: '支出决算表', codedCol: 'total', what: '收入支出决算总表与支出决算表' });
  },
};
