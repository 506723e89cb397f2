/**
 * The registry of claim checks and the runner. Listed explicitly (no file-system discovery) so the same list
 * works in Node, the browser bundle and Excel. Order matters within a claim kind: the first unit that returns
 * a verdict decides the claim (specific explanations before the catch-all "不符"); a claim no unit objects to
 * gets its base verdict (base.ts). Text checks run after, over all claims.
 */
import { SEVERITY_ORDER } from '../../rules/types';
import { NarrativeFacts } from '../../narrative/facts';
import { Claim } from '../claims';
import { Sentence } from '../text';
import { CheckContext, CheckMeta, ClaimCheck, ClaimVerdict, FindingDraft, NarrativeFinding, TextCheck, TextSentence } from './types';
import { makeContext } from './context';
import { baseVerdict, completionFromText } from './base';
import { check as aUnit } from './units/a-unit';
import { check as aLastYear } from './units/a-last-year';
import { check as aItemNotInTable } from './units/a-item-not-in-table';
import { check as aPrecision } from './units/a-precision';
import { check as aGrandTotal } from './units/a-grand-total';
import { check as aItemName } from './units/a-item-name';
import { check as aItemClass } from './units/a-item-class';
import { check as aRounding } from './units/a-rounding';
import { check as aAmount } from './units/a-amount';
import { check as aBudget } from './units/a-budget';
import { check as aCount } from './units/a-count';
import { check as sPrecision } from './units/s-precision';
import { check as sDenominator } from './units/s-denominator';
import { check as sCompletion } from './units/s-completion';
import { check as sShare } from './units/s-share';
import { check as cNoBudget } from './units/c-no-budget';
import { check as cPrecision } from './units/c-precision';
import { check as cShare } from './units/c-share';
import { check as cCompletion } from './units/c-completion';
import { check as chDirection } from './units/ch-direction';
import { check as chAmount } from './units/ch-amount';
import { check as chZeroBase } from './units/ch-zero-base';
import { check as chRatePrecision } from './units/ch-rate-precision';
import { check as chRateDenominator } from './units/ch-rate-denominator';
import { check as chRate } from './units/ch-rate';
import { check as tYearLabel } from './units/t-year-label';
import { check as tGrandTotals } from './units/t-grand-totals';
import { check as tPartExceeds } from './units/t-part-exceeds';
import { check as tListSum } from './units/t-list-sum';
import { check as tClassItems } from './units/t-class-items';
import { check as tMissingItems } from './units/t-missing-items';
import { check as tReason } from './units/t-reason';
import { check as tPathName } from './units/t-path-name';
import { check as tBudgetWording } from './units/t-budget-wording';
import { check as tTemplate } from './units/t-template';
import { check as tPercentSign } from './units/t-percent-sign';
import { check as tYear } from './units/t-year';
import { check as tUnitName } from './units/t-unit-name';
import { check as tBasicItems } from './units/t-basic-items';
import { check as tRepeatedUse } from './units/t-repeated-use';
import { check as tProcurement } from './units/t-procurement';

export type { NarrativeFinding, ClaimVerdict, ClaimStatus, ClaimCheck, TextCheck, CheckContext, TextSentence } from './types';

export const CLAIM_CHECKS: ClaimCheck[] = [
  aLastYear,
  aUnit,
  aItemClass,
  aItemNotInTable,
  aPrecision,
  aGrandTotal,
  aItemName,
  aRounding,
  aAmount,
  aBudget,
  aCount,
  sPrecision,
  sDenominator,
  sCompletion,
  sShare,
  cNoBudget,
  cPrecision,
  cShare,
  cCompletion,
  chDirection,
  chAmount,
  chZeroBase,
  chRatePrecision,
  chRateDenominator,
  chRate,
];

export const TEXT_CHECKS: TextCheck[] = [
  tYearLabel,
  tGrandTotals,
  tPartExceeds,
  tListSum,
  tProcurement,
  tClassItems,
  tMissingItems,
  tReason,
  tPathName,
  tBudgetWording,
  tTemplate,
  tPercentSign,
  tYear,
  tUnitName,
  tBasicItems,
  tRepeatedUse,
];

