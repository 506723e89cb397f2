/**
 * The task pane in a real headless Chromium, outside Office (the "browser page" mode):
 *  - the page starts quickly whether office.js is missing (CDN unreachable) or present but not in Office;
 *  - an .xlsx chosen in the file picker is read and its tables are listed with sheet names and ranges;
 *  - 载入示例工作簿 loads ./samples/玉泉街道2021.xlsx;
 *  - a damaged file gives the Chinese error message and the page keeps working;
 *  - 校验 lists the engine's findings grouped by table with the summary line and the catalogue used; clicking a
 *    finding switches the preview to its sheet and highlights all its cells; a correct workbook has no 错误;
 *  - inside (a fake) Excel, clicking a finding selects its cells and the 在工作簿中标注 panel is shown;
 *  - every function but 表格 waits for a workbook (features.test.ts drives 补充信息 … 核对说明).
 * Screenshots: .tmp/taskpane.png (wide browser page), .tmp/taskpane-narrow.png (task-pane width),
 * .tmp/check-wide.png, .tmp/check-narrow.png, .tmp/check-pass-narrow.png, .tmp/check-excel.png (校验).
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
import { TINY_INCOME_TOTAL, TINY_SHEET, TINY_UNIT, tinyWorkbook } from './tinyWorkbook';
import ExcelJS from 'exceljs';
import { readAccounts } from '../../src/model/readAccounts';
import { cataloguesFor } from '../../src/model/localCatalogue';
import { countBySeverity, runRules, TABLE_ORDER } from '../../src/rules';
import { parseA1 } from '../../src/snapshot/address';
import { fakeExcelScript, fakeSheetsOf } from './harness';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const TMP = path.join(ROOT, '.tmp');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SAMPLE_NAME = '玉泉街道2021.xlsx';
const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A generated fixture that checks clean (test/fixtures/xlsx, written by scripts/build-fixtures.ts). */
const CLEAN_FIXTURE = path.join(ROOT, 'test/fixtures/xlsx/wujialing2022-sichuan.xlsx');
const CLEAN_FIXTURE_CELLS = path.join(ROOT, 'test/fixtures/xlsx/wujialing2022-sichuan.cells.json');
const haveFixture = fs.existsSync(CLEAN_FIXTURE) && fs.existsSync(CLEAN_FIXTURE_CELLS);

let server: StaticServer;
let context: BrowserContext;
let userDataDir: string;
let tinyXlsx: Buffer;
/** dist/samples holds the generated 玉泉街道 workbook (true) or our stand-in (false). */
let realSample = false;
/** test/browser/fakeExcelHost.ts, bundled. */
let fakeHost: string;

/** Errors thrown in the page (uncaught) or logged as console errors other than blocked network loads. */
const pageErrors = new WeakMap<Page, string[]>();

