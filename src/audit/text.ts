/**
 * Getting narrative text in: from a .txt or .docx file, or from the cells of a sheet, as paragraphs that
 * remember where they were ("第27行", "第12段", "说明!A12"). Cleaning (Word bookmarks, width variants) and
 * splitting into sentences keep offsets, so a finding can quote the text exactly as the user wrote it.
 */
import { unescapeXml } from '../output/xml';
import JSZip from 'jszip';
import { WorkbookSnapshot } from '../snapshot/types';
import { cellRef } from '../snapshot/address';
import { cellText } from '../recognise/grid';

export interface Paragraph {
  text: string;
  /** Where the paragraph is: "第27行" (.txt), "第12段" (.docx) or a cell "说明!A12". */
  where: string;
}

export interface NarrativeInput {
  paragraphs: Paragraph[];
}

export class NarrativeReadError extends Error {}

/** Remove what converters leave behind: "[bookmark: _Toc123]" markers, zero-width characters, trailing tabs. */
export function cleanText(s: string): string {
  return s
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\t ]+$/g, '');
}

/**
 * One-to-one normalisation for matching: full-width ASCII forms to ASCII (（）％：，；．０-９), the
 * ideographic space to a space. Every character maps to exactly one character, so offsets stay valid and
 * quotes can be cut from the original text.
 */
export function normaliseChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Read a .txt or .docx narrative. Throws NarrativeReadError with a Chinese message when it cannot. */
export async function readNarrativeFile(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<NarrativeInput> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.docx')) return readDocx(data, fileName);
  if (lower.endsWith('.doc')) {
    throw new NarrativeReadError(`无法读取“${fileName}”：旧版 Word（.doc）文件不受支持，请在 Word 中另存为 .docx 或 .txt 后再核对。`);
  }
  const text = decodeText(data);
  if (!text.trim()) throw new NarrativeReadError(`“${fileName}”是空的，没有可核对的说明文字。`);
  // Another format with a .txt name (a spreadsheet, an image, a damaged file): control characters and
  // undecodable bytes. Auditing it would find no numbers and report "no errors" — never said on trust.
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || c < 9 || (c > 13 && c < 32)) junk++;
  }
  if (junk > Math.max(3, text.length / 100)) {
    throw new NarrativeReadError(`无法读取“${fileName}”：它不像是文本文件（可能是其他格式改了扩展名或已损坏）。请把说明另存为 .txt（UTF-8）或 .docx 后再核对。`);
  }
  return { paragraphs: linesToParagraphs(text) };
}

/** Decode text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (older Windows saves). */
export function decodeText(data: Uint8Array): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\ufeff/, '');
  } catch {
    // UTF-8 with a stray bad byte (a file cut mid-character) is still UTF-8: read as GB18030 it would all be
    // mojibake, with no numbers to check.
    const lenient = new TextDecoder('utf-8').decode(data).replace(/^\ufeff/, '');
    if ((lenient.match(/\ufffd/g) ?? []).length <= Math.max(2, lenient.length / 1000)) return lenient;
    try {
      return new TextDecoder('gb18030').decode(data);
    } catch {
      return new TextDecoder('utf-8').decode(data);
    }
  }
}

export function linesToParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.trim() !== '') out.push({ text: line, where: `第${i + 1}行` });
  });
  return out;
}

async function readDocx(data: Uint8Array, fileName: string): Promise<NarrativeInput> {
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(data);
    xml = await zip.file('word/document.xml')?.async('string');
  } catch (e) {
    void e;
    throw new NarrativeReadError(`无法读取“${fileName}”：它不是有效的 .docx 文件（已损坏或不是 Word 文档）。请在 Word 中打开并另存为 .docx 或 .txt 后再核对。`);
  }
  if (xml === undefined) throw new NarrativeReadError(`无法读取“${fileName}”：文件中没有正文（word/document.xml）。`);
  return { paragraphs: docxParagraphs(xml) };
}

