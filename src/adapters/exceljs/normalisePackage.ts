/**
 * Spellings of a package that Excel opens but exceljs misreads, refuses or reads silently wrong, rewritten in a
 * private copy before exceljs parses it (the user's file is never touched; the writers patch the original bytes):
 *
 *  - parts in UTF-16 or with a byte-order mark (exceljs decodes every part as UTF-8);
 *  - the spreadsheetml namespace bound to a prefix (<x:workbook>, <x:c>): exceljs matches element names;
 *  - worksheet, shared-string and style parts under other names or targets ("./worksheets/a.xml",
 *    "Sheet1.xml", "/xl/…"): exceljs only knows xl/worksheets/sheetN.xml, a sheet elsewhere was silently lost;
 *  - sheet names exceljs refuses or truncates (over 31 characters, [ ] : * ? / \, a leading quote, "History",
 *    two sheets of the same name): the copy uses placeholders and the real names are restored after loading;
 *  - cells and rows without an address (r is optional in the format);
 *  - values whose stored text is not a number — an ISO date (t="d"), "abc", "1,234", an overflow: exceljs
 *    parseFloat()s them ("2021-12-31" became 2021). They are kept as TEXT, so the reader reports the cell;
 *  - merged ranges that overlap, are reversed or lie outside the sheet (exceljs throws): dropped, with a note;
 *  - rows without cells (a million styled empty rows cost exceljs a minute): dropped, they hold nothing.
 *
 * What was changed that the reader should know is returned as notes (plain Chinese, one line each).
 */
import JSZip from 'jszip';
import { attr, setAttr, unescapeXml } from '../../output/xml';
import { relsPathOf, resolveTarget } from './patchPackage';
import { LIMITS } from './limits';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WB = 'xl/workbook.xml';

export interface NormalisedPackage {
  /** True when the copy differs from the input (exceljs must load the copy). */
  changed: boolean;
  notes: string[];
  /** Real sheet names by placeholder ("_js3_" → names[3]) when the sheets were renamed in the copy. */
  realNames?: string[];
}

export const PLACEHOLDER = /^_js(\d+)_$/;

function findEntry(zip: JSZip, name: string): string | undefined {
  if (zip.files[name] && !zip.files[name].dir) return name;
  const lower = name.toLowerCase();
  return Object.keys(zip.files).find((n) => n.toLowerCase() === lower && !zip.files[n].dir);
}

async function move(zip: JSZip, from: string, to: string): Promise<void> {
  const data = await zip.file(from)!.async('uint8array');
  zip.remove(from);
  zip.file(to, data);
}

/** Text of an XML part, decoded whatever its encoding mark (UTF-8 with or without BOM, UTF-16 LE/BE). */
async function readXml(zip: JSZip, name: string): Promise<{ xml: string; recoded: boolean }> {
  const bytes = await zip.file(name)!.async('uint8array');
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const xml = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    return { xml: xml.replace(/^(<\?xml[^>]*encoding=")[^"]*"/, '$1UTF-8"'), recoded: true };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { xml: new TextDecoder('utf-8').decode(bom ? bytes.subarray(3) : bytes), recoded: bom };
}

/** <x:workbook xmlns:x="…main"> → <workbook xmlns="…main">: exceljs matches unprefixed element names. */
function unprefixMain(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*):[A-Za-z]+\b[^>]*>/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''));
  if (!root) return xml;
  const prefix = root[1];
  if (!new RegExp(`xmlns:${prefix}\\s*=\\s*["']${MAIN.replace(/[./]/g, '\\$&')}["']`).test(root[0])) return xml;
  return xml.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1').replace(new RegExp(`xmlns:${prefix}(\\s*=\\s*["']${MAIN.replace(/[./]/g, '\\$&')}["'])`), 'xmlns$1');
}

interface Rel {
  tag: string;
  id: string;
  type: string;
  target: string;
}

function parseRels(xml: string): Rel[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({ tag: m[0], id: attr(m[0], 'Id') ?? '', type: attr(m[0], 'Type') ?? '', target: attr(m[0], 'Target') ?? '' }));
}

