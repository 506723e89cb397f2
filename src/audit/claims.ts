/**
 * Claims: what each figure of a sentence asserts. An amount of a subject ("本年收入合计853.00万元"), a share
 * of it ("占98.86%", with the denominator its section implies or the one written), a change against last year
 * ("减少54.20万元，下降5.97%"), a completion rate ("完成预算42%"), a budget ("年初预算为…"), a count
 * ("0辆", "0批次"), or "持平". Subjects are resolved through the vocabulary (vocabulary.ts) and, in the
 * 具体情况 paragraphs, through the 科目 path (paths.ts); a subject left implicit ("支出决算数为…", "占…",
 * "下降…") is taken from the figure it qualifies.
 */
import { Accounts } from '../model/types';
import { Fen, decimalToFen, ExactDecimal } from '../money/money';
import { SectionContext } from './sections';
import { Sentence } from './text';
import { Token, findTokens } from './tokens';
import { resolveSubject, cleanSubject } from './vocabulary';
import { ResolvedPath, parsePath, resolveChildItem, resolvePath } from './paths';

export type ClaimKind = 'amount' | 'budget' | 'share' | 'change' | 'changeRate' | 'flat' | 'completion' | 'count' | 'percent';

export type Direction = 'increase' | 'decrease';

export interface Claim {
  id: number;
  kind: ClaimKind;
  sentence: Sentence;
  section: SectionContext;
  token?: Token;
  /** Range of the quoted fragment in sentence.text. */
  from: number;
  to: number;
  /** The subject wording as written (cleaned). */
  subjectText: string;
  /** Fact key of the subject (for shares, changes, completions: of the amount they qualify). */
  subject?: string;
  /** Other fact keys the wording may mean. */
  accept: string[];
  subjectVia: 'phrase' | 'context' | 'path' | 'none';
  direction?: Direction;
  /** Shares: the denominator as written ("本年支出合计"), and its fact key. */
  denominatorText?: string;
  denominator?: string;
  /** The amount claim a share / completion / change qualifies (same sentence). */
  of?: Claim;
  /** A change amount and its rate pair with each other. */
  pair?: Claim;
  /** "其中" lists: the total the claim is part of. */
  parent?: Claim;
  /** A year written right before the figure ("2020年支出决算数为…"). */
  yearLabel?: { year: number; from: number; to: number };
  /** The 科目 path of a 具体情况 paragraph. */
  path?: ResolvedPath;
  /** Money as written, in 分 (unit applied; a missing unit read as 万元). */
  fen?: Fen;
  /** Counts as written. */
  number?: number;
  /** Percentages as written. */
  percent?: ExactDecimal;
  /** Budgets and completions: which budget ("年初预算" initial, "全年预算/调整后" adjusted, or not said). */
  budgetKind?: 'initial' | 'adjusted';
  /** An amount labelled as last year's ("上年支出为…", "2020年为…" in a 2021 说明). */
  lastYear?: boolean;
  /** Inside a reason clause ("主要原因是…较上年增加2万元"): it explains the sentence's claim, it is not it. */
  inReason?: boolean;
}

const DELIMS = /[，,；;：:、。！？!?]/;
const CHANGE_WORD = /(增加|增长|上升|提高|增|减少|下降|降低|节约|节省|减)(了)?(约)?\s*$/;
const UP = /增加|增长|上升|提高|增/;
// "占本年支出合计的97.66%", "占比为…", "所占比重为…", "比重为39.58%" (the share of the figure before it).
const SHARE_RE = /占([^占]*?)(的)?(比重|比例)?(为|达|是)?\s*$|(?:所占)?(?:比重|比例)(?:为|达|是)?\s*$/;
const COMPLETION_RE = /完成(年初|全年|调整)?预算(数)?(的)?\s*$|(预算)?(完成|执行)率(为|达)?\s*$/;
const BUDGET_RE = /(年初预算|全年预算|调整后预算|调整预算|预算数|预算)(数)?(\(调整后\))?(数)?(为|是|安排|:)?\s*$/;
// "主要原因是…", "变动原因：…", "主要是由于…": what follows explains the sentence's figures, it does not state them.
const REASON_RE = /(主要)?(变动|增减|差异|增加|减少|增长|下降|变化)?的?原因(主要)?(是|为|系|在于|如下)?\s*[:：]?|主要(是)?(由于|因为)|这主要是|系因/;
const LAST_YEAR_RE = /(^|[^比较与同和])(上年|去年|上一年|上年度)(同期)?(度)?(决算)?(数)?/;

