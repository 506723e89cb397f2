/**
 * 在工作簿中标注 / 清除标注: colour the cells of the findings in the user's sheets (red 错误, orange 警告, blue 提示)
 * and attach the messages as a note (or a threaded comment), then put everything back exactly as it was.
 *
 * What a cell looked like before is stored, before anything is changed, in an owned hidden sheet
 * "决算助手_标注" (ownership marked like writeOwnedSheet's sheets: a workbook name "决算助手_owned_<n>" on its A1).
 * 清除标注 restores from that sheet and then deletes it and its marker, so nothing is left behind.
 *
 * Exactness rules:
 *  - a cell's fill is changed only when its original fill can be written back exactly: "no fill" (restored with
 *    fill.clear()) or a pattern / solid fill with tintAndShade 0 (restored by setting pattern, color, patternColor,
 *    patternTintAndShade). Office.js cannot tell "no fill" from solid white by colour alone (both read "#FFFFFF",
 *    OfficeDev/office-js#6218); "no fill" reads tintAndShade null (#4900) — some hosts also read pattern null for
 *    both. A fill that cannot be told apart or written back (gradients, theme tints, pattern unknown) is left alone;
 *    the cell still gets its note;
 *  - a note / comment is added only to a cell that has neither (a cell holds one or the other); an existing
 *    note or comment is never changed. Clearing deletes only notes/comments that carry the tag 【决算助手】 on the
 *    recorded cells;
 *  - when a marked cell's fill was changed by the user after marking, 清除标注 keeps the user's fill.
 *
 * Syncs (fixed; never one per cell):
 *  markCells   MARK_SYNC_COUNT (3):  1 sheets, names, comments · 2 the cells' fills, notes, comment locations ·
 *              3 store sheet + fills + notes/comments. If earlier marks exist they are cleared first
 *              (UNMARK_SYNC_COUNT more, then the 3 above: 7 in all).
 *  unmarkCells UNMARK_SYNC_COUNT (4): 1 sheets, names, comments · 2 the store's rows, comment locations ·
 *              3 the recorded cells' current fills and notes · 4 restore, delete notes/comments, delete the store.
 *              Only 1 when there is nothing to clear, 3 when the store records no cell.
 *
 * Requirement sets: ExcelApi 1.9 for marking at all (RangeFill.pattern / tintAndShade are what make "no fill"
 * distinguishable); notes need ExcelApi 1.18 (Worksheet.notes), else threaded comments ExcelApi 1.10
 * (Workbook.comments, Comment.getLocation), else fill only. Worksheet visibility, delete, names 1.1–1.4.
 */
import { a1, parseA1, splitRef } from '../../snapshot/address';
import { describeOfficeError } from './errors';
import { excelApiSupported } from './requirements';
import { OWNED_NAME_PREFIX, markerSheet } from './writeOwnedSheet';

export const MARK_SHEET = '决算助手_标注';
export const MARK_TAG = '【决算助手】';
export const MARK_SYNC_COUNT = 3;
export const UNMARK_SYNC_COUNT = 4;
/** Most cells marked at once (the request stays well under Excel on the web's 5 MB payload limit). */
export const MAX_MARK_CELLS = 2000;
/** Most cells taken from one range reference ("A1:H40"); a larger range is marked by its first cell. */
export const MAX_CELLS_PER_REF = 64;

export type MarkSeverity = '错误' | '警告' | '提示';

/** Fill colours of the marks. */
export const MARK_COLORS: Record<MarkSeverity, string> = {
  错误: '#FF7C80',
  警告: '#FFC000',
  提示: '#9BC2E6',
};

const SEVERITY_RANK: Record<MarkSeverity, number> = { 错误: 0, 警告: 1, 提示: 2 };

/** What is marked: structurally a rules Finding. */
export interface MarkFinding {
  severity: MarkSeverity;
  message: string;
  rule?: string;
  /** "公开01表!C8" (ranges allowed). */
  cells: string[];
}

