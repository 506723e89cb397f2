/**
 * The mark by which the command line recognises a workbook it wrote: a hidden workbook name "决算助手_签名"
 * holding a string constant "v1 <base64 JSON> <HMAC>". The JSON lists the sheets the tool owns with a digest
 * of what it wrote into each (empty for 补充信息, which the user fills in); the HMAC (SHA-256, a key in the tool)
 * covers the JSON. A name anyone can type ("决算助手_owned_1") is not enough to make a workbook "ours"; a
 * copied mark whose sheets are missing does not verify either. The digest tells whether the user edited a
 * generated sheet since (then it is not replaced in place). The digest is followed by "~" and the sheet's
 * structure (sheetStructure): what the user may add in Excel without changing a cell — a validation, a chart,
 * a comment, a merge — makes the sheet "edited" too.
 */
import { createHash, createHmac } from 'crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { definedNamesOf, relsPathOf, resolveTarget } from '../adapters/exceljs/patchPackage';

export const SIGNATURE_NAME = '决算助手_签名';
const KEY = '决算助手/juesuan owned-sheet mark v1';

export interface OwnerMark {
  /** Owned sheet → digest of its tool-written content ('' = user-editable sheet, not compared). */
  sheets: Record<string, string>;
}

function hmac(payload: string): string {
  return createHmac('sha256', KEY).update(payload).digest('hex').slice(0, 32);
}

export function encodeMark(mark: OwnerMark): string {
  const json = Buffer.from(JSON.stringify(mark.sheets), 'utf8').toString('base64');
  return `"v1 ${json} ${hmac(json)}"`;
}

/** The verified mark of a workbook.xml, or undefined (absent, damaged, forged). */
export function readMark(workbookXml: string): OwnerMark | undefined {
  const n = definedNamesOf(workbookXml).find((d) => d.name === SIGNATURE_NAME);
  if (!n) return undefined;
  const m = /^"v1 ([A-Za-z0-9+/=]+) ([0-9a-f]{32})"$/.exec(n.value.trim());
  if (!m || hmac(m[1]) !== m[2]) return undefined;
  try {
    const sheets = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')) as unknown;
    if (!sheets || typeof sheets !== 'object') return undefined;
    for (const v of Object.values(sheets)) if (typeof v !== 'string') return undefined;
    return { sheets: sheets as Record<string, string> };
  } catch {
    return undefined;
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return String(v);
  if (v instanceof Date) return v.toISOString();
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('formula' in o || 'sharedFormula' in o) return '';
  if ('error' in o) return String(o.error);
  if ('text' in o) return String(o.text);
  return '';
}

/**
 * Digest of a sheet's content: every cell's formula (not its cached result) or value, and — in the "n:" form
 * written now — its number format, so that a format the user changed makes the sheet "edited" too. Marks
 * of earlier versions hold the plain form.
 */
export function sheetDigest(ws: ExcelJS.Worksheet, formats = true): string {
  const h = createHash('sha256');
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const f = cell.formula;
      const t = f ? `=${f}` : cellText(cell.value);
      const fmt = formats && cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : '';
      if (t !== '' || fmt) h.update(`${cell.address}\t${t}${fmt ? `\t${fmt}` : ''}\n`);
    });
  });
  return `${formats ? 'n:' : ''}${h.digest('hex').slice(0, 16)}`;
}

/** Elements of a sheet the user may add without changing a cell value; counted, with the parts the sheet points at. */
const COUNTED = ['dataValidation', 'cfRule', 'hyperlink', 'mergeCell', 'tablePart', 'oleObject', 'control', 'picture', 'protectedRange', 'sheetProtection', 'autoFilter'];

/**
 * The structure of a sheet part: how many of each COUNTED element, and per relationship type the number of
 * targets and what they hold (drawing anchors, comments). Stable across a re-save by Excel (which rewrites the
 * XML but keeps these counts), changed by a chart, a validation, a comment or a merge the user adds.
 */
export async function sheetStructure(zip: JSZip, sheetPart: string): Promise<string> {
  const xml = (await zip.file(sheetPart)?.async('string')) ?? '';
  const out: string[] = [];
  for (const el of COUNTED) {
    const n = (xml.match(new RegExp(`<(?:\\w+:)?${el}[\\s/>]`, 'g')) ?? []).length;
    if (n) out.push(`${el}${n}`);
  }
  const rels = (await zip.file(relsPathOf(sheetPart))?.async('string')) ?? '';
  const byType = new Map<string, number>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const type = /Type="[^"]*\/([^"/]+)"/.exec(m[0])?.[1] ?? '';
    let n = 1;
    const target = /Target="([^"]*)"/.exec(m[0])?.[1];
    if (target && !/TargetMode="External"/.test(m[0])) {
      const part = (await zip.file(resolveTarget(sheetPart, target))?.async('string')) ?? '';
      if (type === 'drawing') n = (part.match(/<(?:\w+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/g) ?? []).length;
      else if (type === 'comments') n = (part.match(/<(?:\w+:)?comment\b/g) ?? []).length;
    }
    byType.set(type, (byType.get(type) ?? 0) + n);
  }
  for (const [t, n] of [...byType].sort()) out.push(`${t}${n}`);
  return out.join(',');
}

/** The stored value for a generated sheet: its cell digest and its structure. */
export function markValue(digest: string, structure: string): string {
  return `${digest}~${structure}`;
}

/** Does the sheet still hold what the mark says (cells and structure; marks without a structure: cells only)? */
export function matchesMark(stored: string, ws: ExcelJS.Worksheet, structure: string | undefined): boolean {
  const [d, st] = stored.split('~');
  return d === sheetDigest(ws, d.startsWith('n:')) && (st === undefined || structure === undefined || st === structure);
}
