/**
 * TEST DOUBLE — a small hand-made fake of the Excel JavaScript API subset this adapter uses, for jest. Not used
 * by the add-in at run time (office-addin-mock cannot express collections with `items`, OrNullObject methods
 * or RangeAreas, and it returns error strings instead of throwing for unloaded properties).
 *
 * It reproduces the Office.js batch semantics the adapter relies on:
 *  - proxies are resolved, loads are filled and writes are applied only at context.sync(), in queue order;
 *  - reading a property that was not loaded and synced throws (PropertyNotLoaded), and so does reading
 *    `isNullObject` or a collection's `items` before the sync that resolves them;
 *  - a failing action rejects the sync (earlier actions of the batch stay applied);
 *  - *OrNullObject methods give proxies with isNullObject; a proxy derived from a null object fails the sync;
 *  - Range.values assignment behaves like typing: "=…" becomes a formula, "123" a number, "'x" text x — unless
 *    the cell's number format is "@" (text), in which case the string is stored as typed;
 *  - Range.getMergedAreasOrNullObject reports only merged areas whose top-left cell lies in the range
 *    (OfficeDev/office-js#3611) and fails above 512 areas, as documented;
 *  - fills (Range.format.fill): a cell without fill reads color "#FFFFFF" (as Excel does, OfficeDev/office-js#6218)
 *    and tintAndShade null (#4900); `fillPatternReadsNull` reproduces hosts that report pattern null for both "no
 *    fill" and a solid fill (#4900). Setting color on an unfilled cell makes a solid fill; clear() removes it;
 *  - notes (Worksheet.notes, ExcelApi 1.18) and threaded comments (Workbook.comments, 1.10): a cell holds a note or
 *    a comment, never both (adding the other fails the sync);
 *  - `excelApi` is the host's ExcelApi version: a request that needs a newer set fails the sync (ApiNotFound);
 *  - cell formats (Range.format font / alignment / wrap / borders, setCellProperties 1.9 with textRuns 1.18): kept
 *    per cell in FakeCell.format and FakeCell.runs; typing a new value drops the text runs, as Excel does;
 *  - column widths (points), hidden columns, merge / unmerge (merging keeps only the top-left value), freeze panes;
 *  - Excel on the web's request limits (`model.limits`, EXCEL_WEB_LIMITS by default): a sync whose request (every
 *    queued action, ACTION_BYTES each, plus the JSON of the values / formulas / formats written) or whose response
 *    (the JSON of every property loaded) exceeds 5 MB fails with RequestPayloadSizeLimitExceeded /
 *    ResponsePayloadSizeLimitExceeded, and reading more than 5,000,000 cells of one range fails with
 *    RangeExceedsLimit, as documented ("Resource limits and performance optimization for Office Add-ins");
 *  - charts (Worksheet.charts): add(type, source, seriesBy) makes one series per column (or row) of the source,
 *    series names / values / x-axis values (setValues, setXAxisValues, series.add: ExcelApi 1.7), title, legend,
 *    data labels (numberFormat 1.8), value axis, setPosition; only the chart types listed in CHART_TYPES exist.
 */
import { CellRange } from '../../src/snapshot/types';
import { a1, parseA1, rangeA1 } from '../../src/snapshot/address';

const MAX_ROWS = 1048576;

/** Excel on the web: 5 MB per request and per response; every platform: 5,000,000 cells per range read. */
export const EXCEL_WEB_LIMITS = { payloadBytes: 5_000_000, cellsPerRead: 5_000_000 };
/** Request bytes counted for one queued action (object path + method + arguments other than data matrices). */
export const ACTION_BYTES = 120;

/** An error as Office.js reports it: `code` carries the Excel error code. */
export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { name: 'RichApi.Error', code });
}

/** UTF-8 length of the JSON of `value`, the size it takes in a request or response. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}
const MAX_COLS = 16384;

// ---------------------------------------------------------------------------------------------------------------
// Model (the "document" on the host side)

export type FakeCellInput =
  | number
  | string
  | boolean
  | { v: number | string | boolean; formula?: string; f?: string; t?: string; error?: boolean };

export interface FakeSheetSpec {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** A1 address → cell. Strings are stored as text constants (no typing conversion). */
  cells?: Record<string, FakeCellInput>;
  /** Merged areas, e.g. "B2:F2". Put the value in the top-left cell only. */
  merges?: string[];
  /** 0-based hidden rows / columns. */
  hiddenRows?: number[];
  hiddenCols?: number[];
  /** A1 address → fill: a colour ("#FFFF00", solid) or a full fill. */
  fills?: Record<string, string | Partial<FakeFill>>;
  /** A1 address → note text (ExcelApi 1.18 notes). */
  notes?: Record<string, string>;
  /** A1 address → threaded comment text (ExcelApi 1.10 comments). */
  comments?: Record<string, string>;
}

/** A cell's fill as the host keeps it (absent = no fill). */
export interface FakeFill {
  pattern: string;
  color: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export interface FakeCell {
  value: number | string | boolean;
  formula?: string;
  numberFormat?: string;
  text?: string;
  isError?: boolean;
  fill?: FakeFill;
  /** Font, alignment, wrap and borders set through Range.format or setCellProperties. */
  format?: FakeCellFormat;
  /** Rich-text runs (setCellProperties textRuns, ExcelApi 1.18). */
  runs?: FakeTextRun[];
}

export interface FakeFont {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  name?: string;
}

export interface FakeBorder {
  style: string;
  color?: string;
  weight?: string;
}

export interface FakeCellFormat {
  font?: FakeFont;
  wrapText?: boolean;
  verticalAlignment?: string;
  horizontalAlignment?: string;
  borders?: { top?: FakeBorder; bottom?: FakeBorder; left?: FakeBorder; right?: FakeBorder };
}

export interface FakeTextRun {
  text: string;
  font?: FakeFont;
}

export class FakeSheetModel {
  cells = new Map<string, FakeCell>();
  merges: CellRange[] = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  /** Notes by cell key ("r,c"). */
  notes = new Map<string, string>();
  /** Column widths in points (absent = standard width). */
  columnWidths = new Map<number, number>();
  /** Rows frozen at the top (0 = none). */
  frozenRows = 0;
  charts: FakeChartModel[] = [];
  constructor(
    public name: string,
    public visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible',
  ) {}
  static key(r: number, c: number): string {
    return `${r},${c}`;
  }
  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(FakeSheetModel.key(r, c));
  }
  /** The cell at A1 `address` (for assertions). */
  at(address: string): FakeCell | undefined {
    const r = parseA1(address);
    return r ? this.get(r.r0, r.c0) : undefined;
  }
  ensure(r: number, c: number): FakeCell {
    const k = FakeSheetModel.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) this.cells.set(k, (cell = { value: '' }));
    return cell;
  }
  hasValue(cell: FakeCell | undefined): boolean {
    return !!cell && (cell.value !== '' || cell.formula !== undefined);
  }
}

export interface FakeNameModel {
  name: string;
  ref: { sheet: FakeSheetModel; r: number; c: number } | string;
  comment: string;
  visible: boolean;
}

export interface FakeCommentModel {
  id: string;
  sheet: FakeSheetModel;
  r: number;
  c: number;
  content: string;
}

