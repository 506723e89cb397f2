/**
 * `juesuan check <folder> [--recursive] [--jobs N] [--timeout 秒] [--summary 汇总.xlsx] [--report-dir 文件夹] [--json]`:
 * every .xlsx of a folder checked in a pool of worker threads (default: one per core).
 *
 * - Results are printed as they finish (one line per workbook, or one JSON object per line with --json).
 * - The batch never stops: a damaged file is a row with its reason; a file that takes longer than the time budget
 *   is a row with that reason and its worker is terminated and replaced.
 * - Memory stays flat: a worker drops its workbook when it posts the result; the pool keeps only the summary row
 *   (a few short strings) of each file.
 * - A progress line (done/total, files per second, time left) goes to stderr only when stderr is a terminal.
 */
import { promises as fs, existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { WorkbookReadError } from '../../adapters/exceljs/snapshotFromXlsx';
import { buildSummarySheet, SummaryRow } from '../../review/summary';
import { replaceable, writeNewWorkbook } from '../workbookIo';
import type { ExtraCatalogue } from '../commands/check';
import type { Io } from '../program';
import type { Task, TaskResult, WorkerSetup } from './protocol';
import { unreadable } from './checkOne';

export interface FolderOptions {
  year?: number;
  extra?: ExtraCatalogue;
  json?: boolean;
  recursive?: boolean;
  jobs?: string;
  timeout?: string;
  summary?: string;
  reportDir?: string;
}

export const DEFAULT_TIMEOUT_S = 120;

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** The workbooks of a folder (and its subfolders with `recursive`), sorted, relative paths. Office's "~$" lock files are skipped. */
export async function listWorkbooks(dir: string, recursive: boolean, skip: string[] = []): Promise<string[]> {
  const out: string[] = [];
  const skipAbs = new Set(skip.map((s) => path.resolve(s)));
  async function walk(rel: string): Promise<void> {
    const entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const r = rel ? path.join(rel, e.name) : e.name;
      if (e.isDirectory()) {
        if (recursive && !skipAbs.has(path.resolve(dir, r))) await walk(r);
      } else if (WORKBOOK.test(e.name) && !e.name.startsWith('~$') && !skipAbs.has(path.resolve(dir, r))) out.push(r);
    }
  }
  await walk('');
  return out.sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
}

function positiveInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new WorkbookReadError(`${flag} 应为正整数（收到“${value}”）。`);
  return Number(value);
}

/** The worker entry, compiled: lib/cli/batch/worker.js (also when this module runs from src/ under ts-jest). */
export function workerScript(): string {
  const here = path.join(__dirname, 'worker.js');
  if (existsSync(here)) return here;
  const compiled = path.resolve(__dirname, '..', '..', '..', 'lib', 'cli', 'batch', 'worker.js');
  if (existsSync(compiled)) return compiled;
  throw new WorkbookReadError('批量校验需要编译后的程序：请先运行 npm run build:cli。');
}

/** A file we may (over)write: absent, or an unedited file of 决算助手's own sheets (checked before the batch starts). */
async function refuseUserFile(file: string): Promise<void> {
  if (!(await replaceable(file))) throw new WorkbookReadError(`“${file}”已存在且不是决算助手生成的文件，为免覆盖，未写入。请换一个文件名。`);
}

export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return '—';
  const m = Math.floor(s / 60);
  return m ? `${m}分${Math.round(s % 60)}秒` : `${Math.round(s)}秒`;
}

