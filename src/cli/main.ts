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
import { countBySeverity, runRules, TABLE_ORDER } from '../rules';
import { Finding } from '../rules/types';
import { WorkbookSnapshot } from '../snapshot/types';
import { Catalogues, cataloguesFor, rowsFromDelimited } from '../model/localCatalogue';
import { initCommand } from './commands/init';
import { ratesCommand } from './commands/rates';
import { generateCommand } from './commands/generate';
import { auditCommand } from './commands/audit';
import { NotOwnedSheetError } from '../adapters/exceljs/writeSheetSpec';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

export const USAGE = `用法：
  juesuan read <工作簿.xlsx> [--json]              读取决算公开表：找到哪些表、在哪里、单位、年度和主要合计
  juesuan check <工作簿.xlsx|文件夹> [--year N] [--catalogue 本地科目.csv] [--json]
                                                   校验：表内、表间的合计关系和科目编码、名称；
                                                   给出文件夹时逐个校验其中的 .xlsx（财政局批量审核）
  juesuan init <工作簿.xlsx> [-o 输出.xlsx] [--prior 上年工作簿.xlsx [--force] [--overwrite]]
                                                   添加“补充信息”工作表（表中没有、说明需要的数据），已填内容保留；
                                                   --prior 从上年决算工作簿导入全部上年数（注明来源单元格），
                                                   --overwrite 覆盖已填写的上年数，--force 单位或年度不符时仍导入
  juesuan rates <工作簿.xlsx> [--json]               执行率和控制率（预算执行率、“三公”经费控制率……）
  juesuan generate <工作簿.xlsx> -o <输出.xlsx> [--form sichuan|shanghai] [--text] [--docx 说明.docx]
                                                   生成“决算说明”（部门决算情况说明）和“执行率汇总”工作表；
                                                   --text 只在屏幕上输出说明全文；注意事项和还需填写的原因
                                                   输出到标准错误（--reason-threshold N：变动N%以上须说明原因，默认10）
  juesuan audit <工作簿.xlsx> --text <说明.txt|.docx> [--sheet 工作表] [--json]
                                                   核对已写好的情况说明：每个数字、占比、增减、完成率与表中是否一致

退出码：read 0 九张表齐全、1 有表缺失；check、audit 0 没有错误、1 有错误；2 文件无法读取。`;

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
  return (await loadWorkbook(file)).accounts;
}

