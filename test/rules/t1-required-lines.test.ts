/** T1-必备行 as a unit: a missing total line is its own error on the table's range, never read as 0. */
import { rule } from '../../src/rules/builtin/t1-required-lines';
import { Accounts } from '../../src/model/types';
import { ruleTester, yuquanAccounts } from '../ruleTester';

function withoutIncomeLine(key: string): Accounts {
  const a = yuquanAccounts();
  a.T1!.income = a.T1!.income.filter((l) => l.key !== key);
  return a;
}

ruleTester(rule, {
  valid: [
    { name: 'the published accounts have every line', accounts: () => yuquanAccounts() },
    {
      name: 'an older form with 财政拨款收入 in place of 一般公共预算财政拨款收入',
      accounts: () => {
        const a = yuquanAccounts();
        const g = a.T1!.income.find((l) => l.key === 'generalBudget')!;
        g.key = 'fiscal';
        return a;
      },
    },
  ],
  invalid: [
    { name: 'no 本年收入合计 line', accounts: () => withoutIncomeLine('incomeTotal'), findings: [{ severity: '错误', cells: ['公开01表!A1:I40'], expected: undefined, actual: undefined }] },
    { name: 'no 一般公共预算财政拨款收入 line', accounts: () => withoutIncomeLine('generalBudget'), findings: [{ severity: '错误', cells: ['公开01表!A1:I40'], expected: undefined, actual: undefined }] },
    {
      name: 'neither 收入总计 nor 支出总计: one finding each',
      accounts: () => {
        const a = withoutIncomeLine('grandTotal');
        a.T1!.expenditure = a.T1!.expenditure.filter((l) => l.key !== 'grandTotal');
        return a;
      },
      findings: [
        { severity: '错误', cells: ['公开01表!A1:I40'], expected: undefined, actual: undefined },
        { severity: '错误', cells: ['公开01表!A1:I40'], expected: undefined, actual: undefined },
      ],
    },
  ],
});
