/**
 * The catalogue of quantities: every named figure of the accounts — totals, income and expenditure lines, each
 * 类/款/项, 人员经费, 公用经费, each "三公" item — defined once, with its source cells (SourceRef, in order of
 * preference), its unit and its precision. Shares, changes and completion rates are a base key plus a suffix
 * (".share", ".change", ".changePct", ".completion", ".budget", ".last"), computed under the one policy of
 * money/rounding.ts.
 *
 * The narrative's facts, the rates (and so the 执行率汇总 sheet and its charts), the 补充信息 links, the audit's
 * vocabulary and the rules' accessors all find figures here. Keys are typed: a misspelt key does not compile.
 * A quantity whose sources are all missing resolves to undefined (the caller writes 【请填写】 or a
 * not-computable reason), never to 0.
 */
import type { FieldKey } from '../supplement/fields';
import { MoneyUnit } from '../money/money';
import { isPrintedExactly } from '../money/rounding';
import { a1, quoteSheet } from '../snapshot/address';
import { Accounts, BasicExpenditureTable, CodedRow, CodedTable, Figure, Line, TABLE_NAMES, TableId, ThreePublicKey } from './types';

// ───────────────────────────── the one way to find a figure ─────────────────────────────

/** A line of a two-sided table (T1, T4) by canonical key (recognise/twoSided.ts). */
export function lineOf(lines: Line[] | undefined, key: string): Line | undefined {
  return lines?.find((l) => l.key === key);
}

/** The figure of a line's column ("amount" for single-column sides). */
export function lineFigure(lines: Line[] | undefined, key: string, col = 'amount'): Figure | undefined {
  return lineOf(lines, key)?.values[col];
}

/** A row of a classified table by code ("" = the 合计 row). */
export function codedRowOf(t: CodedTable | undefined, code: string): CodedRow | undefined {
  if (!t) return undefined;
  return code === '' ? t.total : t.rows.find((r) => r.code === code);
}

export function codedFigure(t: CodedTable | undefined, code: string, col: string): Figure | undefined {
  return codedRowOf(t, code)?.values[col];
}

// ───────────────────────────── 人员经费 and 公用经费 (表6) ─────────────────────────────

/** 人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助 (DOMAIN.md §3); everything else in 表6 is 公用经费. */
export const PERSONNEL_CLASSES = ['301', '303'] as const;

export type BasicPart = 'personnel' | 'public';

/** The part of 基本支出 a 经济分类 code (3, 5 or 7 digits) belongs to. */
export function basicPartOf(code: string): BasicPart {
  return (PERSONNEL_CLASSES as readonly string[]).includes(code.slice(0, 3)) ? 'personnel' : 'public';
}

/** One 类 of 表6 as terms: its own line when the table lists it, else its 款 lines. */
export interface EconomicClassTerm {
  code: string;
  name: string;
  figure: Figure | undefined;
}

/** The 类 of 表6 in one part (人员经费: 301, 303; 公用经费: every other 类, 302, 307, 309, 310, 312, 399 …). */
export function economicClassTerms(t: BasicExpenditureTable | undefined, part: BasicPart): EconomicClassTerm[] {
  if (!t) return [];
  const classes = [...new Set(t.items.map((i) => i.code.slice(0, 3)))].filter((c) => /^\d{3}$/.test(c) && basicPartOf(c) === part);
  const out: EconomicClassTerm[] = [];
  for (const c of classes) {
    const own = t.items.find((i) => i.code === c);
    if (own) out.push({ code: c, name: own.name, figure: own.value });
    else for (const k of t.items.filter((i) => i.code.length === 5 && i.code.startsWith(c))) out.push({ code: k.code, name: k.name, figure: k.value });
  }
  return out;
}

// ───────────────────────────── sources ─────────────────────────────

export type LineTable = 'T1' | 'T4';
export type CodedTableId = 'T2' | 'T3' | 'T5' | 'T8' | 'T9';