export class FakeWorkbookModel {
  sheets: FakeSheetModel[] = [];
  names: FakeNameModel[] = [];
  comments: FakeCommentModel[] = [];
  activeSheet: FakeSheetModel | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** The host's ExcelApi version ("1.18" supports everything the fake models). */
  excelApi = '1.18';
  /** Report pattern null for both "no fill" and solid fills (OfficeDev/office-js#4900). */
  fillPatternReadsNull = false;
  /** Request / response size and cells-per-read limits, enforced at every sync (tests may lower them). */
  limits = { ...EXCEL_WEB_LIMITS };
  private nextCommentId = 1;
  commentId(): string {
    return `{comment-${this.nextCommentId++}}`;
  }
  commentAt(sheet: FakeSheetModel, r: number, c: number): FakeCommentModel | undefined {
    return this.comments.find((x) => x.sheet === sheet && x.r === r && x.c === c);
  }
  sheet(name: string): FakeSheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  addSheet(spec: FakeSheetSpec): FakeSheetModel {
    const s = new FakeSheetModel(spec.name, spec.visibility);
    for (const [addr, input] of Object.entries(spec.cells ?? {})) {
      const r = parseA1(addr);
      if (!r) throw new Error(`bad address ${addr}`);
      const cell = s.ensure(r.r0, r.c0);
      if (typeof input === 'object') {
        cell.value = input.v;
        if (input.formula) cell.formula = input.formula;
        if (input.f) cell.numberFormat = input.f;
        if (input.t !== undefined) cell.text = input.t;
        if (input.error) cell.isError = true;
      } else cell.value = input;
    }
    for (const m of spec.merges ?? []) s.merges.push(parseA1(m)!);
    spec.hiddenRows?.forEach((r) => s.hiddenRows.add(r));
    spec.hiddenCols?.forEach((c) => s.hiddenCols.add(c));
    const at = (addr: string) => {
      const r = parseA1(addr);
      if (!r) throw new Error(`bad address ${addr}`);
      return r;
    };
    for (const [addr, fill] of Object.entries(spec.fills ?? {})) {
      const r = at(addr);
      const base: FakeFill = { pattern: 'Solid', color: '#FFFFFF', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
      s.ensure(r.r0, r.c0).fill = typeof fill === 'string' ? { ...base, color: fill.toUpperCase() } : { ...base, ...fill };
    }
    for (const [addr, text] of Object.entries(spec.notes ?? {})) {
      const r = at(addr);
      s.notes.set(FakeSheetModel.key(r.r0, r.c0), text);
    }
    for (const [addr, text] of Object.entries(spec.comments ?? {})) {
      const r = at(addr);
      this.comments.push({ id: this.commentId(), sheet: s, r: r.r0, c: r.c0, content: text });
    }
    this.sheets.push(s);
    return s;
  }
  deleteSheet(name: string): void {
    const gone = this.sheets.filter((s) => s.name.toLowerCase() === name.toLowerCase());
    this.sheets = this.sheets.filter((s) => !gone.includes(s));
    this.comments = this.comments.filter((c) => !gone.includes(c.sheet));
  }
}

function quoteIfNeeded(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function displayText(cell: FakeCell): string {
  if (cell.text !== undefined) return cell.text;
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    const fmt = cell.numberFormat ?? 'General';
    const m = /0\.(0+)/.exec(fmt);
    const decimals = m ? m[1].length : undefined;
    const s = decimals !== undefined ? v.toFixed(decimals) : String(v);
    if (!fmt.includes('#,##0')) return s;
    const [i, d] = s.split('.');
    return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (d !== undefined ? `.${d}` : '');
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Proxies (the add-in side)

type Op = () => void;

export class FakeContext {
  readonly model: FakeWorkbookModel;
  readonly workbook: FakeWorkbook;
  syncCount = 0;
  /** Number of queued actions (loads, method calls, property sets) sent by each sync. */
  readonly batchSizes: number[] = [];
  /** Estimated request and response bytes of each sync (see EXCEL_WEB_LIMITS). */
  readonly requestSizes: number[] = [];
  readonly responseSizes: number[] = [];
  private queue: Op[] = [];
  private requestBytes = 0;
  private responseBytes = 0;
  constructor(model: FakeWorkbookModel) {
    this.model = model;
    this.workbook = new FakeWorkbook(this);
  }
  /** Queue an action; `bytes` is what it adds to the request (data written counts on top of ACTION_BYTES). */
  enqueue(op: Op, bytes = ACTION_BYTES): void {
    this.queue.push(op);
    this.requestBytes += bytes;
  }
  /** A loaded property's value travels back in the response. */
  noteResponse(value: unknown): void {
    this.responseBytes += jsonBytes(value);
  }
  /** A request that needs ExcelApi `version`: fails the next sync on an older host, as Office.js does. */
  requireApi(version: string, what: string): void {
    const minor = (v: string) => Number(v.split('.')[1] ?? 0);
    if (minor(this.model.excelApi) >= minor(version)) return;
    this.enqueue(() => {
      throw new Error(`ApiNotFound: ${what} needs ExcelApi ${version} (host has ${this.model.excelApi}).`);
    });
  }
  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.queue;
    this.queue = [];
    this.batchSizes.push(ops.length);
    const request = this.requestBytes;
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.requestSizes.push(request);
    await Promise.resolve();
    const limit = this.model.limits.payloadBytes;
    if (request > limit) {
      this.responseSizes.push(0);
      throw officeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} > ${limit} bytes).`);
    }
    try {
      for (const op of ops) op();
    } finally {
      this.responseSizes.push(this.responseBytes);
    }
    if (this.responseBytes > limit) {
      throw officeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${this.responseBytes} > ${limit} bytes).`);
    }
  }
  /** The fake typed as the real thing, for the adapter under test. */
  asExcel(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }
}

