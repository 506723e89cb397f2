/**
 * What both forms share: a paragraph builder whose runs keep their sources, and the clauses every section
 * uses — an amount, a share, a change against last year, a completion of budget, a reason — each of which
 * becomes a visible placeholder when its input is missing (never 0).
 */
import { FIELD_BY_KEY } from '../../supplement/fields';
import { Fact, NarrativeFacts } from '../facts';
import type { BaseKey, FactKey } from '../../model/quantities';
import { formatAmount, formatCount, formatPercent, normaliseUserText } from '../format';
import { NarrativeForm, NarrativeSection, Paragraph, Run, placeholderText } from '../types';

export class Para {
  readonly runs: Run[] = [];
  constructor(readonly key: string) {}

  t(text: string): this {
    if (!text) return this;
    const last = this.runs[this.runs.length - 1];
    if (last && last.kind === 'text') last.text += text;
    else this.runs.push({ kind: 'text', text });
    return this;
  }

  figure(f: Fact, text: string): this {
    this.runs.push({ kind: 'figure', text, fact: f.key, cells: f.cells });
    return this;
  }

  input(text: string, supplementKey: string, cell: string): this {
    this.runs.push({ kind: 'input', text, supplementKey, cells: [cell] });
    return this;
  }

  ph(label: string, supplementKey?: string): this {
    this.runs.push({ kind: 'placeholder', text: placeholderText(label), label, ...(supplementKey ? { supplementKey } : {}) });
    return this;
  }

  get text(): string {
    return this.runs.map((r) => r.text).join('');
  }

  build(): Paragraph {
    return { key: this.key, runs: this.runs };
  }
}

export type ChangeState = 'increase' | 'decrease' | 'flat' | 'unknown';
export type BudgetState = 'over' | 'under' | 'equal' | 'unknown';

/** The 补充信息 row label of a key (per-项 keys included: "2010301 行政运行 年初预算"). */
export function fieldLabel(key: string, names: Record<string, string> = {}): string {
  const f = FIELD_BY_KEY.get(key);
  if (f) return f.label.replace(/^其中：/, '');
  const l = /^(lastItem|lastClass|itemAdjustedBudget)\.(\d+)$/.exec(key);
  if (l) return `${l[2]} ${names[l[2]] ?? ''} ${l[1] === 'itemAdjustedBudget' ? '全年预算（调整后）' : '上年决算数'}`.replace(/\s+/g, ' ');
  const m = /^(item|fund|capital)(Budget|Reason|Use)\.(\d+)$/.exec(key);
  if (m) {
    const what = m[2] === 'Budget' ? '年初预算' : m[2] === 'Reason' ? '决算数与预算数差异的主要原因' : '主要用于';
    return `${m[3]} ${names[m[3]] ?? ''} ${what}`.replace(/\s+/g, ' ');
  }
  return key;
}

/** Section builder: heading, paragraphs, children. */
export function section(key: string, heading: string, level: 1 | 2, paragraphs: (Para | Paragraph)[] = [], children: NarrativeSection[] = []): NarrativeSection {
  return { key, heading, level, paragraphs: paragraphs.map((p) => (p instanceof Para ? p.build() : p)), children };
}

