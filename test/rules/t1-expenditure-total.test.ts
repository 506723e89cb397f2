/** T1-本年支出合计 as a unit over the 玉泉 2021 accounts built in memory (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/t1-expenditure-total';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '公开01表!F33 = 860.00: a real difference is an error naming every cell',
      accounts: () => yuquanAccounts({ '公开01表!F33': '860.00' }),
      findings: [
        { severity: '错误', cells: ['公开01表!F33', '公开01表!F7', '公开01表!F13', '公开01表!F14', '公开01表!F15', '公开01表!F17', '公开01表!F18', '公开01表!F25', '公开01表!F29'], expected: '853.00', actual: '860.00' },
      ],
    },
    {
      name: '公开01表!F33 = 853.01: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanAccounts({ '公开01表!F33': '853.01' }),
      findings: [
        { severity: '提示', cells: ['公开01表!F33', '公开01表!F7', '公开01表!F13', '公开01表!F14', '公开01表!F15', '公开01表!F17', '公开01表!F18', '公开01表!F25', '公开01表!F29'], expected: '853.00', actual: '853.01' },
      ],
    },
  ],
});
