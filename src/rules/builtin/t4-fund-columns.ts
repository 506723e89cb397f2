import { Rule } from '../types';
import { checkRelation } from '../relation';
import { unitOf } from '../lines';

export const rule: Rule = {
  id: 'T4-分资金合计',
  title: '合计列等于三类财政拨款之和',
  severity: '错误',
  tables: ['T4'],
  description: '财政拨款收入支出决算总表：支出方每一行的合计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款。',
  check({ accounts }, report) {
    const t = accounts.T4;
    if (!t) return;
    for (const l of t.expenditure) {
      if (!('total' in l.values)) continue;
      const parts = (
        [
          ['general', '一般公共预算'],
          ['fund', '政府性基金'],
          ['capital', '国有资本经营'],
        ] as const
      )
        .filter(([k]) => k in l.values)
        .map(([k, label]) => ({ figure: l.values[k], label }));
      if (!parts.length) continue;
      checkRelation({ report, table: 'T4', unit: unitOf(t), where: `财政拨款收入支出决算总表 ${l.label.trim()}`, total: { figure: l.values.total, label: '合计' }, parts });
    }
  },
};
