/**
 * The context every check reads: facts, claims, the subjects the figures resolved to, and the shared
 * look-ups (another fact with the same value, the text's own figure for a subject, a quantity's denominator).
 */
import { Fen } from '../../money/money';
import { Fact, NarrativeFacts } from '../../narrative/facts';
import { Claim } from '../claims';
import { CheckContext, ClaimVerdict, TextSentence } from './types';

/** Quantities whose year-on-year change is stated under another key. */
const CHANGE_ALIAS: Record<string, string> = {
  'fiscal.expenditureGrandTotal': 'fiscal.grandTotal',
};

/** A 总计 and the 合计 it is confused with (§8: 本年收入合计 given as 总计). */
export const GRAND_TOTAL_PAIRS: Record<string, string> = {
  'total.income': 'income.total',
  'total.expenditure': 'expenditure.total',
  'fiscal.grandTotal': 'fiscal.income',
  'fiscal.expenditureGrandTotal': 'fiscal.expenditure',
};

export function defaultDenominator(base: string): string | undefined {
  if (base.startsWith('procurement.')) return 'procurement.total';
  if (base.startsWith('threePublic.')) return 'threePublic.total';
  if (base.startsWith('income.')) return 'income.total';
  if (base.startsWith('expenditure.')) return 'expenditure.total';
  if (base.startsWith('general.')) return 'general.total';
  return undefined;
}

/**
 * The subject each claim resolves to, without touching the claims: a wording that may mean two quantities
 * ("本年收入" in 一: 收入总计 or 本年收入合计) means the one whose value the text's amount has, and the shares and
 * changes after it in the same section follow.
 */
export function resolveSubjects(claims: readonly Claim[], facts: NarrativeFacts): Map<number, string | undefined> {
  const out = new Map<number, string | undefined>();
  const remap = new Map<string, string>();
  for (const c of claims) {
    let s = c.subject;
    if (c.kind === 'amount' || c.kind === 'budget') {
      if (s && c.fen !== undefined && facts.facts[s]?.fen !== c.fen) {
        const alt = c.accept.find((k) => facts.facts[k]?.fen === c.fen);
        if (alt) {
          remap.set(`${c.section.where}|${s}`, alt);
          s = alt;
        }
      }
    } else if (s) {
      s = remap.get(`${c.section.where}|${s}`) ?? s;
      if ((c.kind === 'change' || c.kind === 'changeRate' || c.kind === 'flat') && CHANGE_ALIAS[s]) s = CHANGE_ALIAS[s];
    }
    out.set(c.id, s);
  }
  return out;
}

/**
 * 全年预算（调整后）: per 项 from 补充信息 (itemAdjustedBudget.<项>); the "三公" 预算数 of table 7 is the year's
 * budget. Never the 年初预算: the two are told apart.
 */
function adjustedBudget(facts: NarrativeFacts, key: string): Fact | undefined {
  const m = /^(.*)\.adjustedBudget$/.exec(key);
  if (!m) return undefined;
  if (m[1].startsWith('threePublic.')) return facts.facts[`${m[1]}.budget`];
  const item = /^general\.item\.(\d+)$/.exec(m[1]);
  const v = item ? facts.supplement.values.get(`itemAdjustedBudget.${item[1]}`) : undefined;
  if (!v || v.fen === undefined) return undefined;
  return { key, label: `${item![1]} ${facts.names[item![1]] ?? ''} 全年预算（调整后）`, kind: 'money', fen: v.fen, cells: [v.cell], how: `补充信息（${v.cell}）`, from: [] };
}

export function makeContext(
  facts: NarrativeFacts,
  claims: readonly Claim[],
  year: number | undefined,
  verdicts: ReadonlyMap<number, ClaimVerdict>,
  sentences: readonly TextSentence[] = [],
): CheckContext {
  const subjects = resolveSubjects(claims, facts);
  const F = (key: string | undefined) => (key ? facts.facts[key] ?? adjustedBudget(facts, key) : undefined);
  const quote = (c: Claim) => c.sentence.text.slice(c.from, c.to).trim();
  return {
    facts,
    claims,
    sentences,
    year,
    F,
    G: (key) =>
      key && /\.adjustedBudget$/.test(key) && !adjustedBudget(facts, key)
        ? { key, why: 'input', needs: [], message: `补充信息中没有“${key.replace(/^general\.item\.(\d+)\.adjustedBudget$/, '$1')} 全年预算（调整后）”，全年预算未核对（不与年初预算比较）。` }
        : key
          ? facts.gaps[key]
          : undefined,
    label: (key) => F(key)?.label ?? key,
    basisOf: (f) => (f.cells.some((c) => c.startsWith('补充信息')) && !f.cells.some((c) => !c.startsWith('补充信息')) ? 'supplement' : 'table'),
    subjectOf: (c) => (subjects.has(c.id) ? subjects.get(c.id) : c.subject),
    quote,
    written: (c) => (c.token ? `${c.token.numText}${c.token.unit}` : quote(c)),
    verdictOf: (c) => verdicts.get(c.id),
  };
}

/** Another money fact with exactly this value (to explain a wrong figure). */
export function sameValue(ctx: CheckContext, fen: Fen, except: string): Fact | undefined {
  if (fen === 0) return undefined;
  const all = Object.values(ctx.facts.facts).filter(
    (f) => f.kind === 'money' && f.fen === fen && f.key !== except && !/\.(last|change|budget|itemSum|basic|project)$/.test(f.key) && !f.key.startsWith('basic.economic'),
  );
  const rank = (k: string) => (k.startsWith('total.') || k.startsWith('income.') || k.startsWith('expenditure.') ? 0 : k.startsWith('fiscal.') || k.startsWith('general.') ? 1 : 2);
  return all.sort((a, b) => rank(a.key) - rank(b.key))[0];
}

/** A money value the text itself states for a subject this year (nearest before `c`). */
export function textValue(ctx: CheckContext, key: string, c: Claim): Fen | undefined {
  const before = ctx.claims.filter((x) => x.kind === 'amount' && !x.lastYear && !x.inReason && ctx.subjectOf(x) === key && x.id < c.id);
  return before.length ? before[before.length - 1].fen : undefined;
}

/** The fact a quantity's share is taken of (its share fact's denominator, else the section's). */
export function shareDenominator(ctx: CheckContext, base: string): Fact | undefined {
  const share = ctx.F(`${base}.share`);
  return share ? ctx.F(share.from[1]) : ctx.F(defaultDenominator(base));
}

/** Last year's value the text itself states for a subject ("上年为…", "2020年…") in the same paragraph. */
export function textLastValue(ctx: CheckContext, key: string, c: Claim): Fen | undefined {
  const own = ctx.F(key)?.fen;
  const hit = ctx.claims.filter((x) => x.kind === 'amount' && x.lastYear && !x.inReason && ctx.subjectOf(x) === key && x.sentence.paragraph === c.sentence.paragraph && x.fen !== own);
  return hit.length ? hit[hit.length - 1].fen : undefined;
}
