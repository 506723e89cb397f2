import { rowSumRule } from '../codedRules';

export const rule = rowSumRule({
  id: 'T9-支出合计',
  table: 'T9',
  title: '本年支出合计等于基本支出加项目支出',
  description: '国有资本经营预算财政拨款支出决算表：每一行的本年支出合计 = 基本支出 + 项目支出。',
  total: 'expTotal',
  parts: [{ key: 'basic' }, { key: 'project' }],
});
