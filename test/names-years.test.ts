/**
 * Names and years (issue 9 item 3): the unit name never carries a section heading or label; the year comes
 * from the workbook, then the file name, else it is inferred from the codes — and says how it was found.
 * Real .xlsx workbooks built in memory with exceljs.
 */
import ExcelJS from 'exceljs';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { stripNameLabels, unitNameInPrefix } from '../src/recognise/titles';
import { yearInFileName } from '../src/model/inferYear';

describe('unit names without headings and labels', () => {
  it.each([
    ['第二部分上海市普陀区财政局', '上海市普陀区财政局'],
    ['第一部分 上海市普陀区财政局', '上海市普陀区财政局'],
    ['附件1上海市普陀区财政局', '上海市普陀区财政局'],
    ['附件：上海市普陀区财政局', '上海市普陀区财政局'],
    ['公开01表上海市普陀区财政局', '上海市普陀区财政局'],
    ['编制单位：上海市普陀区财政局', '上海市普陀区财政局'],
    ['单位名称：上海市普陀区财政局', '上海市普陀区财政局'],
    ['第二部分编制单位：上海市普陀区财政局（公开01表）', '上海市普陀区财政局'],
    ['上海市普陀区财政局', '上海市普陀区财政局'],
  ])('%s → %s', (text, name) => {
    expect(stripNameLabels(text)).toBe(name);
  });

  it('in a title prefix, with the year', () => {
    expect(unitNameInPrefix('第二部分上海市普陀区财政局2024年度')).toBe('上海市普陀区财政局');
    expect(unitNameInPrefix('附件2')).toBeUndefined();
  });
});

/** A small 支出决算表 with the given title lines above it; codes and names of the year given. */
function book(lines: string[], names: Record<string, string> = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  let r = 1;
  for (const l of lines) ws.getCell(r++, 1).value = l;
  ws.getCell(r++, 5).value = '单位：万元';
  ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'].forEach((h, i) => (ws.getCell(r, i + 1).value = h));
  r++;
  const rows: [string, string, number, number, number][] = [
    ['合计', '', 100, 100, 0],
    ['208', '社会保障和就业支出', 100, 100, 0],
    ['20805', names['20805'] ?? '行政事业单位养老支出', 100, 100, 0],
    ['2080505', '机关事业单位基本养老保险缴费支出', 60, 60, 0],
    ['2080599', names['2080599'] ?? '其他行政事业单位养老支出', 40, 40, 0],
  ];
  for (const row of rows) {
    row.forEach((v, i) => (ws.getCell(r, i + 1).value = v));
    r++;
  }
  return wb;
}

describe('the year: workbook, then file name, then inferred from the codes', () => {
  it('a title with a section heading glued to the name: name and year from the title cell', () => {
    const a = readAccounts(snapshotFromExcelJs(book(['第二部分上海市普陀区财政局2024年度支出决算表']), '决算.xlsx'));
    expect(a.facts).toMatchObject({ unitName: '上海市普陀区财政局', year: 2024, yearFrom: 'workbook', yearSource: 'Sheet1!A1' });
  });

  it('an 编制单位 line and no year anywhere in the book: the year of the file name, said so', () => {
    const a = readAccounts(snapshotFromExcelJs(book(['支出决算表', '编制单位：第二部分上海市普陀区财政局']), '普陀区财政局_2024_决算公开.xlsx'));
    expect(a.facts).toMatchObject({ unitName: '上海市普陀区财政局', year: 2024, yearFrom: 'fileName', yearSource: '工作簿未注明年度，按文件名“普陀区财政局_2024_决算公开.xlsx”' });
  });

  it('neither: inferred from the codes — 2020 names give 2020, and the reader says it inferred', () => {
    const a = readAccounts(snapshotFromExcelJs(book(['支出决算表'], { '20805': '行政事业单位离退休', '2080599': '其他行政事业单位离退休支出' }), '决算.xlsx'));
    expect(a.facts.year).toBe(2020);
    expect(a.facts.yearFrom).toBe('codes');
    expect(a.facts.yearSource).toBe(
      '工作簿和文件名都未注明年度，按科目编码和名称推断：4 个科目中与2020年科目目录相符 4 个（2021年 2 个、2022年 2 个、2023年 2 个、2024年 2 个、2025年 2 个）',
    );
    const notice = a.issues.find((i) => i.code === 'R-年度推断');
    expect(notice).toMatchObject({ severity: '提示', message: `${a.facts.yearSource}。如年度不对，请在标题中注明年度或用 --year 指定。` });
  });

  it('neither, with names every year shares: the latest of the tied years, and the tie is said', () => {
    const a = readAccounts(snapshotFromExcelJs(book(['支出决算表']), '决算.xlsx'));
    expect(a.facts.year).toBe(2025);
    expect(a.facts.yearFrom).toBe('codes');
    expect(a.facts.yearSource).toContain('与2021、2022、2023、2024年目录同样相符，取最近的2025年');
  });

  it('years in file names stand alone as four digits', () => {
    expect(yearInFileName('2024年度部门决算.xlsx')).toBe(2024);
    expect(yearInFileName('jue_suan-2023.xlsx')).toBe(2023);
    expect(yearInFileName('表120245.xlsx')).toBeUndefined();
    expect(yearInFileName('决算.xlsx')).toBeUndefined();
  });
});
