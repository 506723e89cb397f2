import { rowSumRule } from '../codedRules';

/** Forms that split 基本支出 into 人员经费 and 公用经费 columns. */
export const rule = rowSumRule({
  id: 'T5-基本支出构成',
  table: 'T5',
  title: '基本支出等于人员经费加公用经费',
  description: '一般公共预算财政拨款支出决算表（分列人员经费、公用经费的格式）：基本支出 = 人员经费 + 公用经费。',
  total: 'basic',
  parts: [{ key: 'basicPersonnel' }, { key: 'basicPublic' }],
});
