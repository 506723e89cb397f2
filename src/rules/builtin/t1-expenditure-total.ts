import { Rule } from '../types';
import { checkRelation } from '../relation';
import { classLines, line, term, unitOf } from '../lines';

export const rule: Rule = {
  id: 'T1-本年支出合计',
  title: '本年支出合计等于各类支出之和',
  severity: '错误',
  tables: ['T1'],
  description: '收入支出决算总表：本年支出合计 = 各功能分类“类”支出之和。',
  check({ accounts }, report) {
    const t = accounts.T1;
    if (!t || !line(t.expenditure, 'expenditureTotal')) return;
    const classes = classLines(t);
    const others = t.expenditure.filter((l) => l.key.startsWith('other:'));
    const parts = [...classes, ...others].map((l) => ({ figure: l.values.amount, label: l.label.trim() }));
    if (!parts.length) return;
    checkRelation({ report, table: 'T1', unit: unitOf(t), where: '收入支出决算总表', total: term(t.expenditure, 'expenditureTotal', '本年支出合计'), parts });
  },
};
