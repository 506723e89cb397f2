/** S-负数 as a unit: an income or expenditure amount below zero is a warning on its own cell. */
import { rule } from '../../src/rules/builtin/s-negative';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts have no negative amount', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: 'a negative 项目支出 on 公开05表 row 10',
      accounts: () => yuquanAccounts({ '公开05表!E10': '-1.00' }),
      findings: [{ severity: '警告', cells: ['公开05表!E10'], expected: undefined, actual: '-1.00' }],
    },
  ],
});