function notLoaded(prop: string): Error {
  const e = new Error(
    `PropertyNotLoaded: The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
  e.name = 'PropertyNotLoaded';
  return e;
}

function parseProps(arg: string | string[] | undefined): string[] {
  const list = arg === undefined ? [] : Array.isArray(arg) ? arg : arg.split(',');
  return list.map((p) => p.trim()).filter(Boolean);
}

/** Base proxy: lazy resolution at sync, loaded-property bag, isNullObject. */
abstract class FakeProxy<T> {
  private resolved = false;
  private target: T | null = null;
  private synced = false;
  protected loaded = new Map<string, unknown>();
  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => T | null,
    private readonly orNull = false,
    /** Created by the host during a sync (items of a loaded collection): resolved at once. */
    resolvedNow = false,
  ) {
    // Every proxy is instantiated in the next batch, so isNullObject is known after it.
    if (resolvedNow) this.resolve();
    else context.enqueue(() => void this.resolve());
  }
  /** Resolve on the host side (only ever called during sync). */
  resolve(): T | null {
    if (!this.resolved) {
      const t = this.resolver();
      if (t === null && !this.orNull) throw new Error('ItemNotFound: The requested resource doesn\'t exist.');
      this.target = t;
      this.resolved = true;
    }
    this.synced = true;
    return this.target;
  }
  /** Resolve for an action or a child object: a null object there fails the batch. */
  protected must(): T {
    const t = this.resolve();
    if (t === null) throw new Error('InvalidObjectPath: the object is a null object.');
    return t;
  }
  get isNullObject(): boolean {
    if (!this.synced) throw notLoaded('isNullObject');
    return this.target === null;
  }
  protected abstract readProp(target: T, prop: string): unknown;
  protected abstract readonly loadable: readonly string[];
  load(props?: string | string[]): this {
    const list = parseProps(props);
    for (const p of list) if (!this.loadable.includes(p)) throw new Error(`InvalidArgument: cannot load '${p}'`);
    this.context.enqueue(() => {
      const t = this.resolve();
      if (t === null) return; // loads on a null object are ignored; its properties stay unavailable
      for (const p of list) {
        const value = this.readProp(t, p);
        this.context.noteResponse(value);
        this.loaded.set(p, value);
      }
    });
    return this;
  }
  protected prop<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
  }
  /** ExcelApi 1.10. */
  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.context);
  }
}

export class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(readonly context: FakeContext) {}
  load(props?: string | string[]): this {
    const list = parseProps(props).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      this.loadedItems = this.context.model.sheets.map((s) => {
        const ws = new FakeWorksheet(this.context, () => s, false, true);
        ws.fill(s, list);
        return ws;
      });
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheet(name) ?? null);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheet(name) ?? null, true);
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheetModel | null = null;
    // The add action is queued before anything done with the returned proxy.
    this.context.enqueue(() => {
      if (this.context.model.sheet(name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
      created = this.context.model.addSheet({ name });
    });
    return new FakeWorksheet(this.context, () => created);
  }
}

export class FakeWorksheet extends FakeProxy<FakeSheetModel> {
  protected readonly loadable = ['name', 'visibility', 'id', 'position'] as const;
  fill(s: FakeSheetModel, props: string[]): void {
    for (const p of props) this.loaded.set(p, this.readProp(s, p));
  }
  protected readProp(s: FakeSheetModel, prop: string): unknown {
    switch (prop) {
      case 'name':
        return s.name;
      case 'visibility':
        return s.visibility;
      case 'id':
        return `{${s.name}}`;
      case 'position':
        return this.context.model.sheets.indexOf(s);
    }
    return undefined;
  }
  get name(): string {
    return this.prop('name');
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  set visibility(v: string) {
    this.context.enqueue(() => {
      const s = this.must();
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new Error(`InvalidArgument: visibility ${v}`);
      if (v !== 'Visible' && this.context.model.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new Error('InvalidOperation: a workbook must keep at least one visible sheet');
      }
      s.visibility = v;
      if (v !== 'Visible' && this.context.model.activeSheet === s) {
        this.context.model.activeSheet = this.context.model.sheets.find((x) => x.visibility === 'Visible') ?? null;
      }
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const s = this.must();
      if (this.context.model.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new Error('InvalidOperation: cannot delete the last visible sheet');
      }
      this.context.model.deleteSheet(s.name);
      if (this.context.model.activeSheet === s) this.context.model.activeSheet = null;
    });
  }
  /** ExcelApi 1.18. */
  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.context, () => this.must());
  }
  /** The threaded comments on this sheet (ExcelApi 1.10). */
  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.context, () => this.must());
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.context, () => this.must());
  }
  /** ExcelApi 1.7. */
  get freezePanes(): FakeFreezePanes {
    return new FakeFreezePanes(this.context, () => this.must());
  }
  /** ExcelApi 1.1: the used range, A1 on an empty sheet (valuesOnly is ignored: values only, as modelled). */
  getUsedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.must();
      return usedBounds(s) ?? { sheet: s, r0: 0, c0: 0, r1: 0, c1: 0 };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error('fake: only getUsedRangeOrNullObject(true) is modelled');
    this.context.requireApi('1.4', 'Worksheet.getUsedRangeOrNullObject');
    return new FakeRange(
      this.context,
      () => usedBounds(this.must()),
      true,
    );
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.must();
      if (address === undefined) return { sheet: s, r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      const r = parseA1(address);
      if (!r) throw new Error(`InvalidArgument: bad address ${address}`);
      return { sheet: s, ...r };
    });
  }
  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): FakeRange {
    this.context.requireApi('1.7', 'Worksheet.getRangeByIndexes');
    return new FakeRange(this.context, () => {
      if (rowCount < 1 || colCount < 1) throw new Error('InvalidArgument: empty range');
      return { sheet: this.must(), r0: row, c0: col, r1: row + rowCount - 1, c1: col + colCount - 1 };
    });
  }
  getCell(row: number, col: number): FakeRange {
    return this.getRangeByIndexes(row, col, 1, 1);
  }
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const s = this.must();
      const areas = address.split(',').map((a) => parseA1(a.trim()));
      if (areas.some((a) => !a)) throw new Error(`InvalidArgument: bad address ${address}`);
      return { sheet: s, areas: areas as CellRange[] };
    });
  }
  activate(): void {
    this.context.enqueue(() => {
      const s = this.must();
      if (s.visibility !== 'Visible') throw new Error('InvalidOperation: cannot activate a hidden sheet');
      this.context.model.activeSheet = s;
    });
  }
}

/** The cells holding a value, as a range (null: none). */
function usedBounds(s: FakeSheetModel): RangeTarget | null {
  let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
  for (const [k, cell] of s.cells) {
    if (!s.hasValue(cell)) continue;
    const [r, c] = k.split(',').map(Number);
    r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
  }
  return r1 < 0 ? null : { sheet: s, r0, c0, r1, c1 };
}

interface RangeTarget extends CellRange {
  sheet: FakeSheetModel;
}

export class FakeRange extends FakeProxy<RangeTarget> {
  load(props?: string | string[]): this {
    if (parseProps(props).some((p) => p === 'rowHidden' || p === 'columnHidden')) this.context.requireApi('1.2', 'Range.rowHidden/columnHidden');
    return super.load(props);
  }
  protected readonly loadable = [
    'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'text', 'numberFormat',
    'formulas', 'valueTypes', 'rowHidden', 'columnHidden',
  ] as const;
  protected readProp(t: RangeTarget, prop: string): unknown {
    const s = t.sheet;
    const rows = t.r1 - t.r0 + 1;
    const cols = t.c1 - t.c0 + 1;
    const grid = (f: (cell: FakeCell | undefined) => unknown) => {
      const max = this.context.model.limits.cellsPerRead;
      if (rows * cols > max) throw officeError('RangeExceedsLimit', `The cell count in the range (${rows * cols}) has exceeded the maximum supported number (${max}).`);
      return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(s.get(t.r0 + r, t.c0 + c))));
    };
    const hidden = (set: Set<number>, from: number, to: number): boolean | null => {
      let n = 0;
      for (let i = from; i <= to; i++) if (set.has(i)) n++;
      return n === 0 ? false : n === to - from + 1 ? true : null;
    };
    switch (prop) {
      case 'address':
        return `${quoteIfNeeded(s.name)}!${rangeA1(t)}`;
      case 'rowIndex':
        return t.r0;
      case 'columnIndex':
        return t.c0;
      case 'rowCount':
        return rows;
      case 'columnCount':
        return cols;
      case 'values':
        return grid((cell) => (cell ? cell.value : ''));
      case 'text':
        return grid((cell) => (cell && s.hasValue(cell) ? displayText(cell) : ''));
      case 'numberFormat':
        return grid((cell) => cell?.numberFormat ?? 'General');
      case 'formulas':
        return grid((cell) => (cell ? cell.formula ?? cell.value : ''));
      case 'valueTypes':
        return grid((cell) => {
          if (!cell || !s.hasValue(cell)) return 'Empty';
          if (cell.isError) return 'Error';
          return typeof cell.value === 'number' ? 'Double' : typeof cell.value === 'boolean' ? 'Boolean' : 'String';
        });
      case 'rowHidden':
        return hidden(s.hiddenRows, t.r0, t.r1);
      case 'columnHidden':
        return hidden(s.hiddenCols, t.c0, t.c1);
    }
    return undefined;
  }
  get address(): string { return this.prop('address'); }
  get rowIndex(): number { return this.prop('rowIndex'); }
  get columnIndex(): number { return this.prop('columnIndex'); }
  get rowCount(): number { return this.prop('rowCount'); }
  get columnCount(): number { return this.prop('columnCount'); }
  get text(): string[][] { return this.prop('text'); }
  get valueTypes(): string[][] { return this.prop('valueTypes'); }
  get rowHidden(): boolean | null { return this.prop('rowHidden'); }
  get columnHidden(): boolean | null { return this.prop('columnHidden'); }
  /** Hides or shows the columns the range spans (ExcelApi 1.2). */
  set columnHidden(v: boolean) {
    this.context.enqueue(() => {
      const t = this.must();
      if (typeof v !== 'boolean') throw new Error(`InvalidArgument: columnHidden ${String(v)}`);
      for (let c = t.c0; c <= t.c1; c++) {
        if (v) t.sheet.hiddenCols.add(c);
        else t.sheet.hiddenCols.delete(c);
      }
    });
  }
  get values(): unknown[][] { return this.prop('values'); }
  set values(v: unknown[][]) { this.write('values', v); }
  get numberFormat(): unknown[][] { return this.prop('numberFormat'); }
  set numberFormat(v: unknown[][]) { this.write('numberFormat', v); }
  get formulas(): unknown[][] { return this.prop('formulas'); }
  set formulas(v: unknown[][]) { this.write('formulas', v); }

  private write(kind: 'values' | 'numberFormat' | 'formulas', matrix: unknown[][]): void {
    this.context.enqueue(() => {
      const t = this.must();
      const rows = t.r1 - t.r0 + 1;
      const cols = t.c1 - t.c0 + 1;
      if (matrix.length !== rows || matrix.some((row) => row.length !== cols)) {
        throw new Error(`InvalidArgument: ${kind} has the wrong dimensions for ${rangeA1(t)}`);
      }
      matrix.forEach((row, r) =>
        row.forEach((input, c) => {
          if (input === null || input === undefined) return; // null leaves the cell unchanged
          const cell = t.sheet.ensure(t.r0 + r, t.c0 + c);
          if (kind === 'numberFormat') cell.numberFormat = String(input);
          else typeInto(cell, input, kind === 'formulas');
        }),
      );
    }, ACTION_BYTES + jsonBytes(matrix));
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, () => this.must());
  }
  getRow(i: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.must();
      return { sheet: t.sheet, r0: t.r0 + i, r1: t.r0 + i, c0: t.c0, c1: t.c1 };
    });
  }
  getColumn(j: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.must();
      return { sheet: t.sheet, r0: t.r0, r1: t.r1, c0: t.c0 + j, c1: t.c0 + j };
    });
  }
  getEntireColumn(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.must();
      return { sheet: t.sheet, r0: 0, r1: MAX_ROWS - 1, c0: t.c0, c1: t.c1 };
    });
  }
  /** ExcelApi 1.2. Merging keeps only the top-left cell's value (the others are emptied). */
  merge(across = false): void {
    this.context.enqueue(() => {
      const t = this.must();
      const areas: CellRange[] = across
        ? Array.from({ length: t.r1 - t.r0 + 1 }, (_, i) => ({ r0: t.r0 + i, r1: t.r0 + i, c0: t.c0, c1: t.c1 }))
        : [{ r0: t.r0, r1: t.r1, c0: t.c0, c1: t.c1 }];
      for (const a of areas) {
        if (a.r0 === a.r1 && a.c0 === a.c1) continue;
        if ((a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1) > 100000) throw new Error('fake: merge area too large');
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, a));
        for (let r = a.r0; r <= a.r1; r++) {
          for (let c = a.c0; c <= a.c1; c++) {
            if (r === a.r0 && c === a.c0) continue;
            const cell = t.sheet.get(r, c);
            if (cell) {
              cell.value = '';
              delete cell.formula;
              delete cell.runs;
              delete cell.isError;
              delete cell.text;
            }
          }
        }
        t.sheet.merges.push({ ...a });
      }
    });
  }
  /** ExcelApi 1.2: every merged area that intersects the range is split. */
  unmerge(): void {
    this.context.enqueue(() => {
      const t = this.must();
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t));
    });
  }
  /** ExcelApi 1.9 (textRuns: 1.18). Fonts, fills, alignment, wrap and borders per cell; `{}` changes nothing. */
  setCellProperties(props: unknown[][]): void {
    this.context.requireApi('1.9', 'Range.setCellProperties');
    if (props.some((row) => row.some((p) => !!p && typeof p === 'object' && 'textRuns' in p))) {
      this.context.requireApi('1.18', 'SettableCellProperties.textRuns');
    }
    this.context.enqueue(() => {
      const t = this.must();
      const rows = t.r1 - t.r0 + 1;
      const cols = t.c1 - t.c0 + 1;
      if (props.length !== rows || props.some((row) => row.length !== cols)) {
        throw new Error(`InvalidArgument: cell properties have the wrong dimensions for ${rangeA1(t)}`);
      }
      props.forEach((row, r) => row.forEach((p, c) => applyCellProperties(t.sheet, t.r0 + r, t.c0 + c, p)));
    }, ACTION_BYTES + jsonBytes(props));
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this.must();
        const inside = t.sheet.merges.filter((m) => m.r0 >= t.r0 && m.r0 <= t.r1 && m.c0 >= t.c0 && m.c0 <= t.c1);
        if (inside.length > 512) throw new Error('GeneralException: more than 512 merged areas');
        return inside.length ? { sheet: t.sheet, areas: inside } : null;
      },
      true,
    );
  }
  select(): void {
    this.context.enqueue(() => {
      const t = this.must();
      this.context.model.activeSheet = t.sheet;
      this.context.model.selection = { sheet: t.sheet.name, address: rangeA1(t) };
    });
  }
  clear(): void {
    this.context.enqueue(() => {
      const t = this.must();
      for (const k of [...t.sheet.cells.keys()]) {
        const [r, c] = k.split(',').map(Number);
        if (r >= t.r0 && r <= t.r1 && c >= t.c0 && c <= t.c1) t.sheet.cells.delete(k);
      }
      t.sheet.merges = t.sheet.merges.filter((m) => !(m.r0 >= t.r0 && m.r1 <= t.r1 && m.c0 >= t.c0 && m.c1 <= t.c1));
    });
  }
}

/** Excel's behaviour when a value is entered in a cell through Range.values / Range.formulas. */
function typeInto(cell: FakeCell, input: unknown, asFormula: boolean): void {
  delete cell.runs;
  delete cell.formula;
  delete cell.isError;
  delete cell.text;
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  const s = String(input);
  if (cell.numberFormat === '@' && !asFormula) {
    cell.value = s; // text format: stored exactly as typed
  } else if (s.startsWith("'")) {
    cell.value = s.slice(1);
  } else if (s.startsWith('=') && s.length > 1) {
    cell.formula = s;
    cell.value = 0; // the fake does not calculate
  } else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s.trim())) {
    cell.value = Number(s);
  } else {
    cell.value = s;
  }
}

interface AreasTarget {
  sheet: FakeSheetModel;
  areas: CellRange[];
}

export class FakeRangeAreas extends FakeProxy<AreasTarget> {
  protected readonly loadable = ['address', 'areaCount'] as const;
  protected readProp(t: AreasTarget, prop: string): unknown {
    if (prop === 'areaCount') return t.areas.length;
    return t.areas.map((a) => `${quoteIfNeeded(t.sheet.name)}!${rangeA1(a)}`).join(', ');
  }
  get address(): string { return this.prop('address'); }
  get areaCount(): number { return this.prop('areaCount'); }
  select(): void {
    this.context.enqueue(() => {
      const t = this.must();
      this.context.model.activeSheet = t.sheet;
      this.context.model.selection = { sheet: t.sheet.name, address: t.areas.map((a) => rangeA1(a)).join(',') };
    });
  }
}

export class FakeNamedItemCollection {
  private loadedItems: FakeNamedItem[] | null = null;
  constructor(readonly context: FakeContext) {}
  load(props?: string | string[]): this {
    const list = parseProps(props).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      this.loadedItems = this.context.model.names.map((n) => {
        const item = new FakeNamedItem(this.context, () => n, false, true);
        item.fill(n, list);
        return item;
      });
    });
    return this;
  }
  get items(): FakeNamedItem[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => this.find(name) ?? null);
  }
  private find(name: string): FakeNameModel | undefined {
    return this.context.model.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }
  add(name: string, reference: FakeRange | string, comment = ''): FakeNamedItem {
    let created: FakeNameModel | null = null;
    this.context.enqueue(() => {
      if (this.find(name)) throw new Error(`ItemAlreadyExists: name ${name}`);
      if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) throw new Error(`InvalidArgument: bad name ${name}`);
      let ref: FakeNameModel['ref'];
      if (typeof reference === 'string') ref = reference;
      else {
        const t = reference.resolve();
        if (!t) throw new Error('InvalidArgument: null range');
        ref = { sheet: t.sheet, r: t.r0, c: t.c0 };
      }
      created = { name, ref, comment, visible: true };
      this.context.model.names.push(created);
    });
    return new FakeNamedItem(this.context, () => created);
  }
}

export class FakeNamedItem extends FakeProxy<FakeNameModel> {
  protected readonly loadable = ['name', 'type', 'value', 'comment', 'visible'] as const;
  fill(n: FakeNameModel, props: string[]): void {
    for (const p of props) this.loaded.set(p, this.readProp(n, p));
  }
  protected readProp(n: FakeNameModel, prop: string): unknown {
    const alive = typeof n.ref !== 'string' && this.context.model.sheets.includes(n.ref.sheet);
    switch (prop) {
      case 'name':
        return n.name;
      case 'comment':
        return n.comment;
      case 'visible':
        return n.visible;
      case 'type':
        return typeof n.ref === 'string' ? 'String' : alive ? 'Range' : 'Error';
      case 'value':
        if (typeof n.ref === 'string') return n.ref;
        return alive ? `${quoteIfNeeded(n.ref.sheet.name)}!$${a1(n.ref.r, n.ref.c).replace(/(\d)/, '$$$1')}` : '#REF!';
    }
    return undefined;
  }
  get name(): string { return this.prop('name'); }
  get type(): string { return this.prop('type'); }
  get value(): unknown { return this.prop('value'); }
  get comment(): string { return this.prop('comment'); }
  /** ExcelApi 1.4: the comment is read/write. */
  set comment(v: string) {
    this.context.enqueue(() => {
      this.context.requireApi('1.4', 'NamedItem.comment');
      if (typeof v !== 'string' || v.length > 255) throw new Error('InvalidArgument: a name comment has at most 255 characters');
      this.must().comment = v;
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const n = this.must();
      this.context.model.names = this.context.model.names.filter((x) => x !== n);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Fills, notes, comments

/** Patterns Excel accepts through RangeFill.pattern (the gradients cannot be set). */
const SETTABLE_PATTERNS = new Set([
  'None', 'Solid', 'Gray50', 'Gray75', 'Gray25', 'Horizontal', 'Vertical', 'Down', 'Up', 'Checker', 'SemiGray75',
  'LightHorizontal', 'LightVertical', 'LightDown', 'LightUp', 'Grid', 'CrissCross', 'Gray16', 'Gray8',
]);

function cellsOf(t: RangeTarget): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  if ((t.r1 - t.r0 + 1) * (t.c1 - t.c0 + 1) > 100000) throw new Error('fake: range too large for a format operation');
  for (let r = t.r0; r <= t.r1; r++) for (let c = t.c0; c <= t.c1; c++) out.push({ r, c });
  return out;
}

function normColor(v: unknown): string {
  const s = String(v);
  if (/^#?[0-9a-f]{6}$/i.test(s)) return `#${s.replace('#', '').toUpperCase()}`;
  const named: Record<string, string> = { red: '#FF0000', orange: '#FFA500', blue: '#0000FF', white: '#FFFFFF', yellow: '#FFFF00' };
  const n = named[s.toLowerCase()];
  if (!n) throw new Error(`InvalidArgument: color ${s}`);
  return n;
}

export class FakeRangeFormat {
  constructor(
    readonly context: FakeContext,
    private readonly range: () => RangeTarget,
  ) {}
  get fill(): FakeRangeFill {
    return new FakeRangeFill(this.context, this.range);
  }
  get font(): FakeRangeFont {
    return new FakeRangeFont(this.context, this.range);
  }
  get borders(): FakeRangeBorderCollection {
    return new FakeRangeBorderCollection(this.context, this.range);
  }
  set wrapText(v: boolean) {
    this.eachCell((f) => (f.wrapText = checkBool('wrapText', v)));
  }
  set verticalAlignment(v: string) {
    this.eachCell((f) => (f.verticalAlignment = checkIn('verticalAlignment', v, V_ALIGN)));
  }
  set horizontalAlignment(v: string) {
    this.eachCell((f) => (f.horizontalAlignment = checkIn('horizontalAlignment', v, H_ALIGN)));
  }
  /** In points (ExcelApi 1.2); Excel's limit is 255 characters (1342.5 pt at the standard font). */
  set columnWidth(v: number) {
    this.context.enqueue(() => {
      const t = this.range();
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1342.5) throw new Error(`InvalidArgument: columnWidth ${String(v)}`);
      for (let c = t.c0; c <= t.c1; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  /** true resets the columns to the standard width (ExcelApi 1.2). */
  set useStandardWidth(v: boolean) {
    this.context.enqueue(() => {
      const t = this.range();
      if (v !== true) throw new Error('fake: only useStandardWidth = true is modelled');
      for (const c of [...t.sheet.columnWidths.keys()]) if (c >= t.c0 && c <= t.c1) t.sheet.columnWidths.delete(c);
    });
  }
  /** ExcelApi 1.2: row heights follow the content (not modelled beyond resolving the range). */
  autofitRows(): void {
    this.context.enqueue(() => void this.range());
  }
  private eachCell(set: (f: FakeCellFormat) => void): void {
    this.context.enqueue(() => {
      const t = this.range();
      for (const { r, c } of cellsOf(t)) set(cellFormat(t.sheet.ensure(r, c)));
    });
  }
}

const FILL_19 = ['pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'];

export class FakeRangeFill extends FakeProxy<RangeTarget> {
  protected readonly loadable = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'] as const;
  load(props?: string | string[]): this {
    const list = parseProps(props);
    if (list.some((p) => FILL_19.includes(p))) this.context.requireApi('1.9', 'RangeFill.pattern/tintAndShade');
    return super.load(props);
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    const model = this.context.model;
    const one = (fill: FakeFill | undefined): unknown => {
      switch (prop) {
        case 'color':
          return fill ? fill.color : '#FFFFFF';
        case 'pattern':
          if (model.fillPatternReadsNull && (!fill || fill.pattern === 'Solid')) return null;
          return fill ? fill.pattern : 'None';
        case 'patternColor':
          return fill ? fill.patternColor : null;
        case 'tintAndShade':
          return fill ? fill.tintAndShade : null;
        case 'patternTintAndShade':
          return fill ? fill.patternTintAndShade : null;
      }
      return undefined;
    };
    const values = cellsOf(t).map(({ r, c }) => one(t.sheet.get(r, c)?.fill));
    return values.every((v) => v === values[0]) ? values[0] : null; // not uniform → null
  }
  get color(): string { return this.prop('color'); }
  get pattern(): string | null { return this.prop('pattern'); }
  get patternColor(): string | null { return this.prop('patternColor'); }
  get tintAndShade(): number | null { return this.prop('tintAndShade'); }
  get patternTintAndShade(): number | null { return this.prop('patternTintAndShade'); }
  set color(v: string) { this.write('color', v); }
  set pattern(v: string) { this.write('pattern', v); }
  set patternColor(v: string) { this.write('patternColor', v); }
  set tintAndShade(v: number) { this.write('tintAndShade', v); }
  set patternTintAndShade(v: number) { this.write('patternTintAndShade', v); }

  private write(prop: keyof FakeFill, v: unknown): void {
    if (prop !== 'color') this.context.requireApi('1.9', `RangeFill.${prop}`);
    this.context.enqueue(() => {
      const t = this.must();
      for (const { r, c } of cellsOf(t)) {
        const cell = t.sheet.ensure(r, c);
        const fresh = (): FakeFill => ({ pattern: 'Solid', color: '#FFFFFF', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 });
        switch (prop) {
          case 'color':
            cell.fill = { ...(cell.fill ?? fresh()), color: normColor(v) };
            break;
          case 'pattern':
            if (!SETTABLE_PATTERNS.has(String(v))) throw new Error(`InvalidArgument: pattern ${String(v)}`);
            if (v === 'None') delete cell.fill;
            else cell.fill = { ...(cell.fill ?? fresh()), pattern: String(v) };
            break;
          case 'patternColor':
            cell.fill = { ...(cell.fill ?? fresh()), patternColor: normColor(v) };
            break;
          default: {
            const n = Number(v);
            if (!(n >= -1 && n <= 1)) throw new Error(`InvalidArgument: ${prop} ${String(v)}`);
            cell.fill = { ...(cell.fill ?? fresh()), [prop]: n };
          }
        }
      }
    });
  }
  clear(): void {
    this.context.enqueue(() => {
      const t = this.must();
      for (const { r, c } of cellsOf(t)) {
        const cell = t.sheet.get(r, c);
        if (cell) delete cell.fill;
      }
    });
  }
}

interface NoteTarget {
  sheet: FakeSheetModel;
  r: number;
  c: number;
}

function singleCell(address: string): CellRange {
  const r = parseA1(address);
  if (!r || r.r0 !== r.r1 || r.c0 !== r.c1) throw new Error(`InvalidCellAddress: ${address}`);
  return r;
}

export class FakeNoteCollection {
  private loadedItems: FakeNote[] | null = null;
  constructor(
    readonly context: FakeContext,
    private readonly sheet: () => FakeSheetModel,
  ) {
    context.requireApi('1.18', 'Worksheet.notes');
  }
  load(props?: string | string[]): this {
    const list = parseProps(props).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      const s = this.sheet();
      this.loadedItems = [...s.notes.keys()].map((k) => {
        const [r, c] = k.split(',').map(Number);
        const note = new FakeNote(this.context, () => ({ sheet: s, r, c }), false, true);
        note.fill({ sheet: s, r, c }, list);
        return note;
      });
    });
    return this;
  }
  get items(): FakeNote[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(
      this.context,
      () => {
        const s = this.sheet();
        const r = singleCell(address);
        return s.notes.has(FakeSheetModel.key(r.r0, r.c0)) ? { sheet: s, r: r.r0, c: r.c0 } : null;
      },
      true,
    );
  }
  getItem(address: string): FakeNote {
    return new FakeNote(this.context, () => {
      const s = this.sheet();
      const r = singleCell(address);
      return s.notes.has(FakeSheetModel.key(r.r0, r.c0)) ? { sheet: s, r: r.r0, c: r.c0 } : null;
    });
  }
  add(cell: FakeRange | string, content: string): FakeNote {
    let created: NoteTarget | null = null;
    this.context.enqueue(() => {
      const s = this.sheet();
      let r: CellRange;
      if (typeof cell === 'string') r = singleCell(cell);
      else {
        const t = cell.resolve();
        if (!t || t.sheet !== s) throw new Error('InvalidArgument: range on another sheet');
        if (t.r0 !== t.r1 || t.c0 !== t.c1) throw new Error('InvalidCellAddress: not a single cell');
        r = t;
      }
      const key = FakeSheetModel.key(r.r0, r.c0);
      if (s.notes.has(key)) throw new Error(`InvalidArgument: ${a1(r.r0, r.c0)} already has a note`);
      if (this.context.model.commentAt(s, r.r0, r.c0)) throw new Error(`InvalidArgument: ${a1(r.r0, r.c0)} has a comment`);
      s.notes.set(key, String(content));
      created = { sheet: s, r: r.r0, c: r.c0 };
    });
    return new FakeNote(this.context, () => created);
  }
}

export class FakeNote extends FakeProxy<NoteTarget> {
  protected readonly loadable = ['content'] as const;
  fill(t: NoteTarget, props: string[]): void {
    for (const p of props) this.loaded.set(p, this.readProp(t, p));
  }
  protected readProp(t: NoteTarget, prop: string): unknown {
    if (prop === 'content') return t.sheet.notes.get(FakeSheetModel.key(t.r, t.c));
    return undefined;
  }
  get content(): string { return this.prop('content'); }
  delete(): void {
    this.context.enqueue(() => {
      const t = this.must();
      t.sheet.notes.delete(FakeSheetModel.key(t.r, t.c));
    });
  }
}

export class FakeCommentCollection {
  private loadedItems: FakeComment[] | null = null;
  constructor(
    readonly context: FakeContext,
    /** Worksheet.comments: only this sheet's comments. */
    private readonly sheet?: () => FakeSheetModel,
  ) {
    context.requireApi('1.10', sheet ? 'Worksheet.comments' : 'Workbook.comments');
  }
  load(props?: string | string[]): this {
    const list = parseProps(props).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      const only = this.sheet ? this.sheet() : null;
      this.loadedItems = this.context.model.comments.filter((m) => !only || m.sheet === only).map((m) => {
        const item = new FakeComment(this.context, () => m, false, true);
        item.fill(m, list);
        return item;
      });
    });
    return this;
  }
  get items(): FakeComment[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  getItem(id: string): FakeComment {
    return new FakeComment(this.context, () => this.context.model.comments.find((c) => c.id === id) ?? null);
  }
  add(cell: FakeRange | string, content: string): FakeComment {
    let created: FakeCommentModel | null = null;
    this.context.enqueue(() => {
      const model = this.context.model;
      let target: NoteTarget;
      if (typeof cell === 'string') {
        const i = cell.lastIndexOf('!');
        const sheetName = i < 0 ? '' : cell.slice(0, i).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
        const s = model.sheet(sheetName);
        if (!s) throw new Error(`InvalidArgument: ${cell}`);
        const r = singleCell(cell.slice(i + 1));
        target = { sheet: s, r: r.r0, c: r.c0 };
      } else {
        const t = cell.resolve();
        if (!t) throw new Error('InvalidArgument: null range');
        if (t.r0 !== t.r1 || t.c0 !== t.c1) throw new Error('InvalidArgument: not a single cell');
        target = { sheet: t.sheet, r: t.r0, c: t.c0 };
      }
      if (model.commentAt(target.sheet, target.r, target.c)) throw new Error('InvalidArgument: the cell already has a comment');
      if (target.sheet.notes.has(FakeSheetModel.key(target.r, target.c))) throw new Error('InvalidArgument: the cell has a note');
      created = { id: model.commentId(), ...target, content: String(content) };
      model.comments.push(created);
    });
    return new FakeComment(this.context, () => created);
  }
}

export class FakeComment extends FakeProxy<FakeCommentModel> {
  protected readonly loadable = ['id', 'content'] as const;
  fill(m: FakeCommentModel, props: string[]): void {
    for (const p of props) this.loaded.set(p, this.readProp(m, p));
  }
  protected readProp(m: FakeCommentModel, prop: string): unknown {
    return prop === 'id' ? m.id : prop === 'content' ? m.content : undefined;
  }
  get id(): string { return this.prop('id'); }
  get content(): string { return this.prop('content'); }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const m = this.must();
      if (!this.context.model.comments.includes(m)) throw new Error('ItemNotFound: comment deleted');
      return { sheet: m.sheet, r0: m.r, c0: m.c, r1: m.r, c1: m.c };
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const m = this.must();
      this.context.model.comments = this.context.model.comments.filter((x) => x !== m);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cell formats (fonts, alignment, borders), setCellProperties, freeze panes

function intersects(a: CellRange, b: CellRange): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];

function checkBool(what: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw new Error(`InvalidArgument: ${what} ${String(v)}`);
  return v;
}

function checkIn(what: string, v: unknown, allowed: string[]): string {
  if (typeof v !== 'string' || !allowed.includes(v)) throw new Error(`InvalidArgument: ${what} ${String(v)}`);
  return v;
}

function cellFormat(cell: FakeCell): FakeCellFormat {
  return (cell.format ??= {});
}

/** A font as given to setCellProperties or a text run (only the modelled attributes are accepted). */
function checkFont(input: unknown): FakeFont {
  if (!input || typeof input !== 'object') throw new Error('InvalidArgument: font');
  const out: FakeFont = {};
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    switch (k) {
      case 'bold':
      case 'italic':
        out[k] = checkBool(`font.${k}`, v);
        break;
      case 'size':
        if (typeof v !== 'number' || !(v >= 1 && v <= 409)) throw new Error(`InvalidArgument: font.size ${String(v)}`);
        out.size = v;
        break;
      case 'color':
        out.color = normColor(v);
        break;
      case 'name':
        if (typeof v !== 'string' || !v) throw new Error('InvalidArgument: font.name');
        out.name = v;
        break;
      default:
        throw new Error(`fake: font.${k} is not modelled`);
    }
  }
  return out;
}

