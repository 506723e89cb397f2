/** C-科目编码未收录 as a unit, against the shipped 功能分类 catalogue: a code no year lists is a warning on its code cell. */
import { rule } from '../../src/rules/builtin/c-unknown-code';
import { ruleTester, yuquanAccounts } from '../ruleTester';

ruleTester(rule, {
  valid: [{ name: 'the published accounts use listed codes only', accounts: () => yuquanAccounts() }],
  invalid: [
    {
      name: '2010301 mistyped as 2010398 on 公开02表',
      accounts: () => {
        const a = yuquanAccounts();
        const row = a.T2!.rows.find((r) => r.code === '2010301')!;
        row.code = '2010398';
        row.codeCells = ['公开02表!A10'];
        return a;
      },
      findings: [{ severity: '警告', cells: ['公开02表!A10'], expected: undefined, actual: '2010398' }],
    },
  ],
});
