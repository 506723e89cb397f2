/** T8-科目层级 as a unit over the 玉泉 2021 accounts built in memory (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/t8-hierarchy';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '公开08表!D9 = 10.72: a real difference is an error naming every cell',
      accounts: () => yuquanAccounts({ '公开08表!D9': '10.72' }),
      findings: [
        { severity: '错误', cells: ['公开08表!D8', '公开08表!D9'], expected: '10.72', actual: '9.72' },
        { severity: '错误', cells: ['公开08表!D9', '公开08表!D10'], expected: '9.72', actual: '10.72' },
      ],
    },
    {
      name: '公开08表!D9 = 9.73: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanAccounts({ '公开08表!D9': '9.73' }),
      findings: [
        { severity: '提示', cells: ['公开08表!D8', '公开08表!D9'], expected: '9.73', actual: '9.72' },
        { severity: '提示', cells: ['公开08表!D9', '公开08表!D10'], expected: '9.72', actual: '9.73' },
      ],
    },
  ],
});
