/**
 * 执行率汇总 charts in the task pane (issue 5), in headless Chromium: the seven charts the 执行率汇总 sheet carries,
 * drawn in SVG from the same ChartSpecs — in the browser page (玉泉街道2021 uploaded) and inside Excel (the fake
 * Office.js host) — with the 收入结构 pie's percentages, the column charts' values, the note for last year's
 * missing figures, and the "图表" section collapsing. Screenshots at task-pane width (360 px) in .tmp/charts-*.png.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { snapshotFromXlsx } from '../../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../../src/model/readAccounts';
import { readSupplement } from '../../src/supplement/sheet';
import { buildRatesSheet } from '../../src/rates';
import { fakeExcelScript, fakeSheetsOf, Harness, narrowShot, openFeature, openPage, ROOT, startHarness, TMP, uploadBuffer, waitForBrowserMode, waitForSource } from './harness';

const YUQUAN = path.join(ROOT, 'test/fixtures/xlsx/yuquan2021-sichuan.xlsx');
const haveFiles = fs.existsSync(YUQUAN);

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 400000);

afterAll(async () => {
  await h?.close();
});

/** The titles of the sheet's charts, as the engine builds them for this workbook. */
async function sheetChartTitles(bytes: Buffer): Promise<string[]> {
  const snap = await snapshotFromXlsx(bytes, 'y.xlsx');
  const accounts = readAccounts(snap);
  return (buildRatesSheet(accounts, readSupplement(snap, accounts)).charts ?? []).map((c) => c.title);
}

async function waitForCharts(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chart"] svg[role="img"]').length === n, count, { timeout: 20000 });
}

function chartByTitle(page: Page, title: string) {
  return page.locator('[data-testid="chart"]').filter({ has: page.locator(`svg[aria-label="${title}"]`) });
}

