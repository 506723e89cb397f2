/** T9-支出合计 as a unit over the 玉泉 2021 accounts built in memory with a 公开09表 shaped like their 公开08表 (yuquanWithT9) (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/t9-expenditure-sum';
import { ruleTester, yuquanWithT9 } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanWithT9() }],
  invalid: [
    {
      name: '公开09表!E9 = 10.72: a real difference is an error naming every cell',
      accounts: () => yuquanWithT9({ '公开09表!E9': '10.72' }),
      findings: [
        { severity: '错误', cells: ['公开09表!E9', '公开09表!F9', '公开09表!G9'], expected: '9.72', actual: '10.72' },
      ],
    },
    {
      name: '公开09表!E9 = 9.73: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanWithT9({ '公开09表!E9': '9.73' }),
      findings: [
        { severity: '提示', cells: ['公开09表!E9', '公开09表!F9', '公开09表!G9'], expected: '9.72', actual: '9.73' },
      ],
    },
  ],
});