export type SourceRef =
  /** A line of a two-sided table (T1, T4) by canonical key (twoSided.ts); col defaults to "amount" (T4 expenditure: "total"). */
  | { kind: 'line'; table: LineTable; side: 'income' | 'expenditure'; key: string; col?: string; label: string }
  /** A row of a classified table by 功能分类 code ("" = the 合计 row) and column key (codedTable.ts). */
  | { kind: 'coded'; table: CodedTableId; code: string; col: string; label: string }
  /** T6 人员经费合计 / 公用经费合计 / 基本支出合计. */
  | { kind: 'basicTotal'; part: 'personnelTotal' | 'publicTotal' | 'grandTotal'; label: string }
  /** T6 经济分类 类 of one part (人员经费 301+303, 公用经费 the rest), each one a term. */
  | { kind: 'basicClasses'; part: BasicPart; label: string }
  /** T7 预算数 / 决算数 of one item. */
  | { kind: 'threePublic'; side: 'budget' | 'actual'; item: ThreePublicKey; label: string }
  /** A 补充信息 field; `orElse` is used when `key` is empty (e.g. 全年预算 else 年初预算). */
  | { kind: 'supplement'; key: string; orElse?: string };

export interface Term {
  ref: SourceRef;
  /** -1 subtracts (本年 − 上年). */
  sign?: 1 | -1;
}

/** What a quantity counts: money (exact 分, shown in 万元) or a number of people / things. */
export type QuantityUnit = 'money' | 'count';

export interface QuantityDef {
  /** In words, as the 计算公式 column and the reasons name it: “三公”经费决算数. */
  label: string;
  unit: QuantityUnit;
  /** Decimals shown (money in 万元: 2; counts: 0). */
  decimals?: number;
  /** Ways to obtain it, in order of preference; each a signed sum of terms. */
  ways: Term[][];
}

/** A table figure found for a source, with the words the outputs use for it. */
export interface FoundFigure {
  figure: Figure;
  /** The table it was read from (its unit converts it). */
  id: TableId;
  /** "表1 收入支出决算总表" — where, for the narrative's "how". */
  table: string;
  label: string;
}

/**
 * The table figures of one source; undefined when the source cannot be found (a supplement source is not a
 * table figure: undefined too). An empty 表8/表9 (本表无数据) gives [] for its 合计 row: it contributes nothing.
 */
export function sourceFigures(accounts: Accounts, ref: SourceRef): FoundFigure[] | undefined {
  const where = (id: TableId) => `表${id.slice(1)} ${TABLE_NAMES[id]}`;
  switch (ref.kind) {
    case 'line': {
      const t = accounts[ref.table];
      const lines = ref.side === 'income' ? t?.income : t?.expenditure;
      // A side read with one amount column keys it "amount": that column is the line's 合计.
      const f = lineFigure(lines, ref.key, ref.col ?? 'amount') ?? (ref.col === 'total' ? lineFigure(lines, ref.key, 'amount') : undefined);
      return f ? [{ figure: f, id: ref.table, table: where(ref.table), label: ref.label }] : undefined;
    }
    case 'coded': {
      const t = accounts[ref.table];
      const f = codedFigure(t, ref.code, ref.col);
      if (f) return [{ figure: f, id: ref.table, table: where(ref.table), label: ref.label }];
      if (t?.location.empty && ref.code === '') return [];
      return undefined;
    }
    case 'basicTotal': {
      const f = accounts.T6?.[ref.part]?.values.amount;
      return f ? [{ figure: f, id: 'T6', table: where('T6'), label: ref.label }] : undefined;
    }
    case 'basicClasses': {
      const terms = economicClassTerms(accounts.T6, ref.part).filter((c) => c.figure);
      if (!terms.length) return undefined;
      return terms.map((c) => ({ figure: c.figure!, id: 'T6' as const, table: where('T6'), label: `${TABLE_NAMES.T6}“${c.code} ${c.name.trim()}”` }));
    }
    case 'threePublic': {
      const f = accounts.T7?.[ref.side][ref.item];
      return f ? [{ figure: f, id: 'T7', table: where('T7'), label: ref.label }] : undefined;
    }
    case 'supplement':
      return undefined;
  }
}

