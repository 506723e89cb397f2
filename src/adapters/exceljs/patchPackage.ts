/**
 * Package patching: put the add-in's own sheets into the user's .xlsx WITHOUT re-serialising the workbook.
 *
 * exceljs drops what it does not model (charts, images, pivot tables, slicers, some validations…), so the
 * user's package is kept as bytes and only these parts change:
 *  - the owned sheets' parts (sheet XML, its .rels and the parts only it points at: drawings, charts, comments),
 *    replaced by the parts of a "fresh" workbook exceljs wrote holding only the owned sheets;
 *  - xl/workbook.xml (<sheet> entries, defined names, calcPr fullCalcOnLoad so Excel recalculates our formulas),
 *    xl/_rels/workbook.xml.rels, [Content_Types].xml;
 *  - xl/styles.xml: the fresh cell formats are APPENDED (existing indices unchanged) and the copied sheets'
 *    s="…" indices remapped; text is written as inline strings so sharedStrings.xml is not touched;
 *  - xl/calcChain.xml is removed (Excel rebuilds it; a stale chain makes Excel "repair" the file).
 * Every other part — the user's sheets, their drawings, charts, pivot caches — is carried byte for byte.
 *
 * A sheet listed in `appendRowsTo` is not replaced: the fresh sheet's rows are appended to the existing sheet's
 * <sheetData> (used for 补充信息, whose typed content, formats and extra rows must stay exactly as they are).
 */
import JSZip from 'jszip';
import { attr, escapeXml, setAttr, unescapeXml } from '../../output/xml';

const REL_SHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const REL_CALCCHAIN = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

export class PackageError extends Error {}

export interface DefinedNameEdit {
  name: string;
  /** The formula text (a reference or a "string" constant). */
  value: string;
  hidden?: boolean;
  /** The name's comment (Excel shows it in the Name Manager; owned-sheet markers keep their fingerprint here). */
  comment?: string;
}

export interface PatchOptions {
  /** Sheets whose existing part is kept and only receives the fresh sheet's rows at its end. */
  appendRowsTo?: Set<string>;
  /** Defined names to add or replace (matched by name, case-insensitive). */
  names?: DefinedNameEdit[];
}

/** A relationship target resolved against the part that owns it (package path without leading "/"). */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Relative path from the folder of `from` to `to` (both package paths without leading "/"). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

interface Rel {
  tag: string;
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function parseRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
    tag: m[0],
    id: attr(m[0], 'Id') ?? '',
    type: attr(m[0], 'Type') ?? '',
    target: attr(m[0], 'Target') ?? '',
    external: attr(m[0], 'TargetMode') === 'External',
  }));
}

async function text(zip: JSZip, p: string): Promise<string | undefined> {
  const f = zip.file(p);
  return f ? f.async('string') : undefined;
}

/** The workbook part named by the package's root relationship (usually xl/workbook.xml). */
export async function workbookPart(zip: JSZip): Promise<string> {
  const rels = parseRels(await text(zip, '_rels/.rels'));
  const r = rels.find((x) => /\/officeDocument$/.test(x.type));
  const p = r ? resolveTarget('', r.target) : 'xl/workbook.xml';
  if (!zip.file(p)) throw new PackageError('工作簿缺少 workbook.xml 部件');
  return p;
}

export interface SheetEntry {
  name: string;
  tag: string;
  rid: string;
  part: string;
  state?: string;
}

/** Sheets listed in workbook.xml, in order, with their part paths. */
export async function listSheets(zip: JSZip, wbPath?: string): Promise<SheetEntry[]> {
  const wb = wbPath ?? (await workbookPart(zip));
  const xml = (await text(zip, wb)) ?? '';
  const rels = parseRels(await text(zip, relsPathOf(wb)));
  const out: SheetEntry[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const rid = attr(m[0], 'r:id') ?? attr(m[0], 'relationships:id') ?? '';
    const rel = rels.find((r) => r.id === rid);
    out.push({ name: attr(m[0], 'name') ?? '', tag: m[0], rid, part: rel ? resolveTarget(wb, rel.target) : '', state: attr(m[0], 'state') });
  }
  return out;
}

