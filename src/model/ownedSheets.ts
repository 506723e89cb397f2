/**
 * Sheets the add-in writes itself. The reader never looks for 决算 tables in them (a narrative names every
 * table, a rates sheet quotes their figures), and writers only ever write to these.
 */
export const OWNED_SHEET_NAMES = ['补充信息', '决算说明', '执行率汇总', '决算助手_标注', '决算助手_状态', '整改清单'];

export function isOwnedSheetName(name: string): boolean {
  // "决算说明（2）": written beside a sheet of ours the user had changed (adapters/officejs/writeSheetSpec.ts).
  return OWNED_SHEET_NAMES.includes(name) || OWNED_SHEET_NAMES.includes(name.replace(/（\d+）$/, ''));
}
