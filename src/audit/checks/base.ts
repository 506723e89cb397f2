/**
 * What each kind of claim is compared with, and the verdict when it agrees (or cannot be placed). The finding
 * units (one module per finding id) are consulted first, in registry order; a claim none of them finds wrong
 * gets its base verdict here. The calculations are shared so a unit and the base verdict never disagree.
 */
import { ExactDecimal, Fen, decimalToFen, formatWanyuan, percent } from '../../money/money';
import { Fact } from '../../narrative/facts';
import { Claim } from '../claims';
import { CheckContext, ClaimVerdict, Verdict } from './types';
import { HALF, atHundredths, inRange, pctText } from './numbers';
import { defaultDenominator, textValue } from './context';

// ------------------------------------------------------------------------------------------- amounts
export interface AmountCalc {
  subject: string;
  fact: Fact & { fen: Fen };
  text: Fen;
  expected: string;
}

/** An amount or budget claim placed on a fact with a value; undefined when it is not. */
export function amountCalc(c: Claim, ctx: CheckContext): AmountCalc | undefined {
  const subject = ctx.subjectOf(c);
  const f = ctx.F(subject);
  if (!subject || !f || f.fen === undefined || c.fen === undefined) return undefined;
  return { subject, fact: f as Fact & { fen: Fen }, text: c.fen, expected: formatWanyuan(f.fen) };
}

function amountBase(c: Claim, ctx: CheckContext): ClaimVerdict | undefined {
  const subject = ctx.subjectOf(c);
  if (!subject && c.inReason) return { status: 'unplaced', reason: '原因说明中的数字（说明变动原因，不是本句所说的数），未核对。' };
  if (!subject) return { status: 'unplaced', reason: c.path?.problem ? `${c.path.problem}。` : `无法确定“${c.subjectText || ctx.quote(c)}”说的是哪一项数字。` };
  const a = amountCalc(c, ctx);
  if (!a) return { status: 'unplaced', reason: ctx.G(subject)?.message ?? `表中和补充信息中都没有“${c.subjectText || subject}”的数字。` };
  if (a.text === a.fact.fen) return { status: 'ok', basis: ctx.basisOf(a.fact), expected: a.expected };
  return undefined;
}

function countBase(c: Claim, ctx: CheckContext): ClaimVerdict | undefined {
  const subject = ctx.subjectOf(c);
  if (!subject) return { status: 'unplaced', reason: `无法确定“${ctx.quote(c)}”数的是什么。` };
  const f = ctx.F(subject);
  if (!f || f.number === undefined) return { status: 'unplaced', reason: ctx.G(subject)?.message ?? `补充信息中没有“${subject}”。` };
  if (f.number === c.number) return { status: 'ok', basis: 'supplement', expected: String(f.number) };
  return undefined;
}

// ------------------------------------------------------------------------------------------- shares
export interface ShareCalc {
  base: string;
  a: Fen;
  b: Fen;
  denKey: string;
  denLabel: string;
  baseFact?: Fact;
  denFact?: Fact;
  basis: ClaimVerdict['basis'];
  exact: { scaled: bigint; text: string };
  suggestion: string;
  cells: string[];
  p: ExactDecimal;
}

export function shareCalc(c: Claim, ctx: CheckContext): ShareCalc | { unplaced: string } {
  const base = ctx.subjectOf(c);
  if (!base) return { unplaced: '无法确定这个占比是哪一项的占比。' };
  if (c.denominatorText && !c.denominator) return { unplaced: `无法识别占比的分母“${c.denominatorText}”。` };
  const denKey = c.denominator ?? ctx.F(`${base}.share`)?.from[1] ?? defaultDenominator(base);
  const baseFact = ctx.F(base);
  const denFact = ctx.F(denKey);
  let a = baseFact?.fen;
  let b = denFact?.fen;
  if (a === undefined && c.of?.fen !== undefined) a = c.of.fen;
  if (b === undefined && denKey) b = textValue(ctx, denKey, c);
  if (a === undefined || b === undefined || !denKey) {
    const gap = ctx.G(base) ?? ctx.G(denKey);
    return { unplaced: gap?.message ?? `缺少计算“${c.subjectText}”占比所需的数字。` };
  }
  if (b === 0) return { unplaced: `${denFact?.label ?? '分母'}为0，无法计算占比。` };
  const basis: ClaimVerdict['basis'] = baseFact && denFact ? ctx.basisOf(baseFact) : 'text';
  const exact = percent(a, b, 2)!;
  return {
    base,
    a,
    b,
    denKey,
    denLabel: denFact?.label ?? ctx.label(denKey),
    baseFact,
    denFact,
    basis,
    exact,
    suggestion: pctText(exact.scaled, a, b),
    cells: [...(baseFact?.cells ?? []), ...(denFact?.cells ?? [])],
    p: c.percent!,
  };
}

