/** Tolerant comparison of 科目 names. */
import { normaliseName } from './classes';

/**
 * Normalise a 科目 name for comparison. On top of normaliseName (spaces, line breaks, bracket width,
 * quotes, "（类）/（款）/（项）"): Unicode compatibility forms (full-width letters, digits and punctuation),
 * zero-width characters, single quotes, dash and comma variants, and a trailing colon.
 */
const NAME_CACHE = new Map<string, string>();
export function normaliseCatalogueName(name: string): string {
  // The same names come back for every table and every rule: normalise each once.
  let v = NAME_CACHE.get(name);
  if (v === undefined) {
    v = normaliseUncached(name);
    if (NAME_CACHE.size > 50_000) NAME_CACHE.clear();
    NAME_CACHE.set(name, v);
  }
  return v;
}

function normaliseUncached(name: string): string {
  let s = name.normalize('NFKC').replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
  s = s
    .replace(/[‘’'`]/g, '"')
    .replace(/[〔［[【]/g, '（')
    .replace(/[〕］\]】]/g, '）')
    .replace(/[‐‑‒–—―－]/g, '-')
    .replace(/[，,]/g, '，')
    .replace(/[;；]/g, '；')
    .replace(/[:：]+$/, '');
  return normaliseName(s);
}

/** True when two names are the same after normalisation. */
export function sameName(a: string, b: string): boolean {
  return normaliseCatalogueName(a) === normaliseCatalogueName(b);
}

/**
 * Two names that differ only by a "支出"/"事务"/"费用" ending, or where one contains the other: more often a
 * transcription variant than a different 科目.
 */
export function nearName(a: string, b: string): boolean {
  const strip = (s: string) => normaliseCatalogueName(s).replace(/(支出|事务|费用|费)$/, '');
  const x = strip(a);
  const y = strip(b);
  return x === y || x.includes(y) || y.includes(x);
}
