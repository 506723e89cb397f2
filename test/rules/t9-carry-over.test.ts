/** T9-结转平衡 as a unit over the 玉泉 2021 accounts built in memory with a 公开09表 shaped like their 公开08表 (yuquanWithT9) (every relation holds), with one cell changed per case. */
import { rule } from '../../src/rules/builtin/t9-carry-over';
import { ruleTester, yuquanWithT9 } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts, exact to the 分', accounts: () => yuquanWithT9() }],
  invalid: [
    {
      name: '公开09表!H9 = 1.00: a real difference is an error naming every cell',
      accounts: () => yuquanWithT9({ '公开09表!H9': '1.00' }),
      findings: [
        { severity: '错误', cells: ['公开09表!H9', '公开09表!C9', '公开09表!D9', '公开09表!E9'], expected: '0.00', actual: '1.00' },
      ],
    },
    {
      name: '公开09表!H9 = 0.01: a difference within the rounding bound is a 尾差 hint',
      accounts: () => yuquanWithT9({ '公开09表!H9': '0.01' }),
      findings: [
        { severity: '提示', cells: ['公开09表!H9', '公开09表!C9', '公开09表!D9', '公开09表!E9'], expected: '0.00', actual: '0.01' },
      ],
    },
  ],
});
