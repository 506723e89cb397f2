/** X-T6三公≤T7 as a unit: 30231 公务用车运行维护费 in 基本支出 (公开06表!I7) may not exceed the 三公 table's 决算数 (公开07表!K8 = 5.00). */
import { rule } from '../../src/rules/builtin/x-t6-three-public-t7';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'the published accounts: 30231 = 5.00 = 三公 运行维护费', accounts: () => yuquanAccounts() },
    { name: 'a 30231 smaller than the 三公 figure (the rest paid from 项目支出)', accounts: () => yuquanAccounts({ '公开06表!I7': '3.00' }) },
    { name: 'a 30231 above by 0.01, within the two rounding half-widths, is no finding', accounts: () => yuquanAccounts({ '公开06表!I7': '5.01' }) },
  ],
  invalid: [
    {
      name: 'a 30231 of 6.00 against 5.00 in the 三公 table is a warning naming both cells',
      accounts: () => yuquanAccounts({ '公开06表!I7': '6.00' }),
      findings: [
        {
          severity: '警告',
          cells: ['公开06表!I7', '公开07表!K8'],
          expected: '≤ 5.00',
          actual: '6.00',
          message: '基本支出决算表 30231 公务用车运行维护费 为 6.00万元，大于“三公”经费表公务用车运行维护费决算数 5.00万元；基本支出决算表只含一般公共预算财政拨款，应包含在“三公”经费财政拨款决算数之内，请核对。',
        },
      ],
    },
    {
      name: 'no 三公 spending in the 三公 table (all 0.00) while 表6 shows 30231: a warning, not a scope difference',
      accounts: () => yuquanAccounts({ '公开07表!K8': '0.00' }),
      findings: [{ severity: '警告', cells: ['公开06表!I7', '公开07表!K8'], expected: '≤ 0.00', actual: '5.00' }],
    },
  ],
});
