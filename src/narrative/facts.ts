/**
 * Every figure the 决算说明 states, computed once, as data: its value, the cells it comes from and how it
 * was computed. The narrative templates only format these; a checker of hand-written narratives compares a
 * sentence's numbers with the same facts.
 *
 * Arithmetic (DOMAIN.md §5): amounts are exact 分 rounded to 0.01 万元 first (the figure as the table shows
 * it), then added or divided exactly; percentages go through money.percent (one rounding rule).
 *
 * KEYS (NarrativeFacts.facts). A key missing from `facts` is in `gaps` (or does not apply).
 *   Changes vs last year — for a base key B compared with a 补充信息 "last.*" value:
 *     B.last       last year's amount (from 补充信息)
 *     B.change     this year − last year, signed fen; `direction` increase | decrease | flat
 *     B.changePct  |change| ÷ last × 100, `direction` as above; absent when last year is 0 or flat
 *   Budget completion — for a base key B with a budget:
 *     B.budget     the budget (table 7 预算数, or 补充信息)
 *     B.completion B ÷ B.budget × 100 (gap 'zeroBase' when the budget is 0: say so, never divide)
 *   Shares — B.share = B ÷ the section's denominator × 100.
 *
 *   一 收入支出总计 (表1)       total.income, total.expenditure (+ changes: last.incomeGrandTotal,
 *                                 last.expenditureGrandTotal)
 *   二 收入 (表1, else 表2)     income.total (+ change: last.incomeTotal); income.<line> and income.<line>.share
 *                                 (÷ income.total) for line ∈ generalBudget governmentFund stateCapital
 *                                 superiorSubsidy business operating affiliated other; income.fiscal (+ .share) =
 *                                 the three 财政拨款 lines; income.useNonFiscalBalance, income.openingBalance
 *   三 支出 (表3 合计行, 表1)   expenditure.total (+ change: last.expenditureTotal); expenditure.<line>,
 *                                 expenditure.<line>.share (÷ expenditure.total) for line ∈ basic project remit
 *                                 operating subsidy; expenditure.class.<类>; expenditure.surplusDistribution,
 *                                 expenditure.closingBalance
 *   四 财政拨款 (表4)           fiscal.income (本年收入合计, + change: last.fiscalIncome), fiscal.expenditure
 *                                 (本年支出合计, + change: last.fiscalExpenditure), fiscal.grandTotal (收入总计, +
 *                                 change: last.fiscalGrandTotal), fiscal.expenditureGrandTotal, fiscal.opening,
 *                                 fiscal.closing, fiscal.income.<generalBudget|governmentFund|stateCapital>
 *   五 一般公共预算 (表5)       general.total (+ change: last.generalExpenditure), general.share (÷
 *                                 expenditure.total), general.total.budget / general.total.completion (补充信息
 *                                 budget.general), general.basic, general.project; per 类: general.class.<类>,
 *                                 .share (÷ general.total), .itemSum (Σ its 项); per 项: general.item.<项>,
 *                                 .basic, .project, .budget / .completion (补充信息 itemBudget.<项>)
 *   六 基本支出 (表5, 表6)      basic.total (= general.basic), basic.personnel (人员经费), basic.public (公用经费),
 *                                 basic.sum (= personnel + public); when 表6 has no 合计 lines, personnel and
 *                                 public are sums of its 类 (basic.economic.<301|302|303|310…>)
 *   七 "三公" (表7)             threePublic.<k> for k ∈ total abroad vehicle vehiclePurchase vehicleRunning
 *                                 reception, each with .budget / .completion, .share (÷ threePublic.total, not
 *                                 for total) and changes (last.threePublic, last.abroad, last.vehicle,
 *                                 last.vehiclePurchase, last.vehicleRunning, last.reception);
 *                                 reception.domestic.amount / reception.foreign.amount (补充信息, or derived
 *                                 from the 公务接待费 when the other one is given or the total is 0)
 *   八/九 基金, 国资 (表8/表9, else 表4)  fund.income, fund.expenditure, fund.opening, fund.closing;
 *                                 fund.item.<项> with .budget / .completion (补充信息 fundBudget.<项>); the same
 *                                 under capital.* (capitalBudget.<项>). flags.fundEmpty / capitalEmpty say
 *                                 "本年度没有…收入和支出".
 *   十 其他 (补充信息)          running.amount (+ change: last.runningCost); procurement.<total|goods|works|
 *                                 services|sme|small|reserved…>, and .share (÷ procurement.total) for goods
 *                                 works services sme small; counts and other values typed in 补充信息 keep their
 *                                 补充信息 key (trips.groups, vehicles.fleet, performance.targets, …).
 */
import { Accounts, CodedRow, Figure, TABLE_NAMES, TableId, ThreePublicKey } from '../model/types';
import {
  EXPENDITURE_LINES,
  ExpenditureLineKey,
  INCOME_LINES,
  IncomeLineKey,
  QUANTITIES,
  QuantityKey,
  THREE_PUBLIC_KEYS,
  THREE_PUBLIC_LAST,
  THREE_PUBLIC_LABELS,
  basicPartOf,
  economicClassTerms,
  lineOf,
  tableWay,
} from '../model/quantities';
import { Fen, formatWanyuan, sumFen } from '../money/money';
import { asPrinted, printedPercent } from '../money/rounding';
import { Supplement, SupplementValue } from '../supplement/sheet';
import { FIELDS } from '../supplement/fields';
import { PercentValue } from './format';
import { subjectName } from './subjects';
import { LAST_YEAR, economicCatalogue } from '../catalogue';

export type Direction = 'increase' | 'decrease' | 'flat';

