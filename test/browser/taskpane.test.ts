/**
 * The task pane in a real headless Chromium, outside Office (the "browser page" mode):
 *  - the page starts quickly whether office.js is missing (CDN unreachable) or present but not in Office;
 *  - an .xlsx chosen in the file picker is read and its tables are listed with sheet names and ranges;
 *  - 载入示例工作簿 loads ./samples/玉泉街道2021.xlsx;
 *  - a damaged file gives the Chinese error message and the page keeps working;
 *  - 校验 / 生成说明 / 执行率汇总 are visibly reserved but disabled ("即将推出").
 * Screenshots: .tmp/taskpane.png (wide browser page) and .tmp/taskpane-narrow.png (task-pane width).
 *
 * Needs Debian's Chromium: apt-get install -y chromium (fonts-noto-cjk for readable screenshots).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { serveStatic, StaticServer } from './staticServer';
import { snapshotFromXlsx } from '../../src/adapters/exceljs/snapshotFromXlsx';
import { isCellError, WorkbookSnapshot } from '../../src/snapshot/types';
import { TINY_SHEET, TINY_UNIT, tinyWorkbook } from './tinyWorkbook';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const TMP = path.join(ROOT, '.tmp');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SAMPLE_NAME = '玉泉街道2021.xlsx';
const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: StaticServer;
let context: BrowserContext;
let userDataDir: string;
let tinyXlsx: Buffer;
/** dist/samples holds the generated 玉泉街道 workbook (true) or our stand-in (false). */
let realSample = false;

/** Errors thrown in the page (uncaught) or logged as console errors other than blocked network loads. */
const pageErrors = new WeakMap<Page, string[]>();

async function openPage(options: { officeJs?: 'absent' | 'local' } = {}): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(String(e)));
  if (options.officeJs === 'local') {
    // office.js "from the CDN", answered from node_modules: office.js present, but we are not inside Office.
    await page.route(`${CDN}**`, (route) => {
      const rel = decodeURIComponent(new URL(route.request().url()).pathname).replace('/lib/1/hosted/', '');
      const file = path.join(OFFICE_DIST, rel);
      if (file.startsWith(OFFICE_DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) return route.fulfill({ path: file });
      return route.fulfill({ status: 404, body: '' });
    });
  }
  await page.goto(`${server.url}/taskpane.html`);
  return page;
}

async function errorsOf(page: Page): Promise<string[]> {
  return pageErrors.get(page) ?? [];
}

async function waitForBrowserMode(page: Page, timeout = 8000): Promise<void> {
  await page.waitForSelector('body[data-host="browser"]', { timeout });
  await page.getByRole('button', { name: /打开工作簿/ }).waitFor({ timeout });
}

async function uploadBuffer(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles('[data-testid="file-input"]', { name, mimeType: XLSX_MIME, buffer });
}

/** Wait until a read finished: the facts block names the source, or an error is shown. */
async function waitForSource(page: Page, source: string): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('[data-testid="source"]')?.textContent === s, source, { timeout: 20000 });
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`找不到 Chromium（${CHROMIUM}）：请先运行 apt-get install -y chromium`);
  fs.mkdirSync(TMP, { recursive: true });

  if (process.env.JUESUAN_SKIP_BUILD !== '1' || !fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    const webpackCli = require.resolve('webpack-cli/bin/cli.js');
    const built = spawnSync(process.execPath, [webpackCli, '--mode', 'production'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300000,
      env: { ...process.env, OFFICE_JS: '' },
    });
    if (built.status !== 0) throw new Error(`webpack build failed:\n${built.stdout}\n${built.stderr}`);
  }

  tinyXlsx = await tinyWorkbook();
  const sample = path.join(DIST, 'samples', SAMPLE_NAME);
  realSample = fs.existsSync(sample);
  // samples/玉泉街道2021.xlsx not generated yet: serve the stand-in under the same name (dist/ is left as built).
  const overrides = new Map<string, Buffer>();
  if (!realSample) overrides.set(`/samples/${SAMPLE_NAME}`, tinyXlsx);

  server = await serveStatic(DIST, overrides);
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
  });
  // Nothing may leave this machine: every request outside the test server is refused
  // (so office.js from Microsoft's CDN is "absent" unless a test routes it itself).
  const origin = server.url;
  await context.route(
    (url) => !url.href.startsWith(origin),
    (route) => route.abort('internetdisconnected'),
  );
}, 400000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

