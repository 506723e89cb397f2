import { Rule } from '../types';
import { byCode, codedRows } from '../catalogueRows';
import { normaliseCatalogueName } from '../../catalogue';

export const rule: Rule = {
  id: 'C-同码异名',
  title: '同一编码在各表中名称不同',
  severity: '警告',
  description: '同一个科目编码在不同的表中写成了不同的名称。',
  check({ accounts }, report) {
    for (const [code, refs] of byCode(codedRows(accounts))) {
      const names = new Map<string, typeof refs>();
      for (const r of refs) {
        const n = normaliseCatalogueName(r.row.name);
        names.set(n, [...(names.get(n) || []), r]);
      }
      if (names.size < 2) continue;
      const groups = [...names.values()];
      report({
        table: groups[0][0].table,
        message: `科目 ${code} 在各表中的名称不一致：${groups.map((g) => `${[...new Set(g.map((r) => r.tableName))].join('、')}写作“${g[0].row.name}”`).join('；')}。`,
        cells: refs.map((r) => r.row.nameCell),
      });
    }
  },
};
