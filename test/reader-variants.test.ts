/**
 * Layout variants the fixture builder does not produce, written here cell by cell: a one-column
 * (vertical) 收入支出决算总表 with "收入合计/支出合计", 基本支出 split into 人员经费/公用经费 columns,
 * codes inside the name cell ("[2130299]其他林业和草原支出"), a 基本支出表 with 人员经费 and 公用经费
 * columns and a 合计 row, a vertical 三公 table with an "其中" sub-row, "单位：人民币万元".
 */
import ExcelJS from 'exceljs';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { runRules } from '../src/rules';
import { wan } from '../src/money/money';

function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const t1 = wb.addWorksheet('总表');
  t1.addRows([
    ['城关街道办事处2023年度收入支出决算总表'],
    ['单位：人民币万元'],
    ['项目', '金额'],
    ['一、一般公共预算财政拨款收入', 32.69],
    ['二、政府性基金预算财政拨款收入', 0],
    ['收入合计', 32.69],
    ['年初结转和结余', 0],
    ['收入总计', 32.69],
    ['十二、农林水支出', 5],
    ['十九、住房保障支出', 27.69],
    ['支出合计', 32.69],
    ['年末结转和结余', 0],
    ['支出总计', 32.69],
  ]);
  const t3 = wb.addWorksheet('支出');
  t3.addRows([
    ['支出决算表'],
    ['', '', '', '', '单位：万元'],
    ['科目编码', '科目名称', '本年支出合计', '基本支出', '', '项目支出'],
    ['', '', '', '人员经费', '公用经费', ''],
    ['合计', '', 32.69, 27.69, 0, 5],
    ['213', '农林水支出', 5, 0, 0, 5],
    ['21302', '林业和草原', 5, 0, 0, 5],
    ['2130299', '其他林业和草原支出', 5, 0, 0, 5],
    ['221', '住房保障支出', 27.69, 27.69, 0, 0],
    ['22102', '住房改革支出', 27.69, 27.69, 0, 0],
    ['2210201', '住房公积金', 27.69, 27.69, 0, 0],
  ]);
  t3.mergeCells('D3:E3');
  t3.mergeCells('A3:A4');
  t3.mergeCells('B3:B4');
  t3.mergeCells('C3:C4');
  t3.mergeCells('F3:F4');
  const t5 = wb.addWorksheet('一般公共预算');
  t5.addRows([
    ['一般公共预算财政拨款支出决算表'],
    ['单位：万元'],
    ['科目', '合计', '基本支出', '项目支出'],
    ['合计', 32.69, 27.69, 5],
    ['[213]农林水支出', 5, 0, 5],
    ['[21302]林业和草原', 5, 0, 5],
    ['[2130299]其他林业和草原支出', 5, 0, 5],
    ['[221]住房保障支出', 27.69, 27.69, 0],
    ['[22102]住房改革支出', 27.69, 27.69, 0],
    ['[2210201]住房公积金', 27.69, 27.69, 0],
  ]);
  const t6 = wb.addWorksheet('基本支出');
  t6.addRows([
    ['一般公共预算财政拨款基本支出决算表'],
    ['单位：万元'],
    ['经济分类科目编码', '科目名称', '人员经费', '公用经费'],
    ['合计', '', 27.69, 0],
    ['301', '工资福利支出', 27.69, ''],
    ['30113', '住房公积金', 27.69, ''],
    ['302', '商品和服务支出', '', 0],
    ['30201', '办公费', '', 0],
  ]);
  const t7 = wb.addWorksheet('三公');
  t7.addRows([
    ['财政拨款“三公”经费支出决算表'],
    ['单位：万元'],
    ['项目', '预算数', '决算数'],
    ['合计', 1.3, 0.8],
    ['1.因公出国（境）费', 0, 0],
    ['2.公务用车购置及运行维护费', 1, 0.8],
    ['其中：公务用车购置费', 0, 0],
    ['公务用车运行维护费', 1, 0.8],
    ['3.公务接待费', 0.3, 0],
    ['其中：外事接待费', 0.2, 0],
  ]);
  return wb;
}