function checkBorder(input: unknown): FakeBorder | null {
  if (!input || typeof input !== 'object') throw new Error('InvalidArgument: border');
  const b = input as Record<string, unknown>;
  for (const k of Object.keys(b)) if (!['style', 'color', 'weight'].includes(k)) throw new Error(`fake: border.${k} is not modelled`);
  const style = b.style === undefined ? 'Continuous' : checkIn('border.style', b.style, BORDER_STYLES);
  if (style === 'None') return null;
  const out: FakeBorder = { style };
  if (b.color !== undefined) out.color = normColor(b.color);
  if (b.weight !== undefined) out.weight = checkIn('border.weight', b.weight, BORDER_WEIGHTS);
  return out;
}

const CELL_PROPERTY_KEYS = ['format', 'textRuns', 'hyperlink', 'style'];
const CELL_FORMAT_KEYS = ['font', 'fill', 'wrapText', 'verticalAlignment', 'horizontalAlignment', 'borders'];

/** One entry of setCellProperties, applied on the host. */
function applyCellProperties(sheet: FakeSheetModel, r: number, c: number, p: unknown): void {
  if (!p || typeof p !== 'object' || Array.isArray(p)) throw new Error('InvalidArgument: cell properties must be objects');
  const props = p as Record<string, unknown>;
  for (const k of Object.keys(props)) {
    if (!CELL_PROPERTY_KEYS.includes(k)) throw new Error(`InvalidArgument: cell property ${k}`);
    if (k === 'hyperlink' || k === 'style') throw new Error(`fake: cell property ${k} is not modelled`);
  }
  if (props.format !== undefined) {
    const f = props.format as Record<string, unknown>;
    if (!f || typeof f !== 'object') throw new Error('InvalidArgument: format');
    for (const k of Object.keys(f)) if (!CELL_FORMAT_KEYS.includes(k)) throw new Error(`fake: format.${k} is not modelled`);
    const cell = sheet.ensure(r, c);
    if (f.font !== undefined) {
      const fmt = cellFormat(cell);
      fmt.font = { ...fmt.font, ...checkFont(f.font) };
    }
    if (f.fill !== undefined) {
      const fill = f.fill as Record<string, unknown>;
      for (const k of Object.keys(fill)) if (k !== 'color' && k !== 'pattern') throw new Error(`fake: fill.${k} is not modelled`);
      const fresh = (): FakeFill => ({ pattern: 'Solid', color: '#FFFFFF', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 });
      if (fill.pattern === 'None') delete cell.fill;
      else {
        if (fill.pattern !== undefined && !SETTABLE_PATTERNS.has(String(fill.pattern))) throw new Error(`InvalidArgument: pattern ${String(fill.pattern)}`);
        cell.fill = { ...(cell.fill ?? fresh()), ...(fill.pattern !== undefined ? { pattern: String(fill.pattern) } : {}), ...(fill.color !== undefined ? { color: normColor(fill.color) } : {}) };
      }
    }
    if (f.wrapText !== undefined) cellFormat(cell).wrapText = checkBool('wrapText', f.wrapText);
    if (f.verticalAlignment !== undefined) cellFormat(cell).verticalAlignment = checkIn('verticalAlignment', f.verticalAlignment, V_ALIGN);
    if (f.horizontalAlignment !== undefined) cellFormat(cell).horizontalAlignment = checkIn('horizontalAlignment', f.horizontalAlignment, H_ALIGN);
    if (f.borders !== undefined) {
      const borders = f.borders as Record<string, unknown>;
      const fmt = cellFormat(cell);
      for (const [k, v] of Object.entries(borders)) {
        if (!['top', 'bottom', 'left', 'right'].includes(k)) throw new Error(`fake: borders.${k} is not modelled`);
        const b = checkBorder(v);
        fmt.borders = { ...fmt.borders };
        if (b) fmt.borders[k as 'top'] = b;
        else delete fmt.borders[k as 'top'];
      }
    }
  }
  if (props.textRuns !== undefined) {
    const runs = props.textRuns;
    if (!Array.isArray(runs) || runs.length === 0) throw new Error('InvalidArgument: textRuns');
    const checked: FakeTextRun[] = runs.map((run: unknown) => {
      const x = run as Record<string, unknown>;
      if (!x || typeof x.text !== 'string') throw new Error('InvalidArgument: textRuns[].text');
      for (const k of Object.keys(x)) if (k !== 'text' && k !== 'font') throw new Error(`InvalidArgument: textRuns[].${k}`);
      return x.font === undefined ? { text: x.text } : { text: x.text, font: checkFont(x.font) };
    });
    const cell = sheet.ensure(r, c);
    delete cell.formula;
    delete cell.isError;
    delete cell.text;
    cell.value = checked.map((x) => x.text).join(''); // the runs are the cell's text
    cell.runs = checked;
  }
}

