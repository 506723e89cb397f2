/**
 * Test helpers that edit an .xlsx the way Excel leaves it, by patching the package XML (JSZip) — never by
 * re-saving through exceljs, which drops charts, images, validations… and would hide what the tool does.
 *
 * Package, sheet and cell paths are resolved with the engine's own helpers (listSheets, relsPathOf…); the XML is
 * edited with small string operations on the unprefixed SpreadsheetML that Excel and exceljs write.
 */
import JSZip from 'jszip';
import { listSheets, relativeTarget, relsPathOf, resolveTarget, workbookPart } from '../src/adapters/exceljs/patchPackage';
import { escapeXml } from '../src/output/xml';

/** A value as a user types it into a cell. */
export type TypedValue =
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'formula'; formula: string; cached?: number | string };

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

export function colNumber(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function rowNumber(ref: string): number {
  return Number(/\d+$/.exec(ref)![0]);
}

/** Insert a worksheet child element at the place the schema orders it. */
export function insertInOrder(sheetXml: string, element: string, name: string): string {
  for (const later of WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(name) + 1)) {
    const i = sheetXml.search(new RegExp(`<${later}[\\s>/]`));
    if (i >= 0) return sheetXml.slice(0, i) + element + sheetXml.slice(i);
  }
  return sheetXml.replace('</worksheet>', () => `${element}</worksheet>`);
}

/** The <c> element of one cell in a sheet XML, or undefined. */
export function cellXmlOf(sheetXml: string, ref: string): string | undefined {
  const m = new RegExp(`<c r="${ref}"(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</c>)`).exec(sheetXml);
  return m?.[0];
}

/** Every <c> element of a sheet, by reference. */
export function cellsOf(sheetXml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"(?:[^>]*?\/>|[^>]*?>[\s\S]*?<\/c>)/g)) out.set(m[1], m[0]);
  return out;
}

/** Put a cell element into a sheet XML (replacing the cell, creating the row, keeping column and row order). */
export function putCell(sheetXml: string, ref: string, cell: string): string {
  const r = rowNumber(ref);
  const col = colNumber(ref);
  const existing = cellXmlOf(sheetXml, ref);
  if (existing) return sheetXml.replace(existing, () => cell);
  const rowRe = new RegExp(`<row r="${r}"([^>]*?)(/>|>([\\s\\S]*?)</row>)`);
  const row = rowRe.exec(sheetXml);
  if (row) {
    const inner = row[3] ?? '';
    const cells = [...inner.matchAll(/<c r="([A-Z]+)\d+"(?:[^>]*?\/>|[^>]*?>[\s\S]*?<\/c>)/g)];
    const after = cells.find((c) => colNumber(c[1]) > col);
    const newInner = after ? inner.slice(0, after.index) + cell + inner.slice(after.index) : inner + cell;
    const attrs = row[1].replace(/\sspans="[^"]*"/, '');
    return sheetXml.replace(row[0], () => `<row r="${r}"${attrs}>${newInner}</row>`);
  }
  const newRow = `<row r="${r}">${cell}</row>`;
  if (/<sheetData\s*\/>/.test(sheetXml)) return sheetXml.replace(/<sheetData\s*\/>/, () => `<sheetData>${newRow}</sheetData>`);
  const rows = [...sheetXml.matchAll(/<row r="(\d+)"/g)];
  const next = rows.find((m) => Number(m[1]) > r);
  if (next) return sheetXml.slice(0, next.index) + newRow + sheetXml.slice(next.index);
  return sheetXml.replace('</sheetData>', () => `${newRow}</sheetData>`);
}