describe('layouts the fixtures do not have', () => {
  const accounts = readAccounts(snapshotFromExcelJs(book(), 'variants.xlsx'));

  it('finds the five tables present, unit and year', () => {
    expect(accounts.tables.map((t) => `${t.id}@${t.sheet}`)).toEqual(['T1@总表', 'T3@支出', 'T5@一般公共预算', 'T6@基本支出', 'T7@三公']);
    expect(accounts.missing).toEqual(['T2', 'T4', 'T8', 'T9']);
    expect(accounts.T1!.location.unit).toBe('wanyuan');
    expect(accounts.T1!.location.unitAssumed).toBe(false);
    expect(accounts.facts.year).toBe(2023);
    expect(accounts.facts.unitName).toBe('城关街道办事处');
  });

  it('reads a one-column 总表: income lines, then expenditure lines', () => {
    const t1 = accounts.T1!;
    expect(t1.income.map((l) => l.key)).toEqual(['generalBudget', 'governmentFund', 'incomeTotal', 'openingBalance', 'grandTotal']);
    expect(t1.expenditure.map((l) => l.key)).toEqual(['class:213', 'class:221', 'expenditureTotal', 'closingBalance', 'grandTotal']);
    expect(t1.expenditure.find((l) => l.key === 'grandTotal')!.values.amount!.cell).toBe('总表!B13');
  });

  it('reads 基本支出 split into 人员经费 and 公用经费 columns', () => {
    const cols = accounts.T3!.location.columns.map((c) => c.key);
    expect(cols).toEqual(['total', 'basicPersonnel', 'basicPublic', 'project']);
    expect(accounts.T3!.total!.values.basicPersonnel!.fen).toBe(wan('27.69'));
  });

  it('reads codes written inside the name cell', () => {
    expect(accounts.T5!.rows.map((r) => `${r.code} ${r.name}`)).toEqual([
      '213 农林水支出',
      '21302 林业和草原',
      '2130299 其他林业和草原支出',
      '221 住房保障支出',
      '22102 住房改革支出',
      '2210201 住房公积金',
    ]);
  });

  it('reads a 基本支出表 with 人员经费 / 公用经费 columns and a 合计 row', () => {
    const t6 = accounts.T6!;
    expect(t6.personnelTotal!.values.amount!.cell).toBe('基本支出!C4');
    expect(t6.publicTotal!.values.amount!.cell).toBe('基本支出!D4');
    expect(t6.items.map((i) => [i.code, i.value?.cell])).toEqual([
      ['301', '基本支出!C5'],
      ['30113', '基本支出!C6'],
      ['302', '基本支出!D7'],
      ['30201', '基本支出!D8'],
    ]);
  });

  it('reads a vertical 三公 table; an "其中" sub-row never replaces its item', () => {
    const t7 = accounts.T7!;
    expect(t7.budget.reception!.cell).toBe('三公!B9');
    expect(t7.actual.vehicleRunning!.fen).toBe(wan('0.80'));
    expect(t7.budget.total!.fen).toBe(wan('1.30'));
  });

  it('the tables that are there check clean: only the missing tables are errors', () => {
    const errors = runRules(accounts).filter((f) => f.severity === '错误');
    expect(errors.map((f) => f.rule)).toEqual(['R-缺表', 'R-缺表', 'R-缺表', 'R-缺表']);
  });

  it('a broken 合计 in the vertical 三公 table is found, naming its cells', () => {
    const wb = book();
    wb.getWorksheet('三公')!.getCell('B4').value = 1;
    const f = runRules(readAccounts(snapshotFromExcelJs(wb, 'x'))).filter((x) => x.rule === 'T7-三公合计');
    expect(f.map((x) => [x.expected, x.actual, x.cells])).toEqual([['1.30', '1.00', ['三公!B4', '三公!B5', '三公!B6', '三公!B9']]]);
  });
});