(haveFiles ? describe : describe.skip)('执行率汇总 charts', () => {
  test('browser page: seven SVG charts under the rates, pie percentages, bar values, notes, collapsible', async () => {
    const bytes = fs.readFileSync(YUQUAN);
    const titles = await sheetChartTitles(bytes);
    expect(titles).toHaveLength(7);

    const { page, errors } = await openPage(h);
    await waitForBrowserMode(page);
    await uploadBuffer(page, '玉泉街道2021.xlsx', bytes);
    await waitForSource(page, '玉泉街道2021.xlsx');
    await openFeature(page, 'rates');
    await waitForCharts(page, 7);

    // Seven charts, in the sheet's order, each an accessible image named by its title.
    const svgs = page.locator('[data-testid="chart"] svg[role="img"]');
    expect(await svgs.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(titles);
    expect(await page.locator('[data-testid="chart-title"]').allTextContents()).toEqual(titles);
    expect(await page.locator('[data-testid="chart"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))).toEqual([
      'column',
      'pie',
      'pie',
      'column',
      'column',
      'pie',
      'pie',
    ]);
    // Under the rate list.
    const below = await page.evaluate(() => {
      const rates = [...document.querySelectorAll('[data-testid="rate-group"]')];
      const section = document.querySelector('[data-testid="charts-section"]')!;
      return rates.every((g) => g.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(below).toBe(true);

    // 收入结构: two slices with their share of the sum.
    const income = chartByTitle(page, '收入决算结构');
    const slices = await income.locator('[data-testid="pie-slice"]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-name'), e.getAttribute('data-percent')]));
    expect(slices).toEqual([
      ['一般公共预算财政拨款收入', '98.86%'],
      ['政府性基金预算财政拨款收入', '1.14%'],
    ]);
    expect(await income.locator('[data-testid="pie-label"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')))).toEqual([
      '一般公共预算财政拨款收入 98.86%',
      '政府性基金预算财政拨款收入 1.14%',
    ]);
    expect(await income.locator('svg').textContent()).toContain('98.86%');

    // 三公结构: a single slice of 100%.
    const threePublic = chartByTitle(page, '“三公”经费财政拨款支出结构');
    expect(await threePublic.locator('[data-testid="pie-slice"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-percent')))).toEqual(['100.00%']);

    // 收支总计: this year's bars labelled with 2 decimals; last year not filled → no bar, a note.
    const totals = chartByTitle(page, '收、支决算总计变动情况');
    const values = await totals.locator('[data-testid="chart-value"]').allTextContents();
    expect(values).toEqual(['853.00', '853.00']);
    expect(await totals.locator('[data-testid="chart-bar"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-series')))).toEqual(['2021年', '2021年']);
    expect(await totals.locator('[data-testid="chart-missing"]').count()).toBe(2);
    expect(await totals.locator('[data-testid="chart-note"]').textContent()).toContain('上年数未填写');
    expect(await totals.locator('[data-testid="chart-legend"]').textContent()).toBe('2020年2021年');
    // The value axis starts at 0.
    expect(await totals.locator('svg text').allTextContents()).toContain('0');
    expect(await page.locator('[data-testid="chart"][data-empty]').count()).toBe(0);

    // Nothing overflows the card at task-pane width.
    await page.setViewportSize({ width: 360, height: 900 });
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="chart"]')].filter((fig) => {
        const svg = fig.querySelector('svg')!.getBoundingClientRect();
        const f = fig.getBoundingClientRect();
        return svg.width > f.width || svg.width < 280 || svg.right > document.documentElement.clientWidth;
      }).length,
    );
    expect(overflow).toBe(0);
    // No text of a chart sticks out of its SVG.
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="chart"] svg')].flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')]
          .filter((t) => {
            const r = t.getBoundingClientRect();
            return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1);
          })
          .map((t) => `${svg.getAttribute('aria-label')}: ${t.textContent}`);
      }),
    );
    expect(outside).toEqual([]);
    await narrowShot(page, 'charts-narrow.png', '[data-testid="charts-section"]', 1900);
    await page.setViewportSize({ width: 360, height: 900 });
    await page.locator('[data-testid="chart"]').nth(5).scrollIntoViewIfNeeded();
    await page.locator('[data-testid="chart"]').nth(5).screenshot({ path: path.join(TMP, 'charts-structure-narrow.png') });
    await page.setViewportSize({ width: 1280, height: 860 });

    // The section collapses and opens again.
    await page.locator('[data-testid="charts-toggle"] button').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart"]').length === 0);
    await page.locator('[data-testid="charts-toggle"] button').click();
    await waitForCharts(page, 7);

    // Writing the sheet keeps the charts (the workbook is read again).
    await page.locator('[data-testid="rates-button"]').click();
    await page.locator('[data-testid="rates-message"]').waitFor({ timeout: 20000 });
    expect(await page.locator('[data-testid="rates-message"]').textContent()).toContain('（含 7 张图表）');
    await waitForCharts(page, 7);
    expect(await page.locator('[data-testid="chart"] svg[role="img"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(titles);

    // With a 补充信息 sheet whose 上年数 are still empty (the sheet computes them as 0): still no bar, still the note.
    await openFeature(page, 'supplement');
    await page.locator('[data-testid="supplement-button"]').click();
    await page.locator('[data-testid="supplement-message"]').waitFor({ timeout: 20000 });
    await openFeature(page, 'rates');
    await page.locator('[data-testid="rate"][data-id="threePublicControl"]').waitFor({ timeout: 20000 });
    await waitForCharts(page, 7);
    const again = chartByTitle(page, '收、支决算总计变动情况');
    expect(await again.locator('[data-testid="chart-value"]').allTextContents()).toEqual(['853.00', '853.00']);
    expect(await again.locator('[data-testid="chart-missing"]').count()).toBe(2);
    expect(await again.locator('[data-testid="chart-note"]').textContent()).toContain('上年数未填写');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('inside Excel (fake Office.js host): the same seven charts', async () => {
    const bytes = fs.readFileSync(YUQUAN);
    const titles = await sheetChartTitles(bytes);
    const sheets = fakeSheetsOf(await snapshotFromXlsx(bytes, 'x.xlsx'));
    const script = `${await fakeExcelScript()};window.__installFakeExcel(${JSON.stringify(sheets)}, "1.18");`;
    const { page, errors } = await openPage(h, { script });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.waitForSelector('body[data-host="excel"]', { timeout: 8000 });
    await waitForSource(page, '当前工作簿');
    await openFeature(page, 'rates');
    await waitForCharts(page, 7);
    expect(await page.locator('[data-testid="chart"] svg[role="img"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(titles);
    const income = chartByTitle(page, '收入决算结构');
    expect(await income.locator('[data-testid="pie-slice"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-percent')))).toEqual(['98.86%', '1.14%']);
    expect(await chartByTitle(page, '收、支决算总计变动情况').locator('[data-testid="chart-value"]').allTextContents()).toEqual(['853.00', '853.00']);
    await page.evaluate(() => document.querySelector('[data-testid="charts-section"]')?.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(TMP, 'charts-excel.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
