/**
 * Precision from the data (issue 9 item 1): each table's rounding half-width is decided from all its
 * figures, never per value. The same small 支出决算表 written in 万元, in 元 rounded to whole hundreds, in
 * whole 元 and in 元 with 分; one cell moved by a little (inside the bound → 提示) or a little more
 * (beyond → 错误), asserting the exact finding: cells, expected, actual, severity, message.
 */
import ExcelJS from 'exceljs';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { runRules } from '../src/rules';
import { formatAmountInMessage, groupThousands } from '../src/money/money';
import { decideTablePrecision } from '../src/money/tolerance';

type Unit = '万元' | '元';

/** 合计, 201, 20103, 2010301, 2010302 with total | basic | project, in 分. */
function rowsFen(extra: number): [string, string, number, number, number][] {
  // 2010302 has 20.00 万元 of 项目支出 (+ extra 分 on the project cell only).
  return [
    ['合计', '', 60_000_000, 40_000_000, 20_000_000],
    ['201', '一般公共服务支出', 60_000_000, 40_000_000, 20_000_000],
    ['20103', '政府办公厅（室）及相关机构事务', 60_000_000, 40_000_000, 20_000_000],
    ['2010301', '行政运行', 40_000_000, 40_000_000, 0],
    ['2010302', '一般行政管理事务', 20_000_000, 0, 20_000_000 + extra],
  ];
}

/**
 * A 支出决算表 in `unit`. `shift` (分) adds small odd amounts to every figure consistently so the 元 tables
 * can hold whole 元 or 分 (the relations stay exact); `extra` (分) moves one cell, 2010302 项目支出 (E8).
 */
function book(unit: Unit, o: { shift?: number; extra?: number } = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('公开03表');
  ws.getCell('A1').value = '城南街道办事处2023年度支出决算表';
  ws.getCell('E2').value = `单位：${unit}`;
  ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  const s = o.shift ?? 0;
  // The shift goes to the 2010301 row's 基本支出 and all its parents, so every sum still holds exactly.
  rowsFen(o.extra ?? 0).forEach(([code, name, t, b, p], i) => {
    const shifted = code !== '2010302' ? [t + s, b + s, p] : [t, b, p];
    const r = 4 + i;
    ws.getCell(r, 1).value = code;
    ws.getCell(r, 2).value = name;
    shifted.forEach((fen, j) => (ws.getCell(r, 3 + j).value = unit === '万元' ? fen / 1_000_000 : fen / 100));
  });
  return wb;
}

function t3Findings(wb: ExcelJS.Workbook) {
  const a = readAccounts(snapshotFromExcelJs(wb, 'precision.xlsx'));
  return {
    accounts: a,
    findings: runRules(a)
      .filter((f) => f.rule === 'T3-行内合计')
      .map((f) => ({ severity: f.severity, cells: f.cells, expected: f.expected, actual: f.actual, message: f.message })),
  };
}

describe('amounts in messages', () => {
  it('thousands separators in 元 and the 万元 equivalent beside a 元 figure', () => {
    expect(formatAmountInMessage(9_746_490_000, 'yuan')).toBe('97,464,900.00元（9,746.49万元）');
    expect(formatAmountInMessage(9_746_490_000, 'wanyuan')).toBe('9,746.49万元');
    expect(formatAmountInMessage(-12_345_600, 'yuan')).toBe('-123,456.00元（-12.35万元）');
    expect(formatAmountInMessage(5_000, 'yuan')).toBe('50.00元');
    expect(groupThousands('1234567.5')).toBe('1,234,567.5');
    expect(groupThousands('999.00')).toBe('999.00');
  });
});

describe('the decision, per table', () => {
  const b = (fen: number) => ({ fen, halfWidth: 0.5 });
  it('元 in whole hundreds → ±50 元; whole 元 → ±0.5 元; 分 → ±0.005 元; too few amounts → undecided', () => {
    expect(decideTablePrecision('yuan', [b(600_000_00), b(400_000_00), b(200_100_00), b(0)])?.halfWidth).toBe(5_000);
    expect(decideTablePrecision('yuan', [b(600_001_00), b(400_001_00), b(200_000_00)])?.halfWidth).toBe(50);
    expect(decideTablePrecision('yuan', [b(600_001_37), b(400_001_37), b(200_000_00)])?.halfWidth).toBe(0.5);
    expect(decideTablePrecision('yuan', [b(600_000_00), b(600_000_00), b(0)])).toBeUndefined();
  });
  it('万元 with 2 decimals → ±0.005 万元 (5 000 分)', () => {
    expect(decideTablePrecision('wanyuan', [{ fen: 60_000_000, halfWidth: 5_000 }])).toEqual({ halfWidth: 5_000, basis: '万元，保留2位小数：每个数 ±0.005万元' });
  });
});

