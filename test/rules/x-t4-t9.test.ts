/**
 * X-T4国资=T9 as a unit: the 国有资本经营 column of the 财政拨款 总表 against the 国资 table. The 玉泉 unit has none:
 * its 公开09表 is empty, which stands for exactly 0 (no rounding interval), so even 0.01 on the 总表 is an error.
 */
import { rule } from '../../src/rules/builtin/x-t4-t9';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'an empty 公开09表 and a 国有资本经营 column of zeros', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '1.00 of 国有资本经营 支出 against an empty 公开09表',
      accounts: () => yuquanAccounts({ '公开04表!I33': '1.00' }),
      findings: [{ severity: '错误', cells: ['公开04表!I33', '公开09表!A1:I40'], expected: '0.00', actual: '1.00' }],
    },
    {
      name: '0.01 against an empty table is still an error (an empty table is exactly 0)',
      accounts: () => yuquanAccounts({ '公开04表!I33': '0.01' }),
      findings: [{ severity: '错误', cells: ['公开04表!I33', '公开09表!A1:I40'], expected: '0.00', actual: '0.01' }],
    },
    {
      name: '1.00 of 国有资本经营 收入 against an empty 公开09表',
      accounts: () => yuquanAccounts({ '公开04表!C9': '1.00' }),
      findings: [{ severity: '错误', cells: ['公开04表!C9', '公开09表!A1:I40'], expected: '0.00', actual: '1.00' }],
    },
  ],
});
