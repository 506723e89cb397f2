/** Office.js adapter: read the open workbook into a snapshot, jump to cells, write the add-in's own sheets. */
export { readWorkbookSnapshot, readSyncCount, READ_BUDGET, EXCEL_LIMITS, MERGE_CHUNK_ROWS, cellSnap, windows } from './readWorkbookSnapshot';
export type { ReadOptions, ReadSize } from './readWorkbookSnapshot';
export { selectCells, selectTarget, SELECT_SYNC_COUNT, MAX_SELECT_AREAS } from './selectCells';
export type { SelectOptions, SelectTarget } from './selectCells';
export { writeOwnedSheet, WRITE_SYNC_COUNT, OWNED_NAME_PREFIX, sheetNameProblem, markerSheet } from './writeOwnedSheet';
export type { OwnedCell, OwnedFormula, WriteOptions } from './writeOwnedSheet';
export { writeSheetSpec, WRITE_SPEC_SYNC_COUNT, STYLE_LOOKS, columnWidthPoints, specApiFor, detectSpecApi } from './writeSheetSpec';
export type { SpecApi, WriteSpecOptions, WriteSpecReport, CellLook } from './writeSheetSpec';
export { parseAreasAddress } from './areas';
export { excelApiSupported } from './requirements';
export { describeOfficeError } from './errors';
