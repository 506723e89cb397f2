import { Rule } from '../types';
import { checkSame } from '../relation';
import { term, unitOf } from '../lines';

export const rule: Rule = {
  id: 'T1-收支总计相等',
  title: '收入总计等于支出总计',
  severity: '错误',
  tables: ['T1'],
  description: '收入支出决算总表：收入总计 = 支出总计。',
  check({ accounts }, report) {
    const t = accounts.T1;
    if (!t) return;
    checkSame({ report, table: 'T1', unit: unitOf(t), where: '收入支出决算总表', a: term(t.income, 'grandTotal', '收入总计'), b: term(t.expenditure, 'grandTotal', '支出总计') });
  },
};
