/**
 * The report year when the workbook does not state it: from the file name, else inferred from the codes —
 * the catalogue year whose 科目 know the workbook's codes and names best (DOMAIN.md: names change between
 * years, codes come and go). The answer says that it was inferred and from what.
 */
import { Accounts } from './types';
import { economicCatalogue, FIRST_YEAR, functionalCatalogue, LAST_YEAR } from '../catalogue';

/** A year in a file name: "2024年度部门决算.xlsx", "决算公开表_2024.xlsx" (four digits standing alone). */
export function yearInFileName(name: string): number | undefined {
  const m = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(name.replace(/\.[^.]+$/, ''));
  return m ? parseInt(m[1], 10) : undefined;
}

export interface InferredYear {
  year: number;
  /** Chinese: "按科目编码和名称推断：38 个科目中与2024年目录相符 38 个（2023年 35 个、2025年 36 个）". */
  source: string;
  /** Other catalogue years fit as well: the year is the latest of them, a guess. */
  tied: boolean;
}

/**
 * Score every built-in catalogue year by how many of the workbook's (code, name) pairs it knows under that
 * name; the best year wins, the latest on a tie (the tie is said in the source). Undefined without codes.
 */
export function inferYearFromCodes(a: Accounts): InferredYear | undefined {
  const pairs: { kind: 'functional' | 'economic'; code: string; name: string }[] = [];
  const seen = new Set<string>();
  const add = (kind: 'functional' | 'economic', code: string, name: string) => {
    const k = `${kind}|${code}|${name}`;
    if (!code || !name || seen.has(k)) return;
    seen.add(k);
    pairs.push({ kind, code, name });
  };
  for (const id of ['T2', 'T3', 'T5', 'T8', 'T9'] as const) for (const r of a[id]?.rows ?? []) add('functional', r.code, r.name);
  for (const i of a.T6?.items ?? []) add('economic', i.code, i.name);
  if (!pairs.length) return undefined;
  const catalogues = { functional: functionalCatalogue(), economic: economicCatalogue() };
  const scores: { year: number; known: number }[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    let known = 0;
    for (const p of pairs) if (catalogues[p.kind].nameMatches(p.code, p.name, y) === 'match') known++;
    scores.push({ year: y, known });
  }
  const best = Math.max(...scores.map((s) => s.known));
  if (best === 0) return undefined;
  const tied = scores.filter((s) => s.known === best).map((s) => s.year);
  const year = tied[tied.length - 1];
  const others = scores.filter((s) => s.year !== year).map((s) => `${s.year}年 ${s.known} 个`);
  const tie = tied.length > 1 ? `；与${tied.filter((y) => y !== year).join('、')}年目录同样相符，取最近的${year}年` : '';
  return {
    year,
    tied: tied.length > 1,
    source: `工作簿和文件名都未注明年度，按科目编码和名称推断：${pairs.length} 个科目中与${year}年科目目录相符 ${best} 个（${others.join('、')}）${tie}`,
  };
}
