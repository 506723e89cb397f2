/**
 * A second generator of hostile workbooks (beside corpus.ts), written as an adversarial tester would who has not
 * seen the first: other spellings of the package (strict OOXML, prefixed XML, absolute or unusual part names,
 * UTF-16 parts, data descriptors), other sheet kinds (chart, dialog and macro sheets), zip bombs with honest and
 * lying sizes, path-traversal entry names, DOCTYPE entity expansion, cells without addresses, rows out of order,
 * every cell type of the format, text amounts in every notation, tables twice or split, odd unit names and years.
 * Built from the same real workbook (the 玉泉 2021 fixture). Each case is written to `dir` as one file.
 *
 * `expect` states what a correct reader must say about the case, so a silently wrong figure is caught:
 *  - `figure`: the 收入总计 (公开01表!C36) `read --json` must report, or `null` when the figure must not be
 *    given (the command must refuse or the total must be reported as uncertain).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { BASE } from './corpus';

export interface HostileCase {
  name: string;
  file: string;
}

type Build = (base: Buffer) => Promise<Buffer> | Buffer;

async function zipEdit(base: Buffer, edit: (zip: JSZip) => Promise<void> | void, opts: JSZip.JSZipGeneratorOptions<'nodebuffer'> = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', ...opts });
}

async function editPart(zip: JSZip, part: string, f: (xml: string) => string): Promise<void> {
  const xml = await zip.file(part)!.async('string');
  zip.file(part, f(xml));
}

async function editAll(zip: JSZip, test: RegExp, f: (xml: string, name: string) => string): Promise<void> {
  for (const name of Object.keys(zip.files).filter((n) => test.test(n) && !zip.files[n].dir)) await editPart(zip, name, (x) => f(x, name));
}

/** Replace the value of one cell (by address) of a sheet part with raw XML for the whole <c> element. */
function setCellXml(xml: string, ref: string, cell: string): string {
  const re = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${ref}`);
  return xml.replace(re, cell);
}

const S1 = 'xl/worksheets/sheet1.xml'; // 公开01表
const S5 = 'xl/worksheets/sheet5.xml'; // 公开05表
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A text amount in 公开01表!C7 (一般公共预算财政拨款收入, 843.28) as an inline string. */
const textAmount = (text: string): Build => (b) => zipEdit(b, (z) => editPart(z, S1, (x) => setCellXml(x, 'C7', `<c r="C7" s="10" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`)));

/** A zip whose one entry inflates to `inflated` bytes of zeros; the sizes in the headers can lie. */
function bombZip(base: Buffer, inflated: number, lie: boolean, entry = 'xl/media/image1.png'): Promise<Buffer> {
  return (async () => {
    const zip = await JSZip.loadAsync(base);
    // Stream-deflate zeros, so building the case does not need the inflated size in memory.
    const deflate = zlib.createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => deflate.on('end', r));
    const block = Buffer.alloc(16 * 1024 * 1024);
    for (let n = 0; n < inflated; n += block.length) {
      if (!deflate.write(block.subarray(0, Math.min(block.length, inflated - n)))) await new Promise((r) => deflate.once('drain', r));
    }
    deflate.end();
    await done;
    const raw = Buffer.concat(chunks);
    const pkg = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    return appendStoredEntry(pkg, entry, raw, inflated, lie ? 1000 : inflated);
  })();
}

/** Append one pre-deflated entry to a zip (rewriting the central directory), with the stated sizes. */
function appendStoredEntry(pkg: Buffer, name: string, deflated: Buffer, _real: number, statedSize: number): Buffer {
  const eocd = pkg.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdSize = pkg.readUInt32LE(eocd + 12);
  const cdOffset = pkg.readUInt32LE(eocd + 16);
  const entries = pkg.readUInt16LE(eocd + 10);
  const nameBuf = Buffer.from(name);
  const crc = 0; // never checked by the readers under test (and a bomb's CRC is beside the point)
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(statedSize, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(statedSize, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  central.writeUInt32LE(cdOffset, 42);
  const before = pkg.subarray(0, cdOffset);
  const cd = pkg.subarray(cdOffset, cdOffset + cdSize);
  const newCd = Buffer.concat([cd, central, nameBuf]);
  const newOffset = cdOffset + local.length + nameBuf.length + deflated.length;
  const end = Buffer.from(pkg.subarray(eocd, eocd + 22));
  end.writeUInt16LE(entries + 1, 8);
  end.writeUInt16LE(entries + 1, 10);
  end.writeUInt32LE(newCd.length, 12);
  end.writeUInt32LE(newOffset, 16);
  end.writeUInt16LE(0, 20);
  // The existing central entries keep their offsets (the new local entry goes after the old data).
  return Buffer.concat([before, local, nameBuf, deflated, newCd, end]);
}

const strictNs = (x: string) =>
  x
    .split('http://schemas.openxmlformats.org/spreadsheetml/2006/main').join('http://purl.oclc.org/ooxml/spreadsheetml/main')
    .split('http://schemas.openxmlformats.org/officeDocument/2006/relationships').join('http://purl.oclc.org/ooxml/officeDocument/relationships');

/** Prefix every element of the spreadsheetml namespace with `x:` (legal XML, written by some generators). */
const prefixMain = (x: string) =>
  x
    .replace(/<(\/?)(?![?!])([A-Za-z][\w]*)(?=[\s/>])/g, '<$1x:$2')
    .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);

const ADD_SHEET_CT = (ct: string, part: string, type: string) => ct.replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`);

