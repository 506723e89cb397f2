/**
 * Layouts the reader has not seen before, as real exports produce them (久其 决算系统, the 预算管理一体化
 * platforms of different provinces, a 街道 accountant's hand-made book), built here cell by cell.
 *
 * Every book holds one small, consistent department (100.00 万元, two 类): the checks must find no
 * 错误 except for tables deliberately left out.
 *
 * Layouts: T2 | T3 side by side (a 行次 column at the far left of T3); a 总表 with its title unmerged in a
 * middle column and the unit inside it, 行次 columns, a 栏次 row, coded and “（类）” 类 lines, text numbers,
 * a bracketed negative; 项目 over 功能分类科目编码 over 类/款/项 with a 甲/乙 栏次 row; names wrapped onto a
 * second row, full-width indentation, a stray percentage cell, the unit in a header cell; 三公 with items on
 * top and 预算数/决算数 as the last header row (“其中：公务用车购置费”), and with kinds down the rows; T8 and
 * T9 as notes only; 封面 and 目录 sheets; last year's copies on hidden sheets; side by side with an unmerged
 * title over the middle of the right table; everything on one sheet; last year's columns added by hand;
 * split 经济分类 codes in a three-block 基本支出表; two tables in 元 among tables in 万元.
 */
import ExcelJS from 'exceljs';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { runRules } from '../src/rules';
import { wan } from '../src/money/money';
import { Accounts } from '../src/model/types';

type V = string | number | null | { formula: string; result: number };
interface Block {
  rows: V[][];
  /** 0-based [r0, c0, r1, c1] relative to the block. */
  merges?: [number, number, number, number][];
}

/** Write a block at (top, left), 0-based. */
function put(ws: ExcelJS.Worksheet, top: number, left: number, b: Block): void {
  b.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null || v === '') return;
      ws.getCell(top + i + 1, left + j + 1).value = v as ExcelJS.CellValue;
    }),
  );
  for (const [r0, c0, r1, c1] of b.merges || []) ws.mergeCells(top + r0 + 1, left + c0 + 1, top + r1 + 1, left + c1 + 1);
}

const UNIT = '单位：万元';
const P = '城南街道办事处2023年度';

// ---- the standard blocks -------------------------------------------------------------------------------

function t1(title = `${P}收入支出决算总表`): Block {
  return {
    rows: [
      [title],
      ['', '', '', UNIT],
      ['收入', '', '支出', ''],
      ['项目', '决算数', '项目', '决算数'],
      ['一、一般公共预算财政拨款收入', 100, '一、一般公共服务支出', 60],
      ['二、政府性基金预算财政拨款收入', 0, '二、社会保障和就业支出', 40],
      ['三、国有资本经营预算财政拨款收入', 0, '', ''],
      ['四、上级补助收入', 0, '', ''],
      ['五、事业收入', 0, '', ''],
      ['六、经营收入', 0, '', ''],
      ['七、附属单位上缴收入', 0, '', ''],
      ['八、其他收入', 0, '', ''],
      ['本年收入合计', 100, '本年支出合计', 100],
      ['使用非财政拨款结余', 0, '结余分配', 0],
      ['年初结转和结余', 0, '年末结转和结余', 0],
      ['总计', 100, '总计', 100],
    ],
    merges: [
      [0, 0, 0, 3],
      [2, 0, 2, 1],
      [2, 2, 2, 3],
    ],
  };
}