function shareBase(c: Claim, ctx: CheckContext): ClaimVerdict | undefined {
  const s = shareCalc(c, ctx);
  if ('unplaced' in s) return { status: 'unplaced', reason: s.unplaced };
  const textOnly = s.basis === 'text';
  if (atHundredths(s.p) === s.exact.scaled) return { status: textOnly ? 'text' : 'ok', basis: s.basis, expected: s.suggestion };
  if (s.p.scale >= 2 && inRange(s.a, HALF, s.b, HALF, s.p)) return { status: textOnly ? 'text' : 'rounding', basis: s.basis, expected: s.suggestion };
  return undefined;
}

// ------------------------------------------------------------------------------------------- completion
export interface RatioCalc {
  num: Fen;
  den: Fen;
  exact: { scaled: bigint; text: string };
  suggestion: string;
  basis: ClaimVerdict['basis'];
  cells: string[];
  /** "决算 118.97 ÷ 预算 140.00". */
  how: string;
  /** Within what the rounded figures allow. */
  within: boolean;
  p: ExactDecimal;
}

/** Completion against the facts (budget and actual known). */
export function completionCalc(c: Claim, ctx: CheckContext): RatioCalc | undefined {
  const base = ctx.subjectOf(c);
  if (!base) return undefined;
  // "完成全年预算的…%" against the 全年预算（调整后）, "完成年初预算的…%" (or just 预算) against the 年初预算.
  const budget = ctx.F(c.budgetKind === 'adjusted' ? `${base}.adjustedBudget` : `${base}.budget`);
  const actual = ctx.F(base);
  if (!budget?.fen || actual?.fen === undefined) return undefined;
  const exact = percent(actual.fen, budget.fen, 2)!;
  const p = c.percent!;
  return {
    num: actual.fen,
    den: budget.fen,
    exact,
    suggestion: pctText(exact.scaled, actual.fen, budget.fen),
    basis: ctx.basisOf(budget),
    cells: [...actual.cells, ...budget.cells],
    how: `决算 ${formatWanyuan(actual.fen)} ÷ 预算 ${formatWanyuan(budget.fen)}`,
    within: atHundredths(p) === exact.scaled || inRange(actual.fen, HALF, budget.fen, HALF, p),
    p,
  };
}

/** Completion against a budget and an actual amount stated in the same sentence. */
export function completionFromText(c: Claim, ctx: CheckContext): (RatioCalc & { budgetClaim: Claim; actualClaim: Claim }) | undefined {
  const budgets = ctx.claims.filter(
    (x) => x.kind === 'budget' && x.sentence === c.sentence && !!x.fen && x.id < c.id && (!c.budgetKind || !x.budgetKind || x.budgetKind === c.budgetKind),
  );
  const actualClaim = c.of ?? ctx.claims.find((x) => x.kind === 'amount' && !x.lastYear && x.sentence === c.sentence && x.id < c.id);
  if (!budgets.length || actualClaim?.fen === undefined) return undefined;
  // Both a 年初 and a 全年 budget and "完成预算…%": the one the rate was computed on.
  const budgetClaim = budgets.find((b) => inRange(actualClaim.fen!, HALF, b.fen!, HALF, c.percent!)) ?? budgets[budgets.length - 1];
  if (!budgetClaim.fen) return undefined;
  const exact = percent(actualClaim.fen, budgetClaim.fen, 2)!;
  const p = c.percent!;
  return {
    num: actualClaim.fen,
    den: budgetClaim.fen,
    exact,
    suggestion: pctText(exact.scaled, actualClaim.fen, budgetClaim.fen),
    basis: 'text',
    cells: [],
    how: `${formatWanyuan(actualClaim.fen)} ÷ 预算 ${formatWanyuan(budgetClaim.fen)}`,
    within: inRange(actualClaim.fen, HALF, budgetClaim.fen, HALF, p),
    p,
    budgetClaim,
    actualClaim,
  };
}