/**
 * The way of a quantity to use: the first whose table sources are all found, preferring one whose cells are not
 * all blank (a 合计 read from an empty cell while its parts have amounts). Supplement terms are not resolved here.
 */
export function tableWay(accounts: Accounts, def: QuantityDef): { terms: (FoundFigure & { sign: 1 | -1 })[] } | undefined {
  const found: { terms: (FoundFigure & { sign: 1 | -1 })[] }[] = [];
  for (const way of def.ways) {
    const terms: (FoundFigure & { sign: 1 | -1 })[] = [];
    let ok = true;
    for (const t of way) {
      const found = sourceFigures(accounts, t.ref);
      if (!found) {
        ok = false;
        break;
      }
      for (const f of found) terms.push({ ...f, sign: t.sign ?? 1 });
    }
    if (ok && terms.length) found.push({ terms });
  }
  return found.find((w) => !w.terms.every((t) => t.figure.blank)) ?? found[0];
}

/** The single table figure a quantity stands for (a one-term way; from `table` only when given), e.g. for a link or a main total. */
export function quantityFigure(accounts: Accounts, key: QuantityKey, table?: TableId): Figure | undefined {
  return definedFigure(accounts, QUANTITIES[key], table);
}

/** The single table figure of a definition (fixed or of a family): its first one-term way that finds one figure. */
export function definedFigure(accounts: Accounts, def: QuantityDef, table?: TableId): Figure | undefined {
  for (const way of def.ways) {
    if (way.length !== 1) continue;
    const found = sourceFigures(accounts, way[0].ref);
    if (found?.length === 1 && (!table || found[0].id === table)) return found[0].figure;
  }
  return undefined;
}

/**
 * The Excel expression that reads a table figure as the printed 万元 amount (money/rounding.ts policy), for every
 * formula the add-in writes (执行率汇总, 补充信息 links): a dash is N(cell), a number stored as text VALUE(cell), a
 * table in 元 ROUND(cell/10000,2), a 万元 cell with more decimals than it shows ROUND(cell,2).
 */
export function printedWanyuanExpr(fig: Figure, unit: MoneyUnit): string {
  const ref = `${quoteSheet(fig.sheet)}!${a1(fig.row, fig.col)}`;
  let expr = ref;
  // A dash ("—") is 0 to us but text to Excel; a number stored as text needs VALUE() to be added.
  if (fig.blank && fig.raw.trim() !== '') expr = `N(${ref})`;
  else if (fig.fromText) expr = `VALUE(${ref})`;
  if (unit === 'yuan') return `ROUND(${expr}/10000,2)`;
  if (!isPrintedExactly(fig.fen)) return `ROUND(${expr},2)`;
  return expr;
}

/** The unit of the table a figure of the catalogue was read from. */
export function tableUnit(accounts: Accounts, table: TableId): MoneyUnit {
  return accounts[table]?.location.unit ?? 'wanyuan';
}

// ───────────────────────────── the catalogue ─────────────────────────────

export const INCOME_LINE_KEYS = ['generalBudget', 'governmentFund', 'stateCapital', 'superiorSubsidy', 'business', 'operating', 'affiliated', 'other'] as const;
export type IncomeLineKey = (typeof INCOME_LINE_KEYS)[number];

/** T1 income lines in the standard order (DOMAIN.md §2), with their names and the 表2 column that holds them too. */
export const INCOME_LINES: [key: IncomeLineKey, label: string, t2Column?: string][] = [
  ['generalBudget', '一般公共预算财政拨款收入'],
  ['governmentFund', '政府性基金预算财政拨款收入'],
  ['stateCapital', '国有资本经营预算财政拨款收入'],
  ['superiorSubsidy', '上级补助收入', 'superior'],
  ['business', '事业收入', 'business'],
  ['operating', '经营收入', 'operating'],
  ['affiliated', '附属单位上缴收入', 'affiliated'],
  ['other', '其他收入', 'other'],
];

