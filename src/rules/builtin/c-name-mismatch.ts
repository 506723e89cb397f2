import { Rule } from '../types';
import { byCode, codedRows } from '../catalogueRows';
import { isUncertain, nearName } from '../../catalogue';

/**
 * Near misses are warnings, not errors: the built-in catalogue is transcribed, and a name that differs only by
 * a "支出"/"事务" ending or by one containing the other is more often a transcription variant than a wrong 科目.
 * So is a mismatch against an entry the catalogue itself marks as uncertain (待核实).
 */
export const rule: Rule = {
  id: 'C-科目名称不符',
  title: '科目名称与编码不符',
  severity: '错误',
  description:
    '科目名称与决算年度目录中该编码的名称不一致（已容忍全角/半角括号、空格和换行）；名称只差“支出”等词尾、或目录条目本身存疑时为警告。',
  check({ accounts, year, functional }, report) {
    for (const [code, refs] of byCode(codedRows(accounts))) {
      for (const r of refs) {
        if (functional.nameMatches(code, r.row.name, year) !== 'mismatch') continue;
        const entry = functional.lookup(code, year).entry!;
        const soft = isUncertain(entry) || nearName(entry.name, r.row.name);
        report({
          table: r.table,
          severity: soft ? '警告' : undefined,
          message: `${r.tableName}中科目 ${code} 的名称写作“${r.row.name}”，${year}年目录中 ${code} 为“${entry.name}”${soft ? '（名称相近，请核对）' : ''}。`,
          cells: [r.row.nameCell, ...r.row.codeCells],
          expected: entry.name,
          actual: r.row.name,
        });
      }
    }
  },
};
