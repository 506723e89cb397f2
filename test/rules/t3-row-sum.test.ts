/** T3-行内合计 as a unit over the 玉泉 2021 accounts built in memory (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/t3-row-sum';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanAccounts({ '公开03表!E7': '229.75' }) }],
  invalid: [
    {
      name: 'the published 合计 row: 623.25 + 229.76 against 853.00 is the fixture’s own 尾差, a hint',
      accounts: () => yuquanAccounts(),
      findings: [{ severity: '提示', cells: ['公开03表!C7', '公开03表!D7', '公开03表!E7', '公开03表!F7', '公开03表!G7', '公开03表!H7'], expected: '853.01', actual: '853.00' }],
    },
    {
      name: '公开03表!C9 = 640.00: a real difference is an error naming every cell',
      accounts: () => yuquanAccounts({ '公开03表!E7': '229.75', '公开03表!C9': '640.00' }),
      findings: [
        { severity: '错误', cells: ['公开03表!C9', '公开03表!D9', '公开03表!E9', '公开03表!F9', '公开03表!G9', '公开03表!H9'], expected: '638.90', actual: '640.00' },
      ],
    },
    {
      name: '公开03表!C9 = 638.91: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanAccounts({ '公开03表!E7': '229.75', '公开03表!C9': '638.91' }),
      findings: [
        { severity: '提示', cells: ['公开03表!C9', '公开03表!D9', '公开03表!E9', '公开03表!F9', '公开03表!G9', '公开03表!H9'], expected: '638.90', actual: '638.91' },
      ],
    },
  ],
});
