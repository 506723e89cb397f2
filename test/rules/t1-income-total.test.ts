/** T1-本年收入合计 as a unit over the 玉泉 2021 accounts built in memory (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/t1-income-total';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '公开01表!C33 = 854.00: a real difference is an error naming every cell',
      accounts: () => yuquanAccounts({ '公开01表!C33': '854.00' }),
      findings: [
        { severity: '错误', cells: ['公开01表!C33', '公开01表!C7', '公开01表!C8', '公开01表!C9', '公开01表!C10', '公开01表!C11', '公开01表!C12', '公开01表!C13', '公开01表!C14'], expected: '853.00', actual: '854.00' },
      ],
    },
    {
      name: '公开01表!C33 = 853.01: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanAccounts({ '公开01表!C33': '853.01' }),
      findings: [
        { severity: '提示', cells: ['公开01表!C33', '公开01表!C7', '公开01表!C8', '公开01表!C9', '公开01表!C10', '公开01表!C11', '公开01表!C12', '公开01表!C13', '公开01表!C14'], expected: '853.00', actual: '853.01' },
      ],
    },
  ],
});
