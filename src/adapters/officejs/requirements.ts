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

/** Whether the host tells its requirement sets at all (false outside Office: tests, the browser page). */
export function excelApiKnown(): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context && !!Office.context.requirements;
  } catch {
    return false;
  }
}

/** The highest ExcelApi 1.x the host supports (0 when none or outside Office). */
export function excelApiLevel(max = 20): number {
  let level = 0;
  for (let m = 1; m <= max; m++) {
    if (!excelApiSupported(`1.${m}`)) break;
    level = m;
  }
  return level;
}
