/** T6-人员公用经费合计 as a unit: 人员经费 = 301 + 303, 公用经费 = every other 类 (a 312 line counts). */
import { rule } from '../../src/rules/builtin/t6-personnel-public';
import { Accounts, Figure } from '../../src/model/types';
import { wan } from '../../src/money/money';
import { yuquan2021 } from '../fixtures/specs';
import { accountsFromSpec } from '../narrativeSupport';
import { ruleTester } from '../ruleTester';

function fig(cell: string, w: string): Figure {
  return { fen: wan(w), cell, sheet: 'T6', row: 0, col: 0, raw: w, halfWidth: 5000, blank: false, fromText: false, hiddenPrecision: false, formula: false };
}

function t6(publicTotal: string, withItem312 = true): Accounts {
  const a = accountsFromSpec(yuquan2021);
  const line = (label: string, cell: string, w: string) => ({ key: label, label, labelCell: cell, row: 0, values: { amount: fig(cell, w) } });
  a.T6 = {
    location: a.T6!.location,
    items: [
      { code: '301', name: '工资福利支出', nameCell: 'T6!B1', codeCell: 'T6!A1', value: fig('T6!C1', '500.00') },
      { code: '302', name: '商品和服务支出', nameCell: 'T6!B2', codeCell: 'T6!A2', value: fig('T6!C2', '20.34') },
      { code: '303', name: '对个人和家庭的补助', nameCell: 'T6!B3', codeCell: 'T6!A3', value: fig('T6!C3', '92.91') },
      { code: '310', name: '资本性支出', nameCell: 'T6!B4', codeCell: 'T6!A4', value: fig('T6!C4', '10.00') },
      ...(withItem312 ? [{ code: '312', name: '对企业补助', nameCell: 'T6!B5', codeCell: 'T6!A5', value: fig('T6!C5', '10.00') }] : []),
    ],
    personnelTotal: line('人员经费合计', 'T6!C10', '592.91'),
    publicTotal: line('公用经费合计', 'T6!C11', publicTotal),
  };
  return a;
}

ruleTester(rule, {
  valid: [
    { name: '公用经费合计 = 302 + 310 + 312', accounts: () => t6('40.34') },
    { name: 'without a 312 line', accounts: () => t6('30.34', false) },
  ],
  invalid: [
    {
      name: 'a 312 line left out of 公用经费合计 is an error naming every cell',
      accounts: () => t6('30.34'),
      findings: [{ severity: '错误', cells: ['T6!C11', 'T6!C2', 'T6!C4', 'T6!C5'], expected: '40.34', actual: '30.34' }],
    },
    {
      name: 'a 0.01 万元 difference within the rounding bound is a 尾差 hint',
      accounts: () => t6('40.35'),
      findings: [{ severity: '提示', cells: ['T6!C11', 'T6!C2', 'T6!C4', 'T6!C5'], expected: '40.34', actual: '40.35' }],
    },
  ],
});
