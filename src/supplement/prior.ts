/**
 * 从上年决算导入: last year's workbook (read with the same reader) → the 上年 fields of this year's 补充信息.
 *
 * Pure: Accounts(last) + Accounts(this) (+ last year's 补充信息 and 决算说明 when the book has them) → values,
 * each with the cell it came from, and warnings. The edges (command line, task pane) read the files and
 * write the sheet with buildSupplementSheet(accounts, existing, values).
 *
 * What is taken, and from where:
 *   表1  收入总计, 支出总计, 本年收入合计, 本年支出合计, 年末结转和结余
 *   表4  财政拨款 本年收入合计, 本年支出合计, 收入总计
 *   表5  一般公共预算财政拨款支出合计, each 类 and 项 of this year's table 5 (0 and "上年无此项" for a 项 new
 *        this year; 项 gone since are listed apart)
 *   表7  "三公" 决算数 (合计, each item, the vehicle 小计 and its parts)
 *   表8/表9 (else 表4)  政府性基金 / 国有资本经营 收入 and 支出
 *   补充信息 (last year's)  机关运行经费 → 上年机关运行经费; counts and descriptive texts that change slowly
 *        (人员, 车辆, 资产, 用途, 制度) as a starting text, marked to review
 *   决算说明 (last year's)  机关运行经费 when 补充信息 does not hold it
 *   表6  公用经费合计 as 上年机关运行经费 only as a last resort (a guess for a 行政单位, marked so)
 */
import { Accounts, CodedRow, Figure, Line } from '../model/types';
import { Fen, formatWanyuan, parseDecimal, decimalToFen, roundToWanyuanCents } from '../money/money';
import { WorkbookSnapshot } from '../snapshot/types';
import { cellText, norm } from '../recognise/grid';
import { cellRef, splitRef } from '../snapshot/address';
import { FIELD_BY_KEY } from './fields';
import { FilledValue, IMPORT_NOTE, Supplement, classesOf, itemsOf } from './sheet';

export interface PriorSource {
  file: string;
  sheet: string;
  /** A1 address (or range, for an empty table). */
  cell: string;
}

export interface PriorValue extends FilledValue {
  /** Where it came from; absent for a 项 new this year (nothing to point at but the table). */
  source?: PriorSource;
  /** A starting value to review (a count or text from last year, or a guess), not a 上年 figure. */
  review?: boolean;
}

export interface PriorInput {
  accounts: Accounts;
  /** File name shown in the notes ("玉泉街道2020.xlsx"). */
  file: string;
  /** Last year's 补充信息, when the book has one. */
  supplement?: Supplement;
  /** The text of last year's 决算说明 sheet, with the cell of each line. */
  narrative?: { text: string; cell: string }[];
}

export interface PriorOptions {
  /** Import even when the unit or the year does not match (the refusal becomes a warning). */
  force?: boolean;
}

export interface PriorResult {
  /** Set when the workbook was refused (another unit, not the previous year): one Chinese line. */
  refused?: string;
  values: PriorValue[];
  /** Chinese, one line each: mismatches accepted with force, guesses, 项 new or gone. */
  warnings: string[];
  /** 项 of this year's table 5 that last year's table 5 does not have. */
  newItems: { code: string; name: string }[];
  /** 项 of last year's table 5 (with money) that this year's does not have. */
  goneItems: { code: string; name: string; fen: Fen; cell: string }[];
}

/** 补充信息 keys whose last-year value is a fair starting point this year (to review, never a 上年 figure). */
const CARRIED_KEYS = [
  'shortName',
  'staff.authorised',
  'staff.actual',
  'staff.retired',
  'vehicles.fleet',
  'vehicles.total',
  'vehicles.ministerial',
  'vehicles.leader',
  'vehicles.confidential',
  'vehicles.emergency',
  'vehicles.enforcement',
  'vehicles.special',
  'vehicles.retiree',
  'vehicles.other',
  'vehicles.otherUses',
  'vehicles.runningUses',
  'reception.uses',
  'trips.content',
  'assets.generalEquipment',
  'assets.specialEquipment',
  'assets.largeEquipment',
  'performance.systems',
  'performance.mechanism',
  'content.business',
  'content.operating',
  'content.other',
];

/** Same unit: equal names once spaces and brackets are normalised, or one the other's tail ("西区玉泉街道办事处"). */
export function sameUnit(a: string, b: string): boolean {
  const x = norm(a).replace(/[（）]/g, '');
  const y = norm(b).replace(/[（）]/g, '');
  if (!x || !y) return true;
  return x === y || x.endsWith(y) || y.endsWith(x);
}

