/**
 * 从上年决算导入 in the task pane (browser page, headless Chromium): pick last year's workbook in 补充信息, the
 * 上年 fields are filled (read back from the downloadable result: figures and source notes), the reasons owed
 * are listed; a workbook of another unit is refused with the reason and imported when the user insists.
 */
import * as fs from 'fs';
import * as path from 'path';
import { yuquan2020 } from '../fixtures/specs/priorYear';
import { buildInto } from '../fixtures/builder';
import { workbookBytes } from '../fixtures/builder/fixtures';
import { Harness, openFeature, openPage, ROOT, startHarness, uploadBuffer, waitForBrowserMode, waitForSource, XLSX_MIME } from './harness';

const YUQUAN = path.join(ROOT, 'test/fixtures/xlsx/yuquan2021-sichuan.xlsx');
const TAOJIADU = path.join(ROOT, 'test/fixtures/xlsx/taojiadu2020-sichuan.xlsx');

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 400000);

afterAll(async () => {
  await h?.close();
});

test('从上年决算导入 fills the 上年 fields; another unit is refused, then imported on request', async () => {
  const { page, errors } = await openPage(h);
  await waitForBrowserMode(page);
  await uploadBuffer(page, '玉泉街道2021.xlsx', fs.readFileSync(YUQUAN));
  await waitForSource(page, '玉泉街道2021.xlsx');
  await openFeature(page, 'supplement');
  const status = page.locator('[data-testid="supplement-status"]');
  const before = Number(await status.getAttribute('data-filled'));

  const last = await workbookBytes(buildInto(yuquan2020, 'sichuan').workbook);
  await page.setInputFiles('[data-testid="prior-file-input"]', { name: '玉泉2020.xlsx', mimeType: XLSX_MIME, buffer: last });
  const msg = page.locator('[data-testid="prior-message"]');
  await msg.waitFor({ timeout: 30000 });
  const text = (await msg.textContent()) ?? '';
  expect(text).toMatch(/^已从“玉泉2020\.xlsx”导入 \d+ 项上年数（“说明”列注明来源单元格）。/);
  expect(text).toContain('本年新增的项（上年无此项，上年数按0计）：2130299 其他林业和草原支出。');
  const filled = Number(/导入 (\d+) 项/.exec(text)![1]);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="supplement-status"]')?.getAttribute('data-filled')) >= n, before + filled - 1);
  expect(await page.locator('[data-testid="prior-owed"]').textContent()).toContain('收入支出总计变动的主要原因：收入总计比上年增加86.78万元，增长11.33%');

  // Another unit (陶家渡 2020): refused with the reason, imported when the user insists.
  await page.setInputFiles('[data-testid="prior-file-input"]', { name: '陶家渡2020.xlsx', mimeType: XLSX_MIME, buffer: fs.readFileSync(TAOJIADU) });
  const refused = page.locator('[data-testid="prior-refused"]');
  await refused.waitFor({ timeout: 30000 });
  expect(await refused.textContent()).toContain('“陶家渡2020.xlsx”是“攀枝花市西区陶家渡街道办事处”的决算，而本工作簿是“攀枝花市西区玉泉街道办事处”的决算');
  await page.locator('[data-testid="prior-force"]').click();
  await msg.waitFor({ timeout: 30000 });
  expect(await msg.textContent()).toContain('已按要求仍然导入，请核对。');
  expect(errors).toEqual([]);
}, 300000);
