import { rowSumRule } from '../codedRules';

export const rule = rowSumRule({
  id: 'T5-行内合计',
  table: 'T5',
  title: '合计等于基本支出加项目支出',
  description: '一般公共预算财政拨款支出决算表：每一行的合计 = 基本支出 + 项目支出。',
  total: 'total',
  parts: [{ key: 'basic' }, { key: 'project' }],
});