export async function loadWorkbook(file: string): Promise<{ snapshot: WorkbookSnapshot; accounts: Accounts }> {
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
  return { snapshot, accounts: readAccounts(snapshot) };
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
      case 'check':
        return await checkCommand(args, io);
      case 'rates':
        if (args.files.length !== 1) {
          io.err('请给出一个工作簿文件：juesuan rates <工作簿.xlsx> [--json]');
          return 2;
        }
        return await ratesCommand(args.files[0], args.json, io.out);
      case 'generate':
        if (args.files.length !== 1) {
          io.err('请给出一个工作簿文件：juesuan generate <工作簿.xlsx> -o <输出.xlsx> [--form sichuan|shanghai] [--text]');
          return 2;
        }
        return await generateCommand(
          args.files[0],
          {
            out: args.options.o ?? args.options.output,
            form: args.options.form,
            text: args.options.text === 'true',
            docx: args.options.docx,
            warn: io.err,
            reasonThreshold: threshold(args.options['reason-threshold']),
          },
          io.out,
        );
      case 'audit':
        if (args.files.length !== 1) {
          io.err('请给出工作簿和说明：juesuan audit <工作簿.xlsx> --text <说明.txt|.docx> [--json]');
          return 2;
        }
        return await auditCommand(args.files[0], { text: args.options.text, sheet: args.options.sheet, json: args.json, year: args.options.year }, io.out);
      case 'init':
        if (args.files.length !== 1) {
          io.err('请给出一个工作簿文件：juesuan init <工作簿.xlsx> [-o 输出.xlsx]');
          return 2;
        }
        return await initCommand(args.files[0], args.options.o ?? args.options.output, io.out, {
          prior: args.options.prior,
          force: args.options.force === 'true',
          overwrite: args.options.overwrite === 'true',
          warn: io.err,
          reasonThreshold: threshold(args.options['reason-threshold']),
        });
      default:
        io.err(`未知命令“${args.command}”。\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof WorkbookReadError || e instanceof NotOwnedSheetError) {
      io.err(e.message);
      return 2;
    }
    io.err(`处理时出错：${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return 2;
  }
}

/** --reason-threshold: a percent (default 10); anything else is one Chinese line. */
function threshold(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.replace(/%$/, ''));
  if (!Number.isFinite(n) || n <= 0 || n > 1000) throw new WorkbookReadError(`--reason-threshold 应为百分数，例如 --reason-threshold 10（收到“${v}”）。`);
  return n;
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

async function checkCommand(args: Args, io: Io): Promise<number> {
  if (args.files.length !== 1) {
    io.err('请给出一个工作簿文件或文件夹：juesuan check <工作簿.xlsx> [--year 2024] [--json]');
    return 2;
  }
  let year: number | undefined;
  if (args.options.year) {
    year = parseInt(args.options.year, 10);
    if (!(year >= 2000 && year <= 2100)) {
      io.err(`--year 应为四位年度，例如 --year 2024（收到“${args.options.year}”）。`);
      return 2;
    }
  }
  let extra: { rows: string[][]; where: string } | undefined;
  if (args.options.catalogue) {
    try {
      extra = { rows: rowsFromDelimited(await fs.readFile(args.options.catalogue, 'utf8')), where: `文件“${path.basename(args.options.catalogue)}”` };
    } catch {
      io.err(`无法读取本地科目文件“${args.options.catalogue}”。`);
      return 2;
    }
  }
  const target = args.files[0];
  const stat = await fs.stat(target).catch(() => undefined);
  if (stat?.isDirectory()) return checkFolder(target, { year, extra, json: args.json }, io);
  const { snapshot, accounts } = await loadWorkbook(target);
  const catalogues = cataloguesFor(snapshot, extra);
  const findings = runRules(accounts, { year, functional: catalogues.functional, economic: catalogues.economic });
  if (args.json) io.out(JSON.stringify(checkJson(accounts, findings, catalogues, year), null, 2));
  else io.out(checkText(accounts, findings, catalogues, year));
  return findings.some((f) => f.severity === '错误') ? 1 : 0;
}

/** Batch mode: every .xlsx in a folder, one line each, then the totals. */
async function checkFolder(dir: string, o: { year?: number; extra?: { rows: string[][]; where: string }; json: boolean }, io: Io): Promise<number> {
  const files = (await fs.readdir(dir)).filter((f) => /\.xlsx$|\.xlsm$/i.test(f) && !f.startsWith('~$')).sort();
  if (!files.length) {
    io.err(`文件夹“${dir}”中没有 .xlsx 工作簿。`);
    return 2;
  }
  const results: unknown[] = [];
  let anyError = false;
  let unreadable = 0;
  const lines: string[] = [`决算助手 · 批量校验“${dir}”（${files.length} 个工作簿）`, ''];
  for (const f of files) {
    try {
      const { snapshot, accounts } = await loadWorkbook(path.join(dir, f));
      const catalogues = cataloguesFor(snapshot, o.extra);
      const findings = runRules(accounts, { year: o.year, functional: catalogues.functional, economic: catalogues.economic });
      const c = countBySeverity(findings);
      if (c.错误) anyError = true;
      results.push({ file: f, ...checkJson(accounts, findings, catalogues, o.year) });
      lines.push(`${c.错误 ? '✗' : '✓'} ${f}  ${accounts.facts.unitName ?? ''}${accounts.facts.year ? ` ${accounts.facts.year}年` : ''}  错误 ${c.错误}，警告 ${c.警告}，提示 ${c.提示}`);
      for (const x of findings.filter((x) => x.severity === '错误').slice(0, 5)) lines.push(`    [错误] ${x.message}`);
    } catch (e) {
      unreadable++;
      anyError = true;
      const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
      results.push({ file: f, error: msg });
      lines.push(`✗ ${f}  无法读取：${msg}`);
    }
  }
  lines.push('');
  lines.push(`共 ${files.length} 个工作簿：${results.filter((r) => !(r as { error?: string }).error && (r as { summary: { 错误: number } }).summary.错误 === 0).length} 个没有错误，${unreadable} 个无法读取。`);
  if (o.json) io.out(JSON.stringify({ folder: dir, workbooks: results }, null, 2));
  else io.out(lines.join('\n'));
  return anyError ? 1 : 0;
}

export function checkJson(a: Accounts, findings: Finding[], catalogues?: Catalogues, year?: number) {
  const r = readJson(a);
  const y = year ?? a.facts.year;
  return {
    source: a.source,
    year: r.year,
    catalogue: catalogues && y ? { functional: catalogues.functional.describe(y), economic: catalogues.economic.describe(y), problems: catalogues.problems } : null,
    unitName: r.unitName,
    tables: r.tables,
    missing: r.missing,
    summary: countBySeverity(findings),
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      table: f.table ?? null,
      message: f.message,
      cells: f.cells,
      expected: f.expected ?? null,
      actual: f.actual ?? null,
    })),
  };
}

const TABLE_TITLES: Record<string, string> = { ...TABLE_NAMES, X: '表间关系' };

export function checkText(a: Accounts, findings: Finding[], catalogues?: Catalogues, year?: number): string {
  const lines: string[] = [`决算助手 · 校验“${a.source}”${a.facts.year ? `（${a.facts.year}年度）` : ''}${a.facts.unitName ? ` ${a.facts.unitName}` : ''}`];
  const y = year ?? a.facts.year;
  if (catalogues && y) {
    lines.push(`科目目录：${catalogues.functional.describe(y)}；${catalogues.economic.describe(y)}`);
    for (const p of catalogues.problems) lines.push(`  本地科目：${p}`);
  } else if (!y) lines.push('工作簿未注明年度，科目按最近年度的目录核对；可用 --year 指定。');
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = f.table && TABLE_TITLES[f.table] ? f.table : '其他';
    groups.set(k, [...(groups.get(k) || []), f]);
  }
  const order = [...TABLE_ORDER, '其他'];
  for (const k of order) {
    const fs = groups.get(k);
    if (!fs) continue;
    const c = countBySeverity(fs);
    lines.push('');
    lines.push(`【${k === '其他' ? '其他' : TABLE_TITLES[k]}】 错误 ${c.错误}，警告 ${c.警告}，提示 ${c.提示}`);
    for (const f of fs) {
      lines.push(`  [${f.severity}] ${f.message}`);
      const detail = [f.cells.length ? `单元格：${f.cells.slice(0, 8).join('、')}${f.cells.length > 8 ? ` 等${f.cells.length}处` : ''}` : '', `规则：${f.rule}`].filter(Boolean).join('  ');
      lines.push(`         ${detail}`);
    }
  }
  const c = countBySeverity(findings);
  lines.push('');
  lines.push(
    c.错误 + c.警告 + c.提示 === 0
      ? '校验通过：没有发现问题。'
      : `共 ${findings.length} 条：错误 ${c.错误} 条，警告 ${c.警告} 条，提示 ${c.提示} 条。${c.错误 ? '' : '没有错误。'}`,
  );
  return lines.join('\n');
}
