/** The Catalogue: per-year lookup of 科目 codes and names over built-in and user-supplied entries. */
import { normaliseCatalogueName } from './names';
import { CatalogueEntry, CatalogueKind, FIRST_YEAR, LAST_YEAR } from './types';

export type NameVerdict = 'match' | 'mismatch' | 'other-year-name' | 'unknown-code';

export interface LookupResult {
  /** The entry in force for the code in the (effective) year, if any. */
  entry?: CatalogueEntry;
  /** The code's names in the other catalogue years (and former names before FIRST_YEAR), by year. */
  otherYears: { year: number; name: string }[];
}

const KIND_LABEL: Record<CatalogueKind, string> = {
  functional: '支出功能分类科目',
  economic: '部门预算支出经济分类科目',
};

/** Code as digits only: spaces, "|", "-", "." separators and a trailing ".0" from numeric cells removed. */
export function normaliseCode(code: string | number): string {
  return String(code)
    .trim()
    .replace(/\.0+$/, '')
    .replace(/[\s\u3000|｜\-－.．·]/g, '');
}

function isUser(e: CatalogueEntry): boolean {
  return e.source !== 'official';
}

function validIn(e: CatalogueEntry, year: number): boolean {
  return e.from <= year && (e.to === undefined || e.to >= year);
}

export class Catalogue {
  readonly kind: CatalogueKind;
  private readonly all: readonly CatalogueEntry[];
  private readonly byCode = new Map<string, CatalogueEntry[]>();
  private readonly yearCache = new Map<number, Map<string, CatalogueEntry>>();
  // Rules ask the same (code, name, year) questions for every table: answer each once.
  private readonly lookupCache = new Map<string, LookupResult>();
  private readonly verdictCache = new Map<string, NameVerdict>();

  constructor(kind: CatalogueKind, entries: readonly CatalogueEntry[]) {
    this.kind = kind;
    this.all = entries.map((e) => ({ ...e, code: normaliseCode(e.code) }));
    for (const e of this.all) {
      const list = this.byCode.get(e.code);
      if (list) list.push(e);
      else this.byCode.set(e.code, [e]);
    }
  }

  /** Every entry, built-in and user, in insertion order. */
  entries(): readonly CatalogueEntry[] {
    return this.all;
  }

  /** Entries the user supplied. */
  userEntries(): CatalogueEntry[] {
    return this.all.filter(isUser);
  }

  /** The built-in catalogue year used for `year`: the year itself inside FIRST_YEAR..LAST_YEAR, else the nearest. */
  effectiveYear(year: number): number {
    return Math.min(LAST_YEAR, Math.max(FIRST_YEAR, Math.trunc(year)));
  }

  /** True when `year` has a built-in catalogue of its own (no fallback). */
  covers(year: number): boolean {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }

  /**
   * Codes in force in `year`: built-in entries of the effective year, then user entries valid in the year
   * asked for, which replace built-in ones with the same code (a later user entry wins over an earlier one).
   */
  forYear(year: number): Map<string, CatalogueEntry> {
    const cached = this.yearCache.get(year);
    if (cached) return cached;
    const eff = this.effectiveYear(year);
    const map = new Map<string, CatalogueEntry>();
    for (const e of this.all) if (!isUser(e) && validIn(e, eff)) map.set(e.code, e);
    for (const e of this.all) if (isUser(e) && validIn(e, year)) map.set(e.code, e);
    this.yearCache.set(year, map);
    return map;
  }

  /** The entry for a code in a year, and the code's names in the other years. */
  lookup(code: string, year: number): LookupResult {
    const key = `${year}|${code}`;
    const hit = this.lookupCache.get(key);
    if (hit) return hit;
    const result = this.lookupUncached(code, year);
    this.lookupCache.set(key, result);
    return result;
  }