async function openPage(options: { officeJs?: 'absent' | 'local'; query?: string } = {}): Promise<Page> {
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
  await page.goto(`${server.url}/taskpane.html${options.query ?? ''}`);
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
  fakeHost = await fakeExcelScript();
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

  test('a page that looks hosted by Office loads office.js; present but not inside Office, it starts in browser mode', async () => {
    const page = await openPage({ officeJs: 'local', query: '?office=1' });
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

  test('校验, 补充信息, 生成说明, 执行率汇总 and 核对说明 wait for a workbook (tooltip 请先读取工作簿)', async () => {
    const page = await openPage();
    await waitForBrowserMode(page);
    const check = page.locator('[data-testid="features"] button[data-feature="check"]');
    expect(await check.getAttribute('aria-disabled')).toBe('true');
    await check.hover();
    await page.getByRole('tooltip').filter({ hasText: '请先读取工作簿' }).waitFor({ timeout: 5000 });
    const labels = ['补充信息', '生成说明', '执行率汇总', '核对说明'];
    for (const label of labels) {
      const button = page.locator('[data-testid="features"] button', { hasText: label });
      expect(await button.getAttribute('aria-disabled')).toBe('true');
    }
    await page.locator('[data-testid="features"] button', { hasText: '生成说明' }).hover();
    await page.getByRole('tooltip').filter({ hasText: '请先读取工作簿' }).waitFor({ timeout: 5000 });

    await uploadBuffer(page, '测试单位2021.xlsx', tinyXlsx);
    await waitForSource(page, '测试单位2021.xlsx');
    expect(await check.getAttribute('aria-disabled')).toBeNull();
    for (const label of labels) {
      expect(await page.locator('[data-testid="features"] button', { hasText: label }).getAttribute('aria-disabled')).toBeNull();
    }
    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });
});

/** What the engine itself says about a workbook (Node side), for comparing with the page. */
async function engineSays(bytes: Buffer, source: string) {
  const snapshot = await snapshotFromXlsx(bytes, source);
  const accounts = readAccounts(snapshot);
  const catalogues = cataloguesFor(snapshot);
  const findings = runRules(accounts, { functional: catalogues.functional, economic: catalogues.economic });
  const c = countBySeverity(findings);
  const summary = findings.length ? `共 ${findings.length} 条：错误 ${c.错误}，警告 ${c.警告}，提示 ${c.提示}` : '校验通过';
  return { findings, counts: c, summary };
}

async function runCheck(page: Page): Promise<void> {
  await page.locator('[data-testid="features"] button[data-feature="check"]').click();
  await page.locator('[data-testid="check-summary"]').waitFor({ timeout: 20000 });
}

/** The preview cell at an A1 address (0-based data-r / data-c). */
function previewCell(page: Page, address: string) {
  const r = parseA1(address)!;
  return page.locator(`[data-testid="preview"] td[data-r="${r.r0}"][data-c="${r.c0}"]`);
}

describe('校验 in the browser page', () => {
  test('a T1 whose 本年收入合计 is not the sum of its lines: summary, grouped findings, click highlights the cells', async () => {
    const bytes = await tinyWorkbook({ incomeTotalDelta: 100 });
    const expected = await engineSays(bytes, '测试单位2021-错误.xlsx');
    expect(expected.counts.错误).toBeGreaterThan(0);

    const page = await openPage();
    await waitForBrowserMode(page);
    await uploadBuffer(page, '测试单位2021-错误.xlsx', bytes);
    await waitForSource(page, '测试单位2021-错误.xlsx');
    await runCheck(page);

    // The summary line and the catalogue used.
    const summary = await page.locator('[data-testid="check-summary"]').textContent();
    expect(summary).toContain(expected.summary);
    expect(summary).toContain('发现错误');
    expect(await page.locator('[data-testid="check-catalogue"]').textContent()).toMatch(/^科目目录：内置2021年支出功能分类科目（\d+条）；内置2021年部门预算支出经济分类科目（\d+条）$/);

    // Groups in table order, 收入支出决算总表 first, with its severity badges.
    const groups = await page.$$eval('[data-testid="check-group"]', (gs) => gs.map((g) => g.getAttribute('data-group')));
    expect(groups[0]).toBe('T1');
    const order = [...TABLE_ORDER, '其他'];
    expect(groups).toEqual(order.filter((k) => groups.includes(k)));
    const t1 = page.locator('[data-testid="check-group"][data-group="T1"]');
    expect(await t1.locator('h2').textContent()).toBe('收入支出决算总表');
    const t1Errors = expected.findings.filter((f) => f.table === 'T1' && f.severity === '错误').length;
    expect(await t1.locator('[data-severity="错误"]').first().textContent()).toBe(`错误 ${t1Errors}`);
    expect(await page.locator('[data-testid="finding"]').count()).toBe(expected.findings.length);

    // The finding: message, rule, expected / actual, its cells.
    const finding = t1.locator('[data-testid="finding"][data-rule="T1-本年收入合计"]');
    const engineFinding = expected.findings.find((f) => f.rule === 'T1-本年收入合计')!;
    expect(await finding.getAttribute('data-severity')).toBe('错误');
    expect(await finding.locator('[data-col="message"]').textContent()).toBe(engineFinding.message);
    expect(await finding.locator('[data-col="message"]').textContent()).toContain('本年收入合计');
    expect(await finding.locator('[data-col="rule"]').textContent()).toBe('规则：T1-本年收入合计');
    expect(await finding.locator('[data-col="values"]').textContent()).toBe(`应为 ${engineFinding.expected}，实为 ${engineFinding.actual}`);
    const cellsText = await finding.locator('[data-col="cells"]').textContent();
    expect(cellsText).toContain(`${TINY_SHEET}!${TINY_INCOME_TOTAL}`);
    expect(engineFinding.cells[0]).toBe(`${TINY_SHEET}!${TINY_INCOME_TOTAL}`);

    // Most serious first within each group.
    const severities = await t1.locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
    const rank = { 错误: 0, 警告: 1, 提示: 2 } as Record<string, number>;
    expect(severities.map((x) => rank[x!])).toEqual([...severities.map((x) => rank[x!])].sort());

    // Clicking the finding highlights every one of its cells in the preview and scrolls to them.
    await finding.click();
    expect(await finding.getAttribute('aria-pressed')).toBe('true');
    await page.waitForSelector('[data-testid="preview"] td[data-hit="1"]');
    for (const ref of engineFinding.cells) expect(await previewCell(page, ref.split('!')[1]).getAttribute('data-hit')).toBe('1');
    expect(await page.locator('[data-testid="preview"] td[data-hit="1"]').count()).toBe(engineFinding.cells.length);
    expect(await previewCell(page, 'A15').getAttribute('data-hit')).toBeNull();
    expect(await page.locator('[data-testid="preview-range"]').textContent()).toContain(`${TINY_SHEET}!${TINY_INCOME_TOTAL}、C7`);
    await expect(previewCell(page, TINY_INCOME_TOTAL).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(TMP, 'check-wide.png') });

    // Task-pane width.
    await page.setViewportSize({ width: 360, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(TMP, 'check-narrow.png') });
    await page.evaluate(() => document.querySelector('[data-rule="T1-本年收入合计"]')?.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(TMP, 'check-narrow-findings.png') });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Back to 表格 and again to 校验.
    await page.locator('[data-testid="features"] button[data-feature="tables"]').click();
    await page.locator('[data-testid="tables-view"]').waitFor();
    await runCheck(page);
    expect(await page.locator('[data-testid="check-summary"]').textContent()).toContain(expected.summary);
    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });

  (haveFixture ? test : test.skip)('a correct workbook (generated fixture) has no 错误; the same book with a wrong T1 total does', async () => {
    const clean = fs.readFileSync(CLEAN_FIXTURE);
    const expected = await engineSays(clean, 'clean.xlsx');
    expect(expected.counts.错误).toBe(0);

    const page = await openPage();
    await waitForBrowserMode(page);
    await uploadBuffer(page, '正确的工作簿.xlsx', clean);
    await waitForSource(page, '正确的工作簿.xlsx');
    await runCheck(page);
    const summary = page.locator('[data-testid="check-summary"]');
    expect(await summary.getAttribute('data-errors')).toBe('0');
    expect(await summary.textContent()).toContain(expected.summary);
    expect(await page.locator('[data-testid="finding"][data-severity="错误"]').count()).toBe(0);
    await page.setViewportSize({ width: 360, height: 700 });
    await page.screenshot({ path: path.join(TMP, 'check-pass-narrow.png') });
    await page.setViewportSize({ width: 1280, height: 860 });

    // The same workbook with 本年收入合计 raised by 100: re-reading while on 校验 checks the new file at once.
    const cells = JSON.parse(fs.readFileSync(CLEAN_FIXTURE_CELLS, 'utf8')) as Record<string, string>;
    const [sheetName, address] = cells['T1.incomeTotal'].split('!');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(clean as unknown as ArrayBuffer);
    const cell = wb.getWorksheet(sheetName)!.getCell(address);
    const old = typeof cell.value === 'number' ? cell.value : Number((cell.value as { result?: number }).result);
    cell.value = old + 100;
    const broken = Buffer.from(await wb.xlsx.writeBuffer());
    const brokenExpected = await engineSays(broken, 'broken.xlsx');
    expect(brokenExpected.counts.错误).toBeGreaterThan(0);

    // Look at another sheet first, so that clicking the finding has to switch the preview.
    await uploadBuffer(page, '错误的工作簿.xlsx', broken);
    await waitForSource(page, '错误的工作簿.xlsx');
    await page.locator('[data-testid="check-summary"]').waitFor({ timeout: 20000 });
    expect(await summary.textContent()).toContain(brokenExpected.summary);
    const other = (await page.$$eval('[data-testid="sheet-select"] option', (os) => os.map((o) => o.getAttribute('value')))).find((n) => n !== sheetName)!;
    await page.locator('[data-testid="sheet-select"]').selectOption(other);
    await page.waitForSelector(`[data-testid="preview"] table[data-sheet="${other}"]`);

    const finding = page.locator('[data-testid="finding"][data-rule="T1-本年收入合计"]');
    expect(await finding.locator('[data-col="cells"]').textContent()).toContain(cells['T1.incomeTotal']);
    await finding.click();
    await page.waitForSelector(`[data-testid="preview"] table[data-sheet="${sheetName}"]`);
    expect(await page.locator('[data-testid="sheet-select"]').inputValue()).toBe(sheetName);
    await expect(previewCell(page, address).getAttribute('data-hit')).resolves.toBe('1');
    await expect(previewCell(page, address).isVisible()).resolves.toBe(true);
    expect(await errorsOf(page)).toEqual([]);
    await page.close();
  });
});

