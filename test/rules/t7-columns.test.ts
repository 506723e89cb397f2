/** T7-栏目齐全 as a unit: a missing 预算数 / 决算数 column of the 三公 table is one error on the table's range. */
import { rule } from '../../src/rules/builtin/t7-columns';
import { ruleTester, yuquanAccounts } from '../ruleTester';

const ONE = [{ severity: '错误' as const, cells: ['公开07表!A1:I40'], expected: undefined, actual: undefined }];

ruleTester(rule, {
  valid: [
    { name: 'the published accounts have every column', accounts: () => yuquanAccounts() },
    {
      name: 'a form giving the vehicle cost without its split',
      accounts: () => {
        const a = yuquanAccounts();
        for (const v of [a.T7!.budget, a.T7!.actual]) {
          delete v.vehiclePurchase;
          delete v.vehicleRunning;
        }
        return a;
      },
    },
  ],
  invalid: [
    {
      name: 'no 公务接待费 决算数',
      accounts: () => {
        const a = yuquanAccounts();
        delete a.T7!.actual.reception;
        return a;
      },
      findings: ONE,
    },
    {
      name: 'half of the vehicle split: 购置费 without 运行维护费 预算数',
      accounts: () => {
        const a = yuquanAccounts();
        delete a.T7!.budget.vehicleRunning;
        return a;
      },
      findings: ONE,
    },
  ],
});
