/** T4-必备行 as a unit: a missing total line of the 财政拨款 总表 is its own error on the table's range. */
import { rule } from '../../src/rules/builtin/t4-required-lines';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts have every line', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: 'no 支出总计 line',
      accounts: () => {
        const a = yuquanAccounts();
        a.T4!.expenditure = a.T4!.expenditure.filter((l) => l.key !== 'grandTotal');
        return a;
      },
      findings: [{ severity: '错误', cells: ['公开04表!A1:I40'], expected: undefined, actual: undefined }],
    },
  ],
});
