/**
 * Checking claims against the facts (narrative/facts.ts: the same figures the generated narrative states,
 * with their cells) and against each other. Every claim ends up ok, within rounding, mismatched (a finding
 * of 错误 or 警告), checked only against other numbers of the text, or 未核对 with the reason.
 *
 * Tolerance: a published amount is rounded to 0.01 万元, so it stands for ±0.005 万元; a percentage is
 * accepted when it lies in the range the rounded amounts allow (at the precision it is written with).
 */
import { Fen, formatWanyuan, percent, roundFenTo, decimalToFen, FEN_PER_WANYUAN } from '../money/money';
import { HALF_HUNDREDTH_WANYUAN, hundredthsPlainText, percentHundredths, percentWithin, suggestedPercentText } from '../money/rounding';
import { Fact, Gap, NarrativeFacts } from '../narrative/facts';
import { Finding } from '../rules/types';
import { Claim, isComparisonYear } from './claims';
import { DENOMINATOR_SUSPECTS } from './vocabulary';
import { findTokens } from './tokens';
import { Sentence } from './text';

export type ClaimStatus = 'ok' | 'rounding' | 'mismatch' | 'text' | 'unplaced';

/** A Finding (rules/types.ts) about a sentence: `cells` are the table and 补充信息 cells it contradicts. */
export interface NarrativeFinding extends Finding {
  /** Where the sentence is ("第27行", "第12段", "说明!A12"). */
  where: string;
  /** The fragment of the sentence, as written. */
  quote: string;
  /** Ids of the claims the finding is about. */
  claims: number[];
}

export interface ClaimVerdict {
  status: ClaimStatus;
  /** What the figure was compared with. */
  basis?: 'table' | 'supplement' | 'text';
  /** 未核对: why. */
  reason?: string;
  expected?: string;
}

const HALF = HALF_HUNDREDTH_WANYUAN; // 0.005 万元 in 分

export class Checker {
  readonly findings: NarrativeFinding[] = [];
  readonly verdicts = new Map<number, ClaimVerdict>();
  /** Section|quantity → the accepted alternative the text's figure turned out to mean. */
  private readonly remap = new Map<string, string>();

  constructor(
    private readonly facts: NarrativeFacts,
    private readonly claims: Claim[],
    private readonly year: number | undefined,
  ) {}

  // ---------------------------------------------------------------- helpers
  private F(key: string | undefined): Fact | undefined {
    return key ? this.facts.facts[key] : undefined;
  }

  private G(key: string | undefined): Gap | undefined {
    return key ? this.facts.gaps[key] : undefined;
  }

  private label(key: string): string {
    const f = this.F(key);
    if (f) return f.label;
    return key;
  }

  private basisOf(f: Fact): 'table' | 'supplement' {
    return f.cells.some((c) => c.startsWith('补充信息')) && !f.cells.some((c) => !c.startsWith('补充信息')) ? 'supplement' : 'table';
  }

  quote(c: Claim): string {
    return c.sentence.text.slice(c.from, c.to).trim();
  }

  private find(c: Claim | Claim[], f: Omit<NarrativeFinding, 'where' | 'quote' | 'claims'> & { quote?: string }): void {
    const list = Array.isArray(c) ? c : [c];
    const first = list[0];
    this.findings.push({ where: first.sentence.where, quote: f.quote ?? this.quote(first), claims: list.map((x) => x.id), ...f, cells: uniq(f.cells) });
  }

  private set(c: Claim, v: ClaimVerdict): void {
    const old = this.verdicts.get(c.id);
    if (old && old.status === 'mismatch' && v.status !== 'mismatch') return;
    this.verdicts.set(c.id, v);
  }

  private unplaced(c: Claim, reason: string): void {
    if (!this.verdicts.has(c.id)) this.verdicts.set(c.id, { status: 'unplaced', reason });
  }

  private written(c: Claim): string {
    const t = c.token;
    return t ? `${t.numText}${t.unit}` : this.quote(c);
  }

  // ---------------------------------------------------------------- entry
  run(): void {
    for (const c of this.claims) {
      if (c.kind !== 'amount' && c.kind !== 'budget' && c.subject) {
        c.subject = this.remap.get(`${c.section.where}|${c.subject}`) ?? c.subject;
        // 收入总计 = 支出总计: the change of either is the change of the 总计.
        if ((c.kind === 'change' || c.kind === 'changeRate' || c.kind === 'flat') && CHANGE_ALIAS[c.subject]) c.subject = CHANGE_ALIAS[c.subject];
      }
      switch (c.kind) {
        case 'amount':
        case 'budget':
          this.checkAmount(c);
          break;
        case 'count':
          this.checkCount(c);
          break;
        case 'share':
          this.checkShare(c);
          break;
        case 'completion':
          this.checkCompletion(c);
          break;
        case 'change':
          this.checkChange(c);
          break;
        case 'changeRate':
          this.checkChangeRate(c);
          break;
        case 'flat':
          this.checkFlat(c);
          break;
        case 'percent':
          this.unplaced(c, '无法确定这个百分比说的是什么（不是“占…%”“完成预算…%”或增减幅度）。');
          break;
      }
    }
    this.checkYearLabels();
    this.checkUnits();
    this.checkSideBySideTotals();
    this.checkLists();
    this.checkClassItems();
    this.checkReasons();
    this.checkPathNames();
  }

