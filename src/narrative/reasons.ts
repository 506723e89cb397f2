/**
 * Reasons owed: every line of the 说明 whose change against last year, or whose difference from its budget,
 * is at least `threshold` percent (10 by default), or that goes from 0 to non-0, needs a reason; those whose
 * reason is not yet in 补充信息 are listed (the command line and the pane show them; the 说明 keeps their
 * placeholders).
 */
import { formatWanyuan } from '../money/money';
import { FIELD_BY_KEY } from '../supplement/fields';
import { NarrativeFacts } from './facts';
import { formatPercent, normaliseUserText } from './format';

export interface OwedReason {
  /** The 补充信息 key that holds the reason. */
  key: string;
  /** The 补充信息 row label. */
  label: string;
  /** Why it is owed, in Chinese, with the figures. */
  why: string;
  /** Cells of the figures. */
  cells: string[];
}

export interface ReasonOptions {
  /** Percent at or above which a change or a budget difference needs a reason (default 10). */
  threshold?: number;
}

export const DEFAULT_REASON_THRESHOLD = 10;

/** [fact base, reason key, subject] for changes against last year. */
const CHANGES: [string, string, string][] = [
  ['total.income', 'reason.total', '收入总计'],
  ['total.expenditure', 'reason.total', '支出总计'],
  ['fiscal.grandTotal', 'reason.fiscal', '财政拨款收、支总计'],
  ['fiscal.income', 'reason.fiscal', '财政拨款收入'],
  ['fiscal.expenditure', 'reason.fiscal', '财政拨款支出'],
  ['general.total', 'reason.general', '一般公共预算财政拨款支出'],
  ['threePublic.total', 'reason.threePublicChange', '“三公”经费'],
  ['threePublic.abroad', 'reason.abroad', '因公出国（境）费'],
  ['threePublic.vehicle', 'reason.vehicle', '公务用车购置及运行维护费'],
  ['threePublic.vehicleRunning', 'reason.vehicleRunning', '公务用车运行维护费'],
  ['threePublic.reception', 'reason.reception', '公务接待费'],
  ['running.amount', 'reason.running', '机关运行经费'],
  ['fund.expenditure', 'reason.fund', '政府性基金预算财政拨款支出'],
  ['capital.expenditure', 'reason.capital', '国有资本经营预算财政拨款支出'],
];

/** [fact base, reason key, subject] for differences from budget. */
function budgetLines(f: NarrativeFacts): [string, string, string][] {
  const name = (code: string) => `${code} ${f.names[code] ?? ''}`.trim();
  return [
    ['general.total', 'reason.generalBudget', '一般公共预算财政拨款支出'],
    ['threePublic.total', 'reason.threePublicBudget', '“三公”经费'],
    ...f.lists.generalItems.map((c): [string, string, string] => [`general.item.${c}`, `itemReason.${c}`, name(c)]),
    ...f.lists.fundItems.map((c): [string, string, string] => [`fund.item.${c}`, `fundReason.${c}`, name(c)]),
    ...f.lists.capitalItems.map((c): [string, string, string] => [`capital.item.${c}`, `capitalReason.${c}`, name(c)]),
  ];
}

/** |a − b| ≥ threshold % of b, exactly (integer 分, threshold with up to 2 decimals). */
function atLeast(diff: number, base: number, threshold: number): boolean {
  return BigInt(Math.abs(diff)) * 10000n >= BigInt(Math.round(threshold * 100)) * BigInt(Math.abs(base));
}

export function reasonsOwed(f: NarrativeFacts, opts: ReasonOptions = {}): OwedReason[] {
  const threshold = opts.threshold ?? DEFAULT_REASON_THRESHOLD;
  const out = new Map<string, OwedReason>();
  const given = (key: string) => {
    const v = f.supplement.values.get(key);
    return !!v?.text && normaliseUserText(v.text) !== '';
  };
  const label = (key: string, subject: string, what: string) => FIELD_BY_KEY.get(key)?.label ?? `${subject}${what}`;
  const w = (fen: number) => `${formatWanyuan(fen)}万元`;
  for (const [base, key, subject] of CHANGES) {
    if (out.has(key) || given(key)) continue;
    const change = f.facts[`${base}.change`];
    const last = f.facts[`${base}.last`];
    const now = f.facts[base];
    if (!change || !last || !now || change.direction === 'flat') continue;
    const lastFen = last.fen ?? 0;
    const d = change.fen ?? 0;
    let why: string | undefined;
    if (lastFen === 0) why = `${subject}上年为0，本年${w(now.fen ?? 0)}`;
    else if (atLeast(d, lastFen, threshold)) {
      const p = f.facts[`${base}.changePct`]?.percent;
      const pct = p ? formatPercent(p) : undefined;
      why = `${subject}比上年${d > 0 ? '增加' : '减少'}${w(Math.abs(d))}${pct ? `，${d > 0 ? '增长' : '下降'}${pct}%` : ''}`;
    }
    if (why) out.set(key, { key, label: label(key, subject, '变动的主要原因'), why, cells: change.cells });
  }
  for (const [base, key, subject] of budgetLines(f)) {
    if (out.has(key) || given(key)) continue;
    const now = f.facts[base];
    const budget = f.facts[`${base}.budget`];
    if (!now || !budget) continue;
    const a = now.fen ?? 0;
    const b = budget.fen ?? 0;
    if (a === b) continue;
    let why: string | undefined;
    if (b === 0) why = `${subject}年初未安排预算，决算${w(a)}`;
    else if (atLeast(a - b, b, threshold)) {
      const p = f.facts[`${base}.completion`]?.percent;
      const pct = p ? formatPercent(p) : undefined;
      why = `${subject}决算${w(a)}，预算${w(b)}${pct ? `，完成预算的${pct}%` : ''}`;
    }
    if (why) out.set(key, { key, label: label(key, subject, '决算数与预算数差异的主要原因'), why, cells: [...now.cells, ...budget.cells] });
  }
  return [...out.values()];
}

/** The list as printed by `init` / `generate`. */
export function reasonsOwedText(owed: OwedReason[], threshold = DEFAULT_REASON_THRESHOLD): string {
  const lines = [`还需填写 ${owed.length} 条原因（比上年或比预算变动${threshold}%以上、或从0变为非0的项目），请在补充信息中填写：`];
  for (const o of owed) lines.push(`  · ${o.label}：${o.why}`);
  return lines.join('\n');
}
