import { Rule } from '../types';
import { checkRelation } from '../relation';
import { line, optionalTerm, term, unitOf } from '../lines';

export const rule: Rule = {
  id: 'T1-支出总计',
  title: '支出总计等于本年支出合计加结余分配和年末结转',
  severity: '错误',
  tables: ['T1'],
  description: '收入支出决算总表：支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余。',
  check({ accounts }, report) {
    const t = accounts.T1;
    if (!t || !line(t.expenditure, 'grandTotal')) return;
    const parts = [
      term(t.expenditure, 'expenditureTotal', '本年支出合计'),
      optionalTerm(t.expenditure, 'surplusDistribution', '结余分配'),
      optionalTerm(t.expenditure, 'closingBalance', '年末结转和结余'),
    ].filter((x): x is NonNullable<typeof x> => !!x);
    checkRelation({ report, table: 'T1', unit: unitOf(t), where: '收入支出决算总表', total: term(t.expenditure, 'grandTotal', '支出总计'), parts });
  },
};
