/**
 * 科目 paths as the 具体情况 paragraphs write them, with codes or with level markers:
 *   "一般公共服务（201）政府办公厅（室）及相关机构事务（03）行政运行（01）"
 *   "一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）"
 * resolved to a 项 code against the rows of table 5 (first) and the catalogue of the report year, tolerant of
 * the misspellings real texts contain ("住房改革指出", "财务事务", "群众团体事务支出").
 */
import { Accounts, CodedRow } from '../model/types';
import { CLASS_NAMES, classCodeForName, functionalCatalogue, normaliseCatalogueName } from '../catalogue';

export interface PathSegment {
  name: string;
  /** Digits in the bracket ("201", "03"), if written. */
  code?: string;
  marker?: '类' | '款' | '项';
}

export interface NameIssue {
  code: string;
  written: string;
  official: string;
}

export interface ResolvedPath {
  segments: PathSegment[];
  /** 3, 5 or 7 digits, as far as it could be resolved. */
  code?: string;
  level?: '类' | '款' | '项';
  /** Written names that differ from the 科目 names (table 5, else the catalogue). */
  nameIssues: NameIssue[];
  /** Why it could not be resolved completely. */
  problem?: string;
  /** End offset of the path in the text it was read from. */
  end: number;
}

// A name may hold bracket groups that are not markers: "政府办公厅（室）", "因公出国（境）"; it never holds a
// clause break or a share ("一般公共服务（类）支出642.25万元，占76.16%；文化…（类）" is a list, not a path).
const SEGMENT_RE = /((?:[^()（）:：,，;；。%％]|[(（](?!\s*(?:类|款|项|\d{2,3})\s*[)）])[^()（）]*[)）])+?)\s*[(（]\s*(类|款|项|\d{2,3})\s*[)）]/g;

/** Parse the 科目 path at the start of a detail paragraph ("1." already removed or not). */
export function parsePath(text: string): { segments: PathSegment[]; end: number } | undefined {
  const t = text.replace(/^\s*\d+\s*[.．、]\s*/, (m) => ' '.repeat(m.length));
  SEGMENT_RE.lastIndex = 0;
  const segments: PathSegment[] = [];
  let end = 0;
  let m: RegExpExecArray | null;
  while ((m = SEGMENT_RE.exec(t))) {
    // Segments must follow each other directly.
    if (segments.length && t.slice(end, m.index).trim() !== '') break;
    if (!segments.length && t.slice(0, m.index).trim() !== '') break;
    const name = m[1].trim();
    const tag = m[2];
    segments.push(/^\d+$/.test(tag) ? { name, code: tag } : { name, marker: tag as PathSegment['marker'] });
    end = m.index + m[0].length;
    if (segments.length === 3) break;
  }
  if (!segments.length) return undefined;
  // A single segment is a path only with a 类 code or marker.
  if (segments.length === 1 && !(segments[0].marker === '类' || segments[0].code?.length === 3)) return undefined;
  return { segments, end };
}

function strip(name: string): string {
  return normaliseCatalogueName(name).replace(/[（）]/g, '');
}

