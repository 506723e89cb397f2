/**
 * C-总表类名称 as a unit: the expenditure side of 表1 and 表4 names 功能分类 类, checked against the year's 类 names
 * (2021 here). A line written in another year's wording, a 类 the year does not have, and a line that is no 类 at
 * all but holds money are warnings on the label cell; a line with no money that is no 类 is not.
 */
import { rule } from '../../src/rules/builtin/c-class-lines';
import { functionalCatalogue } from '../../src/catalogue';
import { Accounts, Figure } from '../../src/model/types';
import { wan } from '../../src/money/money';
import { ruleTester, yuquanAccounts } from '../ruleTester';

/** The 玉泉 2021 accounts with their 总表 类 lines written as the tables print them: "一、一般公共服务支出" in 公开01表!C7 … */
function printed(edit: (a: Accounts) => void = () => undefined): Accounts {
  const a = yuquanAccounts();
  const cat = functionalCatalogue().forYear(2021);
  const ordinals = '一二三四五六七八九十';
  for (const [id, sheet] of [
    ['T1', '公开01表'],
    ['T4', '公开04表'],
  ] as const) {
    a[id]!.expenditure.forEach((l, i) => {
      l.labelCell = `${sheet}!C${7 + i}`;
      if (l.key.startsWith('class:')) l.label = `${ordinals[i]}、${cat.get(l.key.slice(6))!.name}`;
    });
  }
  edit(a);
  return a;
}

function line(a: Accounts, id: 'T1' | 'T4', key: string) {
  return a[id]!.expenditure.find((l) => l.key === key)!;
}

function amount(cell: string, w: string): Figure {
  return { fen: wan(w), cell, sheet: cell.split('!')[0], row: 0, col: 0, raw: w, halfWidth: 5000, blank: w === '', fromText: false, hiddenPrecision: false, formula: false };
}

ruleTester(rule, {
  valid: [
    { name: 'every 类 line named as in the 2021 catalogue, with its ordinal', accounts: () => printed() },
    {
      name: 'spaces inside a name and no ordinal',
      accounts: () => printed((a) => (line(a, 'T1', 'class:208').label = '社会保障和 就业支出')),
    },
    {
      name: 'a line that is no 类 but holds no money (a blank row label of the form)',
      accounts: () =>
        printed((a) => a.T1!.expenditure.splice(2, 0, { key: 'other:备用行', label: '备用行', labelCell: '公开01表!C30', row: 29, values: { amount: amount('公开01表!D30', '0.00') } })),
    },
  ],
  invalid: [
    {
      name: '207 written with its 2018 name 文化体育与传媒支出 on 公开01表',
      accounts: () => printed((a) => (line(a, 'T1', 'class:207').label = '二、文化体育与传媒支出')),
      findings: [
        {
          severity: '警告',
          cells: ['公开01表!C8'],
          expected: '文化旅游体育与传媒支出',
          actual: '文化体育与传媒支出',
          message: '收入支出决算总表支出方写作“文化体育与传媒支出”，2021年 207 类的名称为“文化旅游体育与传媒支出”（原文是其他年度的名称）。',
        },
      ],
    },
    {
      name: '210 written 医疗卫生支出 on 公开04表 (not a name of any year)',
      accounts: () => printed((a) => (line(a, 'T4', 'class:210').label = '医疗卫生支出')),
      findings: [
        {
          severity: '警告',
          cells: ['公开04表!C10'],
          expected: '卫生健康支出',
          actual: '医疗卫生支出',
          message: '财政拨款收入支出决算总表支出方写作“医疗卫生支出”，2021年 210 类的名称为“卫生健康支出”。',
        },
      ],
    },
    {
      name: 'a 类 code the 2021 catalogue does not have (298)',
      accounts: () => printed((a) => a.T4!.expenditure.splice(8, 0, { key: 'class:298', label: '298 某某改革支出', labelCell: '公开04表!C31', row: 30, values: {} })),
      findings: [
        {
          severity: '警告',
          cells: ['公开04表!C31'],
          expected: undefined,
          actual: undefined,
          message: '财政拨款收入支出决算总表支出方的“298某某改革支出”（298类）不在2021年支出功能分类目录中。',
        },
      ],
    },
    {
      name: 'a line that is no 类 but holds money cannot be matched with the other tables',
      accounts: () =>
        printed((a) => a.T1!.expenditure.splice(2, 0, { key: 'other:专项资金', label: '专项资金 ', labelCell: '公开01表!C30', row: 29, values: { amount: amount('公开01表!D30', '12.00') } })),
      findings: [
        {
          severity: '警告',
          cells: ['公开01表!C30'],
          expected: undefined,
          actual: undefined,
          message: '收入支出决算总表支出方的“专项资金”不是2021年支出功能分类的类名称，无法与其他表按类核对。',
        },
      ],
    },
  ],
});