function budgetKindOf(word: string | undefined): Claim['budgetKind'] {
  if (!word) return undefined;
  if (/年初/.test(word)) return 'initial';
  if (/全年|调整/.test(word)) return 'adjusted';
  return undefined;
}
const COMPARISON_RE = /(与|和|同)?(上年|去年|上年度|上一年|\d{4}\s*年度?)(同期)?(相比|比较)|(比|较)(上年|去年|上年度|上一年|\d{4}\s*年度?)(同期)?|同比|环比/g;
const GENERIC_RE = /^(本年)?(支出)?(决算)?(数)?(为|是|达)?$|^(共计|合计)(支出)?(为)?$|^执行数(为)?$|^实际支出(为)?$|^支出决算(数)?(为)?$|^决算(数)?(为)?$/;
const LIST_RE = /其中|主要用于以下方面|主要包括|包括/;

export function moneyFen(t: Token): Fen {
  if (t.unit === '元') return decimalToFen(t.value, 'yuan').fen;
  if (t.unit === '亿元') return decimalToFen(t.value, 'wanyuan').fen * 10000;
  return decimalToFen(t.value, 'wanyuan').fen;
}

interface Context {
  item?: { path: ResolvedPath; subject?: string };
  /** Last amount claim of the current paragraph. */
  lastAmount?: Claim;
  paragraph: number;
  sectionKey: string;
}

export interface ExtractOptions {
  accounts: Accounts;
  year?: number;
}

/** Extract the claims of every in-scope sentence. Sentences and sections are parallel arrays by paragraph. */
export function extractClaims(sentences: Sentence[], sectionOf: (s: Sentence) => SectionContext, opts: ExtractOptions): Claim[] {
  const claims: Claim[] = [];
  const ctx: Context = { paragraph: -1, sectionKey: '' };
  for (const s of sentences) {
    const section = sectionOf(s);
    if (!section.inScope) continue;
    const key = `${section.kind}/${section.sub}/${section.where}`;
    if (key !== ctx.sectionKey) {
      ctx.sectionKey = key;
      ctx.item = undefined;
      ctx.lastAmount = undefined;
    }
    if (s.paragraph !== ctx.paragraph) {
      ctx.paragraph = s.paragraph;
      ctx.lastAmount = undefined;
    }
    extractSentence(s, section, ctx, opts, claims);
  }
  return claims;
}

