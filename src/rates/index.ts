/** 执行率汇总 (issue 5): rate definitions as data, exact computation, the sheet and its charts. */
export * from './definitions';
export { computeRates, computeRate, satisfies, missingReason, zeroReason } from './compute';
export type { RateResult, RateStatus } from './compute';
export { resolveQuantity, fenToWanyuanNumber } from './resolve';
export type { ResolvedQuantity, ResolvedTerm, SupplementCheck } from './resolve';
export { buildRatesSheet, buildRates, RATES_SHEET, RATE_COLUMNS, COL } from './sheet';
export type { RatesSheet, RatesSheetLayout } from './sheet';