  // ---------------------------------------------------------------- amounts
  private checkAmount(c: Claim): void {
    if (!c.subject) {
      this.unplaced(c, c.path?.problem ? `${c.path.problem}。` : `无法确定“${c.subjectText || this.quote(c)}”说的是哪一项数字。`);
      return;
    }
    const f = this.F(c.subject);
    if (!f || f.fen === undefined) {
      const gap = this.G(c.subject);
      if (!gap && c.subject.startsWith('general.item.')) {
        this.find(c, {
          rule: 'A-科目不在表中',
          severity: '警告',
          message: `文中“${this.quote(c)}”所说的科目 ${c.subject.slice(13)} 在一般公共预算财政拨款支出决算表中没有（或为0），请核对科目或删去这句。`,
          cells: this.facts.facts['general.total']?.cells ?? [],
          actual: this.written(c),
        });
        this.set(c, { status: 'mismatch', basis: 'table' });
        return;
      }
      this.unplaced(c, gap?.message ?? `表中和补充信息中都没有“${c.subjectText || c.subject}”的数字。`);
      return;
    }
    const text = c.fen!;
    const expectedText = formatWanyuan(f.fen);
    if (text === f.fen) {
      this.set(c, { status: 'ok', basis: this.basisOf(f), expected: expectedText });
      return;
    }
    const alt = c.accept.find((k) => this.F(k)?.fen === text);
    if (alt) {
      // The wording may mean either; the figure says which. Later changes and shares follow it.
      this.remap.set(`${c.section.where}|${c.subject}`, alt);
      c.subject = alt;
      this.set(c, { status: 'ok', basis: this.basisOf(f), expected: expectedText });
      return;
    }
    const t = c.token!;
    if (t.unit === '元' && decimalToFen(t.value, 'wanyuan').fen === f.fen) {
      this.find(c, {
        rule: 'A-单位',
        severity: '错误',
        message: `文中“${this.quote(c)}”单位写成了“元”：${f.label}为 ${expectedText} 万元，应写作“${expectedText}万元”。`,
        cells: f.cells,
        expected: `${expectedText}万元`,
        actual: this.written(c),
      });
      this.set(c, { status: 'mismatch', basis: this.basisOf(f), expected: expectedText });
      return;
    }
    if (t.decimals < 2 && t.unit !== '元' && roundFenTo(f.fen, FEN_PER_WANYUAN / 10 ** t.decimals) === text) {
      this.find(c, {
        rule: 'A-精度',
        severity: '提示',
        message: `文中“${this.quote(c)}”少写了小数：${f.label}为 ${expectedText} 万元，金额应保留两位小数，写作“${expectedText}万元”。`,
        cells: f.cells,
        expected: `${expectedText}万元`,
        actual: this.written(c),
      });
      this.set(c, { status: 'rounding', basis: this.basisOf(f), expected: expectedText });
      return;
    }
    // Wrong. Is it another figure of the tables?
    const same = this.sameValue(text, c.subject);
    const grandPair = GRAND_TOTAL_PAIRS[c.subject];
    if (grandPair && this.F(grandPair)?.fen === text) {
      const pf = this.F(grandPair)!;
      const gap = f.fen - text;
      this.find(c, {
        rule: 'A-总计为合计',
        severity: '错误',
        message:
          `文中“${this.quote(c)}”把${pf.label}（${formatWanyuan(pf.fen!)}万元）当成了${f.label}：${f.label}应为 ${expectedText} 万元` +
          `（${f.cells.join('、')}），两者相差 ${formatWanyuan(Math.abs(gap))} 万元（年初结转和结余等）。依此计算的占比也要按正确的数改。`,
        cells: [...f.cells, ...pf.cells],
        expected: `${expectedText}万元`,
        actual: this.written(c),
      });
      this.set(c, { status: 'mismatch', basis: this.basisOf(f), expected: expectedText });
      return;
    }
    const hint = same ? `；文中的数与${same.label}（${formatWanyuan(same.fen!)}万元，${same.cells.join('、')}）相同，可能写错了项目` : '';
    this.find(c, {
      rule: c.kind === 'budget' ? 'A-预算数不符' : 'A-金额不符',
      severity: '错误',
      message: `文中“${this.quote(c)}”与${f.cells.some((x) => x.startsWith('补充信息')) ? '补充信息' : '表'}不符：${f.label}应为 ${expectedText} 万元（${f.cells.join('、')}），应写作“${expectedText}万元”${hint}。`,
      cells: [...f.cells, ...(same?.cells ?? [])],
      expected: `${expectedText}万元`,
      actual: this.written(c),
    });
    this.set(c, { status: 'mismatch', basis: this.basisOf(f), expected: expectedText });
  }

  /** Another money fact with exactly this value (to explain a wrong figure). */
  private sameValue(fen: Fen, except: string): Fact | undefined {
    if (fen === 0) return undefined;
    const all = Object.values(this.facts.facts).filter(
      (f) => f.kind === 'money' && f.fen === fen && f.key !== except && !/\.(last|change|budget|itemSum)$/.test(f.key) && !f.key.startsWith('basic.economic'),
    );
    const rank = (k: string) => (k.startsWith('total.') || k.startsWith('income.') || k.startsWith('expenditure.') ? 0 : k.startsWith('fiscal.') || k.startsWith('general.') ? 1 : 2);
    return all.sort((a, b) => rank(a.key) - rank(b.key))[0];
  }

  private checkCount(c: Claim): void {
    if (!c.subject) {
      this.unplaced(c, `无法确定“${this.quote(c)}”数的是什么。`);
      return;
    }
    const f = this.F(c.subject);
    if (!f || f.number === undefined) {
      this.unplaced(c, this.G(c.subject)?.message ?? `补充信息中没有“${c.subject}”。`);
      return;
    }
    if (f.number === c.number) {
      this.set(c, { status: 'ok', basis: 'supplement', expected: String(f.number) });
      return;
    }
    this.find(c, {
      rule: 'A-数量不符',
      severity: '错误',
      message: `文中“${this.quote(c)}”与补充信息不符：${f.label}为 ${f.number}（${f.cells.join('、')}），应写作“${f.number}${c.token!.unit}”。`,
      cells: f.cells,
      expected: `${f.number}${c.token!.unit}`,
      actual: this.written(c),
    });
    this.set(c, { status: 'mismatch', basis: 'supplement', expected: String(f.number) });
  }