function extractSentence(s: Sentence, section: SectionContext, ctx: Context, opts: ExtractOptions, claims: Claim[]): void {
  const norm = s.norm;
  let skipUntil = 0;
  if (s.first) {
    const parsed = parsePath(norm);
    // One 类 segment is a path only when a colon follows ("一般公共服务（201）: …"); in the structure
    // paragraph "一般公共服务（类）支出642.25万元" it is the subject.
    if (parsed && (parsed.segments.length > 1 || /^\s*[:：]/.test(norm.slice(parsed.end)))) {
      const path = resolvePath(parsed.segments, parsed.end, opts.accounts, opts.year);
      ctx.item = { path, subject: path.code && path.level === '项' ? itemKey(section, path.code) : undefined };
      skipUntil = parsed.end;
    }
  }
  // A placeholder's contents ("【请填写：2010104 人大会议的主要用途】") are never claims.
  const placeholders = [...norm.matchAll(/【[^】]*】/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const tokens = findTokens(norm).filter((t) => t.start >= skipUntil && !placeholders.some(([a, b]) => t.start >= a && t.start < b));
  const reasonAt = norm.slice(skipUntil).search(REASON_RE);
  const reasonStart = reasonAt >= 0 ? reasonAt + skipUntil : Number.MAX_SAFE_INTEGER;
  const mine: Claim[] = [];
  let prevEnd = skipUntil;
  let listParent: Claim | undefined;
  const newClaim = (c: Omit<Claim, 'id' | 'sentence' | 'section' | 'accept' | 'subjectVia'> & Partial<Claim>): Claim => {
    const claim: Claim = { id: claims.length, sentence: s, section, accept: [], subjectVia: 'none', ...c };
    if (claim.token && claim.token.start > reasonStart) claim.inReason = true;
    claims.push(claim);
    mine.push(claim);
    return claim;
  };
  const lastOfKind = (pred: (c: Claim) => boolean) => [...mine].reverse().find(pred);

  for (const tok of tokens) {
    if (tok.kind === 'year') continue;
    let clauseStart = clauseStartOf(norm, tok.start, prevEnd);
    // A subject list without figures shares the figure: "收入、支出总计均为5479.02万元".
    while (clauseStart > prevEnd + 1 && norm[clauseStart - 1] === '、') {
      const wider = clauseStartOf(norm, clauseStart - 1, prevEnd);
      if (wider >= clauseStart - 1) break;
      clauseStart = wider;
    }
    const between = norm.slice(prevEnd, tok.start);
    const phrase = norm.slice(clauseStart, tok.start);
    const yearLabel = labelYear(norm, tokens, clauseStart, tok.start);
    prevEnd = tok.end;
    if (tok.approx) continue;

    // "其中："/"主要用于以下方面：" opens a list under the last total of the same kind.
    if (LIST_RE.test(between)) {
      const p = lastOfKind((c) => (c.kind === 'amount' || c.kind === 'count') && (tok.kind === 'count' ? c.kind === 'count' : c.kind === 'amount'));
      if (p) listParent = p;
    }

    if (tok.kind === 'money') {
      const fen = moneyFen(tok);
      const change = CHANGE_WORD.exec(phrase);
      const budget = BUDGET_RE.exec(phrase);
      if (change && !/完成(年初|全年)?预算|预算数/.test(phrase)) {
        const subjectPhrase = phrase.slice(0, change.index).replace(COMPARISON_RE, '');
        const c = newClaim({ kind: 'change', token: tok, from: clauseStart, to: tok.end, subjectText: cleanSubject(subjectPhrase), fen, direction: UP.test(change[1]) ? 'increase' : 'decrease', yearLabel });
        assignSubject(c, subjectPhrase, section, s, ctx, mine);
        continue;
      }
      if (budget) {
        const subjectPhrase = phrase.slice(0, budget.index);
        const c = newClaim({ kind: 'budget', token: tok, from: clauseStart, to: tok.end, subjectText: cleanSubject(subjectPhrase), fen, yearLabel, budgetKind: budgetKindOf(budget[1] + (budget[3] ?? '')) });
        // "年初预算为50万元（全年预算为60万元）": a bracket opened right after a budget figure, naming no subject of
        // its own, restates another budget of the same subject.
        const restated = /^\s*[(（]\s*$/.test(subjectPhrase) ? lastOfKind((x) => x !== c && x.kind === 'budget' && x.to <= clauseStart && norm.slice(x.to, clauseStart).trim() === '') : undefined;
        if (restated) {
          if (restated.subject) c.subject = `${restated.subject.replace(/\.(budget|adjustedBudget)$/, '')}.budget`;
          c.accept = restated.accept;
          c.subjectVia = restated.subjectVia;
          c.path = restated.path;
          c.subjectText = restated.subjectText;
        } else assignSubject(c, subjectPhrase, section, s, ctx, mine);
        if (c.budgetKind === 'adjusted' && c.subject?.endsWith('.budget')) c.subject = `${c.subject.slice(0, -'.budget'.length)}.adjustedBudget`;
        continue;
      }
      const lastYear = (yearLabel !== undefined && opts.year !== undefined && yearLabel.year === opts.year - 1) || LAST_YEAR_RE.test(phrase);
      const c = newClaim({ kind: 'amount', token: tok, from: clauseStart, to: tok.end, subjectText: cleanSubject(phrase), fen, yearLabel, lastYear: lastYear || undefined });
      // "上年为…": the subject is the one of the figure before, last year's.
      const subjectPhrase = lastYear ? phrase.replace(/(上年|去年|上一年|上年度)(同期)?(度)?(决算)?(数)?/g, '') : phrase;
      assignSubject(c, subjectPhrase, section, s, ctx, mine, norm, clauseStart, opts);
      if (listParent && listParent !== c && listParent.kind === 'amount' && !c.lastYear && !c.inReason && !insideBrackets(norm, listParent.to, tok.start)) c.parent = listParent;
      if (!c.inReason && !c.lastYear) ctx.lastAmount = c;
      continue;
    }

    if (tok.kind === 'count') {
      const n = Number(tok.value.digits) / 10 ** tok.value.scale;
      const c = newClaim({ kind: 'count', token: tok, from: clauseStart, to: tok.end, subjectText: '', number: n, yearLabel });
      resolveCount(c, norm, tok, clauseStart, section, s, mine);
      // Count lists are checked only under a total the vocabulary knows (车辆, 团组 …), and not into brackets.
      if (listParent && listParent !== c && listParent.kind === 'count' && listParent.subject && listParent.token?.unit === tok.unit && !insideBrackets(norm, listParent.to, tok.start)) {
        c.parent = listParent;
      }
      continue;
    }

    // Percentages
    const share = SHARE_RE.exec(phrase);
    const completion = COMPLETION_RE.exec(phrase);
    const change = CHANGE_WORD.exec(phrase);
    if (share) {
      const denText = (share[1] ?? '').trim().replace(/^(比|比重|比例)$/, '');
      const of = lastOfKind((c) => c.kind === 'amount' && !c.lastYear && !!c.inReason === tok.start > reasonStart);
      const c = newClaim({
        kind: 'share',
        token: tok,
        from: of ? of.from : clauseStart,
        to: tok.end,
        subjectText: of?.subjectText ?? '',
        percent: tok.value,
        of,
        denominatorText: denText || undefined,
      });
      c.subject = of?.subject;
      c.accept = of?.accept ?? [];
      c.subjectVia = of ? 'context' : 'none';
      if (denText) {
        const d = resolveSubject(denText, { kind: section.kind, sub: section.sub, sentence: norm, tokenKind: 'money' });
        c.denominator = d?.q;
      }
      continue;
    }
    if (completion) {
      const of = lastOfKind((c) => c.kind === 'amount') ?? (ctx.item?.subject ? undefined : ctx.lastAmount);
      const c = newClaim({ kind: 'completion', token: tok, from: of && of.sentence === s ? of.from : clauseStart, to: tok.end, subjectText: of?.subjectText ?? '', percent: tok.value, of, budgetKind: budgetKindOf(completion[1]) });
      if (of) {
        c.subject = of.subject;
        c.accept = of.accept;
        c.subjectVia = 'context';
      } else if (ctx.item?.subject) {
        c.subject = ctx.item.subject;
        c.subjectVia = 'path';
        c.path = ctx.item.path;
      }
      continue;
    }
    if (change) {
      const subjectPhrase = phrase.slice(0, change.index).replace(COMPARISON_RE, '');
      const c = newClaim({ kind: 'changeRate', token: tok, from: clauseStart, to: tok.end, subjectText: cleanSubject(subjectPhrase), percent: tok.value, direction: UP.test(change[1]) ? 'increase' : 'decrease' });
      const own = subjectPhrase.trim() ? resolveSubject(subjectPhrase, { kind: section.kind, sub: section.sub, sentence: norm, tokenKind: 'money' }) : undefined;
      const inReason = tok.start > reasonStart;
      const pair = lastOfKind((x) => x.kind === 'change' && !x.pair && !!x.inReason === inReason && (!own || x.subject === own.q));
      if (pair) {
        c.pair = pair;
        pair.pair = c;
        c.subject = pair.subject;
        c.accept = pair.accept;
        c.subjectVia = pair.subjectVia;
        c.of = pair.of;
        c.subjectText = pair.subjectText;
      } else if (own) {
        c.subject = own.q;
        c.accept = own.accept;
        c.subjectVia = 'phrase';
      } else assignSubject(c, '', section, s, ctx, mine);
      continue;
    }
    newClaim({ kind: 'percent', token: tok, from: clauseStart, to: tok.end, subjectText: cleanSubject(phrase), percent: tok.value });
  }

  // "与2020年持平", "比上年持平"
  const flatRe = /持平/g;
  let fm: RegExpExecArray | null;
  while ((fm = flatRe.exec(norm))) {
    const clauseStart = clauseStartOf(norm, fm.index, skipUntil);
    const before = norm.slice(clauseStart, fm.index);
    if (/预算/.test(before)) continue;
    const cut = before.search(/(与|比|较|和|同)(上年|去年|上年度|\d{4})/);
    const subjectPhrase = cut >= 0 ? before.slice(0, cut) : before;
    const c = newClaim({ kind: 'flat', from: clauseStart, to: fm.index + 2, subjectText: cleanSubject(subjectPhrase) });
    assignSubject(c, subjectPhrase, section, s, ctx, mine);
  }
  for (const c of mine) {
    if (!c.inReason || c.subjectVia === 'phrase') continue;
    c.subject = undefined;
    c.accept = [];
    c.subjectVia = 'none';
    c.path = undefined;
  }
  mine.sort((a, b) => a.from - b.from);
}

/** Is position `pos` inside brackets opened after `from`? ("其中净增企业688家（新增限上商贸企业3家…）") */
function insideBrackets(norm: string, from: number, pos: number): boolean {
  let depth = 0;
  for (let i = from; i < pos; i++) {
    if (norm[i] === '(' || norm[i] === '（') depth++;
    else if ((norm[i] === ')' || norm[i] === '）') && depth > 0) depth--;
  }
  return depth > 0;
}

function itemKey(section: SectionContext, code: string): string {
  if (section.kind === 'govFund') return `fund.item.${code}`;
  if (section.kind === 'stateCapital') return `capital.item.${code}`;
  return `general.item.${code}`;
}

/** Start of the clause a figure belongs to: after the last delimiter or the previous figure. */
function clauseStartOf(norm: string, pos: number, floor: number): number {
  let i = pos - 1;
  while (i >= floor && !DELIMS.test(norm[i])) i--;
  let start = Math.max(i + 1, floor);
  while (start < pos && /\s/.test(norm[start])) start++;
  return start;
}

/** A year written in the clause right before the figure and not part of a comparison ("与2020年相比"). */
function labelYear(norm: string, tokens: Token[], from: number, to: number): Claim['yearLabel'] {
  for (const t of tokens) {
    if (t.kind !== 'year' || t.start < from || t.end > to) continue;
    if (isComparisonYear(norm, t)) continue;
    if (/(截至|截止|至)\s*$/.test(norm.slice(Math.max(0, t.start - 3), t.start))) continue;
    return { year: Number(t.numText), from: t.start, to: t.end };
  }
  return undefined;
}

export function isComparisonYear(norm: string, t: Token): boolean {
  const before = norm.slice(Math.max(0, t.start - 3), t.start);
  const after = norm.slice(t.end, t.end + 4);
  return /(比|较|与|和|同|对比)\s*$/.test(before) || /^\s*(度)?\s*(相比|同期|持平|比较)/.test(after);
}

function assignSubject(
  c: Claim,
  phrase: string,
  section: SectionContext,
  s: Sentence,
  ctx: Context,
  mine: Claim[],
  norm?: string,
  clauseStart?: number,
  opts?: ExtractOptions,
): void {
  const rctx = { kind: section.kind, sub: section.sub, sentence: s.norm, tokenKind: 'money' as const };
  const cleaned = cleanSubject(phrase);
  const generic = cleaned === '' || GENERIC_RE.test(cleaned) || cleaned.replace(/[\d本年度支出决算数为是达额:：]/g, '') === '';
  // In a reason clause only the clause's own words name a subject.
  if (c.inReason) {
    const own = generic ? undefined : resolveSubject(phrase, rctx);
    if (own) {
      c.subject = c.kind === 'budget' ? `${own.q}.budget` : own.q;
      c.subjectVia = 'phrase';
    }
    return;
  }
  // A 项 named inside a 类/款 paragraph ("其中：行政运行（项）118.97万元").
  if (!generic && opts && ctx.item?.path.code && ctx.item.path.level !== '项' && c.kind === 'amount') {
    const code = resolveChildItem(cleaned.replace(/^(其中|包括)[:：]?/, ''), ctx.item.path.code, opts.accounts, opts.year);
    if (code) {
      c.subject = itemKey(section, code);
      c.subjectVia = 'path';
      c.path = { ...ctx.item.path, code, level: '项', nameIssues: [] };
      return;
    }
  }
  // In a 具体情况 paragraph a bare "支出决算为…" is the 项 of the paragraph's path.
  if (generic && ctx.item && (c.kind === 'amount' || c.kind === 'budget' || c.kind === 'change' || c.kind === 'flat')) {
    c.path = ctx.item.path;
    if (ctx.item.subject) {
      c.subject = c.kind === 'budget' ? `${ctx.item.subject}.budget` : ctx.item.subject;
      c.subjectVia = 'path';
    }
    return;
  }
  const m = phrase.trim() ? resolveSubject(phrase, rctx) : undefined;
  if (m) {
    c.subject = m.q;
    c.accept = m.accept;
    c.subjectVia = 'phrase';
    if (c.kind === 'budget') c.subject = `${m.q}.budget`;
    if (c.kind === 'change' || c.kind === 'flat') c.of = [...mine].reverse().find((x) => x.kind === 'amount' && x.subject === m.q);
    return;
  }
  // "金额" after "轿车0辆、": look one clause further back.
  // "…由中小企业供应商中标或成交的，采购金额…": two clauses back.
  if (c.kind === 'amount' && norm !== undefined && clauseStart !== undefined && /^(涉及)?(预算)?(采购)?(金额|资金)(为)?$/.test(cleaned)) {
    let from = clauseStart;
    let best: ReturnType<typeof resolveSubject>;
    for (let i = 0; i < 2 && from > 0; i++) {
      from = clauseStartOf(norm, Math.max(0, from - 1), 0);
      const wider = resolveSubject(norm.slice(from, c.token!.start), rctx);
      if (wider && (!best || wider.text.length > best.text.length)) best = wider;
    }
    if (best) {
      c.subject = best.q;
      c.subjectVia = 'phrase';
      return;
    }
  }
  if (!generic && (c.kind === 'amount' || c.kind === 'budget')) return;
  if (ctx.item) {
    c.path = ctx.item.path;
    if (ctx.item.subject) {
      c.subject = c.kind === 'budget' ? `${ctx.item.subject}.budget` : ctx.item.subject;
      c.subjectVia = 'path';
    }
    return;
  }
  const prev = [...mine].reverse().find((x) => x !== c && (x.kind === 'amount' || x.kind === 'change' || x.kind === 'budget') && x.subject) ?? ctx.lastAmount;
  if (prev?.subject) {
    c.subject = c.kind === 'budget' ? `${prev.subject.replace(/\.budget$/, '')}.budget` : prev.subject.replace(/\.budget$/, '');
    c.accept = prev.accept;
    c.subjectVia = 'context';
    if (c.kind === 'change' || c.kind === 'flat') c.of = prev.kind === 'amount' && prev.sentence === s ? prev : undefined;
    return;
  }
  // Last resort for a bare "支出决算为…": the subject named earlier in the sentence
  // ("一般公共预算财政拨款支出年初预算为…万元，支出决算为843.28万元").
  if (clauseStart !== undefined && clauseStart > 0) {
    const earlier = resolveSubject(s.norm.slice(0, clauseStart).replace(/(年初|全年|调整)预算[^，,；;]*|预算数[^，,；;]*/g, ''), rctx);
    if (earlier) {
      c.subject = c.kind === 'budget' ? `${earlier.q}.budget` : earlier.q;
      c.accept = earlier.accept;
      c.subjectVia = 'context';
    }
  }
}

/**
 * Counts name their subject before ("团组0次") or after ("21个项目开展了…绩效评估") the number. A count is tied
 * to the noun it counts: "发现问题0个" after "绩效自评" counts 问题, not the projects evaluated, so only function
 * words may stand between the subject and the number. A bare count ("，12人次") takes the subject of the count
 * just before it ("国内公务接待2批次，12人次"; "接待外宾1批次，5人次" is 外宾, never 国内).
 */
function resolveCount(c: Claim, norm: string, tok: Token, clauseStart: number, section: SectionContext, s: Sentence, mine: Claim[]): void {
  const rctx = { kind: section.kind, sub: section.sub, sentence: s.norm, tokenKind: 'count' as const, unit: tok.unit };
  const before = norm.slice(clauseStart, tok.start);
  const tied = (phrase: string, m: ReturnType<typeof resolveSubject>, side: 'before' | 'after') => {
    if (!m) return undefined;
    const p = cleanSubject(phrase);
    const gap = side === 'before' ? p.slice(m.index + m.text.length) : p.slice(0, m.index);
    return (side === 'before' ? COUNT_GAP : COUNT_GAP_AFTER).test(gap) ? m : undefined;
  };
  let m = tied(before, resolveSubject(before, rctx), 'before');
  let end = tok.end;
  while (end < norm.length && !DELIMS.test(norm[end])) end++;
  const after = norm.slice(tok.end, end);
  if (!m) {
    m = tied(after, resolveSubject(after, rctx), 'after');
    if (m) c.to = end;
  }
  const bare = (t: string) => cleanSubject(t).replace(/\([^)]*\)/g, '').replace(/[对选取等共计其中有了和及与、，,:：\s]/g, '') === '';
  if (!m && bare(before) && bare(after)) {
    const prev = [...mine].reverse().find((x) => x !== c && x.kind === 'count');
    if (prev) {
      // The subject of the count before, in this count's unit; none if that one had none.
      if (prev.subject) m = resolveSubject(norm.slice(prev.from, prev.token!.start), rctx) ?? resolveSubject(norm.slice(prev.token!.end, prev.to), rctx);
    } else {
      let start = clauseStart;
      while (!m && start > 0) {
        start = clauseStartOf(norm, start - 1, 0);
        m = resolveSubject(norm.slice(start, tok.start), rctx);
      }
    }
  }
  c.subjectText = cleanSubject(before);
  if (m) {
    c.subject = m.q;
    c.subjectVia = 'phrase';
  }
}

/** What may stand between a count's subject and its number: function words and the counted 项目 itself. */
const COUNT_GAP = /^(的|之|中|共|共计|合计|计|有|了|为|达|是|数|数量|总数|量|项目|个|评价|评估|开展|实施|进行|年度|:|：|\s|\([^)]*\))*$/;
/** After the number ("21个项目开展了绩效自评"): the counted 项目 and the verb that leads to the subject. */
const COUNT_GAP_AFTER = /^(的|个|项目|开展|进行|实施|编制|编报|组织|完成|了|预算|部门|整体|\s)*$/;
