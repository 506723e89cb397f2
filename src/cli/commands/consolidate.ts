/**
 * `juesuan consolidate <部门.xlsx> <单位.xlsx|文件夹>… [--json]`: the department's tables must equal the sum of its
 * units' (部门决算 = 本级 + 所属单位); see review/consolidate.ts. A folder stands for the workbooks in it.
 * Exit codes: 0 consistent (尾差 提示 allowed), 1 on 错误, 2 a file cannot be read.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { WorkbookReadError } from '../../adapters/exceljs/snapshotFromXlsx';
import { consolidate, NamedAccounts } from '../../review/consolidate';
import { countBySeverity, TABLE_ORDER } from '../../rules';
import { TABLE_NAMES, TableId } from '../../model/types';
import { listWorkbooks } from '../batch/checkFolder';
import { loadAccounts } from '../main';
import type { Io } from '../program';

/** The unit workbooks: files as given, folders expanded (the department's own file left out). */
async function unitFiles(args: string[], dept: string): Promise<string[]> {
  const out: string[] = [];
  for (const a of args) {
    const stat = await fs.stat(a).catch(() => undefined);
    if (stat?.isDirectory()) {
      const files = (await listWorkbooks(a, false)).map((f) => path.join(a, f)).filter((f) => path.resolve(f) !== path.resolve(dept));
      if (!files.length) throw new WorkbookReadError(`文件夹“${a}”中没有 .xlsx 工作簿。`);
      out.push(...files);
    } else out.push(a);
  }
  return [...new Set(out.map((f) => path.resolve(f)))].map((abs) => out.find((f) => path.resolve(f) === abs)!);
}

/** Short names that tell the workbooks apart in cell references (file names; the path when two share one). */
function names(files: string[]): string[] {
  const base = files.map((f) => path.basename(f));
  return files.map((f, i) => (base.filter((b) => b === base[i]).length > 1 ? f : base[i]));
}

export async function consolidateCommand(deptFile: string, unitArgs: string[], o: { json?: boolean }, io: Io): Promise<number> {
  const files = await unitFiles(unitArgs, deptFile);
  if (files.some((f) => path.resolve(f) === path.resolve(deptFile))) throw new WorkbookReadError(`部门工作簿“${deptFile}”不能同时作为单位工作簿。`);
  const shown = names([deptFile, ...files]);
  const dept: NamedAccounts = { name: shown[0], accounts: await loadAccounts(deptFile) };
  const units: NamedAccounts[] = [];
  for (let i = 0; i < files.length; i++) units.push({ name: shown[i + 1], accounts: await loadAccounts(files[i]) });
  const r = consolidate(dept, units);
  const counts = countBySeverity(r.findings);
  if (o.json) {
    io.out(
      JSON.stringify(
        {
          department: { file: dept.name, unitName: dept.accounts.facts.unitName ?? null, year: dept.accounts.facts.year ?? null },
          units: units.map((u) => ({ file: u.name, unitName: u.accounts.facts.unitName ?? null, year: u.accounts.facts.year ?? null })),
          compared: r.compared,
          tables: r.tables.map((t) => ({ id: t.id, name: TABLE_NAMES[t.id], checked: t.checked, reason: t.reason ?? null })),
          summary: counts,
          findings: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, table: f.table ?? null, message: f.message, cells: f.cells, expected: f.expected ?? null, actual: f.actual ?? null })),
        },
        null,
        2,
      ),
    );
  } else {
    const lines = [`决算助手 · 部门汇总核对：“${dept.name}”${dept.accounts.facts.unitName ? ` ${dept.accounts.facts.unitName}` : ''} = Σ ${units.length} 个单位`];
    for (const u of units) lines.push(`  单位：${u.name}${u.accounts.facts.unitName ? `  ${u.accounts.facts.unitName}` : ''}${u.accounts.facts.year ? ` ${u.accounts.facts.year}年` : ''}`);
    const skipped = r.tables.filter((t) => !t.checked);
    lines.push(`核对的表：${r.tables.filter((t) => t.checked).map((t) => t.id.slice(1)).join('、') || '无'}${skipped.length ? `；未核对：${skipped.map((t) => t.id.slice(1)).join('、')}` : ''}`);
    const rank = { 错误: 0, 警告: 1, 提示: 2 } as const;
    for (const k of [...TABLE_ORDER, '']) {
      const fs = r.findings.filter((f) => (f.table ?? '') === k).sort((a, b) => rank[a.severity] - rank[b.severity]);
      if (!fs.length) continue;
      const c = countBySeverity(fs);
      lines.push('', `【${k ? TABLE_NAMES[k as TableId] : '其他'}】 错误 ${c.错误}，警告 ${c.警告}，提示 ${c.提示}`);
      for (const f of fs) {
        lines.push(`  [${f.severity}] ${f.message}`);
        if (f.cells.length) lines.push(`         单元格：${f.cells.slice(0, 8).join('、')}${f.cells.length > 8 ? ` 等${f.cells.length}处` : ''}  规则：${f.rule}`);
      }
    }
    lines.push('');
    lines.push(
      counts.错误
        ? `共 ${r.findings.length} 条：错误 ${counts.错误} 条，警告 ${counts.警告} 条，提示 ${counts.提示} 条（核对了 ${r.compared} 个数）。`
        : `部门与 ${units.length} 个单位一致：核对了 ${r.compared} 个数${counts.提示 ? `，尾差等提示 ${counts.提示} 条` : ''}${counts.警告 ? `，警告 ${counts.警告} 条` : ''}。`,
    );
    io.out(lines.join('\n'));
  }
  return counts.错误 ? 1 : 0;
}
