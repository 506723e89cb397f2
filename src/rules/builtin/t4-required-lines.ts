import { Rule } from '../types';
import { line } from '../lines';

export const rule: Rule = {
  id: 'T4-必备行',
  title: '财政拨款总表必备的合计行齐全',
  severity: '错误',
  description: '财政拨款收入支出决算总表必须有本年收入合计、本年支出合计、收入总计和支出总计行（缺行不按0处理）。',
  check({ accounts }, report) {
    const t = accounts.T4;
    if (!t) return;
    const cell = `${t.location.sheet}!${t.location.range}`;
    const need: [typeof t.income, string, string][] = [
      [t.income, 'incomeTotal', '本年收入合计'],
      [t.income, 'grandTotal', '收入总计'],
      [t.expenditure, 'expenditureTotal', '本年支出合计'],
      [t.expenditure, 'grandTotal', '支出总计'],
    ];
    for (const [lines, key, label] of need) {
      if (!line(lines, key)) report({ table: 'T4', message: `财政拨款收入支出决算总表中找不到“${label}”行，相关合计无法核对。`, cells: [cell] });
    }
  },
};
