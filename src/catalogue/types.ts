/** Shared types of the classification catalogue (支出功能分类 / 部门预算支出经济分类). */

export type CatalogueKind = 'functional' | 'economic';

/**
 * One code with one name over a range of years. A code whose name changed is stored once per name,
 * each with its own years.
 */
export interface CatalogueEntry {
  code: string;
  name: string;
  /**
   * First year this name is recorded for the code. The built-in data starts at FIRST_YEAR, so an entry with
   * from = FIRST_YEAR may be older; an entry with to < FIRST_YEAR records a former name (kept only to
   * recognise names copied from older documents).
   */
  from: number;
  /** Last year (inclusive); absent = still valid in the latest catalogue year. */
  to?: number;
  note?: string;
  /** 'official' for the built-in data, 'user:<where>' for entries the user supplied. */
  source: string;
}

/** Shape of the built-in data files (source is added when the catalogue is built). */
export interface RawEntry {
  code: string;
  name: string;
  from: number;
  to?: number;
  note?: string;
}

/** Years covered by the built-in catalogues; other years fall back to the nearest of these. */
export const FIRST_YEAR = 2020;
export const LAST_YEAR = 2025;

/** Prefix of notes that mark an entry transcribed with doubt. */
export const UNCERTAIN_PREFIX = '待核实';

/** True for an entry transcribed with doubt (its note starts with UNCERTAIN_PREFIX): soften findings against it. */
export function isUncertain(entry: Pick<CatalogueEntry, 'note'>): boolean {
  return entry.note?.startsWith(UNCERTAIN_PREFIX) ?? false;
}
