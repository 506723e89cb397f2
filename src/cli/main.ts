/**
 * Command line: `juesuan read|check|init|rates|generate|audit …`, declared on commander (src/cli/program.ts).
 * Exit codes: read 0 all nine tables found, 1 some missing; check/audit 0 no 错误, 1 错误 found;
 * 2 the file cannot be read or the command line is refused.
 * Errors are one Chinese line on stderr, never a stack trace.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { snapshotFromXlsx, WorkbookReadError } from '../adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../model/readAccounts';
import { Accounts, TABLE_IDS, TABLE_NAMES, TableId } from '../model/types';
import { mainTotals } from '../model/mainTotals';
import { formatWanyuan, formatYuan, groupThousands, UNIT_LABEL } from '../money/money';
import { CheckResult, countBySeverity, TABLE_ORDER } from '../rules';
import { Finding } from '../rules/types';
import { WorkbookSnapshot } from '../snapshot/types';
import { Catalogues } from '../model/localCatalogue';
import { isOpen, OPEN, ReviewedFinding, reviewCounts } from '../review/status';
import { checkCommand, CheckOptions } from './commands/check';
import { consolidateCommand } from './commands/consolidate';
import { initCommand } from './commands/init';
import { ratesCommand } from './commands/rates';
import { generateCommand } from './commands/generate';
import { auditCommand } from './commands/audit';
import { NotOwnedSheetError } from '../adapters/exceljs/writeSheetSpec';
import { Command } from 'commander';
import { readErrorMessage } from './fileErrors';
import { addCommand, CliRefusal, CommanderError, createProgram, Io, overview, usageLine } from './program';

export type { Io };

const defaultIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

const EXIT_CODES = '退出码：read 0 九张表齐全、1 有表缺失；check、audit、consolidate 0 没有错误、1 有错误；2 文件无法读取或命令行有误。';

/**
 * Every command, its arguments and options. `run` receives the action's result (the exit code).
 * To add an option: one `.option()` line here, then read it from `opts` in the action.
 */
