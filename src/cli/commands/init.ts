/**
 * `juesuan init <workbook.xlsx> [-o out.xlsx] [--prior last-year.xlsx [--force] [--overwrite]]`: add (or
 * refresh) the 补充信息 sheet, keeping what was typed; with --prior, fill the 上年 fields from last year's
 * workbook (read with the same reader), each noting its source cell.
 */
import * as path from 'path';
import { buildSupplementSheet, readSupplement, SUPPLEMENT_SHEET } from '../../supplement/sheet';
import { importPrior, narrativeLines, PriorResult, withFilled } from '../../supplement/prior';
import { computeFacts, reasonsOwed, reasonsOwedText } from '../../narrative';
import { writeSheetSpec } from '../../adapters/exceljs/writeSheetSpec';
import { WorkbookReadError } from '../../adapters/exceljs/snapshotFromXlsx';
import { loadForWriting, outputPath, saveWorkbook } from '../workbookIo';
import { loadWorkbook } from '../main';

export interface InitOptions {
  /** Last year's workbook. */
  prior?: string;
  /** Accept a workbook of another unit or year (with a warning). */
  force?: boolean;
  /** Replace values typed before with the imported ones. */
  overwrite?: boolean;
  /** Warnings go here (stderr). */
  warn?: (s: string) => void;
  /** Percent at or above which a change or a budget difference needs a reason (default 10). */
  reasonThreshold?: number;
}

export async function initCommand(file: string, out: string | undefined, log: (s: string) => void, o: InitOptions = {}): Promise<number> {
  const warn = o.warn ?? log;
  const loaded = await loadForWriting(file);
  const existing = readSupplement(loaded.snapshot, loaded.accounts);
  let imported: PriorResult | undefined;
  if (o.prior) {
    if (path.resolve(o.prior) === path.resolve(file)) throw new WorkbookReadError('--prior 给出的是本工作簿自己，请给出上一年度的决算工作簿。');
    const last = await loadWorkbook(o.prior);
    imported = importPrior(
      { accounts: last.accounts, file: path.basename(o.prior), supplement: readSupplement(last.snapshot, last.accounts), narrative: narrativeLines(last.snapshot) },
      loaded.accounts,
      { force: o.force },
    );
    if (imported.refused) throw new WorkbookReadError(`${imported.refused}确认无误时可加 --force 仍然导入。`);
    if (o.overwrite) for (const v of imported.values) existing.values.delete(v.key);
  }
  // Decide where to write before adding our sheet (which marks the workbook as ours).
  const target = outputPath(loaded, out);
  const spec = buildSupplementSheet(loaded.accounts, existing, imported?.values ?? []);
  writeSheetSpec(loaded.wb, spec);
  await saveWorkbook(loaded.wb, target);
  const kept = existing.values.size;
  log(`已${existing.present ? '更新' : '添加'}“${SUPPLEMENT_SHEET}”工作表（${spec.rows.length - 3} 行${kept ? `，保留已填写的 ${kept} 项` : ''}），写入：${target}`);
  if (imported) {
    const filled = imported.values.filter((v) => !existing.values.has(v.key));
    const skipped = imported.values.length - filled.length;
    log(
      `已从上年决算“${path.basename(o.prior!)}”导入 ${filled.length} 项（每项在“说明”列注明来源单元格）${
        skipped ? `；${skipped} 项已有填写内容，未覆盖（需要覆盖请加 --overwrite）` : ''
      }。`,
    );
    for (const w of imported.warnings) warn(`提示：${w}`);
  }
  // The reasons the 说明 will ask for, from the sheet as it now reads.
  const owed = reasonsOwed(computeFacts(loaded.accounts, withFilled(existing, imported?.values ?? [])), { threshold: o.reasonThreshold });
  if (owed.length) warn(reasonsOwedText(owed, o.reasonThreshold));
  log('请打开该文件，在“填写”列补充上年数、人员、车辆、接待、采购和各项原因，再运行 juesuan generate。');
  return 0;
}
