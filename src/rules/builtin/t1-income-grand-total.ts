import { Rule } from '../types';
import { checkRelation } from '../relation';
import { line, optionalTerm, term, unitOf } from '../lines';

export const rule: Rule = {
  id: 'T1-收入总计',
  title: '收入总计等于本年收入合计加结余和结转',
  severity: '错误',
  tables: ['T1'],
  description: '收入支出决算总表：收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余。',
  check({ accounts }, report) {
    const t = accounts.T1;
    if (!t || !line(t.income, 'grandTotal')) return;
    const parts = [
      term(t.income, 'incomeTotal', '本年收入合计'),
      optionalTerm(t.income, 'useNonFiscalBalance', '使用非财政拨款结余'),
      optionalTerm(t.income, 'openingBalance', '年初结转和结余'),
    ].filter((x): x is NonNullable<typeof x> => !!x);
    checkRelation({ report, table: 'T1', unit: unitOf(t), where: '收入支出决算总表', total: term(t.income, 'grandTotal', '收入总计'), parts });
  },
};