/** Chinese ordinal for headings: 1 → 一, 11 → 十一. */
export function cnNumber(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${d[n % 10]}`;
}

/** The template context: facts, the form, and the clause writers. */
export class Ctx {
  constructor(
    readonly f: NarrativeFacts,
    readonly form: NarrativeForm,
  ) {}

  fact(key: FactKey): Fact | undefined {
    return this.f.facts[key];
  }

  fen(key: FactKey): number | undefined {
    return this.f.facts[key]?.fen;
  }

  /** The 补充信息 key that would supply a missing fact, if the gap says so. */
  private needs(key: string): string | undefined {
    const g = this.f.gaps[key];
    return g?.why === 'input' ? g.needs[0] : undefined;
  }

  year(p: Para): Para {
    return this.f.year !== undefined ? p.t(String(this.f.year)) : p.ph('决算年度', 'year');
  }

  lastYear(p: Para): Para {
    return this.f.lastYear !== undefined ? p.t(String(this.f.lastYear)) : p.ph('上年年度');
  }

  /** The unit as named in running text. */
  unit(p: Para): Para {
    const sup = this.f.supplement.values.get('shortName') ?? this.f.supplement.values.get('unitName');
    if (sup?.text) return p.input(sup.text, sup.key, sup.cell);
    return this.f.displayName ? p.t(this.f.displayName) : p.ph('单位名称', 'unitName');
  }

  /** An amount (without "万元"); a placeholder named after the missing input when it is not known. */
  amount(p: Para, key: FactKey, label?: string): Para {
    const f = this.fact(key);
    if (f && f.fen !== undefined) return p.figure(f, formatAmount(f.fen));
    const need = this.needs(key);
    return p.ph(label ?? (need ? fieldLabel(need, this.f.names) : (this.f.gaps[key]?.message ?? key).replace(/。$/, '')), need);
  }

  /** A percentage (without "%"). */
  pct(p: Para, key: FactKey, label?: string): Para {
    const f = this.fact(key);
    if (f?.percent) return p.figure(f, formatPercent(f.percent));
    return p.ph(label ?? `${key}的百分比`, this.needs(key));
  }

  /** A count or score from 补充信息 (key = the 补充信息 key). */
  count(p: Para, key: FactKey, label?: string): Para {
    const f = this.fact(key);
    if (f && f.number !== undefined) return p.figure(f, formatCount(f.number));
    return p.ph(label ?? fieldLabel(key, this.f.names), key);
  }

  has(key: FactKey): boolean {
    return !!this.fact(key);
  }

  isZero(key: FactKey): boolean {
    return this.fact(key)?.fen === 0;
  }

  /** A 补充信息 text (a reason, a use, a name) or the placeholder `label`. */
  userText(p: Para, supKey: string, label: string): Para {
    const v = this.f.supplement.values.get(supKey);
    const text = v?.text !== undefined ? normaliseUserText(v.text) : '';
    if (v && text) return p.input(text, supKey, v.cell);
    return p.ph(label, supKey);
  }

  hasText(supKey: string): boolean {
    const v = this.f.supplement.values.get(supKey);
    return !!v?.text && normaliseUserText(v.text) !== '';
  }

  changeState(base: BaseKey): ChangeState {
    const c = this.fact(`${base}.change`);
    return (c?.direction as ChangeState | undefined) ?? 'unknown';
  }

  /**
   * The change against last year, after its subject: "增加53.69万元，增长6.80%", "减少6.73万元，下降18.15%",
   * "增加5.00万元" (last year 0: no percentage), "持平"; unknown → one placeholder for the whole clause.
   */
  change(p: Para, base: BaseKey, subject: string): Para {
    const c = this.fact(`${base}.change`);
    if (!c || !c.direction) {
      const lastKey = this.f.gaps[`${base}.change`]?.needs[0];
      const hint = lastKey ? `（或在补充信息中填写“${fieldLabel(lastKey, this.f.names)}”）` : '';
      return p.ph(`${subject}比上年的增减额和增减幅度${hint}`, lastKey);
    }
    if (c.direction === 'flat') return p.t('持平');
    p.t(c.direction === 'increase' ? '增加' : '减少').figure(c, formatAmount(Math.abs(c.fen ?? 0))).t('万元');
    const pc = this.fact(`${base}.changePct`);
    if (pc?.percent) p.t(c.direction === 'increase' ? '，增长' : '，下降').figure(pc, formatPercent(pc.percent)).t('%');
    return p;
  }

  /**
   * A 类 or 项 against last year, only when last year is known (从上年决算导入 or typed): "与2020年相比，增加
   * 11.90万元，增长11.11%。", "上年无此项。" (imported as such), "与2020年持平。"; nothing otherwise.
   */
  itemChange(p: Para, base: BaseKey, lastSupKey: string): Para {
    const c = this.fact(`${base}.change`);
    if (!c) return p;
    if (this.f.supplement.values.get(lastSupKey)?.note?.includes('上年无此项') && this.fact(`${base}.last`)?.fen === 0) return p.t('上年无此项。');
    if (c.direction === 'flat') {
      p.t('与');
      return this.lastYear(p).t('年持平。');
    }
    p.t('与');
    this.lastYear(p).t('年相比，');
    return this.change(p, base, '').t('。');
  }

  /** Both figures are known and equal (收入总计 = 支出总计). */
  sameTotals(a: FactKey, b: FactKey): boolean {
    const x = this.fen(a);
    return x !== undefined && x === this.fen(b);
  }

  /**
   * Two equal totals that change together: "收、支总计各增加X万元，增长Y%" / "收、支总计均持平" (the second's
   * change is the first's when its last-year figure is missing, as 收入总计 = 支出总计 every year); the two
   * changes stated apart when last year's totals differed.
   */
  bothChange(p: Para, a: BaseKey, b: BaseKey, subject: string): Para {
    const ca = this.fact(`${a}.change`);
    const cb = this.fact(`${b}.change`);
    if (ca && cb && ca.fen !== cb.fen) {
      p.t('收入总计');
      this.change(p, a, '收入总计').t('；支出总计');
      return this.change(p, b, '支出总计');
    }
    const base = ca || !cb ? a : b;
    if (this.changeState(base) === 'flat') return p.t(`${subject}均持平`);
    return this.change(p.t(`${subject}各`), base, subject);
  }

  /** "比2020年增加2.50万元，增长100%" or "与2020年持平". */
  changeAgainstLastYear(p: Para, base: BaseKey, subject: string, yearWord = '年'): Para {
    const state = this.changeState(base);
    if (state === 'flat') {
      p.t('与');
      this.lastYear(p);
      return p.t(`${yearWord}持平`);
    }
    p.t('比');
    this.lastYear(p);
    p.t(yearWord);
    return this.change(p, base, subject);
  }

  /** Word for a reason label: "增加的主要原因" / "减少的主要原因" / "变动的主要原因". */
  changeReasonLabel(base: BaseKey, subject: string): string {
    const s = this.changeState(base);
    return `${subject}${s === 'increase' ? '增加' : s === 'decrease' ? '减少' : '变动'}的主要原因`;
  }

  budgetState(base: BaseKey): BudgetState {
    const a = this.fact(base)?.fen;
    const b = this.fact(`${base}.budget`)?.fen;
    if (a === undefined || b === undefined) return 'unknown';
    return a > b ? 'over' : a < b ? 'under' : 'equal';
  }

  /** "决算数大于预算数" / "决算数小于预算数" / "决算数与预算数差异" for reason labels. */
  budgetWord(base: BaseKey): string {
    const s = this.budgetState(base);
    return s === 'over' ? '决算数大于预算数' : s === 'under' ? '决算数小于预算数' : '决算数与预算数差异';
  }

  /**
   * "完成预算100%" (四川) / "完成预算的42%" (上海, `of`); "年初未安排预算" when the budget is 0; a placeholder
   * when the budget is unknown.
   */
  completion(p: Para, base: BaseKey, opts: { of?: boolean; initial?: boolean } = {}): Para {
    const word = `完成${opts.initial ? '年初' : ''}预算${opts.of ? '的' : ''}`;
    const c = this.fact(`${base}.completion`);
    if (c?.percent) return p.t(word).figure(c, formatPercent(c.percent)).t('%');
    const g = this.f.gaps[`${base}.completion`];
    if (g?.why === 'zeroBase') return p.t('年初未安排预算');
    const need = g?.needs[0];
    const hint = need ? `（或在补充信息中填写“${fieldLabel(need, this.f.names)}”）` : '';
    return p.t(word).ph(`完成预算的百分比${hint}`, need).t('%');
  }
}
