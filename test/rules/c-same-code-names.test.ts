/** C-同码异名 as a unit: one code written with two names across the tables is a warning naming every name cell. */
import { rule } from '../../src/rules/builtin/c-same-code-names';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [
    { name: 'the published accounts name every code alike', accounts: () => yuquanAccounts() },
    {
      name: 'a trailing space is not a different name',
      accounts: () => {
        const a = yuquanAccounts();
        a.T3!.rows[0].name = '一般公共服务支出 ';
        return a;
      },
    },
  ],
  invalid: [
    {
      name: '201 written 一般公共服务 on 公开03表',
      accounts: () => {
        const a = yuquanAccounts();
        a.T3!.rows[0].name = '一般公共服务';
        return a;
      },
      findings: [{ severity: '警告', cells: ['公开02表!B8', '公开03表!B8', '公开05表!B8'], expected: undefined, actual: undefined }],
    },
  ],
});
