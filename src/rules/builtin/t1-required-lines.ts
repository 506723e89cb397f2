import { requiredLinesRule } from '../requiredLines';

/** A missing line is its own finding, never read as 0. */
export const rule = requiredLinesRule({
  id: 'T1-必备行',
  table: 'T1',
  title: '总表必备的合计行齐全',
  description: '收入支出决算总表必须有一般公共预算财政拨款收入、本年收入合计、本年支出合计、收入总计和支出总计行。',
  extra: [['income', /^(generalBudget|fiscal)$/, '一般公共预算财政拨款收入']],
});
