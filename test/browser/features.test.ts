/**
 * 补充信息, 生成说明, 执行率汇总 and 核对说明 in the task pane, in headless Chromium:
 *  - browser page: 补充信息 then 生成说明 on 玉泉街道2021 (四川) show the narrative with its placeholders highlighted and
 *    counted; 复制全文 puts narrativeText on the clipboard; 下载 Word 文档 gives a .docx; 执行率汇总 lists the rates
 *    (“三公经费”控制率 100.00%) and writes its sheet; the downloaded result workbook holds 补充信息, 决算说明 and
 *    执行率汇总 (with charts) and the original sheets unchanged; regenerating asks first;
 *  - 核对说明 of the 陶家渡2020 seed narrative (file and pasted) finds the 收入总计746.99 mistake; clicking it
 *    highlights the cells in the preview;
 *  - inside Excel (the faithful fake of test/fakes/fakeExcel.ts): the same three writes reach the
 *    workbook as owned sheets, a user's sheet of the same name is refused, 核对说明 reads a sheet and clicking a
 *    finding selects its cells.
 * Screenshots at task-pane width (360 px) in .tmp/feature-*.png.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { snapshotFromXlsx } from '../../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../../src/model/readAccounts';
import { allFields, readSupplement, SUPPLEMENT_SHEET } from '../../src/supplement/sheet';
import { buildNarrative, countPlaceholders, narrativeText, NARRATIVE_SHEET } from '../../src/narrative';
import { computeRates, RATES_SHEET } from '../../src/rates';
import { auditNarrative, readNarrativeFile, summarise } from '../../src/audit';
import { parseA1 } from '../../src/snapshot/address';
import type { FakeWorkbookModel } from '../fakes/fakeExcel';
import {
  fakeExcelScript,
  fakeSheetsOf,
  Harness,
  narrowShot,
  openFeature,
  openPage,
  ROOT,
  startHarness,
  TMP,
  uploadBuffer,
  waitForBrowserMode,
  waitForSource,
} from './harness';

const YUQUAN = path.join(ROOT, 'test/fixtures/xlsx/yuquan2021-sichuan.xlsx');
const TAOJIADU = path.join(ROOT, 'test/fixtures/xlsx/taojiadu2020-sichuan.xlsx');
const SEED = path.join(__dirname, '..', 'fixtures', 'seeds', '002_256816beafe99349.txt');
const SENTENCE = '2021年本年收入合计853.00万元，其中：一般公共预算财政拨款收入843.28万元，占98.86%';
const haveFiles = fs.existsSync(YUQUAN) && fs.existsSync(TAOJIADU);
const haveSeed = fs.existsSync(SEED);

let h: Harness;
let fakeHost: string;

beforeAll(async () => {
  h = await startHarness();
  fakeHost = await fakeExcelScript();
}, 400000);

afterAll(async () => {
  await h?.close();
});

async function openWorkbook(file: string, name: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(h);
  await waitForBrowserMode(opened.page);
  await uploadBuffer(opened.page, name, fs.readFileSync(file));
  await waitForSource(opened.page, name);
  return opened;
}

/** Values of every cell of a sheet, by A1 address (formulas as their results). */
function sheetValues(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as unknown;
      out[cell.address] = v && typeof v === 'object' && 'result' in (v as object) ? (v as { result: unknown }).result : v;
    }),
  );
  return out;
}

async function captureDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file!) };
}