export class FakeRangeFont {
  constructor(
    readonly context: FakeContext,
    private readonly range: () => RangeTarget,
  ) {}
  set bold(v: boolean) { this.write({ bold: v }); }
  set italic(v: boolean) { this.write({ italic: v }); }
  set size(v: number) { this.write({ size: v }); }
  set color(v: string) { this.write({ color: v }); }
  set name(v: string) { this.write({ name: v }); }
  private write(input: Record<string, unknown>): void {
    this.context.enqueue(() => {
      const font = checkFont(input);
      const t = this.range();
      for (const { r, c } of cellsOf(t)) {
        const fmt = cellFormat(t.sheet.ensure(r, c));
        fmt.font = { ...fmt.font, ...font };
      }
    });
  }
}

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

export class FakeRangeBorderCollection {
  constructor(
    readonly context: FakeContext,
    private readonly range: () => RangeTarget,
  ) {}
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this.context, this.range, index);
  }
}

/** A border of a range: the edges land on the cells along them (Inside* on every inner edge). */
export class FakeRangeBorder {
  constructor(
    readonly context: FakeContext,
    private readonly range: () => RangeTarget,
    private readonly index: string,
  ) {}
  set style(v: string) { this.write({ style: v }); }
  set color(v: string) { this.write({ color: v }); }
  set weight(v: string) { this.write({ weight: v }); }
  private write(input: Record<string, unknown>): void {
    this.context.enqueue(() => {
      const t = this.range();
      if (!BORDER_INDEXES.includes(this.index)) throw new Error(`InvalidArgument: border ${this.index}`);
      const edges: { r: number; c: number; side: 'top' | 'bottom' | 'left' | 'right' }[] = [];
      for (const { r, c } of cellsOf(t)) {
        if (this.index === 'EdgeTop' && r === t.r0) edges.push({ r, c, side: 'top' });
        if (this.index === 'EdgeBottom' && r === t.r1) edges.push({ r, c, side: 'bottom' });
        if (this.index === 'EdgeLeft' && c === t.c0) edges.push({ r, c, side: 'left' });
        if (this.index === 'EdgeRight' && c === t.c1) edges.push({ r, c, side: 'right' });
        if (this.index === 'InsideHorizontal' && r < t.r1) edges.push({ r, c, side: 'bottom' });
        if (this.index === 'InsideVertical' && c < t.c1) edges.push({ r, c, side: 'right' });
      }
      if (this.index.startsWith('Diagonal')) throw new Error('fake: diagonal borders are not modelled');
      for (const e of edges) {
        const fmt = cellFormat(t.sheet.ensure(e.r, e.c));
        const before = fmt.borders?.[e.side];
        const merged = checkBorder({ ...(before ?? {}), ...input });
        fmt.borders = { ...fmt.borders };
        if (merged) fmt.borders[e.side] = merged;
        else delete fmt.borders[e.side];
      }
    });
  }
}