describe('sheets without any title (named Sheet1…Sheet9): tables recognised by their wording', () => {
  it('finds all nine in the 四川 layout with every title cell removed', async () => {
    const fs = await import('fs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(`${__dirname}/fixtures/xlsx/yuquan2021-sichuan.xlsx`) as unknown as ArrayBuffer);
    let i = 1;
    wb.eachSheet((ws) => {
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'string' && /决算(总)?表$/.test(c.value.replace(/\s/g, ''))) c.value = null;
        }),
      );
      ws.name = `Sheet${i++}`;
    });
    const a = readAccounts(snapshotFromExcelJs(wb, 'untitled.xlsx'));
    expect(a.tables.map((t) => `${t.id}@${t.sheet}`)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `T${n}@Sheet${n}`));
    expect(runRules(a).filter((f) => f.severity === '错误')).toEqual([]);
  });
});

describe('tables that do not start at A1', () => {
  it('every sheet shifted down 3 rows and right 2 columns reads the same figures, at the shifted cells', async () => {
    const fs = await import('fs');
    const { snapshotFromXlsx } = await import('../src/adapters/exceljs/snapshotFromXlsx');
    const { a1 } = await import('../src/snapshot/address');
    const snap = await snapshotFromXlsx(fs.readFileSync(`${__dirname}/fixtures/xlsx/yuquan2021-sichuan.xlsx`), 'x');
    const shifted = {
      ...snap,
      sheets: snap.sheets.map((s) => ({
        ...s,
        cells: [[], [], [], ...s.cells.map((row) => (row ? [undefined, undefined, ...row] : row))],
        merges: s.merges.map((m) => ({ r0: m.r0 + 3, c0: m.c0 + 2, r1: m.r1 + 3, c1: m.c1 + 2 })),
        hiddenRows: s.hiddenRows.map((r) => r + 3),
      })),
    };
    const a = readAccounts(snap);
    const b = readAccounts(shifted);
    expect(b.missing).toEqual([]);
    const shift = (ref: string) => {
      const [sheet, addr] = ref.split('!');
      const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
      const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return `${sheet}!${a1(Number(m[2]) - 1 + 3, col + 2)}`;
    };
    const ia = a.T5!.rows.map((r) => [r.code, r.values.total?.fen, r.values.total && shift(r.values.total.cell)]);
    const ib = b.T5!.rows.map((r) => [r.code, r.values.total?.fen, r.values.total?.cell]);
    expect(ib).toEqual(ia);
    expect(b.T7!.actual.total!.cell).toBe(shift(a.T7!.actual.total!.cell));
    expect(runRules(b).filter((f) => f.severity === '错误')).toEqual([]);
  });
});

describe('a table listing 类 and 项 without 款 rows', () => {
  it('is a layout, not a missing line; the 类 is checked against its 项', () => {
    const wb = book();
    const ws = wb.getWorksheet('一般公共预算')!;
    // Drop the 款 rows (21302, 22102) by blanking them.
    for (const r of [6, 9]) ws.getRow(r).values = [];
    const accounts = readAccounts(snapshotFromExcelJs(wb, 'x'));
    expect(accounts.T5!.rows.map((r) => r.code)).toEqual(['213', '2130299', '221', '2210201']);
    const f = runRules(accounts);
    expect(f.filter((x) => x.rule === 'C-缺少上级科目')).toEqual([]);
    expect(f.filter((x) => x.rule === 'T5-科目层级')).toEqual([]);
    ws.getCell('B10').value = 20; // 2210201 合计 no longer equals its 类
    const g = runRules(readAccounts(snapshotFromExcelJs(wb, 'x'))).filter((x) => x.rule === 'T5-科目层级' && x.severity === '错误');
    expect(g.map((x) => x.cells[0])).toContain('一般公共预算!B8');
  });
});
