/** Presentation helpers of the task pane: the Word file's name, the preview leaving out internal key columns. */
import { docxFileName } from '../src/taskpane/narrativeView';
import { buildPreview } from '../src/taskpane/preview';
import { SheetSnapshot } from '../src/snapshot/types';

describe('docxFileName', () => {
  const title = (unit?: string, year?: number) =>
    `${unit ?? '【请填写：单位名称】'}${year !== undefined ? year : '【请填写：决算年度】'}年度部门决算情况说明`;

  test('unit and year known: the title', () => {
    expect(docxFileName({ title: title('玉泉街道办事处', 2021), unitName: '玉泉街道办事处', year: 2021 })).toBe('玉泉街道办事处2021年度部门决算情况说明.docx');
  });

  test('what is unknown is left out, never "年度部门决算情况说明"', () => {
    expect(docxFileName({ title: title(), unitName: undefined, year: undefined })).toBe('部门决算情况说明.docx');
    expect(docxFileName({ title: title(), unitName: undefined, year: undefined }, '当前工作簿')).toBe('部门决算情况说明.docx');
    expect(docxFileName({ title: title(), unitName: undefined, year: undefined }, '测试单位.xlsx')).toBe('测试单位_部门决算情况说明.docx');
    expect(docxFileName({ title: title(undefined, 2021), unitName: undefined, year: 2021 }, '测试单位.xlsx')).toBe('测试单位_2021年度部门决算情况说明.docx');
    expect(docxFileName({ title: title('某局', undefined), unitName: '某局', year: undefined }, 'x.xlsx')).toBe('某局部门决算情况说明.docx');
  });

  test('characters Windows forbids are replaced', () => {
    expect(docxFileName({ title: title('A/B单位', 2021), unitName: 'A/B单位', year: 2021 })).toBe('A_B单位2021年度部门决算情况说明.docx');
  });
});

describe('buildPreview', () => {
  const sheet = (name: string): SheetSnapshot => ({
    name,
    hidden: false,
    cells: [[{ v: '标题' }, { v: 'income.structure' }, { v: '值' }], [{ v: 'a' }, { v: 'facts.total' }, { v: 1 }]],
    merges: [{ r0: 0, c0: 0, r1: 0, c1: 2 }],
    hiddenRows: [],
    hiddenCols: [1],
  });

  test("the add-in's own sheets: the hidden key column is left out, merges span what is shown", () => {
    const g = buildPreview(sheet('决算说明'));
    expect(g.cols).toEqual([0, 2]);
    expect(g.rows.flat().map((c) => c.text)).toEqual(['标题', 'a', '1']);
    expect(g.rows[0][0].colSpan).toBe(2);
  });

  test("a user's sheet is shown as it is", () => {
    expect(buildPreview(sheet('公开01表')).cols).toEqual([0, 1, 2]);
  });
});