/** Read last year's 补充信息-independent inputs from its snapshot: the 决算说明 lines with their cells. */
export function narrativeLines(snapshot: WorkbookSnapshot): { text: string; cell: string }[] {
  const sheet = snapshot.sheets.find((s) => s.name === '决算说明') ?? snapshot.sheets.find((s) => /决算说明|情况说明/.test(s.name) && !/补充/.test(s.name));
  if (!sheet) return [];
  const out: { text: string; cell: string }[] = [];
  sheet.cells.forEach((row, r) =>
    row?.forEach((c, col) => {
      const t = cellText(c).trim();
      if (t && typeof c?.v === 'string') out.push({ text: t, cell: cellRef(sheet.name, r, col) });
    }),
  );
  return out;
}

export function importPrior(last: PriorInput, current: Accounts, options: PriorOptions = {}): PriorResult {
  const result: PriorResult = { values: [], warnings: [], newItems: [], goneItems: [] };
  const la = last.accounts;
  const file = last.file;

  // ---- Is it this unit's previous year?
  const problems: string[] = [];
  const thisName = current.facts.unitName;
  const lastName = last.supplement?.values.get('unitName')?.text ?? la.facts.unitName;
  if (thisName && lastName && !sameUnit(thisName, lastName)) {
    problems.push(`“${file}”是“${lastName}”的决算，而本工作簿是“${thisName}”的决算`);
  }
  const thisYear = current.facts.year;
  const lastYear = la.facts.year;
  if (thisYear && lastYear && lastYear !== thisYear - 1) {
    problems.push(`“${file}”是${lastYear}年度的决算，不是上一年度（${thisYear - 1}年）的决算`);
  }
  if (la.missing.length === 9) {
    result.refused = `“${file}”中没有找到任何决算公开表，无法导入上年数。`;
    return result;
  }
  if (problems.length) {
    const msg = `${problems.join('；')}。`;
    if (!options.force) {
      result.refused = `${msg}未导入上年数。`;
      return result;
    }
    result.warnings.push(`${msg}已按要求仍然导入，请核对。`);
  }
  if (!lastYear) result.warnings.push(`未能从“${file}”读出决算年度，请确认它是${thisYear ? `${thisYear - 1}年度` : '上一年度'}的决算。`);
  if (!lastName) result.warnings.push(`未能从“${file}”读出单位名称，请确认它是本单位的决算。`);
  if (la.missing.length) {
    result.warnings.push(`“${file}”中缺少${la.missing.map((id) => `表${id.slice(1)}`).join('、')}，相应的上年数未导入。`);
  }

  const put = (key: string, fig: Figure | undefined, what: string): boolean => {
    if (!fig) return false;
    const ref = splitRef(fig.cell);
    const source = { file, sheet: ref?.sheet ?? fig.sheet, cell: ref?.address ?? fig.cell };
    result.values.push({ key, fen: roundToWanyuanCents(fig.fen), source, note: `${IMPORT_NOTE}${file} ${fig.cell}（上年${what}）` });
    return true;
  };
  const zero = (key: string, where: string, what: string, sheet: string, cell: string, extra = '') => {
    result.values.push({ key, fen: 0, source: { file, sheet, cell }, note: `${IMPORT_NOTE}${file} ${where}${extra || `无数据，上年${what}为0`}` });
  };
  const line = (lines: Line[] | undefined, key: string) => lines?.find((l) => l.key === key);

  // ---- 表1
  put('last.incomeGrandTotal', line(la.T1?.income, 'grandTotal')?.values.amount, '收入总计');
  put('last.expenditureGrandTotal', line(la.T1?.expenditure, 'grandTotal')?.values.amount, '支出总计');
  put('last.incomeTotal', line(la.T1?.income, 'incomeTotal')?.values.amount ?? la.T2?.total?.values.total, '本年收入合计');
  put('last.expenditureTotal', line(la.T1?.expenditure, 'expenditureTotal')?.values.amount ?? la.T3?.total?.values.total, '本年支出合计');
  put('last.carryOver', line(la.T1?.expenditure, 'closingBalance')?.values.amount, '年末结转和结余');

  // ---- 表4
  put('last.fiscalIncome', line(la.T4?.income, 'incomeTotal')?.values.amount, '财政拨款收入');
  put('last.fiscalExpenditure', line(la.T4?.expenditure, 'expenditureTotal')?.values.total, '财政拨款支出');
  put('last.fiscalGrandTotal', line(la.T4?.income, 'grandTotal')?.values.amount, '财政拨款收入总计');

  // ---- 表5: total, 类, 项
  put('last.generalExpenditure', la.T5?.total?.values.total ?? line(la.T4?.expenditure, 'expenditureTotal')?.values.general, '一般公共预算财政拨款支出');
  if (la.T5) {
    const lastRows = new Map(la.T5.rows.map((r) => [r.code, r]));
    const t5 = la.T5.location;
    for (const c of classesOf(current)) {
      const r = lastRows.get(c.code);
      if (!put(`lastClass.${c.code}`, r?.values.total, `${c.code} ${c.name}`)) {
        zero(`lastClass.${c.code}`, `表5 ${t5.sheet}!${t5.range}`, '', t5.sheet, t5.range, '中没有该类：上年无此类，按0计');
      }
    }
    for (const it of itemsOf(current)) {
      const r = lastRows.get(it.code);
      if (!put(`lastItem.${it.code}`, r?.values.total, `${it.code} ${it.name}`)) {
        zero(`lastItem.${it.code}`, `表5 ${t5.sheet}!${t5.range}`, '', t5.sheet, t5.range, '中没有该项：上年无此项，按0计');
        result.newItems.push(it);
      }
    }
    const now = new Set(itemsOf(current).map((i) => i.code));
    for (const r of la.T5.rows) {
      if (r.level !== 'subitem' || now.has(r.code) || !nonZero(r)) continue;
      const fig = r.values.total;
      if (!fig) continue;
      result.goneItems.push({ code: r.code, name: r.name, fen: roundToWanyuanCents(fig.fen), cell: fig.cell });
      result.values.push({
        key: `lastGone.${r.code}`,
        label: `${r.code} ${r.name} 上年决算数（本年无此项）`,
        fen: roundToWanyuanCents(fig.fen),
        source: { file, sheet: fig.sheet, cell: splitRef(fig.cell)?.address ?? fig.cell },
        note: `${IMPORT_NOTE}${file} ${fig.cell}（上年有此项，本年表5中已没有）`,
      });
    }
    if (result.newItems.length) {
      result.warnings.push(`本年新增的项（上年无此项，上年数按0计）：${result.newItems.map((i) => `${i.code} ${i.name}`).join('、')}。`);
    }
    if (result.goneItems.length) {
      result.warnings.push(
        `上年有、本年已没有的项：${result.goneItems.map((i) => `${i.code} ${i.name}（上年${formatWanyuan(i.fen)}万元）`).join('、')}。`,
      );
    }
  }

  // ---- 表7 "三公" 决算数
  const t7 = la.T7?.actual;
  if (t7) {
    put('last.threePublic', t7.total, '“三公”经费合计');
    put('last.abroad', t7.abroad, '因公出国（境）费');
    put('last.vehicle', t7.vehicle, '公务用车购置及运行维护费');
    put('last.vehiclePurchase', t7.vehiclePurchase, '公务用车购置费');
    put('last.vehicleRunning', t7.vehicleRunning, '公务用车运行维护费');
    put('last.reception', t7.reception, '公务接待费');
  }

  // ---- 表8 / 表9 (else 表4)
  for (const [fund, t, t4Line, t4Col, title] of [
    ['fund', la.T8, 'governmentFund', 'fund', '政府性基金预算财政拨款'],
    ['capital', la.T9, 'stateCapital', 'capital', '国有资本经营预算财政拨款'],
  ] as const) {
    const cap = fund === 'fund' ? 'fund' : 'capital';
    const incomeKey = `last.${cap}Income`;
    const expKey = `last.${cap}Expenditure`;
    const tableNo = fund === 'fund' ? '表8' : '表9';
    const empty = !!t && (t.location.empty || (!t.total && t.rows.every((r) => !nonZero(r))));
    if (t && empty) {
      zero(incomeKey, `${tableNo} ${t.location.sheet}!${t.location.range}`, `${title}收入`, t.location.sheet, t.location.range);
      zero(expKey, `${tableNo} ${t.location.sheet}!${t.location.range}`, `${title}支出`, t.location.sheet, t.location.range);
      continue;
    }
    put(incomeKey, t?.total?.values.income ?? line(la.T4?.income, t4Line)?.values.amount, `${title}收入`);
    put(expKey, t?.total?.values.expTotal ?? line(la.T4?.expenditure, 'expenditureTotal')?.values[t4Col], `${title}支出`);
  }

  // ---- 机关运行经费: last year's 补充信息, else its 决算说明, else a guess from 表6
  const sup = last.supplement;
  const running = sup?.values.get('running.amount');
  if (running?.fen !== undefined) {
    const ref = splitRef(running.cell);
    result.values.push({
      key: 'last.runningCost',
      fen: roundToWanyuanCents(running.fen),
      source: { file, sheet: ref?.sheet ?? '补充信息', cell: ref?.address ?? running.cell },
      note: `${IMPORT_NOTE}${file} ${running.cell}（上年补充信息中的机关运行经费）`,
    });
  } else {
    const said = (last.narrative ?? []).map((l) => ({ l, m: /机关运行经费(?:支出)?(?:为|共计)?([\d,]+(?:\.\d+)?)万元/.exec(l.text) })).find((x) => x.m);
    const d = said ? parseDecimal(said.m![1].replace(/,/g, '')) : null;
    if (said && d) {
      const ref = splitRef(said.l.cell);
      result.values.push({
        key: 'last.runningCost',
        fen: decimalToFen(d, 'wanyuan').fen,
        source: { file, sheet: ref?.sheet ?? '', cell: ref?.address ?? said.l.cell },
        note: `${IMPORT_NOTE}${file} ${said.l.cell}（上年决算说明中写的机关运行经费，请核对）`,
        review: true,
      });
    } else if (la.T6?.publicTotal?.values.amount) {
      const fig = la.T6.publicTotal.values.amount;
      result.values.push({
        key: 'last.runningCost',
        fen: roundToWanyuanCents(fig.fen),
        source: { file, sheet: fig.sheet, cell: splitRef(fig.cell)?.address ?? fig.cell },
        note: `${IMPORT_NOTE}推测：取上年${file} ${fig.cell} 公用经费合计（行政单位的机关运行经费即日常公用经费），请核对`,
        review: true,
      });
      result.warnings.push(`上年机关运行经费是推测值：取上年基本支出决算表的公用经费合计（${formatWanyuan(fig.fen)}万元，${fig.cell}），有下属事业单位的请改填实际数。`);
    }
  }

  // ---- Counts last year's 决算说明 states, when its 补充信息 does not hold them: a starting point, to review.
  const SAID: [string, RegExp][] = [
    ['vehicles.fleet', /(?:共有公务用车|公务用车保有量为)(\d+)辆/],
    ['vehicles.total', /共有车辆(\d+)辆/],
  ];
  for (const [key, re] of SAID) {
    if (sup?.values.has(key)) continue;
    const hit = (last.narrative ?? []).map((l) => ({ l, m: re.exec(l.text) })).find((x) => x.m);
    if (!hit) continue;
    const ref = splitRef(hit.l.cell);
    result.values.push({
      key,
      number: Number(hit.m![1]),
      source: { file, sheet: ref?.sheet ?? '', cell: ref?.address ?? hit.l.cell },
      note: `${IMPORT_NOTE}沿用上年${file} ${hit.l.cell}决算说明中的数字，请按本年情况核对修改`,
      review: true,
    });
  }

  // ---- Counts and texts from last year's 补充信息: a starting point, to review.
  if (sup) {
    const carried: string[] = [];
    const keys = [
      ...CARRIED_KEYS,
      ...itemsOf(current).map((i) => `itemUse.${i.code}`),
      ...[...sup.values.keys()].filter((k) => /^(fund|capital)Use\.\d+$/.test(k)),
    ];
    for (const key of keys) {
      const v = sup.values.get(key);
      if (!v || v.formula) continue;
      const ref = splitRef(v.cell);
      result.values.push({
        key,
        ...(v.fen !== undefined ? { fen: v.fen } : v.number !== undefined ? { number: v.number } : { text: v.text ?? v.raw }),
        source: { file, sheet: ref?.sheet ?? '补充信息', cell: ref?.address ?? v.cell },
        note: `${IMPORT_NOTE}沿用上年${file} ${v.cell}的内容，请按本年情况核对修改`,
        review: true,
      });
      carried.push(FIELD_BY_KEY.get(key)?.label ?? key);
    }
    if (carried.length) result.warnings.push(`以下 ${carried.length} 项沿用了上年补充信息的内容，仅供参考，请按本年情况核对：${carried.slice(0, 8).join('、')}${carried.length > 8 ? '等' : ''}。`);
  }
  return result;
}

function nonZero(row: CodedRow): boolean {
  return Object.values(row.values).some((v) => v && v.fen !== 0);
}

/**
 * The 补充信息 as it reads once the filled values are written (typed values win): for the narrative, the
 * reasons owed and the pane's preview, without writing and re-reading the sheet.
 */
export function withFilled(existing: Supplement, filled: FilledValue[]): Supplement {
  const sup: Supplement = { ...existing, values: new Map(existing.values), cells: new Map(existing.cells), problems: [...existing.problems], present: true, typed: new Map(existing.typed) };
  for (const v of filled) {
    if (sup.values.has(v.key)) continue;
    const cell = sup.cells.get(v.key) ?? `补充信息!${v.key}`;
    const raw = v.fen !== undefined ? formatWanyuan(v.fen) : v.number !== undefined ? String(v.number) : (v.text ?? '');
    sup.values.set(v.key, { key: v.key, field: FIELD_BY_KEY.get(v.key), raw, fen: v.fen, number: v.number, text: v.text, cell, note: v.note });
  }
  return sup;
}
