/**
 * ExcelApi requirement-set detection. The adapter's baseline is ExcelApi 1.7 (getRangeByIndexes); newer APIs
 * (merged areas 1.13, multi-area select 1.18) are only used when the host reports support for them.
 */

/** True when the running Office host supports ExcelApi `version` (e.g. "1.13"). False outside Office. */
export function excelApiSupported(version: string): boolean {
  try {
    if (typeof Office === 'undefined') return false;
    const req = Office.context && Office.context.requirements;
    return !!req && req.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}
