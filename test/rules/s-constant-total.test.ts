/** S-合计为常数 as a unit: in a table whose other totals are formulas, a 合计 typed as a number is a hint on its cell. */
import { rule } from '../../src/rules/builtin/s-constant-total';
import { Accounts, Figure } from '../../src/model/types';
import { ruleTester, yuquanAccounts } from '../ruleTester';

/** Mark the 总表 totals at `cells` as formulas (the fixture's figures are all typed numbers). */
function formulas(...cells: string[]): Accounts {
  const a = yuquanAccounts();
  for (const l of [...a.T1!.income, ...a.T1!.expenditure]) {
    const f = l.values.amount as Figure;
    if (cells.includes(f.cell)) f.formula = true;
  }
  return a;
}

ruleTester(rule, {
  valid: [
    { name: 'every total typed (no formulas at all)', accounts: () => yuquanAccounts() },
    { name: 'every total a formula', accounts: () => formulas('公开01表!C33', '公开01表!C36', '公开01表!F33', '公开01表!F36') },
  ],
  invalid: [
    {
      name: '支出总计 typed while the three other totals are formulas',
      accounts: () => formulas('公开01表!C33', '公开01表!C36', '公开01表!F33'),
      findings: [{ severity: '提示', cells: ['公开01表!F36'], expected: undefined, actual: undefined }],
    },
  ],
});
