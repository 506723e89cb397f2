/** C-缺少上级科目 as a unit: a 项 listed without its 款 row is an error on each orphan's name cell. */
import { rule } from '../../src/rules/builtin/c-missing-parent';
import { Accounts } from '../../src/model/types';
import { ruleTester, yuquanAccounts } from '../ruleTester';

function without20103(): Accounts {
  const a = yuquanAccounts();
  a.T2!.rows = a.T2!.rows.filter((r) => r.code !== '20103');
  return a;
}

ruleTester(rule, {
  valid: [
    { name: 'the published accounts list every 类 and 款', accounts: () => yuquanAccounts() },
    {
      name: 'a flat table of 项 rows only is a layout choice',
      accounts: () => {
        const a = yuquanAccounts();
        a.T2!.rows = a.T2!.rows.filter((r) => r.code.length === 7);
        return a;
      },
    },
  ],
  invalid: [
    {
      name: '款 20103 dropped from 公开02表: each of its five 项 names the missing parent',
      accounts: without20103,
      findings: ['B10', 'B11', 'B12', 'B13', 'B14'].map((c) => ({ severity: '错误' as const, cells: [`公开02表!${c}`], expected: '20103', actual: undefined })),
    },
  ],
});
