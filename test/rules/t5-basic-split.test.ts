/**
 * T5-基本支出构成 as a unit, on the form that splits 基本支出 into 人员经费 (column F) and 公用经费 (column G): every
 * 玉泉 row gets its 基本支出 as 人员经费 and 0 as 公用经费, then one cell is changed per case.
 */
import { rule } from '../../src/rules/builtin/t5-basic-split';
import { Accounts } from '../../src/model/types';
import { ruleTester, setCell, withColumns, yuquanAccounts } from '../ruleTester';

function split(edits: Record<string, string> = {}): Accounts {
  const a = yuquanAccounts();
  const t = a.T5!;
  for (const r of [t.total!, ...t.rows]) {
    const basic = r.values.basic!;
    const n = basic.cell.replace(/^.*![A-Z]+/, '');
    r.values.basicPersonnel = { ...basic, cell: `公开05表!F${n}` };
    r.values.basicPublic = { ...basic, fen: 0, raw: '0', cell: `公开05表!G${n}` };
  }
  withColumns(a, 'T5');
  for (const [cell, w] of Object.entries(edits)) setCell(a, cell, w);
  return a;
}

ruleTester(rule, {
  valid: [
    { name: '基本支出 = 人员经费 + 公用经费 on every row', accounts: () => split() },
    { name: 'the form without the split has no such relation', accounts: () => yuquanAccounts() },
  ],
  invalid: [
    {
      name: '公用经费 of 1.00 on row 8 is an error naming the row',
      accounts: () => split({ '公开05表!G8': '1.00' }),
      findings: [{ severity: '错误', cells: ['公开05表!D8', '公开05表!F8', '公开05表!G8'], expected: '552.68', actual: '551.68' }],
    },
    {
      name: '公用经费 of 0.01 on row 8 is a 尾差 hint',
      accounts: () => split({ '公开05表!G8': '0.01' }),
      findings: [{ severity: '提示', cells: ['公开05表!D8', '公开05表!F8', '公开05表!G8'], expected: '551.69', actual: '551.68' }],
    },
  ],
});
