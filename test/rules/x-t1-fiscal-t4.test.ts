/** X-T1财政拨款=T4 as a unit over the 玉泉 2021 accounts built in memory (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/x-t1-fiscal-t4';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '公开04表!C7 = 844.28: a real difference is an error naming every cell',
      accounts: () => yuquanAccounts({ '公开04表!C7': '844.28' }),
      findings: [
        { severity: '错误', cells: ['公开01表!C7', '公开04表!C7'], expected: '844.28', actual: '843.28' },
      ],
    },
    {
      name: '公开04表!C7 = 843.29: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanAccounts({ '公开04表!C7': '843.29' }),
      findings: [
        { severity: '提示', cells: ['公开01表!C7', '公开04表!C7'], expected: '843.29', actual: '843.28' },
      ],
    },
  ],
});
