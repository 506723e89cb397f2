/**
 * The 补充信息 sheet: building it (prefilled with what the workbook already states, keeping what the user
 * typed before) and reading it back into values that remember their cells.
 *
 * Layout: A 分组 | B 项目 | C 填写 | D 单位 | E 说明 | F key (hidden). Values are always in column C so the
 * 执行率汇总 formulas can point at them.
 */
import { Accounts } from '../model/types';
import { printedWanyuanExpr, quantityFigure, tableUnit } from '../model/quantities';
import { asPrinted, fenToWanyuanNumber } from '../money/rounding';
import { CellValue, isCellError, WorkbookSnapshot } from '../snapshot/types';
import { SheetSpec, SpecCell, text, num, formula } from '../output/sheetSpec';
import { FIELDS, FieldDef, FIELD_BY_KEY, fundItemFields, itemFieldKind, itemFields, lastItemFields } from './fields';
import { Fen, formatWanyuan, parseDecimal, decimalToFen, decimalFromNumber } from '../money/money';
import { cellText, norm } from '../recognise/grid';
import { cellRef } from '../snapshot/address';

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
 * `note` in the 说明 column. Notes starting with IMPORT_NOTE survive a later rebuild.
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

/** A cell of the 填写 column exactly as the user left it (parsed or not), so it can be written back unchanged. */
export interface TypedCell {
  key: string;
  label: string;
  /** The displayed text. */
  raw: string;
  /** The cell's value (a formula's cached result; null when it has none). */
  value: CellValue;
  /** The formula text without "=", when the reader knows it. */
  formula?: string;
  isFormula?: boolean;
  /** Number format. */
  numFmt?: string;
  /** 0-based row in the sheet. */
  row: number;
}

export interface Supplement {
  /** Present only when the user (or the prefill) gave a value. */
  values: Map<string, SupplementValue>;
  /** Every field row's cell, filled or not (for formulas that point at an empty input). */
  cells: Map<string, string>;
  problems: string[];
  /** The sheet exists in the workbook. */
  present: boolean;
  /** Every non-empty 填写 cell as typed, including the ones that could not be used. */
  typed: Map<string, TypedCell>;
  /** The sheet read (when present) and its last used row (0-based). */
  sheetName?: string;
  lastRow?: number;
}

export function emptySupplement(): Supplement {
  return { values: new Map(), cells: new Map(), problems: [], present: false, typed: new Map() };
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
  sup.sheetName = sheet.name;
  sup.lastRow = sheet.cells.length - 1;
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
    // A later row of the same key gives the value when the first row is empty (an import appended below).
    const hasValue = !!row[VALUE_COL] && (!!row[VALUE_COL]?.formula || cellText(row[VALUE_COL]).trim() !== '');
    if (sup.cells.has(key) && (sup.typed.has(key) || !hasValue)) {
      if (hasValue) {
        sup.problems.push(`补充信息第${r + 1}行（${field?.label ?? key}）：与第${rowOf(sup.cells.get(key)!)}行是同一项目，只使用了第${rowOf(sup.cells.get(key)!)}行。`);
      }
      return;
    }
    sup.cells.set(key, cell);
    const c = row[VALUE_COL];
    if (!c) return;
    const raw = cellText(c).trim();
    const labelText = field?.label ?? key;
    if (c.formula || raw !== '') {
      sup.typed.set(key, { key, label: labelText, raw, value: c.v, formula: c.formulaText, isFormula: c.formula, numFmt: c.f, row: r });
    }
    const where = `补充信息第${r + 1}行（${labelText}）`;
    if (c.formula && (c.v === null || c.v === '')) {
      sup.problems.push(`${where}：公式没有计算结果（文件未经 Excel 计算保存），未使用。请在 Excel 中打开、保存后再运行。`);
      return;
    }
    if (isCellError(c.v)) {
      sup.problems.push(`${where}：是错误值 ${c.v.error}，未使用。`);
      return;
    }
    if (raw === '') return;
    const parsed = parseFieldValue(key, field, raw, c.v, cell, r + 1);
    if ('problem' in parsed) {
      sup.problems.push(parsed.problem);
      return;
    }
    const v = parsed.value;
    if (c.formula) v.formula = true;
    const note = cellText(row[4]).trim();
    if (note) v.note = note;
    sup.values.set(key, v);
  });
  return sup;
}