/** Defined names of workbook.xml: name → formula text (unescaped). */
/** The workbook.xml of a package ('' when it cannot be read: the caller's own checks report the damage). */
export async function workbookXmlOf(bytes: Uint8Array): Promise<string> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    return (await zip.file(await workbookPart(zip))?.async('string')) ?? '';
  } catch {
    return '';
  }
}

export function definedNamesOf(workbookXml: string): { name: string; value: string; localSheetId?: string; comment?: string }[] {
  return [...workbookXml.matchAll(/<((?:\w+:)?)definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1definedName>)/g)].map((m) => {
    const open = /^<[^>]*>/.exec(m[0])?.[0] ?? m[0];
    return { name: attr(open, 'name') ?? '', value: unescapeXml(m[3] ?? ''), localSheetId: attr(open, 'localSheetId'), comment: attr(open, 'comment') };
  });
}

// ---------------------------------------------------------------------------------------------- styles

interface MergedStyles {
  finish: () => string;
  map: (i: number, quote: boolean) => number;
}

interface StylesDoc {
  xml: string;
  prefix: string;
}

function children(xml: string, prefix: string, container: string, child: string): { whole: string; items: string[] } | undefined {
  const re = new RegExp(`<${prefix}${container}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${prefix}${container}>)`);
  const m = re.exec(xml);
  if (!m) return undefined;
  const inner = m[1] ?? '';
  const items = [...inner.matchAll(new RegExp(`<${prefix}${child}\\b(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</${prefix}${child}>)`, 'g'))].map((x) => x[0]);
  return { whole: m[0], items };
}

function replaceContainer(xml: string, prefix: string, container: string, items: string[], insertBefore: string[]): string {
  const body = `<${prefix}${container} count="${items.length}">${items.join('')}</${prefix}${container}>`;
  const cur = children(xml, prefix, container, '');
  if (cur) return xml.replace(cur.whole, () => body);
  for (const b of insertBefore) {
    const i = xml.search(new RegExp(`<${prefix}${b}\\b`));
    if (i >= 0) return xml.slice(0, i) + body + xml.slice(i);
  }
  return xml.replace(new RegExp(`</${prefix}styleSheet>`), (m) => body + m);
}

const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const after = (name: string) => STYLE_ORDER.slice(STYLE_ORDER.indexOf(name) + 1);

/**
 * Append the fresh workbook's cell formats to the target's styles. Returns the new styles XML and a map
 * fresh xf index → target xf index, plus a map for the quote-prefixed variant of each fresh xf.
 */