export class FakeFreezePanes {
  constructor(
    readonly context: FakeContext,
    private readonly sheet: () => FakeSheetModel,
  ) {
    context.requireApi('1.7', 'Worksheet.freezePanes');
  }
  freezeRows(count = 1): void {
    this.context.enqueue(() => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw new Error(`InvalidArgument: freezeRows ${count}`);
      this.sheet().frozenRows = count;
    });
  }
  unfreeze(): void {
    this.context.enqueue(() => void (this.sheet().frozenRows = 0));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Charts

/** The chart types the fake knows (Excel.ChartType has many more; an unknown name fails like a bad one). */
export const CHART_TYPES = ['ColumnClustered', 'ColumnStacked', 'BarClustered', 'BarStacked', 'Pie', 'Doughnut', 'Line', 'LineMarkers', 'Area', 'XYScatter'];

export interface FakeChartSeriesModel {
  name: string;
  /** "Sheet!C5:C9" */
  values: string | null;
  xValues: string | null;
}

export interface FakeChartModel {
  id: string;
  name: string;
  type: string;
  sheet: FakeSheetModel;
  title: string | null;
  series: FakeChartSeriesModel[];
  /** setPosition(start, end), as A1 addresses on the chart's sheet. */
  position: { start: string; end: string | null } | null;
  legend: { position?: string; visible?: boolean };
  dataLabels: { showValue?: boolean; showPercentage?: boolean; showCategoryName?: boolean; showSeriesName?: boolean; showLegendKey?: boolean; separator?: string; position?: string; numberFormat?: string };
  valueAxis: { minimum?: number; title?: string; titleVisible?: boolean };
}

function rangeRef(t: RangeTarget): string {
  return `${quoteIfNeeded(t.sheet.name)}!${rangeA1(t)}`;
}

let nextChartId = 1;

export class FakeChartCollection {
  private loadedItems: FakeChart[] | null = null;
  constructor(
    readonly context: FakeContext,
    private readonly sheet: () => FakeSheetModel,
  ) {}
  load(props?: string | string[]): this {
    const list = parseProps(props).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      this.loadedItems = this.sheet().charts.map((m) => {
        const chart = new FakeChart(this.context, () => m, false, true);
        chart.fill(m, list);
        return chart;
      });
    });
    return this;
  }
  get items(): FakeChart[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  /** One series per column of `source` (per row with seriesBy "Rows"; "Auto": columns unless wider than tall). */
  add(type: string, source: FakeRange, seriesBy = 'Auto'): FakeChart {
    let created: FakeChartModel | null = null;
    this.context.enqueue(() => {
      const s = this.sheet();
      if (!CHART_TYPES.includes(type)) throw new Error(`InvalidArgument: chart type ${type}`);
      if (!['Auto', 'Columns', 'Rows'].includes(seriesBy)) throw new Error(`InvalidArgument: seriesBy ${seriesBy}`);
      const t = source.resolve();
      if (!t) throw new Error('InvalidArgument: null source range');
      const rows = t.r1 - t.r0 + 1;
      const cols = t.c1 - t.c0 + 1;
      const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && cols > rows);
      const series: FakeChartSeriesModel[] = byRows
        ? Array.from({ length: rows }, (_, i) => ({ name: `Series${i + 1}`, values: rangeRef({ ...t, r0: t.r0 + i, r1: t.r0 + i }), xValues: null }))
        : Array.from({ length: cols }, (_, i) => ({ name: `Series${i + 1}`, values: rangeRef({ ...t, c0: t.c0 + i, c1: t.c0 + i }), xValues: null }));
      const id = nextChartId++;
      created = { id: `{chart-${id}}`, name: `Chart ${id}`, type, sheet: s, title: null, series, position: null, legend: {}, dataLabels: {}, valueAxis: {} };
      s.charts.push(created);
    });
    return new FakeChart(this.context, () => created);
  }
}

