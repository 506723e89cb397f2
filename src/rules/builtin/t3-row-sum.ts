import { rowSumRule } from '../codedRules';

export const rule = rowSumRule({
  id: 'T3-行内合计',
  table: 'T3',
  title: '本年支出合计等于各类支出之和',
  description: '支出决算表：每一行的本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出。',
  total: 'total',
  parts: [{ key: 'basic' }, { key: 'project' }, { key: 'remit' }, { key: 'operating' }, { key: 'subsidy' }],
});
