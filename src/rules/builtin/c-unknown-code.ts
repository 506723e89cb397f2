import { Rule } from '../types';
import { byCode, codedRows } from '../catalogueRows';

/** Unknown is not wrong: the built-in catalogue may simply not list a local or rare 科目. */
export const rule: Rule = {
  id: 'C-科目编码未收录',
  title: '科目编码不在本年度目录中',
  severity: '警告',
  description: '功能分类科目编码在决算年度的《政府收支分类科目》目录（内置目录及用户补充）中找不到。',
  check({ accounts, year, functional }, report) {
    for (const [code, refs] of byCode(codedRows(accounts))) {
      if (functional.nameMatches(code, refs[0].row.name, year) !== 'unknown-code') continue;
      const tables = [...new Set(refs.map((r) => r.tableName))].join('、');
      report({
        table: refs[0].table,
        message: `科目编码 ${code}（${refs[0].row.name}）不在${year}年支出功能分类科目目录中（${functional.describe(year)}），请核对编码；如为地方科目，可在“本地科目”工作表中补充。出现在：${tables}。`,
        // A finding always carries cells: the code cells, or the name cell when the code sits inside the name.
        cells: refs.flatMap((r) => (r.row.codeCells.length ? r.row.codeCells : [r.row.nameCell])),
        actual: code,
      });
    }
  },
};
