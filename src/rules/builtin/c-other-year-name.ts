import { Rule } from '../types';
import { byCode, codedRows } from '../catalogueRows';

export const rule: Rule = {
  id: 'C-其他年度科目名称',
  title: '使用了其他年度的科目名称',
  severity: '警告',
  description: '科目名称是该编码在其他年度目录中的名称（例如 20805 在较早年度称“行政事业单位离退休”）。',
  check({ accounts, year, functional }, report) {
    for (const [code, refs] of byCode(codedRows(accounts))) {
      for (const r of refs) {
        if (functional.nameMatches(code, r.row.name, year) !== 'other-year-name') continue;
        const { entry, otherYears } = functional.lookup(code, year);
        const years = otherYears.filter((o) => o.name.replace(/\s/g, '') === r.row.name.replace(/\s/g, '')).map((o) => o.year);
        const when = years.length ? `${Math.min(...years)}${years.length > 1 ? `—${Math.max(...years)}` : ''}年` : '其他年度';
        report({
          table: r.table,
          message: entry
            ? `${r.tableName}中科目 ${code} 写作“${r.row.name}”，这是${when}的名称；${year}年目录中为“${entry.name}”。`
            : `${r.tableName}中科目 ${code}“${r.row.name}”见于${when}的目录，${year}年目录中已没有这个编码。`,
          cells: [r.row.nameCell, ...r.row.codeCells],
          expected: entry?.name,
          actual: r.row.name,
        });
      }
    }
  },
};
