/**
 * `juesuan init <workbook.xlsx> [-o out.xlsx] [--prior last-year.xlsx [--force] [--overwrite]]`: add the 补充信息
 * sheet, or bring an existing one up to date. An existing 补充信息 is never rebuilt: what the user typed (values,
 * formulas, notes, added rows, formats) stays byte for byte; only fields it does not have yet are appended below
 * it. With --prior, the 上年 fields are filled from last year's workbook (read with the same reader), each
 * noting its source cell; values already typed are kept.
 */
import * as path from 'path';
import { buildSupplementAppendix, buildSupplementSheet, readSupplement, SUPPLEMENT_SHEET } from '../../supplement/sheet';
import { importPrior, narrativeLines, PriorResult, withFilled } from '../../supplement/prior';
import { computeFacts, reasonsOwed, reasonsOwedText } from '../../narrative';
import { WorkbookReadError } from '../../adapters/exceljs/snapshotFromXlsx';
import { assertWritable, chooseOutput, loadForWriting, writeOwnedSheets } from '../workbookIo';
import { loadWorkbook } from '../main';

interface RowsOf {
  _rows?: unknown[];
}

export interface InitOptions {
  /** Last year's workbook. */
  prior?: string;
  /** Accept a workbook of another unit or year (with a warning). */
  force?: boolean;
  /** Replace values typed before with the imported ones (only when the sheet is built anew). */
  overwrite?: boolean;
  /** Warnings go here (stderr). */
  warn?: (s: string) => void;
  /** Percent at or above which a change or a budget difference needs a reason (default 10). */
  reasonThreshold?: number;
}

export async function initCommand(file: string, out: string | undefined, log: (s: string) => void, o: InitOptions = {}): Promise<number> {
  const warn = o.warn ?? log;
  const loaded = await loadForWriting(file);
  assertWritable(loaded, SUPPLEMENT_SHEET);
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
  }
  const filled = imported?.values ?? [];
  const ws = loaded.wb.getWorksheet(SUPPLEMENT_SHEET);
  const choice = await chooseOutput(loaded, out, []);
  let summary: string;
  let written = 0;
  let keptTyped = 0;
  if (ws && existing.sheetName === SUPPLEMENT_SHEET) {
    // Rows below the last row exceljs saw (formatted empty rows included).
    existing.lastRow = Math.max(existing.lastRow ?? 0, ((ws as unknown as RowsOf)._rows?.length ?? 0) - 1);
    const appendix = buildSupplementAppendix(loaded.accounts, existing, filled);
    await writeOwnedSheets(loaded, appendix ? [{ spec: appendix.spec, appendOnly: true, userEditable: true }] : [], choice);
    written = appendix?.imported ?? 0;
    keptTyped = filled.filter((v) => existing.typed.has(v.key)).length;
    const added = appendix?.added ?? [];
    summary = appendix
      ? `已更新“${SUPPLEMENT_SHEET}”工作表：原有内容一字未改，在末尾${
          added.length ? `新增 ${added.length} 项（${added.slice(0, 5).map((f) => f.label).join('、')}${added.length > 5 ? '等' : ''}）` : '追加导入的上年数'
        }`
      : `“${SUPPLEMENT_SHEET}”工作表已包含全部项目，原有内容一字未改`;
    if (o.overwrite && keptTyped) warn(`提示：已有的“${SUPPLEMENT_SHEET}”工作表不会被改动，已填写的 ${keptTyped} 项上年数保留原样；如需改用导入的数，请先清空这些单元格再运行。`);
  } else {
    if (o.overwrite) {
      for (const v of filled) {
        existing.typed.delete(v.key);
        existing.values.delete(v.key);
      }
    }
    keptTyped = filled.filter((v) => existing.typed.has(v.key)).length;
    written = filled.length - keptTyped;
    const spec = buildSupplementSheet(loaded.accounts, existing, filled);
    await writeOwnedSheets(loaded, [{ spec, userEditable: true }], choice);
    const kept = existing.typed.size;
    summary = `已添加“${SUPPLEMENT_SHEET}”工作表（${spec.rows.length - 3} 行${kept ? `，带入“${existing.sheetName}”中已填写的 ${kept} 项` : ''}）`;
  }
  log(`${summary}，写入：${choice.target}`);
  if (choice.note) log(choice.note);
  for (const p of existing.problems) log(p);
  if (imported) {
    log(
      `已从上年决算“${path.basename(o.prior!)}”导入 ${written} 项（每项在“说明”列注明来源单元格）${
        keptTyped ? `；${keptTyped} 项已有填写内容，未覆盖（需要覆盖请加 --overwrite）` : ''
      }。`,
    );
    for (const w of imported.warnings) warn(`提示：${w}`);
  }
  // The reasons the 说明 will ask for, from the sheet as it now reads.
  const owed = reasonsOwed(computeFacts(loaded.accounts, withFilled(existing, filled)), { threshold: o.reasonThreshold });
  if (owed.length) warn(reasonsOwedText(owed, o.reasonThreshold));
  log(`请打开“${path.basename(choice.target)}”，在“填写”列补充上年数、人员、车辆、接待、采购和各项原因，再运行 juesuan generate。`);
  return 0;
}