  // ---------------------------------------------------------------- shares
  private checkShare(c: Claim): void {
    const base = c.subject;
    if (!base) {
      this.unplaced(c, '无法确定这个占比是哪一项的占比。');
      return;
    }
    const shareFact = this.F(`${base}.share`);
    let denKey = c.denominator ?? shareFact?.from[1];
    if (c.denominatorText && !c.denominator) {
      this.unplaced(c, `无法识别占比的分母“${c.denominatorText}”。`);
      return;
    }
    if (!denKey) denKey = DEFAULT_DENOMINATOR(base);
    const baseFact = this.F(base);
    const denFact = this.F(denKey);
    let a = baseFact?.fen;
    let b = denFact?.fen;
    let basis: ClaimVerdict['basis'] = baseFact && denFact ? this.basisOf(baseFact) : 'text';
    if (a === undefined && c.of?.fen !== undefined) a = c.of.fen;
    if (b === undefined && denKey) b = this.textValue(denKey, c);
    if (a === undefined || b === undefined || !denKey) {
      const gap = this.G(base) ?? this.G(denKey);
      this.unplaced(c, gap?.message ?? `缺少计算“${c.subjectText}”占比所需的数字。`);
      return;
    }
    if (!(baseFact && denFact)) basis = 'text';
    if (b === 0) {
      this.unplaced(c, `${denFact?.label ?? '分母'}为0，无法计算占比。`);
      return;
    }
    const p = c.percent!;
    const exact = percent(a, b, 2)!;
    const cells = [...(baseFact?.cells ?? []), ...(denFact?.cells ?? [])];
    const denLabel = denFact?.label ?? this.label(denKey);
    const suggestion = pctText(exact.scaled, a, b);
    if (atHundredths(p) === exact.scaled) {
      this.set(c, { status: basis === 'text' ? 'text' : 'ok', basis, expected: suggestion });
      return;
    }
    const within = inRange(a, HALF, b, HALF, p);
    if (within) {
      if (p.scale >= 2) {
        this.set(c, { status: basis === 'text' ? 'text' : 'rounding', basis, expected: suggestion });
        return;
      }
      // Written with fewer decimals: right at its own precision, but shares carry two decimals.
      const rel = Math.abs(Number(atHundredths(p) - exact.scaled)) / Math.max(1, Math.abs(Number(exact.scaled)));
      this.find(c, {
        rule: 'A-占比精度',
        severity: rel > 0.05 ? '警告' : '提示',
        message: `文中“${this.quote(c)}”只保留了${p.scale === 0 ? '整数' : `${p.scale}位小数`}：${formatWanyuan(a)} ÷ ${denLabel} ${formatWanyuan(b)} = ${exact.text}%，占比应保留两位小数，写作“占${suggestion}%”。`,
        cells,
        expected: `${suggestion}%`,
        actual: this.written(c),
      });
      this.set(c, { status: 'rounding', basis, expected: suggestion });
      return;
    }
    // Wrong: on another denominator? the completion rate? the text's own (wrong) amount?
    for (const k of [...DENOMINATOR_SUSPECTS, ...(c.parent?.subject ? [c.parent.subject] : [])]) {
      if (k === denKey) continue;
      const alt = this.F(k);
      if (!alt?.fen || alt.fen === b) continue;
      if (inRange(a, HALF, alt.fen, HALF, p)) {
        this.find(c, {
          rule: 'A-占比分母',
          severity: '错误',
          message: `文中“${this.quote(c)}”的占比是按${alt.label}（${formatWanyuan(alt.fen)}万元）计算的；占比应以${denLabel}（${formatWanyuan(b)}万元）为分母：${formatWanyuan(a)} ÷ ${formatWanyuan(b)} = ${exact.text}%，应写作“占${suggestion}%”。`,
          cells: [...cells, ...alt.cells],
          expected: `${suggestion}%`,
          actual: this.written(c),
        });
        this.set(c, { status: 'mismatch', basis, expected: suggestion });
        return;
      }
    }
    const comp = this.F(`${base}.completion`);
    const budget = this.F(`${base}.budget`);
    if (comp && budget?.fen && inRange(a, HALF, budget.fen, HALF, p)) {
      this.find(c, {
        rule: 'A-占比为完成率',
        severity: '错误',
        message: `文中“${this.quote(c)}”写的是完成预算的比例（${formatWanyuan(a)} ÷ 预算数 ${formatWanyuan(budget.fen)} = ${comp.percent?.text}%），不是占比：${baseFact?.label ?? ''}占${denLabel}的比重为 ${exact.text}%，应写作“占${suggestion}%”。`,
        cells: [...cells, ...budget.cells],
        expected: `${suggestion}%`,
        actual: this.written(c),
      });
      this.set(c, { status: 'mismatch', basis, expected: suggestion });
      return;
    }
    let note = '';
    if (c.of?.fen !== undefined && c.of.fen !== a && inRange(c.of.fen, HALF, b, HALF, p)) note = `（与文中写的金额 ${formatWanyuan(c.of.fen)} 万元相符，但该金额本身与表不符）`;
    const near = Math.abs(Number(atHundredths(p) - exact.scaled)) <= 1;
    const forced = near && this.sharesSumTo100(c) ? '；各项占比之和不必凑成100%，不要为此调整单项' : '';
    this.find(c, {
      rule: 'A-占比不符',
      severity: near ? '警告' : '错误',
      message: `文中“${this.quote(c)}”占比有误${note}：${formatWanyuan(a)} ÷ ${denLabel} ${formatWanyuan(b)} = ${exact.text}%，应写作“占${suggestion}%”${forced}。`,
      cells,
      expected: `${suggestion}%`,
      actual: this.written(c),
    });
    this.set(c, { status: 'mismatch', basis, expected: suggestion });
  }

  /**
   * A percentage within what the rounded figures allow. Written with two decimals (or exactly): accepted.
   * Written with fewer decimals and not equal to the two-decimal value: a precision finding.
   */
  private accepted(c: Claim, exact: { scaled: bigint; text: string }, suggestion: string, word: string, rule: string, basis: ClaimVerdict['basis'], how: string, cells: string[]): void {
    const p = c.percent!;
    if (atHundredths(p) === exact.scaled) {
      this.set(c, { status: basis === 'text' ? 'text' : 'ok', basis, expected: suggestion });
      return;
    }
    if (p.scale >= 2) {
      this.set(c, { status: basis === 'text' ? 'text' : 'rounding', basis, expected: suggestion });
      return;
    }
    const rel = Math.abs(Number(atHundredths(p) - exact.scaled)) / Math.max(1, Math.abs(Number(exact.scaled)));
    this.find(c, {
      rule,
      severity: rel > 0.05 ? '警告' : '提示',
      message: `文中“${this.quote(c)}”只保留了${p.scale === 0 ? '整数' : `${p.scale}位小数`}：${how} = ${exact.text}%，百分比应保留两位小数，写作“${word}${suggestion}%”。`,
      cells,
      expected: `${suggestion}%`,
      actual: this.written(c),
    });
    this.set(c, { status: basis === 'text' ? 'text' : 'rounding', basis, expected: suggestion });
  }

  /** The shares of the same sentence / paragraph list add up to exactly 100 (a sign of forcing). */
  private sharesSumTo100(c: Claim): boolean {
    const peers = this.claims.filter((x) => x.kind === 'share' && x.section.where === c.section.where && x.section.kind === c.section.kind && !x.denominatorText);
    if (peers.length < 2) return false;
    let sum = 0n;
    for (const x of peers) sum += atHundredths(x.percent!);
    return sum === 10000n;
  }

