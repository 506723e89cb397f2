import { Rule } from '../types';
import { checkSame } from '../relation';
import { term, totalOf, unitOf } from '../lines';

export const rule: Rule = {
  id: 'X-T2财政拨款=T4',
  title: '收入决算表财政拨款收入与财政拨款总表一致',
  severity: '错误',
  tables: ['T2', 'T4'],
  description: '收入决算表合计行的财政拨款收入 = 财政拨款收入支出决算总表的本年收入合计。',
  check({ accounts }, report) {
    const a = accounts.T2;
    const b = accounts.T4;
    if (!a || !b || a.location.empty) return;
    checkSame({
      report,
      table: 'X',
      unit: unitOf(a),
      where: '收入决算表与财政拨款收入支出决算总表',
      a: { figure: totalOf(a, 'fiscal'), label: '收入决算表财政拨款收入', why: !a.total ? '合计行在表中找不到' : '财政拨款收入栏在表中找不到或不是可读的金额' },
      b: term(b.income, 'incomeTotal', '财政拨款总表本年收入合计'),
    });
  },
};