export const EXPENDITURE_LINE_KEYS = ['basic', 'project', 'remit', 'operating', 'subsidy'] as const;
export type ExpenditureLineKey = (typeof EXPENDITURE_LINE_KEYS)[number];

/** T3 合计 row columns in the standard order. */
export const EXPENDITURE_LINES: [key: ExpenditureLineKey, label: string][] = [
  ['basic', '基本支出'],
  ['project', '项目支出'],
  ['remit', '上缴上级支出'],
  ['operating', '经营支出'],
  ['subsidy', '对附属单位补助支出'],
];

export const THREE_PUBLIC_KEYS: ThreePublicKey[] = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleRunning', 'reception'];

export const THREE_PUBLIC_LABELS: Record<ThreePublicKey, string> = {
  total: '“三公”经费',
  abroad: '因公出国（境）费',
  vehicle: '公务用车购置及运行维护费',
  vehiclePurchase: '公务用车购置费',
  vehicleRunning: '公务用车运行维护费',
  reception: '公务接待费',
};

/** The 补充信息 field holding last year's amount of each "三公" item. */
export const THREE_PUBLIC_LAST: Record<ThreePublicKey, FieldKey> = {
  total: 'last.threePublic',
  abroad: 'last.abroad',
  vehicle: 'last.vehicle',
  vehiclePurchase: 'last.vehiclePurchase',
  vehicleRunning: 'last.vehicleRunning',
  reception: 'last.reception',
};

const T1in = (key: string, label: string): SourceRef => ({ kind: 'line', table: 'T1', side: 'income', key, label: `收入支出决算总表“${label}”` });
const T1out = (key: string, label: string): SourceRef => ({ kind: 'line', table: 'T1', side: 'expenditure', key, label: `收入支出决算总表“${label}”` });
const T4in = (key: string, label: string): SourceRef => ({ kind: 'line', table: 'T4', side: 'income', key, label: `财政拨款收入支出决算总表“${label}”` });
const T4out = (key: string, col: string, label: string): SourceRef => ({ kind: 'line', table: 'T4', side: 'expenditure', key, col, label: `财政拨款收入支出决算总表“${label}”` });
const T2 = (col: string, label: string): SourceRef => ({ kind: 'coded', table: 'T2', code: '', col, label: `收入决算表合计行“${label}”` });
const T3 = (col: string, label: string): SourceRef => ({ kind: 'coded', table: 'T3', code: '', col, label: `支出决算表合计行“${label}”` });
const T5 = (code: string, col: string, label: string): SourceRef => ({ kind: 'coded', table: 'T5', code, col, label: `一般公共预算财政拨款支出决算表“${label}”` });
const T7 = (side: 'budget' | 'actual', item: ThreePublicKey, label: string): SourceRef => ({
  kind: 'threePublic',
  side,
  item,
  label: `财政拨款“三公”经费支出决算表“${label}${side === 'budget' ? '预算数' : '决算数'}”`,
});
const T89 = (table: 'T8' | 'T9', col: string, label: string): SourceRef => ({ kind: 'coded', table, code: '', col, label: `${TABLE_NAMES[table]}“${label}”` });

const one = (ref: SourceRef): Term[] => [{ ref }];
const basicTotalRef = (part: 'personnelTotal' | 'publicTotal' | 'grandTotal'): SourceRef => ({
  kind: 'basicTotal',
  part,
  label: `${TABLE_NAMES.T6}“${part === 'personnelTotal' ? '人员经费合计' : part === 'publicTotal' ? '公用经费合计' : '基本支出合计'}”`,
});
const money = (label: string, ...ways: Term[][]): QuantityDef => ({ label, unit: 'money', decimals: 2, ways });

const T7_ITEM_NAMES: Record<ThreePublicKey, string> = { ...THREE_PUBLIC_LABELS, total: '合计' };