describe('inside the bound a 提示（尾差）, beyond it an 错误 — in every unit', () => {
  // The 2010302 row: 本年支出合计 C8 = 基本支出 D8 + 项目支出 E8; three figures, so the bound is 3 half-widths.
  const cells = ['公开03表!C8', '公开03表!D8', '公开03表!E8'];

  it('元 in whole hundreds: 100 元 off is a 提示 (bound ±150 元), 200 元 off is an 错误', () => {
    const hint = t3Findings(book('元', { extra: 10_000 }));
    expect(hint.accounts.T3!.location.precision).toEqual({ halfWidth: 5_000, basis: '元，非零金额均为整百元（按0.01万元取整后以元列示）：每个数 ±50元' });
    expect(hint.findings).toEqual([
      {
        severity: '提示',
        cells,
        expected: '200100.00',
        actual: '200000.00',
        message:
          '支出决算表 2010302 一般行政管理事务：本年支出合计 = 基本支出 + 项目支出，各项相加为 200,100.00元（20.01万元），表中为 200,000.00元（20.00万元），相差 100.00元（0.01万元），在四舍五入允许的尾差范围（±150.00元）内。',
      },
    ]);
    const error = t3Findings(book('元', { extra: 20_000 }));
    expect(error.findings).toEqual([
      {
        severity: '错误',
        cells,
        expected: '200200.00',
        actual: '200000.00',
        message:
          '支出决算表 2010302 一般行政管理事务：本年支出合计 = 基本支出 + 项目支出 不成立，各项相加为 200,200.00元（20.02万元），表中为 200,000.00元（20.00万元），表中数少 200.00元（0.02万元）（超出四舍五入允许的尾差 ±150.00元）。',
      },
    ]);
  });

  it('whole 元: 1 元 off is a 提示 (bound ±1.5 元), 2 元 off is an 错误', () => {
    const hint = t3Findings(book('元', { shift: 700, extra: 100 }));
    expect(hint.accounts.T3!.location.precision?.halfWidth).toBe(50);
    expect(hint.findings.map((f) => [f.severity, f.cells, f.expected, f.actual])).toEqual([['提示', cells, '200001.00', '200000.00']]);
    const error = t3Findings(book('元', { shift: 700, extra: 200 }));
    expect(error.findings.map((f) => [f.severity, f.cells, f.expected, f.actual])).toEqual([['错误', cells, '200002.00', '200000.00']]);
  });

  it('元 with 分: 0.01 元 off is a 提示 (bound ±0.015 元), 0.02 元 off is an 错误', () => {
    const hint = t3Findings(book('元', { shift: 737, extra: 1 }));
    expect(hint.accounts.T3!.location.precision?.halfWidth).toBe(0.5);
    expect(hint.findings.map((f) => [f.severity, f.cells, f.expected, f.actual])).toEqual([['提示', cells, '200000.01', '200000.00']]);
    const error = t3Findings(book('元', { shift: 737, extra: 2 }));
    expect(error.findings.map((f) => [f.severity, f.cells, f.expected, f.actual])).toEqual([['错误', cells, '200000.02', '200000.00']]);
  });

  it('万元: 0.01 万元 off is a 提示 (bound ±0.015 万元), 0.02 万元 off is an 错误', () => {
    const hint = t3Findings(book('万元', { extra: 10_000 }));
    expect(hint.accounts.T3!.location.precision?.halfWidth).toBe(5_000);
    expect(hint.findings).toEqual([
      {
        severity: '提示',
        cells,
        expected: '20.01',
        actual: '20.00',
        message:
          '支出决算表 2010302 一般行政管理事务：本年支出合计 = 基本支出 + 项目支出，各项相加为 20.01万元，表中为 20.00万元，相差 0.01万元，在四舍五入允许的尾差范围（±0.015万元）内。',
      },
    ]);
    const error = t3Findings(book('万元', { extra: 20_000 }));
    expect(error.findings.map((f) => [f.severity, f.cells, f.expected, f.actual])).toEqual([['错误', cells, '20.02', '20.00']]);
  });
});

describe('a whole published workbook written in 元 after rounding to 0.01 万元 (the issue 9 case)', () => {
  // The 万元 fixture's amounts × 10 000, its unit lines changed to 元: every amount is a whole hundred 元,
  // and its real 尾差 (0.01 万元 = 100 元) must stay 提示, never become 错误.
  const load = async (name: string) => {
    const fs = await import('fs');
    const path = await import('path');
    const X = path.join(__dirname, 'fixtures', 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(X, `${name}.xlsx`)) as unknown as ArrayBuffer);
    const cells: Record<string, string> = JSON.parse(fs.readFileSync(path.join(X, `${name}.cells.json`), 'utf8'));
    const at = (ref: string) => {
      const i = ref.lastIndexOf('!');
      return wb.getWorksheet(ref.slice(0, i).replace(/^'(.*)'$/, '$1'))!.getCell(ref.slice(i + 1));
    };
    for (const [k, ref] of Object.entries(cells)) {
      if (/^meta\./.test(k) || /\.(code|name|title)$/.test(k)) continue;
      const c = at(ref);
      if (/\.unit$/.test(k)) c.value = String(c.value ?? '').replace(/万元/g, '元');
      else if (typeof c.value === 'number') c.value = Math.round(c.value * 1_000_000) / 100;
    }
    return { accounts: readAccounts(snapshotFromExcelJs(wb, `${name}-yuan.xlsx`)), cells };
  };

  it.each(['yuquan2021-titled-sheets', 'yuquan2021-sichuan'])('%s: no 错误, the real 尾差 are 提示 in 元 with separators', async (name) => {
    const { accounts } = await load(name);
    expect(accounts.tables.filter((t) => /^T\d$/.test(String(t.id))).map((t) => t.unit)).toEqual(Array(9).fill('yuan'));
    expect(accounts.T1!.location.precision?.halfWidth).toBe(5_000);
    const findings = runRules(accounts);
    expect(findings.filter((f) => f.severity === '错误').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    const hint = findings.find((f) => f.rule === 'T3-行内合计' && f.severity === '提示');
    expect(hint?.message).toContain('各项相加为 8,530,100.00元（853.01万元），表中为 8,530,000.00元（853.00万元），相差 100.00元（0.01万元）');
  });
});