export interface Fact {
  key: string;
  /** What the figure is, in Chinese ("一般公共预算财政拨款收入占本年收入合计的比重"). */
  label: string;
  kind: 'money' | 'percent' | 'count' | 'score';
  /** money: 分, rounded to 0.01 万元; signed for changes. */
  fen?: Fen;
  percent?: PercentValue;
  /** count / score. */
  number?: number;
  /** Changes and their percentages. */
  direction?: Direction;
  /** Cells the figure comes from (table cells and 补充信息 cells), sheet-qualified. */
  cells: string[];
  /** How it was computed, in Chinese, with the numbers. */
  how: string;
  /** Keys of the facts it was computed from. */
  from: string[];
}

export interface Gap {
  key: string;
  /**
   * input: a 补充信息 value is missing (write a placeholder, never 0);
   * zeroBase: the denominator is 0 (no percentage: "年初未安排预算", no "增长X%");
   * table: the tables do not hold the figure (a table or a column could not be read).
   */
  why: 'input' | 'zeroBase' | 'table';
  /** 补充信息 keys (or table names) that would supply it. */
  needs: string[];
  message: string;
}

export interface SubjectRef {
  code: string;
  /** Name in the report year's catalogue, else as written in the table. */
  name: string;
}

export interface NarrativeFacts {
  year?: number;
  lastYear?: number;
  yearCells: string[];
  /** Full name (补充信息 unitName, else the tables'). */
  unitName?: string;
  /** Name used in running text (补充信息 shortName, else unitName). */
  displayName?: string;
  unitCells: string[];
  facts: Record<string, Fact>;
  gaps: Record<string, Gap>;
  lists: {
    /** Income lines present, in the standard order. */
    incomeLines: IncomeLineKey[];
    /** Expenditure lines present (表3 合计行), in the standard order. */
    expenditureLines: ExpenditureLineKey[];
    /** 类 and 项 codes of 表5, in table order. */
    generalClasses: string[];
    generalItems: string[];
    /** 项 codes of 表8 / 表9 with money. */
    fundItems: string[];
    capitalItems: string[];
    /** Non-zero 经济分类 款 of 表6 under 人员经费 (301, 303) and 公用经费 (302, 310, …). */
    personnelItems: SubjectRef[];
    publicItems: SubjectRef[];
    /** Every 功能分类 项 of tables 2, 3, 5, 8, 9 (for 名词解释), sorted. */
    subjects: string[];
  };
  /** Code → name (report year's catalogue, else the table's), for 类, 款 and 项 that appear. */
  names: Record<string, string>;
  flags: {
    fundEmpty: boolean;
    capitalEmpty: boolean;
  };
  /** Inconsistencies among the inputs worth telling the user (Chinese). */
  warnings: string[];
  /** The 补充信息 values, for the templates' texts (reasons, uses, names). */
  supplement: Supplement;
}

// Lines, labels and last-year fields are the catalogue's (model/quantities.ts).
export { INCOME_LINES, EXPENDITURE_LINES, THREE_PUBLIC_LABELS };

const FIELD_LABEL = new Map(FIELDS.map((f) => [f.key, f.label]));

function w(fen: Fen): string {
  return formatWanyuan(fen);
}

/** Facts hold printed amounts (0.01 万元) already: the policy's percentage of printed figures. */
function pctValue(a: Fen, b: Fen): PercentValue | null {
  return printedPercent(a, b);
}

function uniq(cells: string[]): string[] {
  return [...new Set(cells.filter(Boolean))];
}

class FactSet {
  facts: Record<string, Fact> = {};
  gaps: Record<string, Gap> = {};

  constructor(
    private sup: Supplement,
    private accounts: Accounts,
  ) {}

  /**
   * A quantity of the catalogue (model/quantities.ts): the way it is found there, one table figure or the sum of
   * the printed figures of its parts. Undefined when no way is found (the caller records the gap).
   */
  quantity(key: QuantityKey, label: string = QUANTITIES[key].label): Fact | undefined {
    const way = tableWay(this.accounts, QUANTITIES[key]);
    if (!way) return undefined;
    const [first] = way.terms;
    if (way.terms.length === 1 && first.sign === 1) return this.figure(key, label, first.figure, first.table);
    const parts = way.terms.map((t) => ({ ...t, fen: t.sign * asPrinted(t.figure.fen) }));
    const fen = sumFen(parts.map((p) => p.fen));
    return this.put({
      key,
      label,
      kind: 'money',
      fen,
      cells: uniq(parts.map((p) => p.figure.cell)),
      how: `${label} = ${parts.map((p) => `${p.label}（${p.figure.cell}）${w(p.fen)}`).join(' + ')} = ${w(fen)}`,
      from: [],
    });
  }

  get(key: string): Fact | undefined {
    return this.facts[key];
  }

  put(f: Fact): Fact {
    this.facts[f.key] = f;
    delete this.gaps[f.key];
    return f;
  }

  gap(key: string, why: Gap['why'], needs: string[], message: string): undefined {
    if (!this.facts[key]) this.gaps[key] = { key, why, needs, message };
    return undefined;
  }

  /** An amount read from a table cell. */
  figure(key: string, label: string, fig: Figure | undefined, where: string): Fact | undefined {
    if (!fig) return undefined;
    return this.put({
      key,
      label,
      kind: 'money',
      fen: asPrinted(fig.fen),
      cells: [fig.cell],
      how: `${where}“${label}”（${fig.cell}）`,
      from: [],
    });
  }

  /** A known zero that no cell holds (an empty 表8/表9). */
  zero(key: string, label: string, cells: string[], how: string): Fact {
    return this.put({ key, label, kind: 'money', fen: 0, cells, how, from: [] });
  }

  supValue(supKey: string): SupplementValue | undefined {
    return this.sup.values.get(supKey);
  }

  supCell(supKey: string): string {
    return this.sup.values.get(supKey)?.cell ?? this.sup.cells.get(supKey) ?? `补充信息（${FIELD_LABEL.get(supKey) ?? supKey}）`;
  }

