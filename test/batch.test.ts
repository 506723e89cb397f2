/**
 * `juesuan check <folder>` on a pool of worker threads, with a real temp folder: fixture copies in a folder and a
 * subfolder, damaged files, a file that never finishes reading (a FIFO) — the batch never stops, each file is one
 * summary row (damaged ones with their reason), --json is one object per line, --report-dir writes each 整改清单.
 * The workers run from the compiled lib/ (npx tsc -p tsconfig.build.json).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { SUMMARY_COLUMNS } from '../src/review/summary';

const FIX = path.join(__dirname, 'fixtures', 'xlsx');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-batch-'));
const dir = path.join(tmp, '报送');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

beforeAll(() => {
  fs.mkdirSync(path.join(dir, '二级单位'), { recursive: true });
  for (const f of ['yuquan2021-sichuan.xlsx', 'yuquan2021-broken-item.xlsx', 'taojiadu2020-sichuan.xlsx', 'wujialing2022-shanghai-onesheet.xlsx']) {
    fs.copyFileSync(path.join(FIX, f), path.join(dir, f));
  }
  fs.copyFileSync(path.join(FIX, 'yuquan2021-truncated.xlsx'), path.join(dir, '损坏.xlsx'));
  fs.writeFileSync(path.join(dir, '不是表格.xlsx'), 'hello');
  fs.writeFileSync(path.join(dir, '~$玉泉.xlsx'), 'lock file');
  fs.writeFileSync(path.join(dir, '说明.txt'), 'not a workbook');
  fs.copyFileSync(path.join(FIX, 'yuquan2021-sichuan.xlsx'), path.join(dir, '二级单位', '玉泉下属.xlsx'));
});

function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

describe('juesuan check <folder>', () => {
  it('--summary, --report-dir, --recursive, --jobs 2: one row per file, damaged files with reasons, the batch never stops', async () => {
    const summary = path.join(tmp, '汇总.xlsx');
    const reports = path.join(tmp, '整改');
    const r = await run('check', dir, '--recursive', '--jobs', '2', '--summary', summary, '--report-dir', reports);
    expect(r.code).toBe(1);
    expect(r.out).toContain('（7 个工作簿，2 个线程）');
    expect(r.out).toContain('✗ 损坏.xlsx  无法读取：');
    expect(r.out).toContain('✗ 不是表格.xlsx  无法读取：');
    expect(r.out).toContain(`✓ ${path.join('二级单位', '玉泉下属.xlsx')}  攀枝花市西区玉泉街道办事处 2021年`);
    expect(r.out).toContain('共 7 个工作簿：4 个没有错误，2 个无法读取。');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    const rows = sheetRows(wb.getWorksheet('汇总')!);
    expect(rows[2]).toEqual(SUMMARY_COLUMNS);
    const body = rows.slice(3);
    expect(body).toHaveLength(7);
    const byFile = new Map(body.map((row) => [row[1] as string, row]));
    const col = (name: string) => SUMMARY_COLUMNS.indexOf(name);
    const yq = byFile.get('yuquan2021-sichuan.xlsx')!;
    expect(yq[col('单位')]).toBe('攀枝花市西区玉泉街道办事处');
    expect(yq[col('年度')]).toBe(2021);
    expect(yq[col('找到的表')]).toBe(9);
    expect(yq[col('错误')]).toBe(0);
    expect(yq[col('收入总计（万元）')]).toBe(Number(JSON.parse((await run('read', path.join(FIX, 'yuquan2021-sichuan.xlsx'), '--json')).out).totals['T1.incomeGrandTotal'].amount));
    expect(byFile.get('yuquan2021-broken-item.xlsx')![col('错误')]).toBe(2);
    expect(String(byFile.get('损坏.xlsx')![col('说明')])).toMatch(/^无法读取文件/);
    expect(byFile.get('损坏.xlsx')![col('错误')]).toBeFalsy();
    const tj = JSON.parse((await run('rates', path.join(FIX, 'taojiadu2020-sichuan.xlsx'), '--json')).out);
    const control = tj.rates.find((x: { id: string }) => x.id === 'threePublicControl');
    expect(byFile.get('taojiadu2020-sichuan.xlsx')![col('“三公”经费控制率')]).toBe(`${control.percent}%`);

    // each readable workbook has its 整改清单, at the same relative path
    expect(fs.existsSync(path.join(reports, 'yuquan2021-broken-item_整改清单.xlsx'))).toBe(true);
    expect(fs.existsSync(path.join(reports, '二级单位', '玉泉下属_整改清单.xlsx'))).toBe(true);
    expect(byFile.get('yuquan2021-broken-item.xlsx')![col('整改清单')]).toBe(path.join(reports, 'yuquan2021-broken-item_整改清单.xlsx'));

    // a second run overwrites our own summary; the summary is never taken as a submission
    const again = await run('check', tmp, '--recursive', '--jobs', '1', '--summary', summary);
    expect(again.out).not.toContain('汇总.xlsx  ');
  });

  it('--json: one JSON object per workbook per line', async () => {
    const r = await run('check', dir, '--json', '--jobs', '2');
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(6);
    const objs = lines.map((l) => JSON.parse(l));
    expect(objs.map((o) => o.file).sort()).toEqual(['taojiadu2020-sichuan.xlsx', 'wujialing2022-shanghai-onesheet.xlsx', 'yuquan2021-broken-item.xlsx', 'yuquan2021-sichuan.xlsx', '不是表格.xlsx', '损坏.xlsx'].sort());
    expect(objs.find((o) => o.file === '损坏.xlsx').error).toMatch(/^无法读取文件/);
    expect(objs.find((o) => o.file === 'yuquan2021-broken-item.xlsx').summary.错误).toBe(2);
  });

  it('options are checked before any work: bad --jobs, --report with a folder, folder options on one workbook', async () => {
    expect((await run('check', dir, '--jobs', '0')).err).toMatch(/^--jobs 应为正整数/);
    expect((await run('check', dir, '--report', path.join(tmp, 'x.xlsx'))).err).toMatch(/--report-dir/);
    const one = await run('check', path.join(FIX, 'yuquan2021-sichuan.xlsx'), '--summary', path.join(tmp, 's.xlsx'));
    expect(one.code).toBe(2);
    expect(one.err).toMatch(/^--summary 只用于检查文件夹/);
    const user = path.join(tmp, '用户汇总.xlsx');
    fs.copyFileSync(path.join(FIX, 'yuquan2021-sichuan.xlsx'), user);
    expect((await run('check', dir, '--summary', user)).err).toMatch(/已存在且不是决算助手生成的文件/);
  });

  (process.platform === 'win32' ? it.skip : it)('a file over the time budget is a row with the reason; its worker is replaced and the rest go on', async () => {
    const slow = path.join(tmp, '慢');
    fs.mkdirSync(slow);
    const fifo = path.join(slow, 'a-永远读不完.xlsx');
    execFileSync('mkfifo', [fifo]);
    for (const f of ['b.xlsx', 'c.xlsx', 'd.xlsx']) fs.copyFileSync(path.join(FIX, 'yuquan2021-sichuan.xlsx'), path.join(slow, f));
    try {
      const r = await run('check', slow, '--jobs', '1', '--timeout', '4');
      expect(r.out).toContain('✗ a-永远读不完.xlsx  无法读取：超过单个文件的时间上限（4 秒），已跳过');
      for (const f of ['b.xlsx', 'c.xlsx', 'd.xlsx']) expect(r.out).toContain(`✓ ${f}`);
      expect(r.code).toBe(1);
    } finally {
      // release the read still blocked on the FIFO
      const fd = fs.openSync(fifo, 'w');
      fs.closeSync(fd);
    }
  });
});
