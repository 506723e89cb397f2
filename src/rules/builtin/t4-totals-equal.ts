import { Rule } from '../types';
import { checkRelation, checkSame } from '../relation';
import { fig, term, unitOf } from '../lines';

export const rule: Rule = {
  id: 'T4-收支总计相等',
  title: '财政拨款收入总计等于支出总计（总额和分资金）',
  severity: '错误',
  tables: ['T4'],
  description:
    '财政拨款收入支出决算总表：收入总计 = 支出总计；每类资金：本年收入 + 年初结转和结余 = 本年支出 + 年末结转和结余。',
  check({ accounts }, report) {
    const t = accounts.T4;
    if (!t) return;
    const unit = unitOf(t);
    const col = t.expenditure.some((l) => 'total' in l.values) ? 'total' : 'amount';
    checkSame({ report, table: 'T4', unit, where: '财政拨款收入支出决算总表', a: term(t.income, 'grandTotal', '收入总计'), b: term(t.expenditure, 'grandTotal', '支出总计', col) });
    const funds: [string, string, string][] = [
      ['generalBudget', 'general', '一般公共预算财政拨款'],
      ['governmentFund', 'fund', '政府性基金预算财政拨款'],
      ['stateCapital', 'capital', '国有资本经营预算财政拨款'],
    ];
    for (const [inKey, outCol, name] of funds) {
      const income = fig(t.income, inKey);
      const exp = fig(t.expenditure, 'expenditureTotal', outCol);
      if (!income || !exp) continue;
      const opening = fig(t.income, `opening.${inKey}`);
      const closing = fig(t.expenditure, 'closingBalance', outCol) ?? fig(t.expenditure, `closing.${inKey}`, 'total') ?? fig(t.expenditure, `closing.${inKey}`, outCol);
      if ((t.income.some((l) => l.key.startsWith('opening.')) && !opening) || !closing) continue;
      checkRelation({
        report,
        table: 'T4',
        unit,
        where: `财政拨款收入支出决算总表（${name}）`,
        total: { figure: closing, label: '年末结转和结余' },
        parts: [
          ...(opening ? [{ figure: opening, label: '年初结转和结余' }] : []),
          { figure: income, label: '本年收入' },
          { figure: exp, label: '本年支出', sign: -1 as const },
        ],
      });
    }
  },
};