/** A percentage right at its own precision: ok, rounding, or (fewer than 2 decimals) a precision hint. */
export function acceptedVerdict(r: RatioCalc, textReason?: string): ClaimVerdict {
  const textOnly = r.basis === 'text';
  if (atHundredths(r.p) === r.exact.scaled) return { status: textOnly ? 'text' : 'ok', basis: r.basis, expected: r.suggestion, reason: textReason };
  return { status: textOnly ? 'text' : 'rounding', basis: r.basis, expected: r.suggestion, reason: textReason };
}

/** Written with fewer than two decimals and not equal to the two-decimal value. */
export function lacksDecimals(r: RatioCalc): boolean {
  return r.within && atHundredths(r.p) !== r.exact.scaled && r.p.scale < 2;
}

const FROM_TEXT = '只核对了与同句的预算数、决算（执行）数是否一致。';

function completionBase(c: Claim, ctx: CheckContext): ClaimVerdict | undefined {
  const r = completionCalc(c, ctx);
  if (r) return r.within ? acceptedVerdict(r) : undefined;
  const base = ctx.subjectOf(c);
  const gap = base ? ctx.G(`${base}.completion`) : undefined;
  const t = completionFromText(c, ctx);
  if (t) return t.within ? acceptedVerdict(t, FROM_TEXT) : undefined;
  if (!base) return { status: 'unplaced', reason: '无法确定是哪一项完成预算的比例。' };
  if (c.budgetKind === 'adjusted') return { status: 'unplaced', reason: ctx.G(`${base}.adjustedBudget`)?.message ?? `没有“${ctx.label(base)}”的全年预算数。` };
  return { status: 'unplaced', reason: gap?.message ?? ctx.G(`${base}.budget`)?.message ?? `没有“${ctx.label(base)}”的预算数。` };
}

// ------------------------------------------------------------------------------------------- changes
function changeBase(c: Claim, ctx: CheckContext): ClaimVerdict | undefined {
  const base = ctx.subjectOf(c);
  if (!base) return { status: 'unplaced', reason: '无法确定是哪一项与上年相比的增减。' };
  const ch = ctx.F(`${base}.change`);
  if (!ch || ch.fen === undefined) {
    const why = (!ctx.F(base) && ctx.G(base)?.message) || ctx.G(`${base}.change`)?.message;
    return { status: 'unplaced', reason: why ?? `没有“${ctx.F(base) ? ctx.label(base) : c.subjectText || base}”的上年数。` };
  }
  if (Math.abs(ch.fen) === c.fen && (ch.fen > 0 ? 'increase' : 'decrease') === c.direction && ch.direction !== 'flat') {
    return { status: 'ok', basis: 'supplement', expected: formatWanyuan(Math.abs(ch.fen)) };
  }
  return undefined;
}

function flatBase(c: Claim, ctx: CheckContext): ClaimVerdict | undefined {
  const base = ctx.subjectOf(c);
  if (!base) return { status: 'unplaced', reason: '无法确定是哪一项与上年持平。' };
  const ch = ctx.F(`${base}.change`);
  if (!ch || ch.fen === undefined) return { status: 'unplaced', reason: ctx.G(`${base}.change`)?.message ?? `没有“${ctx.label(base)}”的上年数。` };
  if (ch.fen === 0) return { status: 'ok', basis: 'supplement' };
  return undefined;
}

export interface RateCalc extends RatioCalc {
  /** Signed: increase or decrease as the figures say. */
  dirWord: '增长' | '下降';
  /** The rate computed on this year's amount instead of last year's. */
  onCurrent: boolean;
  /** Last year derived from the text (current ∓ change): the message explains the arithmetic. */
  derived?: { current: Fen; change: Fen; last: Fen; sign: '−' | '+' };
  /** The figures' direction, when known from the facts. */
  factDirection?: 'increase' | 'decrease';
}

const TEXT_RATE = '补充信息中没有上年数，只核对了增减幅度与增减额、本年数是否一致。';

