/**
 * The two properties of generated layouts, on one rendered workbook:
 * (a) a correct workbook gives 0 错误, no 警告 a real correct workbook would not draw, and the reader reads every
 *     written figure, from the cell it was written in, and nothing else;
 * (b) a single-cell change beyond rounding (an amount, a code, a name) is found by a finding naming that cell.
 * Cases are numbered by seed: caseFor(seed) always gives the same accounts, layout and mutations.
 */
import ExcelJS from 'exceljs';
import { snapshotFromExcelJs } from '../../src/adapters/exceljs/snapshotFromXlsx';
import { readAccounts } from '../../src/model/readAccounts';
import { Accounts, Figure } from '../../src/model/types';
import { runRules } from '../../src/rules';
import { Finding } from '../../src/rules/types';
import { functionalCatalogue } from '../../src/catalogue';
import { ECONOMIC } from '../fixtures/specs/catalogue';
import { GenAccounts, largeAccounts, randomAccounts, seedAccounts } from './accounts';
import { Layout, describeLayout, randomLayout } from './layout';
import { Prng } from './prng';
import { Rendered, amountCell, render } from './render';

export interface Case {
  seed: number;
  accounts: GenAccounts;
  layout: Layout;
}

/** The accounts and layout of a seed: mostly random accounts, every 10th a seed document, every 500th the large fixture. */
export function caseFor(seed: number): Case {
  const rng = new Prng(seed);
  let accounts: GenAccounts;
  if (seed % 500 === 499) accounts = largeAccounts();
  else if (seed % 10 === 3) {
    const seeds = seedAccounts();
    accounts = seeds[Math.floor(seed / 10) % seeds.length];
  } else accounts = randomAccounts(seed, rng.pick([1, 1, 100, 10000] as const));
  return { seed, accounts, layout: randomLayout(rng, accounts) };
}

export function renderCase(c: Case): Rendered {
  return render(c.accounts, c.layout, c.seed * 31 + 7);
}

export interface Outcome {
  accounts: Accounts;
  findings: Finding[];
}

export function check(wb: ExcelJS.Workbook, source = 'generated.xlsx'): Outcome {
  const accounts = readAccounts(snapshotFromExcelJs(wb, source));
  return { accounts, findings: runRules(accounts) };
}

/** Every figure the reader holds for the nine tables, by cell. */
export function figuresByCell(a: Accounts): Map<string, Figure> {
  const out = new Map<string, Figure>();
  const walk = (x: unknown) => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      x.forEach(walk);
      return;
    }
    const o = x as Record<string, unknown>;
    if (typeof o.fen === 'number' && typeof o.cell === 'string' && typeof o.halfWidth === 'number') {
      out.set(o.cell, o as unknown as Figure);
      return;
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'location') walk(v);
  };
  for (const id of ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'] as const) walk(a[id]);
  return out;
}

export interface CorrectResult {
  /** 错误 findings: property (a) wants none. */
  errors: Finding[];
  /** 警告 findings a real correct workbook of this kind would not draw: property (a) wants none. */
  warnings: Finding[];
  /** Figures read differently from what was written, or read from cells that hold none. */
  misread: string[];
  missingTables: string[];
}

/**
 * The 警告 a correct workbook honestly draws, by what the case holds: a seed document keeps the names it was
 * published with (the 2020 seed prints 2080501 under its later name 行政单位离退休). Any other 警告 on a correct
 * workbook is a false alarm — last year's tables on a hidden sheet included (a 提示 that they were ignored).
 */
function expectedWarning(r: Rendered, f: Finding): boolean {
  if (f.rule === 'C-其他年度科目名称') return r.accounts.label.startsWith('seed:');
  return false;
}

