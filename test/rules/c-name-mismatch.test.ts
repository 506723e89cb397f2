/** C-科目名称不符 as a unit, against the shipped 功能分类 catalogue: a listed code under another name is an error on its name cell. */
import { rule } from '../../src/rules/builtin/c-name-mismatch';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts name every code as the catalogue does', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '2010301 行政运行 written 行政管理 on 公开02表',
      accounts: () => {
        const a = yuquanAccounts();
        a.T2!.rows.find((r) => r.code === '2010301')!.name = '行政管理';
        return a;
      },
      findings: [{ severity: '错误', cells: ['公开02表!B10'], expected: '行政运行', actual: '行政管理' }],
    },
  ],
});