  /** A money value the text itself states for a subject (nearest before `c`). */
  private textValue(key: string, c: Claim): Fen | undefined {
    const before = this.claims.filter((x) => x.kind === 'amount' && x.subject === key && x.id < c.id);
    return before.length ? before[before.length - 1].fen : undefined;
  }

  // ---------------------------------------------------------------- completion
  private checkCompletion(c: Claim): void {
    const base = c.subject;
    if (!base) {
      if (!this.completionFromText(c)) this.unplaced(c, '无法确定是哪一项完成预算的比例。');
      return;
    }
    const p = c.percent!;
    const comp = this.F(`${base}.completion`);
    const budget = this.F(`${base}.budget`);
    const actual = this.F(base);
    const gap = this.G(`${base}.completion`);
    this.checkBudgetWording(c, comp?.percent ? BigInt(comp.percent.hundredths) : atHundredths(p));
    if (comp && budget?.fen && actual?.fen !== undefined) {
      const exact = percent(actual.fen, budget.fen, 2)!;
      const suggestion = pctText(exact.scaled, actual.fen, budget.fen);
      if (atHundredths(p) === exact.scaled || inRange(actual.fen, HALF, budget.fen, HALF, p)) {
        this.accepted(c, exact, suggestion, '完成预算', 'A-完成率精度', this.basisOf(budget), `决算 ${formatWanyuan(actual.fen)} ÷ 预算 ${formatWanyuan(budget.fen)}`, [...actual.cells, ...budget.cells]);
        return;
      }
      const den = this.shareDenominator(base);
      const isShare = den?.fen && inRange(actual.fen, HALF, den.fen, HALF, p);
      const shareText = den?.fen ? percent(actual.fen, den.fen, 2)!.text : '';
      this.find(c, {
        rule: isShare ? 'A-完成率为占比' : 'A-完成率不符',
        severity: '错误',
        message: isShare
          ? `文中“${this.quote(c)}”写的是占${den!.label}的比重（${shareText}%），不是完成预算的比例：决算 ${formatWanyuan(actual.fen)} ÷ 预算 ${formatWanyuan(budget.fen)} = ${exact.text}%，应写作“完成预算${suggestion}%”。`
          : `文中“${this.quote(c)}”有误：决算 ${formatWanyuan(actual.fen)} ÷ 预算 ${formatWanyuan(budget.fen)} = ${exact.text}%，应写作“完成预算${suggestion}%”。`,
        cells: [...actual.cells, ...budget.cells],
        expected: `${suggestion}%`,
        actual: this.written(c),
      });
      this.set(c, { status: 'mismatch', basis: this.basisOf(budget), expected: suggestion });
      return;
    }
    if (gap?.why === 'zeroBase') {
      const b = this.F(`${base}.budget`);
      this.find(c, {
        rule: 'A-无预算',
        severity: '提示',
        message: `文中“${this.quote(c)}”：${this.label(base).replace(/决算数$/, '')}预算数为0${b ? `（${b.cells.join('、')}）` : ''}，没有可比的预算，不应写“完成预算${p.scale ? '' : ''}${this.written(c)}”，可写“年初未安排预算”。`,
        cells: b?.cells ?? [],
        actual: this.written(c),
      });
      this.set(c, { status: 'ok', basis: 'table' });
      return;
    }
    // No budget known: is it the share in disguise? Or a budget stated in the same sentence?
    const den = this.shareDenominator(base);
    if (actual?.fen !== undefined && den?.fen && atHundredths(p) !== 10000n && inRange(actual.fen, HALF, den.fen, HALF, p)) {
      this.find(c, {
        rule: 'A-完成率为占比',
        severity: '警告',
        message: `文中“${this.quote(c)}”与${actual.label}占${den.label}的比重（${percent(actual.fen, den.fen, 2)!.text}%）相同，像是把占比写成了完成预算的比例；完成预算的比例应为决算数 ÷ 预算数（补充信息中没有该项预算数，无法算出）。`,
        cells: [...actual.cells, ...den.cells],
        actual: this.written(c),
      });
      this.set(c, { status: 'mismatch', basis: 'table' });
      return;
    }
    if (this.completionFromText(c)) return;
    this.unplaced(c, gap?.message ?? this.G(`${base}.budget`)?.message ?? `没有“${this.label(base)}”的预算数。`);
  }

  /** A budget and an actual amount stated in the same sentence ("预算数4万元，执行数为4万元，完成预算的100%"). */
  private completionFromText(c: Claim): boolean {
    const p = c.percent!;
    const budgetClaim = this.claims.find((x) => x.kind === 'budget' && x.sentence === c.sentence && x.fen !== undefined && x.id < c.id);
    const actualClaim = c.of ?? this.claims.find((x) => x.kind === 'amount' && x.sentence === c.sentence && x.id < c.id);
    if (!budgetClaim?.fen || actualClaim?.fen === undefined) return false;
    if (inRange(actualClaim.fen, HALF, budgetClaim.fen, HALF, p)) {
      const exact = percent(actualClaim.fen, budgetClaim.fen, 2)!;
      this.accepted(c, exact, pctText(exact.scaled, actualClaim.fen, budgetClaim.fen), '完成预算', 'A-完成率精度', 'text', `${formatWanyuan(actualClaim.fen)} ÷ 预算 ${formatWanyuan(budgetClaim.fen)}`, []);
      this.set(c, { status: 'text', basis: 'text', reason: '只核对了与同句的预算数、决算（执行）数是否一致。' });
      this.textChecked(budgetClaim);
      this.textChecked(actualClaim);
      return true;
    }
    const exact = percent(actualClaim.fen, budgetClaim.fen, 2)!;
    const suggestion = pctText(exact.scaled, actualClaim.fen, budgetClaim.fen);
    this.find(c, {
      rule: 'A-完成率不符',
      severity: '错误',
      message: `文中“${this.quote(c)}”与同句的数字不符：${formatWanyuan(actualClaim.fen)} ÷ 预算 ${formatWanyuan(budgetClaim.fen)} = ${exact.text}%，应写作“完成预算${suggestion}%”。`,
      cells: [],
      expected: `${suggestion}%`,
      actual: this.written(c),
    });
    this.set(c, { status: 'mismatch', basis: 'text', expected: suggestion });
    return true;
  }

