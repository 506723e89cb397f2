/**
 * 生成说明: the 部门决算情况说明 from the accounts and the 补充信息.
 *
 *   computeFacts(accounts, supplement)            every figure the 说明 states, keyed (see facts.ts)
 *   buildNarrative(accounts, supplement, {form})  sections → paragraphs → runs (text / figure / input / placeholder)
 *   narrativeText(n)                              plain text for Word
 *   buildNarrativeSheet(n)                        the "决算说明" sheet (SheetSpec)
 *   narrativeDocx(n)                              a minimal .docx
 */
export { computeFacts, INCOME_LINES, EXPENDITURE_LINES, THREE_PUBLIC_LABELS } from './facts';
export type { Fact, Gap, NarrativeFacts, Direction, SubjectRef } from './facts';
export { buildNarrative, narrativeText } from './build';
export type { NarrativeOptions, BuiltNarrative } from './build';
export { buildNarrativeSheet, countPlaceholders, NARRATIVE_SHEET } from './sheet';
export { narrativeDocx, narrativeDocument } from './docx';
export { formatAmount, formatPercent, normaliseUserText } from './format';
export type { PercentValue } from './format';
export { subjectName, subjectPath, subjectDefinition, classWording } from './subjects';
export { narrativeWarnings } from './warnings';
export { reasonsOwed, reasonsOwedText, DEFAULT_REASON_THRESHOLD } from './reasons';
export type { OwedReason, ReasonOptions } from './reasons';
export * from './types';
