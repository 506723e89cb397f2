import { requiredLinesRule } from '../requiredLines';

export const rule = requiredLinesRule({
  id: 'T4-必备行',
  table: 'T4',
  title: '财政拨款总表必备的合计行齐全',
  description: '财政拨款收入支出决算总表必须有本年收入合计、本年支出合计、收入总计和支出总计行（缺行不按0处理）。',
});