export async function checkFolder(dir: string, o: FolderOptions, io: Io): Promise<number> {
  const jobs = positiveInt(o.jobs, '--jobs', os.cpus().length || 1);
  const budgetMs = positiveInt(o.timeout, '--timeout', DEFAULT_TIMEOUT_S) * 1000;
  if (o.summary) {
    if (!/\.xlsx$/i.test(o.summary)) throw new WorkbookReadError(`--summary 应为 .xlsx 文件（收到“${o.summary}”）。`);
    await refuseUserFile(o.summary);
  }
  // Never check our own outputs as if they were submissions.
  const skip = [o.summary, o.reportDir].filter((x): x is string => !!x);
  const files = await listWorkbooks(dir, !!o.recursive, skip);
  if (!files.length) {
    io.err(`文件夹“${dir}”中没有 .xlsx 工作簿${o.recursive ? '' : '（子文件夹中的请加 --recursive）'}。`);
    return 2;
  }
  if (o.reportDir) await fs.mkdir(o.reportDir, { recursive: true });
  const script = workerScript();
  const setup: WorkerSetup = { year: o.year, extra: o.extra, reportDir: o.reportDir ? path.resolve(o.reportDir) : undefined, json: !!o.json };

  if (!o.json) io.out(`决算助手 · 批量校验“${dir}”（${files.length} 个工作簿，${Math.min(jobs, files.length)} 个线程）\n`);
  const rows: SummaryRow[] = new Array(files.length);
  let failed = false;
  let unreadableCount = 0;
  let clean = 0;
  let done = 0;
  const started = Date.now();
  const tty = !!process.stderr.isTTY;
  const progress = (final = false) => {
    if (!tty) return;
    const secs = (Date.now() - started) / 1000;
    const rate = done / Math.max(secs, 0.001);
    const left = rate > 0 ? (files.length - done) / rate : Infinity;
    process.stderr.write(`\r已完成 ${done}/${files.length}  ${rate.toFixed(1)} 个/秒  剩余约 ${formatDuration(left)}   ${final ? '\n' : ''}`);
  };

  const record = (r: TaskResult) => {
    rows[r.id] = r.row;
    if (r.failed) failed = true;
    if (r.row.error) unreadableCount++;
    else if (!r.failed) clean++;
    if (o.json) io.out(r.json!);
    else for (const l of r.lines) io.out(l);
    done++;
    progress();
  };

  let next = 0;
  let bootFailures = 0;
  await new Promise<void>((resolveAll) => {
    let running = 0;
    const startWorker = () => {
      const worker = new Worker(script, { workerData: setup });
      let current: Task | undefined;
      let timer: NodeJS.Timeout | undefined;
      let retired = false;
      let ready = false;
      const retire = (reason: string) => {
        if (retired) return;
        retired = true;
        if (timer) clearTimeout(timer);
        running--;
        if (current) record(unreadable(current, reason, !!o.json));
        current = undefined;
        void worker.terminate();
        // A worker that cannot even start would be replaced forever: after three, the rest are rows with the reason.
        if (!ready && ++bootFailures >= 3) {
          while (next < files.length) record(unreadable({ id: next, rel: files[next++] }, `处理线程无法启动（${reason}）`, !!o.json));
        }
        if (next < files.length) startWorker();
        else if (running === 0) resolveAll();
      };
      const feed = () => {
        if (next >= files.length) {
          retired = true;
          running--;
          void worker.terminate();
          if (running === 0) resolveAll();
          return;
        }
        const id = next++;
        current = { id, file: path.resolve(dir, files[id]), rel: files[id] };
        // The budget starts when the worker has its modules loaded (the 'ready' message), not when it is spawned.
        timer = setTimeout(() => retire(`超过单个文件的时间上限（${budgetMs / 1000} 秒），已跳过`), budgetMs);
        worker.postMessage(current);
      };
      worker.on('message', (r: TaskResult | { ready: true }) => {
        if ('ready' in r) {
          ready = true;
          return feed();
        }
        if (timer) clearTimeout(timer);
        current = undefined;
        record(r);
        feed();
      });
      worker.on('error', (e) => retire(`处理时出错：${e.message.split('\n')[0]}`));
      worker.on('exit', () => retire('处理线程意外退出'));
      running++;
    };
    for (let i = 0; i < Math.min(jobs, files.length); i++) startWorker();
  });
  progress(true);

  if (o.summary) {
    await writeNewWorkbook([buildSummarySheet(rows, dir)], o.summary);
  }
  const tail = `共 ${files.length} 个工作簿：${clean} 个没有错误，${unreadableCount} 个无法读取。`;
  if (!o.json) io.out(`\n${tail}${o.summary ? `\n汇总已写入：${o.summary}` : ''}${o.reportDir ? `\n整改清单已写入文件夹：${o.reportDir}` : ''}`);
  else if (o.summary) io.err(`汇总已写入：${o.summary}`);
  return failed ? 1 : 0;
}
