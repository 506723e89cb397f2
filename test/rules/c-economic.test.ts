/**
 * C-经济分类科目 as a unit, against the shipped 经济分类 catalogue (2021 accounts): a code the catalogue does not have
 * is a warning on its code cells (the name cell when the code has none of its own); a name plainly not the code's
 * is an error on the name and code cells; a near name (a bracket or a word left out) a warning.
 */
import { rule } from '../../src/rules/builtin/c-economic';
import { Accounts } from '../../src/model/types';
import { ruleTester, yuquanAccounts } from '../ruleTester';

/** The 玉泉 2021 accounts with 表6's items at cells: codes in column A, names in B, from row 7. */
function placed(edit: (items: NonNullable<Accounts['T6']>['items']) => void = () => undefined): Accounts {
  const a = yuquanAccounts();
  a.T6!.items.forEach((it, i) => {
    it.codeCell = `公开06表!A${7 + i}`;
    it.nameCell = `公开06表!B${7 + i}`;
  });
  edit(a.T6!.items);
  return a;
}

const item = (items: NonNullable<Accounts['T6']>['items'], code: string) => items.find((i) => i.code === code)!;

ruleTester(rule, {
  valid: [
    { name: 'every item named as in the catalogue', accounts: () => placed() },
    { name: 'full-width and half-width brackets are the same name', accounts: () => placed((items) => (item(items, '30212').name = '因公出国(境)费用')) },
    { name: 'no 表6: nothing to check', accounts: () => Object.assign(yuquanAccounts(), { T6: undefined }) },
  ],
  invalid: [
    {
      name: '30201 办公费 written 取暖费: a name of another code is an error',
      accounts: () => placed((items) => (item(items, '30201').name = '取暖费')),
      findings: [
        {
          severity: '错误',
          cells: ['公开06表!B35', '公开06表!A35'],
          expected: '办公费',
          actual: '取暖费',
          message: '经济分类科目 30201 写作“取暖费”，目录中为“办公费”。',
        },
      ],
    },
    {
      name: '30212 written 因公出国费用 (the bracket left out): a near name is a warning',
      accounts: () => placed((items) => (item(items, '30212').name = '因公出国费用')),
      findings: [
        {
          severity: '警告',
          cells: ['公开06表!B45', '公开06表!A45'],
          expected: '因公出国（境）费用',
          actual: '因公出国费用',
          message: '经济分类科目 30212 写作“因公出国费用”，目录中为“因公出国（境）费用”。',
        },
      ],
    },
    {
      name: 'a code the catalogue does not have (30298), split over 类 and 款 cells',
      accounts: () =>
        placed((items) => {
          const it = item(items, '30299');
          it.code = '30298';
          it.codeCells = ['公开06表!A57', '公开06表!B57'];
          it.nameCell = '公开06表!C57';
        }),
      findings: [
        {
          severity: '警告',
          cells: ['公开06表!A57', '公开06表!B57'],
          expected: undefined,
          actual: '30298',
          message: '经济分类科目 30298（其他商品和服务支出）不在部门预算支出经济分类目录中（内置2021年部门预算支出经济分类科目（110条））。',
        },
      ],
    },
    {
      name: 'an unknown code written inside its name (no code cell): the finding names the name cell',
      accounts: () =>
        placed((items) => {
          const it = item(items, '39999');
          it.code = '39998';
          it.name = '其他支出';
          it.codeCell = '';
          it.codeCells = [];
        }),
      findings: [
        {
          severity: '警告',
          cells: ['公开06表!B79'],
          expected: undefined,
          actual: '39998',
          message: '经济分类科目 39998（其他支出）不在部门预算支出经济分类目录中（内置2021年部门预算支出经济分类科目（110条））。',
        },
      ],
    },
  ],
});
