import { Rule } from '../types';
import { nearName } from '../../catalogue';

export const rule: Rule = {
  id: 'C-经济分类科目',
  title: '经济分类科目编码和名称',
  severity: '警告',
  description: '基本支出决算表的经济分类科目编码应在部门预算支出经济分类目录中，名称应与编码一致。',
  check({ accounts, year, economic }, report) {
    const t = accounts.T6;
    if (!t) return;
    for (const item of t.items) {
      const verdict = economic.nameMatches(item.code, item.name, year);
      if (verdict === 'match') continue;
      const expected = economic.lookup(item.code, year).entry?.name;
      if (verdict === 'unknown-code')
        report({ table: 'T6', message: `经济分类科目 ${item.code}（${item.name}）不在部门预算支出经济分类目录中（${economic.describe(year)}）。`, cells: (item.codeCells ?? [item.codeCell]).filter(Boolean).length ? (item.codeCells ?? [item.codeCell]).filter(Boolean) : [item.nameCell], actual: item.code });
      else if (item.name)
        report({
          table: 'T6',
          severity: verdict === 'mismatch' && !(expected && nearName(expected, item.name)) ? '错误' : '警告',
          message: `经济分类科目 ${item.code} 写作“${item.name}”，目录中为“${expected}”。`,
          cells: [item.nameCell, ...(item.codeCells ?? [item.codeCell])],
          expected,
          actual: item.name,
        });
    }
  },
};
