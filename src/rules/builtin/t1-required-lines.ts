import { Rule } from '../types';
import { line } from '../lines';

/** A missing line is its own finding, never read as 0. */
export const rule: Rule = {
  id: 'T1-必备行',
  title: '总表必备的合计行齐全',
  severity: '错误',
  description: '收入支出决算总表必须有一般公共预算财政拨款收入、本年收入合计、本年支出合计、收入总计和支出总计行。',
  check({ accounts }, report) {
    for (const [id, t, name] of [['T1', accounts.T1, '收入支出决算总表']] as const) {
      if (!t) continue;
      const cell = `${t.location.sheet}!${t.location.range}`;
      const need: [typeof t.income, string, string][] = [
        [t.income, 'incomeTotal', '本年收入合计'],
        [t.income, 'grandTotal', '收入总计'],
        [t.expenditure, 'expenditureTotal', '本年支出合计'],
        [t.expenditure, 'grandTotal', '支出总计'],
      ];
      for (const [lines, key, label] of need) {
        if (!line(lines, key)) report({ table: id, message: `${name}中找不到“${label}”行，相关合计无法核对（缺行不按0处理）。`, cells: [cell] });
      }
      if (id === 'T1' && !t.income.some((l) => /generalBudget|fiscal/.test(l.key))) {
        report({ table: id, message: `${name}中找不到“一般公共预算财政拨款收入”行。`, cells: [cell] });
      }
    }
  },
};
