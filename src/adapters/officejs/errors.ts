/** Office.js errors → short Simplified Chinese explanations for the task pane. */

/** A Chinese reason for an error thrown by context.sync() (OfficeExtension.Error carries a `code`). */
export function describeOfficeError(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const message = e instanceof Error ? e.message : String(e);
  const text = `${code} ${message}`;
  if (/InvalidOperationInCellEditMode/i.test(text)) return 'Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 退出编辑后再试';
  if (/PayloadSizeLimitExceeded|RangeExceedsLimit|OperationCellsExceedLimit/i.test(text)) {
    return '数据量超过了 Excel 单次传输的上限（Excel 网页版为 5MB），请删去无关的工作表或在桌面版 Excel 中重试';
  }
  if (/AccessDenied/i.test(text)) return '工作簿或工作表受保护，或当前为只读，无法完成操作';
  if (/ItemNotFound/i.test(text)) return '找不到所需的工作表或区域，它可能已被重命名或删除';
  return message || code || '未知错误';
}