  /** The fact a quantity's share is taken of (its share fact's denominator, else the section's). */
  private shareDenominator(base: string): Fact | undefined {
    const share = this.F(`${base}.share`);
    return share ? this.F(share.from[1]) : this.F(DEFAULT_DENOMINATOR(base));
  }

  /** "决算数大于/小于预算数的原因" must agree with the completion rate. */
  private checkBudgetWording(c: Claim, hundredths: bigint): void {
    const n = c.sentence.norm;
    const more = /大于预算|超过预算|超预算/.test(n);
    const less = /小于预算|低于预算|未完成预算/.test(n);
    if ((more && hundredths < 10000n) || (less && hundredths > 10000n)) {
      this.find(c, {
        rule: 'A-预算差异方向',
        severity: '警告',
        message: `文中“${c.sentence.text.trim()}”前后矛盾：完成预算${hundredthsPlainText(hundredths)}%，决算数${hundredths < 10000n ? '小于' : '大于'}预算数，原因的表述却是“${more ? '大于' : '小于'}预算数”。`,
        cells: [],
        quote: c.sentence.text.trim(),
      });
    }
  }

  // ---------------------------------------------------------------- changes
  private checkChange(c: Claim): void {
    const base = c.subject;
    if (!base) {
      this.unplaced(c, '无法确定是哪一项与上年相比的增减。');
      return;
    }
    const ch = this.F(`${base}.change`);
    if (!ch || ch.fen === undefined) {
      const why = (!this.F(base) && this.G(base)?.message) || this.G(`${base}.change`)?.message;
      this.unplaced(c, why ?? `没有“${this.F(base) ? this.label(base) : c.subjectText || base}”的上年数。`);
      return;
    }
    const d = ch.fen;
    const expected = formatWanyuan(Math.abs(d));
    if (ch.direction === 'flat' || (d > 0 ? 'increase' : 'decrease') !== c.direction) {
      this.find(c, {
        rule: 'A-变动方向',
        severity: '错误',
        message:
          ch.direction === 'flat'
            ? `文中“${this.quote(c)}”与上年数不符：${this.label(base)}与上年持平（${ch.how}），应写“与上年持平”。`
            : `文中“${this.quote(c)}”增减方向写反了：${ch.how}，应写作“${d > 0 ? '增加' : '减少'}${expected}万元”。`,
        cells: ch.cells,
        expected: ch.direction === 'flat' ? '持平' : `${d > 0 ? '增加' : '减少'}${expected}万元`,
        actual: this.written(c),
      });
      this.set(c, { status: 'mismatch', basis: 'supplement', expected });
      return;
    }
    if (Math.abs(d) === c.fen) {
      this.set(c, { status: 'ok', basis: 'supplement', expected });
      return;
    }
    this.find(c, {
      rule: 'A-变动不符',
      severity: '错误',
      message: `文中“${this.quote(c)}”与上年比较的增减额不符：${ch.how}，应写作“${d > 0 ? '增加' : '减少'}${expected}万元”。`,
      cells: ch.cells,
      expected: `${expected}万元`,
      actual: this.written(c),
    });
    this.set(c, { status: 'mismatch', basis: 'supplement', expected });
  }

  private checkChangeRate(c: Claim): void {
    const base = c.subject;
    const p = c.percent!;
    if (c.pair && c.pair.direction !== c.direction) {
      this.find([c.pair, c], {
        rule: 'A-变动方向',
        severity: '错误',
        message: `文中“${c.sentence.text.slice(c.pair.from, c.to).trim()}”前后矛盾：增减额写的是“${c.pair.direction === 'increase' ? '增加' : '减少'}”，幅度写的是“${c.direction === 'increase' ? '增长' : '下降'}”。`,
        cells: [],
        quote: c.sentence.text.slice(c.pair.from, c.to).trim(),
      });
    }
    if (!base) {
      this.unplaced(c, '无法确定是哪一项的增减幅度。');
      return;
    }
    const pct = this.F(`${base}.changePct`);
    const ch = this.F(`${base}.change`);
    const last = this.F(`${base}.last`);
    const cur = this.F(base);
    if (pct && ch?.fen !== undefined && last?.fen && cur?.fen !== undefined) {
      const d = Math.abs(ch.fen);
      const exact = percent(d, last.fen, 2)!;
      const suggestion = pctText(exact.scaled, d, last.fen);
      const dirWord = ch.fen > 0 ? '增长' : '下降';
      if ((ch.fen > 0 ? 'increase' : 'decrease') !== c.direction) {
        this.find(c, {
          rule: 'A-变动方向',
          severity: '错误',
          message: `文中“${this.quote(c)}”增减方向写反了：${ch.how}，应写作“${dirWord}${suggestion}%”。`,
          cells: ch.cells,
          expected: `${dirWord}${suggestion}%`,
          actual: this.written(c),
        });
        this.set(c, { status: 'mismatch', basis: 'supplement', expected: suggestion });
        return;
      }
      if (atHundredths(p) === exact.scaled || inRange(d, 2 * HALF, last.fen, HALF, p)) {
        this.accepted(c, exact, suggestion, dirWord, 'A-变动率精度', 'supplement', `${formatWanyuan(d)} ÷ 上年 ${formatWanyuan(last.fen)}`, ch.cells);
        return;
      }
      const onCurrent = cur.fen > 0 && inRange(d, 2 * HALF, cur.fen, HALF, p);
      this.find(c, {
        rule: onCurrent ? 'A-变动率分母' : 'A-变动率不符',
        severity: '错误',
        message: onCurrent
          ? `文中“${this.quote(c)}”的幅度是用本年数作分母算的；增减幅度应以上年数为分母：${formatWanyuan(d)} ÷ 上年 ${formatWanyuan(last.fen)} = ${exact.text}%，应写作“${dirWord}${suggestion}%”。`
          : `文中“${this.quote(c)}”增减幅度有误：${formatWanyuan(d)} ÷ 上年 ${formatWanyuan(last.fen)} = ${exact.text}%，应写作“${dirWord}${suggestion}%”。`,
        cells: [...ch.cells],
        expected: `${dirWord}${suggestion}%`,
        actual: this.written(c),
      });
      this.set(c, { status: 'mismatch', basis: 'supplement', expected: suggestion });
      return;
    }
    const gap = this.G(`${base}.changePct`);
    if (gap?.why === 'zeroBase' && last && last.fen === 0) {
      this.find(c, {
        rule: 'A-变动率',
        severity: '提示',
        message: `文中“${this.quote(c)}”：上年数为0（${last.cells.join('、')}），不计算增减幅度，应删去“${this.written(c)}”。`,
        cells: last.cells,
        actual: this.written(c),
      });
      this.set(c, { status: 'ok', basis: 'supplement' });
      return;
    }
    // No last-year figure: check the rate against the change and the current amount the text gives.
    const changeFen = c.pair?.fen;
    // The text's own current figure first: the rate is checked against the numbers the text gives.
    const currentFen = this.textValue(base, c) ?? cur?.fen;
    if (changeFen !== undefined && currentFen !== undefined && c.pair) {
      const lastFen = c.pair.direction === 'increase' ? currentFen - changeFen : currentFen + changeFen;
      if (lastFen > 0) {
        const exact = percent(changeFen, lastFen, 2)!;
        const suggestion = pctText(exact.scaled, changeFen, lastFen);
        const dirWord = c.pair.direction === 'increase' ? '增长' : '下降';
        if (atHundredths(p) === exact.scaled || inRange(changeFen, 2 * HALF, lastFen, 2 * HALF, p)) {
          this.accepted(c, exact, suggestion, dirWord, 'A-变动率精度', 'text', `${formatWanyuan(changeFen)} ÷ 上年 ${formatWanyuan(lastFen)}`, cur?.cells ?? []);
          this.set(c, { status: 'text', basis: 'text', reason: '补充信息中没有上年数，只核对了增减幅度与增减额、本年数是否一致。', expected: suggestion });
          return;
        }
        const onCurrent = inRange(changeFen, 2 * HALF, currentFen, HALF, p);
        const cells = cur?.cells ?? [];
        this.find(c, {
          rule: onCurrent ? 'A-变动率分母' : 'A-变动率不符',
          severity: '错误',
          quote: c.sentence.text.slice(c.pair.sentence === c.sentence ? c.pair.from : c.from, c.to).trim(),
          message: onCurrent
            ? `文中“${this.quote(c)}”的幅度是用本年数（${formatWanyuan(currentFen)}万元）作分母算的；增减幅度应以上年数为分母：上年 = ${formatWanyuan(currentFen)} ${c.pair.direction === 'increase' ? '−' : '+'} ${formatWanyuan(changeFen)} = ${formatWanyuan(lastFen)} 万元，${formatWanyuan(changeFen)} ÷ ${formatWanyuan(lastFen)} = ${exact.text}%，应写作“${dirWord}${suggestion}%”。`
            : `文中“${this.quote(c)}”与同段的增减额不符：上年 = ${formatWanyuan(currentFen)} ${c.pair.direction === 'increase' ? '−' : '+'} ${formatWanyuan(changeFen)} = ${formatWanyuan(lastFen)} 万元，${formatWanyuan(changeFen)} ÷ ${formatWanyuan(lastFen)} = ${exact.text}%，应写作“${dirWord}${suggestion}%”。`,
          cells,
          expected: `${dirWord}${suggestion}%`,
          actual: this.written(c),
        });
        this.set(c, { status: 'mismatch', basis: 'text', expected: suggestion });
        return;
      }
    }
    const why = (!cur && this.G(base)?.message) || gap?.message || this.G(`${base}.change`)?.message;
    this.unplaced(c, why ?? `没有“${this.label(base)}”的上年数。`);
  }