  /** A money value typed in 补充信息. */
  supMoney(key: string, label: string, supKey: string): Fact | undefined {
    const v = this.sup.values.get(supKey);
    if (!v || v.fen === undefined) {
      return this.gap(key, 'input', [supKey], `补充信息中未填写“${FIELD_LABEL.get(supKey) ?? label}”。`);
    }
    return this.put({
      key,
      label,
      kind: 'money',
      fen: asPrinted(v.fen),
      cells: [v.cell],
      how: `补充信息“${FIELD_LABEL.get(supKey) ?? label}”（${v.cell}）`,
      from: [],
    });
  }

  /** A count or score typed in 补充信息 (key = the 补充信息 key). */
  supNumber(supKey: string, kind: 'count' | 'score' = 'count'): Fact | undefined {
    const v = this.sup.values.get(supKey);
    const label = FIELD_LABEL.get(supKey) ?? supKey;
    if (!v || v.number === undefined) return this.gap(supKey, 'input', [supKey], `补充信息中未填写“${label}”。`);
    return this.put({ key: supKey, label, kind, number: v.number, cells: [v.cell], how: `补充信息“${label}”（${v.cell}）`, from: [] });
  }

  sum(key: string, label: string, parts: (Fact | undefined)[], how: string): Fact | undefined {
    if (parts.some((p) => !p)) return undefined;
    const ps = parts as Fact[];
    return this.put({
      key,
      label,
      kind: 'money',
      fen: sumFen(ps.map((p) => p.fen ?? 0)),
      cells: uniq(ps.flatMap((p) => p.cells)),
      how: `${how}：${ps.map((p) => w(p.fen ?? 0)).join(' + ')}`,
      from: ps.map((p) => p.key),
    });
  }

  /** num ÷ den × 100%. */
  ratio(key: string, label: string, num: Fact | undefined, den: Fact | undefined, denLabel: string): Fact | undefined {
    if (!num || !den) {
      return this.gap(key, 'table', [], `缺少计算“${label}”所需的数字。`);
    }
    const p = pctValue(num.fen ?? 0, den.fen ?? 0);
    if (!p) return this.gap(key, 'zeroBase', [den.key], `${denLabel}为0，不计算“${label}”。`);
    return this.put({
      key,
      label,
      kind: 'percent',
      percent: p,
      cells: uniq([...num.cells, ...den.cells]),
      how: `${num.label} ${w(num.fen ?? 0)} ÷ ${denLabel} ${w(den.fen ?? 0)} × 100% = ${p.text}%`,
      from: [num.key, den.key],
    });
  }

  share(base: Fact | undefined, den: Fact | undefined, denLabel: string): Fact | undefined {
    if (!base) return undefined;
    return this.ratio(`${base.key}.share`, `${base.label}占${denLabel}的比重`, base, den, denLabel);
  }

  /** B.last, B.change, B.changePct against a 补充信息 last-year value. */
  change(base: Fact | undefined, lastSupKey: string, baseKey?: string): void {
    const key = base?.key ?? baseKey!;
    const last = this.supMoney(`${key}.last`, `上年${base?.label ?? ''}`, lastSupKey);
    if (!base) {
      // This year's figure is missing too: a 补充信息 value (then both are inputs) or a table figure.
      const own = this.gaps[key];
      const why = own?.why === 'input' ? 'input' : 'table';
      const needs = [lastSupKey, ...(own?.why === 'input' ? own.needs : [])];
      const msg = own?.message ?? '本年数未能从表中读出。';
      this.gap(`${key}.change`, why, needs, msg);
      this.gap(`${key}.changePct`, why, needs, msg);
      return;
    }
    if (!last) {
      const msg = `补充信息中未填写“${FIELD_LABEL.get(lastSupKey) ?? lastSupKey}”，无法与上年比较。`;
      this.gap(`${key}.change`, 'input', [lastSupKey], msg);
      this.gap(`${key}.changePct`, 'input', [lastSupKey], msg);
      return;
    }
    const d = (base.fen ?? 0) - (last.fen ?? 0);
    const direction: Direction = d > 0 ? 'increase' : d < 0 ? 'decrease' : 'flat';
    const cells = uniq([...base.cells, ...last.cells]);
    this.put({
      key: `${key}.change`,
      label: `${base.label}比上年增减`,
      kind: 'money',
      fen: d,
      direction,
      cells,
      how: `本年 ${w(base.fen ?? 0)} − 上年 ${w(last.fen ?? 0)} = ${w(d)}`,
      from: [base.key, last.key],
    });
    if (direction === 'flat') {
      this.gap(`${key}.changePct`, 'zeroBase', [], '与上年持平，不计算增减幅度。');
      return;
    }
    const p = pctValue(Math.abs(d), last.fen ?? 0);
    if (!p || (last.fen ?? 0) < 0) {
      this.gap(`${key}.changePct`, 'zeroBase', [lastSupKey], '上年数为0，不计算增减幅度。');
      return;
    }
    this.put({
      key: `${key}.changePct`,
      label: `${base.label}比上年${direction === 'increase' ? '增长' : '下降'}幅度`,
      kind: 'percent',
      percent: p,
      direction,
      cells,
      how: `|${w(d)}| ÷ 上年 ${w(last.fen ?? 0)} × 100% = ${p.text}%`,
      from: [base.key, last.key],
    });
  }

  /** B.completion = B ÷ budget. */
  completion(base: Fact | undefined, budget: Fact | undefined): Fact | undefined {
    if (!base) return undefined;
    const key = `${base.key}.completion`;
    if (!budget) {
      const g = this.gaps[`${base.key}.budget`];
      return this.gap(key, g?.why ?? 'input', g?.needs ?? [], g?.message ?? `没有“${base.label}”的预算数。`);
    }
    if ((budget.fen ?? 0) === 0) return this.gap(key, 'zeroBase', [budget.key], `“${base.label}”预算数为0，不计算完成预算的比例。`);
    return this.ratio(key, `${base.label}完成预算的比例`, base, budget, '预算数');
  }
}

