import { rowSumRule } from '../codedRules';

export const rule = rowSumRule({
  id: 'T8-结转平衡',
  table: 'T8',
  title: '年末结转和结余等于年初加收入减支出',
  description: '政府性基金预算财政拨款收入支出决算表：每一行的年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出。',
  total: 'closing',
  parts: [{ key: 'opening' }, { key: 'income' }, { key: 'expTotal', sign: -1 }],
});
