import { Rule } from '../types';
import { byCode, codedRows } from '../catalogueRows';

export const rule: Rule = {
  id: 'C-科目名称不符',
  title: '科目名称与编码不符',
  severity: '错误',
  description: '科目名称与决算年度目录中该编码的名称不一致（已容忍全角/半角括号、空格和换行）。',
  check({ accounts, year, functional }, report) {
    for (const [code, refs] of byCode(codedRows(accounts))) {
      for (const r of refs) {
        if (functional.nameMatches(code, r.row.name, year) !== 'mismatch') continue;
        const expected = functional.lookup(code, year).entry!.name;
        report({
          table: r.table,
          message: `${r.tableName}中科目 ${code} 的名称写作“${r.row.name}”，${year}年目录中 ${code} 为“${expected}”。`,
          cells: [r.row.nameCell, ...r.row.codeCells],
          expected,
          actual: r.row.name,
        });
      }
    }
  },
};
