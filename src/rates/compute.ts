/**
 * computeRates: every rate of definitions.ts for one workbook, computed exactly (money.percent on integers
 * of 分 or counts) and judged by its rule. A rate whose input is missing, or whose denominator is 0, is
 * "not computable" with the reason in Chinese — never 0% and never an error value.
 */
import { Accounts } from '../model/types';
import { percent } from '../money/money';
import { Supplement } from '../supplement/sheet';
import { RateDef, RateGroup, RuleDef, rateDefinitions } from './definitions';
import { ResolvedQuantity, SupplementCheck, resolveQuantity } from './resolve';

export type RateStatus = 'ok' | 'flagged' | 'not-computable';

export interface RateResult {
  id: string;
  group: RateGroup;
  /** 指标 */
  name: string;
  /** 计算公式 in words. */
  formula: string;
  rule?: RuleDef;
  /** 判断标准 as shown. */
  standard: string;
  numerator: ResolvedQuantity;
  denominator: ResolvedQuantity;
  status: RateStatus;
  /** Exact percentage, 2 decimals, rounded half away from zero (absent when not computable). */
  percent?: { scaled: bigint; text: string };
  /** "73.06%", or the reason when not computable. */
  display: string;
  /** Why it is not computable: "缺少：补充信息“编制数”" or "分母为0（…为0），无法计算". */
  reason?: string;
  /** 结论: the rule's verdict ("" when the rate has no rule, "—" when it cannot be judged). */
  conclusion: string;
  /** 补充信息 inputs the rate depends on, in the order the sheet's formula checks them. */
  checks: SupplementCheck[];
}

export const MISSING_PREFIX = '缺少：';
const SUPPLEMENT_PREFIX = '补充信息';

export function zeroReason(denominatorLabel: string): string {
  return `分母为0（${denominatorLabel}为0），无法计算`;
}

/** "缺少：补充信息“预算调整数”、“年初预算支出总数”、收入支出决算总表“本年支出合计”". */
export function missingReason(labels: string[]): string {
  const parts: string[] = [];
  let prevSupplement = false;
  for (const l of [...new Set(labels)]) {
    const isSupplement = l.startsWith(SUPPLEMENT_PREFIX);
    parts.push(isSupplement && prevSupplement ? l.slice(SUPPLEMENT_PREFIX.length) : l);
    prevSupplement = isSupplement;
  }
  return MISSING_PREFIX + parts.join('、');
}

/** Does rate a/b satisfy the rule? Exact: compares 100·a with limit·b (sign of b respected). */
export function satisfies(rule: RuleDef, a: number, b: number): boolean {
  const lhs = (BigInt(a) * 100n - BigInt(rule.limit) * BigInt(b)) * (b < 0 ? -1n : 1n);
  return rule.op === '<=' ? lhs <= 0n : lhs >= 0n;
}

export function computeRate(def: RateDef, accounts: Accounts, supplement: Supplement): RateResult {
  const numerator = resolveQuantity(def.numerator, accounts, supplement);
  const denominator = resolveQuantity(def.denominator, accounts, supplement);
  const checks: SupplementCheck[] = [];
  for (const c of [...numerator.checks, ...denominator.checks]) if (!checks.some((x) => x.id === c.id)) checks.push(c);
  const base = {
    id: def.id,
    group: def.group,
    name: def.name,
    formula: def.formula,
    rule: def.rule,
    standard: def.rule?.text ?? def.standard ?? '—',
    numerator,
    denominator,
    checks,
  };
  const unavailable = [...numerator.unavailable, ...denominator.unavailable];
  const unfilled = checks.filter((c) => !c.filled).map((c) => c.label);
  if (unavailable.length || unfilled.length) {
    const reason = missingReason([...unavailable, ...unfilled]);
    return { ...base, status: 'not-computable', display: reason, reason, conclusion: def.rule ? '—' : '' };
  }
  const a = numerator.value as number;
  const b = denominator.value as number;
  const p = percent(a, b, 2);
  if (!p) {
    const reason = zeroReason(denominator.label);
    return { ...base, status: 'not-computable', display: reason, reason, conclusion: def.rule ? '—' : '' };
  }
  const ok = def.rule ? satisfies(def.rule, a, b) : true;
  return {
    ...base,
    status: ok ? 'ok' : 'flagged',
    percent: p,
    display: `${p.text}%`,
    conclusion: def.rule ? (ok ? def.rule.ok : def.rule.flagged) : '',
  };
}

/** Every rate for this workbook, in sheet order. */
export function computeRates(accounts: Accounts, supplement: Supplement): RateResult[] {
  return rateDefinitions(accounts, supplement).map((d) => computeRate(d, accounts, supplement));
}