export function allChecks(): CheckMeta[] {
  return [...CLAIM_CHECKS, ...TEXT_CHECKS];
}

export interface CheckRun {
  findings: NarrativeFinding[];
  verdicts: Map<number, ClaimVerdict>;
  ctx: CheckContext;
}

function toFinding(meta: CheckMeta, d: FindingDraft, claims: Claim[], ctx: CheckContext, sentence?: Sentence): NarrativeFinding {
  const first = claims[0];
  const s = sentence ?? first.sentence;
  const { severity, quote, ...rest } = d;
  return {
    rule: meta.id,
    severity: severity ?? meta.severity,
    where: s.where,
    quote: quote ?? (first ? ctx.quote(first) : s.text.trim()),
    claims: claims.map((c) => c.id),
    sentence: s.text.trim(),
    at: s.index * 100000 + (first && first.sentence === s ? first.from : 0),
    ...rest,
    cells: [...new Set(d.cells.filter(Boolean))],
  };
}

/** Run every check over the claims (which are not modified). Findings come in the order of the text. */
export function runChecks(
  facts: NarrativeFacts,
  claims: readonly Claim[],
  year: number | undefined,
  sentences: readonly TextSentence[] = [],
  checks = { claim: CLAIM_CHECKS, text: TEXT_CHECKS },
): CheckRun {
  const verdicts = new Map<number, ClaimVerdict>();
  const ctx = makeContext(facts, claims, year, verdicts, sentences);
  const findings: NarrativeFinding[] = [];
  const set = (c: Claim, v: ClaimVerdict) => {
    const old = verdicts.get(c.id);
    if (old && old.status === 'mismatch' && v.status !== 'mismatch') return;
    verdicts.set(c.id, v);
  };
  for (const c of claims) {
    let decided = false;
    for (const unit of checks.claim) {
      if (!unit.kinds.includes(c.kind)) continue;
      let v;
      try {
        v = unit.check(c, ctx);
      } catch (e) {
        findings.push({ rule: unit.id, severity: '警告', where: c.sentence.where, quote: ctx.quote(c), claims: [c.id], at: c.sentence.index * 100000 + c.from, message: `核对“${unit.title}”出错，未能完成：${e instanceof Error ? e.message : String(e)}`, cells: [] });
        continue;
      }
      if (!v) continue;
      const { finding, ...verdict } = v;
      set(c, verdict);
      if (finding) findings.push(toFinding(unit, finding, [c], ctx));
      decided = true;
      break;
    }
    if (!decided) set(c, baseVerdict(c, ctx) ?? { status: 'unplaced', reason: '未能核对。' });
  }
  // A completion checked against the budget and actual of its own sentence checks those two figures too.
  for (const c of claims) {
    if (c.kind !== 'completion' || verdicts.get(c.id)?.basis !== 'text') continue;
    const t = completionFromText(c, ctx);
    for (const x of t ? [t.budgetClaim, t.actualClaim] : []) {
      const v = verdicts.get(x.id);
      if (!v || v.status === 'unplaced') verdicts.set(x.id, { status: 'text', basis: 'text', reason: `${v?.reason ?? ''}只核对了与同句其他数字是否一致。`.trim() });
    }
  }
  for (const unit of checks.text) {
    let r;
    try {
      r = unit.check(ctx);
    } catch (e) {
      const c = claims[0];
      if (c) findings.push({ rule: unit.id, severity: '警告', where: c.sentence.where, quote: '', claims: [], at: 0, message: `核对“${unit.title}”出错，未能完成：${e instanceof Error ? e.message : String(e)}`, cells: [] });
      continue;
    }
    for (const f of r.findings) {
      const { claims: fc, sentence, ...draft } = f;
      if (!fc.length && !sentence) continue;
      findings.push(toFinding(unit, draft, fc, ctx, sentence));
    }
    for (const [c, v] of r.verdicts ?? []) set(c, v);
  }
  findings.sort((a, b) => (a.at ?? 0) - (b.at ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { findings, verdicts, ctx };
}
