/** `juesuan init <workbook.xlsx> [-o out.xlsx]`: add (or refresh) the 补充信息 sheet, keeping what was typed. */
import { buildSupplementSheet, readSupplement, SUPPLEMENT_SHEET } from '../../supplement/sheet';
import { writeSheetSpec } from '../../adapters/exceljs/writeSheetSpec';
import { loadForWriting, outputPath, saveWorkbook } from '../workbookIo';

export async function initCommand(file: string, out: string | undefined, log: (s: string) => void): Promise<number> {
  const loaded = await loadForWriting(file);
  const existing = readSupplement(loaded.snapshot, loaded.accounts);
  // Decide where to write before adding our sheet (which marks the workbook as ours).
  const target = outputPath(loaded, out);
  const spec = buildSupplementSheet(loaded.accounts, existing);
  writeSheetSpec(loaded.wb, spec);
  await saveWorkbook(loaded.wb, target);
  const kept = existing.values.size;
  log(`已${existing.present ? '更新' : '添加'}“${SUPPLEMENT_SHEET}”工作表（${spec.rows.length - 3} 行${kept ? `，保留已填写的 ${kept} 项` : ''}），写入：${target}`);
  log('请打开该文件，在“填写”列补充上年数、人员、车辆、接待、采购和各项原因，再运行 juesuan generate。');
  return 0;
}
