/** X-T5基本支出=T6 as a unit over the 玉泉 2021 accounts built in memory (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/x-t5-basic-t6';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '公开05表!D7 = 624.25: a real difference is an error naming every cell',
      accounts: () => yuquanAccounts({ '公开05表!D7': '624.25' }),
      findings: [
        { severity: '错误', cells: ['公开05表!D7', '公开06表!C33', '公开06表!I33'], expected: '623.25', actual: '624.25' },
      ],
    },
    {
      name: '公开05表!D7 = 623.26: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanAccounts({ '公开05表!D7': '623.26' }),
      findings: [
        { severity: '提示', cells: ['公开05表!D7', '公开06表!C33', '公开06表!I33'], expected: '623.25', actual: '623.26' },
      ],
    },
  ],
});
