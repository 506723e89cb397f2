/**
 * `juesuan check <workbook.xlsx|folder> [--year N] [--catalogue 本地科目.csv] [--report 整改清单.xlsx] [--json]`.
 * One workbook: the findings with the statuses stored in the workbook (误报 / 已整改 apart, not counted), and the
 * 整改清单 of the open ones when --report is given. A folder: see ../batch.
 * Exit codes: 0 no open 错误, 1 open 错误, 2 unreadable input or refused options.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { WorkbookReadError } from '../../adapters/exceljs/snapshotFromXlsx';
import { Catalogues, cataloguesFor, rowsFromDelimited } from '../../model/localCatalogue';
import { Accounts } from '../../model/types';
import { runRulesWithLedger, TABLE_ORDER } from '../../rules';
import { Finding } from '../../rules/types';
import { WorkbookSnapshot } from '../../snapshot/types';
import { applyStatuses, readStatuses, ReviewedFinding, reviewCounts } from '../../review/status';
import { buildReportSheet } from '../../review/report';
import { SheetSpec } from '../../output/sheetSpec';
import { checkJson, checkText, Ledger, loadWorkbook } from '../main';
import { assertNotInput, assertReplaceable, writeNewWorkbook } from '../workbookIo';
import type { Io } from '../program';

export interface CheckOptions {
  year?: string;
  catalogue?: string;
  json?: boolean;
  report?: string;
  recursive?: boolean;
  jobs?: string;
  timeout?: string;
  summary?: string;
  reportDir?: string;
}

/** Local 科目 given with --catalogue. */
export type ExtraCatalogue = { rows: string[][]; where: string };

export interface CheckedWorkbook {
  snapshot: WorkbookSnapshot;
  accounts: Accounts;
  catalogues: Catalogues;
  findings: Finding[];
  reviewed: ReviewedFinding[];
  /** Rows of the status sheet that could not be understood. */
  statusProblems: string[];
  /** Relations evaluated, and those that could not be (never skipped in silence). */
  ledger: Ledger;
}

/** Read, check and apply the stored statuses: the whole of `check` for one workbook, with no output. */
export async function checkFile(file: string, o: { year?: number; extra?: ExtraCatalogue }): Promise<CheckedWorkbook> {
  const { snapshot, accounts } = await loadWorkbook(file);
  return checkLoaded(snapshot, accounts, o);
}

export function checkLoaded(snapshot: WorkbookSnapshot, accounts: Accounts, o: { year?: number; extra?: ExtraCatalogue }): CheckedWorkbook {
  const catalogues = cataloguesFor(snapshot, o.extra);
  const result = runRulesWithLedger(accounts, { year: o.year, functional: catalogues.functional, economic: catalogues.economic });
  const findings = result.findings;
  const stored = readStatuses(snapshot);
  return {
    snapshot,
    accounts,
    catalogues,
    findings,
    reviewed: applyStatuses(findings, snapshot, stored.entries),
    statusProblems: stored.problems,
    ledger: { checked: result.checked, unchecked: result.unchecked },
  };
}

export function reportSheetFor(c: Pick<CheckedWorkbook, 'accounts' | 'reviewed'>): SheetSpec {
  return buildReportSheet(c.reviewed, { source: c.accounts.source, unitName: c.accounts.facts.unitName, year: c.accounts.facts.year, tableOrder: TABLE_ORDER });
}

/** Write a 整改清单 workbook. A file that exists and was not written by 决算助手 is never overwritten. */
export async function writeReportFile(out: string, sheet: SheetSpec): Promise<void> {
  await writeNewWorkbook([sheet], out);
}

/** --year as a number, or a Chinese refusal. */
export function parseYear(year: string | undefined): number | undefined {
  if (year === undefined) return undefined;
  const y = /^\d{4}$/.test(year) ? parseInt(year, 10) : NaN;
  if (!(y >= 2000 && y <= 2100)) throw new WorkbookReadError(`--year 应为四位年度，例如 --year 2024（收到“${year}”）。`);
  return y;
}

export async function readExtraCatalogue(file: string | undefined): Promise<ExtraCatalogue | undefined> {
  if (!file) return undefined;
  try {
    return { rows: rowsFromDelimited(await fs.readFile(file, 'utf8')), where: `文件“${path.basename(file)}”` };
  } catch {
    throw new WorkbookReadError(`无法读取本地科目文件“${file}”。`);
  }
}

export async function checkCommand(target: string, o: CheckOptions, io: Io): Promise<number> {
  const year = parseYear(o.year);
  const extra = await readExtraCatalogue(o.catalogue);
  const stat = await fs.stat(target).catch(() => undefined);
  if (stat?.isDirectory()) {
    if (o.report) throw new WorkbookReadError('检查文件夹时请用 --report-dir <文件夹> 为每个工作簿写整改清单（--report 只用于单个工作簿）。');
    const { checkFolder } = await import('../batch/checkFolder');
    return checkFolder(target, { ...o, year, extra }, io);
  }
  for (const [flag, given] of [['--recursive', o.recursive], ['--jobs', o.jobs], ['--timeout', o.timeout], ['--summary', o.summary], ['--report-dir', o.reportDir]] as const) {
    if (given !== undefined) throw new WorkbookReadError(`${flag} 只用于检查文件夹；“${target}”是单个工作簿。`);
  }
  if (o.report) {
    // Refused before any output: never over the workbook being checked or a file holding user input.
    if (!/\.xlsx$/i.test(o.report)) throw new WorkbookReadError(`--report 的文件名应以 .xlsx 结尾（收到“${o.report}”）。`);
    await assertNotInput(o.report, target, '--report');
    await assertReplaceable(o.report, '--report 指定的文件');
  }
  const c = await checkFile(target, { year, extra });
  if (o.json) io.out(JSON.stringify(checkJson(c.accounts, c.findings, c.catalogues, year, c.reviewed, c.ledger), null, 2));
  else {
    io.out(checkText(c.accounts, c.findings, c.catalogues, year, c.reviewed, c.ledger));
    for (const p of c.statusProblems) io.out(`状态表：${p}`);
  }
  if (o.report) {
    await writeReportFile(o.report, reportSheetFor(c));
    const n = c.reviewed.length - reviewCounts(c.reviewed).falsePositive - reviewCounts(c.reviewed).fixed;
    (o.json ? io.err : io.out)(`整改清单（${n} 条）已写入：${o.report}`);
  }
  return reviewCounts(c.reviewed).open.错误 ? 1 : 0;
}
