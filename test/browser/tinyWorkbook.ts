/**
 * A small but realistic 决算 workbook for the browser test: 公开01表 (收入支出决算总表, 万元) laid out as
 * departments publish it, plus a notes sheet. Used for the upload test and, when samples/玉泉街道2021.xlsx
 * has not been generated, as the example workbook served at ./samples/.
 */
import ExcelJS from 'exceljs';

export const TINY_UNIT = '测试街道办事处';
export const TINY_SHEET = '公开01表';

export interface TinyOptions {
  /** Added to 本年收入合计 (C15) only, so it no longer equals the sum of the income lines (a T1 error). */
  incomeTotalDelta?: number;
}

/** Where 本年收入合计's amount is written. */
export const TINY_INCOME_TOTAL = 'C15';

export async function tinyWorkbook(options: TinyOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TINY_SHEET);
  ws.columns = [{ width: 34 }, { width: 6 }, { width: 12 }, { width: 34 }, { width: 6 }, { width: 12 }];
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = '收入支出决算总表';
  ws.getCell('F2').value = '公开01表';
  ws.getCell('A3').value = `编制单位：${TINY_UNIT}`;
  ws.getCell('C3').value = '2021年度';
  ws.getCell('F3').value = '单位：万元';
  ws.mergeCells('A4:C4');
  ws.getCell('A4').value = '收入';
  ws.mergeCells('D4:F4');
  ws.getCell('D4').value = '支出';
  ws.getRow(5).values = ['项目', '行次', '金额', '项目', '行次', '金额'];
  ws.getRow(6).values = ['栏次', '', 1, '栏次', '', 2];
  const income: [string, number][] = [
    ['一、一般公共预算财政拨款收入', 853],
    ['二、政府性基金预算财政拨款收入', 0],
    ['三、国有资本经营预算财政拨款收入', 0],
    ['四、上级补助收入', 0],
    ['五、事业收入', 0],
    ['六、经营收入', 0],
    ['七、附属单位上缴收入', 0],
    ['八、其他收入', 12.5],
  ];
  const spending: [string, number][] = [
    ['一、一般公共服务支出', 600],
    ['二、公共安全支出', 15.5],
    ['三、社会保障和就业支出', 150],
    ['四、卫生健康支出', 40],
    ['五、城乡社区支出', 50],
    ['六、农林水支出', 10],
    ['', 0],
    ['', 0],
  ];
  let r = 7;
  for (let i = 0; i < income.length; i++, r++) {
    const [inLabel, inValue] = income[i];
    const [outLabel, outValue] = spending[i];
    ws.getRow(r).values = [inLabel, i + 1, inValue, outLabel, outLabel ? 32 + i : '', outLabel ? outValue : ''];
  }
  const totalIn = income.reduce((s, [, v]) => s + v, 0);
  const totalOut = spending.reduce((s, [, v]) => s + v, 0);
  ws.getRow(r++).values = ['本年收入合计', 9, totalIn + (options.incomeTotalDelta ?? 0), '本年支出合计', 40, totalOut];
  ws.getRow(r++).values = ['使用非财政拨款结余', 10, 0, '结余分配', 41, 0];
  ws.getRow(r++).values = ['年初结转和结余', 11, 0, '年末结转和结余', 42, totalIn - totalOut];
  ws.getRow(r++).values = ['总计', 12, totalIn, '总计', 43, totalIn];
  for (let row = 7; row < r; row++) for (const c of [3, 6]) ws.getCell(row, c).numFmt = '#,##0.00';
  ws.getCell(r + 1, 1).value = '注：本表反映部门本年度的总收支和年末结转结余情况。';

  const notes = wb.addWorksheet('说明');
  notes.getCell('A1').value = '本工作簿由浏览器测试生成。';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
