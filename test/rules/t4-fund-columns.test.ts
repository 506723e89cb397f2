/** T4-分资金合计 as a unit over the 玉泉 2021 accounts built in memory (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/t4-fund-columns';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '公开04表!F13 = 6.74: a real difference is an error naming every cell',
      accounts: () => yuquanAccounts({ '公开04表!F13': '6.74' }),
      findings: [
        { severity: '错误', cells: ['公开04表!F13', '公开04表!G13', '公开04表!H13', '公开04表!I13'], expected: '5.74', actual: '6.74' },
      ],
    },
    {
      name: '公开04表!F13 = 5.75: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanAccounts({ '公开04表!F13': '5.75' }),
      findings: [
        { severity: '提示', cells: ['公开04表!F13', '公开04表!G13', '公开04表!H13', '公开04表!I13'], expected: '5.74', actual: '5.75' },
      ],
    },
  ],
});
