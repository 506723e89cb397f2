import { Rule } from '../types';
import { checkRelation } from '../relation';
import { classLines, line, optionalTerm, term, unitOf } from '../lines';

const COLUMNS: [string, string][] = [
  ['total', '合计'],
  ['general', '一般公共预算财政拨款'],
  ['fund', '政府性基金预算财政拨款'],
  ['capital', '国有资本经营预算财政拨款'],
  ['amount', '决算数'],
];

export const rule: Rule = {
  id: 'T4-支出合计',
  title: '财政拨款支出合计与总计（每一列）',
  severity: '错误',
  tables: ['T4'],
  description: '财政拨款收入支出决算总表：每一列中，本年支出合计 = 各类支出之和；支出总计 = 本年支出合计 + 年末财政拨款结转和结余。',
  check({ accounts }, report) {
    const t = accounts.T4;
    if (!t) return;
    const unit = unitOf(t);
    const classes = [...classLines(t), ...t.expenditure.filter((l) => l.key.startsWith('other:'))];
    for (const [col, colName] of COLUMNS) {
      if (!t.expenditure.some((l) => col in l.values)) continue;
      const where = `财政拨款收入支出决算总表（${colName}列）`;
      if (line(t.expenditure, 'expenditureTotal') && classes.length)
        checkRelation({
          report,
          table: 'T4',
          unit,
          where,
          total: term(t.expenditure, 'expenditureTotal', '本年支出合计', col),
          parts: classes.map((l) => ({ figure: l.values[col], label: l.label.trim() })),
        });
      if (line(t.expenditure, 'grandTotal')) {
        const parts = [term(t.expenditure, 'expenditureTotal', '本年支出合计', col), optionalTerm(t.expenditure, 'closingBalance', '年末财政拨款结转和结余', col)].filter(
          (x): x is NonNullable<typeof x> => !!x,
        );
        checkRelation({ report, table: 'T4', unit, where, total: term(t.expenditure, 'grandTotal', '支出总计', col), parts });
      }
    }
  },
};
