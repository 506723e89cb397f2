import { Rule } from '../types';

/** A value with more decimals than the table shows: the printed table and the sums disagree silently. */
export const rule: Rule = {
  id: 'S-隐藏精度',
  title: '单元格数值比显示的位数更精确',
  severity: '警告',
  description: '单元格中保存的数值比显示的小数位更多（例如 853.004 显示为 853.00），公开的表与合计会出现看不见的差异。',
  check({ accounts }, report) {
    const seen = new Set<string>();
    for (const table of ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'] as const) {
      const cells: string[] = [];
      const visit = (v: unknown): void => {
        if (!v || typeof v !== 'object') return;
        if ('hiddenPrecision' in v && 'cell' in v) {
          const f = v as { hiddenPrecision: boolean; cell: string; raw: string };
          if (f.hiddenPrecision && !seen.has(f.cell)) {
            seen.add(f.cell);
            cells.push(f.cell);
          }
          return;
        }
        for (const [k, x] of Object.entries(v)) if (k !== 'location') visit(x);
      };
      visit(accounts[table]);
      if (cells.length)
        report({
          table,
          message: `有 ${cells.length} 个单元格保存的数值比显示的位数更精确（如 ${cells[0]}），请将其四舍五入到显示的位数，使公开的表与合计一致。`,
          cells,
        });
    }
  },
};
