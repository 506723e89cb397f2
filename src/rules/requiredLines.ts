/** Rule factory: a two-sided table must have its total lines; a missing line is a finding, never 0. */
import { TwoSidedTable } from '../model/types';
import { Rule } from './types';
import { line } from './lines';

export function requiredLinesRule(opts: {
  id: string;
  table: 'T1' | 'T4';
  title: string;
  description: string;
  /** Extra lines this table must have: [side, key, label]. */
  extra?: [('income' | 'expenditure'), RegExp, string][];
}): Rule {
  const name = opts.table === 'T1' ? '收入支出决算总表' : '财政拨款收入支出决算总表';
  return {
    id: opts.id,
    title: opts.title,
    severity: '错误',
    tables: [opts.table],
    description: opts.description,
    check({ accounts }, report) {
      const t = accounts[opts.table] as TwoSidedTable | undefined;
      if (!t) return;
      const cell = `${t.location.sheet}!${t.location.range}`;
      const need: [typeof t.income, string, string][] = [
        [t.income, 'incomeTotal', '本年收入合计'],
        [t.income, 'grandTotal', '收入总计'],
        [t.expenditure, 'expenditureTotal', '本年支出合计'],
        [t.expenditure, 'grandTotal', '支出总计'],
      ];
      for (const [lines, key, label] of need) {
        if (!line(lines, key)) report({ table: opts.table, message: `${name}中找不到“${label}”行，相关合计无法核对（缺行不按0处理）。`, cells: [cell] });
      }
      for (const [side, key, label] of opts.extra ?? []) {
        if (!t[side].some((l) => key.test(l.key))) report({ table: opts.table, message: `${name}中找不到“${label}”行。`, cells: [cell] });
      }
    },
  };
}