  private lookupUncached(code: string, year: number): LookupResult {
    const c = normaliseCode(code);
    const eff = this.effectiveYear(year);
    const entry = this.forYear(year).get(c);
    const otherYears: { year: number; name: string }[] = [];
    for (const e of this.byCode.get(c) ?? []) {
      if (!isUser(e) && e.to !== undefined && e.to < FIRST_YEAR) otherYears.push({ year: e.to, name: e.name });
    }
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      if (y === eff) continue;
      const e = this.forYear(y).get(c);
      if (e) otherYears.push({ year: y, name: e.name });
    }
    otherYears.sort((a, b) => a.year - b.year);
    return { entry, otherYears };
  }

  /**
   * Compare a name written for a code with the catalogue of a year (tolerant of bracket width, spaces,
   * line breaks, quotes and "（类）/（款）/（项）" markers):
   * - 'match': the code is in the year's catalogue under this name;
   * - 'other-year-name': the name is the code's name in another year (renamed, or the code is not in this
   *   year's catalogue but was in another year under this name);
   * - 'mismatch': the code is in the year's catalogue under a different name;
   * - 'unknown-code': the code is not in the year's catalogue and the name is not one of its other-year names.
   */
  nameMatches(code: string, name: string, year: number): NameVerdict {
    const key = `${year}|${code}|${name}`;
    const hit = this.verdictCache.get(key);
    if (hit) return hit;
    const v = this.nameMatchesUncached(code, name, year);
    this.verdictCache.set(key, v);
    return v;
  }

  private nameMatchesUncached(code: string, name: string, year: number): NameVerdict {
    const { entry, otherYears } = this.lookup(code, year);
    const n = normaliseCatalogueName(name);
    if (entry && normaliseCatalogueName(entry.name) === n) return 'match';
    const c = normaliseCode(code);
    const formerNames = [
      ...otherYears.map((o) => o.name),
      // names of any entry of the code, including user entries for years outside the built-in range
      ...(this.byCode.get(c) ?? []).map((e) => e.name),
    ];
    if (formerNames.some((f) => normaliseCatalogueName(f) === n)) return 'other-year-name';
    return entry ? 'mismatch' : 'unknown-code';
  }

  /** Parent code: 项 (7 digits) → 款 (5), 款 → 类 (3), 类 → undefined. */
  parent(code: string): string | undefined {
    const c = normaliseCode(code);
    if (!/^\d+$/.test(c) || c.length <= 3 || c.length % 2 === 0) return undefined;
    return c.slice(0, c.length - 2);
  }

  /** '类', '款' or '项' by code length (3, 5, 7 digits); undefined otherwise. */
  level(code: string): '类' | '款' | '项' | undefined {
    const c = normaliseCode(code);
    if (!/^\d+$/.test(c)) return undefined;
    return ({ 3: '类', 5: '款', 7: '项' } as Record<number, '类' | '款' | '项'>)[c.length];
  }

  /**
   * What the catalogue holds, in Chinese, for messages and reports. With a year: the built-in entries in
   * force that year (and, outside the built-in years, the year used instead); without: the whole range.
   */
  describe(year?: number): string {
    const label = KIND_LABEL[this.kind];
    const builtIn = this.all.filter((e) => !isUser(e));
    let text: string;
    let users: number;
    if (year === undefined) {
      text = `内置${FIRST_YEAR}—${LAST_YEAR}年${label}（${builtIn.length}条）`;
      users = this.all.length - builtIn.length;
    } else {
      const eff = this.effectiveYear(year);
      const n = builtIn.filter((e) => validIn(e, eff)).length;
      text = this.covers(year)
        ? `内置${eff}年${label}（${n}条）`
        : `内置${eff}年${label}（${n}条；${year}年不在内置的${FIRST_YEAR}—${LAST_YEAR}年范围内，按最近的${eff}年核对）`;
      users = this.all.filter((e) => isUser(e) && validIn(e, year)).length;
    }
    return users > 0 ? `${text} + 用户补充${users}条` : text;
  }

  /** A new catalogue with the given entries added; they win over built-in entries with the same code. */
  withUserEntries(entries: readonly CatalogueEntry[]): Catalogue {
    return new Catalogue(this.kind, [...this.all, ...entries]);
  }
}