(haveFiles ? describe : describe.skip)('browser page: 补充信息, 生成说明, 执行率汇总 into a downloadable copy', () => {
  test('补充信息 → 生成说明 → 复制全文 / Word → 执行率汇总 → 下载结果工作簿; regenerating asks first', async () => {
    const original = fs.readFileSync(YUQUAN);
    const { page, errors } = await openWorkbook(YUQUAN, '玉泉街道2021.xlsx');
    expect(await page.locator('[data-testid="result-bar"]').count()).toBe(0);

    // 补充信息: not there yet; adding it prefills 单位名称 and 年度.
    const originalSnapshot = await snapshotFromXlsx(original, 'o.xlsx');
    const accounts = readAccounts(originalSnapshot);
    const fieldCount = allFields(accounts).length;
    await openFeature(page, 'supplement');
    const status = page.locator('[data-testid="supplement-status"]');
    expect(await status.textContent()).toContain('工作簿中还没有“补充信息”工作表');
    expect(await status.getAttribute('data-total')).toBe(String(fieldCount));
    await page.locator('[data-testid="supplement-button"]').click();
    await page.locator('[data-testid="supplement-message"]').waitFor({ timeout: 20000 });
    expect(await page.locator('[data-testid="supplement-message"]').textContent()).toContain('已在结果工作簿中添加“补充信息”工作表');
    // 单位名称, 年度, and 机关运行经费 linked to 表6 公用经费合计
    expect(await status.textContent()).toContain(`已填写 3 / ${fieldCount} 项`);
    expect(await page.locator('[data-testid="supplement-button"]').textContent()).toBe('刷新“补充信息”工作表');
    expect(await page.locator('[data-testid="result-bar"]').textContent()).toContain('“补充信息”');
    // The preview shows the sheet written.
    expect(await page.locator('[data-testid="sheet-select"]').inputValue()).toBe(SUPPLEMENT_SHEET);
    await narrowShot(page, 'feature-supplement-narrow.png');

    // 生成说明 (四川格式 by default): no sheet yet, so no question.
    await openFeature(page, 'narrative');
    expect(await page.locator('[data-testid="narrative-form"] input[value="sichuan"]').isChecked()).toBe(true);
    await page.locator('[data-testid="narrative-button"]').click();
    const text = page.locator('[data-testid="narrative-text"]');
    await text.waitFor({ timeout: 20000 });
    expect(await page.locator('[data-testid="narrative-confirm"]').count()).toBe(0);
    expect(await text.textContent()).toContain(SENTENCE);
    expect(await page.locator('[data-testid="narrative-message"]').textContent()).toContain('已按四川格式生成说明，并在结果工作簿中写入“决算说明”工作表');
    const badge = page.locator('[data-testid="narrative-placeholders"]');
    const count = Number(await badge.getAttribute('data-count'));
    expect(count).toBeGreaterThan(0);
    expect(await badge.textContent()).toBe(`还有 ${count} 处【请填写】需要补充（文中红色标出）`);
    // Every placeholder run is highlighted, and only those.
    const marks = await text.locator('mark[data-placeholder]').allTextContents();
    expect(marks.length).toBe(count);
    expect(marks.every((m) => /^【请填写：.+】$/.test(m))).toBe(true);
    expect(await page.locator('[data-testid="sheet-select"]').inputValue()).toBe(NARRATIVE_SHEET);
    await narrowShot(page, 'feature-narrative-narrow.png');
    await narrowShot(page, 'feature-narrative-text-narrow.png', '[data-testid="narrative-placeholders"]');

    // 复制全文: narrativeText on the clipboard.
    await page.locator('[data-testid="copy-button"]').click();
    await page.locator('[data-testid="copy-result"]').waitFor();
    expect(await page.locator('[data-testid="copy-result"]').textContent()).toContain('已复制全文');
    expect(await page.locator('[data-testid="copy-result"]').getAttribute('data-how')).toBe('clipboard');
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toContain(SENTENCE);

    // 下载 Word 文档.
    const docx = await captureDownload(page, () => page.locator('[data-testid="docx-button"]').click());
    expect(docx.name).toBe('攀枝花市西区玉泉街道办事处2021年度部门决算情况说明.docx');
    const docXml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(docXml).toContain('853.00万元');

    // 执行率汇总: the rates are listed at once; writing adds the sheet with its charts.
    await openFeature(page, 'rates');
    const control = page.locator('[data-testid="rate"][data-id="threePublicControl"]');
    await control.waitFor({ timeout: 20000 });
    expect(await control.locator('[data-col="name"]').textContent()).toBe('“三公经费”控制率');
    expect(await control.locator('[data-col="value"]').textContent()).toBe('100.00%');
    expect(await control.getAttribute('data-status')).toBe('ok');
    const na = page.locator('[data-testid="rate"][data-status="not-computable"]').first();
    expect(await na.locator('[data-col="value"]').textContent()).toBe('无法计算');
    expect(await na.locator('[data-col="reason"]').textContent()).toMatch(/^(缺少：|分母为0)/);
    const groups = await page.locator('[data-testid="rate-group"] h2').allTextContents();
    expect(groups[0]).toBe('一、部门整体支出绩效评价共性指标');
    await narrowShot(page, 'feature-rates-narrow.png');
    await page.locator('[data-testid="rates-button"]').click();
    await page.locator('[data-testid="rates-message"]').waitFor({ timeout: 20000 });
    expect(await page.locator('[data-testid="rates-message"]').textContent()).toContain('已在结果工作簿中写入“执行率汇总”工作表（含 7 张图表）');
    expect(await page.locator('[data-testid="sheet-select"]').inputValue()).toBe(RATES_SHEET);

    // The result workbook: the three sheets added, charts on 执行率汇总, the original sheets unchanged.
    const bar = page.locator('[data-testid="result-bar"]');
    expect(await bar.textContent()).toContain('“补充信息”、“决算说明”、“执行率汇总”');
    const result = await captureDownload(page, () => bar.locator('[data-testid="result-download"]').click());
    expect(result.name).toBe('玉泉街道2021_决算助手.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(result.bytes as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([...originalSnapshot.sheets.map((s) => s.name), SUPPLEMENT_SHEET, NARRATIVE_SHEET, RATES_SHEET]);
    const before = new ExcelJS.Workbook();
    await before.xlsx.load(original as unknown as ArrayBuffer);
    for (const name of ['公开01表', '公开05表', '公开07表']) {
      expect(sheetValues(wb.getWorksheet(name)!)).toEqual(sheetValues(before.getWorksheet(name)!));
    }
    const t1 = wb.getWorksheet('公开01表')!;
    expect(t1.getCell('C33').value).toEqual(before.getWorksheet('公开01表')!.getCell('C33').value);
    const zip = await JSZip.loadAsync(result.bytes);
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length).toBe(7);
    expect(fs.readFileSync(YUQUAN).equals(original)).toBe(true);

    // What the engine says about the downloaded workbook matches the pane.
    const snap = await snapshotFromXlsx(result.bytes, 'r.xlsx');
    const acc = readAccounts(snap);
    const sup = readSupplement(snap, acc);
    expect(sup.present).toBe(true);
    const narrative = buildNarrative(acc, sup, { form: 'sichuan' });
    expect(countPlaceholders(narrative)).toBe(count);
    expect(clipboard).toBe(narrativeText(narrative));
    expect(computeRates(acc, sup).find((r) => r.id === 'threePublicControl')?.display).toBe('100.00%');
    const narrativeSheet = snap.sheets.find((s) => s.name === NARRATIVE_SHEET)!;
    expect(narrativeSheet.cells.flat().some((c) => typeof c?.v === 'string' && c.v.includes(SENTENCE))).toBe(true);

    // 生成说明 again: the sheet exists, so the pane asks first. 取消 leaves everything as it was.
    await openFeature(page, 'narrative');
    await page.locator('[data-testid="narrative-button"]').click();
    const dialog = page.locator('[data-testid="narrative-confirm"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('“决算说明”工作表已存在，是否重新生成？只会改写这张表');
    await page.waitForTimeout(500); // the dialog's fade-in
    await narrowShot(page, 'feature-narrative-confirm-narrow.png');
    await page.locator('[data-testid="narrative-confirm-no"]').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await text.textContent()).toContain(SENTENCE);

    // 上海格式, confirmed: the text and the sheet are regenerated in that form.
    await page.locator('[data-testid="narrative-form"] input[value="shanghai"]').check();
    await page.locator('[data-testid="narrative-button"]').click();
    await dialog.waitFor();
    await page.locator('[data-testid="narrative-confirm-yes"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="narrative-message"]')?.textContent?.includes('上海格式'), undefined, { timeout: 20000 });
    const shanghai = buildNarrative(acc, sup, { form: 'shanghai' });
    expect(Number(await badge.getAttribute('data-count'))).toBe(countPlaceholders(shanghai));
    expect(await text.locator('h2').textContent()).toBe(shanghai.title);
    expect(await bar.textContent()).toContain('“补充信息”、“决算说明”、“执行率汇总”');

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('refreshing 补充信息 keeps what was typed', async () => {
    // A workbook that already has our 补充信息 sheet with values typed by the user.
    const { page, errors } = await openWorkbook(YUQUAN, '玉泉街道2021.xlsx');
    await openFeature(page, 'supplement');
    await page.locator('[data-testid="supplement-button"]').click();
    await page.locator('[data-testid="supplement-message"]').waitFor({ timeout: 20000 });
    const first = await captureDownload(page, () => page.locator('[data-testid="result-download"]').click());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SUPPLEMENT_SHEET)!;
    let typed = 0;
    ws.eachRow((row) => {
      const key = String(row.getCell(6).value ?? '');
      if (key === 'last.incomeGrandTotal') {
        row.getCell(3).value = 800.5;
        typed++;
      }
      if (key === 'staff.authorised') {
        row.getCell(3).value = 25;
        typed++;
      }
      if (key === 'staff.actual') {
        row.getCell(3).value = 30;
        typed++;
      }
    });
    expect(typed).toBe(3);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    await page.close();

    const reopened = await openPage(h);
    await waitForBrowserMode(reopened.page);
    await uploadBuffer(reopened.page, '玉泉街道2021_决算助手.xlsx', filled);
    await waitForSource(reopened.page, '玉泉街道2021_决算助手.xlsx');
    await openFeature(reopened.page, 'supplement');
    const status = reopened.page.locator('[data-testid="supplement-status"]');
    expect(await status.getAttribute('data-filled')).toBe('6');
    await reopened.page.locator('[data-testid="supplement-button"]').click();
    await reopened.page.locator('[data-testid="supplement-message"]').waitFor({ timeout: 20000 });
    expect(await reopened.page.locator('[data-testid="supplement-message"]').textContent()).toContain('结果工作簿中的“补充信息”工作表已包含全部项目，原有内容一字未改');
    expect(await status.getAttribute('data-filled')).toBe('6');
    // Nothing was missing: nothing written, so there is no copy to download; the uploaded sheet stays as it was.
    expect(await reopened.page.locator('[data-testid="result-download"]').count()).toBe(0);
    const snap = await snapshotFromXlsx(filled, 'filled.xlsx');
    const sup = readSupplement(snap, readAccounts(snap));
    expect(sup.values.get('last.incomeGrandTotal')?.raw).toBe('800.5');
    expect(sup.values.get('staff.authorised')?.number).toBe(25);

    // 30 people on 25 posts: 在职人员控制率 120.00%, outside its rule (≤100%), flagged.
    const expectedRate = computeRates(readAccounts(snap), sup).find((r) => r.name === '在职人员控制率')!;
    expect(expectedRate.status).toBe('flagged');
    await openFeature(reopened.page, 'rates');
    const rate = reopened.page.locator('[data-testid="rate"]', { hasText: '在职人员控制率' });
    await rate.waitFor({ timeout: 20000 });
    expect(await rate.getAttribute('data-status')).toBe('flagged');
    expect(await rate.locator('[data-col="value"]').textContent()).toBe('⚠ 120.00%');
    expect(await rate.locator('[data-col="conclusion"]').textContent()).toContain(expectedRate.conclusion);
    expect(await reopened.page.locator('[data-testid="rates-summary"]').textContent()).toMatch(/[1-9]\d* 项超出标准/);
    await narrowShot(reopened.page, 'feature-rates-flagged-narrow.png', '[data-testid="rate"][data-status="flagged"]');
    expect(errors).toEqual([]);
    expect(reopened.errors).toEqual([]);
    await reopened.page.close();
  });
});

