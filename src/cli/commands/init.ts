/**
 * `juesuan init <workbook.xlsx> [-o out.xlsx]`: add the 补充信息 sheet, or bring an existing one up to date.
 * An existing 补充信息 is never rebuilt: what the user typed (values, formulas, notes, added rows, formats) stays
 * byte for byte; only fields it does not have yet are appended below it.
 */
import * as path from 'path';
import { buildSupplementAppendix, buildSupplementSheet, readSupplement, SUPPLEMENT_SHEET } from '../../supplement/sheet';
import { assertWritable, chooseOutput, loadForWriting, writeOwnedSheets } from '../workbookIo';

interface RowsOf {
  _rows?: unknown[];
}

export async function initCommand(file: string, out: string | undefined, log: (s: string) => void): Promise<number> {
  const loaded = await loadForWriting(file);
  assertWritable(loaded, SUPPLEMENT_SHEET);
  const existing = readSupplement(loaded.snapshot, loaded.accounts);
  const ws = loaded.wb.getWorksheet(SUPPLEMENT_SHEET);
  const choice = await chooseOutput(loaded, out, []);
  let summary: string;
  if (ws && existing.sheetName === SUPPLEMENT_SHEET) {
    // Rows below the last row exceljs saw (formatted empty rows included).
    existing.lastRow = Math.max(existing.lastRow ?? 0, ((ws as unknown as RowsOf)._rows?.length ?? 0) - 1);
    const appendix = buildSupplementAppendix(loaded.accounts, existing);
    await writeOwnedSheets(loaded, appendix ? [{ spec: appendix.spec, appendOnly: true, userEditable: true }] : [], choice.target);
    summary = appendix
      ? `已更新“${SUPPLEMENT_SHEET}”工作表：原有内容一字未改，在末尾新增 ${appendix.added.length} 项（${appendix.added
          .slice(0, 5)
          .map((f) => f.label)
          .join('、')}${appendix.added.length > 5 ? '等' : ''}）`
      : `“${SUPPLEMENT_SHEET}”工作表已包含全部项目，原有内容一字未改`;
  } else {
    const spec = buildSupplementSheet(loaded.accounts, existing);
    await writeOwnedSheets(loaded, [{ spec, userEditable: true }], choice.target);
    const kept = existing.typed.size;
    summary = `已添加“${SUPPLEMENT_SHEET}”工作表（${spec.rows.length - 3} 行${kept ? `，带入“${existing.sheetName}”中已填写的 ${kept} 项` : ''}）`;
  }
  log(`${summary}，写入：${choice.target}`);
  if (choice.note) log(choice.note);
  for (const p of existing.problems) log(p);
  log(`请打开“${path.basename(choice.target)}”，在“填写”列补充上年数、人员、车辆、接待、采购和各项原因，再运行 juesuan generate。`);
  return 0;
}