function declareCommands(program: Command, io: Io, run: (code: Promise<number>) => void): void {
  addCommand(program, 'read', '读取决算公开表：找到哪些表、在哪里、单位、年度和主要合计')
    .argument('<工作簿.xlsx>', '要读取的工作簿')
    .option('--json', '以 JSON 输出')
    .action((file: string, o: { json?: boolean }) => run(readCommand(file, !!o.json, io)));

  addCommand(program, 'check', '校验：表内、表间的合计关系和科目编码、名称；工作簿中标为误报、已整改的问题单列，不计入；\n给出文件夹时用多个线程校验其中的 .xlsx（财政局批量审核）')
    .argument('<工作簿.xlsx|文件夹>', '要校验的工作簿，或放工作簿的文件夹')
    .option('--year <N>', '按这一年度的科目目录核对（默认用工作簿注明的年度）')
    .option('--catalogue <本地科目.csv>', '本地补充的科目（两列：科目编码,科目名称）')
    .option('--report <整改清单.xlsx>', '把待整改的问题写成一张可打印的整改清单（单个工作簿）')
    .option('--recursive', '文件夹：连同子文件夹中的工作簿')
    .option('--jobs <N>', '文件夹：同时校验的线程数（默认为处理器核数）')
    .option('--timeout <秒>', '文件夹：单个工作簿的时间上限（默认 120 秒），超时的记为一行原因')
    .option('--summary <汇总.xlsx>', '文件夹：写出汇总工作簿，每个文件一行')
    .option('--report-dir <文件夹>', '文件夹：为每个工作簿写一份整改清单到这个文件夹')
    .option('--json', '以 JSON 输出（文件夹：每个工作簿一行 JSON）')
    .action((target: string, o: CheckOptions) => run(checkCommand(target, o, io)));

  addCommand(program, 'init', '添加“补充信息”工作表（表中没有、说明需要的数据），已填内容保留；\n--prior 从上年决算工作簿导入全部上年数（“说明”列注明来源单元格）')
    .argument('<工作簿.xlsx>', '决算公开表所在的工作簿（不会被改动）')
    .option('-o, --output <输出.xlsx>', '写到这个文件（默认：原文件名加“_决算助手”）')
    .option('--prior <上年工作簿.xlsx>', '从上一年度的决算工作簿导入上年数（同一单位、上一年度）')
    .option('--force', '上年工作簿的单位或年度不符时仍然导入（给出提示）')
    .option('--overwrite', '用导入的上年数覆盖已填写的内容（仅在新建“补充信息”时）')
    .option('--reason-threshold <N>', '比上年或比预算变动N%以上须说明原因（默认10）')
    .action((file: string, o: { output?: string; prior?: string; force?: boolean; overwrite?: boolean; reasonThreshold?: string }) =>
      run(
        initCommand(file, o.output, io.out, {
          prior: o.prior,
          force: !!o.force,
          overwrite: !!o.overwrite,
          warn: io.err,
          reasonThreshold: threshold(o.reasonThreshold),
        }),
      ),
    );

  addCommand(program, 'rates', '执行率和控制率（预算执行率、“三公”经费控制率……）')
    .argument('<工作簿.xlsx>', '决算公开表所在的工作簿')
    .option('--json', '以 JSON 输出')
    .action((file: string, o: { json?: boolean }) => run(ratesCommand(file, !!o.json, io.out)));

  addCommand(program, 'generate', '生成“决算说明”（部门决算情况说明）和“执行率汇总”工作表；\n--text 只在屏幕上输出说明全文')
    .argument('<工作簿.xlsx>', '决算公开表所在的工作簿（不会被改动）')
    .option('-o, --output <输出.xlsx>', '写到这个文件（默认：原文件名加“_决算助手”）')
    .option('--form <sichuan|shanghai>', '说明的格式：sichuan（四川，默认）或 shanghai（上海）')
    .option('--text', '只把说明全文打印到屏幕，不写文件')
    .option('--docx <说明.docx>', '另存一份 Word 文档')
    .option('--reason-threshold <N>', '比上年或比预算变动N%以上须说明原因（默认10）；注意事项和还需填写的原因输出到标准错误')
    .action((file: string, o: { output?: string; form?: string; text?: boolean; docx?: string; reasonThreshold?: string }) =>
      run(
        generateCommand(
          file,
          { out: o.output, form: o.form, text: !!o.text, docx: o.docx, warn: io.err, reasonThreshold: threshold(o.reasonThreshold) },
          io.out,
        ),
      ),
    );

  addCommand(program, 'audit', '核对已写好的情况说明：每个数字、占比、增减、完成率与表中是否一致')
    .argument('<工作簿.xlsx>', '决算公开表所在的工作簿')
    .option('--text <说明.txt|.docx>', '要核对的说明文件')
    .option('--sheet <工作表>', '说明写在工作簿的这个工作表里（默认“说明”）')
    .option('--year <N>', '说明所属年度（默认用工作簿注明的年度）')
    .option('--json', '以 JSON 输出')
    .action((file: string, o: { text?: string; sheet?: string; year?: string; json?: boolean }) =>
      run(auditCommand(file, { text: o.text, sheet: o.sheet, json: !!o.json, year: o.year }, io.out)),
    );

  declareReviewCommands(program, io, run);
}

function declareReviewCommands(program: Command, io: Io, run: (code: Promise<number>) => void): void {
  addCommand(program, 'consolidate', '部门汇总核对：部门决算的每张表应等于所属各单位（含本级）之和；\n单位可给出多个工作簿，或放单位工作簿的文件夹')
    .argument('<部门.xlsx>', '部门（汇总）的工作簿')
    .argument('<单位.xlsx|文件夹...>', '各单位的工作簿，或放它们的文件夹')
    .option('--json', '以 JSON 输出')
    .action((dept: string, units: string[], o: { json?: boolean }) => run(consolidateCommand(dept, units, o, io)));
}

/** --reason-threshold: a percent (default 10); anything else is one Chinese line. */
function threshold(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.replace(/%$/, ''));
  if (!Number.isFinite(n) || n <= 0 || n > 1000) throw new WorkbookReadError(`--reason-threshold 应为百分数，例如 --reason-threshold 10（收到“${v}”）。`);
  return n;
}

