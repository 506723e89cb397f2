import { rowSumRule } from '../codedRules';

export const rule = rowSumRule({
  id: 'T2-行内合计',
  table: 'T2',
  title: '本年收入合计等于各来源之和',
  description: '收入决算表：每一行的本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入。',
  total: 'total',
  parts: [{ key: 'fiscal' }, { key: 'superior' }, { key: 'business' }, { key: 'operating' }, { key: 'affiliated' }, { key: 'other' }],
});
