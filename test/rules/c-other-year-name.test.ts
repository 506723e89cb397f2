/**
 * C-其他年度科目名称 as a unit, against the shipped 功能分类 catalogue (2021 accounts): a name that is this code's
 * name in another year's catalogue is a warning on the name cell (and the code cells), saying which year's name it
 * is and what the year's catalogue calls it — or that the year no longer has the code.
 */
import { rule } from '../../src/rules/builtin/c-other-year-name';
import { Accounts } from '../../src/model/types';
import { ruleTester, yuquanAccounts } from '../ruleTester';

function rename(a: Accounts, id: 'T2' | 'T3' | 'T5', code: string, name: string): Accounts {
  a[id]!.rows.find((r) => r.code === code)!.name = name;
  return a;
}

ruleTester(rule, {
  valid: [
    { name: 'the published accounts use the 2021 names', accounts: () => yuquanAccounts() },
    // Another name that is no year's name is C-科目名称不符's finding, not this rule's.
    { name: 'a name of no year at all is not an other-year name', accounts: () => rename(yuquanAccounts(), 'T2', '20805', '养老支出') },
    {
      name: 'an empty table is not read for codes',
      accounts: () => {
        const a = rename(yuquanAccounts(), 'T5', '20805', '行政事业单位离退休');
        a.T5!.location.empty = true;
        return a;
      },
    },
  ],
  invalid: [
    {
      name: '20805 written 行政事业单位离退休 (its 2020 name) on 公开02表',
      accounts: () => rename(yuquanAccounts(), 'T2', '20805', '行政事业单位离退休'),
      findings: [
        {
          severity: '警告',
          cells: ['公开02表!B28'],
          expected: '行政事业单位养老支出',
          actual: '行政事业单位离退休',
          message: '收入决算表中科目 20805 写作“行政事业单位离退休”，这是2020年的名称；2021年目录中为“行政事业单位养老支出”。',
        },
      ],
    },
    {
      name: '210 written 医疗卫生与计划生育支出 (2018) on 公开03表 and 公开05表: one finding per table, each on its cell',
      accounts: () => rename(rename(yuquanAccounts(), 'T3', '210', '医疗卫生与计划生育支出'), 'T5', '210', '医疗卫生与计划生育支出'),
      findings: [
        {
          severity: '警告',
          cells: ['公开03表!B33'],
          expected: '卫生健康支出',
          actual: '医疗卫生与计划生育支出',
          message: '支出决算表中科目 210 写作“医疗卫生与计划生育支出”，这是2018年的名称；2021年目录中为“卫生健康支出”。',
        },
        {
          severity: '警告',
          cells: ['公开05表!B33'],
          expected: '卫生健康支出',
          actual: '医疗卫生与计划生育支出',
          message: '一般公共预算财政拨款支出决算表中科目 210 写作“医疗卫生与计划生育支出”，这是2018年的名称；2021年目录中为“卫生健康支出”。',
        },
      ],
    },
    {
      name: 'a code only an earlier catalogue has (2020: 2080504 未归口管理的行政单位离退休), its code in a cell of its own',
      accounts: () => {
        const a = yuquanAccounts();
        const i = a.T2!.rows.findIndex((r) => r.code === '2080501');
        a.T2!.rows.splice(i + 1, 0, { ...a.T2!.rows[i], code: '2080504', name: '未归口管理的行政单位离退休', nameCell: '公开02表!B60', codeCells: ['公开02表!A60'] });
        return a;
      },
      findings: [
        {
          severity: '警告',
          cells: ['公开02表!B60', '公开02表!A60'],
          expected: undefined,
          actual: '未归口管理的行政单位离退休',
          message: '收入决算表中科目 2080504“未归口管理的行政单位离退休”见于2020年的目录，2021年目录中已没有这个编码。',
        },
      ],
    },
  ],
});