export class FakeChart extends FakeProxy<FakeChartModel> {
  protected readonly loadable = ['name', 'id'] as const;
  fill(m: FakeChartModel, props: string[]): void {
    for (const p of props) this.loaded.set(p, this.readProp(m, p));
  }
  protected readProp(m: FakeChartModel, prop: string): unknown {
    return prop === 'name' ? m.name : prop === 'id' ? m.id : undefined;
  }
  get name(): string { return this.prop('name'); }
  get id(): string { return this.prop('id'); }
  get title(): { text: string } {
    const set = (f: (m: FakeChartModel) => void) => this.context.enqueue(() => f(this.must()));
    return {
      set text(v: string) {
        set((m) => (m.title = String(v)));
      },
    } as { text: string };
  }
  get legend(): { position: string; visible: boolean } {
    const set = (f: (m: FakeChartModel) => void) => this.context.enqueue(() => f(this.must()));
    return {
      set position(v: string) {
        set((m) => (m.legend.position = checkIn('legend.position', v, ['Invalid', 'Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'])));
      },
      set visible(v: boolean) {
        set((m) => (m.legend.visible = checkBool('legend.visible', v)));
      },
    } as { position: string; visible: boolean };
  }
  get dataLabels(): FakeChartDataLabels {
    return new FakeChartDataLabels(this.context, () => this.must());
  }
  /** Pie charts have no axes: using them fails the sync. */
  get axes(): { valueAxis: { minimum: number; title: { text: string; visible: boolean } } } {
    const set = (f: (m: FakeChartModel) => void) =>
      this.context.enqueue(() => {
        const m = this.must();
        if (m.type === 'Pie' || m.type === 'Doughnut') throw new Error('InvalidArgument: this chart type has no axes');
        f(m);
      });
    return {
      valueAxis: {
        set minimum(v: number) {
          set((m) => (m.valueAxis.minimum = Number(v)));
        },
        title: {
          set text(v: string) {
            set((m) => (m.valueAxis.title = String(v)));
          },
          set visible(v: boolean) {
            set((m) => (m.valueAxis.titleVisible = checkBool('title.visible', v)));
          },
        } as { text: string; visible: boolean },
      } as { minimum: number; title: { text: string; visible: boolean } },
    };
  }
  get series(): FakeChartSeriesCollection {
    return new FakeChartSeriesCollection(this.context, () => this.must());
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    this.context.enqueue(() => {
      const m = this.must();
      const at = (x: string | FakeRange): string => {
        if (typeof x === 'string') {
          const r = parseA1(x);
          if (!r) throw new Error(`InvalidArgument: ${x}`);
          return rangeA1(r);
        }
        const t = x.resolve();
        if (!t || t.sheet !== m.sheet) throw new Error('InvalidArgument: position on another sheet');
        return rangeA1(t);
      };
      m.position = { start: at(startCell), end: endCell === undefined ? null : at(endCell) };
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const m = this.must();
      m.sheet.charts = m.sheet.charts.filter((x) => x !== m);
    });
  }
}