(haveFiles && haveSeed ? describe : describe.skip)('browser page: 核对说明', () => {
  test('the 陶家渡2020 seed narrative: the 收入总计746.99 mistake, grouped by severity, cells highlighted', async () => {
    const snapshot = await snapshotFromXlsx(fs.readFileSync(TAOJIADU), 't.xlsx');
    const accounts = readAccounts(snapshot);
    const seed = fs.readFileSync(SEED);
    const expected = auditNarrative(await readNarrativeFile(seed, 'seed.txt'), accounts, readSupplement(snapshot, accounts));
    const mistake = expected.findings.find((f) => f.severity === '错误' && f.quote === '2020年度收入总计746.99万元')!;
    expect(mistake).toBeDefined();

    const { page, errors } = await openWorkbook(TAOJIADU, '陶家渡2020.xlsx');
    await openFeature(page, 'audit');
    expect(await page.locator('[data-testid="audit-button"]').isDisabled()).toBe(true);
    await page.locator('[data-testid="audit-source"] [data-source="file"]').click();
    await page.setInputFiles('[data-testid="audit-file-input"]', { name: '陶家渡2020说明.txt', mimeType: 'text/plain', buffer: seed });
    expect(await page.locator('[data-testid="audit-file-name"]').textContent()).toBe('陶家渡2020说明.txt');
    await page.locator('[data-testid="audit-button"]').click();
    const summary = page.locator('[data-testid="audit-summary"]');
    await summary.waitFor({ timeout: 20000 });
    expect(await summary.textContent()).toContain(summarise(expected));
    expect(await summary.textContent()).toContain('说明与表不符');

    // Grouped by severity, 错误 first; every finding shown with where, quote, message and cells.
    const groups = await page.locator('[data-testid="audit-group"]').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-severity')));
    expect(groups[0]).toBe('错误');
    expect(await page.locator('[data-testid="audit-finding"]').count()).toBe(expected.findings.length);
    const finding = page.locator('[data-testid="audit-finding"]', { hasText: '把本年收入合计（746.99万元）当成了收入总计' });
    expect(await finding.count()).toBe(1);
    expect(await finding.getAttribute('data-severity')).toBe('错误');
    expect(await finding.locator('[data-col="quote"]').textContent()).toBe('“2020年度收入总计746.99万元”');
    expect(await finding.locator('[data-col="where"]').textContent()).toBe(mistake.where);
    expect(await finding.locator('[data-col="message"]').textContent()).toBe(mistake.message);
    expect(await finding.locator('[data-col="cells"]').textContent()).toContain('公开01表!C36');

    // 未核对: listed with the reasons.
    expect(await page.locator('[data-testid="unplaced"]').count()).toBe(Math.min(40, expected.unplaced.length));
    expect(await page.locator('[data-testid="audit-unplaced"] h2').textContent()).toBe(`未核对（${expected.unplaced.length} 个数字）`);

    // Clicking the finding highlights its cells in the preview.
    await finding.click();
    expect(await finding.getAttribute('aria-pressed')).toBe('true');
    await page.waitForSelector('[data-testid="preview"] table[data-sheet="公开01表"] td[data-hit="1"]');
    for (const ref of mistake.cells) {
      const r = parseA1(ref.split('!')[1])!;
      expect(await page.locator(`[data-testid="preview"] td[data-r="${r.r0}"][data-c="${r.c0}"]`).getAttribute('data-hit')).toBe('1');
    }
    await page.screenshot({ path: path.join(TMP, 'feature-audit-wide.png') });
    await narrowShot(page, 'feature-audit-narrow.png');
    await narrowShot(page, 'feature-audit-findings-narrow.png', '[data-testid="audit-summary"]');

    // The same text pasted gives the same result.
    await page.locator('[data-testid="audit-source"] [data-source="text"]').click();
    await page.locator('[data-testid="audit-text"]').fill(seed.toString('utf8'));
    await page.locator('[data-testid="audit-button"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="audit-summary"]')?.textContent?.includes('粘贴') === false, undefined, { timeout: 20000 });
    await page.waitForFunction(() => document.body.textContent?.includes('核对对象：粘贴的文字'), undefined, { timeout: 20000 });
    expect(await summary.textContent()).toContain(summarise(expected));
    expect(await page.locator('[data-testid="audit-finding"]').count()).toBe(expected.findings.length);

    // An unsupported file gets a Chinese message.
    await page.locator('[data-testid="audit-source"] [data-source="file"]').click();
    await page.setInputFiles('[data-testid="audit-file-input"]', { name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await page.locator('[data-testid="audit-button"]').click();
    await page.locator('[data-testid="audit-error"]').waitFor();
    expect(await page.locator('[data-testid="audit-error"]').textContent()).toContain('只支持 .txt 和 .docx 文件');

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The task pane inside the fake Excel over `bytes`; with `extra` sheets added to the workbook. */
async function openInExcel(bytes: Buffer, extra: { name: string; lines: string[] }[] = [], excelApi = '1.18') {
  const snapshot = await snapshotFromXlsx(bytes, 'x.xlsx');
  const sheets = fakeSheetsOf(snapshot);
  for (const s of extra) sheets.push({ name: s.name, cells: Object.fromEntries(s.lines.map((l, i) => [`A${i + 1}`, l])) });
  const script = `${fakeHost};window.__installFakeExcel(${JSON.stringify(sheets)}, ${JSON.stringify(excelApi)});`;
  const opened = await openPage(h, { script });
  await opened.page.setViewportSize({ width: 360, height: 800 });
  await opened.page.waitForSelector('body[data-host="excel"]', { timeout: 8000 });
  await waitForSource(opened.page, '当前工作簿');
  return opened;
}

/** What the fake workbook holds, read in the page. */
function excelState(page: Page) {
  return page.evaluate(() => {
    const m = (window as unknown as { __excelModel: FakeWorkbookModel }).__excelModel;
    return {
      sheets: m.sheets.map((s) => s.name),
      active: m.activeSheet?.name ?? null,
      selection: m.selection,
      charts: Object.fromEntries(m.sheets.map((s) => [s.name, s.charts.length])),
      names: m.names.map((n) => n.name),
    };
  });
}

function excelCell(page: Page, sheet: string, address: string) {
  return page.evaluate(
    ([s, a]) => {
      const m = (window as unknown as { __excelModel: FakeWorkbookModel }).__excelModel;
      const c = m.sheet(s)?.at(a);
      return c ? { value: c.value, formula: c.formula ?? null } : null;
    },
    [sheet, address] as const,
  );
}

(haveFiles ? describe : describe.skip)('inside Excel (fake Office.js host)', () => {
  test('补充信息, 生成说明 (asking before rewriting) and 执行率汇总 write owned sheets; the workbook is read again', async () => {
    const { page, errors } = await openInExcel(fs.readFileSync(YUQUAN));
    expect(await page.locator('[data-testid="result-bar"]').count()).toBe(0);

    await openFeature(page, 'supplement');
    await page.locator('[data-testid="supplement-button"]').click();
    await page.locator('[data-testid="supplement-message"]').waitFor({ timeout: 20000 });
    expect(await page.locator('[data-testid="supplement-message"]').textContent()).toContain('已添加“补充信息”工作表');
    expect(await page.locator('[data-testid="supplement-message"]').textContent()).toContain('重新读取工作簿');
    let state = await excelState(page);
    expect(state.sheets).toContain(SUPPLEMENT_SHEET);
    expect(state.active).toBe(SUPPLEMENT_SHEET);
    expect(state.names.some((n) => n.startsWith('决算助手_owned'))).toBe(true);
    expect(await page.locator('[data-testid="supplement-status"]').getAttribute('data-filled')).toBe('3');
    await page.screenshot({ path: path.join(TMP, 'feature-supplement-excel.png') });

    await openFeature(page, 'narrative');
    await page.locator('[data-testid="narrative-button"]').click();
    await page.locator('[data-testid="narrative-text"]').waitFor({ timeout: 20000 });
    expect(await page.locator('[data-testid="narrative-text"]').textContent()).toContain(SENTENCE);
    expect(await page.locator('[data-testid="narrative-message"]').textContent()).toContain('已按四川格式生成说明，并写入“决算说明”工作表');
    state = await excelState(page);
    expect(state.sheets).toContain(NARRATIVE_SHEET);
    expect(state.active).toBe(NARRATIVE_SHEET);
    await page.screenshot({ path: path.join(TMP, 'feature-narrative-excel.png') });

    // Again: asks; 重新生成 rewrites the same sheet.
    await page.locator('[data-testid="narrative-button"]').click();
    await page.locator('[data-testid="narrative-confirm"]').waitFor();
    await page.locator('[data-testid="narrative-confirm-yes"]').click();
    await page.locator('[data-testid="narrative-confirm"]').waitFor({ state: 'detached' });
    await page.waitForFunction(() => !!document.querySelector('[data-testid="narrative-message"]'), undefined, { timeout: 20000 });
    state = await excelState(page);
    expect(state.sheets.filter((s) => s === NARRATIVE_SHEET).length).toBe(1);

    await openFeature(page, 'rates');
    await page.locator('[data-testid="rate"][data-id="threePublicControl"]').waitFor({ timeout: 20000 });
    await page.locator('[data-testid="rates-button"]').click();
    await page.locator('[data-testid="rates-message"]').waitFor({ timeout: 20000 });
    expect(await page.locator('[data-testid="rates-message"]').textContent()).toContain('已写入“执行率汇总”工作表（含 7 张图表）');
    state = await excelState(page);
    expect(state.sheets.slice(-3)).toEqual([SUPPLEMENT_SHEET, NARRATIVE_SHEET, RATES_SHEET]);
    expect(state.charts[RATES_SHEET]).toBe(7);
    expect(await page.locator('[data-testid="rates-button"]').textContent()).toBe('更新“执行率汇总”工作表');
    // The user's sheets are untouched.
    const before = await snapshotFromXlsx(fs.readFileSync(YUQUAN), 'y.xlsx');
    const c33 = before.sheets.find((s) => s.name === '公开01表')!.cells[32]![2]!.v;
    expect((await excelCell(page, '公开01表', 'C33'))?.value).toBe(c33);
    await page.screenshot({ path: path.join(TMP, 'feature-rates-excel.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a user sheet named 决算说明 is refused with a Chinese message; the text is still shown', async () => {
    const { page, errors } = await openInExcel(fs.readFileSync(YUQUAN), [{ name: NARRATIVE_SHEET, lines: ['我自己写的说明'] }]);
    await openFeature(page, 'narrative');
    await page.locator('[data-testid="narrative-button"]').click();
    await page.locator('[data-testid="narrative-confirm"]').waitFor();
    await page.locator('[data-testid="narrative-confirm-yes"]').click();
    const message = page.locator('[data-testid="narrative-message"]');
    await message.waitFor({ timeout: 20000 });
    expect(await message.textContent()).toMatch(/决算说明/);
    expect(await message.textContent()).toContain('仍可复制或下载为 Word 文档');
    expect(await page.locator('[data-testid="narrative-text"]').textContent()).toContain(SENTENCE);
    expect((await excelCell(page, NARRATIVE_SHEET, 'A1'))?.value).toBe('我自己写的说明');
    await page.locator('[data-testid="narrative-confirm"]').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(TMP, 'feature-narrative-refused-excel.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an ExcelApi 1.7 host: what it cannot write is reported; 复制全文 falls back when the clipboard API is refused', async () => {
    const { page, errors } = await openInExcel(fs.readFileSync(YUQUAN), [], '1.7');
    // The webview refuses navigator.clipboard (as a task pane without the clipboard-write permission does).
    await page.evaluate(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    });
    await openFeature(page, 'narrative');
    await page.locator('[data-testid="narrative-button"]').click();
    await page.locator('[data-testid="narrative-message"]').waitFor({ timeout: 20000 });
    expect(await page.locator('[data-testid="narrative-message"]').textContent()).toContain('已按四川格式生成说明，并写入“决算说明”工作表');
    expect(await page.locator('[data-testid="narrative-view"]').textContent()).toContain('需要 ExcelApi 1.18');
    await page.locator('[data-testid="copy-button"]').click();
    await page.locator('[data-testid="copy-result"]').waitFor();
    expect(await page.locator('[data-testid="copy-result"]').textContent()).toContain('已复制全文');
    expect(await page.locator('[data-testid="copy-result"]').getAttribute('data-how')).toBe('fallback');
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toContain(SENTENCE);
    expect(await page.locator('[data-testid="copy-fallback"]').count()).toBe(0);
    await page.screenshot({ path: path.join(TMP, 'feature-narrative-excel17.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  (haveSeed ? test : test.skip)('核对说明 from a sheet of the workbook; clicking a finding selects its cells in Excel', async () => {
    const lines = fs.readFileSync(SEED, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    const { page, errors } = await openInExcel(fs.readFileSync(TAOJIADU), [{ name: '情况说明', lines }]);
    await openFeature(page, 'audit');
    await page.locator('[data-testid="audit-source"] [data-source="sheet"]').click();
    expect(await page.locator('[data-testid="audit-sheet"]').inputValue()).toBe('情况说明');
    await page.locator('[data-testid="audit-button"]').click();
    await page.locator('[data-testid="audit-summary"]').waitFor({ timeout: 20000 });
    expect(await page.locator('[data-testid="audit-view"]').textContent()).toContain('核对对象：工作表“情况说明”');
    const finding = page.locator('[data-testid="audit-finding"]', { hasText: '把本年收入合计（746.99万元）当成了收入总计' });
    expect(await finding.locator('[data-col="where"]').textContent()).toMatch(/^情况说明!A\d+$/);
    await finding.click();
    await page.waitForFunction(() => !!(window as unknown as { __excelModel: FakeWorkbookModel }).__excelModel.selection, undefined, { timeout: 5000 });
    const state = await excelState(page);
    expect(state.active).toBe('公开01表');
    expect(state.selection?.address).toContain('C36');
    await page.evaluate(() => document.querySelector('[data-testid="audit-summary"]')?.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(TMP, 'feature-audit-excel.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