/** The overview of every command (what `juesuan` and `juesuan --help` print). */
export function usage(): string {
  const program = createProgram({ out: () => undefined, err: () => undefined });
  declareCommands(program, { out: () => undefined, err: () => undefined }, () => undefined);
  return overview(program, EXIT_CODES);
}

/**
 * Run one command line. Never calls process.exit: returns the exit code (0/1 as the command says, 2 for a
 * refused command line or an unreadable file), so it can run in-process.
 */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const program = createProgram(io);
  let result: Promise<number> | undefined;
  declareCommands(program, io, (code) => (result = code));
  if (!argv.length || (argv.length === 1 && ['help', '-h', '--help'].includes(argv[0]))) {
    io.out(overview(program, EXIT_CODES));
    return argv.length ? 0 : 2;
  }
  // `juesuan help check` = `juesuan check --help`
  if (argv[0] === 'help' && argv.length === 2) argv = [argv[1], '--help'];
  try {
    await program.parseAsync(argv, { from: 'user' });
    if (!result) throw new CliRefusal('请给出一个命令。');
    return await result;
  } catch (e) {
    if (e instanceof CliRefusal) {
      io.err(e.message);
      io.err(e.command ? `用法：${usageLine(e.command)}    （详见 juesuan ${e.command.name()} --help）` : overview(program, EXIT_CODES));
      return 2;
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // --help shown
    if (e instanceof WorkbookReadError || e instanceof NotOwnedSheetError) {
      io.err(e.message);
      return 2;
    }
    io.err(unexpectedMessage(e));
    return 2;
  }
}

/** An unexpected failure in one Chinese line: a library's English message is not something a user can act on. */
export function unexpectedMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
  if (/[\u4e00-\u9fff]/.test(msg)) return `处理时出错：${msg}`;
  return '处理时出错：工作簿中有决算助手无法处理的内容。请运行 juesuan check 查看读取提示；如仍无法解决，请将工作簿反馈给开发者。';
}

export async function loadAccounts(file: string): Promise<Accounts> {
  return (await loadWorkbook(file)).accounts;
}

export async function loadWorkbook(file: string): Promise<{ snapshot: WorkbookSnapshot; accounts: Accounts }> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    throw new WorkbookReadError(readErrorMessage(file, e));
  }
  if (!/\.xlsx$|\.xlsm$/i.test(file)) {
    if (/\.xls$/i.test(file)) throw new WorkbookReadError(`“${path.basename(file)}”是旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后再试。`);
  }
  const snapshot = await snapshotFromXlsx(data, path.basename(file));
  return { snapshot, accounts: readAccounts(snapshot) };
}

async function readCommand(file: string, json: boolean, io: Io): Promise<number> {
  const accounts = await loadAccounts(file);
  if (json) io.out(JSON.stringify(readJson(accounts), null, 2));
  else io.out(readText(accounts));
  return accounts.missing.length ? 1 : 0;
}

export function readJson(a: Accounts) {
  const unitOf = new Map(a.tables.map((t) => [String(t.id), t.unit]));
  return {
    source: a.source,
    year: a.facts.year ?? null,
    yearFrom: a.facts.yearFrom ?? null,
    yearSource: a.facts.yearSource ?? null,
    unitName: a.facts.unitName ?? null,
    unitNameSource: a.facts.unitNameSource ?? null,
    tables: a.tables.map((t) => ({
      id: t.id,
      name: t.name,
      title: t.title,
      sheet: t.sheet,
      range: t.range,
      unit: UNIT_LABEL[t.unit],
      unitAssumed: t.unitAssumed,
      empty: t.empty,
      precision: t.precision ?? null,
      standard: (TABLE_IDS as string[]).includes(t.id),
    })),
    missing: a.missing.map((id) => ({ id, name: TABLE_NAMES[id] })),
    // Each amount in its table's own unit (a 元 table keeps its 分), with the 万元 equivalent.
    totals: Object.fromEntries(
      mainTotals(a).map((t) => {
        const unit = unitOf.get(t.table) ?? 'wanyuan';
        return [
          t.key,
          {
            table: t.table,
            label: t.label,
            amount: unit === 'yuan' ? formatYuan(t.figure.fen) : formatWanyuan(t.figure.fen),
            unit: UNIT_LABEL[unit],
            wanyuan: formatWanyuan(t.figure.fen),
            cell: t.figure.cell,
            blank: t.figure.blank,
          },
        ];
      }),
    ),
    issues: a.issues,
  };
}

