import { Rule } from '../types';
import { codedRows } from '../catalogueRows';

export const rule: Rule = {
  id: 'C-缺少上级科目',
  title: '项或款缺少其上级科目行',
  severity: '错误',
  description: '表中列出了某个项（或款），却没有它所属的款（或类）行，合计无法逐级核对。',
  check({ accounts }, report) {
    const refs = codedRows(accounts);
    const present = new Map<string, Set<string>>();
    for (const r of refs) {
      if (!present.has(r.table)) present.set(r.table, new Set());
      present.get(r.table)!.add(r.row.code);
    }
    // A flat table listing only 项 rows is a layout choice, not a missing line.
    const hasClasses = new Map([...present].map(([t, codes]) => [t, [...codes].some((c) => c.length === 3)]));
    // A table that lists 类 and 项 but no 款 at all is also a layout choice: its 项 then hang under their 类.
    const hasItems = new Map([...present].map(([t, codes]) => [t, [...codes].some((c) => c.length === 5)]));
    for (const r of refs) {
      const codes = present.get(r.table)!;
      if (!hasClasses.get(r.table)) continue;
      const { code } = r.row;
      const parent =
        code.length === 7 ? (hasItems.get(r.table) ? code.slice(0, 5) : code.slice(0, 3)) : code.length === 5 ? code.slice(0, 3) : undefined;
      if (!parent || codes.has(parent)) continue;
      report({
        table: r.table,
        message: `${r.tableName}中有${code.length === 7 ? '项' : '款'} ${code} ${r.row.name}，但没有其上级${parent.length === 5 ? '款' : '类'} ${parent} 行。`,
        cells: [...r.row.codeCells, r.row.nameCell],
        expected: parent,
      });
    }
  },
};