/** Is `ref` a covered cell of a merged range (Excel types into a merge's top-left cell only)? */
export function coveredByMerge(sheetXml: string, ref: string): boolean {
  const c = colNumber(ref);
  const r = rowNumber(ref);
  for (const m of sheetXml.matchAll(/<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const [c1, r1, c2, r2] = [colNumber(m[1]), rowNumber(m[1]), colNumber(m[2]), rowNumber(m[2])];
    if (c >= c1 && c <= c2 && r >= r1 && r <= r2 && (c !== c1 || r !== r1)) return true;
  }
  return false;
}

export class Pkg {
  private constructor(readonly zip: JSZip) {}

  static async load(bytes: Uint8Array | Buffer): Promise<Pkg> {
    return new Pkg(await JSZip.loadAsync(bytes));
  }

  async bytes(): Promise<Buffer> {
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  async text(part: string): Promise<string | undefined> {
    return this.zip.file(part)?.async('string');
  }

  async sheetNames(): Promise<string[]> {
    return (await listSheets(this.zip)).map((s) => s.name);
  }

  async sheetPart(name: string): Promise<string | undefined> {
    return (await listSheets(this.zip)).find((s) => s.name === name)?.part || undefined;
  }

  async sheetXml(name: string): Promise<string | undefined> {
    const p = await this.sheetPart(name);
    return p ? this.text(p) : undefined;
  }

  private async editSheet(name: string, f: (xml: string) => string): Promise<void> {
    const p = await this.sheetPart(name);
    if (!p || !this.zip.file(p)) throw new Error(`no part for sheet ${name}: ${JSON.stringify(await listSheets(this.zip))}`);
    this.zip.file(p, f((await this.text(p))!));
  }

  private free(dir: string, stem: string, ext: string): string {
    for (let i = 1; ; i++) if (!this.zip.file(`${dir}/${stem}${i}.${ext}`)) return `${dir}/${stem}${i}.${ext}`;
  }

  private async addRel(owner: string, type: string, target: string): Promise<string> {
    const relsPath = relsPathOf(owner);
    let xml = (await this.text(relsPath)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const ids = new Set([...xml.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
    let i = 1;
    while (ids.has(`rId${i}`)) i++;
    xml = xml.replace('</Relationships>', () => `<Relationship Id="rId${i}" Type="${REL}/${type}" Target="${escapeXml(relativeTarget(owner, target))}"/></Relationships>`);
    this.zip.file(relsPath, xml);
    return `rId${i}`;
  }

  private async contentType(part: string, type: string): Promise<void> {
    const ct = (await this.text('[Content_Types].xml'))!;
    this.zip.file('[Content_Types].xml', ct.replace('</Types>', () => `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
  }

  private async ensureDefault(ext: string, type: string): Promise<void> {
    const ct = (await this.text('[Content_Types].xml'))!;
    if (new RegExp(`Extension="${ext}"`, 'i').test(ct)) return;
    this.zip.file('[Content_Types].xml', ct.replace(/(<Types\b[^>]*>)/, (m) => `${m}<Default Extension="${ext}" ContentType="${type}"/>`));
  }

  /** Index of a shared string (Excel writes typed text to sharedStrings.xml), creating the part when missing. */
  async sharedString(s: string): Promise<number> {
    const wb = await workbookPart(this.zip);
    const rels = (await this.text(relsPathOf(wb))) ?? '';
    const m = /<Relationship\b[^>]*Type="[^"]*\/sharedStrings"[^>]*>/.exec(rels);
    let part: string;
    if (m) part = resolveTarget(wb, /Target="([^"]+)"/.exec(m[0])![1]);
    else {
      part = 'xl/sharedStrings.xml';
      this.zip.file(part, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>');
      await this.addRel(wb, 'sharedStrings', part);
      await this.contentType(part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml');
    }
    let xml = (await this.text(part))!;
    const n = [...xml.matchAll(/<si>|<si\/>/g)].length;
    const t = /^\s|\s$/.test(s) ? `<t xml:space="preserve">${escapeXml(s)}</t>` : `<t>${escapeXml(s)}</t>`;
    if (/<sst\b[^>]*\/>/.test(xml)) xml = xml.replace(/<sst\b([^>]*)\/>/, (_m, a: string) => `<sst${a}></sst>`);
    xml = xml.replace('</sst>', () => `<si>${t}</si></sst>`).replace(/uniqueCount="\d+"/, `uniqueCount="${n + 1}"`);
    this.zip.file(part, xml);
    return n;
  }

  /** A new cell format (appended to cellXfs, existing indices unchanged): a number format, bold red, or a fill. */
  async addStyle(variant: number): Promise<number> {
    const p = 'xl/styles.xml';
    let xml = (await this.text(p))!;
    const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)!;
    const count = [...xfs[1].matchAll(/<xf\b/g)].length;
    let xf: string;
    if (variant % 3 === 0) {
      const ids = [...xml.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
      const id = Math.max(163, ...ids) + 1;
      const fmt = `<numFmt numFmtId="${id}" formatCode="#,##0.000;[Red]-#,##0.000"/>`;
      if (/<numFmts\b[^>]*>/.test(xml)) xml = xml.replace('</numFmts>', () => `${fmt}</numFmts>`);
      else xml = xml.replace(/(<fonts\b)/, () => `<numFmts count="1">${fmt}</numFmts><fonts`);
      xf = `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
    } else if (variant % 3 === 1) {
      const fonts = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml)!;
      const n = [...fonts[1].matchAll(/<font\b/g)].length;
      xml = xml.replace('</fonts>', () => '<font><b/><sz val="11"/><color rgb="FFFF0000"/><name val="等线"/></font></fonts>');
      xf = `<xf numFmtId="0" fontId="${n}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`;
    } else {
      const fills = /<fills\b[^>]*>([\s\S]*?)<\/fills>/.exec(xml)!;
      const n = [...fills[1].matchAll(/<fill\b/g)].length;
      xml = xml.replace('</fills>', () => '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>');
      xf = `<xf numFmtId="0" fontId="0" fillId="${n}" borderId="0" xfId="0" applyFill="1"/>`;
    }
    xml = xml.replace('</cellXfs>', () => `${xf}</cellXfs>`);
    this.zip.file(p, xml);
    return count;
  }

  /** Type a value into a cell (keeping the cell's style unless `style` is given); returns the cell element written. */
  async setCell(sheet: string, ref: string, v: TypedValue, style?: number): Promise<string> {
    const xml = (await this.sheetXml(sheet))!;
    const old = cellXmlOf(xml, ref);
    const s = style ?? (old ? /\ss="(\d+)"/.exec(old)?.[1] : undefined);
    const sAttr = s !== undefined ? ` s="${s}"` : '';
    let cell: string;
    if (v.kind === 'number') cell = `<c r="${ref}"${sAttr}><v>${v.value}</v></c>`;
    else if (v.kind === 'text') cell = `<c r="${ref}"${sAttr} t="s"><v>${await this.sharedString(v.text)}</v></c>`;
    else if (v.cached === undefined) cell = `<c r="${ref}"${sAttr}><f>${escapeXml(v.formula)}</f></c>`;
    else if (typeof v.cached === 'string') cell = `<c r="${ref}"${sAttr} t="str"><f>${escapeXml(v.formula)}</f><v>${escapeXml(v.cached)}</v></c>`;
    else cell = `<c r="${ref}"${sAttr}><f>${escapeXml(v.formula)}</f><v>${v.cached}</v></c>`;
    await this.editSheet(sheet, (x) => putCell(x, ref, cell));
    return cell;
  }

  /** Change only a cell's format (a new style index); returns the cell element. */
  async restyleCell(sheet: string, ref: string, style: number): Promise<string> {
    const xml = (await this.sheetXml(sheet))!;
    const old = cellXmlOf(xml, ref) ?? `<c r="${ref}"/>`;
    const tag = /^<c\b[^>]*?(\/?)>/.exec(old)!;
    let newTag = /\ss="\d+"/.test(tag[0]) ? tag[0].replace(/\ss="\d+"/, ` s="${style}"`) : tag[0].replace(/^<c r="([^"]+)"/, (m) => `${m} s="${style}"`);
    if (!tag[1] && newTag.endsWith('/>')) newTag = newTag.replace(/\/>$/, '>');
    const cell = newTag + old.slice(tag[0].length);
    await this.editSheet(sheet, (x) => putCell(x, ref, cell));
    return cell;
  }

  /** The last row number of a sheet. */
  async lastRow(sheet: string): Promise<number> {
    const xml = (await this.sheetXml(sheet))!;
    return Math.max(0, ...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
  }

  /** A new sheet of the user's, appended to the workbook. */
  async addSheet(name: string): Promise<void> {
    const wb = await workbookPart(this.zip);
    const part = this.free('xl/worksheets', 'sheet', 'xml');
    this.zip.file(part, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    const rid = await this.addRel(wb, 'worksheet', part);
    await this.contentType(part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
    let xml = (await this.text(wb))!;
    const ids = [...xml.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
    xml = xml.replace('</sheets>', () => `<sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...ids) + 1}" r:id="${rid}"/></sheets>`);
    this.zip.file(wb, xml);
  }

  /** A defined name of the user's; returns the element written. */
  async addDefinedName(name: string, value: string): Promise<string> {
    const wb = await workbookPart(this.zip);
    let xml = (await this.text(wb))!;
    const el = `<definedName name="${escapeXml(name)}">${escapeXml(value)}</definedName>`;
    if (xml.includes('</definedNames>')) xml = xml.replace('</definedNames>', () => `${el}</definedNames>`);
    else xml = xml.replace('</sheets>', () => `</sheets><definedNames>${el}</definedNames>`);
    this.zip.file(wb, xml);
    return el;
  }

  /** A data validation (a list) on a range of a sheet; returns the element. */
  async addValidation(sheet: string, sqref: string): Promise<string> {
    const dv = `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${sqref}"><formula1>"是,否,不适用"</formula1></dataValidation>`;
    await this.editSheet(sheet, (xml) =>
      xml.includes('</dataValidations>')
        ? xml.replace('</dataValidations>', () => `${dv}</dataValidations>`)
        : insertInOrder(xml, `<dataValidations count="1">${dv}</dataValidations>`, 'dataValidations'),
    );
    return dv;
  }

  /** Conditional formatting (a new differential format in styles.xml's dxfs) on a range; returns the element. */
  async addConditionalFormat(sheet: string, sqref: string): Promise<string> {
    const p = 'xl/styles.xml';
    let styles = (await this.text(p))!;
    const dxf = '<dxf><font><b/><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>';
    let id: number;
    const dxfs = /<dxfs\b[^>]*?(?:\/>|>([\s\S]*?)<\/dxfs>)/.exec(styles);
    if (dxfs) {
      id = [...(dxfs[1] ?? '').matchAll(/<dxf>/g)].length;
      styles = styles.replace(dxfs[0], () => `<dxfs count="${id + 1}">${dxfs[1] ?? ''}${dxf}</dxfs>`);
    } else {
      id = 0;
      const at = styles.search(/<(tableStyles|colors|extLst)\b/);
      styles = at >= 0 ? styles.slice(0, at) + `<dxfs count="1">${dxf}</dxfs>` + styles.slice(at) : styles.replace('</styleSheet>', () => `<dxfs count="1">${dxf}</dxfs></styleSheet>`);
    }
    this.zip.file(p, styles);
    const cf = `<conditionalFormatting sqref="${sqref}"><cfRule type="cellIs" dxfId="${id}" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>`;
    await this.editSheet(sheet, (xml) => insertInOrder(xml, cf, 'conditionalFormatting'));
    return cf;
  }

  /** Does the sheet already point at a drawing / legacy drawing (one of each per sheet)? */
  async hasPart(sheet: string, element: 'drawing' | 'legacyDrawing'): Promise<boolean> {
    return new RegExp(`<${element}\\b`).test((await this.sheetXml(sheet))!);
  }

  /**
   * A chart (over `range` of the sheet itself) or a picture, as Excel adds them: in a new drawing part, or in
   * the sheet's drawing when it has one. Returns the parts added (drawing, chart or image).
   */
  async addDrawing(sheet: string, kind: 'chart' | 'image', range: { cats: string; vals: string }): Promise<string[]> {
    const sheetPart = (await this.sheetPart(sheet))!;
    const sheetRels = (await this.text(relsPathOf(sheetPart))) ?? '';
    const rel = /<Relationship\b[^>]*Type="[^"]*\/drawing"[^>]*>/.exec(sheetRels)?.[0];
    // Excel puts a second chart or picture into the sheet's one drawing part.
    const existing = rel ? resolveTarget(sheetPart, /Target="([^"]+)"/.exec(rel)![1]) : undefined;
    const drawing = existing ?? this.free('xl/drawings', 'drawing', 'xml');
    if (!existing) this.zip.file(drawing, '');
    const anchor = (inner: string) =>
      `<xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>14</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;
    let added: string;
    let inner: string;
    if (kind === 'chart') {
      added = this.free('xl/charts', 'chart', 'xml');
      const q = `'${sheet.replace(/'/g, "''")}'`;
      this.zip.file(
        added,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>用户的图表</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>${escapeXml(`${q}!${range.cats}`)}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${escapeXml(`${q}!${range.vals}`)}</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
      );
      await this.contentType(added, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
      const rid = await this.addRel(drawing, 'chart', added);
      inner = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
    } else {
      added = this.free('xl/media', 'image', 'png');
      // A 1×1 PNG.
      this.zip.file(added, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
      await this.ensureDefault('png', 'image/png');
      const rid = await this.addRel(drawing, 'image', added);
      inner = `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="图片 1"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`;
    }
    if (existing) {
      const xml = (await this.text(existing))!;
      this.zip.file(existing, xml.replace('</xdr:wsDr>', () => `${anchor(inner)}</xdr:wsDr>`));
      return [added];
    }
    this.zip.file(
      drawing,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">${anchor(inner)}</xdr:wsDr>`,
    );
    await this.contentType(drawing, 'application/vnd.openxmlformats-officedocument.drawing+xml');
    const rid = await this.addRel(sheetPart, 'drawing', drawing);
    await this.editSheet(sheet, (xml) => insertInOrder(xml, `<drawing r:id="${rid}"/>`, 'drawing'));
    return [drawing, added];
  }

  /** A cell comment (comments part + the legacy VML drawing Excel shows it with); [] when the sheet has one. */
  async addComment(sheet: string, ref: string, note: string): Promise<string[]> {
    if (await this.hasPart(sheet, 'legacyDrawing')) return [];
    const sheetPart = (await this.sheetPart(sheet))!;
    const comments = this.free('xl', 'comments', 'xml');
    this.zip.file(
      comments,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>财务科</author></authors><commentList><comment ref="${ref}" authorId="0"><text><t>${escapeXml(note)}</t></text></comment></commentList></comments>`,
    );
    const vml = this.free('xl/drawings', 'vmlDrawing', 'vml');
    const r = rowNumber(ref) - 1;
    const c = colNumber(ref) - 1;
    this.zip.file(
      vml,
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape type="#_x0000_t202" style="visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape></xml>`,
    );
    await this.contentType(comments, 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml');
    await this.ensureDefault('vml', 'application/vnd.openxmlformats-officedocument.vmlDrawing');
    await this.addRel(sheetPart, 'comments', comments);
    const rid = await this.addRel(sheetPart, 'vmlDrawing', vml);
    await this.editSheet(sheet, (xml) => insertInOrder(xml, `<legacyDrawing r:id="${rid}"/>`, 'legacyDrawing'));
    return [comments, vml];
  }
}