function mergeStyles(target: StylesDoc, fresh: StylesDoc): MergedStyles {
  const p = target.prefix;
  const fp = fresh.prefix;
  const xml = target.xml;
  const tFonts = children(xml, p, 'fonts', 'font')?.items ?? [];
  const tFills = children(xml, p, 'fills', 'fill')?.items ?? [];
  const tBorders = children(xml, p, 'borders', 'border')?.items ?? [];
  const tXfs = children(xml, p, 'cellXfs', 'xf')?.items ?? [];
  const tFmts = children(xml, p, 'numFmts', 'numFmt')?.items ?? [];
  const fFonts = children(fresh.xml, fp, 'fonts', 'font')?.items ?? [];
  const fFills = children(fresh.xml, fp, 'fills', 'fill')?.items ?? [];
  const fBorders = children(fresh.xml, fp, 'borders', 'border')?.items ?? [];
  const fXfs = children(fresh.xml, fp, 'cellXfs', 'xf')?.items ?? [];
  const fFmts = children(fresh.xml, fp, 'numFmts', 'numFmt')?.items ?? [];
  const repre = (s: string) => (fp === p ? s : s.replace(new RegExp(`<(/?)${fp}`, 'g'), `<$1${p}`));

  const fmtIdByCode = new Map<string, string>();
  let maxFmt = 163;
  for (const f of tFmts) {
    const id = Number(attr(f, 'numFmtId'));
    if (id > maxFmt) maxFmt = id;
    fmtIdByCode.set(attr(f, 'formatCode') ?? '', String(id));
  }
  const fmtMap = new Map<string, string>();
  const newFmts = [...tFmts];
  for (const f of fFmts) {
    const code = attr(f, 'formatCode') ?? '';
    let id = fmtIdByCode.get(code);
    if (!id) {
      id = String(++maxFmt);
      fmtIdByCode.set(code, id);
      newFmts.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    fmtMap.set(attr(f, 'numFmtId') ?? '', id);
  }
  const fontBase = tFonts.length;
  const fillBase = tFills.length;
  const borderBase = tBorders.length;
  const xfBase = tXfs.length;
  const newXfs = [...tXfs];
  const quoteIndex = new Map<number, number>();
  const remapXf = (xf: string): string => {
    let tag = /^<[^>]*>/.exec(xf)![0];
    const rest = xf.slice(tag.length);
    const num = attr(tag, 'numFmtId');
    if (num && Number(num) >= 164) tag = setAttr(tag, 'numFmtId', fmtMap.get(num) ?? '0');
    tag = setAttr(tag, 'fontId', String(fontBase + Number(attr(tag, 'fontId') ?? 0)));
    tag = setAttr(tag, 'fillId', String(fillBase + Number(attr(tag, 'fillId') ?? 0)));
    tag = setAttr(tag, 'borderId', String(borderBase + Number(attr(tag, 'borderId') ?? 0)));
    tag = setAttr(tag, 'xfId', '0');
    return repre(tag + rest);
  };
  const mapped = fXfs.map(remapXf);
  newXfs.push(...mapped);
  // Quote-prefixed twins (text that looks like a formula stays text when edited), appended on demand.
  const quoteTwin = (i: number): number => {
    let k = quoteIndex.get(i);
    if (k === undefined) {
      const src = mapped[i] ?? mapped[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
      const tag = /^<[^>]*>/.exec(src)![0];
      newXfs.push(setAttr(tag, 'quotePrefix', '1') + src.slice(tag.length));
      k = newXfs.length - 1;
      quoteIndex.set(i, k);
    }
    return k;
  };
  // Fonts, fills, borders are appended as they are (indices keep their offsets).
  const fonts = [...tFonts, ...fFonts.map(repre)];
  const fills = [...tFills, ...fFills.map(repre)];
  const borders = [...tBorders, ...fBorders.map(repre)];
  const finish = (): string => {
    let out = xml;
    if (newFmts.length) out = replaceContainer(out, p, 'numFmts', newFmts, after('numFmts'));
    out = replaceContainer(out, p, 'fonts', fonts, after('fonts'));
    out = replaceContainer(out, p, 'fills', fills, after('fills'));
    out = replaceContainer(out, p, 'borders', borders, after('borders'));
    if (!children(out, p, 'cellStyleXfs', 'xf')) {
      out = replaceContainer(out, p, 'cellStyleXfs', [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`], after('cellStyleXfs'));
    }
    out = replaceContainer(out, p, 'cellXfs', newXfs, after('cellXfs'));
    return out;
  };
  return {
    finish,
    map: (i: number, quote: boolean) => (quote ? quoteTwin(i) : xfBase + Math.min(i, Math.max(0, mapped.length - 1))),
  };
}

// ---------------------------------------------------------------------------------------------- sheet XML

function sharedStringItems(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<((?:\w+:)?)si\b[^>]*>([\s\S]*?)<\/\1si>|<(?:\w+:)?si\s*\/>/g)].map((m) => m[2] ?? '');
}

function plainOf(siInner: string): string {
  return [...siInner.matchAll(/<((?:\w+:)?)t\b[^>]*>([\s\S]*?)<\/\1t>/g)].map((m) => unescapeXml(m[2])).join('');
}

/** Text that Excel would take as a formula when the cell is edited. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s) && s.length > 1;
}

/**
 * Rewrite a fresh sheet's cells: shared strings → inline strings (quote-prefixed when formula-like), style
 * indices → the merged styles.
 */
function rewriteCells(sheetXml: string, strings: string[], mapStyle: (i: number, quote: boolean) => number): string {
  let xml = sheetXml.replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, _end: string, inner: string | undefined) => {
    const tag = `<c${attrs}>`;
    const t = attr(tag, 't');
    const s = Number(attr(tag, 's') ?? 0);
    let body = inner ?? '';
    let quote = false;
    let newTag = tag;
    if (t === 's') {
      const m = /<v>([\s\S]*?)<\/v>/.exec(body);
      const si = m ? strings[Number(m[1])] ?? '' : '';
      quote = looksLikeFormula(plainOf(si));
      body = `<is>${si}</is>`;
      newTag = setAttr(newTag, 't', 'inlineStr');
    } else if (t === 'inlineStr') {
      quote = looksLikeFormula(plainOf(body));
    } else if (t === 'str' && !/<f\b/.test(body)) {
      const m = /<v>([\s\S]*?)<\/v>/.exec(body);
      const v = m ? m[1] : '';
      body = `<is><t xml:space="preserve">${v}</t></is>`;
      newTag = setAttr(newTag, 't', 'inlineStr');
      quote = looksLikeFormula(unescapeXml(v));
    }
    if (attr(tag, 's') !== undefined || quote) newTag = setAttr(newTag, 's', String(mapStyle(s, quote)));
    if (inner === undefined && body === '') return newTag.replace(/>$/, '/>');
    return `${newTag}${body}</c>`;
  });
  xml = xml.replace(/<row\b[^>]*>/g, (tag) => (attr(tag, 's') !== undefined ? setAttr(tag, 's', String(mapStyle(Number(attr(tag, 's')), false))) : tag));
  xml = xml.replace(/<col\b[^>]*>/g, (tag) => (attr(tag, 'style') !== undefined ? setAttr(tag, 'style', String(mapStyle(Number(attr(tag, 'style')), false))) : tag));
  return xml;
}

/** A <row> moved down by `by` rows: its r, its cells' r and shared-formula ranges (our rows refer to no own cell). */
function shiftRow(rowXml: string, by: number): string {
  const cellRef = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, (_m, col: string, row: string) => `${col}${Number(row) + by}`);
  return rowXml
    .replace(/^<row\b[^>]*>/, (tag) => setAttr(tag, 'r', String(Number(attr(tag, 'r') ?? 0) + by)))
    .replace(/<c\b[^>]*?\/?>/g, (tag) => (attr(tag, 'r') ? setAttr(tag, 'r', cellRef(attr(tag, 'r')!)) : tag))
    .replace(/<f\b[^>]*?\/?>/g, (tag) => (attr(tag, 'ref') ? setAttr(tag, 'ref', cellRef(attr(tag, 'ref')!)) : tag));
}

function lastRowNumber(sheetXml: string): number {
  let last = 0;
  for (const m of sheetXml.matchAll(/<(?:\w+:)?row\b[^>]*>/g)) last = Math.max(last, Number(attr(m[0], 'r') ?? 0));
  return last;
}

// ---------------------------------------------------------------------------------------------- parts

function freeName(zip: JSZip, used: Set<string>, dir: string, stem: string, ext: string): string {
  for (let i = 1; ; i++) {
    const p = `${dir}/${stem}${i}.${ext}`;
    if (!zip.file(p) && !used.has(p)) {
      used.add(p);
      return p;
    }
  }
}

function freeRelId(rels: Rel[]): string {
  const ids = new Set(rels.map((r) => r.id));
  for (let i = rels.length + 1; ; i++) if (!ids.has(`rId${i}`)) return `rId${i}`;
}

function overrideOf(ct: string, part: string): string | undefined {
  const m = new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`).exec(ct);
  return m ? attr(m[0], 'ContentType') : undefined;
}

function setOverride(ct: string, part: string, type: string): string {
  ct = removeOverride(ct, part);
  return ct.replace('</Types>', () => `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/></Types>`);
}

function removeOverride(ct: string, part: string): string {
  return ct.replace(new RegExp(`<Override\\b[^>]*PartName="/${escapeXml(part).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`, 'g'), '');
}

function ensureDefault(ct: string, ext: string, type: string | undefined): string {
  if (!type || new RegExp(`<Default\\b[^>]*Extension="${ext}"`, 'i').test(ct)) return ct;
  return ct.replace(/(<Types\b[^>]*>)/, (m) => `${m}<Default Extension="${ext}" ContentType="${type}"/>`);
}

function defaultOf(ct: string, ext: string): string | undefined {
  const m = new RegExp(`<Default\\b[^>]*Extension="${ext}"[^>]*>`, 'i').exec(ct);
  return m ? attr(m[0], 'ContentType') : undefined;
}

/** Every part reachable from `part` through relationships (not following external targets). */
async function reachable(zip: JSZip, part: string, seen = new Set<string>()): Promise<Set<string>> {
  for (const r of parseRels(await text(zip, relsPathOf(part)))) {
    if (r.external) continue;
    const t = resolveTarget(part, r.target);
    if (seen.has(t) || !zip.file(t)) continue;
    seen.add(t);
    await reachable(zip, t, seen);
  }
  return seen;
}

/** Parts referenced from any .rels other than those listed (so shared parts are not removed). */
async function referencedElsewhere(zip: JSZip, excludeOwners: Set<string>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const relsPath of Object.keys(zip.files).filter((p) => p.endsWith('.rels'))) {
    const owner = relsPath.replace(/_rels\/([^/]*)\.rels$/, '$1');
    if (excludeOwners.has(owner)) continue;
    for (const r of parseRels(await text(zip, relsPath))) if (!r.external) out.add(resolveTarget(owner, r.target));
  }
  return out;
}

/**
 * Copy a fresh sheet (and the parts it points at) into the target package. Returns the new sheet part path.
 */
async function copySheet(
  fresh: JSZip,
  freshPart: string,
  zip: JSZip,
  used: Set<string>,
  ct: { xml: string },
  freshCt: string,
  transformSheet: (xml: string) => string,
): Promise<string> {
  const copied = new Map<string, string>();
  const copyPart = async (src: string, isSheet: boolean): Promise<string> => {
    const done = copied.get(src);
    if (done) return done;
    const dir = src.slice(0, src.lastIndexOf('/'));
    const file = src.slice(src.lastIndexOf('/') + 1);
    const m = /^(.*?)(\d*)\.([^.]+)$/.exec(file);
    const stem = m ? m[1] : file;
    const ext = m ? m[3] : 'xml';
    const dest = freeName(zip, used, dir, stem, ext);
    copied.set(src, dest);
    const rels = parseRels(await text(fresh, relsPathOf(src)));
    let relsXml = await text(fresh, relsPathOf(src));
    for (const r of rels) {
      if (r.external) continue;
      const target = resolveTarget(src, r.target);
      if (!fresh.file(target)) continue;
      const newTarget = await copyPart(target, false);
      relsXml = relsXml!.replace(r.tag, () => setAttr(r.tag, 'Target', relativeTarget(dest, newTarget)));
    }
    if (isSheet) zip.file(dest, transformSheet((await text(fresh, src)) ?? ''));
    else zip.file(dest, await fresh.file(src)!.async('uint8array'));
    if (relsXml !== undefined) zip.file(relsPathOf(dest), relsXml);
    const type = overrideOf(freshCt, src);
    if (type) ct.xml = setOverride(ct.xml, dest, type);
    else ct.xml = ensureDefault(ct.xml, ext, defaultOf(freshCt, ext));
    return dest;
  };
  return copyPart(freshPart, true);
}

// ---------------------------------------------------------------------------------------------- main

/**
 * Return `original` with the sheets of `freshBytes` put in (replacing same-named sheets, or appending rows
 * for those in appendRowsTo), and the given defined names set.
 */
export async function patchPackage(original: Uint8Array, freshBytes: Uint8Array, o: PatchOptions = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(original);
  const fresh = await JSZip.loadAsync(freshBytes);
  const wbPath = await workbookPart(zip);
  const fWbPath = await workbookPart(fresh);
  const wbRelsPath = relsPathOf(wbPath);
  let wbXml = (await text(zip, wbPath))!;
  let wbRels = (await text(zip, wbRelsPath)) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const ct = { xml: (await text(zip, '[Content_Types].xml')) ?? '' };
  const freshCt = (await text(fresh, '[Content_Types].xml')) ?? '';
  const wbPrefix = /<((?:\w+:)?)workbook\b/.exec(wbXml)?.[1] ?? '';

  // Styles: append the fresh formats to the target's (or take the fresh styles when the target has none).
  const fRels = parseRels(await text(fresh, relsPathOf(fWbPath)));
  const fStylesRel = fRels.find((r) => r.type === REL_STYLES);
  const fStylesXml = fStylesRel ? (await text(fresh, resolveTarget(fWbPath, fStylesRel.target))) ?? '' : '';
  const fStylesPrefix = /<((?:\w+:)?)styleSheet\b/.exec(fStylesXml)?.[1] ?? '';
  let rels = parseRels(wbRels);
  const stylesRel = rels.find((r) => r.type === REL_STYLES);
  let stylesPath = stylesRel ? resolveTarget(wbPath, stylesRel.target) : '';
  let merged: MergedStyles;
  const tStyles = stylesPath ? await text(zip, stylesPath) : undefined;
  if (tStyles) merged = mergeStyles({ xml: tStyles, prefix: /<((?:\w+:)?)styleSheet\b/.exec(tStyles)?.[1] ?? '' }, { xml: fStylesXml, prefix: fStylesPrefix });
  else {
    stylesPath = stylesPath || 'xl/styles.xml';
    const empty = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;
    merged = mergeStyles({ xml: empty, prefix: '' }, { xml: fStylesXml, prefix: fStylesPrefix });
    if (!stylesRel) {
      const id = freeRelId(rels);
      wbRels = wbRels.replace(/<\/(\w+:)?Relationships>/, (m) => `<Relationship Id="${id}" Type="${REL_STYLES}" Target="${relativeTarget(wbPath, stylesPath)}"/>${m}`);
      rels = parseRels(wbRels);
    }
    ct.xml = setOverride(ct.xml, stylesPath, CT_STYLES);
  }
  const fSsRel = fRels.find((r) => /\/sharedStrings$/.test(r.type));
  const strings = sharedStringItems(fSsRel ? await text(fresh, resolveTarget(fWbPath, fSsRel.target)) : undefined);
  const transform = (xml: string) => rewriteCells(xml, strings, merged.map);

  const targetSheets = await listSheets(zip, wbPath);
  const freshSheets = await listSheets(fresh, fWbPath);
  // Paths named by any relationship are taken even when the part itself is missing (a damaged package).
  const used = await referencedElsewhere(zip, new Set());
  for (const fs of freshSheets) {
    const existing = targetSheets.find((s) => s.name.toLowerCase() === fs.name.toLowerCase());
    const freshXml = (await text(fresh, fs.part)) ?? '';
    if (existing && existing.part && o.appendRowsTo?.has(fs.name)) {
      const sheetXml = (await text(zip, existing.part)) ?? '';
      const rowsXml = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(transform(freshXml))?.[1] ?? '';
      const last = lastRowNumber(sheetXml);
      const fresh = [...rowsXml.matchAll(/<row\b[^>]*>[\s\S]*?<\/row>|<row\b[^>]*\/>/g)].map((m) => m[0]).filter((r) => /<c\b/.test(r));
      if (!fresh.length) continue;
      // Rows that would land on or above the sheet's last row (formatted empty rows count) move down below it,
      // one empty row between: nothing existing is ever overwritten.
      const first = Math.min(...fresh.map((r) => Number(attr(r, 'r') ?? 0)));
      const rows = first > last ? fresh : fresh.map((r) => shiftRow(r, last + 2 - first));
      const p = /<((?:\w+:)?)worksheet\b/.exec(sheetXml)?.[1] ?? '';
      const rowsP = p ? rows.map((r) => r.replace(/<(\/?)(row|c|v|f|is|t|r|rPr)\b/g, `<$1${p}$2`)) : rows;
      let patched = sheetXml;
      if (new RegExp(`<${p}sheetData\\b[^>]*/>`).test(patched)) patched = patched.replace(new RegExp(`<${p}sheetData\\b([^>]*)/>`), (_m, a: string) => `<${p}sheetData${a}>${rowsP.join('')}</${p}sheetData>`);
      else patched = patched.replace(new RegExp(`</${p}sheetData>`), (m) => `${rowsP.join('')}${m}`);
      patched = patched.replace(new RegExp(`<${p}dimension\\b[^>]*/>`), '');
      zip.file(existing.part, patched);
      continue;
    }
    if (existing && existing.part) {
      // Remove the old sheet's parts that nothing else points at.
      const owned = await reachable(zip, existing.part);
      const elsewhere = await referencedElsewhere(zip, new Set([existing.part, ...owned]));
      for (const part of [existing.part, ...owned]) {
        if (part !== existing.part && elsewhere.has(part)) continue;
        zip.remove(part);
        zip.remove(relsPathOf(part));
        ct.xml = removeOverride(ct.xml, part);
      }
      const newPart = await copySheet(fresh, fs.part, zip, used, ct, freshCt, transform);
      const rel = rels.find((r) => r.id === existing.rid)!;
      wbRels = wbRels.replace(rel.tag, () => setAttr(rel.tag, 'Target', relativeTarget(wbPath, newPart)));
      ct.xml = setOverride(ct.xml, newPart, CT_SHEET);
    } else {
      const newPart = await copySheet(fresh, fs.part, zip, used, ct, freshCt, transform);
      const id = freeRelId(rels);
      wbRels = wbRels.replace(/<\/((?:\w+:)?)Relationships>/, (m) => `<Relationship Id="${id}" Type="${REL_SHEET}" Target="${relativeTarget(wbPath, newPart)}"/>${m}`);
      rels = parseRels(wbRels);
      ct.xml = setOverride(ct.xml, newPart, CT_SHEET);
      const ids = [...wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => Number(attr(m[0], 'sheetId') ?? 0));
      const sheetId = Math.max(0, ...ids) + 1;
      const rNs = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(wbXml)?.[1];
      let rAttr = `${rNs ?? 'r'}:id`;
      if (!rNs) {
        wbXml = wbXml.replace(/<((?:\w+:)?)workbook\b/, (_m, pre: string) => `<${pre}workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`);
        rAttr = 'r:id';
      }
      const entry = `<${wbPrefix}sheet name="${escapeXml(fs.name)}" sheetId="${sheetId}" ${rAttr}="${id}"/>`;
      if (new RegExp(`</${wbPrefix}sheets>`).test(wbXml)) wbXml = wbXml.replace(new RegExp(`</${wbPrefix}sheets>`), (m) => `${entry}${m}`);
      else throw new PackageError('工作簿的 workbook.xml 没有 sheets 列表');
    }
  }

  // Styles part.
  zip.file(stylesPath, merged.finish());

  // Defined names.
  for (const n of o.names ?? []) {
    const re = new RegExp(`<(${wbPrefix})definedName\\b[^>]*\\bname="${escapeXml(n.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*?(?:/>|>[\\s\\S]*?</${wbPrefix}definedName>)`, 'i');
    wbXml = wbXml.replace(re, '');
    const comment = n.comment ? ` comment="${escapeXml(n.comment)}"` : '';
    const el = `<${wbPrefix}definedName name="${escapeXml(n.name)}"${comment}${n.hidden ? ' hidden="1"' : ''}>${escapeXml(n.value)}</${wbPrefix}definedName>`;
    if (new RegExp(`</${wbPrefix}definedNames>`).test(wbXml)) wbXml = wbXml.replace(new RegExp(`</${wbPrefix}definedNames>`), (m) => `${el}${m}`);
    else if (new RegExp(`<${wbPrefix}definedNames\\s*/>`).test(wbXml)) wbXml = wbXml.replace(new RegExp(`<${wbPrefix}definedNames\\s*/>`), () => `<${wbPrefix}definedNames>${el}</${wbPrefix}definedNames>`);
    else wbXml = wbXml.replace(new RegExp(`(</${wbPrefix}sheets>)`), (m) => `${m}<${wbPrefix}definedNames>${el}</${wbPrefix}definedNames>`);
  }

  // Recalculate on open (our formulas carry caches, but the user's inputs may have changed) and drop the chain.
  if (new RegExp(`<${wbPrefix}calcPr\\b`).test(wbXml)) wbXml = wbXml.replace(new RegExp(`<${wbPrefix}calcPr\\b[^>]*?/?>`), (t) => setAttr(t, 'fullCalcOnLoad', '1'));
  const calc = rels.find((r) => r.type === REL_CALCCHAIN);
  if (calc) {
    const p = resolveTarget(wbPath, calc.target);
    zip.remove(p);
    ct.xml = removeOverride(ct.xml, p);
    wbRels = wbRels.replace(calc.tag, '');
  }
  zip.file(wbPath, wbXml);
  zip.file(wbRelsPath, wbRels);
  zip.file('[Content_Types].xml', ct.xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
