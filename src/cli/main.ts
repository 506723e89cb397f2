/**
 * Command line: `juesuan read <workbook.xlsx> [--json]` (and the commands that build on it).
 * Exit codes: 0 all nine tables found, 1 some missing, 2 the file cannot be read at all.
 * Errors are one Chinese line on stderr, never a stack trace.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { snapshotFromXlsx, WorkbookReadError } from '../adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../model/readAccounts';
import { Accounts, TABLE_IDS, TABLE_NAMES, TableId } from '../model/types';
import { mainTotals } from '../model/mainTotals';
import { formatWanyuan, UNIT_LABEL } from '../money/money';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

export const USAGE = `用法：
  juesuan read <工作簿.xlsx> [--json]     读取决算公开表：找到哪些表、在哪里、单位、年度和主要合计

退出码：0 九张表齐全；1 有表缺失；2 文件无法读取。`;

interface Args {
  command?: string;
  files: string[];
  json: boolean;
  options: Record<string, string>;
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], json: false, options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=');
      if (v !== undefined) args.options[k] = v;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('-')) args.options[k] = argv[++i];
      else args.options[k] = 'true';
    } else if (a === '-o') args.options.o = argv[++i];
    else if (!args.command) args.command = a;
    else args.files.push(a);
  }
  return args;
}

export async function loadAccounts(file: string): Promise<Accounts> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(
      code === 'ENOENT' ? `找不到文件“${file}”。` : code === 'EISDIR' ? `“${file}”是文件夹，不是工作簿。` : `无法打开文件“${file}”（${code ?? '未知错误'}）。`,
    );
  }
  if (!/\.xlsx$|\.xlsm$/i.test(file)) {
    if (/\.xls$/i.test(file)) throw new WorkbookReadError(`“${path.basename(file)}”是旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后再试。`);
  }
  const snapshot = await snapshotFromXlsx(data, path.basename(file));
  return readAccounts(snapshot);
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const args = parseArgs(argv);
  if (!args.command || args.command === 'help' || args.options.help) {
    io.out(USAGE);
    return args.command ? 0 : 2;
  }
  try {
    switch (args.command) {
      case 'read':
        return await readCommand(args, io);
      default:
        io.err(`未知命令“${args.command}”。\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      io.err(e.message);
      return 2;
    }
    io.err(`处理时出错：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return 2;
  }
}

async function readCommand(args: Args, io: Io): Promise<number> {
  if (args.files.length !== 1) {
    io.err('请给出一个工作簿文件：juesuan read <工作簿.xlsx>');
    return 2;
  }
  const accounts = await loadAccounts(args.files[0]);
  if (args.json) io.out(JSON.stringify(readJson(accounts), null, 2));
  else io.out(readText(accounts));
  return accounts.missing.length ? 1 : 0;
}

export function readJson(a: Accounts) {
  return {
    source: a.source,
    year: a.facts.year ?? null,
    unitName: a.facts.unitName ?? null,
    tables: a.tables.map((t) => ({
      id: t.id,
      name: t.name,
      title: t.title,
      sheet: t.sheet,
      range: t.range,
      unit: UNIT_LABEL[t.unit],
      unitAssumed: t.unitAssumed,
      empty: t.empty,
      standard: (TABLE_IDS as string[]).includes(t.id),
    })),
    missing: a.missing.map((id) => ({ id, name: TABLE_NAMES[id] })),
    totals: Object.fromEntries(mainTotals(a).map((t) => [t.key, { label: t.label, amount: formatWanyuan(t.figure.fen), unit: '万元', cell: t.figure.cell }])),
    issues: a.issues,
  };
}

export function readText(a: Accounts): string {
  const lines: string[] = [];
  lines.push(`决算助手 · 读取“${a.source}”`);
  lines.push(`单位名称：${a.facts.unitName ?? '（工作簿未注明）'}    年度：${a.facts.year ?? '（工作簿未注明）'}`);
  const standard = a.tables.filter((t) => (TABLE_IDS as string[]).includes(t.id));
  const extra = a.tables.filter((t) => !(TABLE_IDS as string[]).includes(t.id));
  lines.push('');
  lines.push(`标准表（找到 ${standard.length}/9）：`);
  for (const id of TABLE_IDS) {
    const t = standard.find((x) => x.id === id);
    if (!t) lines.push(`  ${id.slice(1)}. ${TABLE_NAMES[id as TableId]}  —— 未找到`);
    else
      lines.push(
        `  ${id.slice(1)}. ${t.name}  ${t.sheet}!${t.range}  单位：${UNIT_LABEL[t.unit]}${t.unitAssumed ? '（未注明，按万元）' : ''}${t.empty ? '  （本表无数据）' : ''}`,
      );
  }
  if (extra.length) {
    lines.push('');
    lines.push('其他表（不属于九张标准表，未参与计算）：');
    for (const t of extra) lines.push(`  ${t.name}  ${t.sheet}!${t.range}`);
  }
  const totals = mainTotals(a);
  if (totals.length) {
    lines.push('');
    lines.push('主要合计（万元）：');
    for (const t of totals) lines.push(`  ${t.label}：${formatWanyuan(t.figure.fen)}（${t.figure.cell}）`);
  }
  const shown = a.issues.filter((i) => i.code !== 'R-缺表');
  if (shown.length) {
    lines.push('');
    lines.push('读取提示：');
    for (const i of shown.slice(0, 30)) lines.push(`  [${i.severity}] ${i.message}`);
    if (shown.length > 30) lines.push(`  ……另有 ${shown.length - 30} 条`);
  }
  lines.push('');
  lines.push(a.missing.length ? `缺少 ${a.missing.length} 张标准表：${a.missing.map((id) => TABLE_NAMES[id]).join('、')}。` : '九张标准表齐全。');
  return lines.join('\n');
}
