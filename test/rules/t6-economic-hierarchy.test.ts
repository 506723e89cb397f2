/** T6-经济分类层级 as a unit: each 类 (301 at 公开06表!C6 = 583.72) equals the sum of its 款 rows. */
import { rule } from '../../src/rules/builtin/t6-economic-hierarchy';
import { ruleTester, yuquanAccounts } from '../ruleTester';

const CELLS_301 = ['公开06表!C6', '公开06表!C7', '公开06表!C8', '公开06表!C9', '公开06表!C10', '公开06表!C11', '公开06表!C12', '公开06表!C13', '公开06表!C14', '公开06表!C15', '公开06表!C16', '公开06表!C17', '公开06表!C18', '公开06表!C19'];

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '301 typed as 501.00 is an error naming the 类 and every 款 cell',
      accounts: () => yuquanAccounts({ '公开06表!C6': '501.00' }),
      findings: [{ severity: '错误', cells: CELLS_301, expected: '583.72', actual: '501.00' }],
    },
    {
      name: '301 off by 0.01 is a 尾差 hint',
      accounts: () => yuquanAccounts({ '公开06表!C6': '583.73' }),
      findings: [{ severity: '提示', cells: CELLS_301, expected: '583.72', actual: '583.73' }],
    },
  ],
});
