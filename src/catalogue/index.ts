/**
 * Classification catalogue (政府收支分类科目): 支出功能分类 2020–2025 and 部门预算支出经济分类, as built-in data
 * plus user-supplied entries, with per-year lookup and tolerant name comparison. Pure functions, no I/O.
 */
import { Catalogue } from './catalogue';
import { ECONOMIC_ENTRIES } from './data/economic';
import { FUNCTIONAL_ENTRIES } from './data/functional';
import { CatalogueEntry, CatalogueKind, RawEntry } from './types';

export { Catalogue, normaliseCode } from './catalogue';
export type { LookupResult, NameVerdict } from './catalogue';
export type { CatalogueEntry, CatalogueKind, RawEntry } from './types';
export { FIRST_YEAR, LAST_YEAR, UNCERTAIN_PREFIX, isUncertain } from './types';
export { parseUserEntries } from './userEntries';
export { nearName, normaliseCatalogueName, sameName } from './names';
export { CLASS_NAMES, classCodeForName, normaliseName, stripOrdinal } from './classes';

function official(raw: readonly RawEntry[]): CatalogueEntry[] {
  return raw.map((e) => ({ ...e, source: 'official' }));
}

const cache: Partial<Record<CatalogueKind, Catalogue>> = {};

/** The built-in 支出功能分类科目 (2020–2025). */
export function functionalCatalogue(): Catalogue {
  return (cache.functional ??= new Catalogue('functional', official(FUNCTIONAL_ENTRIES)));
}

/** The built-in 部门预算支出经济分类科目. */
export function economicCatalogue(): Catalogue {
  return (cache.economic ??= new Catalogue('economic', official(ECONOMIC_ENTRIES)));
}