/** Paragraphs of a WordprocessingML body: one per w:p, text from w:t, w:tab as a tab, w:br as a line break. */
export function docxParagraphs(xml: string): Paragraph[] {
  const out: Paragraph[] = [];
  const body = xml.replace(/<w:del\b[\s\S]*?<\/w:del>/g, ''); // deleted revisions are not text
  const paraRe = /<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = paraRe.exec(body))) {
    n++;
    const inner = m[1] ?? '';
    let text = '';
    const runRe = /<w:t\b[^>]*>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\b[^>]*\/>|<w:cr\/>/g;
    let r: RegExpExecArray | null;
    while ((r = runRe.exec(inner))) {
      if (r[1] !== undefined) text += decodeXml(r[1]);
      else if (r[0].startsWith('<w:tab')) text += '\t';
      else text += '\n';
    }
    if (text.trim() !== '') out.push({ text, where: `第${n}段` });
  }
  return out;
}

const decodeXml = unescapeXml;

/**
 * Paragraphs from a sheet of the snapshot (the generated 说明 sheet, or one the user pasted text into):
 * every non-empty text cell, row by row; a cell with line breaks gives several paragraphs with the same
 * address. Without a sheet name, the first sheet whose name contains 说明.
 */
export function paragraphsFromSheet(snapshot: WorkbookSnapshot, sheetName?: string): NarrativeInput {
  const sheet = sheetName
    ? snapshot.sheets.find((s) => s.name === sheetName)
    : snapshot.sheets.find((s) => /说明/.test(s.name));
  if (!sheet) {
    throw new NarrativeReadError(sheetName ? `工作簿中没有名为“${sheetName}”的工作表。` : '工作簿中没有名称含“说明”的工作表，请指定要核对的工作表。');
  }
  const out: Paragraph[] = [];
  sheet.cells.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell || typeof cell.v === 'number') return;
      const t = cellText(cell);
      if (t.trim() === '') return;
      for (const part of t.split(/\r\n|\r|\n/)) if (part.trim() !== '') out.push({ text: part, where: cellRef(sheet.name, r, c) });
    });
  });
  return { paragraphs: out };
}

/**
 * Join a sentence broken over two lines (hard wraps, text copied from a PDF): "…支出5310.72万元，" followed by
 * "占本年支出合计的97.66%。". A line continues the previous one when the previous ends inside a clause (，、)
 * or the line starts with what cannot start a sentence (，。、%）or the unit of a broken amount), and neither
 * is a heading. `isHeading` is the section recogniser (sections.ts), passed in to keep this file below it.
 */
export function joinBrokenLines(paragraphs: Paragraph[], isHeading: (cleaned: string) => boolean): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (prev && continues(prev.text, p.text, isHeading)) out[out.length - 1] = { text: prev.text.replace(/\s+$/, '') + p.text.replace(/^\s+/, ''), where: prev.where };
    else out.push(p);
  }
  return out;
}

function continues(a: string, b: string, isHeading: (cleaned: string) => boolean): boolean {
  const x = normaliseChars(cleanText(a)).trim();
  const y = normaliseChars(cleanText(b)).trim();
  if (!x || !y || /\n/.test(x) || isHeading(cleanText(a)) || isHeading(cleanText(b))) return false;
  // A numbered line is a new item ("1.", "（一）", "二、").
  if (/^([一二三四五六七八九十]+[、.]|\d+\s*[、.](?!\d)|[(]\s*[一二三四五六七八九十\d]+\s*[)]|第\s*[一二三四五六七八九十\d]+\s*部分)/.test(y)) return false;
  return /[,、]$/.test(x) || /^([,。、%)]|万元|亿元|元(?![旦月]))/.test(y);
}

/** A sentence of a paragraph: cleaned original text, its normalised twin (same length), and where. */
export interface Sentence {
  /** Index in the document's sentence list. */
  index: number;
  /** Index of the paragraph it belongs to. */
  paragraph: number;
  where: string;
  /** Cleaned original text (for quotes). */
  text: string;
  /** normaliseChars(text): same length, for matching. */
  norm: string;
  /** First sentence of its paragraph. */
  first: boolean;
}

/** Split cleaned paragraphs into sentences at 。！？ and line breaks (；and ，stay inside: they are clauses). */
export function splitSentences(paragraphs: Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, pi) => {
    const text = cleanText(p.text);
    const re = /[^。！？!?\n]+[。！？!?]*/g;
    let m: RegExpExecArray | null;
    let first = true;
    while ((m = re.exec(text))) {
      const s = m[0];
      if (s.trim() === '') continue;
      out.push({ index: out.length, paragraph: pi, where: p.where, text: s, norm: normaliseChars(s), first });
      first = false;
    }
  });
  return out;
}
