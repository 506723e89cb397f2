/** S-隐藏精度 as a unit: cells holding more decimals than shown are one warning per table, listing the cells. */
import { rule } from '../../src/rules/builtin/s-hidden-precision';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts show every value in full', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: 'two cells of 公开05表 with hidden decimals',
      accounts: () => {
        const a = yuquanAccounts();
        a.T5!.total!.values.total!.hiddenPrecision = true;
        a.T5!.rows[0].values.basic!.hiddenPrecision = true;
        return a;
      },
      findings: [{ severity: '警告', cells: ['公开05表!C7', '公开05表!D8'], expected: undefined, actual: undefined }],
    },
  ],
});
