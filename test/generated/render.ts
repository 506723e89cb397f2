/**
 * The renderer: an accounts specification (GenAccounts) written as an exceljs workbook in one combination of
 * the layout dimensions (Layout), in memory. Every table is first laid out as a Block (cells, merges, hidden
 * columns, and what each cell holds), then blocks are placed on sheets by the arrangement. The result says
 * where every figure, code and name went, so properties can compare what the reader reads with what was written
 * and mutate any one cell.
 */
import ExcelJS from 'exceljs';
import { ECONOMIC, CLASS_NAMES } from '../fixtures/specs/catalogue';
import { DCoded, DRow } from '../fixtures/builder/derive';
import { T1_INCOME_LABELS } from '../fixtures/builder/lines';
import { cnOrdinal } from '../fixtures/builder/sheet';
import { GenAccounts, fenOf } from './accounts';
import { Layout } from './layout';
import { Prng } from './prng';
import { columnName } from '../../src/snapshot/address';

export type TableKey = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9';

/** What one written cell holds, for the properties. */
export interface WrittenAmount {
  table: TableKey;
  key: string;
  /** The figure as shown, in 分 (the exact figure rounded the way the layout's unit rounds). */
  fen: number;
}
export interface WrittenCode {
  table: TableKey;
  kind: 'functional' | 'economic';
  code: string;
  name: string;
  /** How the cell holds the code: alone, as the last part of a split code, or with the name. */
  form: 'code' | 'code-number' | 'part' | 'in-name';
}

export interface EmptySlot {
  table: TableKey;
  /** The label cell of the row ("合计" goes there). */
  label: string;
  /** Its amount cells, each with the key of the figure the column holds. */
  amounts: { cell: string; key: string }[];
}

export interface Rendered {
  workbook: ExcelJS.Workbook;
  /** "Sheet!A1" → what was written there. */
  amounts: Map<string, WrittenAmount>;
  codes: Map<string, WrittenCode>;
  names: Map<string, WrittenCode>;
  /** Tables written without data (their empty form). */
  emptyTables: TableKey[];
  /**
   * Where a figure could be typed into an empty table written without amount cells (a blank row, a note, no row):
   * the first free row under its header (no-row: the row under the note), with its label cell and amount cells.
   */
  emptySlots: EmptySlot[];
  /** Where each table was placed: sheet and 0-based cell range. */
  ranges: Map<string, { sheet: string; r0: number; c0: number; r1: number; c1: number }>;
  layout: Layout;
  accounts: GenAccounts;
  year: number;
  unitName: string;
}

// ---------------------------------------------------------------------------------------------
// Amount formatting

const FEN_STEP: Record<Layout['unit'], number> = { wan: 10000, 'yuan-hundreds': 10000, 'yuan-whole': 100, 'yuan-fen': 1 };

