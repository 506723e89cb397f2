/** T7-三公合计 as a unit over the 玉泉 2021 accounts built in memory (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/t7-totals';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '公开07表!G8 = 6.00: a real difference is an error naming every cell',
      accounts: () => yuquanAccounts({ '公开07表!G8': '6.00' }),
      findings: [
        { severity: '错误', cells: ['公开07表!G8', '公开07表!H8', '公开07表!I8', '公开07表!L8'], expected: '5.00', actual: '6.00' },
      ],
    },
    {
      name: '公开07表!G8 = 5.01: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanAccounts({ '公开07表!G8': '5.01' }),
      findings: [
        { severity: '提示', cells: ['公开07表!G8', '公开07表!H8', '公开07表!I8', '公开07表!L8'], expected: '5.00', actual: '5.01' },
      ],
    },
  ],
});
