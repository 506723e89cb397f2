/**
 * Shared set-up for the browser suites that drive the built task pane in headless Chromium: build dist/ when it is
 * older than the sources, serve it, launch a persistent Chromium context that cannot reach the network, and the
 * small helpers every test uses. (taskpane.test.ts keeps its own copy of the same steps.)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { serveStatic, StaticServer } from './staticServer';
import type { WorkbookSnapshot } from '../../src/snapshot/types';
import { isCellError } from '../../src/snapshot/types';
import type { FakeSheetSpec } from '../fakes/fakeExcel';
import { a1, rangeA1 } from '../../src/snapshot/address';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const TMP = path.join(ROOT, '.tmp');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Newest modification time under `dir` (files only). */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Build dist/ with webpack (production) unless it is newer than src/, webpack.config.js and samples/. */
export function ensureBuilt(): void {
  const html = path.join(DIST, 'taskpane.html');
  const built = fs.existsSync(html) ? fs.statSync(html).mtimeMs : 0;
  if (process.env.JUESUAN_SKIP_BUILD === '1' && built) return;
  const inputs = Math.max(
    newest(path.join(ROOT, 'src')),
    fs.statSync(path.join(ROOT, 'webpack.config.js')).mtimeMs,
    fs.existsSync(path.join(ROOT, 'samples')) ? newest(path.join(ROOT, 'samples')) : 0,
  );
  if (built > inputs) return;
  const webpackCli = require.resolve('webpack-cli/bin/cli.js');
  const out = spawnSync(process.execPath, [webpackCli, '--mode', 'production'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300000,
    env: { ...process.env, OFFICE_JS: '' },
  });
  if (out.status !== 0) throw new Error(`webpack build failed:\n${out.stdout}\n${out.stderr}`);
}

/** test/browser/fakeExcelHost.ts bundled into one plain script (webpack API, into .tmp/). */
export async function fakeExcelScript(): Promise<string> {
  // Loaded lazily: only the fake-host tests need webpack here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  const outDir = path.join(TMP, 'fake-excel-host');
  await new Promise<void>((resolve, reject) => {
    webpack(
      {
        mode: 'development',
        devtool: false,
        target: 'web',
        entry: path.join(__dirname, 'fakeExcelHost.ts'),
        output: { path: outDir, filename: 'fakeExcelHost.js' },
        resolve: { extensions: ['.ts', '.js'] },
        module: {
          rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.web.json') } } }],
        },
      },
      (err: Error | null, stats: { hasErrors(): boolean; toString(o: string): string }) => {
        if (err) reject(err);
        else if (stats.hasErrors()) reject(new Error(stats.toString('errors-only')));
        else resolve();
      },
    );
  });
  return fs.readFileSync(path.join(outDir, 'fakeExcelHost.js'), 'utf8');
}

/** A snapshot as the fake Excel's sheets (values, number formats, displayed texts, merges). */
export function fakeSheetsOf(snapshot: WorkbookSnapshot): FakeSheetSpec[] {
  return snapshot.sheets.map((sheet) => {
    const cells: FakeSheetSpec['cells'] = {};
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || cell.v === null || cell.v === undefined) return;
        const v = cell.v;
        if (isCellError(v)) cells[a1(r, c)] = { v: v.error, error: true };
        else cells[a1(r, c)] = { v, f: cell.f, t: cell.t };
      }),
    );
    return { name: sheet.name, cells, merges: sheet.merges.map((m) => rangeA1(m)) };
  });
}

export interface Harness {
  server: StaticServer;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`找不到 Chromium（${CHROMIUM}）：请先运行 apt-get install -y chromium`);
  fs.mkdirSync(TMP, { recursive: true });
  ensureBuilt();
  const server = await serveStatic(DIST);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await context.route(
    (url) => !url.href.startsWith(server.url),
    (route) => route.abort('internetdisconnected'),
  );
  return {
    server,
    context,
    close: async () => {
      await context.close();
      await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A page with its uncaught errors collected. */
export async function openPage(h: Harness, init?: { script: string }): Promise<{ page: Page; errors: string[] }> {
  const page = await h.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (init) await page.addInitScript({ content: init.script });
  await page.goto(`${h.server.url}/taskpane.html`);
  return { page, errors };
}

export async function waitForBrowserMode(page: Page): Promise<void> {
  await page.waitForSelector('body[data-host="browser"]', { timeout: 8000 });
  await page.getByRole('button', { name: /打开工作簿/ }).waitFor({ timeout: 8000 });
}

export async function uploadBuffer(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles('[data-testid="file-input"]', { name, mimeType: XLSX_MIME, buffer });
}

export async function waitForSource(page: Page, source: string): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('[data-testid="source"]')?.textContent === s, source, { timeout: 20000 });
}

/** Open one of the functions in the feature bar. */
export async function openFeature(page: Page, key: string): Promise<void> {
  await page.locator(`[data-testid="features"] button[data-feature="${key}"]`).click();
}

/** Screenshot at task-pane width (360 px), the page scrolled so `selector` is at the top (or the top of the page). */
export async function narrowShot(page: Page, file: string, selector?: string, height = 900): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height });
  if (selector) await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: 'start' }), selector);
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(TMP, file) });
  if (size) await page.setViewportSize(size);
}
