/**
 * One workbook of a batch, as the worker thread runs it: check, optional 整改清单, the summary row and the output
 * lines. Everything of the workbook is dropped when this returns; only the small result travels back.
 */
import * as path from 'path';
import { promises as fs } from 'fs';
import { readSupplement } from '../../supplement/sheet';
import { summaryRow } from '../../review/summary';
import { reviewCounts } from '../../review/status';
import { checkFile, reportSheetFor, writeReportFile } from '../commands/check';
import { checkJson, unexpectedMessage } from '../main';
import { WorkbookReadError } from '../../adapters/exceljs/snapshotFromXlsx';
import type { Task, TaskResult, WorkerSetup } from './protocol';

/** One Chinese line for a batch row: the reader's own message, or the plain-language fallback for anything else. */
export function firstLine(e: unknown): string {
  if (e instanceof WorkbookReadError) return e.message.split('\n')[0];
  return unexpectedMessage(e).replace(/^处理时出错：/, '');
}

export function reportPathFor(reportDir: string, rel: string): string {
  const { dir, name } = path.parse(rel);
  return path.join(reportDir, dir, `${name}_整改清单.xlsx`);
}

export async function checkOne(task: Task, setup: WorkerSetup): Promise<TaskResult> {
  try {
    const c = await checkFile(task.file, { year: setup.year, extra: setup.extra });
    let report: string | undefined;
    let reportProblem = '';
    if (setup.reportDir) {
      report = reportPathFor(setup.reportDir, task.rel);
      try {
        await fs.mkdir(path.dirname(report), { recursive: true });
        await writeReportFile(report, reportSheetFor(c));
      } catch (e) {
        reportProblem = `整改清单未写入：${firstLine(e)}`;
        report = undefined;
      }
    }
    const row = summaryRow(task.rel, c.accounts, c.reviewed, readSupplement(c.snapshot, c.accounts), report);
    const counts = reviewCounts(c.reviewed);
    const o = counts.open;
    const lines = [
      `${o.错误 ? '✗' : '✓'} ${task.rel}  ${c.accounts.facts.unitName ?? ''}${c.accounts.facts.year ? ` ${c.accounts.facts.year}年` : ''}  错误 ${o.错误}，警告 ${o.警告}，提示 ${o.提示}${counts.falsePositive ? `（另有误报 ${counts.falsePositive}）` : ''}`,
      ...c.reviewed
        .filter((i) => i.finding.severity === '错误' && (i.status === '未处理' || i.status === '已确认'))
        .slice(0, 5)
        .map((i) => `    [错误] ${i.finding.message}`),
      ...(reportProblem ? [`    ${reportProblem}`] : []),
    ];
    const json = setup.json ? JSON.stringify({ file: task.rel, ...checkJson(c.accounts, c.findings, c.catalogues, setup.year, c.reviewed, c.ledger), report: report ?? null }) : undefined;
    return { id: task.id, row, json, lines, failed: o.错误 > 0 };
  } catch (e) {
    return unreadable(task, firstLine(e), setup.json);
  }
}

/** The result for a file that could not be checked. */
export function unreadable(task: Pick<Task, 'id' | 'rel'>, reason: string, json: boolean): TaskResult {
  return {
    id: task.id,
    row: { file: task.rel, error: reason },
    json: json ? JSON.stringify({ file: task.rel, error: reason }) : undefined,
    lines: [`✗ ${task.rel}  无法读取：${reason}`],
    failed: true,
  };
}
