/**
 * The typed model of one department's 决算 accounts, built from a WorkbookSnapshot.
 * Every amount is a Figure: exact 分 plus the cell it came from, so every later number
 * (a finding, a sentence, a rate) can point back at its source.
 */
import { Fen, MoneyUnit } from '../money/money';

export type TableId = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9';

export const TABLE_IDS: TableId[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'];

/** The national standard names, in order (DOMAIN.md §2). */
export const TABLE_NAMES: Record<TableId, string> = {
  T1: '收入支出决算总表',
  T2: '收入决算表',
  T3: '支出决算表',
  T4: '财政拨款收入支出决算总表',
  T5: '一般公共预算财政拨款支出决算表',
  T6: '一般公共预算财政拨款基本支出决算表',
  T7: '财政拨款“三公”经费支出决算表',
  T8: '政府性基金预算财政拨款收入支出决算表',
  T9: '国有资本经营预算财政拨款支出决算表',
};

/** One amount read from one cell. */
export interface Figure {
  /** Exact amount in 分. */
  fen: Fen;
  /** Sheet-qualified address, e.g. "公开01表!C8". */
  cell: string;
  sheet: string;
  /** 0-based row and column of the cell. */
  row: number;
  col: number;
  /** What the cell showed (value or text as read). */
  raw: string;
  /** Half-width of the rounding interval in 分 (see money/rounding.ts). */
  halfWidth: number;
  /** The cell was empty, "—", "-" or similar: read as 0 but flagged. */
  blank: boolean;
  /** The cell held text that was read as a number ("2,940.05"). */
  fromText: boolean;
  /** The value has more precision than its unit shows (e.g. 853.004 万元 shown as 853.00). */
  hiddenPrecision: boolean;
  /** The cell holds a formula (a 合计 typed as a constant among formulas is a finding). */
  formula: boolean;
}

/** A labelled line of a two-sided table (T1, T4), possibly with several amount columns. */
export interface Line {
  /** Canonical key, e.g. "一般公共预算财政拨款收入", "本年收入合计", or a 类 code "201". */
  key: string;
  /** The label as written. */
  label: string;
  labelCell: string;
  row: number;
  /** Amounts by column key ("amount" for single-column sides; T4 expenditure: total/general/fund/capital). */
  values: Record<string, Figure | undefined>;
}

export type CodeLevel = 'total' | 'class' | 'item' | 'subitem'; // 合计 / 类 / 款 / 项

/** A row of a classified table (T2, T3, T5, T8, T9): code, name and amounts by column key. */
export interface CodedRow {
  /** "" for the 合计 row, else 3/5/7 digits (功能分类). */
  code: string;
  level: CodeLevel;
  /** The name as written (wrapped lines joined). */
  name: string;
  nameCell: string;
  /** Cells the code was read from (one, or the 类/款/项 cells). */
  codeCells: string[];
  row: number;
  values: Record<string, Figure | undefined>;
}

/** A column found in a table's header. */
export interface ColumnInfo {
  key: string;
  /** The header text path, top to bottom, joined by "/". */
  header: string;
  col: number;
}

/** Where a table was found and how it was read. */
export interface TableLocation {
  id: TableId | string;
  /** Standard name (TABLE_NAMES) or the extra table's title. */
  name: string;
  /** The title as written in the workbook. */
  title: string;
  sheet: string;
  /** A1 range of the whole table on its sheet, e.g. "A1:H40". */
  range: string;
  titleCell?: string;
  unit: MoneyUnit;
  /** Where the unit was read ("单位：万元"), absent when assumed. */
  unitCell?: string;
  unitAssumed: boolean;
  /** The table only holds its "本表无数据" note (T8/T9 of most departments). */
  empty: boolean;
  /** Notes read below the table (注：…, 说明：…). */
  notes: string[];
  /** Columns recognised in the header. */
  columns: ColumnInfo[];
  /**
   * The rounding precision decided for the whole table from its figures (money/tolerance.ts
   * decideTablePrecision): every figure of the table carries this half-width.
   */
  precision?: { halfWidth: number; basis: string };
}

export interface CodedTable {
  location: TableLocation;
  /** The 合计 row, when present. */
  total?: CodedRow;
  /** 类/款/项 rows in sheet order. */
  rows: CodedRow[];
}

export interface TwoSidedTable {
  location: TableLocation;
  income: Line[];
  expenditure: Line[];
}

/** T6: economic-classification amounts. */
export interface BasicExpenditureTable {
  location: TableLocation;
  /** 3- or 5-digit 经济分类 codes (301, 30101 …) in sheet order. */
  items: { code: string; name: string; nameCell: string; codeCell: string; /** Every cell the code was read from (类 and 款 when split). */ codeCells?: string[]; value: Figure | undefined }[];
  personnelTotal?: Line; // 人员经费合计
  publicTotal?: Line; // 公用经费合计
  /** Some forms also carry a 合计 / 基本支出合计 line. */
  grandTotal?: Line;
}

export type ThreePublicKey =
  | 'total' // 合计
  | 'abroad' // 因公出国（境）费
  | 'vehicle' // 公务用车购置及运行（维护）费 小计
  | 'vehiclePurchase' // 公务用车购置费
  | 'vehicleRunning' // 公务用车运行（维护）费
  | 'reception'; // 公务接待费

/** T7: budget and actual for each "三公" item. */
export interface ThreePublicTable {
  location: TableLocation;
  budget: Partial<Record<ThreePublicKey, Figure>>;
  actual: Partial<Record<ThreePublicKey, Figure>>;
}

/** Everything the workbook says about itself. */
export interface WorkbookFacts {
  /** Report year (决算年度), from titles or "编制单位/年度" lines. */
  year?: number;
  /**
   * Where the year came from: a cell ("公开01表!A1") when the workbook states it (title, banner, 编制 line);
   * otherwise words saying how it was found ("文件名“…”", "推断：…按科目编码和名称…").
   */
  yearSource?: string;
  /** workbook: stated in a cell; fileName: from the file's name; codes: inferred from the 科目编码 and names. */
  yearFrom?: 'workbook' | 'fileName' | 'codes';
  unitName?: string;
  unitNameSource?: string;
  /** Other years seen in titles (a second year's tables in the same book). */
  otherYears: number[];
}

/** Something the reader could not read cleanly: always a Chinese message with cells. */
export interface ReadIssue {
  severity: '错误' | '警告' | '提示';
  code: string; // e.g. "R-缺表", "R-文本数字"
  message: string;
  cells: string[];
  table?: TableId | string;
}

export interface Accounts {
  source: string;
  facts: WorkbookFacts;
  T1?: TwoSidedTable;
  T2?: CodedTable;
  T3?: CodedTable;
  T4?: TwoSidedTable;
  T5?: CodedTable;
  T6?: BasicExpenditureTable;
  T7?: ThreePublicTable;
  T8?: CodedTable;
  T9?: CodedTable;
  /** Every table found, the nine and the extras, in workbook order. */
  tables: TableLocation[];
  /** Standard tables not found. */
  missing: TableId[];
  issues: ReadIssue[];
}