/** How the year was found, when the workbook does not state it in a cell. */
function yearNote(a: Accounts): string {
  if (a.facts.yearFrom === 'fileName' || a.facts.yearFrom === 'codes') return `（${a.facts.yearSource}）`;
  return a.facts.yearSource ? `（${a.facts.yearSource}）` : '';
}

export function readText(a: Accounts): string {
  const lines: string[] = [];
  lines.push(`决算助手 · 读取“${a.source}”`);
  lines.push(`单位名称：${a.facts.unitName ?? '（工作簿未注明）'}    年度：${a.facts.year ?? '（工作簿未注明）'}${yearNote(a)}`);
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
    lines.push('总表和各表合计（金额按各表单位）：');
    for (const id of TABLE_IDS) {
      const ts = totals.filter((t) => t.table === id);
      const loc = standard.find((x) => x.id === id);
      if (!ts.length || !loc) continue;
      lines.push(`  【${TABLE_NAMES[id]}】（${UNIT_LABEL[loc.unit]}${loc.empty ? '，空表' : ''}）`);
      for (const t of ts) lines.push(`    ${t.label}：${groupThousands(loc.unit === 'yuan' ? formatYuan(t.figure.fen) : formatWanyuan(t.figure.fen))}（${t.figure.cell}）`);
    }
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

export function checkJson(a: Accounts, findings: Finding[], catalogues?: Catalogues, year?: number, reviewed?: ReviewedFinding[], ledger?: Ledger) {
  const r = readJson(a);
  const y = year ?? a.facts.year;
  const items = reviewed ?? findings.map((finding) => ({ finding, fingerprint: '', status: OPEN, note: '' }) as ReviewedFinding);
  const counts = reviewCounts(items);
  return {
    source: a.source,
    year: r.year,
    yearFrom: r.yearFrom,
    yearSource: r.yearSource,
    catalogue: catalogues && y ? { functional: catalogues.functional.describe(y), economic: catalogues.economic.describe(y), problems: catalogues.problems } : null,
    unitName: r.unitName,
    tables: r.tables,
    missing: r.missing,
    /** Findings still to deal with (误报 and 已整改 not counted). */
    summary: counts.open,
    review: { 已确认: counts.confirmed, 误报: counts.falsePositive, 已整改: counts.fixed, 重新打开: counts.reopened, 全部: countBySeverity(findings) },
    findings: items.map(({ finding: f, ...s }) => ({
      rule: f.rule,
      severity: f.severity,
      table: f.table ?? null,
      message: f.message,
      cells: f.cells,
      expected: f.expected ?? null,
      actual: f.actual ?? null,
      ...(reviewed ? { status: s.status, note: s.note || null, fingerprint: s.fingerprint, reopened: s.reopened ?? null } : {}),
    })),
    // The ledger: how many relations were evaluated, and every one that could not be, with why.
    checked: ledger?.checked ?? null,
    unchecked: (ledger?.unchecked ?? []).map((u) => ({ rule: u.rule, reason: u.reason, cells: u.cells })),
  };
}

/** How many relations the rules evaluated, and the ones they could not (with why). */
export type Ledger = Pick<CheckResult, 'checked' | 'unchecked'>;

const TABLE_TITLES: Record<string, string> = { ...TABLE_NAMES, X: '表间关系' };

export function checkText(a: Accounts, findings: Finding[], catalogues?: Catalogues, year?: number, reviewed?: ReviewedFinding[], ledger?: Ledger): string {
  const lines: string[] = [`决算助手 · 校验“${a.source}”${a.facts.year ? `（${a.facts.year}年度）` : ''}${a.facts.unitName ? ` ${a.facts.unitName}` : ''}`];
  if (a.facts.year && a.facts.yearFrom && a.facts.yearFrom !== 'workbook' && year === undefined) lines.push(`年度：${a.facts.yearSource}。`);
  const y = year ?? a.facts.year;
  if (catalogues && y) {
    lines.push(`科目目录：${catalogues.functional.describe(y)}；${catalogues.economic.describe(y)}`);
    for (const p of catalogues.problems) lines.push(`  本地科目：${p}`);
  } else if (!y) lines.push('工作簿未注明年度，科目按最近年度的目录核对；可用 --year 指定。');
  const items = reviewed ?? findings.map((finding) => ({ finding, fingerprint: '', status: OPEN, note: '' }) as ReviewedFinding);
  const detail = (f: Finding) =>
    [f.cells.length ? `单元格：${f.cells.slice(0, 8).join('、')}${f.cells.length > 8 ? ` 等${f.cells.length}处` : ''}` : '', `规则：${f.rule}`].filter(Boolean).join('  ');
  const line = (i: ReviewedFinding) => {
    const tag = i.status === OPEN ? i.finding.severity : `${i.finding.severity}·${i.status}`;
    const reopened = i.reopened ? `（曾标为${i.reopened.status}，单元格已改动，重新打开）` : '';
    lines.push(`  [${tag}] ${i.finding.message}${reopened}${i.note ? `  备注：${i.note}` : ''}`);
    lines.push(`         ${detail(i.finding)}`);
  };
  const groups = new Map<string, ReviewedFinding[]>();
  for (const i of items.filter(isOpen)) {
    const k = i.finding.table && TABLE_TITLES[i.finding.table] ? i.finding.table : '其他';
    groups.set(k, [...(groups.get(k) || []), i]);
  }
  for (const k of [...TABLE_ORDER, '其他']) {
    const g = groups.get(k);
    if (!g) continue;
    const c = countBySeverity(g.map((i) => i.finding));
    lines.push('');
    lines.push(`【${k === '其他' ? '其他' : TABLE_TITLES[k]}】 错误 ${c.错误}，警告 ${c.警告}，提示 ${c.提示}`);
    for (const i of g) line(i);
  }
  for (const status of ['误报', '已整改'] as const) {
    const g = items.filter((i) => i.status === status);
    if (!g.length) continue;
    lines.push('');
    lines.push(`【已标为${status}（不计入）】 ${g.length} 条`);
    for (const i of g) line(i);
  }
  if (ledger?.unchecked.length) {
    lines.push('');
    lines.push(`【未校验】 ${ledger.unchecked.length} 个关系未能核对：`);
    for (const u of ledger.unchecked.slice(0, 40)) lines.push(`  ${u.reason}${u.cells.length ? `  单元格：${u.cells.slice(0, 4).join('、')}${u.cells.length > 4 ? ` 等${u.cells.length}处` : ''}` : ''}  规则：${u.rule}`);
    if (ledger.unchecked.length > 40) lines.push(`  ……另有 ${ledger.unchecked.length - 40} 个（--json 中列出全部）`);
  }
  const counts = reviewCounts(items);
  const c = counts.open;
  const open = c.错误 + c.警告 + c.提示;
  const apart = [counts.falsePositive ? `误报 ${counts.falsePositive} 条` : '', counts.fixed ? `已整改 ${counts.fixed} 条` : ''].filter(Boolean).join('、');
  lines.push('');
  if (ledger) lines.push(`核对了 ${ledger.checked} 个关系，${ledger.unchecked.length} 个未能核对${ledger.unchecked.length ? '（见“未校验”）' : ''}。`);
  lines.push(
    open === 0 && !apart
      ? '校验通过：没有发现问题。'
      : `共 ${open} 条：错误 ${c.错误} 条，警告 ${c.警告} 条，提示 ${c.提示} 条。${c.错误 ? '' : '没有错误。'}${apart ? `另有已标为${apart}，不计入。` : ''}`,
  );
  return lines.join('\n');
}