export interface MarkApi {
  /** ExcelApi 1.9: RangeFill.pattern / tintAndShade. Without it nothing is marked. */
  fillDetails: boolean;
  /** ExcelApi 1.18: Worksheet.notes. */
  notes: boolean;
  /** ExcelApi 1.10: Workbook.comments. */
  comments: boolean;
}

export interface MarkOptions {
  /** What the host supports (default: asked from Office.context.requirements). */
  api?: MarkApi;
}

export type Annotation = 'note' | 'comment' | null;

export interface MarkResult {
  /** Cells recorded in the store (on sheets that exist). */
  cells: number;
  /** Cells whose fill was coloured. */
  filled: number;
  /** Cells that got a note / comment. */
  annotated: number;
  annotation: Annotation;
  /** Cells whose fill was left alone because it could not be restored exactly. */
  keptFill: number;
  /** Cells that already had a note or comment (left as they were, no note added). */
  keptAnnotation: number;
  /** Sheets named by findings that are not in the workbook (their cells were skipped). */
  missingSheets: string[];
  /** Cells left out above MAX_MARK_CELLS. */
  truncated: number;
  /** Earlier marks were cleared first. */
  replaced: boolean;
  bySeverity: Record<MarkSeverity, number>;
}

export interface UnmarkResult {
  /** A store sheet was found (false: there was nothing to clear). */
  found: boolean;
  /** Cells whose original fill was written back. */
  restored: number;
  /** Notes / comments of ours deleted. */
  removedAnnotations: number;
  /** Marked cells whose fill the user changed after marking (kept as the user left it). */
  keptUserFill: number;
}

/** The host's support, from Office.context.requirements. */
export function markApi(): MarkApi {
  return { fillDetails: excelApiSupported('1.9'), notes: excelApiSupported('1.18'), comments: excelApiSupported('1.10') };
}