/** Property (a) on a rendered workbook. */
export function checkCorrect(r: Rendered, o: Outcome = check(r.workbook)): CorrectResult {
  const errors = o.findings.filter((f) => f.severity === '错误');
  const warnings = o.findings.filter((f) => f.severity === '警告' && !expectedWarning(r, f));
  const figs = figuresByCell(o.accounts);
  const misread: string[] = [];
  for (const [cell, w] of r.amounts) {
    const f = figs.get(cell);
    if (w.fen === 0 ? f && f.fen !== 0 : !f || f.fen !== w.fen) misread.push(`${cell} ${w.key}: written ${w.fen} 分, read ${f ? f.fen : 'nothing'}`);
  }
  for (const [cell, f] of figs) if (!r.amounts.has(cell) && f.fen !== 0) misread.push(`${cell}: read ${f.fen} 分 from a cell that holds no figure ("${f.raw}")`);
  return { errors, warnings, misread, missingTables: o.accounts.missing };
}

// ---------------------------------------------------------------------------------------------
// Mutations

export interface Mutation {
  /** 'empty': a figure typed into a table written in one of its empty forms. */
  kind: 'amount' | 'code' | 'name' | 'empty';
  cell: string;
  table: string;
  before: ExcelJS.CellValue;
  after: ExcelJS.CellValue;
  what: string;
  /** The number format the new value is written with (as the layout writes amounts), when it has one. */
  fmt?: string;
  /** Other cells the change writes (the "合计" label of a row typed under an empty table's header). */
  also?: { cell: string; before: ExcelJS.CellValue; after: ExcelJS.CellValue }[];
}

function cellOf(wb: ExcelJS.Workbook, ref: string): ExcelJS.Cell {
  const i = ref.lastIndexOf('!');
  return wb.getWorksheet(ref.slice(0, i))!.getCell(ref.slice(i + 1));
}

/** A code of the same length, not in the catalogue and not in the table: the last two digits become 9x. */
function strangeCode(code: string, kind: 'functional' | 'economic', year: number): string {
  const known = kind === 'functional' ? functionalCatalogue().forYear(year) : new Map(ECONOMIC.map((e) => [e.code, e]));
  for (const s of ['97', '96', '95', '94', '93', '92', '91']) {
    const c = code.slice(0, -2) + s;
    if (!known.has(c)) return c;
  }
  return code.slice(0, -2) + '98';
}

/** Another name, plainly not the code's: a real 科目 name from elsewhere in the catalogue. */
function otherName(name: string, kind: 'functional' | 'economic'): string {
  const pool = kind === 'functional' ? ['国家赔偿费用支出', '公共法律服务', '群众体育', '专项普查活动'] : ['取暖费', '因公出国（境）费用', '职业年金缴费'];
  return pool.find((p) => p !== name)!;
}

/** The mutations of a case: one amount, and one code or one name, chosen by the seed. */
export function mutationsFor(c: Case, r: Rendered): Mutation[] {
  const rng = new Prng(c.seed * 131 + 5);
  const out: Mutation[] = [];
  // Not the zeros of a table written in an empty form: figures typed into empty tables are their own class of
  // change (emptyTableMutation), in every empty form.
  const amounts = [...r.amounts.entries()].filter(([, w]) => !r.emptyTables.includes(w.table));
  if (amounts.length) {
    const [cell, w] = rng.pick(amounts);
    const before = cellOf(r.workbook, cell).value;
    // 1 万元 more than shown: beyond any rounding bound of these tables.
    const out1 = amountCell(r.layout.unit === 'wan' || r.layout.zero !== 'blank' ? r.layout : { ...r.layout, zero: '0' }, w.fen + 1_000_000);
    out.push({ kind: 'amount', cell, table: w.table, before, after: out1.v ?? null, what: `${w.key} ${w.fen} → ${w.fen + 1_000_000} 分` });
  }
  const items = (m: Map<string, { code: string; kind: 'functional' | 'economic'; name: string; table: string; form: string }>) =>
    [...m.entries()].filter(([, w]) => w.code.length === (w.kind === 'functional' ? 7 : 5));
  const codes = items(r.codes);
  const names = items(r.names);
  if (codes.length && (rng.bool(0.5) || !names.length)) {
    const [cell, w] = rng.pick(codes);
    const before = cellOf(r.workbook, cell).value;
    const code = strangeCode(w.code, w.kind, r.year);
    let after: ExcelJS.CellValue;
    if (w.form === 'code-number') after = Number(code);
    else if (w.form === 'part') after = code.slice(-2);
    else after = String(before).replace(w.code, code);
    out.push({ kind: 'code', cell, table: w.table, before, after, what: `${w.code} → ${code}` });
  } else if (names.length) {
    const [cell, w] = rng.pick(names);
    const before = cellOf(r.workbook, cell).value;
    const name = otherName(w.name, w.kind);
    out.push({ kind: 'name', cell, table: w.table, before, after: String(before).replace(w.name, name), what: `${w.code} ${w.name} → ${name}` });
  }
  return out;
}