function tableWhere(id: TableId): string {
  return `表${id.slice(1)} ${TABLE_NAMES[id]}`;
}

function nonZero(row: CodedRow): boolean {
  return Object.values(row.values).some((v) => v && v.fen !== 0);
}

/**
 * Compute every figure of the 决算说明 from the accounts and the 补充信息.
 */
export function computeFacts(accounts: Accounts, supplement: Supplement): NarrativeFacts {
  const fs = new FactSet(supplement, accounts);
  const warnings: string[] = [];
  const sv = (k: string) => supplement.values.get(k);

  // ---- context
  const yearV = sv('year');
  const year = yearV?.number ?? accounts.facts.year;
  const yearCells = uniq([yearV?.cell ?? (accounts.facts.yearFrom && accounts.facts.yearFrom !== 'workbook' ? '' : (accounts.facts.yearSource ?? ''))]);
  const unitV = sv('unitName');
  const unitName = unitV?.text ?? accounts.facts.unitName;
  const shortV = sv('shortName');
  const displayName = shortV?.text ?? unitName;
  const unitCells = uniq([shortV?.cell ?? '', unitV?.cell ?? accounts.facts.unitNameSource ?? '']);
  if (yearV?.number && accounts.facts.year && yearV.number !== accounts.facts.year) {
    warnings.push(`补充信息中的决算年度（${yearV.number}年）与表中的年度（${accounts.facts.year}年）不同，说明按${yearV.number}年书写。`);
  }

  // ---- 一/二/三: 表1 (表2/表3 as fallback)
  const T1 = accounts.T1;
  const t1 = tableWhere('T1');
  const incomeGrand = fs.quantity('total.income', '收入总计');
  const expGrand = fs.quantity('total.expenditure', '支出总计');
  if (!incomeGrand) fs.gap('total.income', 'table', ['T1'], '未从收入支出决算总表读到收入总计。');
  if (!expGrand) fs.gap('total.expenditure', 'table', ['T1'], '未从收入支出决算总表读到支出总计。');
  fs.change(incomeGrand, 'last.incomeGrandTotal', 'total.income');
  fs.change(expGrand, 'last.expenditureGrandTotal', 'total.expenditure');

  const incomeTotal =
    fs.quantity('income.total', '本年收入合计') ??
    fs.gap('income.total', 'table', ['T1', 'T2'], '未读到本年收入合计。');
  fs.change(incomeTotal, 'last.incomeTotal', 'income.total');
  const incomeLines: IncomeLineKey[] = [];
  for (const [key, label] of INCOME_LINES) {
    const f = fs.quantity(`income.${key}`, label);
    if (!f) {
      fs.gap(`income.${key}`, 'table', ['T1'], `收入支出决算总表中没有“${label}”一行。`);
      continue;
    }
    incomeLines.push(key);
    fs.share(f, incomeTotal, '本年收入合计');
  }
  const fiscalLine = fs.figure('income.fiscal', '财政拨款收入', lineOf(T1?.income, 'fiscal')?.values.amount, t1);
  // The 财政拨款收入 line, else the sum of the fund lines present (a form may omit a fund line it does not have).
  const incomeFiscal =
    fiscalLine ??
    fs.sum(
      'income.fiscal',
      '财政拨款收入',
      (['generalBudget', 'governmentFund', 'stateCapital'] as const).filter((k) => fs.get(`income.${k}`)).map((k) => fs.get(`income.${k}`)),
      '一般公共预算、政府性基金预算、国有资本经营预算财政拨款收入之和',
    );
  fs.share(incomeFiscal, incomeTotal, '本年收入合计');
  fs.quantity('income.useNonFiscalBalance', '使用非财政拨款结余');
  fs.quantity('income.openingBalance', '年初结转和结余');

  const expTotal =
    fs.quantity('expenditure.total', '本年支出合计') ??
    fs.gap('expenditure.total', 'table', ['T1', 'T3'], '未读到本年支出合计。');
  fs.change(expTotal, 'last.expenditureTotal', 'expenditure.total');
  const expenditureLines: ExpenditureLineKey[] = [];
  for (const [key, label] of EXPENDITURE_LINES) {
    const f = fs.quantity(`expenditure.${key}`, label);
    if (!f) {
      fs.gap(`expenditure.${key}`, 'table', ['T3'], `支出决算表合计行中没有“${label}”。`);
      continue;
    }
    expenditureLines.push(key);
    fs.share(f, expTotal, '本年支出合计');
  }
  for (const l of T1?.expenditure ?? []) {
    if (l.key.startsWith('class:')) fs.figure(`expenditure.class.${l.key.slice(6)}`, l.label.replace(/^[一二三四五六七八九十]+、/, ''), l.values.amount, t1);
  }
  fs.quantity('expenditure.surplusDistribution', '结余分配');
  fs.quantity('expenditure.closingBalance', '年末结转和结余');

  // ---- 五: 表5 (表4 一般公共预算 column as fallback)
  const T4 = accounts.T4;
  const t4 = tableWhere('T4');
  const T5 = accounts.T5;
  const t5 = tableWhere('T5');
  const t4Exp = (lineKey: string, col: string) => lineOf(T4?.expenditure, lineKey)?.values[col];
  const general =
    fs.quantity('general.total', '一般公共预算财政拨款支出') ??
    fs.gap('general.total', 'table', ['T5'], '未读到一般公共预算财政拨款支出合计。');
  fs.ratio('general.share', '一般公共预算财政拨款支出占本年支出合计的比重', general, expTotal, '本年支出合计');
  fs.change(general, 'last.generalExpenditure', 'general.total');
  const generalBudget = fs.supMoney('general.total.budget', '一般公共预算财政拨款支出年初预算', 'budget.general');
  fs.completion(general, generalBudget);
  fs.quantity('general.basic', '基本支出');
  fs.quantity('general.project', '项目支出');

  const names: Record<string, string> = {};
  const nameOf = (code: string, fallback?: string) => (names[code] ??= subjectName(code, year, fallback));
  const generalClasses: string[] = [];
  const generalItems: string[] = [];
  const t5Rows = T5?.rows ?? [];
  for (const r of t5Rows) {
    nameOf(r.code, r.name);
    if (r.level === 'class') {
      const f = fs.figure(`general.class.${r.code}`, nameOf(r.code), r.values.total, t5);
      if (!f) continue;
      fs.change(f, `lastClass.${r.code}`); // 补充信息 (从上年决算导入)
      generalClasses.push(r.code);
      fs.share(f, general, '一般公共预算财政拨款支出合计');
      const items = t5Rows.filter((x) => x.level === 'subitem' && x.code.startsWith(r.code));
      const parts = items.map((x) => x.values.total);
      if (items.length && parts.every((p) => p)) {
        const figs = parts as Figure[];
        const s = sumFen(figs.map((p) => asPrinted(p.fen)));
        fs.put({
          key: `general.class.${r.code}.itemSum`,
          label: `${nameOf(r.code)}各项之和`,
          kind: 'money',
          fen: s,
          cells: figs.map((p) => p.cell),
          how: `表5中${r.code}下各项级科目之和：${figs.map((p) => w(asPrinted(p.fen))).join(' + ')} = ${w(s)}`,
          from: items.map((x) => `general.item.${x.code}`),
        });
      }
    } else if (r.level === 'subitem') {
      const f = fs.figure(`general.item.${r.code}`, `${r.code} ${nameOf(r.code, r.name)}`, r.values.total, t5);
      if (!f) continue;
      generalItems.push(r.code);
      fs.figure(`general.item.${r.code}.basic`, `${r.code} 基本支出`, r.values.basic, t5);
      fs.figure(`general.item.${r.code}.project`, `${r.code} 项目支出`, r.values.project, t5);
      const b = fs.supMoney(`general.item.${r.code}.budget`, `${r.code} ${nameOf(r.code)} 年初预算`, `itemBudget.${r.code}`);
      fs.completion(f, b);
      fs.change(f, `lastItem.${r.code}`); // 补充信息 (从上年决算导入)
      // 全年预算（调整后）, when the unit states it: general.item.<项>.adjusted / .adjustedCompletion.
      const adj = fs.supMoney(`general.item.${r.code}.adjusted`, `${r.code} ${nameOf(r.code)} 全年预算`, `itemAdjustedBudget.${r.code}`);
      if (adj && adj.fen === 0) fs.gap(`general.item.${r.code}.adjustedCompletion`, 'zeroBase', [adj.key], '全年预算数为0，不计算完成比例。');
      else if (adj) fs.ratio(`general.item.${r.code}.adjustedCompletion`, `${f.label}完成全年预算的比例`, f, adj, '全年预算数');
    }
  }

  // ---- 六: 基本支出
  const basic = fs.quantity('basic.total', '基本支出');
  if (!basic) fs.gap('basic.total', 'table', ['T5'], '一般公共预算财政拨款支出决算表中没有基本支出合计。');
  const T6 = accounts.T6;
  const t6 = tableWhere('T6');
  const econItems = (T6?.items ?? []).filter((i) => i.code.length === 5);
  const isPersonnel = (code: string) => basicPartOf(code) === 'personnel';
  // 经济分类 类 amounts, for the texts that name them (人员经费 = 301 + 303, 公用经费 = every other 类).
  for (const part of ['personnel', 'public'] as const)
    for (const c of economicClassTerms(T6, part)) if (c.code.length === 3) fs.figure(`basic.economic.${c.code}`, c.name.trim(), c.figure, t6);
  // 合计 lines of 表6, else the sum of its 类 (model/quantities.ts).
  const personnel = fs.quantity('basic.personnel', '人员经费');
  const publicFunds = fs.quantity('basic.public', '公用经费');
  if (!personnel) fs.gap('basic.personnel', 'table', ['T6'], '未读到人员经费合计。');
  if (!publicFunds) fs.gap('basic.public', 'table', ['T6'], '未读到公用经费合计。');
  fs.sum('basic.sum', '人员经费与公用经费之和', [personnel, publicFunds], '人员经费 + 公用经费');
  // The 经济分类 name as the catalogue has it; the table's wording when the catalogue does not know the code.
  const econName = (i: { code: string; name: string }) =>
    economicCatalogue().lookup(i.code, year ?? LAST_YEAR).entry?.name ?? i.name.replace(/\s+/g, '').replace(/^[\d.．、]+/, '');
  // In code order (表6 is often read block by block, so its sheet order is not the catalogue's).
  const byCode = (x: { code: string }, y: { code: string }) => x.code.localeCompare(y.code);
  const personnelItems = econItems
    .filter((i) => isPersonnel(i.code) && i.value && i.value.fen !== 0)
    .sort(byCode)
    .map((i) => ({ code: i.code, name: econName(i) }));
  const publicItems = econItems
    .filter((i) => !isPersonnel(i.code) && i.value && i.value.fen !== 0)
    .sort(byCode)
    .map((i) => ({ code: i.code, name: econName(i) }));

  // ---- 七: "三公" (表7)
  const tpKeys: ThreePublicKey[] = THREE_PUBLIC_KEYS;
  for (const k of tpKeys) {
    const label = THREE_PUBLIC_LABELS[k];
    const a = fs.quantity(`threePublic.${k}`, `${label}决算数`);
    if (!a) fs.gap(`threePublic.${k}`, 'table', ['T7'], `未从“三公”经费支出决算表读到${label}决算数。`);
    const b = fs.quantity(`threePublic.${k}.budget`, `${label}预算数`);
    if (!b) fs.gap(`threePublic.${k}.budget`, 'table', ['T7'], `未从“三公”经费支出决算表读到${label}预算数。`);
    fs.completion(a, b);
  }
  for (const k of tpKeys) {
    if (k !== 'total') fs.share(fs.get(`threePublic.${k}`), fs.get('threePublic.total'), '“三公”经费决算合计');
  }
  // Last year's total from its items when only the items were given (and the vehicle 小计 likewise).
  const lastOf = (k: string) => sv(k)?.fen;
  for (const k of tpKeys) fs.change(fs.get(`threePublic.${k}`), THREE_PUBLIC_LAST[k], `threePublic.${k}`);
  if (!fs.get('threePublic.vehicle.last') && lastOf('last.vehiclePurchase') !== undefined && lastOf('last.vehicleRunning') !== undefined) {
    derivedLast(fs, 'threePublic.vehicle', ['threePublic.vehiclePurchase.last', 'threePublic.vehicleRunning.last'], '上年公务用车购置费 + 上年公务用车运行维护费');
  }
  const tpLastParts = ['threePublic.abroad.last', 'threePublic.vehicle.last', 'threePublic.reception.last'];
  if (!fs.get('threePublic.total.last') && tpLastParts.every((k) => fs.get(k))) {
    derivedLast(fs, 'threePublic.total', tpLastParts, '上年因公出国（境）费 + 上年公务用车购置及运行维护费 + 上年公务接待费');
  }
  // 公务接待: 国内 and 外事 (补充信息; one derived from the other, or both 0 when the 接待费 is 0).
  const reception = fs.get('threePublic.reception');
  const dom = fs.supMoney('reception.domestic.amount', '国内公务接待支出', 'reception.domestic.amount');
  const forn = fs.supMoney('reception.foreign.amount', '外事接待支出', 'reception.foreign.amount');
  if (reception) {
    const rest = (key: string, label: string, other: Fact | undefined) => {
      if (!other && (reception.fen ?? 0) !== 0) return;
      const otherFen = other?.fen ?? 0;
      fs.put({
        key,
        label,
        kind: 'money',
        fen: (reception.fen ?? 0) - otherFen,
        cells: uniq([...reception.cells, ...(other?.cells ?? [])]),
        how: other ? `公务接待费 ${w(reception.fen ?? 0)} − ${other.label} ${w(otherFen)}` : '公务接待费决算数为0',
        from: [reception.key, ...(other ? [other.key] : [])],
      });
    };
    if (!dom) rest('reception.domestic.amount', '国内公务接待支出', forn);
    if (!forn) rest('reception.foreign.amount', '外事接待支出', dom);
    const d = fs.get('reception.domestic.amount');
    const f = fs.get('reception.foreign.amount');
    if (d && f && (d.fen ?? 0) + (f.fen ?? 0) !== (reception.fen ?? 0)) {
      warnings.push(`补充信息中国内公务接待支出（${w(d.fen ?? 0)}万元）与外事接待支出（${w(f.fen ?? 0)}万元）之和不等于表中公务接待费（${w(reception.fen ?? 0)}万元）。`);
    }
  }

  // ---- 八/九: 表8/表9, else 表4
  const flags = {
    fundEmpty: earmarked(fs, accounts, 'fund', nameOf),
    capitalEmpty: earmarked(fs, accounts, 'capital', nameOf),
  };
  // Changes against last year and shares of 本年支出合计 (补充信息 last.fund* / last.capital*).
  for (const fund of ['fund', 'capital'] as const) {
    fs.change(fs.get(`${fund}.income`), `last.${fund}Income`, `${fund}.income`);
    fs.change(fs.get(`${fund}.expenditure`), `last.${fund}Expenditure`, `${fund}.expenditure`);
    fs.share(fs.get(`${fund}.expenditure`), expTotal, '本年支出合计');
  }
  const fundItems = Object.keys(fs.facts).filter((k) => /^fund\.item\.\d+$/.test(k)).map((k) => k.slice(10));
  const capitalItems = Object.keys(fs.facts).filter((k) => /^capital\.item\.\d+$/.test(k)).map((k) => k.slice(13));

  // ---- 四: 财政拨款 (表4)
  const fiscalIncome =
    fs.quantity('fiscal.income', '财政拨款收入') ??
    fs.gap('fiscal.income', 'table', ['T4'], '未从财政拨款收入支出决算总表读到本年收入合计。');
  for (const k of ['generalBudget', 'governmentFund', 'stateCapital'] as const) fs.quantity(`fiscal.income.${k}`);
  const fiscalExp =
    fs.figure('fiscal.expenditure', '财政拨款支出', t4Exp('expenditureTotal', 'total'), t4) ??
    fs.sum(
      'fiscal.expenditure',
      '财政拨款支出',
      [general, fs.get('fund.expenditure'), fs.get('capital.expenditure')],
      '表4支出合计列未能读出，按一般公共预算、政府性基金预算、国有资本经营预算财政拨款支出之和',
    ) ??
    fs.gap('fiscal.expenditure', 'table', ['T4'], '未从财政拨款收入支出决算总表读到本年支出合计。');
  const fiscalGrand =
    fs.quantity('fiscal.grandTotal', '财政拨款收入总计') ??
    fs.gap('fiscal.grandTotal', 'table', ['T4'], '未从财政拨款收入支出决算总表读到收入总计。');
  fs.quantity('fiscal.expenditureGrandTotal', '财政拨款支出总计');
  fs.quantity('fiscal.opening', '年初财政拨款结转和结余');
  fs.quantity('fiscal.closing', '年末财政拨款结转和结余');
  fs.change(fiscalIncome, 'last.fiscalIncome', 'fiscal.income');
  fs.change(fiscalExp, 'last.fiscalExpenditure', 'fiscal.expenditure');
  fs.change(fiscalGrand, 'last.fiscalGrandTotal', 'fiscal.grandTotal');

  // ---- 十: 机关运行经费, 政府采购, and the other 补充信息 values
  const running = fs.supMoney('running.amount', '机关运行经费', 'running.amount');
  fs.change(running, 'last.runningCost', 'running.amount');
  const procurementTotal = fs.supMoney('procurement.total', '政府采购支出总额', 'procurement.total');
  const procParts: [string, string][] = [
    ['goods', '政府采购货物支出'],
    ['works', '政府采购工程支出'],
    ['services', '政府采购服务支出'],
  ];
  for (const [k, label] of procParts) fs.supMoney(`procurement.${k}`, label, `procurement.${k}`);
  // One missing part of 货物/工程/服务 follows from the total and the other two.
  const missingParts = procParts.filter(([k]) => !fs.get(`procurement.${k}`));
  if (procurementTotal && missingParts.length === 1) {
    const [k, label] = missingParts[0];
    const others = procParts.filter(([x]) => x !== k).map(([x]) => fs.get(`procurement.${x}`)!);
    const fen = (procurementTotal.fen ?? 0) - sumFen(others.map((o) => o.fen ?? 0));
    if (fen >= 0) {
      fs.put({
        key: `procurement.${k}`,
        label,
        kind: 'money',
        fen,
        cells: uniq([...procurementTotal.cells, ...others.flatMap((o) => o.cells)]),
        how: `政府采购支出总额 ${w(procurementTotal.fen ?? 0)} − ${others.map((o) => `${o.label} ${w(o.fen ?? 0)}`).join(' − ')}`,
        from: [procurementTotal.key, ...others.map((o) => o.key)],
      });
    }
  }
  if (procurementTotal && procParts.every(([k]) => fs.get(`procurement.${k}`))) {
    const s = sumFen(procParts.map(([k]) => fs.get(`procurement.${k}`)!.fen ?? 0));
    if (s !== procurementTotal.fen) {
      warnings.push(`补充信息中政府采购货物、工程、服务支出之和（${w(s)}万元）不等于政府采购支出总额（${w(procurementTotal.fen ?? 0)}万元），请核对。`);
    }
  }
  fs.supMoney('procurement.sme', '授予中小企业合同金额', 'procurement.sme');
  fs.supMoney('procurement.small', '授予小微企业合同金额', 'procurement.small');
  for (const k of ['goods', 'works', 'services', 'sme', 'small']) fs.share(fs.get(`procurement.${k}`), procurementTotal, '政府采购支出总额');
  const sme = fs.get('procurement.sme');
  const small = fs.get('procurement.small');
  if (sme && procurementTotal && (sme.fen ?? 0) > (procurementTotal.fen ?? 0)) warnings.push('补充信息中授予中小企业合同金额大于政府采购支出总额，请核对。');
  if (sme && small && (small.fen ?? 0) > (sme.fen ?? 0)) warnings.push('补充信息中授予小微企业合同金额大于授予中小企业合同金额，请核对。');

  // Every other money / count / score typed in 补充信息 keeps its key.
  for (const f of FIELDS) {
    if (fs.get(f.key) || fs.gaps[f.key]) continue;
    if (f.key.startsWith('last.') || f.key.startsWith('budget.')) continue;
    if (f.kind === 'money') fs.supMoney(f.key, f.label, f.key);
    else if (f.kind === 'count' || f.kind === 'score') fs.supNumber(f.key, f.kind);
  }

  // Counts that follow from a 决算数 of 0: no money spent, so no trip, no purchase, no reception. Written as 0
  // (with the reason) instead of leaving a placeholder where the tables already answer.
  const zeroFrom = (amountKey: string, keys: string[], why: string) => {
    const a = fs.get(amountKey);
    if (!a || a.fen !== 0) return;
    for (const k of keys) {
      if (fs.get(k)) continue;
      const isMoney = FIELDS.find((f) => f.key === k)?.kind === 'money';
      fs.put({ key: k, label: FIELD_LABEL.get(k) ?? k, kind: isMoney ? 'money' : 'count', ...(isMoney ? { fen: 0 } : { number: 0 }), cells: a.cells, how: why, from: [amountKey] });
    }
  };
  zeroFrom('threePublic.abroad', ['trips.groups', 'trips.people'], '因公出国（境）费决算数为0，团组数、人次按0计');
  zeroFrom('threePublic.vehiclePurchase', ['vehicles.purchased'], '公务用车购置费决算数为0，购置数量按0计');
  zeroFrom(
    'threePublic.reception',
    ['reception.domestic.amount', 'reception.domestic.batches', 'reception.domestic.people', 'reception.foreign.amount', 'reception.foreign.batches', 'reception.foreign.people'],
    '公务接待费决算数为0，接待批次、人次和金额按0计',
  );

  // ---- 名词解释: every 项 of tables 2, 3, 5, 8, 9
  const subjects = new Set<string>();
  for (const t of [accounts.T2, accounts.T3, accounts.T5, accounts.T8, accounts.T9]) {
    if (!t || t.location.empty) continue;
    for (const r of t.rows) {
      if (!/^\d{3}(\d{2}){0,2}$/.test(r.code)) continue;
      nameOf(r.code, r.name);
      if (r.level === 'subitem' && nonZero(r)) subjects.add(r.code);
    }
  }
  // 类/款 names for every 项 named (the path "类（类）款（款）项（项）").
  for (const c of [...subjects, ...generalItems]) {
    nameOf(c.slice(0, 3));
    nameOf(c.slice(0, 5));
  }

  return {
    year,
    lastYear: year !== undefined ? year - 1 : undefined,
    yearCells,
    unitName,
    displayName,
    unitCells,
    facts: fs.facts,
    gaps: fs.gaps,
    lists: {
      incomeLines,
      expenditureLines,
      generalClasses,
      generalItems,
      fundItems,
      capitalItems,
      personnelItems,
      publicItems,
      subjects: [...subjects].sort(),
    },
    names,
    flags,
    warnings,
    supplement,
  };
}

