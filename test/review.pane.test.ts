/**
 * Statuses in the task pane's flow: the status table written by the Office.js adapter is an owned very hidden sheet
 * that the Office.js reader reads back; the 校验 report as shown moves 误报 / 已整改 apart and counts only the rest.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fakeExcel } from '../src/adapters/officejs/fakeExcel';
import { readWorkbookSnapshot, specApiFor } from '../src/adapters/officejs';
import { writeSheetSpec } from '../src/adapters/officejs/writeSheetSpec';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../src/model/readAccounts';
import { cataloguesFor } from '../src/model/localCatalogue';
import { runRules, TABLE_ORDER } from '../src/rules';
import { buildCheckReport } from '../src/taskpane/checkView';
import { reviewItems, reviewReport } from '../src/taskpane/reviewPane';
import { readStatuses, setStatus, STATUS_SHEET, statusSheet, StatusEntry } from '../src/review/status';
import { buildReportSheet } from '../src/review/report';
import type { WorkbookSnapshot } from '../src/snapshot/types';

const XLSX = path.join(__dirname, 'fixtures', 'xlsx', 'yuquan2021-broken-item.xlsx');

it('Office.js: the status table is an owned, very hidden sheet, read back by the reader; the 整改清单 is an ordinary owned sheet', async () => {
  const ctx = fakeExcel([{ name: '公开01表', cells: { A1: '收入支出决算总表' } }]);
  const entries: StatusEntry[] = [{ fingerprint: 'k1', rule: 'T5-科目层级', cells: ['公开05表!C9', '公开05表!C10'], status: '误报', note: '=本地口径', at: '2026-12-03T13:00:00Z' }];
  await writeSheetSpec(ctx.asExcel(), statusSheet(entries), { api: specApiFor('1.18') });
  expect(ctx.model.sheet(STATUS_SHEET)!.visibility).toBe('VeryHidden');
  const snap = await readWorkbookSnapshot(ctx.asExcel());
  expect(readStatuses(snap)).toEqual({ entries, problems: [] });
  await writeSheetSpec(ctx.asExcel(), buildReportSheet([], { source: 'x', tableOrder: TABLE_ORDER }), { api: specApiFor('1.18'), activate: true });
  expect(ctx.model.sheet('整改清单')!.visibility).toBe('Visible');
});

it('the report as shown: 误报 and 已整改 apart, counts and summary of the open findings, 已确认 stays counted', async () => {
  const snapshot = await snapshotFromXlsx(new Uint8Array(fs.readFileSync(XLSX)), 'b.xlsx');
  const accounts = readAccounts(snapshot);
  const catalogues = cataloguesFor(snapshot);
  const findings = runRules(accounts, { functional: catalogues.functional, economic: catalogues.economic });
  const report = buildCheckReport(accounts, findings, catalogues, TABLE_ORDER, 2021);
  expect(report.counts.错误).toBe(2);
  const reviewed = reviewItems(snapshot, report);
  const errs = [...reviewed.entries()].filter(([, r]) => r.finding.severity === '错误');
  let entries = setStatus([], errs[0][1], '误报', '', 't');
  entries = setStatus(entries, errs[1][1], '已确认', '', 't');
  // the table as the workbook would hold it, read again
  const withTable: WorkbookSnapshot = {
    ...snapshot,
    sheets: [...snapshot.sheets, { name: STATUS_SHEET, hidden: true, cells: statusSheet(entries).rows.map((r) => r.map((c) => ({ v: c && c.kind === 'text' ? c.text : null }))), merges: [], hiddenRows: [], hiddenCols: [] }],
  };
  const again = reviewItems(withTable, report);
  const shown = reviewReport(report, again);
  expect(shown.counts.错误).toBe(1);
  expect(shown.apart!.map((i) => i.key)).toEqual([errs[0][0]]);
  expect(shown.total).toBe(report.total - 1);
  expect(shown.summary).toMatch(/（另有 1 条已标为误报或已整改，不计入）$/);
  expect(again.get(errs[1][0])!.status).toBe('已确认');
  // no statuses: the report is shown as it is
  expect(reviewReport(report, reviewed)).toBe(report);
});
