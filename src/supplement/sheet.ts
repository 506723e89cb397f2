/**
 * The 补充信息 sheet: building it (prefilled with what the workbook already states, keeping what the user
 * typed before) and reading it back into values that remember their cells.
 *
 * Layout: A 分组 | B 项目 | C 填写 | D 单位 | E 说明 | F key (hidden). Values are always in column C so the
 * 执行率汇总 formulas can point at them.
 */
import { Accounts } from '../model/types';
import { WorkbookSnapshot } from '../snapshot/types';
import { SheetSpec, SpecCell, text, num, formula } from '../output/sheetSpec';
import { FIELDS, FieldDef, FIELD_BY_KEY, fundItemFields, itemFieldKind, itemFields, lastItemFields } from './fields';
import { Fen, formatWanyuan, parseDecimal, decimalToFen, decimalFromNumber } from '../money/money';
import { cellText, norm } from '../recognise/grid';
import { cellRef, quoteSheet, splitRef } from '../snapshot/address';

export const SUPPLEMENT_SHEET = '补充信息';
export const VALUE_COL = 2;
export const KEY_COL = 5;

export interface SupplementValue {
  key: string;
  field?: FieldDef;
  /** As typed. */
  raw: string;
  /** money: 分; count/year/score: the number; text/reason: undefined. */
  fen?: Fen;
  number?: number;
  text?: string;
  /** "补充信息!C12" */
  cell: string;
  /** The cell holds a formula (a live link the add-in prefilled, or the user's own). */
  formula?: boolean;
  /** The 说明 column's text (where an imported value came from). */
  note?: string;
}

/**
 * A value the add-in fills in (from last year's workbook): written only where nothing was typed, with
 * `note` in the 说明 column. Notes starting with IMPORT_NOTE survive a later re-run.
 */
export interface FilledValue {
  key: string;
  fen?: Fen;
  number?: number;
  text?: string;
  note: string;
  /** Row label for keys that are not fields of this year's sheet (a 项 gone since last year). */
  label?: string;
}

export const IMPORT_NOTE = '【上年导入】';

export interface Supplement {
  /** Present only when the user (or the prefill) gave a value. */
  values: Map<string, SupplementValue>;
  /** Every field row's cell, filled or not (for formulas that point at an empty input). */
  cells: Map<string, string>;
  problems: string[];
  /** The sheet exists in the workbook. */
  present: boolean;
}

export function emptySupplement(): Supplement {
  return { values: new Map(), cells: new Map(), problems: [], present: false };
}

/** The 项 rows of table 5 that get a budget, a reason and a use row. */
export function itemsOf(accounts: Accounts): { code: string; name: string }[] {
  return (accounts.T5?.rows ?? []).filter((r) => r.level === 'subitem').map((r) => ({ code: r.code, name: r.name }));
}

/** The 项 rows of table 8 (fund) or table 9 (capital) with money in them. */
export function fundItemsOf(accounts: Accounts, fund: 'fund' | 'capital'): { code: string; name: string }[] {
  const t = fund === 'fund' ? accounts.T8 : accounts.T9;
  if (!t || t.location.empty) return [];
  return t.rows
    .filter((r) => r.level === 'subitem' && Object.values(r.values).some((v) => v && v.fen !== 0))
    .map((r) => ({ code: r.code, name: r.name }));
}

/** The 类 rows of table 5 (for their last-year fields). */
export function classesOf(accounts: Accounts): { code: string; name: string }[] {
  return (accounts.T5?.rows ?? []).filter((r) => r.level === 'class').map((r) => ({ code: r.code, name: r.name }));
}

export function allFields(accounts: Accounts): FieldDef[] {
  return [
    ...FIELDS,
    ...lastItemFields(classesOf(accounts), itemsOf(accounts)),
    ...itemFields(itemsOf(accounts)),
    ...fundItemFields('fund', fundItemsOf(accounts, 'fund')),
    ...fundItemFields('capital', fundItemsOf(accounts, 'capital')),
  ];
}