function threePublic<S extends 'actual' | 'budget'>(side: S): Record<ThreePublicKey, QuantityDef> {
  const word = side === 'actual' ? '决算数' : '预算数';
  const q = (k: ThreePublicKey, ...more: Term[][]) => money(`${THREE_PUBLIC_LABELS[k]}${word}`, one(T7(side, k, T7_ITEM_NAMES[k])), ...more);
  return {
    total: q('total', [{ ref: T7(side, 'abroad', THREE_PUBLIC_LABELS.abroad) }, { ref: T7(side, 'vehicle', THREE_PUBLIC_LABELS.vehicle) }, { ref: T7(side, 'reception', THREE_PUBLIC_LABELS.reception) }]),
    abroad: q('abroad'),
    vehicle: q('vehicle', [{ ref: T7(side, 'vehiclePurchase', THREE_PUBLIC_LABELS.vehiclePurchase) }, { ref: T7(side, 'vehicleRunning', THREE_PUBLIC_LABELS.vehicleRunning) }]),
    vehiclePurchase: q('vehiclePurchase'),
    vehicleRunning: q('vehicleRunning'),
    reception: q('reception'),
  };
}

const TP_ACTUAL = threePublic('actual');
const TP_BUDGET = threePublic('budget');

const earmarked = (table: 'T8' | 'T9', fund: 'fund' | 'capital') => {
  const title = fund === 'fund' ? '政府性基金预算财政拨款' : '国有资本经营预算财政拨款';
  const t4Line = fund === 'fund' ? 'governmentFund' : 'stateCapital';
  return {
    income: money(`${title}收入`, one(T89(table, 'income', '本年收入')), one(T4in(t4Line, `${title}收入`))),
    expenditure: money(`${title}支出`, one(T89(table, 'expTotal', '本年支出合计')), one(T4out('expenditureTotal', fund, `本年支出合计（${title}）`))),
    opening: money(`${title}年初结转和结余`, one(T89(table, 'opening', '年初结转和结余')), one(T4in(`opening.${t4Line}`, `年初${title}结转和结余`))),
    closing: money(`${title}年末结转和结余`, one(T89(table, 'closing', '年末结转和结余'))),
  };
};
const FUND = earmarked('T8', 'fund');
const CAPITAL = earmarked('T9', 'capital');