export class FakeChartDataLabels {
  constructor(
    readonly context: FakeContext,
    private readonly chart: () => FakeChartModel,
  ) {}
  set showValue(v: boolean) { this.set('showValue', checkBool, v); }
  set showPercentage(v: boolean) { this.set('showPercentage', checkBool, v); }
  set showCategoryName(v: boolean) { this.set('showCategoryName', checkBool, v); }
  set showSeriesName(v: boolean) { this.set('showSeriesName', checkBool, v); }
  set showLegendKey(v: boolean) { this.set('showLegendKey', checkBool, v); }
  set separator(v: string) { this.set('separator', (_, x) => String(x), v); }
  set position(v: string) {
    this.set('position', (w, x) => checkIn(w, x, ['Invalid', 'None', 'Center', 'InsideEnd', 'InsideBase', 'OutsideEnd', 'Left', 'Right', 'Top', 'Bottom', 'BestFit', 'Callout']), v);
  }
  /** ExcelApi 1.8. */
  set numberFormat(v: string) {
    this.context.requireApi('1.8', 'ChartDataLabels.numberFormat');
    this.set('numberFormat', (_, x) => String(x), v);
  }
  private set<K extends keyof FakeChartModel['dataLabels']>(key: K, check: (what: string, v: unknown) => unknown, v: unknown): void {
    this.context.enqueue(() => {
      this.chart().dataLabels[key] = check(`dataLabels.${key}`, v) as FakeChartModel['dataLabels'][K];
    });
  }
}

export class FakeChartSeriesCollection {
  constructor(
    readonly context: FakeContext,
    private readonly chart: () => FakeChartModel,
  ) {}
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => {
      const m = this.chart();
      const s = m.series[index];
      if (!s) throw new Error(`ItemNotFound: series ${index}`);
      return { chart: m, series: s };
    });
  }
  /** ExcelApi 1.7. The new series shows nothing until its values are set. */
  add(name?: string, index?: number): FakeChartSeries {
    this.context.requireApi('1.7', 'ChartSeriesCollection.add');
    let created: { chart: FakeChartModel; series: FakeChartSeriesModel } | null = null;
    this.context.enqueue(() => {
      const m = this.chart();
      const s: FakeChartSeriesModel = { name: name ?? `Series${m.series.length + 1}`, values: null, xValues: null };
      if (index === undefined) m.series.push(s);
      else m.series.splice(index, 0, s);
      created = { chart: m, series: s };
    });
    return new FakeChartSeries(this.context, () => created);
  }
}

export class FakeChartSeries extends FakeProxy<{ chart: FakeChartModel; series: FakeChartSeriesModel }> {
  protected readonly loadable = ['name'] as const;
  protected readProp(t: { series: FakeChartSeriesModel }, prop: string): unknown {
    return prop === 'name' ? t.series.name : undefined;
  }
  get name(): string { return this.prop('name'); }
  set name(v: string) {
    this.context.enqueue(() => void (this.must().series.name = String(v)));
  }
  /** ExcelApi 1.7: one row or one column. */
  setValues(source: FakeRange): void {
    this.setRange('values', source, 'ChartSeries.setValues');
  }
  /** ExcelApi 1.7. */
  setXAxisValues(source: FakeRange): void {
    this.setRange('xValues', source, 'ChartSeries.setXAxisValues');
  }
  /** ExcelApi 1.7. */
  delete(): void {
    this.context.requireApi('1.7', 'ChartSeries.delete');
    this.context.enqueue(() => {
      const t = this.must();
      t.chart.series = t.chart.series.filter((x) => x !== t.series);
    });
  }
  private setRange(key: 'values' | 'xValues', source: FakeRange, what: string): void {
    this.context.requireApi('1.7', what);
    this.context.enqueue(() => {
      const t = this.must();
      const r = source.resolve();
      if (!r) throw new Error('InvalidArgument: null range');
      if (r.r0 !== r.r1 && r.c0 !== r.c1) throw new Error(`InvalidArgument: ${what} needs one row or one column`);
      t.series[key] = rangeRef(r);
    });
  }
}

/** A fake context over a new workbook made of `sheets`. */
export function fakeExcel(sheets: FakeSheetSpec[]): FakeContext {
  const model = new FakeWorkbookModel();
  for (const s of sheets) model.addSheet(s);
  return new FakeContext(model);
}