  private checkFlat(c: Claim): void {
    if (!c.subject) {
      this.unplaced(c, '无法确定是哪一项与上年持平。');
      return;
    }
    const ch = this.F(`${c.subject}.change`);
    if (!ch || ch.fen === undefined) {
      this.unplaced(c, this.G(`${c.subject}.change`)?.message ?? `没有“${this.label(c.subject)}”的上年数。`);
      return;
    }
    if (ch.fen === 0) {
      this.set(c, { status: 'ok', basis: 'supplement' });
      return;
    }
    this.find(c, {
      rule: 'A-变动方向',
      severity: '错误',
      message: `文中“${this.quote(c)}”与上年数不符：${ch.how}，应写作“比上年${ch.fen > 0 ? '增加' : '减少'}${formatWanyuan(Math.abs(ch.fen))}万元”。`,
      cells: ch.cells,
      expected: `${ch.fen > 0 ? '增加' : '减少'}${formatWanyuan(Math.abs(ch.fen))}万元`,
      actual: '持平',
    });
    this.set(c, { status: 'mismatch', basis: 'supplement' });
  }

  // ---------------------------------------------------------------- across claims
  /** "2020年支出决算数为…" in a 2021 说明; "与2019年相比" in a 2021 说明. */
  private checkYearLabels(): void {
    const Y = this.year;
    if (!Y) return;
    const seen = new Set<number>();
    for (const c of this.claims) {
      // Only figures placed on a quantity of this year's accounts carry a wrong year label.
      if (!c.subject || !(c.kind === 'amount' || c.kind === 'budget' || c.kind === 'share')) continue;
      if (!c.yearLabel || c.yearLabel.year === Y || seen.has(c.sentence.index * 1000 + c.yearLabel.from)) continue;
      seen.add(c.sentence.index * 1000 + c.yearLabel.from);
      const s = c.sentence;
      const fixed = s.text.slice(c.yearLabel.from, c.to).replace(String(c.yearLabel.year), String(Y)).trim();
      this.find(c, {
        rule: 'A-年度标签',
        severity: '警告',
        message: `文中“${s.text.slice(c.yearLabel.from, c.to).trim()}”的年度写成了${c.yearLabel.year}年，本说明是${Y}年度决算，应写作“${fixed}”。`,
        cells: this.facts.yearCells,
        quote: s.text.slice(c.yearLabel.from, c.to).trim(),
        expected: `${Y}年`,
        actual: `${c.yearLabel.year}年`,
      });
    }
    // Comparisons with a year other than the previous one.
    const sentences = new Map<number, Sentence>();
    for (const c of this.claims) if (c.kind === 'change' || c.kind === 'changeRate' || c.kind === 'flat') sentences.set(c.sentence.index, c.sentence);
    for (const s of sentences.values()) {
      for (const t of findTokens(s.norm)) {
        if (t.kind !== 'year' || !isComparisonYear(s.norm, t)) continue;
        const y = Number(t.numText);
        if (y === Y - 1) continue;
        const claim = this.claims.find((c) => c.sentence === s)!;
        this.find(claim, {
          rule: 'A-年度标签',
          severity: '警告',
          message: `文中“${s.text.slice(t.start, t.end + 4).trim()}”与${y}年比较，本说明是${Y}年度决算，应与${Y - 1}年比较（写作“与${Y - 1}年相比”）。`,
          cells: this.facts.yearCells,
          quote: s.text.slice(t.start, t.end).trim(),
          expected: `${Y - 1}年`,
          actual: `${y}年`,
        });
      }
    }
  }