type ExcelModel = {
  selection: { sheet: string; address: string } | null;
  sheets: { name: string; visibility: string; notes: Map<string, string>; cells: Map<string, { fill?: { color: string } }> }[];
};

/** Open the task pane inside the faithful fake Excel (test/fakes/fakeExcel.ts) at ExcelApi `api`. */
async function openInFakeExcel(bytes: Buffer, api: string): Promise<{ page: Page; errors: string[] }> {
  const sheets = fakeSheetsOf(await snapshotFromXlsx(bytes, 'tiny.xlsx'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 360, height: 760 });
  await page.addInitScript({ content: `${fakeHost};window.__installFakeExcel(${JSON.stringify(sheets)}, ${JSON.stringify(api)});` });
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector('body[data-host="excel"]', { timeout: 5000 });
  await waitForSource(page, '当前工作簿');
  return { page, errors };
}

const selectionOf = (page: Page) => page.evaluate(() => (window as unknown as { __excelModel: ExcelModel }).__excelModel.selection);

describe('task pane inside Excel (fake Office.js host)', () => {
  test('reads the open workbook through readWorkbookSnapshot and selects a table in Excel', async () => {
    const { page, errors } = await openInFakeExcel(tinyXlsx, '1.18');
    expect(await page.locator('[data-testid="file-input"]').count()).toBe(0);
    expect(await page.locator('[data-testid="preview"]').count()).toBe(0);
    await page.getByRole('button', { name: '重新读取工作簿' }).waitFor();

    // [needs the real readAccounts] T1 found; clicking it selects its range in Excel.
    const t1 = page.locator('[data-testid="standard-tables"] tr[data-table-id="T1"]');
    await t1.waitFor({ timeout: 5000 });
    expect(await t1.locator('[data-col="sheet"]').textContent()).toBe(TINY_SHEET);
    const range = await t1.locator('[data-col="range"]').textContent();
    await t1.click();
    await page.waitForFunction(() => !!(window as unknown as { __excelModel: ExcelModel }).__excelModel.selection);
    expect(await selectionOf(page)).toEqual({ sheet: TINY_SHEET, address: range!.replace(/\$/g, '') });
    await page.screenshot({ path: path.join(TMP, 'taskpane-excel.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('校验 inside Excel: clicking a finding selects its cells; the 在工作簿中标注 panel explains an old host', async () => {
    const bytes = await tinyWorkbook({ incomeTotalDelta: 100 });
    const { page, errors } = await openInFakeExcel(bytes, '1.7');
    await runCheck(page);
    expect(await page.locator('[data-testid="check-summary"]').textContent()).toContain('发现错误');

    // An ExcelApi 1.7 host (Office 2019 volume-licensed): marking needs ExcelApi 1.9, so it is offered but disabled.
    const panel = page.locator('[data-testid="mark-panel"]');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('需要 ExcelApi 1.9');
    expect(await page.locator('[data-testid="mark-button"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="unmark-button"]').isDisabled()).toBe(true);

    const finding = page.locator('[data-testid="finding"][data-rule="T1-本年收入合计"]');
    await finding.click();
    await page.waitForFunction(() => !!(window as unknown as { __excelModel: ExcelModel }).__excelModel.selection);
    // Without ExcelApi 1.18 only the first of the finding's ranges can be selected.
    expect(await selectionOf(page)).toEqual({ sheet: TINY_SHEET, address: TINY_INCOME_TOTAL });
    expect(await page.locator('[data-testid="preview"]').count()).toBe(0);
    await page.screenshot({ path: path.join(TMP, 'check-excel.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('在工作簿中标注 / 清除标注 on an ExcelApi 1.18 host: buttons, messages and what reaches the workbook', async () => {
    const bytes = await tinyWorkbook({ incomeTotalDelta: 100 });
    const expected = await engineSays(bytes, 'tiny.xlsx');
    const cells = new Set(expected.findings.flatMap((f) => f.cells));
    const { page, errors } = await openInFakeExcel(bytes, '1.18');
    await runCheck(page);
    /** The marked cell's fill and note, and the record sheet, as the workbook holds them. */
    const state = () =>
      page.evaluate(
        ({ sheet, cell }) => {
          const m = (window as unknown as { __excelModel: ExcelModel }).__excelModel;
          const s = m.sheets.find((x) => x.name === sheet)!;
          const col = cell.charCodeAt(0) - 65;
          const row = Number(cell.slice(1)) - 1;
          const store = m.sheets.find((x) => x.name === '决算助手_标注');
          return { fill: s.cells.get(`${row},${col}`)?.fill?.color ?? null, note: s.notes.get(`${row},${col}`) ?? null, store: store ? store.visibility : null };
        },
        { sheet: TINY_SHEET, cell: TINY_INCOME_TOTAL },
      );

    const markButton = page.locator('[data-testid="mark-button"]');
    const unmarkButton = page.locator('[data-testid="unmark-button"]');
    expect(await page.locator('[data-testid="mark-panel"]').textContent()).toContain('并添加备注');
    expect(await markButton.isDisabled()).toBe(false);
    expect(await unmarkButton.isDisabled()).toBe(true);

    await markButton.click();
    const message = page.locator('[data-testid="mark-message"]');
    await message.waitFor({ timeout: 10000 });
    expect(await message.textContent()).toContain(`已标注 ${cells.size} 个单元格（错误 ${cells.size}，警告 0，提示 0），其中 ${cells.size} 个添加了备注。`);
    expect(await message.textContent()).toContain('隐藏工作表“决算助手_标注”');
    const marked = await state();
    expect(marked.store).toBe('Hidden');
    expect(marked.fill).toBe('#FF7C80');
    expect(marked.note).toContain('【决算助手】');
    expect(await markButton.textContent()).toBe('重新标注');
    expect(await unmarkButton.isDisabled()).toBe(false);
    await page.screenshot({ path: path.join(TMP, 'check-excel-marked.png') });

    await unmarkButton.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="mark-message"]')?.textContent?.startsWith('已清除标注'));
    expect(await message.textContent()).toBe(`已清除标注：恢复了 ${cells.size} 个单元格的原填充，删除了 ${cells.size} 条决算助手添加的备注/批注。`);
    expect(await state()).toEqual({ fill: null, note: null, store: null });
    expect(await unmarkButton.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
