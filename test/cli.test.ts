/**
 * The command line, as a user runs it: exit codes, one-line Chinese errors, JSON shapes, files written
 * (never the input), and the whole flow init → fill 补充信息 → generate.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';

const FIX = path.join(__dirname, 'fixtures', 'xlsx');
const SEED2 = path.join(__dirname, 'fixtures', 'seeds', '002_256816beafe99349.txt');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-cli-'));

describe('juesuan read', () => {
  it('lists the nine tables with sheet, range and unit, the year, the unit name and main totals', async () => {
    const r = await run('read', path.join(FIX, 'yuquan2021-sichuan.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('单位名称：攀枝花市西区玉泉街道办事处    年度：2021');
    expect(r.out).toContain('1. 收入支出决算总表  公开01表!A1:F38  单位：万元');
    expect(r.out).toContain('9. 国有资本经营预算财政拨款支出决算表  公开09表!A1:E12  单位：万元  （本表无数据）');
    expect(r.out).toContain('本年收入合计：853.00（公开01表!C33）');
    expect(r.out).toContain('九张标准表齐全。');
  });

  it('--json: tables, missing, totals with cells', async () => {
    const r = await run('read', path.join(FIX, 'yuquan2021-missing-T6.xlsx'), '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.year).toBe(2021);
    expect(j.missing).toEqual([{ id: 'T6', name: '一般公共预算财政拨款基本支出决算表' }]);
    expect(j.tables.filter((t: { standard: boolean }) => t.standard)).toHaveLength(8);
    expect(j.totals['T1.incomeTotal']).toEqual({ table: 'T1', label: '本年收入合计', amount: '853.00', unit: '万元', wanyuan: '853.00', cell: '公开01表!C33', blank: false });
  });

  it.each([
    ['yuquan2021-not-xlsx.xlsx', /^无法读取文件“yuquan2021-not-xlsx\.xlsx”：它不是有效的 \.xlsx 工作簿/],
    ['yuquan2021-truncated.xlsx', /^无法读取文件“yuquan2021-truncated\.xlsx”/],
    ['没有这个文件.xlsx', /^找不到文件/],
  ])('%s: exit 2 with one Chinese line, no stack trace', async (file, message) => {
    const r = await run('read', path.join(FIX, file));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});

describe('juesuan read: the whole 总表, the totals of every table, and which tables are empty', () => {
  it('--json totals: every line of both 总表 (per fund column in 表4), the 合计 rows and the 三公 totals, each with its cell', async () => {
    const r = await run('read', path.join(FIX, 'yuquan2021-missing-T6.xlsx'), '--json');
    const j = JSON.parse(r.out);
    const t = (k: string) => ({ amount: j.totals[k].amount, cell: j.totals[k].cell, label: j.totals[k].label });
    expect(t('T1.income.useNonFiscalBalance')).toEqual({ amount: '0.00', cell: '公开01表!C34', label: '使用非财政拨款结余' });
    expect(t('T1.income.openingBalance')).toEqual({ amount: '0.00', cell: '公开01表!C35', label: '年初结转和结余' });
    expect(t('T1.expenditure.surplusDistribution')).toEqual({ amount: '0.00', cell: '公开01表!F34', label: '结余分配' });
    expect(t('T1.expenditure.closingBalance')).toEqual({ amount: '0.00', cell: '公开01表!F35', label: '年末结转和结余' });
    expect(t('T1.expenditureGrandTotal')).toEqual({ amount: '853.00', cell: '公开01表!F36', label: '支出总计' });
    expect(t('T4.income.openingBalance')).toEqual({ amount: '0.00', cell: '公开04表!C34', label: '年初财政拨款结转和结余' });
    expect(t('T4.income.grandTotal')).toEqual({ amount: '853.00', cell: '公开04表!C38', label: '总计' });
    expect(t('T4.expenditure.expenditureTotal.general')).toEqual({ amount: '843.28', cell: '公开04表!G33', label: '本年支出合计（一般公共预算财政拨款）' });
    expect(t('T4.expenditure.expenditureTotal.fund')).toEqual({ amount: '9.72', cell: '公开04表!H33', label: '本年支出合计（政府性基金预算财政拨款）' });
    expect(t('T4.expenditure.grandTotal.total')).toEqual({ amount: '853.00', cell: '公开04表!F38', label: '总计（合计）' });
    expect(t('T3.total.total')).toEqual({ amount: '853.00', cell: '公开03表!C7', label: '合计（本年支出合计）' });
    expect(j.totals['T7.actual']).toMatchObject({ table: 'T7', cell: expect.stringMatching(/^公开07表!/) });
    expect(Object.keys(j.totals).filter((k) => /^T[2358]\.total\./.test(k)).map((k) => k.slice(0, 2))).toEqual(expect.arrayContaining(['T2', 'T3', 'T5', 'T8']));
    expect(j.tables.map((x: { id: string; empty: boolean }) => `${x.id}:${x.empty}`)).toEqual(expect.arrayContaining(['T8:false', 'T9:true']));
    expect(j.tables.find((x: { id: string }) => x.id === 'T1').precision).toEqual({ halfWidth: 5000, basis: '万元，保留2位小数：每个数 ±0.005万元' });
  });

  it('text: the 总表 lines with their cells, grouped by table', async () => {
    const r = await run('read', path.join(FIX, 'yuquan2021-sichuan.xlsx'));
    expect(r.out).toContain('  【收入支出决算总表】（万元）\n');
    expect(r.out).toContain('    年初结转和结余：0.00（公开01表!C35）');
    expect(r.out).toContain('    年末结转和结余：0.00（公开01表!F35）');
  });
});

describe('juesuan check: the ledger of relations not evaluated', () => {
  it('--json lists every relation that could not be evaluated, with why and its cells; text says how many', async () => {
    const r = await run('check', path.join(FIX, 'yuquan2021-missing-T6.xlsx'), '--json');
    const j = JSON.parse(r.out);
    expect(j.checked).toBeGreaterThan(500);
    expect(j.unchecked).toEqual([
      { rule: 'T6-经济分类层级', reason: '缺少一般公共预算财政拨款基本支出决算表，未核对：经济分类类级等于其下款级之和。', cells: [] },
      { rule: 'T6-人员公用经费合计', reason: '缺少一般公共预算财政拨款基本支出决算表，未核对：人员经费合计、公用经费合计。', cells: [] },
      { rule: 'X-T5基本支出=T6', reason: '缺少一般公共预算财政拨款基本支出决算表，未核对：基本支出与基本支出决算表一致。', cells: ['公开05表!A1:E50'] },
      {
        rule: 'X-T6三公≤T7',
        reason: '缺少一般公共预算财政拨款基本支出决算表，未核对：基本支出中的“三公”科目不超过“三公”经费决算数。',
        cells: ['公开07表!A1:L10'],
      },
    ]);
    const text = await run('check', path.join(FIX, 'yuquan2021-missing-T6.xlsx'));
    expect(text.out).toContain(`核对了 ${j.checked} 个关系，4 个未能核对（见“未校验”）。`);
    expect(text.out).toContain('【未校验】 4 个关系未能核对：');
  });

  it('a correct complete workbook: nothing left unchecked', async () => {
    const r = await run('check', path.join(FIX, 'yuquan2021-sichuan.xlsx'), '--json');
    expect(JSON.parse(r.out).unchecked).toEqual([]);
  });
});

describe('juesuan check', () => {
  it('a correct workbook: exit 0, a one-line summary, the catalogue used', async () => {
    const r = await run('check', path.join(FIX, 'yuquan2021-shanghai-onesheet.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/科目目录：内置2021年支出功能分类科目（\d+条）；/);
    expect(r.out.trim().split('\n').pop()).toBe('共 2 条：错误 0 条，警告 0 条，提示 2 条。没有错误。');
  });

  it('a broken 项: exit 1 and the JSON the issue asks for', async () => {
    const r = await run('check', path.join(FIX, 'yuquan2021-broken-item.xlsx'), '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    const f = j.findings.find((x: { rule: string; severity: string }) => x.rule === 'T5-科目层级' && x.severity === '错误');
    expect(f).toEqual({
      rule: 'T5-科目层级',
      severity: '错误',
      table: 'T5',
      message: expect.stringContaining('20103'),
      cells: ['公开05表!C9', '公开05表!C10', '公开05表!C11', '公开05表!C12', '公开05表!C13', '公开05表!C14'],
      expected: '639.90',
      actual: '638.90',
      status: '未处理',
      note: null,
      fingerprint: expect.stringMatching(/^[0-9a-z]{11}$/),
      reopened: null,
    });
    expect(j.summary.错误).toBe(2);
  });

  it('--year outside the catalogue is said, not guessed silently; a bad --year is refused', async () => {
    const r = await run('check', path.join(FIX, 'yuquan2021-sichuan.xlsx'), '--year', '2030');
    expect(r.out).toMatch(/2030年不在内置的2020—2025年范围内，按最近的2025年核对/);
    const bad = await run('check', path.join(FIX, 'yuquan2021-sichuan.xlsx'), '--year', 'abc');
    expect(bad.code).toBe(2);
  });

  it('a folder: one line per workbook, unreadable files listed, exit 1 when any has 错误', async () => {
    const dir = path.join(tmp, 'batch');
    fs.mkdirSync(dir);
    for (const f of ['yuquan2021-sichuan.xlsx', 'yuquan2021-broken-item.xlsx', 'yuquan2021-truncated.xlsx']) fs.copyFileSync(path.join(FIX, f), path.join(dir, f));
    const r = await run('check', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✓ yuquan2021-sichuan.xlsx  攀枝花市西区玉泉街道办事处 2021年  错误 0');
    expect(r.out).toContain('✗ yuquan2021-broken-item.xlsx');
    expect(r.out).toContain('✗ yuquan2021-truncated.xlsx  无法读取');
    expect(r.out).toContain('共 3 个工作簿：1 个没有错误，1 个无法读取。');
  });

  it('local 科目 from a CSV are used and named', async () => {
    const csv = path.join(tmp, '本地科目.csv');
    fs.writeFileSync(csv, '科目编码,科目名称\n2010377,街道专项事务\n');
    const r = await run('check', path.join(FIX, 'yuquan2021-sichuan.xlsx'), '--catalogue', csv);
    expect(r.out).toMatch(/\+ 用户补充1条/);
  });
});

describe('init → 补充信息 → generate', () => {
  const input = path.join(tmp, '玉泉.xlsx');
  beforeAll(() => fs.copyFileSync(path.join(FIX, 'yuquan2021-sichuan.xlsx'), input));

  it('init writes a new file with 补充信息 prefilled, leaving the input untouched', async () => {
    const before = fs.readFileSync(input);
    const r = await run('init', input);
    expect(r.code).toBe(0);
    const out = path.join(tmp, '玉泉_决算助手.xlsx');
    expect(r.out).toContain(out);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('补充信息')!;
    const rows: Record<string, unknown> = {};
    ws.eachRow((row) => (rows[String(row.getCell(6).value)] = row.getCell(3).value));
    expect(rows.unitName).toBe('攀枝花市西区玉泉街道办事处');
    expect(rows.year).toBe(2021);
  });

  it('values typed in 补充信息 survive init again and reach the narrative', async () => {
    const file = path.join(tmp, '玉泉_决算助手.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('补充信息')!;
    ws.eachRow((row) => {
      const key = String(row.getCell(6).value);
      if (key === 'last.incomeGrandTotal') row.getCell(3).value = 907.2;
      if (key === 'reason.threePublicChange') row.getCell(3).value = '新增一台公务用车';
    });
    await wb.xlsx.writeFile(file);
    const again = await run('init', file);
    // The existing 补充信息 is kept as it is (typed values, the prefilled link to 表6's 公用经费合计).
    expect(again.out).toContain('原有内容一字未改');
    const check = new ExcelJS.Workbook();
    await check.xlsx.readFile(file);
    let running: ExcelJS.CellValue = null;
    check.getWorksheet('补充信息')!.eachRow((row) => {
      if (row.getCell(6).value === 'running.amount') running = row.getCell(3).value;
    });
    expect(running).toEqual({ formula: "'公开06表'!I33", result: 30.34 });
    const text = await run('generate', file, '--text');
    expect(text.code).toBe(0);
    expect(text.out).toContain('与2020年相比，收、支总计各减少54.20万元，下降5.97%');
  });

  it('generate writes 决算说明 and 执行率汇总 (with charts) into a copy', async () => {
    const out = path.join(tmp, '结果.xlsx');
    const r = await run('generate', path.join(tmp, '玉泉_决算助手.xlsx'), '-o', out, '--form', 'shanghai');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['公开01表', '补充信息', '决算说明', '执行率汇总']));
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(7);
    const bad = await run('generate', out, '--form', 'beijing');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--form 只能是 sichuan/);
  });

  it('rates: the "三公" control rate from the tables, the missing inputs named', async () => {
    const r = await run('rates', path.join(FIX, 'taojiadu2020-sichuan.xlsx'), '--json');
    const j = JSON.parse(r.out);
    const three = j.rates.find((x: { name: string }) => /三公经费”控制率/.test(x.name));
    expect(three.percent).toBe('42.00');
    const staff = j.rates.find((x: { name: string }) => x.name === '在职人员控制率');
    expect(staff.status).toBe('not-computable');
    expect(staff.reason).toMatch(/^缺少：补充信息/);
  });
});

describe('juesuan audit', () => {
  it('finds seed 002’s 收入总计 746.99 mistake, exit 1', async () => {
    const r = await run('audit', path.join(FIX, 'taojiadu2020-sichuan.xlsx'), '--text', SEED2);
    expect(r.code).toBe(1);
    expect(r.out).toContain('把本年收入合计（746.99万元）当成了收入总计：收入总计应为 839.87 万元（公开01表!C36）');
  });

  it('a missing narrative file: exit 2, one line', async () => {
    const r = await run('audit', path.join(FIX, 'taojiadu2020-sichuan.xlsx'), '--text', path.join(tmp, 'nope.txt'));
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`找不到说明文件“${path.join(tmp, 'nope.txt')}”。`);
  });
});

it('unknown command and no arguments: usage, exit 2', async () => {
  const none = await run();
  expect(none.code).toBe(2);
  for (const c of ['read', 'check', 'init', 'rates', 'generate', 'audit']) expect(none.out).toContain(`juesuan ${c} <`);
  const r = await run('frobnicate');
  expect(r.code).toBe(2);
  expect(r.err).toContain('未知命令“frobnicate”');
  expect((await run('chek', 'x.xlsx')).err.split('\n')[0]).toBe('未知命令“chek”（是不是 check？）。');
});

describe('a command line that fails loudly', () => {
  const book = path.join(FIX, 'yuquan2021-sichuan.xlsx');

  it.each([
    [['check', book, '--yeer', '2020'], 'juesuan check 没有选项“--yeer”（是不是 --year？）。', 'juesuan check <工作簿.xlsx|文件夹> [--year N]'],
    [['init', book, '--bogus', 'x'], 'juesuan init 没有选项“--bogus”。', 'juesuan init <工作簿.xlsx> [-o 输出.xlsx]'],
    [['read', book, '--json', '--verbose'], 'juesuan read 没有选项“--verbose”。', 'juesuan read <工作簿.xlsx> [--json]'],
    [['rates', book, 'extra.xlsx'], 'juesuan rates 多了参数“extra.xlsx”：只接受 1 个（工作簿.xlsx）。', 'juesuan rates <工作簿.xlsx> [--json]'],
    [['generate', book, 'out.xlsx'], 'juesuan generate 多了参数“out.xlsx”：只接受 1 个（工作簿.xlsx）。', 'juesuan generate <工作簿.xlsx> [-o 输出.xlsx]'],
    [['read'], 'juesuan read 缺少参数 <工作簿.xlsx>。', 'juesuan read <工作簿.xlsx>'],
    [['generate', book, '-o'], '选项 --output 后面缺少取值。', 'juesuan generate <工作簿.xlsx>'],
    [['audit', book, '--json', '--text'], '选项 --text 后面缺少取值。', 'juesuan audit <工作簿.xlsx>'],
    [['check', '--json', book, '--catalogue'], '选项 --catalogue 后面缺少取值。', 'juesuan check <工作簿.xlsx|文件夹>'],
  ])('%j is refused: exit 2, one Chinese line, then the usage, nothing run', async (argv, message, usage) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toBe(message);
    expect(lines[1]).toMatch(/^用法：juesuan /);
    expect(lines[1]).toContain(usage);
    expect(lines).toHaveLength(2);
  });

  it('a refused init writes nothing', async () => {
    const input = path.join(tmp, '拒绝.xlsx');
    fs.copyFileSync(book, input);
    expect((await run('init', input, '--bogus', 'x')).code).toBe(2);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('拒绝'))).toEqual(['拒绝.xlsx']);
  });

  it.each(['read', 'check', 'init', 'rates', 'generate', 'audit'])('%s --help: the Chinese help, every option, exit 0', async (command) => {
    const r = await run(command, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^用法： juesuan ${command} <`));
    expect(r.out).toContain('参数：');
    expect(r.out).toContain('选项：');
    expect(r.out).toContain('-h, --help');
    expect(r.out).not.toMatch(/Usage|Options|Arguments|display help/);
    expect((await run('help', command)).out).toBe(r.out);
  });

  it('options still take --name=value and -o value, anywhere after the command', async () => {
    const r = await run('check', '--year=2030', book);
    expect(r.out).toMatch(/2030年不在内置的2020—2025年范围内/);
    const out = path.join(tmp, '等号.xlsx');
    expect((await run('init', '-o', out, book)).code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });
});
