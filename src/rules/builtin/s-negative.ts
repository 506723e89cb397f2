import { Rule } from '../types';
import { allFigures, unitOf } from '../lines';
import { amountText, fmt } from '../relation';

/** Only carry-over lines (结转和结余, 结余分配) may legitimately be negative. */
export const rule: Rule = {
  id: 'S-负数',
  title: '金额不应为负',
  severity: '警告',
  description: '决算公开表中的收入、支出金额不应为负数（结转结余、结余分配行除外）。',
  check({ accounts }, report) {
    for (const x of allFigures(accounts)) {
      if (x.figure.fen >= 0 || /结转|结余|closing|opening/.test(x.label())) continue;
      const unit = unitOf((accounts as unknown as Record<string, { location: { unit: 'yuan' | 'wanyuan' } }>)[x.table]);
      report({ table: x.table, message: `${x.label()} 为负数 ${amountText(x.figure.fen, unit)}，请核对。`, cells: [x.figure.cell], actual: fmt(x.figure.fen, unit) });
    }
  },
};