/** Every fixed quantity, by key. Families (类, 项, 经济分类) are the functions below. */
export const QUANTITIES = {
  // 一 收入支出总计 (表1)
  'total.income': money('收入总计', one(T1in('grandTotal', '收入总计'))),
  'total.expenditure': money('支出总计', one(T1out('grandTotal', '支出总计'))),
  // 二 收入 (表1, else 表2)
  'income.total': money('本年收入合计', one(T1in('incomeTotal', '本年收入合计')), one(T2('total', '本年收入合计'))),
  ...(Object.fromEntries(
    INCOME_LINES.map(([k, label, t2]) => [`income.${k}`, money(label, one(T1in(k, label)), ...(t2 ? [one(T2(t2, label))] : []))]),
  ) as Record<`income.${IncomeLineKey}`, QuantityDef>),
  'income.fiscal': money('财政拨款收入', one(T1in('fiscal', '财政拨款收入')), [
    { ref: T1in('generalBudget', '一般公共预算财政拨款收入') },
    { ref: T1in('governmentFund', '政府性基金预算财政拨款收入') },
    { ref: T1in('stateCapital', '国有资本经营预算财政拨款收入') },
  ]),
  'income.useNonFiscalBalance': money('使用非财政拨款结余', one(T1in('useNonFiscalBalance', '使用非财政拨款结余'))),
  'income.openingBalance': money('年初结转和结余', one(T1in('openingBalance', '年初结转和结余'))),
  // 三 支出 (表1, 表3 合计行)
  'expenditure.total': money('本年支出合计', one(T1out('expenditureTotal', '本年支出合计')), one(T3('total', '本年支出合计'))),
  ...(Object.fromEntries(EXPENDITURE_LINES.map(([k, label]) => [`expenditure.${k}`, money(label, one(T3(k, label)))])) as Record<`expenditure.${ExpenditureLineKey}`, QuantityDef>),
  'expenditure.surplusDistribution': money('结余分配', one(T1out('surplusDistribution', '结余分配'))),
  'expenditure.closingBalance': money('年末结转和结余', one(T1out('closingBalance', '年末结转和结余'))),
  // 四 财政拨款 (表4)
  'fiscal.income': money('财政拨款收入', one(T4in('incomeTotal', '本年收入合计'))),
  'fiscal.income.generalBudget': money('一般公共预算财政拨款收入', one(T4in('generalBudget', '一般公共预算财政拨款收入'))),
  'fiscal.income.governmentFund': money('政府性基金预算财政拨款收入', one(T4in('governmentFund', '政府性基金预算财政拨款收入'))),
  'fiscal.income.stateCapital': money('国有资本经营预算财政拨款收入', one(T4in('stateCapital', '国有资本经营预算财政拨款收入'))),
  'fiscal.expenditure': money(
    '财政拨款支出',
    one(T4out('expenditureTotal', 'total', '本年支出合计')),
    // T4 合计 = 一般公共预算 (T5) + 政府性基金 (T8) + 国有资本经营 (T9).
    [{ ref: T5('', 'total', '合计') }, { ref: T89('T8', 'expTotal', '本年支出合计') }, { ref: T89('T9', 'expTotal', '本年支出合计') }],
  ),
  'fiscal.grandTotal': money('财政拨款收入总计', one(T4in('grandTotal', '收入总计'))),
  'fiscal.expenditureGrandTotal': money('财政拨款支出总计', one(T4out('grandTotal', 'total', '支出总计'))),
  'fiscal.opening': money('年初财政拨款结转和结余', one(T4in('openingBalance', '年初财政拨款结转和结余'))),
  'fiscal.closing': money('年末财政拨款结转和结余', one(T4out('closingBalance', 'total', '年末财政拨款结转和结余'))),
  // 五 一般公共预算 (表5, else 表4 一般公共预算 column)
  'general.total': money('一般公共预算财政拨款支出', one(T5('', 'total', '合计')), one(T4out('expenditureTotal', 'general', '本年支出合计（一般公共预算财政拨款）'))),
  'general.basic': money('基本支出', one(T5('', 'basic', '基本支出合计'))),
  'general.project': money('项目支出', one(T5('', 'project', '项目支出合计'))),
  // 六 基本支出 (表5, 表6)
  'basic.total': money(
    '基本支出',
    one(T5('', 'basic', '基本支出合计')),
    [{ ref: basicTotalRef('personnelTotal') }, { ref: basicTotalRef('publicTotal') }],
  ),
  'basic.personnel': money(
    '人员经费',
    one(basicTotalRef('personnelTotal')),
    one({ kind: 'basicClasses', part: 'personnel', label: `${TABLE_NAMES.T6}“301+303”` }),
  ),
  'basic.public': money(
    '公用经费',
    one(basicTotalRef('publicTotal')),
    // Every 类 except 301 and 303 (302, 307, 309, 310, 312, 399 …), DOMAIN.md §3.
    one({ kind: 'basicClasses', part: 'public', label: `${TABLE_NAMES.T6}“301、303以外各类之和”` }),
  ),
  // 七 "三公" (表7)
  ...(Object.fromEntries(THREE_PUBLIC_KEYS.map((k) => [`threePublic.${k}`, TP_ACTUAL[k]])) as Record<`threePublic.${ThreePublicKey}`, QuantityDef>),
  ...(Object.fromEntries(THREE_PUBLIC_KEYS.map((k) => [`threePublic.${k}.budget`, TP_BUDGET[k]])) as Record<`threePublic.${ThreePublicKey}.budget`, QuantityDef>),
  // 八/九 (表8/表9, else 表4)
  'fund.income': FUND.income,
  'fund.expenditure': FUND.expenditure,
  'fund.opening': FUND.opening,
  'fund.closing': FUND.closing,
  'capital.income': CAPITAL.income,
  'capital.expenditure': CAPITAL.expenditure,
  'capital.opening': CAPITAL.opening,
  'capital.closing': CAPITAL.closing,
} satisfies Record<string, QuantityDef>;

