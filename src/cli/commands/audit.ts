/**
 * `juesuan audit <workbook.xlsx> --text <narrative.txt|.docx> [--sheet 说明] [--json]`: check a narrative someone
 * already wrote against the tables. Exit codes as `check`: 0 no 错误, 1 错误 found, 2 unreadable input.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { auditNarrative, NarrativeReadError, paragraphsFromSheet, readNarrativeFile, summarise, totalsLine } from '../../audit';
import type { NarrativeInput } from '../../audit';
import { readSupplement } from '../../supplement/sheet';
import { WorkbookReadError } from '../../adapters/exceljs/snapshotFromXlsx';
import { loadWorkbook } from '../main';
import { readErrorMessage } from '../fileErrors';
import { checkPackageLimits, LimitError, LIMITS } from '../../adapters/exceljs/limits';

export async function auditCommand(file: string, o: { text?: string; sheet?: string; json: boolean; year?: string }, out: (s: string) => void): Promise<number> {
  const { snapshot, accounts } = await loadWorkbook(file);
  let input: NarrativeInput;
  let source: string;
  if (o.text) {
    let bytes: Buffer;
    try {
      const size = (await fs.stat(o.text)).size;
      if (size > LIMITS.auditFileBytes) throw new WorkbookReadError(`说明文件“${path.basename(o.text)}”有 ${Math.round(size / 1024 / 1024)} MB，超过可核对的上限 ${Math.round(LIMITS.auditFileBytes / 1024 / 1024)} MB。请只保留情况说明正文后再试。`);
      bytes = await fs.readFile(o.text);
    } catch (e) {
      if (e instanceof WorkbookReadError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      throw new WorkbookReadError(
        code === 'ENOENT' ? `找不到说明文件“${o.text}”。` : code === 'EISDIR' ? `“${o.text}”是文件夹，不是说明文件（.txt 或 .docx）。` : readErrorMessage(o.text, e),
      );
    }
    if (/\.docx$/i.test(o.text) && bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
      // A .docx is a zip like an .xlsx: the same limits (a crafted one inflating to gigabytes is refused).
      await checkPackageLimits(bytes, path.basename(o.text)).catch((e: unknown) => {
        if (e instanceof LimitError) throw new WorkbookReadError(e.message);
      });
    }
    try {
      input = await readNarrativeFile(bytes, path.basename(o.text));
    } catch (e) {
      if (e instanceof NarrativeReadError) throw new WorkbookReadError(e.message);
      throw e;
    }
    source = path.basename(o.text);
  } else {
    input = paragraphsFromSheet(snapshot, o.sheet);
    source = `工作表“${o.sheet ?? '说明'}”`;
    if (!input.paragraphs.length) throw new WorkbookReadError(`工作簿中没有找到说明文字：请用 --text 给出 .txt/.docx 文件，或用 --sheet 指定放说明的工作表。`);
  }
  // Bounded work: the audit compares every number of the text with the tables.
  const chars = input.paragraphs.reduce((n, p) => n + p.text.length, 0);
  if (chars > LIMITS.auditChars) {
    throw new WorkbookReadError(`说明“${source}”共有 ${chars} 个字符，超过可核对的上限 ${LIMITS.auditChars} 个字符（一篇情况说明通常不到 3 万字）。请只保留情况说明正文后再试。`);
  }
  const year = o.year ? parseInt(o.year, 10) : undefined;
  const result = auditNarrative(input, accounts, readSupplement(snapshot, accounts), { year });
  if (o.json) {
    const { totals, ...rest } = result;
    out(JSON.stringify({ totals, workbook: accounts.source, narrative: source, ...rest }, null, 2));
  } else {
    const lines = [`决算助手 · 核对说明 ${source} ↔ “${accounts.source}”${result.year ? `（${result.year}年度）` : ''}`, totalsLine(result)];
    for (const n of result.notes) lines.push(`注意：${n}`);
    // In the order of the text, so a reviewer can work through the document from the top.
    for (const f of result.findings) {
      lines.push('', `[${f.severity}] ${f.where}：“${f.quote}”`);
      if (f.sentence && f.sentence !== f.quote) lines.push(`    原句：${f.sentence}`);
      lines.push(`    ${f.message}`);
      if (f.suggestion) lines.push(`    建议写作：“${f.suggestion}”`);
      if (f.cells.length) lines.push(`    对照单元格：${f.cells.slice(0, 8).join('、')}${f.cells.length > 8 ? ` 等${f.cells.length}处` : ''}  规则：${f.rule}`);
      else lines.push(`    规则：${f.rule}`);
    }
    if (result.unplaced.length) {
      lines.push('', `未核对（${result.unplaced.length} 个数字，需补充信息或无法确定所指）：`);
      for (const c of result.unplaced.slice(0, 40)) lines.push(`  ${c.where}：${c.written}${c.reason ? ` —— ${c.reason}` : ''}`);
      if (result.unplaced.length > 40) lines.push(`  ……另有 ${result.unplaced.length - 40} 个`);
    }
    lines.push('', summarise(result));
    out(lines.join('\n'));
  }
  return result.findings.some((f) => f.severity === '错误') ? 1 : 0;
}