function rowOf(cell: string): number {
  const m = /(\d+)$/.exec(cell);
  return m ? Number(m[1]) : 0;
}

const KIND_WORD: Record<string, string> = { money: '金额（万元）', count: '非负整数', year: '四位年度', score: '非负数' };

/**
 * Read one typed value as its field's kind says. `cellValue` is the cell's raw value when known (a number
 * typed into a money cell is taken exactly as Excel holds it). A value that cannot be used is a problem naming
 * its row and the text as typed; the cell itself is never changed.
 */
export function parseFieldValue(
  key: string,
  field: FieldDef | undefined,
  raw: string,
  cellValue: unknown,
  cell: string,
  rowNumber?: number,
): { value: SupplementValue } | { problem: string } {
  const v: SupplementValue = { key, field, raw, cell };
  const kind = field?.kind ?? 'text';
  const where = rowNumber ? `补充信息第${rowNumber}行（${field?.label ?? key}）` : `补充信息 ${cell.split('!')[1] ?? cell}（${field?.label ?? key}）`;
  const shown = raw.length > 40 ? raw.slice(0, 40) + '…' : raw;
  const refuse = (why = `不是${KIND_WORD[kind] ?? kind}`) => ({ problem: `${where}：“${shown}”${why}，未使用。` });
  if (kind === 'money') {
    let d: ReturnType<typeof parseDecimal> | undefined;
    try {
      d = typeof cellValue === 'number' ? (Number.isFinite(cellValue) ? decimalFromNumber(cellValue) : undefined) : parseDecimal(raw.replace(/万元$/, ''));
    } catch {
      d = undefined;
    }
    if (!d) return refuse();
    try {
      const fen = decimalToFen(d, 'wanyuan').fen;
      if (!Number.isSafeInteger(fen) || Math.abs(fen) >= 1e15) return refuse('超出可处理的金额范围');
      v.fen = fen;
    } catch {
      return refuse('超出可处理的金额范围');
    }
  } else if (kind === 'count' || kind === 'year' || kind === 'score') {
    let d: ReturnType<typeof parseDecimal> | undefined;
    try {
      d = parseDecimal(raw.replace(/[人辆个次批年分台套（）()]+$/, ''));
    } catch {
      d = undefined;
    }
    const n = d ? Number(d.digits) / 10 ** d.scale : NaN;
    if (!Number.isFinite(n) || (kind !== 'score' && !Number.isInteger(n)) || n < 0 || (kind === 'year' && (n < 1990 || n > 2100))) return refuse();
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

/** A typed cell written back exactly as it was: the formula with its cached result, the number, the text. */
function keptCell(t: TypedCell): SpecCell {
  if (t.isFormula && t.formula) {
    const cached = typeof t.value === 'number' || typeof t.value === 'string' ? t.value : undefined;
    return formula(`=${t.formula}`, cached, 'input', t.numFmt);
  }
  if (typeof t.value === 'number') return num(t.value, 'input', t.numFmt);
  if (typeof t.value === 'string' && !t.isFormula) return text(t.value, 'input');
  return text(t.raw, 'input');
}

/** Beside the prefilled 机关运行经费: it is only a guess (wrong for units with 事业单位 spending). */
export const RUNNING_COST_GUESS =
  '仅为估计，请核实：已链接到基本支出决算表的公用经费合计（已换算为万元）。行政单位的机关运行经费即日常公用经费；有下属事业单位或事业单位支出的，公用经费中含非机关运行经费，请改填实际数';

function prefills(accounts: Accounts): Map<string, SpecCell> {
  const prefill = new Map<string, SpecCell>();
  if (accounts.facts.unitName) prefill.set('unitName', text(accounts.facts.unitName, 'input'));
  if (accounts.facts.year) prefill.set('year', num(accounts.facts.year, 'input', '0'));
  // 机关运行经费 of a 行政单位 is its 公用经费: prefill a live link to 表6's 公用经费合计 (the catalogue's
  // quantity), which the user may overwrite. The link reads the printed 万元 amount: ROUND(cell/10000,2) from a
  // table in 元 (this sheet is in 万元), the same expression the 执行率汇总 uses.
  const pub = quantityFigure(accounts, 'basic.public', 'T6');
  if (pub && !pub.blank && pub === accounts.T6?.publicTotal?.values.amount) {
    prefill.set('running.amount', formula(`=${printedWanyuanExpr(pub, tableUnit(accounts, 'T6'))}`, fenToWanyuanNumber(asPrinted(pub.fen)), 'input', '0.00'));
  }
  return prefill;
}

function fieldRow(f: FieldDef, value: SpecCell, linked: boolean, note?: string): SpecCell[] {
  const hint = note
    ? note
    : linked
    ? RUNNING_COST_GUESS
    : f.hint ?? (f.kind === 'reason' ? '不填则在说明中留出待填写的位置' : '');
  return [text(''), text(f.label, 'label'), value, text(f.unit ?? '', 'note'), text(hint, 'note'), text(f.key, 'note')];
}

/**
 * Build the 补充信息 sheet. Every value already typed (in `existing`, parsed or not) is written back as it was
 * typed — a formula stays a formula, text stays text; 单位名称 and 年度 are prefilled from the workbook when the
 * user has not typed them.
 */
export function buildSupplementSheet(accounts: Accounts, existing: Supplement = emptySupplement(), filled: FilledValue[] = []): SheetSpec {
  const fill = new Map(filled.map((v) => [v.key, v]));
  const rows: (SpecCell | undefined)[][] = [];
  rows.push([text('补充信息（决算助手）', 'title')]);
  rows.push([
    text('请在“填写”列（C列）填入决算表中没有、而情况说明和执行率需要的数据。金额单位为万元，保留两位小数；不涉及的填0；原因类文字写完整的一句话。重新运行“补充信息”时已填内容会保留。', 'note'),
  ]);
  rows.push([text('分组', 'header'), text('项目', 'header'), text('填写', 'header'), text('单位', 'header'), text('说明', 'header'), text('key', 'header')]);
  const prefill = prefills(accounts);
  let group = '';
  for (const f of allFields(accounts)) {
    if (f.group !== group) {
      group = f.group;
      rows.push([text(group, 'heading2')]);
    }
    const typed = existing.typed.get(f.key);
    const old = existing.values.get(f.key);
    let value: SpecCell = { kind: 'empty', style: 'input' };
    const imported = !typed && !old ? fill.get(f.key) : undefined;
    if (typed) value = keptCell(typed);
    else if (old) value = text(old.raw, 'input');
    else if (imported) value = filledCell(imported, f);
    else if (prefill.has(f.key)) value = prefill.get(f.key)!;
    const note = imported?.note ?? (old?.note?.startsWith(IMPORT_NOTE) ? old.note : undefined);
    rows.push(fieldRow(f, value, f.key === 'running.amount' && !typed && !old && !imported && prefill.has(f.key), note));
  }
  // Values the user typed for keys that no longer exist (e.g. a 项 that left table 5) are kept at the end.
  const known = new Set(allFields(accounts).map((f) => f.key));
  // Filled values with no row this year (a 项 of last year's table 5 that is gone): listed for reference.
  const extra = filled.filter((v) => !known.has(v.key) && !existing.typed.has(v.key));
  if (extra.length) {
    rows.push([text('上年有、本年已没有的项目（仅供参考）', 'heading2')]);
    for (const v of extra) {
      rows.push(extraRow(v));
      known.add(v.key);
    }
  }
  const orphans = [...existing.typed.values()].filter((v) => !known.has(v.key));
  if (orphans.length) {
    rows.push([text('以前填写、本次表中已没有对应项目的内容（保留备查）', 'heading2')]);
    for (const v of orphans) rows.push([text(''), text(v.label, 'label'), keptCell(v), text(''), text(''), text(v.key, 'note')]);
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

/**
 * The rows to add below an existing 补充信息 sheet: only the fields it does not have yet (a 项 new in table 5,
 * a field of a newer version), placed after its last row. Everything already in the sheet — typed values,
 * formulas, notes, rows the user added, formats — is left exactly as it is. Returns undefined when nothing is
 * missing.
 */
export function buildSupplementAppendix(
  accounts: Accounts,
  existing: Supplement,
  filled: FilledValue[] = [],
): { spec: SheetSpec; added: FieldDef[]; imported: number } | undefined {
  const missing = allFields(accounts).filter((f) => !existing.cells.has(f.key));
  // Imported values for rows the sheet has but left empty: a block of their own below (the reader takes a
  // later row's value when the first row of a key is empty), so no existing cell is touched.
  const fields = new Map(allFields(accounts).map((f) => [f.key, f]));
  const fill = new Map(filled.map((v) => [v.key, v]));
  const intoExisting = filled.filter((v) => existing.cells.has(v.key) && !existing.typed.has(v.key));
  const gone = filled.filter((v) => !fields.has(v.key) && !existing.cells.has(v.key));
  if (!missing.length && !intoExisting.length && !gone.length) return undefined;
  const rows: (SpecCell | undefined)[][] = [];
  let r = (existing.lastRow ?? 0) + 2; // one empty row between
  const prefill = prefills(accounts);
  if (missing.length) {
    rows[r++] = [text(`决算助手新增的项目（${missing.length} 项）`, 'heading2')];
    for (const f of missing) {
      const imported = fill.get(f.key);
      rows[r++] = fieldRow(f, imported ? filledCell(imported, f) : (prefill.get(f.key) ?? { kind: 'empty', style: 'input' }), f.key === 'running.amount' && !imported && prefill.has(f.key), imported?.note);
    }
  }
  if (intoExisting.length) {
    rows[r++] = [text(`从上年决算导入的数（${intoExisting.length} 项，来源见“说明”列；上方同一项目填写后以上方为准）`, 'heading2')];
    for (const v of intoExisting) {
      const f = fields.get(v.key) ?? existing.values.get(v.key)?.field;
      rows[r++] = f ? fieldRow(f, filledCell(v, f), false, v.note) : extraRow(v);
    }
  }
  if (gone.length) {
    rows[r++] = [text('上年有、本年已没有的项目（仅供参考）', 'heading2')];
    for (const v of gone) rows[r++] = extraRow(v);
  }
  for (let i = 0; i < rows.length; i++) rows[i] ||= [];
  const imported = filled.filter((v) => !existing.typed.has(v.key) && (fields.has(v.key) || !existing.cells.has(v.key))).length;
  return { spec: { name: SUPPLEMENT_SHEET, rows }, added: missing, imported };
}

function filledCell(v: FilledValue, f: FieldDef | undefined): SpecCell {
  if (v.fen !== undefined) return num(Number(formatWanyuan(v.fen)), 'input', '0.00');
  if (v.number !== undefined) return num(v.number, 'input', f?.kind === 'year' ? '0' : undefined);
  return text(v.text ?? '', 'input');
}

function extraRow(v: FilledValue): SpecCell[] {
  const cell = filledCell(v, itemFieldFromKey(v.key, v.label ?? v.key));
  return [text(''), text(v.label ?? v.key, 'label'), cell, text(v.fen !== undefined ? '万元' : '', 'note'), text(v.note, 'note'), text(v.key, 'note')];
}