/** Round half away from zero to a multiple of step (an export rounding exact 分). */
export function roundTo(fen: number, step: number): number {
  const s = Math.sign(fen);
  return s * Math.floor((Math.abs(fen) + step / 2) / step) * step;
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const FULL = '０１２３４５６７８９';
function fullWidth(s: string): string {
  return s.replace(/\d/g, (d) => FULL[Number(d)]);
}

export interface CellOut {
  v?: string | number;
  fmt?: string;
}

/** How the layout writes an amount already rounded to its unit (in 分). */
export function amountCell(l: Layout, disp: number): CellOut {
  if (disp === 0) {
    switch (l.zero) {
      case 'blank':
        return {};
      case 'emdash':
        return { v: '—' };
      case 'dash':
        return { v: '-' };
      case '0':
        return l.numbers === 'number' ? { v: 0, fmt: '0' } : { v: '0' };
      case '0.00':
        return l.numbers === 'number' ? { v: 0, fmt: '0.00' } : { v: '0.00' };
    }
  }
  const neg = disp < 0;
  const a = Math.abs(disp);
  let int: string;
  let dec: string;
  if (l.unit === 'wan') {
    const h = a / 10000; // hundredths of 万元
    int = String(Math.floor(h / 100));
    dec = String(h % 100).padStart(2, '0');
  } else {
    int = String(Math.floor(a / 100));
    dec = String(a % 100).padStart(2, '0');
  }
  const showDec = l.unit === 'wan' || l.unit === 'yuan-fen' || l.yuanDecimals;
  const plain = `${neg ? '-' : ''}${int}${showDec ? `.${dec}` : ''}`;
  if (l.numbers === 'number') return { v: Number(plain), fmt: showDec ? '#,##0.00' : '#,##0' };
  if (l.numbers === 'text') return { v: `${neg ? '-' : ''}${group(int)}${showDec ? `.${dec}` : ''}` };
  return { v: fullWidth(plain) };
}

// ---------------------------------------------------------------------------------------------
// Blocks

interface Placed<T> {
  r: number;
  c: number;
  what: T;
}

class Block {
  cells = new Map<string, CellOut>();
  merges: Array<[number, number, number, number]> = [];
  hiddenCols = new Set<number>();
  amounts: Placed<WrittenAmount>[] = [];
  codes: Placed<WrittenCode>[] = [];
  names: Placed<WrittenCode>[] = [];
  emptySlots: { r: number; label: number; amounts: Array<[number, TableKey, string]> }[] = [];
  width = 0;
  height = 0;
  constructor(public id: string) {}

  set(r: number, c: number, out: CellOut): void {
    this.width = Math.max(this.width, c + 1);
    this.height = Math.max(this.height, r + 1);
    if (out.v === undefined || out.v === '') return;
    this.cells.set(`${r},${c}`, out);
  }
  text(r: number, c: number, s: string | number): void {
    this.set(r, c, { v: s });
  }
  merge(r0: number, c0: number, r1: number, c1: number): void {
    if (r0 === r1 && c0 === c1) return;
    this.merges.push([r0, c0, r1, c1]);
    this.width = Math.max(this.width, c1 + 1);
    this.height = Math.max(this.height, r1 + 1);
  }
}

interface HeaderNode {
  label: string;
  children?: HeaderNode[];
}

function depth(n: HeaderNode): number {
  return n.children?.length ? 1 + Math.max(...n.children.map(depth)) : 1;
}
function leafCount(n: HeaderNode): number {
  return n.children?.length ? n.children.reduce((a, ch) => a + leafCount(ch), 0) : 1;
}

/** A merged header tree at (r0, c0); returns its rows and the column of every leaf. */
function header(b: Block, r0: number, c0: number, nodes: HeaderNode[], rows?: number): { rows: number; leafCols: number[] } {
  const d = rows ?? Math.max(...nodes.map(depth));
  const last = r0 + d - 1;
  const leafCols: number[] = [];
  const place = (n: HeaderNode, top: number, col: number): number => {
    const w = leafCount(n);
    const bottom = last - (depth(n) - 1);
    b.text(top, col, n.label);
    b.merge(top, col, bottom, col + w - 1);
    if (n.children?.length) {
      let c = col;
      for (const ch of n.children) c += place(ch, bottom + 1, c);
    } else leafCols.push(col);
    return w;
  };
  let c = c0;
  for (const n of nodes) c += place(n, r0, c);
  return { rows: d, leafCols };
}

/** Limit a tree to `rows` levels: deeper groups are flattened into their leaves with the group's name prefixed. */
function limitDepth(nodes: HeaderNode[], rows: number): HeaderNode[] {
  return nodes.flatMap((n) => {
    if (depth(n) <= rows) return [n];
    if (rows <= 1) return flatten(n);
    return [{ label: n.label, children: limitDepth(n.children ?? [], rows - 1) }];
  });
}
function flatten(n: HeaderNode, prefix = ''): HeaderNode[] {
  if (!n.children?.length) return [{ label: prefix && /^(合计|小计)$/.test(n.label) ? `${prefix}${n.label}` : n.label }];
  return n.children.flatMap((ch) => flatten(ch, n.label));
}

// ---------------------------------------------------------------------------------------------
// The renderer

const TABLE_NO: Record<TableKey, number> = { T1: 1, T2: 2, T3: 3, T4: 4, T5: 5, T6: 6, T7: 7, T8: 8, T9: 9 };

class Renderer {
  readonly l: Layout;
  readonly g: GenAccounts;
  readonly year: number;
  readonly unitName: string;
  readonly rng: Prng;
  readonly empty: TableKey[] = [];
  /** Titles for last year's hidden copy. */
  titleYear: number;

  constructor(g: GenAccounts, l: Layout, rng: Prng, titleYear?: number) {
    this.g = g;
    this.l = l;
    this.rng = rng;
    this.year = g.d.spec.year;
    this.titleYear = titleYear ?? this.year;
    this.unitName = g.d.spec.unitName;
  }

  get unitLabel(): string {
    return this.l.unit === 'wan' ? '万元' : '元';
  }

  disp(key: string): number {
    return roundTo(fenOf(this.g, key), FEN_STEP[this.l.unit]);
  }

  amount(b: Block, r: number, c: number, table: TableKey, key: string): void {
    const fen = this.disp(key);
    b.set(r, c, amountCell(this.l, fen));
    b.amounts.push({ r, c, what: { table, key, fen } });
  }

  tableName(id: TableKey): string {
    const w = this.l.wording;
    switch (id) {
      case 'T1':
        return '收入支出决算总表';
      case 'T2':
        return '收入决算表';
      case 'T3':
        return '支出决算表';
      case 'T4':
        return '财政拨款收入支出决算总表';
      case 'T5':
        return '一般公共预算财政拨款支出决算表';
      case 'T6':
        return '一般公共预算财政拨款基本支出决算表';
      case 'T7':
        return w ? '一般公共预算财政拨款“三公”经费支出决算表' : '财政拨款“三公”经费支出决算表';
      case 'T8':
        return '政府性基金预算财政拨款收入支出决算表';
      case 'T9':
        return w ? '国有资本经营预算财政拨款收入支出决算表' : '国有资本经营预算财政拨款支出决算表';
    }
  }

  /** Label, banner, title and unit lines; returns the first free row. */
  titles(b: Block, id: TableKey | string, name: string, width: number): number {
    const l = this.l;
    let r = 0;
    const w = Math.max(width, 4);
    if (l.label) {
      const no = TABLE_NO[id as TableKey];
      b.text(r++, w - 1, no ? `公开${String(no).padStart(2, '0')}表` : '附表');
    }
    if (l.banner === 'book') {
      b.text(r, 0, `${this.unitName}${this.titleYear}年度部门决算表`);
      b.merge(r, 0, r, w - 1);
      r++;
    }
    b.text(r, 0, `${l.titleYear ? `${this.titleYear}年度` : ''}${name}`);
    b.merge(r, 0, r, w - 1);
    r++;
    const unitText = l.unitLine === 'none' ? '' : l.unitLine === 'jine' ? `金额单位：${this.unitLabel}` : `单位：${this.unitLabel}`;
    if (l.banner === 'bianzhi') {
      b.text(r, 0, `编制单位：${this.unitName}`);
      if (!l.titleYear) b.text(r, Math.floor(w / 2), `${this.titleYear}年度`);
      if (unitText) b.text(r, w - 1, unitText);
      r++;
    } else if (unitText) {
      b.text(r++, w - 1, unitText);
    }
    return r;
  }

  /** An empty table's body after its header (item 2's forms). */
  emptyBody(b: Block, r: number, width: number, note: string, totalCols?: { label: number; amounts: Array<[number, TableKey, string]> }): number {
    const l = this.l;
    if (totalCols?.amounts.length && l.emptyForm !== 'zero-row') b.emptySlots.push({ r: l.emptyForm === 'no-row' ? r + 1 : r, label: totalCols.label, amounts: totalCols.amounts });
    switch (l.emptyForm) {
      case 'no-row':
        break;
      case 'blank-row':
        r++;
        break;
      case 'zero-row':
        if (totalCols) {
          b.text(r, totalCols.label, '合计');
          for (const [c, t, k] of totalCols.amounts) this.amount(b, r, c, t, k);
        }
        r++;
        break;
      case 'note':
        r += 3;
        break;
    }
    b.text(r, 0, note);
    b.merge(r, 0, r, Math.max(width - 1, 0));
    return r + 1;
  }

  // ---- coded tables (2, 3, 5, 8, 9)

  coded(t: DCoded): Block {
    const id = t.id as TableKey;
    const l = this.l;
    const b = new Block(id);
    const heads: Record<string, HeaderNode[]> = {
      T2: [
        { label: l.wording ? '合计' : '本年收入合计' },
        { label: '财政拨款收入' },
        { label: '上级补助收入' },
        { label: '事业收入' },
        { label: '经营收入' },
        { label: '附属单位上缴收入' },
        { label: '其他收入' },
      ],
      T3: [
        { label: l.wording ? '合计' : '本年支出合计' },
        { label: '基本支出' },
        { label: '项目支出' },
        { label: '上缴上级支出' },
        { label: '经营支出' },
        { label: '对附属单位补助支出' },
      ],
      T5: l.wording ? [{ label: '本年支出', children: [{ label: '合计' }, { label: '基本支出' }, { label: '项目支出' }] }] : [{ label: '合计' }, { label: '基本支出' }, { label: '项目支出' }],
      T8: [
        { label: '年初结转和结余' },
        { label: '本年收入' },
        { label: '本年支出', children: [{ label: '合计' }, { label: '基本支出' }, { label: '项目支出' }] },
        { label: '年末结转和结余' },
      ],
    };
    heads.T9 = heads.T8;
    const split = l.codes === 'split' || l.codes === 'split-blank-parent';
    const inName = l.codes === 'in-name' || l.codes === 'in-name-bracket';
    const codeCols = split ? 3 : inName ? 0 : 1;
    const nameCol = codeCols;
    const hidden = l.hiddenColumn ? nameCol + 1 : -1;
    const firstAmount = nameCol + 1 + (hidden >= 0 ? 1 : 0);
    const rows = (id === 'T8' || id === 'T9') && l.headerRows === 1 ? 2 : l.headerRows;
    const codeHead: HeaderNode = split
      ? { label: '功能分类科目编码', children: [{ label: '类' }, { label: '款' }, { label: '项' }] }
      : { label: l.wording ? '科目编码' : '功能分类科目编码' };
    const left: HeaderNode[] = inName ? [{ label: l.wording ? '项目' : '功能分类科目' }] : [codeHead, { label: '科目名称' }];
    const leftTree: HeaderNode[] = rows >= 3 && !inName ? [{ label: '项目', children: left }] : rows <= 1 && split ? [{ label: '类' }, { label: '款' }, { label: '项' }, { label: '科目名称' }] : left;
    const width = firstAmount + t.cols.length;
    let r = this.titles(b, id, this.tableName(id), width);
    const h0 = r;
    const lh = header(b, h0, 0, leftTree, rows);
    const ah = header(b, h0, firstAmount, limitDepth(heads[id], rows), rows);
    if (hidden >= 0) {
      b.text(h0, hidden, '辅助列');
      b.hiddenCols.add(hidden);
    }
    r = h0 + Math.max(lh.rows, ah.rows);
    if (l.lineNumbers) {
      b.text(r, 0, '栏次');
      ah.leafCols.forEach((c, i) => b.text(r, c, i + 1));
      r++;
    }
    const amountCols = ah.leafCols;
    if (t.rows.length === 0) {
      this.empty.push(id);
      const what = id === 'T8' ? '政府性基金预算财政拨款收入、支出及结转和结余' : '国有资本经营预算财政拨款收入、支出及结转和结余';
      r = this.emptyBody(b, r, width, `注：本单位${this.titleYear}年度没有${what}，故本表无数据。`, {
        label: nameCol,
        amounts: t.cols.map((k, i) => [amountCols[i], id, `${id}.total.${k}`] as [number, TableKey, string]),
      });
      return b;
    }
    const totalAtBottom = id === 'T5' && l.t5TotalAtBottom;
    const writeTotal = (row: number) => {
      if (codeCols > 0 && l.wording) {
        b.text(row, 0, '合计');
        b.merge(row, 0, row, nameCol);
      } else b.text(row, nameCol, '合计');
      t.cols.forEach((k, i) => this.amount(b, row, amountCols[i], id, `${id}.total.${k}`));
    };
    if (!totalAtBottom) writeTotal(r++);
    for (const x of t.rows) {
      this.codedRow(b, r, x, id, codeCols, nameCol, hidden);
      t.cols.forEach((k, i) => this.amount(b, r, amountCols[i], id, `${id}.row.${x.code}.${k}`));
      r++;
    }
    if (totalAtBottom) writeTotal(r++);
    return b;
  }

  codedRow(b: Block, r: number, x: DRow, id: TableKey, codeCols: number, nameCol: number, hidden: number): void {
    const l = this.l;
    const indent = l.indentNames ? '　'.repeat(x.level === 'class' ? 0 : x.level === 'kuan' ? 1 : 2) : '';
    const what = (form: WrittenCode['form']): WrittenCode => ({ table: id, kind: 'functional', code: x.code, name: x.name, form });
    if (codeCols === 3) {
      const parts = [x.code.slice(0, 3), x.code.slice(3, 5), x.code.slice(5, 7)];
      const own = x.level === 'class' ? 0 : x.level === 'kuan' ? 1 : 2;
      for (let i = 0; i <= own; i++) {
        if (l.codes === 'split-blank-parent' && i < own) continue;
        b.text(r, i, parts[i]);
      }
      b.codes.push({ r, c: own, what: what('part') });
      b.text(r, nameCol, indent + x.name);
      b.names.push({ r, c: nameCol, what: what('in-name') });
    } else if (codeCols === 1) {
      if (l.codes === 'column-number') b.set(r, 0, { v: Number(x.code) });
      else b.text(r, 0, x.code);
      b.codes.push({ r, c: 0, what: what(l.codes === 'column-number' ? 'code-number' : 'code') });
      b.text(r, nameCol, indent + x.name);
      b.names.push({ r, c: nameCol, what: what('in-name') });
    } else {
      const s = l.codes === 'in-name-bracket' ? `${indent}[${x.code}]${x.name}` : `${indent}${x.code} ${x.name}`;
      b.text(r, nameCol, s);
      b.codes.push({ r, c: nameCol, what: what('in-name') });
    }
    if (hidden >= 0) b.text(r, hidden, `${x.code}${x.name}`);
  }

  // ---- two-sided tables (1, 4)

  classLines(prefix: string): Array<{ label: string; key: string }> {
    const used = new Set(prefix === 'T1' ? this.g.d.t1Classes : this.g.d.t4Classes);
    const codes = this.l.allClassLines ? this.g.classForm : this.g.classForm.filter((c) => used.has(c));
    return codes.map((c, i) => ({ label: `${cnOrdinal(i + 1)}、${CLASS_NAMES[c]}`, key: `${prefix}.exp.${c}` }));
  }

  twoSided(id: 'T1' | 'T4'): Block {
    const l = this.l;
    const b = new Block(id);
    const no = l.lineNumbers;
    const amountHead = l.wording ? '金额' : '决算数';
    // columns: left label, [行次], left amount, right label, [行次], right amounts
    const lLabel = 0;
    const lNo = no ? 1 : -1;
    const lAmt = no ? 2 : 1;
    const rLabel = lAmt + 1;
    const rNo = no ? rLabel + 1 : -1;
    const rFirst = rLabel + (no ? 2 : 1);
    const rightCols = id === 'T1' ? [''] : ['.total', '.general', '.gov', '.capital'];
    const width = rFirst + rightCols.length;
    let r = this.titles(b, id, this.tableName(id), width);
    const side = (title: string, amounts: HeaderNode[]): HeaderNode => ({
      label: title,
      children: [{ label: '项目' }, ...(no ? [{ label: '行次' }] : []), ...amounts],
    });
    const t4Funds: HeaderNode[] = [{ label: '合计' }, { label: '一般公共预算财政拨款' }, { label: '政府性基金预算财政拨款' }, { label: '国有资本经营预算财政拨款' }];
    const rightAmounts: HeaderNode[] = id === 'T1' ? [{ label: amountHead }] : l.headerRows >= 3 ? [{ label: amountHead, children: t4Funds }] : t4Funds;
    const h = header(b, r, 0, [side('收入', [{ label: amountHead }]), side('支出', rightAmounts)]);
    r += h.rows;
    type Line = { label: string; key?: string; keys?: string[] };
    const left: Line[] =
      id === 'T1'
        ? T1_INCOME_LABELS.map(([k, label]) => ({ label, key: `T1.income.${k}` }))
        : [
            { label: '一、一般公共预算财政拨款', key: 'T4.income.general' },
            { label: '二、政府性基金预算财政拨款', key: 'T4.income.gov' },
            { label: '三、国有资本经营预算财政拨款', key: 'T4.income.capital' },
          ];
    const right: Line[] = this.classLines(id);
    const bottom: Array<[Line, Line]> =
      id === 'T1'
        ? [
            [
              { label: '本年收入合计', key: 'T1.incomeTotal' },
              { label: '本年支出合计', key: 'T1.expTotal' },
            ],
            [
              { label: l.wording ? '使用非财政拨款结余（含专用结余）' : '使用非财政拨款结余', key: 'T1.useNonFiscalReserve' },
              { label: '结余分配', key: 'T1.distribution' },
            ],
            [
              { label: '年初结转和结余', key: 'T1.openingBalance' },
              { label: '年末结转和结余', key: 'T1.closingBalance' },
            ],
            [
              { label: '总计', key: 'T1.incomeGrandTotal' },
              { label: '总计', key: 'T1.expGrandTotal' },
            ],
          ]
        : [
            [
              { label: '本年收入合计', key: 'T4.incomeTotal' },
              { label: '本年支出合计', key: 'T4.expTotal' },
            ],
            [
              { label: '年初财政拨款结转和结余', key: 'T4.opening.total' },
              { label: '年末财政拨款结转和结余', key: 'T4.closing' },
            ],
            [{ label: '一般公共预算财政拨款', key: 'T4.opening.general' }, { label: '' }],
            [{ label: '政府性基金预算财政拨款', key: 'T4.opening.gov' }, { label: '' }],
            [{ label: '国有资本经营预算财政拨款', key: 'T4.opening.capital' }, { label: '' }],
            [
              { label: '总计', key: 'T4.incomeGrandTotal' },
              { label: '总计', key: 'T4.expGrandTotal' },
            ],
          ];
    const n = Math.max(left.length, right.length);
    const rowsL: Array<Line | undefined> = [...Array(n).keys()].map((i) => left[i]);
    const rowsR: Array<Line | undefined> = [...Array(n).keys()].map((i) => right[i]);
    for (const [a, c] of bottom) {
      rowsL.push(a);
      rowsR.push(c);
    }
    rowsL.forEach((x, i) => {
      const row = r + i;
      if (x?.label) b.text(row, lLabel, x.label);
      if (no) b.text(row, lNo, i + 1);
      if (x?.key) this.amount(b, row, lAmt, id, x.key);
      const y = rowsR[i];
      if (y?.label) b.text(row, rLabel, y.label);
      if (no) b.text(row, rNo, rowsL.length + i + 1);
      if (y?.key) rightCols.forEach((s, j) => this.amount(b, row, rFirst + j, id, y.key + s));
    });
    return b;
  }

  // ---- table 6

  t6(): Block {
    const l = this.l;
    const b = new Block('T6');
    const listed = (cls: string[]) => ECONOMIC.filter((e) => cls.some((c) => e.code.startsWith(c)) && (e.code.length === 3 || this.usedEcon(e.code, cls)));
    const groups: string[][] = l.t6Blocks === 1 ? [['301', '303', '302', '310']] : l.t6Blocks === 2 ? [['301', '303'], ['302', '310']] : [['301'], ['302'], ['303', '310']];
    for (const c of ['307', '399']) if (fenOf(this.g, `T6.item.${c}`) !== 0) groups[groups.length - 1].push(c);
    const split = l.econCodes === 'split';
    const inName = l.econCodes === 'in-name';
    const per = (split ? 2 : inName ? 0 : 1) + 1 + 1; // code col(s), name, amount
    const hidden = l.hiddenColumn;
    const blockWidth = per + (hidden ? 1 : 0);
    const width = blockWidth * groups.length;
    let r = this.titles(b, 'T6', this.tableName('T6'), width);
    const amountHead = l.wording ? '金额' : '决算数';
    const blockHead = (gi: number): HeaderNode[] => {
      const code: HeaderNode[] = split ? [{ label: '经济分类科目编码', children: [{ label: '类' }, { label: '款' }] }] : inName ? [] : [{ label: '科目编码' }];
      const nodes: HeaderNode[] = [...code, { label: inName ? '经济分类科目' : '科目名称' }, ...(hidden ? [{ label: '辅助' }] : []), { label: amountHead }];
      if (l.headerRows >= 3 && groups.length > 1) return [{ label: gi === 0 ? '人员经费' : '公用经费', children: nodes }];
      return nodes;
    };
    const rows = Math.max(...groups.map((_, gi) => Math.max(...blockHead(gi).map(depth))));
    const lists = groups.map((g) => listed(g));
    const amountCol = new Map<string, [number, number]>();
    groups.forEach((_, gi) => {
      const c0 = gi * blockWidth;
      header(b, r, c0, blockHead(gi), rows);
      if (hidden) b.hiddenCols.add(c0 + per - 1);
    });
    r += rows;
    const n = Math.max(...lists.map((x) => x.length));
    lists.forEach((list, gi) => {
      const c0 = gi * blockWidth;
      list.forEach((e, i) => {
        const row = r + i;
        const what = (form: WrittenCode['form']): WrittenCode => ({ table: 'T6', kind: 'economic', code: e.code, name: e.name, form });
        let c = c0;
        if (split) {
          if (e.code.length === 3) b.text(row, c, e.code);
          else {
            b.text(row, c, e.code.slice(0, 3));
            b.text(row, c + 1, e.code.slice(3));
          }
          b.codes.push({ r: row, c: e.code.length === 3 ? c : c + 1, what: what('part') });
          c += 2;
          b.text(row, c, e.name);
          b.names.push({ r: row, c, what: what('in-name') });
        } else if (inName) {
          b.text(row, c, `${e.code} ${e.name}`);
          b.codes.push({ r: row, c, what: what('in-name') });
        } else {
          b.text(row, c, e.code);
          b.codes.push({ r: row, c, what: what('code') });
          c++;
          b.text(row, c, e.name);
          b.names.push({ r: row, c, what: what('in-name') });
        }
        c++;
        if (hidden) b.text(row, c++, e.code);
        this.amount(b, row, c, 'T6', `T6.item.${e.code}`);
        amountCol.set(e.code, [row, c]);
      });
    });
    r += n;
    // 人员经费合计 under the block holding 301, 公用经费合计 under the one holding 302.
    const at = (cls: string) => groups.findIndex((g) => g.includes(cls));
    const totals: Array<[string, string, number]> = [
      ['人员经费合计', 'T6.personnelTotal', at('301')],
      ['公用经费合计', 'T6.publicTotal', at('302')],
    ];
    const same = totals[0][2] === totals[1][2];
    totals.forEach(([label, key, gi], i) => {
      const row = same ? r + i : r;
      const c0 = gi * blockWidth;
      b.text(row, c0, label);
      if (per - 1 > 1) b.merge(row, c0, row, c0 + per - 2);
      this.amount(b, row, c0 + blockWidth - 1, 'T6', key);
    });
    return b;
  }

  /** 5-digit 经济分类 lines a form prints: those with money, plus a few common empty ones. */
  usedEcon(code: string, _cls: string[]): boolean {
    return fenOf(this.g, `T6.item.${code}`) !== 0 || ['30101', '30102', '30201', '30199', '30299'].includes(code);
  }

  // ---- table 7

  t7(): Block {
    const l = this.l;
    const b = new Block('T7');
    const vehicle = l.wording ? '公务用车购置及运行费' : '公务用车购置及运行（维护）费';
    const running = l.wording ? '公务用车运行费' : '公务用车运行（维护）费';
    const keys = ['total', 'abroad', 'vehicle', 'vehiclePurchase', 'vehicleRunning', 'reception'];
    const isEmpty = keys.every((k) => fenOf(this.g, `T7.budget.${k}`) === 0 && fenOf(this.g, `T7.actual.${k}`) === 0);
    const note = `注：本单位${this.titleYear}年度没有财政拨款“三公”经费支出，故本表无数据。`;
    const form = isEmpty && l.emptyForm !== 'zero-row' ? 'across' : l.t7Form;
    // All zero is an empty 三公 table in every form (a row of zeros or dashes is one of item 2's empty forms).
    if (isEmpty && form !== 'across') this.empty.push('T7');
    if (form === 'list') {
      const width = 3;
      let r = this.titles(b, 'T7', this.tableName('T7'), width);
      header(b, r, 0, [{ label: '项目' }, { label: '预算数' }, { label: '决算数' }]);
      r++;
      const lab = ['合计', '因公出国（境）费', vehicle, '其中：公务用车购置费', running, '公务接待费'];
      keys.forEach((k, i) => {
        b.text(r, 0, lab[i]);
        this.amount(b, r, 1, 'T7', `T7.budget.${k}`);
        this.amount(b, r, 2, 'T7', `T7.actual.${k}`);
        r++;
      });
      return b;
    }
    const items: HeaderNode[] = [
      { label: '合计' },
      { label: '因公出国（境）费' },
      { label: vehicle, children: [{ label: '小计' }, { label: '公务用车购置费' }, { label: running }] },
      { label: '公务接待费' },
    ];
    if (form === 'rows') {
      const width = 7;
      let r = this.titles(b, 'T7', this.tableName('T7'), width);
      const h = header(b, r, 0, [{ label: '项目' }, ...items]);
      r += h.rows;
      for (const side of ['budget', 'actual']) {
        b.text(r, 0, side === 'budget' ? '预算数' : '决算数');
        keys.forEach((k, i) => this.amount(b, r, h.leafCols[i + 1], 'T7', `T7.${side}.${k}`));
        r++;
      }
      return b;
    }
    // across: every item with 预算数 / 决算数 under it, one data row
    const pair = (): HeaderNode[] => [{ label: '预算数' }, { label: '决算数' }];
    const tree: HeaderNode[] = items.map((n) => (n.children ? { label: n.label, children: n.children.map((ch) => ({ label: ch.label, children: pair() })) } : { label: n.label, children: pair() }));
    const width = 12;
    let r = this.titles(b, 'T7', this.tableName('T7'), width);
    const h = header(b, r, 0, tree);
    r += h.rows;
    if (isEmpty) {
      this.empty.push('T7');
      this.emptyBody(b, r, width, note, {
        label: 0,
        amounts: keys.flatMap((k, i) => [
          [h.leafCols[2 * i], 'T7', `T7.budget.${k}`] as [number, TableKey, string],
          [h.leafCols[2 * i + 1], 'T7', `T7.actual.${k}`] as [number, TableKey, string],
        ]),
      });
      return b;
    }
    keys.forEach((k, i) => {
      this.amount(b, r, h.leafCols[2 * i], 'T7', `T7.budget.${k}`);
      this.amount(b, r, h.leafCols[2 * i + 1], 'T7', `T7.actual.${k}`);
    });
    return b;
  }

  // ---- 四川 extra tables (read as extras, never as one of the nine)

  extras(): Block[] {
    const out: Block[] = [];
    {
      // 财政拨款支出决算明细表: 功能分类 rows × 经济分类 类 columns (the T5 rows again)
      const b = new Block('X1');
      const t = this.g.d.T5;
      let r = this.titles(b, 'X1', '财政拨款支出决算明细表', 6);
      header(b, r, 0, [{ label: '科目编码' }, { label: '科目名称' }, { label: '合计' }, { label: '工资福利支出' }, { label: '商品和服务支出' }, { label: '对个人和家庭的补助' }]);
      r++;
      for (const x of t.rows) {
        b.text(r, 0, x.code);
        b.text(r, 1, x.name);
        const v = roundTo(x.v.total * this.g.fenPerUnit, FEN_STEP[this.l.unit]);
        b.set(r, 2, amountCell(this.l, v));
        b.set(r, 3, amountCell(this.l, v));
        r++;
      }
      out.push(b);
    }
    {
      // 项目支出决算表: projects by name
      const b = new Block('X2');
      let r = this.titles(b, 'X2', '项目支出决算表', 4);
      header(b, r, 0, [{ label: '项目名称' }, { label: '项目类别' }, { label: '资金来源' }, { label: '决算数' }]);
      r++;
      const projects = this.g.d.T3.rows.filter((x) => x.level === 'item' && x.v.project > 0).slice(0, 8);
      projects.forEach((x, i) => {
        b.text(r, 0, `${x.name.replace(/^其他/, '')}专项${i + 1}`);
        b.text(r, 1, '一般项目');
        b.text(r, 2, '财政拨款');
        b.set(r, 3, amountCell(this.l, roundTo(x.v.project * this.g.fenPerUnit, FEN_STEP[this.l.unit])));
        r++;
      });
      out.push(b);
    }
    return out;
  }

  blocks(): Block[] {
    const d = this.g.d;
    const list = [this.twoSided('T1'), this.coded(d.T2), this.coded(d.T3), this.twoSided('T4'), this.coded(d.T5), this.t6(), this.t7(), this.coded(d.T8), this.coded(d.T9)];
    if (this.l.extras) list.push(...this.extras());
    return list;
  }
}

// ---------------------------------------------------------------------------------------------
// Placement

const CN_NO = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function sheetNameFor(l: Layout, blocks: Block[], index: number, r: Renderer): string {
  const single = blocks.length === 1;
  const id = blocks[0].id;
  const no = TABLE_NO[id as TableKey];
  switch (l.sheetNames) {
    case 'gongkai':
      return single && no ? `公开${String(no).padStart(2, '0')}表` : single ? `附表${index + 1}` : `公开表${index + 1}`;
    case 'biao':
      return `表${CN_NO[index] ?? index + 1}`;
    case 'title':
      return single && no ? r.tableName(id as TableKey).slice(0, 31) : `部门决算表${index + 1}`;
    case 'generic':
      return `Sheet${index + 1}`;
  }
}

interface SheetPlan {
  blocks: Block[];
  sideBySide: boolean;
}

function plan(l: Layout, blocks: Block[], rng: Prng): SheetPlan[] {
  switch (l.arrangement) {
    case 'per-sheet':
      return blocks.map((b) => ({ blocks: [b], sideBySide: false }));
    case 'stacked':
      return [{ blocks, sideBySide: false }];
    case 'few-sheets': {
      const n = rng.int(2, 4);
      const cuts = rng.sample([...Array(blocks.length - 1).keys()].map((i) => i + 1), n - 1);
      const out: SheetPlan[] = [];
      let from = 0;
      for (const c of [...cuts, blocks.length]) {
        out.push({ blocks: blocks.slice(from, c), sideBySide: false });
        from = c;
      }
      return out;
    }
    case 'side-by-side': {
      // Pairs of tables next to each other; the rest one per sheet.
      const pairs = new Set(['T2', 'T5', 'T8']);
      const out: SheetPlan[] = [];
      for (let i = 0; i < blocks.length; i++) {
        if (pairs.has(blocks[i].id) && blocks[i + 1] && rng.bool(0.8)) {
          out.push({ blocks: [blocks[i], blocks[i + 1]], sideBySide: true });
          i++;
        } else out.push({ blocks: [blocks[i]], sideBySide: false });
      }
      return out;
    }
  }
}

function writeBlock(ws: ExcelJS.Worksheet, b: Block, R: number, C: number, rendered: Rendered | undefined): void {
  for (const [rc, out] of b.cells) {
    const [r, c] = rc.split(',').map(Number);
    const cell = ws.getCell(R + r + 1, C + c + 1);
    cell.value = out.v as ExcelJS.CellValue;
    if (out.fmt) cell.numFmt = out.fmt;
  }
  for (const [r0, c0, r1, c1] of b.merges) ws.mergeCells(R + r0 + 1, C + c0 + 1, R + r1 + 1, C + c1 + 1);
  for (const c of b.hiddenCols) ws.getColumn(C + c + 1).hidden = true;
  if (!rendered) return;
  rendered.ranges.set(b.id, { sheet: ws.name, r0: R, c0: C, r1: R + b.height - 1, c1: C + b.width - 1 });
  const ref = (r: number, c: number) => `${ws.name}!${colName(C + c)}${R + r + 1}`;
  for (const a of b.amounts) rendered.amounts.set(ref(a.r, a.c), a.what);
  for (const a of b.codes) rendered.codes.set(ref(a.r, a.c), a.what);
  for (const a of b.names) rendered.names.set(ref(a.r, a.c), a.what);
  for (const e of b.emptySlots)
    rendered.emptySlots.push({ table: e.amounts[0][1], label: ref(e.r, e.label), amounts: e.amounts.map(([c, , key]) => ({ cell: ref(e.r, c), key })) });
}

/** Column letters of a 0-based column (the engine's own conversion). */
export const colName = columnName;

function placeAll(wb: ExcelJS.Workbook, plans: SheetPlan[], r: Renderer, rendered: Rendered | undefined, names: (i: number, p: SheetPlan) => string, hidden: boolean): void {
  plans.forEach((p, i) => {
    const ws = wb.addWorksheet(names(i, p));
    if (hidden) ws.state = 'hidden';
    let R = 0;
    let C = 0;
    for (const b of p.blocks) {
      writeBlock(ws, b, p.sideBySide ? 0 : R, p.sideBySide ? C : 0, rendered);
      R += b.height + 2;
      C += b.width + 1;
    }
  });
}

/** Render accounts in a layout. `rngSeed` drives the few choices the layout leaves open (sheet groups). */
export function render(g: GenAccounts, l: Layout, rngSeed: number): Rendered {
  const rng = new Prng(rngSeed);
  const wb = new ExcelJS.Workbook();
  const r = new Renderer(g, l, rng);
  const rendered: Rendered = {
    workbook: wb,
    amounts: new Map(),
    codes: new Map(),
    names: new Map(),
    emptyTables: r.empty,
    emptySlots: [],
    ranges: new Map(),
    layout: l,
    accounts: g,
    year: r.year,
    unitName: r.unitName,
  };
  const blocks = r.blocks();
  const plans = plan(l, blocks, rng);
  const hiddenFirst = l.hiddenSheet && rng.bool(0.5);
  const addHidden = () => {
    // Last year's tables, kept on a hidden sheet (same figures, last year's titles; written without records).
    const prev = new Renderer(g, { ...l, titleYear: true, hiddenColumn: false }, new Prng(rngSeed + 1), r.year - 1);
    placeAll(wb, [{ blocks: prev.blocks(), sideBySide: false }], prev, undefined, () => `${r.year - 1}年`, true);
  };
  if (hiddenFirst) addHidden();
  placeAll(wb, plans, r, rendered, (i, p) => sheetNameFor(l, p.blocks, i, r), false);
  if (l.hiddenSheet && !hiddenFirst) addHidden();
  return rendered;
}