/** What exceljs makes of a workbook relationship target. */
const excelJsPath = (target: string) => `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;

/** Names exceljs refuses (throws) or changes (truncates) when it loads a sheet. */
function badForExcelJs(names: string[]): boolean {
  const seen = new Set<string>();
  for (const n of names) {
    if (!n || n === 'History' || /[*?:/\\[\]]/.test(n) || /^'|'$/.test(n) || n.length > 31 || PLACEHOLDER.test(n)) return true;
    const k = n.toLowerCase();
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function colLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const MAX_ROW = 1048576;
/** Merged ranges given to exceljs per sheet, and the cells they may cover in all (exceljs creates each one). */
const MAX_MERGES = 5_000;
const MAX_MERGED_CELLS = 2_000_000;
const ROW_R = /\sr\s*=\s*["'](\d+)["']/;
const CELL_R = /\sr\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d+)["']/;
const MAX_COL = 16384;

/**
 * One cell element rewritten so exceljs reads what Excel shows: a value that is not a number is kept as text.
 * Returns the element unchanged when nothing is wrong with it.
 */
function fixCell(cell: string, ref: string | undefined): string {
  const open = /^<c\b[^>]*?(\/?)>/.exec(cell)![0];
  let tag = open;
  if (ref && attr(tag, 'r') === undefined) tag = setAttr(tag, 'r', ref);
  const t = attr(tag, 't');
  const body = cell.slice(open.length);
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body);
  const hasFormula = /<(?:\w+:)?f\b/.test(body);
  if (v && (t === 'd' || ((t === undefined || t === 'n') && !(NUMBER.test(unescapeXml(v[1])) && Number.isFinite(Number(unescapeXml(v[1]))))))) {
    if (hasFormula) return setAttr(tag, 't', 'str') + body;
    const text = v[1];
    const rest = tag.replace(/\s*(\/?)>$/, '');
    return `${setAttr(rest + '>', 't', 'inlineStr').replace(/>$/, '')}><is><t xml:space="preserve">${text}</t></is></c>`;
  }
  return tag === open ? cell : tag + body;
}

interface SheetFix {
  xml: string;
  changed: boolean;
  notes: string[];
}

/** The per-sheet rewrites (addresses, non-numeric values, empty rows, rows past the read limit, bad merges). */
/** Cells in an XML fragment (<c …>), counted without a regular expression over the whole text. */
function countCells(xml: string): number {
  let n = 0;
  for (let i = xml.indexOf('<c'); i >= 0; i = xml.indexOf('<c', i + 2)) {
    const next = xml.charCodeAt(i + 2);
    if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) n++;
  }
  return n;
}

/** The cells exceljs may still be given for this workbook (all sheets together). */
export interface CellBudget {
  cells: number;
}

export function fixSheetXml(xml: string, sheetName: string, budget: CellBudget = { cells: LIMITS.bookCells }): SheetFix {
  const notes: string[] = [];
  let changed = false;
  const big = xml.length > 1_000_000;
  const total = countCells(xml);
  const overBudget = total > Math.min(budget.cells, LIMITS.sheetCells);
  const missingAddress = /<(?:\w+:)?(?:row|c)(?=[\s>/])(?![^>]*\sr\s*=)[^>]*>/.test(xml);
  const oddValues = /\st="d"/.test(xml) || /<v>[^<]*[^0-9.eE+\-<\s][^<]*<\/v>/.test(xml) || /<v>\s*<\/v>|<v\/>/.test(xml) || /<v>[^<]*[eE]\+?\d{3}/.test(xml);
  if (big || overBudget || missingAddress || oddValues) {
    let row = 0;
    let cut: string | undefined;
    let capped: string | undefined;
    let allowed = Math.min(budget.cells, LIMITS.sheetCells);
    const out = xml.replace(/<sheetData\b[^>]*>([\s\S]*)<\/sheetData>/, (whole, inner: string) => {
      const rows = inner.replace(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g, (rowXml: string, rowAttrs: string, cells: string | undefined) => {
        const r = ROW_R.exec(rowAttrs)?.[1];
        row = r !== undefined ? Number(r) : row + 1;
        if (cells === undefined || !/<c\b/.test(cells)) return ''; // a row without cells holds nothing to read
        if (row > LIMITS.readRows) {
          cut ??= `第${row}行`;
          return '';
        }
        // Bounded work: exceljs is never given more cells than the limits allow (it takes minutes on millions).
        const n = countCells(cells);
        if (n > allowed) {
          capped ??= `第${row}行`;
          return '';
        }
        allowed -= n;
        let fixedCells = cells;
        if (missingAddress || oddValues) {
          let col = -1;
          fixedCells = cells.replace(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, (c: string) => {
            const m = CELL_R.exec(/^<c\b[^>]*>/.exec(c)![0]);
            col = m ? colIndex(m[1]) : col + 1;
            return fixCell(c, m ? undefined : `${colLetters(col)}${row}`);
          });
        }
        const head = r === undefined ? `<row r="${row}"${rowAttrs.replace(/\sr\s*=\s*("[^"]*"|'[^']*')/, '')}>` : `<row${rowAttrs}>`;
        return head + fixedCells + '</row>';
      });
      return whole.replace(inner, () => rows);
    });
    if (out !== xml) {
      xml = out;
      changed = true;
    }
    budget.cells = Math.max(0, budget.cells - (Math.min(budget.cells, LIMITS.sheetCells) - allowed));
    if (cut) notes.push(`工作表“${sheetName}”在 ${cut} 等处有内容，超出读取范围（前 ${LIMITS.readRows} 行），这些单元格未读取。`);
    if (capped) {
      notes.push(
        `工作表“${sheetName}”从${capped}起未读取：单元格数超过上限（每个工作表 ${LIMITS.sheetCells} 个、整个工作簿 ${LIMITS.bookCells} 个）。请删去与决算公开无关的内容后再试。`,
      );
    }
  } else budget.cells -= total;
  // Merged ranges. exceljs throws on an overlap (Excel "repairs" such a file by dropping them), creates every
  // cell of a merged range (A1:XFD1048576 is 17 billion cells) and compares each merge with all the others.
  // Kept: valid, non-overlapping merges that start inside the read area, clamped to it, at most MAX_MERGES.
  const mergeBlock = /<mergeCells\b[^>]*>([\s\S]*?)<\/mergeCells>/.exec(xml);
  if (mergeBlock) {
    type Rg = { r0: number; c0: number; r1: number; c1: number; ref: string };
    const bad: string[] = [];
    let outsideRead = 0;
    const ranges: Rg[] = [];
    for (const m of mergeBlock[1].matchAll(/<mergeCell\b[^>]*\/?>(?:<\/mergeCell>)?/g)) {
      const ref = attr(m[0], 'ref') ?? '';
      const a = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
      if (!a) {
        bad.push(ref || '（空）');
        continue;
      }
      const p = { r: Number(a[2]) - 1, c: colIndex(a[1]) };
      const q = a[3] ? { r: Number(a[4]) - 1, c: colIndex(a[3]) } : p;
      const rg = { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c), ref };
      if (rg.r0 < 0 || rg.r1 >= MAX_ROW || rg.c1 >= MAX_COL) bad.push(ref);
      else if (rg.r0 >= LIMITS.readRows || rg.c0 >= LIMITS.readCols) outsideRead++; // never read: not given to exceljs
      else if (rg.r0 !== rg.r1 || rg.c0 !== rg.c1) ranges.push({ ...rg, r1: Math.min(rg.r1, LIMITS.readRows - 1), c1: Math.min(rg.c1, LIMITS.readCols - 1) });
    }
    // Overlaps by a sweep over the rows (merges are small and many: never all against all).
    ranges.sort((x, y) => x.r0 - y.r0 || x.c0 - y.c0);
    const kept: Rg[] = [];
    let active: Rg[] = [];
    let area = 0;
    for (const rg of ranges) {
      active = active.filter((k) => k.r1 >= rg.r0);
      const cells = (rg.r1 - rg.r0 + 1) * (rg.c1 - rg.c0 + 1);
      if (active.some((k) => rg.c0 <= k.c1 && k.c0 <= rg.c1) || kept.length >= MAX_MERGES || area + cells > MAX_MERGED_CELLS) {
        bad.push(rg.ref);
        continue;
      }
      area += cells;
      kept.push(rg);
      active.push(rg);
    }
    const rebuilt = kept.map((k) => `<mergeCell ref="${colLetters(k.c0)}${k.r0 + 1}:${colLetters(k.c1)}${k.r1 + 1}"/>`).join('');
    if (bad.length || outsideRead || kept.some((k) => k.ref !== `${colLetters(k.c0)}${k.r0 + 1}:${colLetters(k.c1)}${k.r1 + 1}`)) {
      xml = xml.replace(mergeBlock[0], () => (kept.length ? `<mergeCells count="${kept.length}">${rebuilt}</mergeCells>` : ''));
      changed = true;
      if (bad.length) {
        notes.push(
          `工作表“${sheetName}”的合并单元格 ${bad.slice(0, 3).join('、')}${bad.length > 3 ? ` 等${bad.length}处` : ''} 无效（与其他合并区域重叠、超出工作表范围、地址有误或数量过多），读取时按未合并处理。`,
        );
      }
    }
  }
  return { xml, changed, notes };
}