export type QuantityKey = keyof typeof QUANTITIES;

/** Per-row families: one quantity per 类 / 项 of a table. */
export type FamilyKey =
  | `general.class.${string}`
  | `general.item.${string}`
  | `expenditure.class.${string}`
  | `basic.economic.${string}`
  | `fund.item.${string}`
  | `capital.item.${string}`;

/** Quantities that only 补充信息 holds: 机关运行经费, 政府采购, counts … keep their 补充信息 key. */
export type SupplementQuantityKey = FieldKey | 'reception.domestic.amount' | 'reception.foreign.amount';

/** Derived figures of a base quantity (money/rounding.ts policy). */
export type DerivedSuffix = 'share' | 'change' | 'changePct' | 'last' | 'budget' | 'adjusted' | 'completion' | 'adjustedCompletion' | 'itemSum' | 'basic' | 'project';

export type BaseKey = QuantityKey | FamilyKey | SupplementQuantityKey | 'general.share' | 'basic.sum';

/** Every key a fact (a figure the 说明 states) may have. */
export type FactKey = BaseKey | `${BaseKey}.${DerivedSuffix}`;

/** A 类 of table 5 (一般公共预算财政拨款支出). */
export function generalClass(code: string, name: string): QuantityDef {
  return money(name, one(T5(code, 'total', `${code} ${name}`)));
}

/** A 项 of table 5. */
export function generalItem(code: string, name: string, col: 'total' | 'basic' | 'project' = 'total'): QuantityDef {
  return money(`${code} ${name}`, one(T5(code, col, `${code} ${name}`)));
}

/** A 项 of table 8 or 9 (支出合计). */
export function earmarkedItem(fund: 'fund' | 'capital', code: string, name: string): QuantityDef {
  return money(`${code} ${name}`, one({ kind: 'coded', table: fund === 'fund' ? 'T8' : 'T9', code, col: 'expTotal', label: `${code} ${name}` }));
}

/** A 类 line of table 1's expenditure side ("class:201"). */
export function expenditureClass(code: string, name: string): QuantityDef {
  return money(name, one(T1out(`class:${code}`, name)));
}

/** Is `key` a fixed quantity of the catalogue? */
export function isQuantityKey(key: string): key is QuantityKey {
  return Object.prototype.hasOwnProperty.call(QUANTITIES, key);
}

/**
 * Any line of a 总表 (T1, T4) by its canonical key and column, for the lists that show the whole 总表 (`read`):
 * the named lines are in QUANTITIES; this is the family that covers the rest (class lines, 其中 lines, per fund).
 */
export function totalsLine(table: LineTable, side: 'income' | 'expenditure', key: string, col: string, label: string): QuantityDef {
  return money(label, one({ kind: 'line', table, side, key, col, label: `${TABLE_NAMES[table]}“${label}”` }));
}

/** One column of the 合计 row of a classified table (表2, 3, 5, 8, 9). */
export function codedTotal(table: CodedTableId, col: string, label: string): QuantityDef {
  return money(label, one({ kind: 'coded', table, code: '', col, label: `${TABLE_NAMES[table]}“${label}”` }));
}

/** A 合计 line of 表6 as the table prints it (人员经费合计, 公用经费合计, 基本支出合计), never a sum of its 类. */
export function basicTotalLine(part: 'personnelTotal' | 'publicTotal' | 'grandTotal'): QuantityDef {
  const label = part === 'personnelTotal' ? '人员经费合计' : part === 'publicTotal' ? '公用经费合计' : '基本支出合计';
  return money(label, one(basicTotalRef(part)));
}
