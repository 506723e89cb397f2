/**
 * The ledger of what was not checked (issue 9 item 5): every relation the rules know is either evaluated
 * or listed with why — table missing, column not found, figure unreadable. Exact entries.
 */
import ExcelJS from 'exceljs';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { runRulesWithLedger } from '../src/rules';
import { checkRelation } from '../src/rules/relation';
import { Report, Unchecked } from '../src/rules/types';

function t3Book(edit?: (ws: ExcelJS.Worksheet) => void): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('公开03表');
  ws.getCell('A1').value = '城南街道办事处2023年度支出决算表';
  ws.getCell('E2').value = '单位：万元';
  ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  const rows: [string, string, number, number, number][] = [
    ['合计', '', 60, 40, 20],
    ['201', '一般公共服务支出', 60, 40, 20],
    ['20103', '政府办公厅（室）及相关机构事务', 60, 40, 20],
    ['2010301', '行政运行', 40, 40, 0],
    ['2010302', '一般行政管理事务', 20, 0, 20],
  ];
  rows.forEach((row, i) => row.forEach((v, j) => (ws.getCell(4 + i, j + 1).value = v)));
  edit?.(ws);
  return wb;
}

describe('the ledger', () => {
  it('an unreadable figure: its relations are listed as not evaluated, naming the figure and the cells that were read', () => {
    const a = readAccounts(snapshotFromExcelJs(t3Book((ws) => (ws.getCell('E8').value = '见附件')), 'ledger.xlsx'));
    const r = runRulesWithLedger(a);
    expect(r.findings.find((f) => f.rule === 'R-非数字')).toMatchObject({ severity: '错误', cells: ['公开03表!E8'] });
    expect(r.unchecked.filter((u) => u.rule.startsWith('T3-'))).toEqual([
      {
        rule: 'T3-科目层级',
        reason: '支出决算表 20103 政府办公厅（室）及相关机构事务（项目支出）：20103 = 2010301 + 2010302 未核对——“2010302”未读到金额。',
        cells: ['公开03表!E6', '公开03表!E7'],
      },
      {
        rule: 'T3-行内合计',
        reason: '支出决算表 2010302 一般行政管理事务：本年支出合计 = 基本支出 + 项目支出 未核对——“项目支出”未读到金额。',
        cells: ['公开03表!C8', '公开03表!D8'],
      },
    ]);
  });

  it('every table missing but 表3: each rule on the missing tables is listed once, with the tables it needs', () => {
    const a = readAccounts(snapshotFromExcelJs(t3Book(), 'ledger.xlsx'));
    const r = runRulesWithLedger(a);
    expect(r.unchecked.find((u) => u.rule === 'X-T1支出=T3')).toEqual({
      rule: 'X-T1支出=T3',
      reason: '缺少收入支出决算总表，未核对：总表支出与支出决算表一致。',
      cells: ['公开03表!A1:E8'],
    });
    expect(r.unchecked.filter((u) => u.rule.startsWith('T3-'))).toEqual([]);
    expect(r.checked).toBeGreaterThan(0);
  });

  it('checkRelation: a line not found is said as such, a present line with an unreadable cell likewise', () => {
    const got: Unchecked[] = [];
    const report: Report = Object.assign(() => undefined, { unchecked: (u: Omit<Unchecked, 'rule'>) => void got.push({ rule: 'R', ...u }) });
    const figure = { fen: 1, cell: 'S!A1', sheet: 'S', row: 0, col: 0, raw: '1', halfWidth: 0.5, blank: false, fromText: false, hiddenPrecision: false, formula: false };
    const v = checkRelation({ report, table: 'T1', unit: 'wanyuan', where: '收入支出决算总表', total: { figure: undefined, label: '本年收入合计', why: '行在表中找不到' }, parts: [{ figure, label: '事业收入' }] });
    expect(v).toBe('skipped');
    expect(got).toEqual([{ rule: 'R', reason: '收入支出决算总表：本年收入合计 = 事业收入 未核对——“本年收入合计”行在表中找不到。', cells: ['S!A1'] }]);
  });
});
