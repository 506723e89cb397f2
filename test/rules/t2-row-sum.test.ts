/** T2-行内合计 as a unit over the 玉泉 2021 accounts built in memory (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/t2-row-sum';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '公开02表!C9 = 640.00: a real difference is an error naming every cell',
      accounts: () => yuquanAccounts({ '公开02表!C9': '640.00' }),
      findings: [
        { severity: '错误', cells: ['公开02表!C9', '公开02表!D9', '公开02表!E9', '公开02表!F9', '公开02表!G9', '公开02表!H9', '公开02表!I9'], expected: '638.90', actual: '640.00' },
      ],
    },
    {
      name: '公开02表!C9 = 638.91: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanAccounts({ '公开02表!C9': '638.91' }),
      findings: [
        { severity: '提示', cells: ['公开02表!C9', '公开02表!D9', '公开02表!E9', '公开02表!F9', '公开02表!G9', '公开02表!H9', '公开02表!I9'], expected: '638.90', actual: '638.91' },
      ],
    },
  ],
});