/** Read the 补充信息 sheet (if any) from a snapshot. */
export function readSupplement(snapshot: WorkbookSnapshot, accounts?: Accounts): Supplement {
  const sheet = snapshot.sheets.find((s) => s.name === SUPPLEMENT_SHEET) ?? snapshot.sheets.find((s) => /^补充信息/.test(s.name));
  const sup = emptySupplement();
  if (!sheet) return sup;
  sup.present = true;
  const fields = accounts ? allFields(accounts) : FIELDS;
  const byLabel = new Map(fields.map((f) => [norm(f.label), f]));
  sheet.cells.forEach((row, r) => {
    if (!row) return;
    const keyText = cellText(row[KEY_COL]).trim();
    const label = norm(cellText(row[1]));
    let field = keyText ? FIELD_BY_KEY.get(keyText) ?? fields.find((f) => f.key === keyText) : undefined;
    let key = keyText;
    if (!field && !keyText) {
      field = byLabel.get(label);
      key = field?.key ?? '';
    }
    if (!key) return;
    if (!field) field = itemFieldFromKey(key, cellText(row[1]));
    // Only our own keys (the header row says "key"; a user's note in column F is not a field).
    if (!field && !/^[a-zA-Z]+(\.[\w.]+)+$/.test(key)) return;
    const cell = cellRef(sheet.name, r, VALUE_COL);
    sup.cells.set(key, cell);
    const c = row[VALUE_COL];
    const raw = cellText(c).trim();
    if (raw === '') return;
    const parsed = parseFieldValue(key, field, raw, c?.v, cell);
    if ('problem' in parsed) {
      sup.problems.push(parsed.problem);
      return;
    }
    const v = parsed.value;
    if (c?.formula) v.formula = true;
    const note = cellText(row[4]).trim();
    if (note) v.note = note;
    sup.values.set(key, v);
  });
  return sup;
}

/**
 * Read one typed value as its field's kind says. `cellValue` is the cell's raw value when known (a number
 * typed into a money cell is taken exactly as Excel holds it).
 */
export function parseFieldValue(
  key: string,
  field: FieldDef | undefined,
  raw: string,
  cellValue: unknown,
  cell: string,
): { value: SupplementValue } | { problem: string } {
  const v: SupplementValue = { key, field, raw, cell };
  const kind = field?.kind ?? 'text';
  const where = `补充信息 ${cell.split('!')[1] ?? cell}（${field?.label ?? key}）`;
  if (kind === 'money') {
    const d = typeof cellValue === 'number' ? decimalFromNumber(cellValue) : parseDecimal(raw.replace(/万元$/, ''));
    if (!d) return { problem: `${where}应填金额（万元），但填的是“${raw}”，已忽略。` };
    v.fen = decimalToFen(d, 'wanyuan').fen;
  } else if (kind === 'count' || kind === 'year' || kind === 'score') {
    const d = parseDecimal(raw.replace(/[人辆个次批年分台套（）()]+$/, ''));
    const n = d ? Number(d.digits) / 10 ** d.scale : NaN;
    if (!Number.isFinite(n) || (kind !== 'score' && !Number.isInteger(n)) || n < 0) {
      return { problem: `${where}应填${kind === 'year' ? '四位年度' : kind === 'score' ? '非负数' : '非负整数'}，但填的是“${raw}”，已忽略。` };
    }
    v.number = n;
  } else v.text = raw;
  return { value: v };
}

/**
 * A Supplement from plain values (tests, the command line's --set, another program): money as 万元 text or
 * number, counts as numbers, reasons as text. Cells are "补充信息!<key>" unless given.
 */
export function supplementFromValues(values: Record<string, string | number | undefined>, cells: Record<string, string> = {}): Supplement {
  const sup = emptySupplement();
  sup.present = true;
  for (const [key, val] of Object.entries(values)) {
    const cell = cells[key] ?? `${SUPPLEMENT_SHEET}!${key}`;
    sup.cells.set(key, cell);
    if (val === undefined || String(val).trim() === '') continue;
    const field = FIELD_BY_KEY.get(key) ?? itemFieldFromKey(key, key);
    const parsed = parseFieldValue(key, field, String(val).trim(), val, cell);
    if ('problem' in parsed) sup.problems.push(parsed.problem);
    else sup.values.set(key, parsed.value);
  }
  return sup;
}

function itemFieldFromKey(key: string, label: string): FieldDef | undefined {
  const kind = itemFieldKind(key);
  if (!kind) return undefined;
  return { key, group: '', label, kind, unit: kind === 'money' ? '万元' : undefined };
}

/**
 * Build the 补充信息 sheet. Values already typed (in `existing`) are kept; 单位名称 and 年度 are prefilled
 * from the workbook when the user has not typed them.
 */