describe('task pane in a plain browser', () => {
  test('starts in browser mode quickly when office.js cannot be loaded', async () => {
    const t0 = Date.now();
    const page = await openPage();
    await waitForBrowserMode(page, 5000);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('undefined');
    await expect(page.getByRole('button', { name: '载入示例工作簿' }).isVisible()).resolves.toBe(true);
    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });

  test('starts in browser mode when office.js is present but the page is not inside Office', async () => {
    const page = await openPage({ officeJs: 'local' });
    await waitForBrowserMode(page, 8000);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe('function');
    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });

  test('reads an uploaded .xlsx and lists its tables with sheet names and ranges', async () => {
    const page = await openPage();
    await waitForBrowserMode(page);
    await uploadBuffer(page, '测试单位2021.xlsx', tinyXlsx);
    await waitForSource(page, '测试单位2021.xlsx');

    // The engine ran: the preview shows the workbook's sheets (independent of table recognition).
    await page.waitForSelector(`[data-testid="preview"] table[data-sheet="${TINY_SHEET}"]`);
    const sheets = await page.$$eval('[data-testid="sheet-select"] option', (os) => os.map((o) => o.getAttribute('value')));
    expect(sheets).toEqual([TINY_SHEET, '说明']);

    // [needs the real readAccounts] T1 收入支出决算总表 is found on 公开01表 with its range, unit and the
    // workbook's year and unit name; the eight other standard tables are reported missing.
    const t1 = page.locator('[data-testid="standard-tables"] tr[data-table-id="T1"]');
    await t1.waitFor({ timeout: 5000 });
    expect(await t1.textContent()).toContain('收入支出决算总表');
    expect(await t1.locator('[data-col="sheet"]').textContent()).toBe(TINY_SHEET);
    expect(await t1.locator('[data-col="range"]').textContent()).toMatch(/^A1:F\d+$/);
    expect(await t1.textContent()).toContain('万元');
    const facts = await page.locator('[data-testid="facts"]').textContent();
    expect(facts).toContain('2021年');
    expect(facts).toContain(TINY_UNIT);
    expect(await page.locator('[data-testid="missing"]').textContent()).toContain('缺少 8 张标准表');

    // Clicking the row locates the table in the preview.
    await t1.click();
    expect(await t1.getAttribute('aria-selected')).toBe('true');
    await page.waitForSelector('[data-testid="preview"] td[data-hit="1"]');
    expect(await page.locator('[data-testid="preview-range"]').textContent()).toMatch(new RegExp(`${TINY_SHEET}!A1:F\\d+`));
    expect(await page.locator('[data-testid="preview"] td[data-r="0"][data-c="0"]').getAttribute('data-hit')).toBe('1');

    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });

  test('载入示例工作簿 loads the example workbook', async () => {
    const page = await openPage();
    await waitForBrowserMode(page);
    await page.getByRole('button', { name: '载入示例工作簿' }).click();
    await waitForSource(page, SAMPLE_NAME);
    expect(server.requests).toContain(`/samples/${SAMPLE_NAME}`);
    await page.waitForSelector('[data-testid="preview"] table[data-sheet]');

    // [needs the real readAccounts] T1 is found on one of the sample's sheets, with an A1 range.
    const t1 = page.locator('[data-testid="standard-tables"] tr[data-table-id="T1"]');
    await t1.waitFor({ timeout: 5000 });
    expect(await t1.textContent()).toContain('收入支出决算总表');
    expect((await t1.locator('[data-col="sheet"]').textContent())?.length).toBeGreaterThan(0);
    expect(await t1.locator('[data-col="range"]').textContent()).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    if (realSample) {
      // The generated 玉泉街道 workbook carries its year.
      expect(await page.locator('[data-testid="facts"]').textContent()).toContain('2021年');
    }

    await t1.click();
    await page.waitForSelector('[data-testid="preview"] td[data-hit="1"]');
    await page.screenshot({ path: path.join(TMP, 'taskpane.png'), fullPage: false });

    // The same page at task-pane width.
    await page.setViewportSize({ width: 360, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(TMP, 'taskpane-narrow.png'), fullPage: false });

    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });

  test('a damaged .xlsx shows the Chinese error and the page keeps working', async () => {
    const page = await openPage();
    await waitForBrowserMode(page);
    await uploadBuffer(page, '损坏的文件.xlsx', Buffer.from('这不是一个工作簿，只是一段文字。\n', 'utf8'));
    const error = page.locator('[data-testid="read-error"]');
    await error.waitFor({ timeout: 20000 });
    const text = await error.textContent();
    expect(text).toContain('读取失败');
    expect(text).toContain('无法读取文件“损坏的文件.xlsx”');
    expect(text).toContain('不是有效的 .xlsx 工作簿');
    await page.screenshot({ path: path.join(TMP, 'taskpane-error.png') });

    // Still alive: a good file read afterwards replaces the error.
    await uploadBuffer(page, '测试单位2021.xlsx', tinyXlsx);
    await waitForSource(page, '测试单位2021.xlsx');
    expect(await error.count()).toBe(0);
    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });

  test('校验 / 生成说明 / 执行率汇总 are reserved and disabled with the tooltip 即将推出', async () => {
    const page = await openPage();
    await waitForBrowserMode(page);
    for (const label of ['校验', '生成说明', '执行率汇总']) {
      const button = page.locator('[data-testid="features"] button', { hasText: label });
      expect(await button.getAttribute('aria-disabled')).toBe('true');
    }
    await page.locator('[data-testid="features"] button', { hasText: '校验' }).hover();
    await page.getByRole('tooltip').filter({ hasText: '即将推出' }).waitFor({ timeout: 5000 });
    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });
});