/** A change rate against the facts (last year in 补充信息) or, failing that, the text's own change and amount. */
export function rateCalc(c: Claim, ctx: CheckContext): RateCalc | undefined {
  const base = ctx.subjectOf(c);
  if (!base) return undefined;
  const p = c.percent!;
  const pct = ctx.F(`${base}.changePct`);
  const ch = ctx.F(`${base}.change`);
  const last = ctx.F(`${base}.last`);
  const cur = ctx.F(base);
  if (pct && ch?.fen !== undefined && last?.fen && cur?.fen !== undefined) {
    const d = Math.abs(ch.fen);
    const exact = percent(d, last.fen, 2)!;
    return {
      num: d,
      den: last.fen,
      exact,
      suggestion: pctText(exact.scaled, d, last.fen),
      basis: 'supplement',
      cells: ch.cells,
      how: `${formatWanyuan(d)} ÷ 上年 ${formatWanyuan(last.fen)}`,
      within: atHundredths(p) === exact.scaled || inRange(d, 2 * HALF, last.fen, HALF, p),
      p,
      dirWord: ch.fen > 0 ? '增长' : '下降',
      onCurrent: cur.fen > 0 && inRange(d, 2 * HALF, cur.fen, HALF, p),
      factDirection: ch.fen > 0 ? 'increase' : 'decrease',
    };
  }
  const changeFen = c.pair?.fen;
  const currentFen = textValue(ctx, base, c) ?? cur?.fen;
  if (changeFen === undefined || currentFen === undefined || !c.pair) return undefined;
  const lastFen = c.pair.direction === 'increase' ? currentFen - changeFen : currentFen + changeFen;
  if (lastFen <= 0) return undefined;
  const exact = percent(changeFen, lastFen, 2)!;
  return {
    num: changeFen,
    den: lastFen,
    exact,
    suggestion: pctText(exact.scaled, changeFen, lastFen),
    basis: 'text',
    cells: cur?.cells ?? [],
    how: `${formatWanyuan(changeFen)} ÷ 上年 ${formatWanyuan(lastFen)}`,
    within: atHundredths(p) === exact.scaled || inRange(changeFen, 2 * HALF, lastFen, 2 * HALF, p),
    p,
    dirWord: c.pair.direction === 'increase' ? '增长' : '下降',
    onCurrent: inRange(changeFen, 2 * HALF, currentFen, HALF, p),
    derived: { current: currentFen, change: changeFen, last: lastFen, sign: c.pair.direction === 'increase' ? '−' : '+' },
  };
}

function rateBase(c: Claim, ctx: CheckContext): ClaimVerdict | undefined {
  const base = ctx.subjectOf(c);
  if (!base) return { status: 'unplaced', reason: '无法确定是哪一项的增减幅度。' };
  const r = rateCalc(c, ctx);
  if (r) {
    if (r.factDirection && r.factDirection !== c.direction) return undefined;
    return r.within ? acceptedVerdict(r, r.basis === 'text' ? TEXT_RATE : undefined) : undefined;
  }
  const cur = ctx.F(base);
  const why = (!cur && ctx.G(base)?.message) || ctx.G(`${base}.changePct`)?.message || ctx.G(`${base}.change`)?.message;
  return { status: 'unplaced', reason: why ?? `没有“${ctx.label(base)}”的上年数。` };
}

/** The verdict of a claim no finding unit objects to; undefined when the claim is wrong (a unit must say so). */
export function baseVerdict(c: Claim, ctx: CheckContext): ClaimVerdict | undefined {
  if (c.inReason && !ctx.subjectOf(c)) return { status: 'unplaced', reason: '原因说明中的数字（说明变动原因，不是本句所说的数），未核对。' };
  switch (c.kind) {
    case 'amount':
    case 'budget':
      return amountBase(c, ctx);
    case 'count':
      return countBase(c, ctx);
    case 'share':
      return shareBase(c, ctx);
    case 'completion':
      return completionBase(c, ctx);
    case 'change':
      return changeBase(c, ctx);
    case 'changeRate':
      return rateBase(c, ctx);
    case 'flat':
      return flatBase(c, ctx);
    case 'percent':
      return { status: 'unplaced', reason: '无法确定这个百分比说的是什么（不是“占…%”“完成预算…%”或增减幅度）。' };
  }
}

/** 元 read as 万元: "853.00元" where the table has 853.00 万元. */
export function yuanMeantWan(c: Claim, f: Fact): boolean {
  const t = c.token;
  return !!t && t.unit === '元' && f.fen !== undefined && decimalToFen(t.value, 'wanyuan').fen === f.fen;
}

export function asVerdict(v: ClaimVerdict | undefined, fallback: Verdict): Verdict {
  return v ?? fallback;
}