/**
 * Rewrite `zip` in place (a private copy of the package) into the spelling exceljs reads. The caller gives exceljs
 * the regenerated bytes only when `changed`.
 */
export async function normalisePackage(zip: JSZip): Promise<NormalisedPackage> {
  const notes: string[] = [];
  let changed = false;
  const put = (name: string, xml: string) => {
    zip.file(name, xml);
    changed = true;
  };

  // Case variants of the fixed part names.
  for (const fixed of [WB, 'xl/_rels/workbook.xml.rels', '_rels/.rels']) {
    const found = findEntry(zip, fixed);
    if (found && found !== fixed) {
      await move(zip, found, fixed);
      changed = true;
    }
  }

  // Encoding marks and prefixes, in the parts exceljs parses as XML.
  const xmlParts = Object.keys(zip.files).filter((n) => !zip.files[n].dir && /\.(xml|rels)$/i.test(n) && !/^xl\/(media|theme|embeddings|printerSettings)\//i.test(n));
  for (const name of xmlParts) {
    const head = await zip.file(name)!.async('uint8array').then((b) => b.subarray(0, 3));
    const marked = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf);
    const spreadsheetPart = /^xl\/(workbook|sharedStrings|styles)\.xml$|^xl\/worksheets\/[^/]+\.xml$/i.test(name);
    if (!marked && !spreadsheetPart) continue;
    const { xml, recoded } = await readXml(zip, name);
    const unprefixed = spreadsheetPart ? unprefixMain(xml) : xml;
    if (recoded || unprefixed !== xml) put(name, unprefixed);
  }

  const wbXmlFile = zip.file(WB);
  const relsFile = zip.file('xl/_rels/workbook.xml.rels');
  if (!wbXmlFile || !relsFile) return { changed, notes };
  let wbXml = await wbXmlFile.async('string');
  let relsXml = await relsFile.async('string');
  const rels = parseRels(relsXml);

  // Parts exceljs finds by fixed names only.
  for (const [type, canonical] of [
    ['/sharedStrings', 'xl/sharedStrings.xml'],
    ['/styles', 'xl/styles.xml'],
  ] as const) {
    const rel = rels.find((r) => r.type.endsWith(type));
    if (!rel) continue;
    const actual = findEntry(zip, resolveTarget(WB, rel.target));
    if (actual && actual !== canonical && !zip.files[canonical]) {
      await move(zip, actual, canonical);
      relsXml = relsXml.replace(rel.tag, () => setAttr(rel.tag, 'Target', canonical.slice(3)));
      changed = true;
    }
  }

  // Worksheets under names exceljs does not look for.
  const sheetTags = [...wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]);
  const used = new Set(Object.keys(zip.files).map((n) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(n)?.[1]).filter(Boolean));
  let next = 1000;
  const partOfSheet = new Map<string, string>();
  for (const tag of sheetTags) {
    const rid = attr(tag, 'r:id') ?? '';
    const rel = rels.find((r) => r.id === rid);
    if (!rel || !rel.type.endsWith('/worksheet')) continue;
    const resolved = resolveTarget(WB, rel.target.trim());
    const actual = findEntry(zip, resolved);
    if (!actual) continue;
    const seen = excelJsPath(rel.target);
    if (seen === actual && /^xl\/worksheets\/sheet\d+\.xml$/.test(actual)) {
      partOfSheet.set(tag, actual);
      continue;
    }
    while (used.has(String(next))) next++;
    const canonical = `xl/worksheets/sheet${next}.xml`;
    used.add(String(next));
    await move(zip, actual, canonical);
    const sheetRels = findEntry(zip, relsPathOf(actual));
    if (sheetRels) await move(zip, sheetRels, relsPathOf(canonical));
    relsXml = relsXml.replace(rel.tag, () => setAttr(rel.tag, 'Target', canonical.slice(3)));
    rel.tag = setAttr(rel.tag, 'Target', canonical.slice(3));
    partOfSheet.set(tag, canonical);
    changed = true;
  }

  // Sheet names exceljs would refuse or truncate: placeholders in the copy, real names restored after loading.
  const names = sheetTags.map((t) => attr(t, 'name') ?? '');
  let realNames: string[] | undefined;
  if (badForExcelJs(names)) {
    realNames = names;
    sheetTags.forEach((tag, i) => {
      const renamed = setAttr(tag, 'name', `_js${i}_`);
      wbXml = wbXml.replace(tag, () => renamed);
      const part = partOfSheet.get(tag);
      partOfSheet.delete(tag);
      if (part) partOfSheet.set(renamed, part);
    });
    // Print areas and other sheet-bound names refer to the real names: exceljs would try to resolve them.
    wbXml = wbXml.replace(/<(?:\w+:)?definedNames\b[\s\S]*?<\/(?:\w+:)?definedNames>/, '');
    const lower = names.map((n) => n.toLowerCase());
    const dup = names.find((n, i) => lower.indexOf(n.toLowerCase()) !== i);
    if (dup !== undefined) notes.push(`工作簿中有两个同名的工作表“${dup}”（Excel 不允许，文件可能被其他程序改写过）：引用它的单元格地址可能指向其中任一张，请在 Excel 中修复后再核对。`);
    changed = true;
  }

  // Cell-level rewrites, sheet by sheet, within one cell budget for the workbook — the smallest sheets first, so that
  // a large data sheet is what gets cut, never the small sheets the nine tables live in.
  const budget: CellBudget = { cells: LIMITS.bookCells };
  const sheets: { tag: string; part: string; xml: string }[] = [];
  for (const [tag, part] of partOfSheet) {
    const file = zip.file(part);
    if (file) sheets.push({ tag, part, xml: await file.async('string') });
  }
  for (const { tag, part, xml } of sheets.sort((a, b) => a.xml.length - b.xml.length)) {
    const name = realNames ? realNames[Number(PLACEHOLDER.exec(attr(tag, 'name') ?? '')?.[1] ?? -1)] ?? '' : attr(tag, 'name') ?? '';
    const fixed = fixSheetXml(xml, name, budget);
    notes.push(...fixed.notes);
    if (fixed.changed) put(part, fixed.xml);
  }

  if (changed) {
    zip.file(WB, wbXml);
    zip.file('xl/_rels/workbook.xml.rels', relsXml);
  }
  void REL;
  return { changed, notes, realNames };
}