/** What a minimal fake Excel host serves: per sheet, the used range's parallel arrays (as Office.js returns them). */
interface FakeSheet {
  name: string;
  values: unknown[][];
  text: string[][];
  numberFormat: string[][];
  formulas: unknown[][];
  valueTypes: string[][];
}

function fakeSheets(snapshot: WorkbookSnapshot): FakeSheet[] {
  return snapshot.sheets.map((sheet) => {
    const rows = Math.max(1, sheet.cells.length);
    const cols = Math.max(1, ...Array.from(sheet.cells, (r) => (r ? r.length : 0))); // cells is sparse
    const grid = <T>(f: (r: number, c: number) => T): T[][] =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
    const at = (r: number, c: number) => sheet.cells[r]?.[c];
    const value = (r: number, c: number) => {
      const v = at(r, c)?.v;
      return v === undefined || v === null ? '' : isCellError(v) ? v.error : v;
    };
    return {
      name: sheet.name,
      values: grid(value),
      text: grid((r, c) => String(value(r, c))),
      numberFormat: grid((r, c) => at(r, c)?.f ?? 'General'),
      formulas: grid(value),
      valueTypes: grid((r, c) => {
        const v = at(r, c)?.v;
        if (v === undefined || v === null) return 'Empty';
        if (isCellError(v)) return 'Error';
        return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
      }),
    };
  });
}

/**
 * Runs in the page before its scripts: a stand-in for Office.js inside Excel, just enough for readWorkbookSnapshot
 * (worksheets, used ranges, sync) and selectCells (activate, getRange().select()). Selections are logged in
 * window.__excelLog.
 */
function installFakeExcel(sheets: FakeSheet[]): void {
  const w = window as unknown as Record<string, unknown>;
  const log: string[] = [];
  w.__excelLog = log;
  const worksheets = sheets.map((s) => {
    const rowCount = s.values.length;
    const columnCount = s.values[0].length;
    const used = {
      isNullObject: false,
      load: () => used,
      address: `${s.name}!A1`,
      rowIndex: 0,
      columnIndex: 0,
      rowCount,
      columnCount,
      values: s.values,
      text: s.text,
      numberFormat: s.numberFormat,
      formulas: s.formulas,
      valueTypes: s.valueTypes,
      rowHidden: false,
      columnHidden: false,
    };
    return {
      name: s.name,
      visibility: 'Visible',
      getUsedRangeOrNullObject: () => used,
      activate: () => log.push(`activate ${s.name}`),
      getRange: (address: string) => ({ select: () => log.push(`select ${s.name}!${address}`) }),
    };
  });
  const context = {
    workbook: {
      worksheets: {
        items: worksheets,
        load: () => undefined,
        getItem: (name: string) => {
          const ws = worksheets.find((x) => x.name === name);
          if (!ws) throw new Error('ItemNotFound');
          return ws;
        },
      },
    },
    sync: () => Promise.resolve(),
  };
  w.Office = {
    HostType: { Excel: 'Excel' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
    context: { requirements: { isSetSupported: () => false } },
  };
  w.Excel = { run: (batch: (ctx: unknown) => Promise<unknown>) => batch(context) };
}

describe('task pane inside Excel (fake Office.js host)', () => {
  test('reads the open workbook through readWorkbookSnapshot and selects a table in Excel', async () => {
    const sheets = fakeSheets(await snapshotFromXlsx(tinyXlsx, 'tiny.xlsx'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setViewportSize({ width: 360, height: 760 });
    await page.addInitScript(installFakeExcel, sheets);
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector('body[data-host="excel"]', { timeout: 5000 });
    await waitForSource(page, '当前工作簿');
    expect(await page.locator('[data-testid="file-input"]').count()).toBe(0);
    expect(await page.locator('[data-testid="preview"]').count()).toBe(0);
    await page.getByRole('button', { name: '重新读取工作簿' }).waitFor();

    // [needs the real readAccounts] T1 found; clicking it selects its range in Excel.
    const t1 = page.locator('[data-testid="standard-tables"] tr[data-table-id="T1"]');
    await t1.waitFor({ timeout: 5000 });
    expect(await t1.locator('[data-col="sheet"]').textContent()).toBe(TINY_SHEET);
    const range = await t1.locator('[data-col="range"]').textContent();
    await t1.click();
    await page.waitForFunction(() => ((window as unknown as { __excelLog: string[] }).__excelLog || []).length >= 2);
    const log = await page.evaluate(() => (window as unknown as { __excelLog: string[] }).__excelLog);
    expect(log).toEqual([`activate ${TINY_SHEET}`, `select ${TINY_SHEET}!${range}`]);
    await page.screenshot({ path: path.join(TMP, 'taskpane-excel.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