export function annotationKind(api: MarkApi): Annotation {
  return api.notes ? 'note' : api.comments ? 'comment' : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Fills

/** What RangeFill reports for one cell. */
export interface FillReading {
  color: string | null;
  pattern: string | null;
  patternColor: string | null;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
}

/** An original fill: none, one that can be written back exactly, or one that must be left alone. */
export type OriginalFill =
  | { kind: 'none' }
  | { kind: 'fill'; pattern: string; color: string; patternColor: string | null; patternTintAndShade: number | null }
  | { kind: 'keep' };

const PATTERNS = new Set([
  'Solid', 'Gray50', 'Gray75', 'Gray25', 'Horizontal', 'Vertical', 'Down', 'Up', 'Checker', 'SemiGray75',
  'LightHorizontal', 'LightVertical', 'LightDown', 'LightUp', 'Grid', 'CrissCross', 'Gray16', 'Gray8',
]);

/** Classify a reading (see the exactness rules above). */
export function classifyFill(f: FillReading): OriginalFill {
  if (f.pattern === 'None') return { kind: 'none' };
  if (f.pattern === null && f.tintAndShade === null) return { kind: 'none' }; // hosts that read pattern null (#4900)
  if (f.pattern === null || !PATTERNS.has(f.pattern)) return { kind: 'keep' }; // unknown or gradient
  if (f.tintAndShade !== 0 || typeof f.color !== 'string' || !f.color) return { kind: 'keep' }; // theme tint
  if (f.pattern !== 'Solid' && (typeof f.patternColor !== 'string' || (f.patternTintAndShade !== null && f.patternTintAndShade !== 0))) {
    return { kind: 'keep' };
  }
  return {
    kind: 'fill',
    pattern: f.pattern,
    color: f.color.toUpperCase(),
    patternColor: f.pattern === 'Solid' ? null : (f.patternColor as string).toUpperCase(),
    patternTintAndShade: f.pattern === 'Solid' ? null : 0,
  };
}

function writeFill(fill: Excel.RangeFill, original: OriginalFill): void {
  if (original.kind === 'none') fill.clear();
  else if (original.kind === 'fill') {
    fill.pattern = original.pattern as Excel.FillPattern;
    fill.color = original.color;
    if (original.patternColor) fill.patternColor = original.patternColor;
    if (original.patternTintAndShade !== null) fill.patternTintAndShade = original.patternTintAndShade;
    fill.tintAndShade = 0;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Targets

interface Target {
  sheet: string;
  address: string;
  severity: MarkSeverity;
  lines: string[];
}

/** The cells to mark, one per cell, most serious severity wins; cells of the most serious findings first. */
export function markTargets(findings: MarkFinding[]): { targets: Target[]; truncated: number } {
  const byKey = new Map<string, Target>();
  const order = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  for (const f of order) {
    const line = `${f.severity}：${f.message}${f.rule ? `（${f.rule}）` : ''}`;
    for (const ref of f.cells) {
      const parts = splitRef(ref);
      const range = parts && parts.sheet ? parseA1(parts.address) : null;
      if (!parts || !range) continue;
      const size = (range.r1 - range.r0 + 1) * (range.c1 - range.c0 + 1);
      const r1 = size > MAX_CELLS_PER_REF ? range.r0 : range.r1;
      const c1 = size > MAX_CELLS_PER_REF ? range.c0 : range.c1;
      for (let r = range.r0; r <= r1; r++) {
        for (let c = range.c0; c <= c1; c++) {
          const address = a1(r, c);
          const key = `${parts.sheet.toLowerCase()}!${address}`;
          const t = byKey.get(key);
          if (!t) byKey.set(key, { sheet: parts.sheet, address, severity: f.severity, lines: [line] });
          else if (!t.lines.includes(line)) t.lines.push(line);
        }
      }
    }
  }
  const all = [...byKey.values()];
  return { targets: all.slice(0, MAX_MARK_CELLS), truncated: Math.max(0, all.length - MAX_MARK_CELLS) };
}

/** The text of a note: the tag, then one line per finding (at most 6). */
export function noteText(lines: string[]): string {
  const shown = lines.slice(0, 6);
  const more = lines.length > shown.length ? `\n……共 ${lines.length} 条` : '';
  const text = `${MARK_TAG}\n${shown.join('\n')}${more}`;
  return text.length > 2000 ? `${text.slice(0, 1990)}……` : text;
}

// ---------------------------------------------------------------------------------------------------------------
// The store sheet

const STORE_TITLE = '决算助手标注记录：点击决算助手中的“清除标注”，按本表恢复各单元格原来的填充并删除决算助手添加的备注/批注。请勿修改或删除本表。';
const STORE_HEADER = ['工作表', '单元格', '级别', '标注颜色', '原填充', '原图案', '原颜色', '原图案颜色', '原图案色调', '添加的注释'];

interface StoreRow {
  sheet: string;
  address: string;
  severity: MarkSeverity;
  /** The colour we set, '' when the fill was left alone. */
  markColor: string;
  original: OriginalFill;
  /** What we added: 'note' | 'comment' | null. */
  added: Annotation;
}

const ORIGINAL_LABEL = { none: '无填充', fill: '有填充', keep: '未改动' } as const;
const ADDED_LABEL = { note: '备注', comment: '批注' } as const;

function storeRows(rows: StoreRow[]): string[][] {
  const width = STORE_HEADER.length;
  const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
  return [
    pad([STORE_TITLE]),
    STORE_HEADER,
    ...rows.map((r) =>
      pad([
        r.sheet,
        r.address,
        r.severity,
        r.markColor,
        ORIGINAL_LABEL[r.original.kind],
        r.original.kind === 'fill' ? r.original.pattern : '',
        r.original.kind === 'fill' ? r.original.color : '',
        r.original.kind === 'fill' ? r.original.patternColor ?? '' : '',
        r.original.kind === 'fill' && r.original.patternTintAndShade !== null ? String(r.original.patternTintAndShade) : '',
        r.added ? ADDED_LABEL[r.added] : '',
      ]),
    ),
  ];
}

/** Read the store back; rows that do not parse are skipped (never guessed). */
export function parseStore(values: unknown[][]): StoreRow[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v)).trim();
  const head = values.findIndex((row) => text(row[0]) === STORE_HEADER[0] && text(row[1]) === STORE_HEADER[1]);
  if (head < 0) return [];
  const out: StoreRow[] = [];
  for (const row of values.slice(head + 1)) {
    const [sheet, address, severity, markColor, kind, pattern, color, patternColor, patternTint, added] = STORE_HEADER.map((_, i) => text(row[i]));
    const range = parseA1(address);
    if (!sheet || !range || range.r0 !== range.r1 || range.c0 !== range.c1) continue;
    if (severity !== '错误' && severity !== '警告' && severity !== '提示') continue;
    let original: OriginalFill;
    if (kind === ORIGINAL_LABEL.none) original = { kind: 'none' };
    else if (kind === ORIGINAL_LABEL.fill && PATTERNS.has(pattern) && color) {
      original = {
        kind: 'fill',
        pattern,
        color,
        patternColor: patternColor || null,
        patternTintAndShade: patternTint === '' ? null : Number(patternTint),
      };
      if (original.patternTintAndShade !== null && !Number.isFinite(original.patternTintAndShade)) original = { kind: 'keep' };
    } else original = { kind: 'keep' };
    out.push({
      sheet,
      address: a1(range.r0, range.c0),
      severity,
      markColor: original.kind === 'keep' ? '' : markColor,
      original,
      added: added === ADDED_LABEL.note ? 'note' : added === ADDED_LABEL.comment ? 'comment' : null,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Sync 1 of both: sheets, names, comments

interface Probe {
  /** Actual sheet names by lower-case name. */
  sheets: Map<string, string>;
  /** The store sheet's actual name, when it exists. */
  store: string | null;
  storeOwned: boolean;
  /** Marker names that point to the store sheet. */
  storeMarkers: string[];
  lastMarker: number;
  comments: Excel.Comment[] | null;
}

async function probe(context: Excel.RequestContext, api: MarkApi): Promise<Probe> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name, items/type, items/value');
  let comments: Excel.CommentCollection | null = null;
  if (api.comments) {
    comments = context.workbook.comments;
    comments.load('items/id, items/content');
  }
  try {
    await context.sync();
  } catch (e) {
    throw new Error(`无法读取工作表列表：${describeOfficeError(e)}。`);
  }
  const sheets = new Map(worksheets.items.map((s) => [s.name.toLowerCase(), s.name]));
  const store = sheets.get(MARK_SHEET.toLowerCase()) ?? null;
  const storeMarkers: string[] = [];
  let lastMarker = 0;
  for (const item of names.items) {
    if (!item.name.toLowerCase().startsWith(OWNED_NAME_PREFIX.toLowerCase())) continue;
    const m = /_(\d+)$/.exec(item.name);
    if (m) lastMarker = Math.max(lastMarker, parseInt(m[1], 10));
    const target = item.type === 'Range' ? markerSheet(item.value) : null;
    if (target && target.toLowerCase() === MARK_SHEET.toLowerCase()) storeMarkers.push(item.name);
  }
  return { sheets, store, storeOwned: storeMarkers.length > 0, storeMarkers, lastMarker, comments: comments ? comments.items : null };
}

function notOwned(name: string): Error {
  return new Error(
    `工作表“${name}”已存在，且不是决算助手生成的工作表。决算助手用这个名称保存标注前单元格的原样，为保护其中的数据不会改写它；请先将该工作表改名。`,
  );
}

/** Comment locations, queued (read after the next sync). */
function queueCommentLocations(comments: Excel.Comment[] | null): { comment: Excel.Comment; location: Excel.Range }[] {
  return (comments ?? []).map((comment) => {
    const location = comment.getLocation();
    location.load('address');
    return { comment, location };
  });
}

function locationKey(address: string): string | null {
  const parts = splitRef(address);
  const range = parts ? parseA1(parts.address) : null;
  return parts && range ? `${parts.sheet.toLowerCase()}!${a1(range.r0, range.c0)}` : null;
}

const FILL_PROPS = 'color, pattern, patternColor, tintAndShade, patternTintAndShade';

// ---------------------------------------------------------------------------------------------------------------
// Mark

export async function markCells(context: Excel.RequestContext, findings: MarkFinding[], options: MarkOptions = {}): Promise<MarkResult> {
  const api = options.api ?? markApi();
  if (!api.fillDetails) {
    throw new Error('当前 Excel 版本不支持在工作簿中标注（需要 ExcelApi 1.9 或更高版本，例如 Microsoft 365 或 Excel 2021）。');
  }
  const { targets, truncated } = markTargets(findings);

  // Sync 1.
  let p = await probe(context, api);
  let replaced = false;
  if (p.store) {
    if (!p.storeOwned) throw notOwned(p.store);
    await restore(context, p, api); // 3 syncs
    replaced = true;
    p = await probe(context, api); // comments and names changed
  }

  const annotation = annotationKind(api);
  const missing = new Set<string>();
  const present = targets.filter((t) => {
    const name = p.sheets.get(t.sheet.toLowerCase());
    if (!name) missing.add(t.sheet);
    else t.sheet = name;
    return !!name;
  });

  // Sync 2: fills, notes, comment locations.
  const inspected = present.map((t) => {
    const ws = context.workbook.worksheets.getItem(t.sheet);
    const fill = ws.getRange(t.address).format.fill;
    fill.load(FILL_PROPS);
    let note: Excel.Note | null = null;
    if (annotation === 'note') {
      note = ws.notes.getItemOrNullObject(t.address);
      note.load('content');
    }
    return { t, ws, fill, note };
  });
  const locations = annotation ? queueCommentLocations(p.comments) : [];
  try {
    await context.sync();
  } catch (e) {
    throw new Error(`无法读取要标注的单元格：${describeOfficeError(e)}。`);
  }
  const commented = new Set(locations.map((l) => locationKey(l.location.address)).filter((k): k is string => !!k));

  const rows: StoreRow[] = [];
  const apply: { ws: Excel.Worksheet; t: Target; fill: Excel.RangeFill; color: string | null; annotate: boolean }[] = [];
  let keptFill = 0;
  let keptAnnotation = 0;
  for (const { t, ws, fill, note } of inspected) {
    const original = classifyFill({
      color: fill.color,
      pattern: fill.pattern,
      patternColor: fill.patternColor,
      tintAndShade: fill.tintAndShade,
      patternTintAndShade: fill.patternTintAndShade,
    });
    if (original.kind === 'keep') keptFill++;
    const hasNote = !!note && !note.isNullObject;
    const hasComment = commented.has(`${t.sheet.toLowerCase()}!${t.address}`);
    const annotate = !!annotation && !hasNote && !hasComment;
    if (annotation && !annotate) keptAnnotation++;
    const color = original.kind === 'keep' ? null : MARK_COLORS[t.severity];
    rows.push({ sheet: t.sheet, address: t.address, severity: t.severity, markColor: color ?? '', original, added: annotate ? annotation : null });
    apply.push({ ws, t, fill, color, annotate });
  }

  const bySeverity: Record<MarkSeverity, number> = { 错误: 0, 警告: 0, 提示: 0 };
  for (const r of rows) bySeverity[r.severity]++;
  const result: MarkResult = {
    cells: rows.length,
    filled: apply.filter((a) => a.color).length,
    annotated: apply.filter((a) => a.annotate).length,
    annotation,
    keptFill,
    keptAnnotation,
    missingSheets: [...missing],
    truncated,
    replaced,
    bySeverity,
  };
  if (rows.length === 0) return result;

  // Sync 3: the store first (so whatever follows can be undone), then fills, then notes / comments.
  const values = storeRows(rows);
  const store = context.workbook.worksheets.add(MARK_SHEET);
  context.workbook.names.add(`${OWNED_NAME_PREFIX}_${p.lastMarker + 1}`, store.getRange('A1'), '决算助手：标注记录工作表（清除标注时自动删除）。请勿删除或修改。');
  const block = store.getRangeByIndexes(0, 0, values.length, values[0].length);
  block.numberFormat = values.map((r) => r.map(() => '@'));
  block.values = values;
  store.visibility = 'Hidden' as Excel.SheetVisibility;
  for (const a of apply) {
    if (a.color) {
      a.fill.pattern = 'Solid' as Excel.FillPattern;
      a.fill.color = a.color;
    }
  }
  for (const a of apply) {
    if (!a.annotate) continue;
    const text = noteText(a.t.lines);
    if (annotation === 'note') a.ws.notes.add(a.t.address, text);
    else context.workbook.comments.add(a.ws.getRange(a.t.address), text);
  }
  try {
    await context.sync();
  } catch (e) {
    throw new Error(`标注未能全部完成：${describeOfficeError(e)}。已做的标注可以用“清除标注”撤销。`);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Unmark

export async function unmarkCells(context: Excel.RequestContext, options: MarkOptions = {}): Promise<UnmarkResult> {
  const api = options.api ?? markApi();
  const p = await probe(context, api); // sync 1
  if (!p.store) return { found: false, restored: 0, removedAnnotations: 0, keptUserFill: 0 };
  if (!p.storeOwned) throw notOwned(p.store);
  return restore(context, p, api);
}

/** Syncs 2–4 of unmarkCells. */
async function restore(context: Excel.RequestContext, p: Probe, api: MarkApi): Promise<UnmarkResult> {
  const storeName = p.store as string;
  const storeSheet = context.workbook.worksheets.getItem(storeName);

  // Sync 2: the store's rows and the comments' locations.
  const used = storeSheet.getUsedRangeOrNullObject(true);
  used.load('values');
  const locations = api.comments ? queueCommentLocations(p.comments) : [];
  try {
    await context.sync();
  } catch (e) {
    throw new Error(`无法读取标注记录“${storeName}”：${describeOfficeError(e)}。`);
  }
  const rows = used.isNullObject ? [] : parseStore(used.values).filter((r) => p.sheets.has(r.sheet.toLowerCase()));
  const ourComments = new Map<string, Excel.Comment>();
  for (const l of locations) {
    const key = locationKey(l.location.address);
    if (key && typeof l.comment.content === 'string' && l.comment.content.includes(MARK_TAG)) ourComments.set(key, l.comment);
  }

  // Sync 3: current fills (was the mark changed by the user?) and notes of the recorded cells.
  const cells = rows.map((r) => {
    const ws = context.workbook.worksheets.getItem(p.sheets.get(r.sheet.toLowerCase()) as string);
    const fill = ws.getRange(r.address).format.fill;
    if (r.original.kind !== 'keep') fill.load('color, pattern');
    let note: Excel.Note | null = null;
    if (r.added === 'note' && api.notes) {
      note = ws.notes.getItemOrNullObject(r.address);
      note.load('content');
    }
    return { r, fill, note };
  });
  if (cells.length) {
    try {
      await context.sync();
    } catch (e) {
      throw new Error(`无法读取已标注的单元格：${describeOfficeError(e)}。`);
    }
  }

  // Sync 4: restore, delete our notes / comments, delete the store and its markers.
  let restored = 0;
  let keptUserFill = 0;
  let removedAnnotations = 0;
  for (const { r, fill, note } of cells) {
    if (r.original.kind !== 'keep') {
      const current = (fill.color ?? '').toUpperCase();
      const stillOurs = current === r.markColor.toUpperCase() && (fill.pattern === 'Solid' || fill.pattern === null);
      if (stillOurs) {
        writeFill(fill, r.original);
        restored++;
      } else keptUserFill++;
    }
    if (note && !note.isNullObject && typeof note.content === 'string' && note.content.includes(MARK_TAG)) {
      note.delete();
      removedAnnotations++;
    }
    const comment = r.added === 'comment' ? ourComments.get(`${r.sheet.toLowerCase()}!${r.address}`) : undefined;
    if (comment) {
      comment.delete();
      removedAnnotations++;
    }
  }
  for (const name of p.storeMarkers) context.workbook.names.getItem(name).delete();
  storeSheet.delete();
  try {
    await context.sync();
  } catch (e) {
    throw new Error(`清除标注未能全部完成：${describeOfficeError(e)}。可以再点一次“清除标注”。`);
  }
  return { found: true, restored, removedAnnotations, keptUserFill };
}