/** Longest common subsequence ratio of two names (bracket characters ignored). */
export function similarity(a: string, b: string): number {
  const x = strip(a);
  const y = strip(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const dp: number[] = new Array(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    let prev = 0;
    for (let j = 1; j <= y.length; j++) {
      const tmp = dp[j];
      dp[j] = x[i - 1] === y[j - 1] ? prev + 1 : Math.max(dp[j], dp[j - 1]);
      prev = tmp;
    }
  }
  return dp[y.length] / Math.max(x.length, y.length);
}

const THRESHOLD = 0.6;

interface Candidate {
  code: string;
  /** The table's name, the catalogue's name of the year and of other years. */
  names: string[];
}

function candidatesUnder(prefix: string, length: number, accounts: Accounts, year: number | undefined): Candidate[] {
  const out = new Map<string, Candidate>();
  const add = (code: string, name: string) => {
    const c = out.get(code) ?? out.set(code, { code, names: [] }).get(code)!;
    if (name && !c.names.includes(name)) c.names.push(name);
  };
  for (const t of [accounts.T5, accounts.T8, accounts.T9, accounts.T3]) {
    for (const r of t?.rows ?? []) if (r.code.length === length && r.code.startsWith(prefix)) add(r.code, r.name);
  }
  if (year !== undefined) {
    const cat = functionalCatalogue();
    for (const [code, e] of cat.forYear(year)) if (code.length === length && code.startsWith(prefix)) add(code, e.name);
    for (const code of [...out.keys()]) for (const o of cat.lookup(code, year).otherYears) add(code, o.name);
  }
  return [...out.values()];
}

function officialName(code: string, accounts: Accounts, year: number | undefined): string | undefined {
  if (year !== undefined) {
    const e = functionalCatalogue().lookup(code, year).entry;
    if (e) return e.name;
  }
  for (const t of [accounts.T5, accounts.T8, accounts.T9]) {
    const row = (t?.rows ?? []).find((r: CodedRow) => r.code === code);
    if (row) return row.name;
  }
  return undefined;
}

function namesMatch(written: string, code: string, accounts: Accounts, year: number | undefined): boolean {
  const w = strip(written);
  const names = [officialName(code, accounts, year), (accounts.T5?.rows ?? []).find((r) => r.code === code)?.name];
  if (year !== undefined) for (const o of functionalCatalogue().lookup(code, year).otherYears) names.push(o.name);
  if (code.length === 3) names.push(...(CLASS_NAMES.find((c) => c.code === code)?.names ?? []));
  return names.some((n) => n && (strip(n) === w || strip(n).replace(/支出$/, '') === w.replace(/支出$/, '')));
}

/** Resolve a parsed path to a code, level by level. */
export function resolvePath(segments: PathSegment[], end: number, accounts: Accounts, year: number | undefined): ResolvedPath {
  const out: ResolvedPath = { segments, nameIssues: [], end };
  const [s1, s2, s3] = segments;
  // 类
  let cls: string | undefined;
  if (s1.code && s1.code.length === 3) cls = s1.code;
  else cls = classCodeForName(s1.name) ?? classCodeForName(`${s1.name}支出`);
  if (!cls) {
    let best: { code: string; score: number } | undefined;
    for (const c of CLASS_NAMES) for (const n of c.names) {
      const score = Math.max(similarity(s1.name, n), similarity(s1.name, n.replace(/支出$/, '')));
      if (score >= THRESHOLD && (!best || score > best.score)) best = { code: c.code, score };
    }
    cls = best?.code;
  }
  if (!cls) {
    out.problem = `无法识别类级科目“${s1.name}”`;
    return out;
  }
  if (!namesMatch(s1.name, cls, accounts, year)) out.nameIssues.push({ code: cls, written: s1.name, official: officialName(cls, accounts, year) ?? '' });
  out.code = cls;
  out.level = '类';
  let parent = cls;
  for (const [seg, len, level] of [
    [s2, 5, '款'],
    [s3, 7, '项'],
  ] as [PathSegment | undefined, number, '款' | '项'][]) {
    if (!seg) break;
    let code: string | undefined;
    if (seg.code && seg.code.length === 2) code = parent + seg.code;
    else {
      let best: { code: string; score: number } | undefined;
      for (const c of candidatesUnder(parent, len, accounts, year)) {
        const score = Math.max(...c.names.map((n) => similarity(seg.name, n)));
        if (score >= THRESHOLD && (!best || score > best.score)) best = { code: c.code, score };
      }
      code = best?.code;
    }
    if (!code) {
      out.problem = `无法识别${level}级科目“${seg.name}”（在 ${parent} 之下）`;
      return out;
    }
    if (!namesMatch(seg.name, code, accounts, year)) {
      out.nameIssues.push({ code, written: seg.name, official: officialName(code, accounts, year) ?? '' });
    }
    out.code = code;
    out.level = level;
    parent = code;
  }
  return out;
}

/**
 * A 项 named inside a 类/款 paragraph ("其中：行政运行（项）118.97万元"): the best-matching 项 under the
 * paragraph's code (table 5 first, then the catalogue), when the name is close enough.
 */
export function resolveChildItem(name: string, parentCode: string, accounts: Accounts, year: number | undefined, threshold = 0.8): string | undefined {
  const n = name.replace(/[(（]\s*(项|\d{2})\s*[)）]/g, '').replace(/(支出|决算数?|为|是)+$/, '').trim();
  if (n.length < 2) return undefined;
  let best: { code: string; score: number } | undefined;
  for (const c of candidatesUnder(parentCode, 7, accounts, year)) {
    const score = Math.max(...c.names.map((x) => Math.max(similarity(n, x), similarity(n, x.replace(/支出$/, '')))));
    if (score >= threshold && (!best || score > best.score)) best = { code: c.code, score };
  }
  return best?.code;
}