/** Add a non-worksheet sheet (chart, dialog, macro) to the workbook, first in the tab order. */
function addOtherSheet(kind: 'chartsheet' | 'dialogsheet' | 'macrosheet'): Build {
  return (b) =>
    zipEdit(b, async (z) => {
      const part = kind === 'chartsheet' ? 'xl/chartsheets/sheet1.xml' : kind === 'dialogsheet' ? 'xl/dialogsheets/sheet1.xml' : 'xl/macrosheets/sheet1.xml';
      const relType = kind === 'macrosheet' ? 'http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet' : `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;
      const ct =
        kind === 'chartsheet'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml'
          : kind === 'dialogsheet'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml'
            : 'application/vnd.ms-excel.macrosheet+xml';
      const body =
        kind === 'chartsheet'
          ? `<chartsheet xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`
          : kind === 'dialogsheet'
            ? `<dialogsheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></dialogsheet>`
            : `<xm:macrosheet xmlns="${MAIN}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1" t="str"><f>HALT()</f><v>公开01表</v></c></row></sheetData></xm:macrosheet>`;
      z.file(part, body);
      await editPart(z, '[Content_Types].xml', (x) => ADD_SHEET_CT(x, part, ct));
      await editPart(z, 'xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', `<Relationship Id="rId99" Type="${relType}" Target="${part.slice(3)}"/></Relationships>`));
      await editPart(z, 'xl/workbook.xml', (x) => x.replace('<sheets>', `<sheets><sheet name="${kind}图" sheetId="99" r:id="rId99"/>`));
    });
}

/** Rename the sheets (workbook.xml only). */
const renameSheets = (names: Record<string, string>): Build => (b) =>
  zipEdit(b, (z) =>
    editPart(z, 'xl/workbook.xml', (x) => {
      for (const [from, to] of Object.entries(names)) x = x.replace(`name="${from}"`, `name="${to}"`);
      return x;
    }),
  );

/** The sheet XML of 公开01表 with every number written as a formula with its cached value. */
const allFormulas = (cached: boolean): Build => (b) =>
  zipEdit(b, (z) =>
    editAll(z, /^xl\/worksheets\/sheet\d+\.xml$/, (x) =>
      x.replace(/<c r="([A-Z]+\d+)"( s="\d+")?><v>(-?[\d.]+)<\/v><\/c>/g, (_m, r: string, s = '', v: string) => `<c r="${r}"${s}><f>0+${v}</f>${cached ? `<v>${v}</v>` : ''}</c>`),
    ),
  );

/** Set the 部门 line (公开01..09表!A3 shared string 3) to a hostile unit name. */
const unitName = (name: string): Build => (b) =>
  zipEdit(b, (z) => editPart(z, 'xl/sharedStrings.xml', (x) => x.replace('<t>部门：攀枝花市西区玉泉街道办事处</t>', `<t xml:space="preserve">部门：${name}</t>`)));

/** Set the year line (shared string 1, "2021年度") to another spelling. */
const yearText = (text: string): Build => (b) => zipEdit(b, (z) => editPart(z, 'xl/sharedStrings.xml', (x) => x.replace('<t>2021年度</t>', `<t>${text}</t>`)));

/** A change made through exceljs (the workbook re-serialised). */
const viaExcelJs = (f: (wb: ExcelJS.Workbook) => void): Build => async (b) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(b as unknown as ArrayBuffer);
  f(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
};

const xmlEsc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const HOSTILE: [string, Build][] = [
  // ------------------------------------------------------------- package spellings
  ['strict-ooxml', (b) => zipEdit(b, (z) => editAll(z, /\.(xml|rels)$/, strictNs))],
  ['x-prefix-workbook', (b) => zipEdit(b, (z) => editPart(z, 'xl/workbook.xml', prefixMain))],
  ['x-prefix-everywhere', (b) => zipEdit(b, (z) => editAll(z, /^xl\/(workbook|sharedStrings|styles|worksheets\/sheet\d+)\.xml$/, prefixMain))],
  ['absolute-sheet-targets', (b) => zipEdit(b, (z) => editPart(z, 'xl/_rels/workbook.xml.rels', (x) => x.replace(/Target="(worksheets|sharedStrings|styles)/g, 'Target="/xl/$1')))],
  ['dotted-sheet-targets', (b) => zipEdit(b, (z) => editPart(z, 'xl/_rels/workbook.xml.rels', (x) => x.replace(/Target="worksheets\//g, 'Target="./worksheets/')))],
  [
    'renamed-sheet-parts',
    (b) =>
      zipEdit(b, async (z) => {
        for (let i = 1; i <= 9; i++) {
          const data = await z.file(`xl/worksheets/sheet${i}.xml`)!.async('nodebuffer');
          z.remove(`xl/worksheets/sheet${i}.xml`);
          z.file(`xl/worksheets/Table_${i}.xml`, data);
        }
        await editPart(z, 'xl/_rels/workbook.xml.rels', (x) => x.replace(/worksheets\/sheet(\d+)\.xml/g, 'worksheets/Table_$1.xml'));
        await editPart(z, '[Content_Types].xml', (x) => x.replace(/worksheets\/sheet(\d+)\.xml/g, 'worksheets/Table_$1.xml'));
      }),
  ],
  ['utf16-shared-strings', (b) => zipEdit(b, (z) => editPart(z, 'xl/sharedStrings.xml', (x) => x).then(async () => {
    const xml = (await z.file('xl/sharedStrings.xml')!.async('string')).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    z.file('xl/sharedStrings.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
  }))],
  ['utf8-bom-parts', (b) => zipEdit(b, (z) => editAll(z, /\.xml$/, (x) => '\ufeff' + x))],
  ['data-descriptors', (b) => zipEdit(b, () => undefined, { streamFiles: true })],
  ['stored-no-compression', (b) => zipEdit(b, () => undefined, { compression: 'STORE' })],
  ['xlsm-renamed', (b) => zipEdit(b, async (z) => {
    await editPart(z, '[Content_Types].xml', (x) => x.replace('spreadsheetml.sheet.main+xml', 'sheet.macroEnabled.main+xml').replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'));
    z.file('xl/vbaProject.bin', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024, 1)]));
    await editPart(z, 'xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', '<Relationship Id="rId98" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
  })],
  ['xlsb-renamed', (b) => zipEdit(b, async (z) => {
    z.remove('xl/workbook.xml');
    for (let i = 1; i <= 9; i++) z.remove(`xl/worksheets/sheet${i}.xml`);
    z.file('xl/workbook.bin', Buffer.alloc(512, 3));
    z.file('xl/worksheets/sheet1.bin', Buffer.alloc(512, 4));
    await editPart(z, '[Content_Types].xml', (x) => x.replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>'));
  })],
  ['ods-renamed', () => { const z = new JSZip(); z.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' }); z.file('content.xml', '<office:document-content/>'); z.file('META-INF/manifest.xml', '<manifest/>'); return z.generateAsync({ type: 'nodebuffer' }); }],
  ['chartsheet-first', addOtherSheet('chartsheet')],
  ['dialogsheet', addOtherSheet('dialogsheet')],
  ['macrosheet', addOtherSheet('macrosheet')],
  ['zip-bomb-honest', (b) => bombZip(b, 400 * 1024 * 1024, false)],
  ['zip-bomb-lying', (b) => bombZip(b, 512 * 1024 * 1024, true)],
  ['zip-bomb-lying-sheet', (b) => bombZip(b, 300 * 1024 * 1024, true, 'xl/worksheets/sheet10.xml')],
  ['many-entries', (b) => zipEdit(b, (z) => { for (let i = 0; i < 4900; i++) z.file(`customXml/item${i}.xml`, '<a/>'); })],
  ['nested-dirs', (b) => zipEdit(b, (z) => { z.file(`${'deep/'.repeat(120)}x.xml`, '<a/>'); })],
  ['path-traversal-entries', (b) => zipEdit(b, (z) => { z.file('../../evil.txt', 'x'); z.file('/abs/evil.txt', 'x'); z.file('xl/..\\..\\win.txt', 'x'); })],
  ['billion-laughs', (b) => zipEdit(b, (z) => editPart(z, 'xl/sharedStrings.xml', (x) => {
    const ents = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    return x.replace('<sst', `<!DOCTYPE sst [${ents.join('')}]><sst`).replace('<t>收入支出决算总表</t>', '<t>&lol9;</t>');
  }))],
  ['xxe-external-entity', (b) => zipEdit(b, (z) => editPart(z, 'xl/sharedStrings.xml', (x) => x.replace('<sst', '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst').replace('<t>收入支出决算总表</t>', '<t>&xxe;</t>')))],
  ['doctype-harmless', (b) => zipEdit(b, (z) => editPart(z, 'xl/workbook.xml', (x) => x.replace('<workbook', '<!DOCTYPE workbook><workbook')))],
  // ------------------------------------------------------------- cells and rows
  ['rich-text-phonetic', (b) => zipEdit(b, (z) => editPart(z, 'xl/sharedStrings.xml', (x) =>
    x.replace('<si><t>部门：攀枝花市西区玉泉街道办事处</t></si>', '<si><r><rPr><b/></rPr><t>部门：</t></r><r><t>攀枝花市西区玉泉街道办事处</t></r><rPh sb="3" eb="6"><t>パンシホア</t></rPh><phoneticPr fontId="1"/></si>')
      .replace('<si><t>收入支出决算总表</t></si>', '<si><r><t>收入支出</t></r><r><rPr><i/></rPr><t>决算总表</t></r><rPh sb="0" eb="2"><t>しゅうにゅう</t></rPh></si>')))],
  ['inline-strings-everywhere', async (b) => {
    const z = await JSZip.loadAsync(b);
    const sst = await z.file('xl/sharedStrings.xml')!.async('string');
    const shared = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
    return zipEdit(b, (zz) => editAll(zz, /^xl\/worksheets\/sheet\d+\.xml$/, (x) => x.replace(/<c r="([A-Z]+\d+)"( s="\d+")? t="s"><v>(\d+)<\/v><\/c>/g, (_m, r: string, s = '', i: string) => `<c r="${r}"${s} t="inlineStr"><is>${shared[Number(i)]}</is></c>`)));
  }],
  ['cell-types-e-b-d', (b) => zipEdit(b, (z) => editPart(z, S1, (x) => {
    x = setCellXml(x, 'C8', '<c r="C8" s="10" t="e"><v>#N/A</v></c>');
    x = setCellXml(x, 'C9', '<c r="C9" s="10" t="b"><v>1</v></c>');
    return setCellXml(x, 'C10', '<c r="C10" s="10" t="d"><v>2021-12-31T00:00:00</v></c>');
  }))],
  ['iso-date-total', (b) => zipEdit(b, (z) => editPart(z, S1, (x) => setCellXml(x, 'C36', '<c r="C36" s="10" t="d"><v>1902-05-02T00:00:00</v></c>')))],
  ['date-formatted-amount', viaExcelJs((wb) => void (wb.getWorksheet('公开01表')!.getCell('C7').numFmt = 'yyyy-mm-dd'))],
  ['cells-without-r', (b) => zipEdit(b, (z) => editPart(z, S1, (x) => x.replace(/<c r="[A-Z]+\d+"/g, '<c')))],
  ['rows-without-r', (b) => zipEdit(b, (z) => editPart(z, S1, (x) => x.replace(/<row r="\d+"/g, '<row').replace(/<c r="[A-Z]+\d+"/g, '<c')))],
  ['rows-reversed', (b) => zipEdit(b, (z) => editPart(z, S1, (x) => x.replace(/<sheetData>([\s\S]*)<\/sheetData>/, (_m, rows: string) => `<sheetData>${(rows.match(/<row\b[\s\S]*?<\/row>/g) ?? []).reverse().join('')}</sheetData>`)))],
  ['row-duplicated-different-value', (b) => zipEdit(b, (z) => editPart(z, S1, (x) => x.replace(/(<row r="7"[\s\S]*?<\/row>)/, (row: string) => row + row.replace('<v>843.28</v>', '<v>999.99</v>'))))],
  ['cell-duplicated-in-row', (b) => zipEdit(b, (z) => editPart(z, S1, (x) => x.replace(/(<c r="C7" s="10"><v>843.28<\/v><\/c>)/, '$1<c r="C7" s="10"><v>1</v></c>')))],
  ['negative-zero-xml', (b) => zipEdit(b, (z) => editPart(z, S1, (x) => setCellXml(x, 'C9', '<c r="C9" s="10"><v>-0</v></c>')))],
  ['number-garbage-v', (b) => zipEdit(b, (z) => editPart(z, S1, (x) => setCellXml(setCellXml(x, 'C9', '<c r="C9" s="10"><v>abc</v></c>'), 'C10', '<c r="C10" s="10"><v></v></c>')))],
  ['number-exponent-v', (b) => zipEdit(b, (z) => editPart(z, S1, (x) => setCellXml(x, 'C7', '<c r="C7" s="10"><v>8.4328E2</v></c>')))],
  ['number-huge-v', (b) => zipEdit(b, (z) => editPart(z, S1, (x) => setCellXml(x, 'C9', '<c r="C9" s="10"><v>1.7976931348623157E309</v></c>')))],
  ['text-amount-grouped', textAmount('843.28')],
  ['text-amount-comma', textAmount('8,43.28')],
  ['text-amount-paren', textAmount('(843.28)')],
  ['text-amount-fullwidth', textAmount('８４３．２８')],
  ['text-amount-exponent', textAmount('8.4328E+2')],
  ['text-amount-yen', textAmount('¥843.28')],
  ['text-amount-fullwidth-minus', textAmount('－843.28')],
  ['text-amount-wan', textAmount('843.28万')],
  ['text-amount-trailing-space', textAmount('843.28  ')],
  ['text-amount-nbsp', textAmount('843.28\u00a0')],
  ['text-amount-zero-width', textAmount('\u200b843.28\u200b')],
  ['text-amount-thin-space-group', textAmount('8\u2009843.28')],
  ['text-amount-two-numbers', textAmount('843.28/843.28')],
  ['text-amount-percent', textAmount('843.28%')],
  ['text-amount-arabic-indic', textAmount('٨٤٣٫٢٨')],
  // ------------------------------------------------------------- structure
  ['merges-overlapping', (b) => zipEdit(b, (z) => editPart(z, S5, (x) => x.replace(/<mergeCells count="\d+">/, '<mergeCells count="99"><mergeCell ref="C8:D10"/><mergeCell ref="D9:E12"/>')))],
  ['merges-out-of-bounds', (b) => zipEdit(b, (z) => editPart(z, S5, (x) => x.replace(/<mergeCells count="\d+">/, '<mergeCells count="99"><mergeCell ref="A1:XFE1048577"/><mergeCell ref="D9:C7"/><mergeCell ref="foo"/><mergeCell ref=""/>')))],
  ['merge-whole-sheet', (b) => zipEdit(b, (z) => editPart(z, 'xl/worksheets/sheet9.xml', (x) => x.replace(/<mergeCells count="\d+">/, '<mergeCells count="99"><mergeCell ref="A40:XFD1048576"/>')))],
  ['merges-ten-thousand', (b) => zipEdit(b, (z) => editPart(z, 'xl/worksheets/sheet9.xml', (x) => x.replace(/<mergeCells count="\d+">/, `<mergeCells count="99">${Array.from({ length: 10000 }, (_, i) => `<mergeCell ref="A${100 + 2 * i}:B${101 + 2 * i}"/>`).join('')}`)))],
  ['million-styled-rows', (b) => zipEdit(b, (z) => editPart(z, 'xl/worksheets/sheet9.xml', (x) => {
    const rows: string[] = [];
    for (let r = 20; r < 1_000_000; r++) rows.push(`<row r="${r}" s="1" customFormat="1"/>`);
    return x.replace('</sheetData>', rows.join('') + '</sheetData>');
  }))],
  ['huge-shared-strings-count', (b) => zipEdit(b, (z) => editPart(z, 'xl/sharedStrings.xml', (x) => x.replace('</sst>', '<si><t>x</t></si>'.repeat(600_000) + '</sst>')))],
  ['huge-row-numbers-every-col', (b) => zipEdit(b, (z) => editPart(z, 'xl/worksheets/sheet9.xml', (x) => x.replace('</sheetData>', `<row r="1048576">${Array.from({ length: 2000 }, (_, i) => `<c r="${colName(16384 - i)}1048576"><v>1</v></c>`).reverse().join('')}</row></sheetData>`)))],
  ['all-formulas-cached', allFormulas(true)],
  ['all-formulas-no-cache', allFormulas(false)],
  ['total-row-duplicated', viaExcelJs((wb) => { const ws = wb.getWorksheet('公开05表')!; ws.insertRow(8, (ws.getRow(7).values as ExcelJS.CellValue[]).slice(1)); })],
  ['total-row-twice-different', viaExcelJs((wb) => { const ws = wb.getWorksheet('公开05表')!; const v = (ws.getRow(7).values as ExcelJS.CellValue[]).slice(1).map((x) => (typeof x === 'number' ? x + 100 : x)); ws.addRow(v); })],
  [
    'same-table-twice-visible',
    (b) =>
      zipEdit(b, async (z) => {
        const s = (await z.file(S1)!.async('string')).replace(/<v>(\d+\.\d+)<\/v>/g, (_m, v: string) => `<v>${(Number(v) * 2).toFixed(2)}</v>`);
        z.file('xl/worksheets/sheet10.xml', s);
        await editPart(z, '[Content_Types].xml', (x) => ADD_SHEET_CT(x, 'xl/worksheets/sheet10.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'));
        await editPart(z, 'xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', '<Relationship Id="rId50" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet10.xml"/></Relationships>'));
        await editPart(z, 'xl/workbook.xml', (x) => x.replace('</sheets>', '<sheet name="公开01表 (2)" sheetId="50" r:id="rId50"/></sheets>'));
      }),
  ],
  [
    'table-split-across-sheets',
    (b) =>
      zipEdit(b, async (z) => {
        // Rows 25… of 公开05表 moved to a sheet of their own, renumbered from 1 (a table printed on two pages).
        const xml = await z.file(S5)!.async('string');
        const rows = xml.match(/<row r="(\d+)"[\s\S]*?<\/row>/g) ?? [];
        const late = rows.filter((r) => Number(/r="(\d+)"/.exec(r)![1]) >= 25);
        z.file(S5, late.reduce((x, r) => x.replace(r, ''), xml).replace(/<mergeCells[\s\S]*?<\/mergeCells>/, ''));
        const moved = late.map((r) => r.replace(/(<row r="|<c r="[A-Z]+)(\d+)"/g, (_m, pre: string, n: string) => `${pre}${Number(n) - 24}"`)).join('');
        z.file('xl/worksheets/sheet10.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${moved}</sheetData></worksheet>`);
        await editPart(z, '[Content_Types].xml', (x) => ADD_SHEET_CT(x, 'xl/worksheets/sheet10.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'));
        await editPart(z, 'xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', '<Relationship Id="rId50" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet10.xml"/></Relationships>'));
        await editPart(z, 'xl/workbook.xml', (x) => x.replace('</sheets>', '<sheet name="公开05表（续）" sheetId="50" r:id="rId50"/></sheets>'));
      }),
  ],
  [
    'two-units-one-workbook',
    viaExcelJs((wb) => {
      for (const ws of [...wb.worksheets]) {
        const copy = wb.addWorksheet(`乙单位${ws.name}`);
        ws.eachRow((row, r) => row.eachCell((c, col) => void (copy.getCell(r, col).value = typeof c.value === 'string' ? c.value.replace('攀枝花市西区玉泉街道办事处', '攀枝花市西区格里坪镇人民政府') : typeof c.value === 'number' ? c.value * 3 : c.value)));
      }
    }),
  ],
  ['duplicate-sheet-names', renameSheets({ 公开08表: '公开01表' })],
  ['sheet-names-case', (b) => renameSheets({ 公开08表: 'Sheet1', 公开09表: 'SHEET1' })(b)],
  ['sheet-names-quotes-brackets', renameSheets({ 公开01表: "公开'01'表[1]", 公开05表: '公开05表!A1', 公开07表: "'三公'" })],
  ['sheet-names-legal-odd', renameSheets({ 公开01表: "公开'01'表", 公开05表: '公开05表!A1', 公开07表: '(2021) 三公 - 副本', 公开08表: 'Sheet1 ', 公开09表: '=SUM(1)' })],
  ['sheet-name-very-long', renameSheets({ 公开01表: '收'.repeat(200) })],
  ['sheet-name-empty', renameSheets({ 公开09表: '' })],
  ['sheet-named-like-output-hidden', (b) => renameSheets({ 公开09表: '决算说明' })(b)],
  // ------------------------------------------------------------- text the tool will copy into its output
  ['unit-name-control-chars-raw', unitName('玉泉\u0007街道\u001b[31m办事处')],
  ['unit-name-control-chars-escaped', unitName('玉泉_x0007_街道_x001B_[31m办事处_x000D_')],
  ['unit-name-newline', unitName('玉泉街道\n办事处\r\n（本级）')],
  ['unit-name-rtl', unitName('\u202e玉泉街道办事处\u202c')],
  ['unit-name-300', unitName('玉'.repeat(300))],
  ['unit-name-dde', unitName(xmlEsc("=cmd|' /C calc'!A0"))],
  ['unit-name-minus', unitName('-2+3')],
  ['unit-name-tab-equals', unitName('\t=1+1')],
  ['unit-name-only-formula', (b) => zipEdit(b, (z) => editPart(z, 'xl/sharedStrings.xml', (x) => x.replace('<t>部门：攀枝花市西区玉泉街道办事处</t>', `<t>${xmlEsc('=HYPERLINK("http://x.invalid","点")')}</t>`)))],
  ['year-2021年度-fy', yearText('FY2021')],
  ['year-chinese-numerals', yearText('二〇二一年度')],
  ['year-two-years', yearText('2020-2021年度')],
  ['year-future', yearText('2099年度')],
  ['year-garbage', yearText('年度')],
];

function colName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export async function buildHostileCorpus(dir: string, only?: string[]): Promise<HostileCase[]> {
  fs.mkdirSync(dir, { recursive: true });
  const base = fs.readFileSync(BASE);
  const out: HostileCase[] = [];
  for (const [name, build] of HOSTILE.filter(([n]) => !only || only.includes(n))) {
    const file = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(file, await build(base));
    out.push({ name, file });
  }
  return out;
}

export const HOSTILE_COUNT = HOSTILE.length;