/** A last-year value as the sum of other last-year facts (the "三公" 小计 and 合计), then its change. */
function derivedLast(fs: FactSet, baseKey: string, partKeys: string[], how: string): void {
  const base = fs.get(baseKey);
  const parts = partKeys.map((k) => fs.get(k)).filter((f): f is Fact => !!f);
  if (!base || parts.length !== partKeys.length) return;
  const fen = sumFen(parts.map((p) => p.fen ?? 0));
  const last = fs.put({
    key: `${baseKey}.last`,
    label: `上年${base.label}`,
    kind: 'money',
    fen,
    cells: uniq(parts.flatMap((p) => p.cells)),
    how: `${how}：${parts.map((p) => w(p.fen ?? 0)).join(' + ')}`,
    from: parts.map((p) => p.key),
  });
  const d = (base.fen ?? 0) - fen;
  const direction: Direction = d > 0 ? 'increase' : d < 0 ? 'decrease' : 'flat';
  fs.put({
    key: `${baseKey}.change`,
    label: `${base.label}比上年增减`,
    kind: 'money',
    fen: d,
    direction,
    cells: uniq([...base.cells, ...last.cells]),
    how: `本年 ${w(base.fen ?? 0)} − 上年 ${w(fen)} = ${w(d)}`,
    from: [base.key, last.key],
  });
  delete fs.gaps[`${baseKey}.changePct`];
  const p = direction === 'flat' ? null : pctValue(Math.abs(d), fen);
  if (!p) {
    fs.gap(`${baseKey}.changePct`, 'zeroBase', [], direction === 'flat' ? '与上年持平，不计算增减幅度。' : '上年数为0，不计算增减幅度。');
    return;
  }
  fs.put({
    key: `${baseKey}.changePct`,
    label: `${base.label}比上年${direction === 'increase' ? '增长' : '下降'}幅度`,
    kind: 'percent',
    percent: p,
    direction,
    cells: uniq([...base.cells, ...last.cells]),
    how: `|${w(d)}| ÷ 上年 ${w(fen)} × 100% = ${p.text}%`,
    from: [base.key, last.key],
  });
}

