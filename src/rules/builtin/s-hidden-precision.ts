import { Rule } from '../types';
import { allFigures } from '../lines';

/** A value with more decimals than the table shows: the printed table and the sums disagree silently. */
export const rule: Rule = {
  id: 'S-隐藏精度',
  title: '单元格数值比显示的位数更精确',
  severity: '警告',
  description: '单元格中保存的数值比显示的小数位更多（例如 853.004 显示为 853.00），公开的表与合计会出现看不见的差异。',
  check({ accounts }, report) {
    const byTable = new Map<string, string[]>();
    for (const x of allFigures(accounts)) {
      if (!x.figure.hiddenPrecision) continue;
      const cells = byTable.get(x.table) ?? [];
      if (!cells.includes(x.figure.cell)) cells.push(x.figure.cell);
      byTable.set(x.table, cells);
    }
    for (const [table, cells] of byTable)
      report({
        table,
        message: `有 ${cells.length} 个单元格保存的数值比显示的位数更精确（如 ${cells[0]}），请将其四舍五入到显示的位数，使公开的表与合计一致。`,
        cells,
      });
  },
};
