import { matchTitle, unitNameInPrefix, yearIn } from '../src/recognise/titles';

describe('table titles', () => {
  test.each([
    ['收入支出决算总表', 'T1'],
    ['攀枝花市西区玉泉街道办事处2021年度收入支出决算总表', 'T1'],
    ['收入决算表', 'T2'],
    ['支 出 决 算 表', 'T3'],
    ['财政拨款收入支出决算总表', 'T4'],
    ['一般公共预算财政拨款支出决算表', 'T5'],
    ['一般公共预算财政拨款基本支出决算表', 'T6'],
    ['财政拨款“三公”经费支出决算表', 'T7'],
    ['一般公共预算财政拨款"三公"经费支出决算表', 'T7'],
    ['政府性基金预算财政拨款收入支出决算表', 'T8'],
    ['国有资本经营预算财政拨款支出决算表', 'T9'],
    ['国有资本经营预算财政拨款收入支出决算表', 'T9'],
    ['收入支出决算总表（公开01表）', 'T1'],
    ['表1 收入支出决算总表', 'T1'],
  ])('%s → %s', (text, id) => {
    expect(matchTitle(text)?.id).toBe(id);
  });

  test.each([
    '财政拨款支出决算明细表',
    '一般公共预算财政拨款支出决算明细表',
    '一般公共预算财政拨款项目支出决算表',
    '政府性基金预算财政拨款“三公”经费支出决算表',
    '基本支出决算表',
    '项目支出决算表',
  ])('extra table %s is never one of the nine', (text) => {
    const m = matchTitle(text);
    expect(m).toBeDefined();
    expect(m?.id).toBeUndefined();
  });

  test('notes and sentences are not titles', () => {
    expect(matchTitle('注：本表反映部门本年度的总收支和年末结转结余情况。')).toBeUndefined();
    expect(matchTitle('本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。')).toBeUndefined();
  });

  test('year and unit name from a title prefix', () => {
    const m = matchTitle('攀枝花市西区玉泉街道办事处2021年度收入支出决算总表')!;
    expect(yearIn(m.prefix)).toBe(2021);
    expect(unitNameInPrefix(m.prefix)).toBe('攀枝花市西区玉泉街道办事处');
    expect(unitNameInPrefix(matchTitle('2021年度收入支出决算总表')!.prefix)).toBeUndefined();
  });
});