/**
 * 政府性基金 (表8) or 国有资本经营 (表9): income, expenditure, carry-overs and per-项 expenditure; returns
 * true when the fund has no income and no expenditure this year ("本年度没有…收入和支出").
 */
function earmarked(fs: FactSet, accounts: Accounts, fund: 'fund' | 'capital', nameOf: (code: string, fallback?: string) => string): boolean {
  const id: TableId = fund === 'fund' ? 'T8' : 'T9';
  const t = fund === 'fund' ? accounts.T8 : accounts.T9;
  const where = tableWhere(id);
  const title = fund === 'fund' ? '政府性基金预算财政拨款' : '国有资本经营预算财政拨款';
  const t4Col = fund === 'fund' ? 'fund' : 'capital';
  const t4Line = fund === 'fund' ? 'governmentFund' : 'stateCapital';
  const T4 = accounts.T4;
  const t4 = tableWhere('T4');
  const emptyTable = !!t && (t.location.empty || (!t.total && t.rows.every((r) => !nonZero(r))));
  if (emptyTable) {
    const cells = [`${t!.location.sheet}!${t!.location.range}`];
    const how = `${where}无数据`;
    fs.zero(`${fund}.income`, `${title}收入`, cells, how);
    fs.zero(`${fund}.expenditure`, `${title}支出`, cells, how);
    fs.zero(`${fund}.opening`, `${title}年初结转和结余`, cells, how);
    fs.zero(`${fund}.closing`, `${title}年末结转和结余`, cells, how);
    return true;
  }
  const total = t?.total?.values;
  const income =
    fs.figure(`${fund}.income`, `${title}收入`, total?.income, where) ??
    fs.figure(`${fund}.income`, `${title}收入`, lineOf(T4?.income, t4Line)?.values.amount, t4);
  const exp =
    fs.figure(`${fund}.expenditure`, `${title}支出`, total?.expTotal, where) ??
    fs.figure(`${fund}.expenditure`, `${title}支出`, lineOf(T4?.expenditure, 'expenditureTotal')?.values[t4Col], t4);
  const opening =
    fs.figure(`${fund}.opening`, `${title}年初结转和结余`, total?.opening, where) ??
    fs.figure(`${fund}.opening`, `${title}年初结转和结余`, lineOf(T4?.income, `opening.${t4Line}`)?.values.amount, t4);
  const closing = fs.figure(`${fund}.closing`, `${title}年末结转和结余`, total?.closing, where);
  if (!income) fs.gap(`${fund}.income`, 'table', [id], `未读到${title}收入。`);
  if (!exp) fs.gap(`${fund}.expenditure`, 'table', [id], `未读到${title}支出。`);
  for (const r of t?.rows ?? []) {
    if (!/^\d{3}(\d{2}){0,2}$/.test(r.code)) continue;
    nameOf(r.code, r.name);
    if (r.level !== 'subitem' || !nonZero(r)) continue;
    const f = fs.figure(`${fund}.item.${r.code}`, `${r.code} ${nameOf(r.code, r.name)}`, r.values.expTotal, where);
    if (!f) continue;
    const b = fs.supMoney(`${fund}.item.${r.code}.budget`, `${r.code} ${nameOf(r.code)} 年初预算`, `${fund}Budget.${r.code}`);
    fs.completion(f, b);
  }
  const all = [income, exp, opening, closing].filter((f): f is Fact => !!f);
  return all.length > 0 && !!income && !!exp && all.every((f) => f.fen === 0);
}