export function buildSupplementSheet(accounts: Accounts, existing: Supplement = emptySupplement(), filled: FilledValue[] = []): SheetSpec {
  const fill = new Map(filled.map((v) => [v.key, v]));
  const rows: (SpecCell | undefined)[][] = [];
  rows.push([text('补充信息（决算助手）', 'title')]);
  rows.push([
    text('请在“填写”列（C列）填入决算表中没有、而情况说明和执行率需要的数据。金额单位为万元，保留两位小数；不涉及的填0；原因类文字写完整的一句话。重新运行“补充信息”时已填内容会保留。', 'note'),
  ]);
  rows.push([text('分组', 'header'), text('项目', 'header'), text('填写', 'header'), text('单位', 'header'), text('说明', 'header'), text('key', 'header')]);
  const prefill = new Map<string, SpecCell>();
  if (accounts.facts.unitName) prefill.set('unitName', text(accounts.facts.unitName, 'input'));
  if (accounts.facts.year) prefill.set('year', num(accounts.facts.year, 'input', '0'));
  // 机关运行经费 of a 行政单位 is its 公用经费: prefill a live link to 表6's 公用经费合计, which the user may overwrite.
  const pub = accounts.T6?.publicTotal?.values.amount;
  if (pub && !pub.blank) {
    const ref = splitRef(pub.cell);
    if (ref) prefill.set('running.amount', formula(`=${quoteSheet(ref.sheet)}!${ref.address}`, Number(formatWanyuan(pub.fen)), 'input', '0.00'));
  }
  let group = '';
  for (const f of allFields(accounts)) {
    if (f.group !== group) {
      group = f.group;
      rows.push([text(group, 'heading2')]);
    }
    const old = existing.values.get(f.key);
    let value: SpecCell = { kind: 'empty', style: 'input' };
    if (old?.formula && prefill.has(f.key)) {
      value = prefill.get(f.key)!; // keep our live link live
    } else if (old) {
      if (old.fen !== undefined) value = num(Number(formatWanyuan(old.fen)), 'input', '0.00');
      else if (old.number !== undefined) value = num(old.number, 'input', f.kind === 'year' ? '0' : undefined);
      else value = text(old.text ?? old.raw, 'input');
    } else if (fill.has(f.key)) value = filledCell(fill.get(f.key)!, f);
    else if (prefill.has(f.key)) value = prefill.get(f.key)!;
    const imported = !old && fill.has(f.key) ? fill.get(f.key)!.note : old?.note?.startsWith(IMPORT_NOTE) ? old.note : undefined;
    const hint =
      imported ??
      (f.key === 'running.amount' && !old && prefill.has(f.key)
        ? '已链接到基本支出决算表的公用经费合计（行政单位的机关运行经费即日常公用经费）；有下属事业单位的请改填实际数'
        : f.hint ?? (f.kind === 'reason' ? '不填则在说明中留出待填写的位置' : ''));
    rows.push([text(''), text(f.label, 'label'), value, text(f.unit ?? '', 'note'), text(hint, 'note'), text(f.key, 'note')]);
  }
  // Values the user typed for keys that no longer exist (e.g. a 项 that left table 5) are kept at the end.
  const known = new Set(allFields(accounts).map((f) => f.key));
  // Filled values with no row this year (a 项 of last year's table 5 that is gone): listed for reference.
  const extra = filled.filter((v) => !known.has(v.key) && !existing.values.has(v.key));
  if (extra.length) {
    rows.push([text('上年有、本年已没有的项目（仅供参考）', 'heading2')]);
    for (const v of extra) {
      const cell = filledCell(v, itemFieldFromKey(v.key, v.label ?? v.key));
      rows.push([text(''), text(v.label ?? v.key, 'label'), cell, text(v.fen !== undefined ? '万元' : '', 'note'), text(v.note, 'note'), text(v.key, 'note')]);
      known.add(v.key);
    }
  }
  const orphans = [...existing.values.values()].filter((v) => !known.has(v.key));
  if (orphans.length) {
    rows.push([text('以前填写、本次表中已没有对应项目的内容（保留备查）', 'heading2')]);
    for (const v of orphans) rows.push([text(''), text(v.field?.label ?? v.key, 'label'), text(v.raw, 'input'), text(''), text(v.note ?? ''), text(v.key, 'note')]);
  }
  return {
    name: SUPPLEMENT_SHEET,
    rows,
    columnWidths: [14, 46, 22, 8, 40, 10],
    merges: [
      { r0: 0, c0: 0, r1: 0, c1: 4 },
      { r0: 1, c0: 0, r1: 1, c1: 4 },
    ],
    hiddenColumns: [KEY_COL],
    freezeRows: 3,
  };
}

function filledCell(v: FilledValue, f: FieldDef | undefined): SpecCell {
  if (v.fen !== undefined) return num(Number(formatWanyuan(v.fen)), 'input', '0.00');
  if (v.number !== undefined) return num(v.number, 'input', f?.kind === 'year' ? '0' : undefined);
  return text(v.text ?? '', 'input');
}
