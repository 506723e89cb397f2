/**
 * `juesuan generate <workbook.xlsx> [-o out.xlsx] [--form sichuan|shanghai] [--text] [--docx out.docx]`:
 * the 决算说明 sheet (the whole 部门决算情况说明) and the 执行率汇总 sheet with live formulas and native charts,
 * written into a copy of the workbook. `--text` prints the narrative instead.
 */
import { buildNarrative, buildNarrativeSheet, countPlaceholders, narrativeDocx, narrativeText, narrativeWarnings, reasonsOwed, reasonsOwedText, NARRATIVE_SHEET } from '../../narrative';
import { buildRatesSheet, RATES_SHEET } from '../../rates';
import { addCharts } from '../../adapters/exceljs/charts';
import { readSupplement, SUPPLEMENT_SHEET } from '../../supplement/sheet';
import { WorkbookReadError } from '../../adapters/exceljs/snapshotFromXlsx';
import { assertWritable, chooseOutput, commit, loadForWriting, newFileChoice, writeOwnedSheets } from '../workbookIo';

export interface GenerateOptions {
  out?: string;
  form?: string;
  text?: boolean;
  docx?: string;
  /** Where --text sends its notes, and where the generator's warnings and the reasons owed go (stderr). */
  warn?: (s: string) => void;
  /** Percent at or above which a change or a budget difference needs a reason (default 10). */
  reasonThreshold?: number;
}

export async function generateCommand(file: string, o: GenerateOptions, log: (s: string) => void): Promise<number> {
  const form = o.form ?? 'sichuan';
  if (form !== 'sichuan' && form !== 'shanghai') {
    throw new WorkbookReadError(`--form 只能是 sichuan（四川格式，默认）或 shanghai（上海格式），收到“${form}”。`);
  }
  if (o.docx && !/\.docx$/i.test(o.docx)) throw new WorkbookReadError(`--docx 的文件名应以 .docx 结尾（收到“${o.docx}”）。`);
  const loaded = await loadForWriting(file);
  const { snapshot, accounts } = loaded;
  if (accounts.missing.length === 9) throw new WorkbookReadError(`“${accounts.source}”中没有找到任何决算公开表，无法生成说明。`);
  const supplement = readSupplement(snapshot, accounts);
  const narrative = buildNarrative(accounts, supplement, { form });
  // Figures the reader is not sure of are said, never taken on trust in silence.
  const doubts = accounts.issues.filter((i) => i.code !== 'R-缺表' && (i.severity === '错误' || i.severity === '警告'));
  const warn = o.text ? (s: string) => (o.warn ?? log)(s) : log;
  for (const i of doubts.slice(0, 12)) warn(`注意：${i.message}`);
  if (doubts.length > 12) warn(`注意：另有 ${doubts.length - 12} 条读取提示，请运行 juesuan check 查看。`);
  // What the generator noticed (补充信息 problems included) and the reasons still owed: stderr, in Chinese.
  const report = () => {
    for (const w of narrativeWarnings(accounts, narrative.facts)) (o.warn ?? log)(`注意：${w}`);
    const owed = reasonsOwed(narrative.facts, { threshold: o.reasonThreshold });
    if (owed.length) (o.warn ?? log)(reasonsOwedText(owed, o.reasonThreshold));
  };
  if (o.text) {
    log(narrativeText(narrative));
    report();
    return 0;
  }
  assertWritable(loaded, NARRATIVE_SHEET);
  assertWritable(loaded, RATES_SHEET);
  const choice = await chooseOutput(loaded, o.out, [NARRATIVE_SHEET, RATES_SHEET]);
  const docx = o.docx ? await newFileChoice(o.docx) : undefined;
  const rates = buildRatesSheet(accounts, supplement);
  await writeOwnedSheets(
    loaded,
    [{ spec: buildNarrativeSheet(narrative) }, { spec: rates }],
    choice,
    rates.charts?.length ? (bytes: Uint8Array) => addCharts(bytes, RATES_SHEET, rates.charts!) : undefined,
  );
  if (docx) await commit(docx, await narrativeDocx(narrative));
  const placeholders = countPlaceholders(narrative);
  log(`已写入“${NARRATIVE_SHEET}”和“${RATES_SHEET}”工作表：${choice.target}`);
  if (choice.note) log(choice.note);
  if (docx) log(`说明另存为 Word 文档：${docx.target}`);
  if (docx?.note) log(docx.note);
  if (!supplement.present) log(`工作簿中没有“${SUPPLEMENT_SHEET}”工作表：上年数、原因等处留有待填写的位置。可先运行 juesuan init 并填写。`);
  report();
  log(placeholders ? `说明中还有 ${placeholders} 处【请填写：…】需要补充。` : '说明中已没有待填写的位置。');
  return 0;
}
