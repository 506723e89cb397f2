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
 *  - `excelApi` is the host's ExcelApi version: a request that needs a newer set fails the sync (ApiNotFound).
 */
import { CellRange } from '../../snapshot/types';
import { a1, parseA1, rangeA1 } from '../../snapshot/address';

const MAX_ROWS = 1048576;
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
}

export class FakeSheetModel {
  cells = new Map<string, FakeCell>();
  merges: CellRange[] = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  /** Notes by cell key ("r,c"). */
  notes = new Map<string, string>();
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
  private queue: Op[] = [];
  constructor(model: FakeWorkbookModel) {
    this.model = model;
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(op: Op): void {
    this.queue.push(op);
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
    await Promise.resolve();
    for (const op of ops) op();
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
      for (const p of list) this.loaded.set(p, this.readProp(t, p));
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
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error('fake: only getUsedRangeOrNullObject(true) is modelled');
    return new FakeRange(
      this.context,
      () => {
        const s = this.must();
        let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
        for (const [k, cell] of s.cells) {
          if (!s.hasValue(cell)) continue;
          const [r, c] = k.split(',').map(Number);
          r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
        }
        return r1 < 0 ? null : { sheet: s, r0, c0, r1, c1 };
      },
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

interface RangeTarget extends CellRange {
  sheet: FakeSheetModel;
}

export class FakeRange extends FakeProxy<RangeTarget> {
  protected readonly loadable = [
    'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'text', 'numberFormat',
    'formulas', 'valueTypes', 'rowHidden', 'columnHidden',
  ] as const;
  protected readProp(t: RangeTarget, prop: string): unknown {
    const s = t.sheet;
    const rows = t.r1 - t.r0 + 1;
    const cols = t.c1 - t.c0 + 1;
    const grid = (f: (cell: FakeCell | undefined) => unknown) => {
      if (rows * cols > 5_000_000) throw new Error('fake: range too large to read');
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
    });
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
  getMergedAreasOrNullObject(): FakeRangeAreas {
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
  constructor(
    readonly context: FakeContext,
    private readonly sheet: () => FakeSheetModel,
  ) {
    context.requireApi('1.18', 'Worksheet.notes');
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
  constructor(readonly context: FakeContext) {
    context.requireApi('1.10', 'Workbook.comments');
  }
  load(props?: string | string[]): this {
    const list = parseProps(props).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      this.loadedItems = this.context.model.comments.map((m) => {
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

/** A fake context over a new workbook made of `sheets`. */
export function fakeExcel(sheets: FakeSheetSpec[]): FakeContext {
  const model = new FakeWorkbookModel();
  for (const s of sheets) model.addSheet(s);
  return new FakeContext(model);
}