const CODES: [string, string][] = [
  ['201', '一般公共服务支出'],
  ['20103', '政府办公厅（室）及相关机构事务'],
  ['2010301', '行政运行'],
  ['2010302', '一般行政管理事务'],
  ['208', '社会保障和就业支出'],
  ['20805', '行政事业单位养老支出'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
];
/** total, basic, project per code. */
const EXP: Record<string, [number, number, number]> = {
  '201': [60, 40, 20],
  '20103': [60, 40, 20],
  '2010301': [40, 40, 0],
  '2010302': [20, 0, 20],
  '208': [40, 40, 0],
  '20805': [40, 40, 0],
  '2080505': [40, 40, 0],
};

function t2(title = `${P}收入决算表`): Block {
  return {
    rows: [
      [title],
      ['', '', '', '', '', '', '', '', UNIT],
      ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
      ['合计', '', 100, 100, 0, 0, 0, 0, 0],
      ...CODES.map(([c, n]) => [c, n, EXP[c][0], EXP[c][0], 0, 0, 0, 0, 0]),
    ],
    merges: [[0, 0, 0, 8]],
  };
}

function t3(title = `${P}支出决算表`): Block {
  return {
    rows: [
      [title],
      ['', '', '', '', '', '', '', UNIT],
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
      ['合计', '', 100, 80, 20, 0, 0, 0],
      ...CODES.map(([c, n]) => [c, n, ...EXP[c], 0, 0, 0]),
    ],
    merges: [[0, 0, 0, 7]],
  };
}

function t4(title = `${P}财政拨款收入支出决算总表`): Block {
  return {
    rows: [
      [title],
      ['', '', '', '', '', '', UNIT],
      ['收入', '', '支出', '', '', '', ''],
      ['项目', '决算数', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
      ['一、一般公共预算财政拨款', 100, '一、一般公共服务支出', 60, 60, 0, 0],
      ['二、政府性基金预算财政拨款', 0, '二、社会保障和就业支出', 40, 40, 0, 0],
      ['三、国有资本经营预算财政拨款', 0, '', '', '', '', ''],
      ['本年收入合计', 100, '本年支出合计', 100, 100, 0, 0],
      ['年初财政拨款结转和结余', 0, '年末财政拨款结转和结余', 0, 0, 0, 0],
      ['一般公共预算财政拨款', 0, '', '', '', '', ''],
      ['政府性基金预算财政拨款', 0, '', '', '', '', ''],
      ['国有资本经营预算财政拨款', 0, '', '', '', '', ''],
      ['总计', 100, '总计', 100, 100, 0, 0],
    ],
    merges: [
      [0, 0, 0, 6],
      [2, 0, 2, 1],
      [2, 2, 2, 6],
    ],
  };
}

function t5(title = `${P}一般公共预算财政拨款支出决算表`): Block {
  return {
    rows: [
      [title],
      ['', '', '', '', UNIT],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', '', 100, 80, 20],
      ...CODES.map(([c, n]) => [c, n, ...EXP[c]]),
    ],
    merges: [[0, 0, 0, 4]],
  };
}

function t6(title = `${P}一般公共预算财政拨款基本支出决算表`): Block {
  return {
    rows: [
      [title],
      ['', '', '', '', '', UNIT],
      ['人员经费', '', '', '公用经费', '', ''],
      ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
      ['301', '工资福利支出', 50, '302', '商品和服务支出', 20],
      ['30101', '基本工资', 50, '30201', '办公费', 18],
      ['303', '对个人和家庭的补助', 10, '30217', '公务接待费', 0.5],
      ['30305', '生活补助', 10, '30231', '公务用车运行维护费', 1.5],
      ['人员经费合计', '', 60, '公用经费合计', '', 20],
    ],
    merges: [
      [0, 0, 0, 5],
      [2, 0, 2, 2],
      [2, 3, 2, 5],
      [8, 0, 8, 1],
      [8, 3, 8, 4],
    ],
  };
}

function t7(title = `${P}财政拨款“三公”经费支出决算表`): Block {
  return {
    rows: [
      [title],
      ['', '', '', '', '', '', '', '', '', '', '', UNIT],
      ['预算数', '', '', '', '', '', '决算数', '', '', '', '', ''],
      ['合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费'],
      ['', '', '小计', '公务用车购置费', '公务用车运行费', '', '', '', '小计', '公务用车购置费', '公务用车运行费', ''],
      [3, 0, 2, 0, 2, 1, 2, 0, 1.5, 0, 1.5, 0.5],
    ],
    merges: [
      [0, 0, 0, 11],
      [2, 0, 2, 5],
      [2, 6, 2, 11],
      [3, 0, 4, 0],
      [3, 1, 4, 1],
      [3, 2, 3, 4],
      [3, 5, 4, 5],
      [3, 6, 4, 6],
      [3, 7, 4, 7],
      [3, 8, 3, 10],
      [3, 11, 4, 11],
    ],
  };
}

function fundTable(title: string, noteWhat: string): Block {
  return {
    rows: [
      [title],
      ['', '', '', '', '', '', '', UNIT],
      ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
      ['', '', '', '', '小计', '基本支出', '项目支出', ''],
      ['合计', '', '', '', '', '', '', ''],
      [`注：本单位2023年度没有${noteWhat}收入和支出，故本表无数据。`],
    ],
    merges: [
      [0, 0, 0, 7],
      [2, 4, 2, 6],
      [2, 0, 3, 0],
      [2, 1, 3, 1],
      [2, 2, 3, 2],
      [2, 3, 3, 3],
      [2, 7, 3, 7],
    ],
  };
}
const t8 = (title = `${P}政府性基金预算财政拨款收入支出决算表`) => fundTable(title, '政府性基金预算财政拨款');
const t9 = (title = `${P}国有资本经营预算财政拨款支出决算表`) => fundTable(title, '国有资本经营预算财政拨款');

const STANDARD: Record<string, () => Block> = { T1: t1, T2: t2, T3: t3, T4: t4, T5: t5, T6: t6, T7: t7, T8: t8, T9: t9 };

/** One sheet per table, for the tables not given a layout of their own. */
function rest(wb: ExcelJS.Workbook, except: string[]): void {
  for (const [id, make] of Object.entries(STANDARD)) {
    if (except.includes(id)) continue;
    put(wb.addWorksheet(`公开${id.slice(1).padStart(2, '0')}表`), 0, 0, make());
  }
}

function read(wb: ExcelJS.Workbook): Accounts {
  return readAccounts(snapshotFromExcelJs(wb, 'unseen.xlsx'));
}

function errors(a: Accounts): string[] {
  return runRules(a)
    .filter((f) => f.severity === '错误')
    .map((f) => `${f.rule}: ${f.message}`);
}

function where(a: Accounts): string[] {
  return a.tables.filter((t) => /^T\d$/.test(String(t.id))).map((t) => `${t.id}@${t.sheet}!${t.range}`);
}

// ---- the layouts ------------------------------------------------------------------------------------------

describe('baseline: one sheet per table', () => {
  it('reads all nine and checks clean', () => {
    const wb = new ExcelJS.Workbook();
    rest(wb, []);
    const a = read(wb);
    expect(a.missing).toEqual([]);
    expect(errors(a)).toEqual([]);
    expect(a.facts.year).toBe(2023);
    expect(a.facts.unitName).toBe('城南街道办事处');
  });
});

describe('久其-style: 收入决算表 | 支出决算表 side by side on one sheet, a blank column between', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    rest(wb, ['T2', 'T3']);
    const ws = wb.addWorksheet('收支决算');
    put(ws, 0, 0, t2()); // A:I
    // T3 from K, with a 行次 column at its far left.
    const b = t3();
    b.rows = b.rows.map((row, i) => (i === 0 ? row : [i === 2 ? '行次' : i >= 3 ? i - 2 : '', ...row]));
    b.merges = [[0, 0, 0, 8]];
    put(ws, 0, 10, b); // K:S
    return wb;
  };
  const a = read(build());

  it('finds each table in its own columns', () => {
    expect(a.missing).toEqual([]);
    expect(a.T2!.location.sheet).toBe('收支决算');
    expect(a.T2!.location.range).toBe('A1:I11');
    expect(a.T3!.location.range).toBe('K1:S11');
  });

  it('reads figures at their exact cells', () => {
    expect(a.T2!.total!.values.total!.cell).toBe('收支决算!C4');
    expect(a.T3!.total!.values.total!.cell).toBe('收支决算!N4');
    const r = a.T3!.rows.find((x) => x.code === '2010302')!;
    expect(r.values.project!.cell).toBe('收支决算!P8');
    expect(r.values.project!.fen).toBe(wan('20'));
    expect(a.T3!.location.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project', 'remit', 'operating', 'subsidy']);
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('一体化 platform 总表: title unmerged in the middle column with the unit inside, 行次 columns, 栏次 row, coded 类 lines', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('01收支总表');
    const rows: V[][] = [
      ['', '', `${P}收入支出决算总表\n（单位：万元）`, '', '', ''],
      ['项目', '行次', '本年决算数', '项目', '行次', '本年决算数'],
      ['栏次', '', '1', '栏次', '', '2'],
      ['一、一般公共预算财政拨款收入', 1, 100, '201 一般公共服务支出', 32, 60],
      ['二、政府性基金预算财政拨款收入', 2, '0.00', '208社会保障和就业支出（类）', 33, '40.00 '],
      ['三、国有资本经营预算财政拨款收入', 3, '0.00', '', 34, ''],
      ['四、上级补助收入', 4, '', '', 35, ''],
      ['五、事业收入', 5, '—', '', 36, ''],
      ['六、经营收入', 6, '0.00\u00a0', '', 37, ''],
      ['七、附属单位上缴收入', 7, 0, '', 38, ''],
      ['八、其他收入', 8, 0, '', 39, ''],
      ['本年收入合计', 9, '100.00', '本年支出合计', 40, 100],
      ['使用非财政拨款结余（含专用结余）', 10, 0, '结余分配', 41, '（2.00）'],
      ['年初结转和结余', 11, 0, '年末结转和结余', 42, '2.00'],
      ['总计', 12, 100, '总计', 43, 100],
    ];
    put(ws, 0, 0, { rows });
    rest(wb, ['T1']);
    return wb;
  };
  const a = read(build());

  it('finds the 总表 and its unit', () => {
    expect(a.missing).toEqual([]);
    expect(a.T1!.location.range).toBe('A1:F15');
    expect(a.T1!.location.unitAssumed).toBe(false);
    expect(a.T1!.location.unit).toBe('wanyuan');
  });

  it('reads coded and “（类）” expenditure lines, text numbers and a bracketed negative', () => {
    const t = a.T1!;
    expect(t.expenditure.map((l) => l.key)).toEqual([
      'class:201',
      'class:208',
      'expenditureTotal',
      'surplusDistribution',
      'closingBalance',
      'grandTotal',
    ]);
    const exp = (k: string) => t.expenditure.find((l) => l.key === k)!.values.amount!;
    expect(exp('class:208').cell).toBe('01收支总表!F5');
    expect(exp('class:208').fen).toBe(wan('40'));
    expect(exp('surplusDistribution').fen).toBe(-wan('2'));
    const inc = (k: string) => t.income.find((l) => l.key === k)!.values.amount!;
    expect(inc('generalBudget').cell).toBe('01收支总表!C4');
    expect(inc('operating').fen).toBe(0);
    expect(inc('incomeTotal').fen).toBe(wan('100'));
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('上海-style 收入决算表: 项目 over 功能分类科目编码 over 类/款/项, 甲/乙 栏次 row, split codes', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('收入决算表');
    const split = (c: string): V[] => [c.slice(0, 3), c.slice(3, 5), c.slice(5, 7)];
    const rows: V[][] = [
      [`${P}收入决算表`],
      ['编制单位：城南街道办事处', '', '', '', '', '', '', '', '', '', '金额单位：万元'],
      ['项    目', '', '', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
      ['功能分类科目编码', '', '', '科目名称', '', '', '', '', '', '', ''],
      ['类', '款', '项', '', '', '', '', '', '', '', ''],
      ['甲', '', '', '乙', 1, 2, 3, 4, 5, 6, 7],
      ['', '', '', '合计', '100.00', '100.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
      ...CODES.map(([c, n]) => [...split(c), c.length === 3 ? n : c.length === 5 ? `\u3000\u3000${n}` : `\u3000\u3000\u3000\u3000${n}`, EXP[c][0], EXP[c][0], '', '', '', '', '']),
    ];
    put(ws, 0, 0, {
      rows,
      merges: [
        [0, 0, 0, 10],
        [2, 0, 2, 3],
        [3, 0, 3, 2],
        [3, 3, 4, 3],
        ...[4, 5, 6, 7, 8, 9, 10].map((c) => [2, c, 4, c] as [number, number, number, number]),
        [5, 0, 5, 2],
      ],
    });
    rest(wb, ['T2']);
    return wb;
  };
  const a = read(build());

  it('finds the table', () => {
    expect(a.missing).toEqual([]);
    expect(a.T2!.location.range).toBe('A1:K14');
  });

  it('reads codes, names without the indentation, and the 合计 row', () => {
    const t = a.T2!;
    expect(t.rows.map((r) => r.code)).toEqual(CODES.map(([c]) => c));
    expect(t.rows[2].name).toBe('行政运行');
    expect(t.total!.values.fiscal!.cell).toBe('收入决算表!F7');
    expect(t.rows[6].values.total!.cell).toBe('收入决算表!E14');
    expect(t.location.columns.map((c) => c.key)).toEqual(['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other']);
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('hand-made 支出决算表: names wrapped onto a second row, stray percentage cell, unit in the header', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表3');
    const rows: V[][] = [
      ['', '', '支出决算表', '', '', ''],
      ['科目编码', '科目名称', '本年支出合计（万元）', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
      ['合计', '', 100, 80, 20, 0, 0, 0, '', 0.8],
    ];
    for (const [c, n] of CODES) {
      if (c === '2080505') {
        rows.push([c, '机关事业单位基本养老保', ...EXP[c], 0, 0, 0]);
        rows.push(['', '险缴费支出', '', '', '', '', '', '']);
      } else rows.push([c, n, ...EXP[c], 0, 0, 0]);
    }
    put(ws, 0, 0, { rows });
    ws.getCell('J3').numFmt = '0%';
    rest(wb, ['T3']);
    return wb;
  };
  const a = read(build());

  it('finds the table, the unit from the header', () => {
    expect(a.missing).toEqual([]);
    expect(a.T3!.location.range).toBe('A1:J11');
    expect(a.T3!.location.unitAssumed).toBe(false);
  });

  it('joins the wrapped name and ignores the stray percentage', () => {
    const t = a.T3!;
    expect(t.rows.map((r) => r.code)).toEqual(CODES.map(([c]) => c));
    expect(t.rows[6].name).toBe('机关事业单位基本养老保险缴费支出');
    expect(t.location.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project', 'remit', 'operating', 'subsidy']);
    expect(t.total!.values.basic!.cell).toBe('表3!D3');
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('三公 table: items on top, 预算数/决算数 as the last header row, “其中：公务用车购置费”', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('三公经费');
    const rows: V[][] = [
      [`${P}财政拨款“三公”经费支出决算表`],
      ['', '', '', '', '', '', '', '', '', '', '', '单位：万元'],
      ['合计', '', '因公出国（境）费', '', '公务用车购置及运行维护费', '', '', '', '', '', '公务接待费', ''],
      ['', '', '', '', '小计', '', '其中：公务用车购置费', '', '公务用车运行维护费', '', '', ''],
      ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数'],
      [3, 2, 0, 0, 2, 1.5, 0, 0, 2, 1.5, 1, 0.5],
    ];
    put(ws, 0, 0, {
      rows,
      merges: [
        [0, 0, 0, 11],
        [2, 0, 3, 1],
        [2, 2, 3, 3],
        [2, 4, 2, 9],
        [3, 4, 3, 5],
        [3, 6, 3, 7],
        [3, 8, 3, 9],
        [2, 10, 3, 11],
      ],
    });
    rest(wb, ['T7']);
    return wb;
  };
  const a = read(build());

  it('reads every item for both kinds', () => {
    const t = a.T7!;
    expect(a.missing).toEqual([]);
    expect(t.location.range).toBe('A1:L6');
    expect(t.budget.total!.cell).toBe('三公经费!A6');
    expect(t.actual.vehiclePurchase!.cell).toBe('三公经费!H6');
    expect(t.actual.vehicleRunning!.cell).toBe('三公经费!J6');
    expect(t.actual.vehicle!.cell).toBe('三公经费!F6');
    expect(t.budget.reception!.fen).toBe(wan('1'));
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('T8 and T9 on one sheet with only their notes', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('公开08-09表');
    put(ws, 0, 0, {
      rows: [
        [`${P}政府性基金预算财政拨款收入支出决算表`],
        ['单位：万元'],
        ['本单位2023年度没有政府性基金预算财政拨款收入和支出，故本表无数据。'],
        [''],
        [`${P}国有资本经营预算财政拨款支出决算表`],
        ['单位：万元'],
        ['本单位2023年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。'],
      ],
    });
    rest(wb, ['T8', 'T9']);
    return wb;
  };
  const a = read(build());

  it('finds both, empty, with their notes', () => {
    expect(a.missing).toEqual([]);
    expect(a.T8!.location.range).toBe('A1:A3');
    expect(a.T9!.location.range).toBe('A5:A7');
    expect(a.T8!.location.empty).toBe(true);
    expect(a.T9!.location.empty).toBe(true);
    expect(a.T9!.location.notes[0]).toMatch(/国有资本经营/);
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('封面 and 目录 before the tables, last year’s 总表 on a hidden sheet', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const cover = wb.addWorksheet('封面');
    put(cover, 3, 1, { rows: [['城南街道办事处'], ['2023年度部门决算'], [''], ['编制单位：城南街道办事处'], ['单位负责人：张三', '', '财务负责人：李四'], ['报送日期：2024年3月15日']] });
    const toc = wb.addWorksheet('目录');
    const titles = [
      '收入支出决算总表',
      '收入决算表',
      '支出决算表',
      '财政拨款收入支出决算总表',
      '一般公共预算财政拨款支出决算表',
      '一般公共预算财政拨款基本支出决算表',
      '财政拨款“三公”经费支出决算表',
      '政府性基金预算财政拨款收入支出决算表',
      '国有资本经营预算财政拨款支出决算表',
    ];
    put(toc, 0, 0, {
      rows: [
        ['目    录'],
        ['序号', '报表名称', '', '页码'],
        ...titles.flatMap((t, i) => [[`${i + 1}`, `公开${String(i + 1).padStart(2, '0')}表`, t, i + 3], ['', '', '', '']]),
      ],
    });
    const old = wb.addWorksheet('2022总表');
    const last = t1(`城南街道办事处2022年度收入支出决算总表`);
    last.rows = last.rows.map((row) => row.map((v) => (typeof v === 'number' ? v * 0.9 : v)));
    put(old, 0, 0, last);
    old.state = 'hidden';
    rest(wb, []);
    return wb;
  };
  const a = read(build());

  it('takes neither the cover nor the table of contents for tables, and prefers this year’s 总表', () => {
    expect(a.missing).toEqual([]);
    expect(a.tables.map((t) => t.sheet).filter((s) => s === '目录' || s === '封面')).toEqual([]);
    expect(a.T1!.location.sheet).toBe('公开01表');
    expect(a.facts.year).toBe(2023);
    expect(a.issues.filter((i) => i.code === 'R-其他年度的表').map((i) => i.cells)).toEqual([['2022总表!A1:D16']]);
    expect(a.T1!.income[0].values.amount!.cell).toBe('公开01表!B5');
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('hand-made: side by side, the right table’s title typed unmerged over its middle columns', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    rest(wb, ['T2', 'T3']);
    const ws = wb.addWorksheet('收入支出');
    const l = t2();
    l.merges = [];
    l.rows[0] = ['', '', '', l.rows[0][0]]; // title in D1, not merged
    put(ws, 0, 0, l); // A:I
    const r = t3();
    r.merges = [];
    r.rows[0] = ['', '', '', r.rows[0][0]]; // title in N1 over a table starting at K
    put(ws, 0, 10, r); // K:R
    return wb;
  };
  const a = read(build());

  it('splits the columns at the blank column, not at the title', () => {
    expect(a.missing).toEqual([]);
    expect(a.T2!.location.range).toBe('A1:I11');
    expect(a.T3!.location.range).toBe('K1:R11');
    expect(a.T3!.location.titleCell).toBe('N1');
  });

  it('reads codes and names of the right table', () => {
    expect(a.T3!.rows.map((r) => r.code)).toEqual(CODES.map(([c]) => c));
    expect(a.T3!.rows[0].nameCell).toBe('收入支出!L5');
    expect(a.T3!.total!.values.total!.cell).toBe('收入支出!M4');
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('上海-style all on one sheet: stacked tables, 基本支出 | 三公 side by side, unmerged titles, 空表 wording', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('部门决算');
    let r = 0;
    const stack = (b: Block) => {
      b.merges = (b.merges || []).filter((m) => m[0] !== 0);
      b.rows[0] = ['', '', b.rows[0][0]];
      put(ws, r, 0, b);
      r += b.rows.length + 2;
    };
    stack(t1());
    stack(t2());
    stack(t3());
    const four = t4();
    four.rows[3] = four.rows[3].map((v) => (v === '决算数' ? '本年决算数' : v));
    stack(four);
    stack(t5());
    const top = r;
    put(ws, top, 0, t6()); // A:F
    put(ws, top, 7, t7()); // H:S
    r += 12;
    put(ws, r, 0, {
      rows: [
        [`${P}政府性基金预算财政拨款收入支出决算表`],
        ['单位：万元'],
        ['项目', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
        ['科目编码', '科目名称', '', '', '小计', '基本支出', '项目支出', ''],
        ['本部门2023年度无政府性基金预算财政拨款收支，此表为空表。'],
      ],
    });
    r += 7;
    put(ws, r, 0, {
      rows: [[`${P}国有资本经营预算财政拨款支出决算表`], ['单位：万元'], ['备注：本单位本年度无国有资本经营预算财政拨款收入和支出，故本表无数据。']],
    });
    return wb;
  };
  const a = read(build());

  it('finds all nine where they are', () => {
    expect(a.missing).toEqual([]);
    expect(where(a)).toEqual([
      'T1@部门决算!A1:D16',
      'T2@部门决算!A19:I29',
      'T3@部门决算!A32:H42',
      'T4@部门决算!A45:G57',
      'T5@部门决算!A60:E70',
      'T6@部门决算!A73:F81',
      'T7@部门决算!H73:S78',
      'T8@部门决算!A85:H89',
      'T9@部门决算!A92:A94',
    ]);
  });

  it('reads figures at their exact cells', () => {
    expect(a.T4!.income.find((l) => l.key === 'generalBudget')!.values[a.T4!.location.columns[0].key.replace('income.', '')]!.cell).toBe('部门决算!B49');
    expect(a.T6!.personnelTotal!.values.amount!.cell).toBe('部门决算!C81');
    expect(a.T7!.actual.reception!.cell).toBe('部门决算!S78');
    expect(a.T8!.location.empty).toBe(true);
    expect(a.T9!.location.empty).toBe(true);
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('hand-made 总表 with last year’s column and a change rate beside this year’s', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('总表');
    const b = t1();
    // 项目 | 上年决算数 | 本年决算数 | 增减% ‖ 项目 | 上年决算数 | 本年决算数 | 增减%
    b.rows = b.rows.map((row, i) => {
      if (i < 2) return row;
      if (i === 2) return ['收入', '', '', '', '支出', '', '', ''];
      if (i === 3) return ['项    目', '上年决算数', '本年决算数', '增减%', '项    目', '上年决算数', '本年决算数', '增减%'];
      const last = (v: V) => (typeof v === 'number' ? Math.round(v * 90) / 100 : v);
      const rate = (v: V) => (typeof v === 'number' && v ? 0.1111 : '');
      return [row[0], last(row[1]), row[1], rate(row[1]), row[2], last(row[3]), row[3], rate(row[3])];
    });
    b.merges = [
      [0, 0, 0, 7],
      [2, 0, 2, 3],
      [2, 4, 2, 7],
    ];
    put(ws, 0, 0, b);
    for (let r = 5; r <= 16; r++) for (const c of ['D', 'H']) ws.getCell(`${c}${r}`).numFmt = '0.00%';
    rest(wb, ['T1']);
    return wb;
  };
  const a = read(build());

  it('reads this year’s column', () => {
    expect(a.missing).toEqual([]);
    const t = a.T1!;
    expect(t.location.range).toBe('A1:H16');
    expect(t.income.find((l) => l.key === 'generalBudget')!.values.amount!.cell).toBe('总表!C5');
    expect(t.expenditure.find((l) => l.key === 'class:208')!.values.amount!.cell).toBe('总表!G6');
    expect(t.expenditure.find((l) => l.key === 'grandTotal')!.values.amount!.fen).toBe(wan('100'));
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('last year’s tables kept on hidden sheets before this year’s, no year in any title', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const noYear = (b: Block) => {
      b.rows[0] = [String(b.rows[0][0]).replace(P, '')];
      return b;
    };
    const old = wb.addWorksheet('上年总表');
    const last = noYear(t1());
    last.rows = last.rows.map((row) => row.map((v) => (typeof v === 'number' ? v * 0.9 : v)));
    put(old, 0, 0, last);
    old.state = 'hidden';
    for (const [id, make] of Object.entries(STANDARD)) put(wb.addWorksheet(`表${id.slice(1)}`), 0, 0, noYear(make()));
    return wb;
  };
  const a = read(build());

  it('reads the visible copy and says it ignored the hidden one', () => {
    expect(a.missing).toEqual([]);
    expect(a.T1!.location.sheet).toBe('表1');
    expect(a.T1!.income[0].values.amount!.cell).toBe('表1!B5');
    expect(a.issues.filter((i) => i.code === 'R-重复的表').map((i) => i.cells)).toEqual([['上年总表!A1:D16']]);
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('基本支出表: split 经济分类 codes (301 | 01), unit only in the header, three blocks', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('基本支出');
    const rows: V[][] = [
      ['', '', '', '一般公共预算财政拨款基本支出决算表'],
      ['人员经费', '', '', '', '公用经费', '', '', '', '', '', '', ''],
      ['经济分类科目编码', '', '科目名称', '决算数（万元）', '经济分类科目编码', '', '科目名称', '决算数（万元）', '经济分类科目编码', '', '科目名称', '决算数（万元）'],
      ['类', '款', '', '', '类', '款', '', '', '类', '款', '', ''],
      ['301', '', '工资福利支出', 50, '302', '', '商品和服务支出', 20, '310', '', '资本性支出', 0],
      ['301', '01', '基本工资', 50, '302', '01', '办公费', 18, '', '', '', ''],
      ['303', '', '对个人和家庭的补助', 10, '302', '17', '公务接待费', 0.5, '', '', '', ''],
      ['303', '05', '生活补助', 10, '302', '31', '公务用车运行维护费', 1.5, '', '', '', ''],
      ['人员经费合计', '', '', 60, '公用经费合计', '', '', '', '', '', '', 20],
    ];
    put(ws, 0, 0, {
      rows,
      merges: [
        [1, 0, 1, 3],
        [1, 4, 1, 11],
        [2, 0, 2, 1],
        [2, 4, 2, 5],
        [2, 8, 2, 9],
        [8, 0, 8, 2],
        [8, 4, 8, 10],
      ],
    });
    rest(wb, ['T6']);
    return wb;
  };
  const a = read(build());

  it('reads items with joined codes and both totals', () => {
    expect(a.missing).toEqual([]);
    const t = a.T6!;
    expect(t.location.range).toBe('A1:L9');
    expect(t.location.unitAssumed).toBe(false);
    expect(t.items.map((i) => i.code)).toEqual(['301', '302', '310', '30101', '30201', '303', '30217', '30305', '30231']);
    expect(t.items.find((i) => i.code === '30231')!.value!.cell).toBe('基本支出!H8');
    expect(t.personnelTotal!.values.amount!.cell).toBe('基本支出!D9');
    expect(t.publicTotal!.values.amount!.cell).toBe('基本支出!L9');
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('hand-made: last year’s column added to the 一般公共预算 table and a vertical 三公 table', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const ws5 = wb.addWorksheet('一般公共预算支出');
    const b = t5();
    b.rows = b.rows.map((row, i) => (i < 2 ? row : i === 2 ? [...row, '上年决算数', '增减额'] : [...row, 50, Number(row[2]) - 50]));
    put(ws5, 0, 0, b);
    const ws7 = wb.addWorksheet('三公');
    put(ws7, 0, 0, {
      rows: [
        [`${P}一般公共预算财政拨款“三公”经费支出决算表`],
        ['', '', '', '单位：万元'],
        ['项    目', '上年决算数', '本年预算数', '本年决算数'],
        ['合计', 4, 3, 2],
        ['一、因公出国（境）费', 0, 0, 0],
        ['二、公务用车购置及运行维护费', 3, 2, 1.5],
        ['（一）公务用车购置费', 0, 0, 0],
        ['（二）公务用车运行维护费', 3, 2, 1.5],
        ['三、公务接待费', 1, 1, 0.5],
      ],
    });
    rest(wb, ['T5', 'T7']);
    return wb;
  };
  const a = read(build());

  it('reads this year’s columns only', () => {
    expect(a.missing).toEqual([]);
    expect(a.T5!.location.columns.filter((c) => !c.key.startsWith('?')).map((c) => [c.key, c.col])).toEqual([
      ['total', 2],
      ['basic', 3],
      ['project', 4],
    ]);
    expect(a.T5!.total!.values.total!.cell).toBe('一般公共预算支出!C4');
    expect(a.T7!.budget.total!.cell).toBe('三公!C4');
    expect(a.T7!.actual.total!.cell).toBe('三公!D4');
    expect(a.T7!.actual.vehicleRunning!.fen).toBe(wan('1.5'));
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('titles the reader does not know: clear messages', () => {
  it('a 总表 titled “收入支出决算表” (no 总) is not taken for the 支出决算表', () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet('表1'), 0, 0, t1(`${P}收入支出决算表`));
    rest(wb, ['T1']);
    const a = read(wb);
    expect(a.T3!.location.sheet).toBe('公开03表');
    expect(a.issues.filter((i) => i.code === 'R-重复的表')).toEqual([]);
  });
});

describe('总表 with 行次 at the far left of each side and a 三公 table with items across and kinds down', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('总表');
    const b = t1();
    let n = 0;
    b.rows = b.rows.map((row, i) => {
      if (i < 2) return row;
      if (i === 2) return ['收入', '', '', '支出', '', ''];
      if (i === 3) return ['行次', '项目', '金额', '行次', '项目', '金额'];
      n++;
      return [n, row[0], row[1], n + 20, row[2], row[3]];
    });
    b.merges = [
      [0, 0, 0, 5],
      [2, 0, 2, 2],
      [2, 3, 2, 5],
    ];
    put(ws, 0, 0, b);
    const ws7 = wb.addWorksheet('三公');
    put(ws7, 0, 0, {
      rows: [
        [`${P}财政拨款“三公”经费支出决算表`],
        ['', '', '', '', '', '', '单位：万元'],
        ['项目', '合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费'],
        ['', '', '', '小计', '其中：公务用车购置费', '公务用车运行维护费', ''],
        ['预算数', 3, 0, 2, 0, 2, 1],
        ['决算数', 2, 0, 1.5, 0, 1.5, 0.5],
      ],
      merges: [
        [0, 0, 0, 6],
        [2, 0, 3, 0],
        [2, 1, 3, 1],
        [2, 2, 3, 2],
        [2, 3, 2, 5],
        [2, 6, 3, 6],
      ],
    });
    rest(wb, ['T1', 'T7']);
    return wb;
  };
  const a = read(build());

  it('reads the lines and the 三公 items', () => {
    expect(a.missing).toEqual([]);
    const t = a.T1!;
    expect(t.income.find((l) => l.key === 'generalBudget')!.values.amount!.cell).toBe('总表!C5');
    expect(t.expenditure.find((l) => l.key === 'class:201')!.values.amount!.cell).toBe('总表!F5');
    expect(t.income.find((l) => l.key === 'grandTotal')!.values.amount!.fen).toBe(wan('100'));
    const t7 = a.T7!;
    expect(t7.budget.vehiclePurchase!.cell).toBe('三公!E5');
    expect(t7.actual.vehicleRunning!.cell).toBe('三公!F6');
    expect(t7.actual.total!.cell).toBe('三公!B6');
    expect(t7.actual.reception!.fen).toBe(wan('0.5'));
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});

describe('two tables in 元 among tables in 万元, amounts as text with separators and stray spaces', () => {
  const build = () => {
    const wb = new ExcelJS.Workbook();
    const yuan = (v: V) => (typeof v === 'number' ? `${(v * 10000).toLocaleString('en-US', { minimumFractionDigits: 2 })}\u00a0` : v);
    const b2 = t2();
    b2.rows = b2.rows.map((row, i) => (i === 1 ? ['', '', '', '', '', '', '', '', '金额单位：元'] : i >= 3 ? row.map(yuan) : row));
    put(wb.addWorksheet('收入'), 0, 0, b2);
    const b7 = t7();
    b7.rows[1] = ['', '', '', '', '', '', '', '', '', '', '', '单位：元'];
    b7.rows[5] = b7.rows[5].map((v) => (typeof v === 'number' ? `${v * 10000} ` : v));
    put(wb.addWorksheet('三公'), 0, 0, b7);
    rest(wb, ['T2', 'T7']);
    return wb;
  };
  const a = read(build());

  it('converts each table by its own unit', () => {
    expect(a.missing).toEqual([]);
    expect(a.T2!.location.unit).toBe('yuan');
    expect(a.T2!.total!.values.total!.fen).toBe(wan('100'));
    expect(a.T2!.total!.values.total!.cell).toBe('收入!C4');
    expect(a.T7!.location.unit).toBe('yuan');
    expect(a.T7!.actual.vehicleRunning!.fen).toBe(wan('1.5'));
    expect(a.T1!.location.unit).toBe('wanyuan');
  });

  it('checks clean', () => expect(errors(a)).toEqual([]));
});
