/** X-T1支出=T3 as a unit over the 玉泉 2021 accounts built in memory (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/x-t1-expenditure-t3';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '公开03表!C7 = 854.00: a real difference is an error naming every cell',
      accounts: () => yuquanAccounts({ '公开03表!C7': '854.00' }),
      findings: [
        { severity: '错误', cells: ['公开01表!F33', '公开03表!C7'], expected: '854.00', actual: '853.00' },
      ],
    },
    {
      name: '公开03表!C7 = 853.01: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanAccounts({ '公开03表!C7': '853.01' }),
      findings: [
        { severity: '提示', cells: ['公开01表!F33', '公开03表!C7'], expected: '853.01', actual: '853.00' },
      ],
    },
  ],
});