  /** "0元" where 万元 is meant, and amounts written without any unit. */
  private checkUnits(): void {
    for (const c of this.claims) {
      const t = c.token;
      if (!t || (c.kind !== 'amount' && c.kind !== 'budget' && c.kind !== 'change')) continue;
      const v = this.verdicts.get(c.id);
      if (v?.status === 'mismatch') continue;
      if (t.unit === '元' && (c.fen === 0 || v?.status === 'ok')) {
        this.find(c, {
          rule: 'A-单位',
          severity: '提示',
          message: `文中“${this.quote(c)}”的单位写成了“元”，本说明金额单位为万元，应写作“${t.numText}万元”。`,
          cells: [],
          expected: `${t.numText}万元`,
          actual: this.written(c),
        });
      } else if (t.unit === '') {
        this.find(c, {
          rule: 'A-单位',
          severity: '提示',
          message: `文中“${this.quote(c)}”缺少单位，应写作“${t.numText}万元”。`,
          cells: this.F(c.subject)?.cells ?? [],
          expected: `${t.numText}万元`,
          actual: t.numText,
        });
      }
    }
  }

  /** "收入总计746.99万元、支出总计839.19万元": the two 总计 are equal by construction. */
  private checkSideBySideTotals(): void {
    const pairs: [string, string, string][] = [
      ['total.income', 'total.expenditure', '收入总计与支出总计'],
      ['fiscal.grandTotal', 'fiscal.expenditureGrandTotal', '财政拨款收入总计与支出总计'],
    ];
    for (const [inc, exp, what] of pairs) {
      for (const a of this.claims) {
        if (a.kind !== 'amount' || a.subject !== inc || !/总计/.test(a.subjectText)) continue;
        const b = this.claims.find((x) => x.kind === 'amount' && x.subject === exp && x.sentence === a.sentence && /总计/.test(x.subjectText));
        if (!b || a.fen === b.fen) continue;
        const fi = this.F(inc);
        const fe = this.F(exp);
        this.find([a, b], {
          rule: 'A-收支总计不等',
          severity: '错误',
          quote: a.sentence.text.slice(a.from, b.to).trim(),
          message: `文中“${a.sentence.text.slice(a.from, b.to).trim()}”${what}不相等（${formatWanyuan(a.fen!)} ≠ ${formatWanyuan(b.fen!)}）；${what}必然相等${fi?.fen !== undefined ? `，表中均为 ${formatWanyuan(fi.fen)} 万元` : ''}。常见原因是把本年收入合计、本年支出合计当成了总计（漏了年初、年末结转和结余）。`,
          cells: [...(fi?.cells ?? []), ...(fe?.cells ?? [])],
          expected: fi?.fen !== undefined ? `${formatWanyuan(fi.fen)}万元` : undefined,
        });
      }
    }
  }

  /** "其中：" lists: a part larger than its total; parts that do not add up to the total. */
  private checkLists(): void {
    const parents = new Map<number, Claim[]>();
    for (const c of this.claims) if (c.parent) (parents.get(c.parent.id) ?? parents.set(c.parent.id, []).get(c.parent.id)!).push(c);
    for (const [pid, kids] of parents) {
      const p = this.claims[pid];
      const val = (x: Claim) => (x.kind === 'count' ? Math.round((x.number ?? 0) * 100) : x.fen ?? 0);
      const unit = p.kind === 'count' ? p.token!.unit : '万元';
      const fmt = (v: number) => (p.kind === 'count' ? String(v / 100) : formatWanyuan(v));
      const big = kids.find((k) => val(k) > val(p));
      if (big) {
        this.find(big, {
          rule: 'A-前后矛盾',
          severity: '错误',
          quote: p.sentence.text.slice(p.from, kids[kids.length - 1].to).trim(),
          message: `文中“${this.quote(big)}”大于它所属的“${this.quote(p)}”，前后矛盾：其中一项不能大于总额，请核对这两个数${kids.length > 1 ? `（所列各项合计 ${fmt(kids.reduce((s, k) => s + val(k), 0))}${unit}）` : ''}。`,
          cells: [...(this.F(p.subject)?.cells ?? []), ...(this.F(big.subject)?.cells ?? [])],
          actual: this.written(big),
        });
        this.set(big, { status: 'mismatch', basis: 'text' });
        continue;
      }
      if (kids.length < 2) {
        for (const k of [p, ...kids]) if (!this.verdicts.get(k.id) || this.verdicts.get(k.id)!.status === 'unplaced') this.textChecked(k);
        continue;
      }
      if ([p, ...kids].some((k) => this.verdicts.get(k.id)?.status === 'mismatch')) continue;
      const sum = kids.reduce((s, k) => s + val(k), 0);
      const bound = p.kind === 'count' ? 0 : HALF * (kids.length + 1);
      if (Math.abs(sum - val(p)) > bound) {
        this.find(p, {
          rule: 'A-其中之和',
          severity: '错误',
          quote: p.sentence.text.slice(p.from, kids[kids.length - 1].to).trim(),
          message: `文中“${this.quote(p)}”，其中所列各项合计 ${fmt(sum)}${unit}（${kids.map((k) => fmt(val(k))).join(' + ')}），与总数 ${fmt(val(p))}${unit} 不符，请核对。`,
          cells: [...(this.F(p.subject)?.cells ?? [])],
          expected: `${fmt(sum)}${unit}`,
          actual: this.written(p),
        });
        this.set(p, { status: 'mismatch', basis: 'text' });
      } else for (const k of [p, ...kids]) this.textChecked(k);
    }
  }

  private textChecked(c: Claim): void {
    const v = this.verdicts.get(c.id);
    if (v && v.status !== 'unplaced') return;
    this.verdicts.set(c.id, { status: 'text', basis: 'text', reason: `${v?.reason ?? ''}只核对了与同句其他数字是否一致。`.trim() });
  }

