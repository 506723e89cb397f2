/** T1-收入总计 as a unit over the 玉泉 2021 accounts built in memory (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/t1-income-grand-total';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '公开01表!C36 = 850.00: a real difference is an error naming every cell',
      accounts: () => yuquanAccounts({ '公开01表!C36': '850.00' }),
      findings: [
        { severity: '错误', cells: ['公开01表!C36', '公开01表!C33', '公开01表!C34', '公开01表!C35'], expected: '853.00', actual: '850.00' },
      ],
    },
    {
      name: '公开01表!C36 = 852.99: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanAccounts({ '公开01表!C36': '852.99' }),
      findings: [
        { severity: '提示', cells: ['公开01表!C36', '公开01表!C33', '公开01表!C34', '公开01表!C35'], expected: '853.00', actual: '852.99' },
      ],
    },
  ],
});
