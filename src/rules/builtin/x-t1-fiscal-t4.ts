import { Rule } from '../types';
import { checkSame } from '../relation';
import { line, term, unitOf } from '../lines';

export const rule: Rule = {
  id: 'X-T1财政拨款=T4',
  title: '总表财政拨款收入与财政拨款总表一致',
  severity: '错误',
  tables: ['T1', 'T4'],
  description: '收入支出决算总表的一般公共预算、政府性基金预算、国有资本经营预算财政拨款收入 = 财政拨款收入支出决算总表的对应收入行。',
  check({ accounts }, report) {
    const a = accounts.T1;
    const b = accounts.T4;
    if (!a || !b) return;
    for (const [k, label] of [
      ['generalBudget', '一般公共预算财政拨款收入'],
      ['governmentFund', '政府性基金预算财政拨款收入'],
      ['stateCapital', '国有资本经营预算财政拨款收入'],
    ] as const) {
      if (!line(a.income, k) || !line(b.income, k)) continue;
      checkSame({ report, table: 'X', unit: unitOf(a), where: '收入支出决算总表与财政拨款收入支出决算总表', a: term(a.income, k, `总表${label}`), b: term(b.income, k, `财政拨款总表${label}`) });
    }
  },
};