  /** A 类 amount in the structure paragraph ≠ the sum of its 项 in the detail paragraphs. */
  private checkClassItems(): void {
    const detail = this.claims.filter((c) => c.kind === 'amount' && c.subject?.startsWith('general.item.') && c.subjectVia === 'path');
    if (!detail.length) return;
    const byClass = new Map<string, Claim[]>();
    for (const d of detail) {
      const cls = d.subject!.slice('general.item.'.length, 'general.item.'.length + 3);
      (byClass.get(cls) ?? byClass.set(cls, []).get(cls)!).push(d);
    }
    for (const c of this.claims) {
      if (c.kind !== 'amount' || !c.subject?.startsWith('general.class.')) continue;
      const cls = c.subject.slice('general.class.'.length);
      const items = byClass.get(cls) ?? [];
      if (!items.length) continue;
      const sum = items.reduce((s, i) => s + (i.fen ?? 0), 0);
      if (Math.abs(sum - (c.fen ?? 0)) <= HALF * (items.length + 1)) continue;
      const f = this.F(c.subject);
      // The 类 agrees with the table: the detail paragraphs list only some of its 项 (said by A-缺项), or a
      // wrong 项 (said on the 项 itself).
      if (f?.fen !== undefined && f.fen === c.fen) continue;
      const itemSum = this.F(`${c.subject}.itemSum`);
      const tableText = f?.fen !== undefined ? `；表中该类为 ${formatWanyuan(f.fen)} 万元（${f.cells.join('、')}）` : '';
      const fix = f?.fen !== undefined ? f.fen : sum;
      this.find(c, {
        rule: 'A-类项不符',
        severity: '错误',
        message:
          `文中“${this.quote(c)}”与具体情况中该类各项之和不符：所列各项合计 ${formatWanyuan(sum)} 万元（` +
          items.map((i) => `${i.sentence.where} ${formatWanyuan(i.fen ?? 0)}`).join(' + ') +
          `）${tableText}，应写作“${formatWanyuan(fix)}万元”，并相应改正占比。`,
        cells: [...(f?.cells ?? []), ...(itemSum?.cells ?? [])],
        expected: `${formatWanyuan(fix)}万元`,
        actual: this.written(c),
      });
      this.set(c, { status: 'mismatch', basis: 'table', expected: formatWanyuan(fix) });
    }
    // 项 of table 5 that the detail paragraphs never mention.
    const mentioned = new Set(detail.map((d) => d.subject));
    const first = detail[0];
    const missing = this.facts.lists.generalItems.map((code) => ({ code, f: this.F(`general.item.${code}`) })).filter((x) => x.f?.fen && !mentioned.has(`general.item.${x.code}`));
    if (missing.length) {
      const list = missing.map((x) => `${x.code} ${this.facts.names[x.code] ?? ''}（${formatWanyuan(x.f!.fen!)}万元）`);
      this.find(first, {
        rule: 'A-缺项',
        severity: '提示',
        message: `一般公共预算财政拨款支出决算表中有${missing.length}个项级科目在具体情况中没有说明：${list.slice(0, 10).join('、')}${missing.length > 10 ? ' 等' : ''}。`,
        cells: missing.map((x) => x.f!.cells[0]),
        quote: first.section.title ?? this.quote(first),
      });
    }
  }

  /** "增加…，主要原因是…减少" — a reason that points the other way. */
  private checkReasons(): void {
    const UPW = /增加|增长|上升|提高|新增|增资|扩大/;
    const DOWNW = /减少|下降|降低|压减|缩减|节约|取消/;
    const done = new Set<number>();
    for (const c of this.claims) {
      if (c.kind !== 'change' || !c.direction || done.has(c.sentence.index)) continue;
      const s = c.sentence;
      const rest = s.norm.slice(c.to);
      const m = /(主要)?(变动)?原因(是|为|:)?/.exec(rest);
      if (!m) continue;
      const reason = rest.slice(m.index + m[0].length).replace(/增减/g, '');
      const up = UPW.test(reason);
      const down = DOWNW.test(reason);
      const contra = (c.direction === 'increase' && down && !up) || (c.direction === 'decrease' && up && !down);
      if (!contra) continue;
      done.add(s.index);
      this.find(c, {
        rule: 'A-原因方向',
        severity: '警告',
        quote: s.text.slice(c.from).trim(),
        message: `文中“${s.text.slice(c.from).trim()}”前后矛盾：数字是${c.direction === 'increase' ? '增加' : '减少'}，原因却说的是${c.direction === 'increase' ? '减少' : '增加'}，请改写原因。`,
        cells: this.F(`${c.subject}.change`)?.cells ?? [],
      });
    }
  }

  /** Names written in the 科目 path that are not the catalogue's. */
  private checkPathNames(): void {
    const seen = new Set<string>();
    for (const c of this.claims) {
      if (!c.path || seen.has(`${c.sentence.index}`)) continue;
      seen.add(`${c.sentence.index}`);
      for (const issue of c.path.nameIssues) {
        if (!issue.official) continue;
        this.find(c, {
          rule: 'A-科目名称',
          severity: '提示',
          quote: issue.written,
          message: `文中科目名称“${issue.written}”与${issue.code}的科目名称“${issue.official}”不一致，应写作“${issue.official}”。`,
          cells: this.F(`general.item.${issue.code}`)?.cells ?? this.F(`general.class.${issue.code}`)?.cells ?? [],
          expected: issue.official,
          actual: issue.written,
        });
      }
    }
  }
}

/** Quantities whose year-on-year change is stated under another key. */
const CHANGE_ALIAS: Record<string, string> = {
  'fiscal.expenditureGrandTotal': 'fiscal.grandTotal',
};

/** A 总计 and the 合计 it is confused with (§8: 本年收入合计 given as 总计). */
const GRAND_TOTAL_PAIRS: Record<string, string> = {
  'total.income': 'income.total',
  'total.expenditure': 'expenditure.total',
  'fiscal.grandTotal': 'fiscal.income',
  'fiscal.expenditureGrandTotal': 'fiscal.expenditure',
};

function DEFAULT_DENOMINATOR(base: string): string | undefined {
  if (base.startsWith('procurement.')) return 'procurement.total';
  if (base.startsWith('threePublic.')) return 'threePublic.total';
  if (base.startsWith('income.')) return 'income.total';
  if (base.startsWith('expenditure.')) return 'expenditure.total';
  if (base.startsWith('general.')) return 'general.total';
  return undefined;
}

/** The percentage helpers of money/rounding.ts, under the names this checker has always used. */
export const atHundredths = percentHundredths;
export const inRange = percentWithin;
const pctText = suggestedPercentText;

function uniq(cells: string[]): string[] {
  return [...new Set(cells.filter(Boolean))];
}

