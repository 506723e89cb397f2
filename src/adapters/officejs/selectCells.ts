/**
 * Jump to the cells of a finding or a table: activate the sheet and select the range(s). One context.sync().
 *
 * Requirement sets: ExcelApi 1.1 (Worksheet.activate, Range.select). Several ranges on the same sheet are selected
 * together only on ExcelApi 1.18 hosts (Worksheet.getRanges 1.9 + RangeAreas.select 1.18); elsewhere the first
 * range is selected.
 */
import { parseA1, rangeA1, splitRef } from '../../snapshot/address';
import { describeOfficeError } from './errors';
import { excelApiSupported } from './requirements';

export const SELECT_SYNC_COUNT = 1;

/** Most areas put into one multi-area selection (Excel limits the length of a multi-area address). */
export const MAX_SELECT_AREAS = 50;

export interface SelectOptions {
  /** Select all ranges of the first sheet as one multi-area selection. Default: host supports ExcelApi 1.18. */
  multiArea?: boolean;
}

export interface SelectTarget {
  sheet: string;
  /** Normalised A1 addresses on `sheet`, first one first, without duplicates. */
  addresses: string[];
}

/**
 * Which sheet and ranges `refs` point to: the sheet of the first reference and every reference on that same
 * sheet (sheet names compare case-insensitively, as in Excel). Throws a Chinese Error for an unreadable reference.
 */
export function selectTarget(refs: string[]): SelectTarget | null {
  let target: SelectTarget | null = null;
  for (const ref of refs) {
    const parts = splitRef(ref);
    const range = parts ? parseA1(parts.address) : null;
    if (!parts || !parts.sheet || !range) throw new Error(`无法识别的单元格引用“${ref}”，应形如“公开01表!C8”。`);
    if (!target) target = { sheet: parts.sheet, addresses: [] };
    else if (parts.sheet.toLowerCase() !== target.sheet.toLowerCase()) continue;
    const address = rangeA1(range);
    if (!target.addresses.includes(address)) target.addresses.push(address);
  }
  return target;
}

export async function selectCells(context: Excel.RequestContext, refs: string[], options: SelectOptions = {}): Promise<void> {
  const target = selectTarget(refs);
  if (!target) return;
  const multi = (options.multiArea ?? excelApiSupported('1.18')) && target.addresses.length > 1;
  const sheet = context.workbook.worksheets.getItem(target.sheet);
  sheet.activate();
  if (multi) sheet.getRanges(target.addresses.slice(0, MAX_SELECT_AREAS).join(',')).select();
  else sheet.getRange(target.addresses[0]).select();
  try {
    await context.sync();
  } catch (e) {
    throw new Error(
      `无法定位到“${target.sheet}!${target.addresses[0]}”：该工作表可能已被重命名、删除或隐藏（${describeOfficeError(e)}）。`,
    );
  }
}