/**
 * A figure typed into an empty table (issue 9 item 2: an empty table is one with no non-zero amount under its
 * header, whatever its note says): 1 万元 in one amount cell of a table written in an empty form — a 合计 or an
 * item column of a row of zeros or dashes, or a "合计" row typed into the blank row under the header, or under the
 * note when the table has no row. It must be read and checked, never a silent 0: a 错误 names the cell.
 */
export function emptyTableMutation(c: Case, r: Rendered): Mutation | undefined {
  const rng = new Prng(c.seed * 173 + 11);
  const zeros = [...r.amounts.entries()].filter(([, w]) => r.emptyTables.includes(w.table));
  const slots = r.emptySlots.filter((s) => r.emptyTables.includes(s.table));
  if (!zeros.length && !slots.length) return undefined;
  // Written the way the layout writes its amounts (a number keeps its "#,##0.00" format).
  const out = amountCell(r.layout, 1_000_000);
  const typed = out.v ?? null;
  if (zeros.length && (!slots.length || rng.bool(0.5))) {
    const [cell, w] = rng.pick(zeros);
    return { kind: 'empty', cell, table: w.table, before: cellOf(r.workbook, cell).value, after: typed, fmt: out.fmt, what: `${w.key} in empty ${w.table}: ${w.fen} → 1,000,000 分` };
  }
  const slot = rng.pick(slots);
  const at = rng.pick(slot.amounts);
  const labelled = !slot.amounts.some((a) => a.cell === slot.label);
  return {
    kind: 'empty',
    cell: at.cell,
    table: slot.table,
    before: cellOf(r.workbook, at.cell).value,
    after: typed,
    fmt: out.fmt,
    what: `${at.key} typed ${labelled ? 'in a 合计 row ' : ''}under the header of empty ${slot.table} (${r.layout.emptyForm}): 1,000,000 分`,
    also: labelled ? [{ cell: slot.label, before: cellOf(r.workbook, slot.label).value, after: '合计' }] : [],
  };
}

export interface MutationResult {
  mutation: Mutation;
  found: boolean;
  findings: Finding[];
}

function strip(ref: string): string {
  return ref.replace(/^'(.*)'!/, '$1!');
}

/**
 * Property (b): apply the mutation, check, restore. Amounts (in any table, an empty one included) must draw a 错误
 * naming the cell; codes and names a 错误 or 警告.
 */
export function checkMutation(r: Rendered, m: Mutation): MutationResult {
  const writes = [{ cell: m.cell, before: m.before, after: m.after }, ...(m.also ?? [])].map((w) => {
    const cell = cellOf(r.workbook, w.cell);
    return { ...w, target: cell, fmt: cell.numFmt };
  });
  for (const w of writes) w.target.value = w.after;
  if (m.fmt) writes[0].target.numFmt = m.fmt;
  try {
    const o = check(r.workbook);
    const severities = m.kind === 'amount' || m.kind === 'empty' ? ['错误'] : ['错误', '警告'];
    const findings = o.findings.filter((f) => severities.includes(f.severity) && f.cells.some((x) => strip(x) === m.cell));
    return { mutation: m, found: findings.length > 0, findings };
  } finally {
    for (const w of writes.reverse()) {
      w.target.value = w.before;
      w.target.numFmt = w.fmt;
    }
  }
}

export function describeCase(c: Case): string {
  return `seed ${c.seed} (${c.accounts.label}, ${c.accounts.d.spec.year}) ${describeLayout(c.layout)}`;
}
