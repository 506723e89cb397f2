/**
 * Native Excel charts for an .xlsx written by exceljs (which cannot write charts): post-process the saved
 * package with jszip.
 *
 * For each ChartSpec this adds xl/charts/chartN.xml — a c:chartSpace with a c:barChart or c:pieChart whose
 * series point at the sheet's cells (c:strRef / c:numRef with the formula AND a cache of the current
 * values, read from the sheet's own XML, so viewers that do not recalculate still draw the numbers) — and
 * one xdr:twoCellAnchor per chart in the sheet's drawing part, with the relationships, the <drawing r:id>
 * element in the worksheet (at its place in the CT_Worksheet sequence) and the [Content_Types].xml overrides.
 */
import { attr, escapeXml, unescapeXml } from '../../output/xml';
import { a1 } from '../../snapshot/address';
import JSZip from 'jszip';
import { ChartSpec } from '../../output/sheetSpec';
import { parseA1, quoteSheet } from '../../snapshot/address';
import { relativeTarget, relsPathOf, resolveTarget } from './patchPackage';

const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  relDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  relChart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  ctChart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  ctDrawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};

/** Worksheet children that must come AFTER <drawing> (ECMA-376 CT_Worksheet sequence). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export class ChartWriteError extends Error {}

export { escapeXml };

interface Rel {
  id: string;
  type: string;
  target: string;
}

function parseRels(xml: string): Rel[] {
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    out.push({ id: attr(m[0], 'Id') ?? '', type: attr(m[0], 'Type') ?? '', target: attr(m[0], 'Target') ?? '' });
  }
  return out;
}

function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}"></Relationships>`;
}

function addRel(xml: string, rel: Rel): string {
  const el = `<Relationship Id="${escapeXml(rel.id)}" Type="${rel.type}" Target="${escapeXml(rel.target)}"/>`;
  if (/<Relationships\b[^>]*\/>/.test(xml)) return xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${el}</Relationships>`);
  return xml.replace('</Relationships>', `${el}</Relationships>`);
}

function freeRelId(rels: Rel[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  const f = zip.file(path);
  return f ? f.async('string') : undefined;
}

/** The package path of a worksheet by its name (via workbook.xml and its rels). */
export async function sheetPartPath(zip: JSZip, sheetName: string): Promise<string> {
  const wbPath = await workbookPartPath(zip);
  const wb = await readText(zip, wbPath);
  if (!wb) throw new ChartWriteError('工作簿文件缺少 workbook.xml。');
  let rid: string | undefined;
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    if (attr(m[0], 'name') === sheetName) rid = attr(m[0], 'r:id');
  }
  if (!rid) throw new ChartWriteError(`工作簿中没有名为“${sheetName}”的工作表，无法插入图表。`);
  const rels = parseRels((await readText(zip, relsPathOf(wbPath))) ?? '');
  const rel = rels.find((r) => r.id === rid);
  if (!rel) throw new ChartWriteError(`找不到工作表“${sheetName}”的文件。`);
  return resolveTarget(wbPath, rel.target);
}

async function workbookPartPath(zip: JSZip): Promise<string> {
  const rels = parseRels((await readText(zip, '_rels/.rels')) ?? '');
  const main = rels.find((r) => /\/officeDocument$/.test(r.type));
  return main ? resolveTarget('', main.target) : 'xl/workbook.xml';
}

/** Shared strings table (plain text of each <si>). */
async function sharedStrings(zip: JSZip, wbPath: string): Promise<string[]> {
  const rels = parseRels((await readText(zip, relsPathOf(wbPath))) ?? '');
  const rel = rels.find((r) => /\/sharedStrings$/.test(r.type));
  const xml = rel ? await readText(zip, resolveTarget(wbPath, rel.target)) : undefined;
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)) {
    const body = m[1].replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
    let s = '';
    for (const t of body.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)) s += unescapeXml(t[1]);
    out.push(s);
  }
  return out;
}

export type CellCache = Map<string, number | string>;

/** Values of the sheet's cells as stored (a formula's cached result), by A1 address. */
export function readCellValues(sheetXml: string, strings: string[]): CellCache {
  const out: CellCache = new Map();
  for (const m of sheetXml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const tag = `<c ${m[1]}>`;
    const r = attr(tag, 'r');
    const body = m[2];
    if (!r || !body) continue;
    const t = attr(tag, 't') ?? 'n';
    const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
    if (t === 'inlineStr') {
      let s = '';
      for (const x of body.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)) s += unescapeXml(x[1]);
      out.set(r, s);
    } else if (v === undefined) continue;
    else if (t === 's') out.set(r, strings[parseInt(v, 10)] ?? '');
    else if (t === 'str' || t === 'e') out.set(r, unescapeXml(v));
    else if (t === 'b') out.set(r, v === '1' ? 'TRUE' : 'FALSE');
    else out.set(r, Number(v));
  }
  return out;
}

/** Cells of a one-column or one-row range, in order. */
function rangeCells(range: string): string[] {
  const r = parseA1(range);
  if (!r) throw new ChartWriteError(`图表数据区域“${range}”无效。`);
  const out: string[] = [];
  for (let row = r.r0; row <= r.r1; row++) for (let c = r.c0; c <= r.c1; c++) out.push(cellA1(row, c));
  return out;
}

const cellA1 = a1;

function absolute(range: string): string {
  return range
    .split(':')
    .map((p) => p.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, (_, c, r) => `$${c.toUpperCase()}$${r}`))
    .join(':');
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

function richTitle(title: string, size = 1200): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" altLang="en-US" sz="${size}" b="1"/><a:t>${escapeXml(title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E', '636363', '997300', '255E91', '43682B'];

/** The chartN.xml text for one chart. */
export function chartXml(sheetName: string, chart: ChartSpec, cache: CellCache, axisBase: number): string {
  const q = quoteSheet(sheetName);
  const catCells = rangeCells(chart.categories);
  const strCache = (cells: string[]) =>
    `<c:strCache><c:ptCount val="${cells.length}"/>` +
    cells.map((c, i) => (cache.has(c) ? `<c:pt idx="${i}"><c:v>${escapeXml(String(cache.get(c)))}</c:v></c:pt>` : '')).join('') +
    `</c:strCache>`;
  const numCache = (cells: string[]) =>
    `<c:numCache><c:formatCode>0.00</c:formatCode><c:ptCount val="${cells.length}"/>` +
    cells
      .map((c, i) => {
        const v = cache.get(c);
        return typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${numberText(v)}</c:v></c:pt>` : '';
      })
      .join('') +
    `</c:numCache>`;
  const pie = chart.type === 'pie';
  const sers = chart.series
    .map((s, i) => {
      const valCells = rangeCells(s.values);
      const color = PALETTE[i % PALETTE.length];
      const spPr = pie ? '' : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
      const dPts = pie
        ? catCells
            .map(
              (_, k) =>
                `<c:dPt><c:idx val="${k}"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${PALETTE[k % PALETTE.length]}"/></a:solidFill>` +
                `<a:ln w="12700"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>`,
            )
            .join('')
        : '';
      const dLbls = pie
        ? `<c:dLbls><c:numFmt formatCode="0.00%" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
          `<c:dLblPos val="bestFit"/><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="1"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:separator>：</c:separator><c:showLeaderLines val="1"/></c:dLbls>`
        : // Zero values get no label (the third format section is empty): an unfilled last-year input draws nothing.
          `<c:dLbls><c:numFmt formatCode="0.00;-0.00;;" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
          `<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${spPr}` +
        (pie ? '' : '<c:invertIfNegative val="0"/>') +
        dPts +
        dLbls +
        `<c:cat><c:strRef><c:f>${escapeXml(`${q}!${absolute(chart.categories)}`)}</c:f>${strCache(catCells)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(`${q}!${absolute(s.values)}`)}</c:f>${numCache(valCells)}</c:numRef></c:val>` +
        `</c:ser>`
      );
    })
    .join('');
  // Bars start at 0 (an axis starting at 800 万元 would exaggerate every change) unless a value is negative.
  const allNonNegative = chart.series.every((s) => rangeCells(s.values).every((c) => typeof cache.get(c) !== 'number' || (cache.get(c) as number) >= 0));
  const catAx = axisBase + 1;
  const valAx = axisBase + 2;
  const txPr = (sz: number) => `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sz}"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
  const plot = pie
    ? `<c:pieChart><c:varyColors val="1"/>${sers}<c:firstSliceAng val="0"/></c:pieChart>`
    : `<c:barChart><c:barDir val="${chart.type === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${sers}` +
      `<c:gapWidth val="150"/><c:axId val="${catAx}"/><c:axId val="${valAx}"/></c:barChart>` +
      `<c:catAx><c:axId val="${catAx}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
      `<c:axPos val="${chart.type === 'bar' ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
      `<c:tickLblPos val="nextTo"/>${txPr(900)}<c:crossAx val="${valAx}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx><c:axId val="${valAx}"/><c:scaling><c:orientation val="minMax"/>${allNonNegative ? '<c:min val="0"/>' : ''}</c:scaling><c:delete val="0"/>` +
      `<c:axPos val="${chart.type === 'bar' ? 'b' : 'l'}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
      `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900" b="0"/></a:pPr><a:r><a:rPr lang="zh-CN" altLang="en-US" sz="900" b="0"/><a:t>万元</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
      `<c:numFmt formatCode="0.00" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${txPr(900)}` +
      `<c:crossAx val="${catAx}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${richTitle(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${pie ? 'r' : 'b'}"/><c:overlay val="0"/>${txPr(900)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

function anchorXml(chart: ChartSpec, id: number, relId: string): string {
  const { row, col, rows, cols } = chart.anchor;
  const pos = (c: number, r: number) => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${pos(col, row)}</xdr:from><xdr:to>${pos(col + cols, row + rows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(`图表 ${id - 1}`)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function nextNumber(zip: JSZip, re: RegExp): () => number {
  let n = 0;
  zip.forEach((path) => {
    const m = re.exec(path);
    if (m) n = Math.max(n, parseInt(m[1], 10));
  });
  return () => ++n;
}

function addOverride(ct: string, part: string, type: string): string {
  if (ct.includes(`PartName="/${part}"`)) return ct;
  return ct.replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
}

/** Insert <drawing r:id> where CT_Worksheet wants it: before legacyDrawing, tableParts, extLst … */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  const root = /<(\w+:)?worksheet\b[^>]*>/.exec(sheetXml);
  if (!root) throw new ChartWriteError('工作表文件格式无法识别。');
  const p = root[1] ?? '';
  let xml = sheetXml;
  // The r: prefix must be bound on the root.
  let rPrefix = 'r';
  const bound = new RegExp(`xmlns:(\\w+)="${NS.r.replace(/[.]/g, '\\.')}"`).exec(root[0]);
  if (bound) rPrefix = bound[1];
  else if (/xmlns:r=/.test(root[0])) {
    rPrefix = 'rDrawing';
    xml = xml.replace(root[0], root[0].replace(/>$/, ` xmlns:${rPrefix}="${NS.r}">`));
  } else xml = xml.replace(root[0], root[0].replace(/\/?>$/, ` xmlns:r="${NS.r}">`));
  const el = `<${p}drawing ${rPrefix}:id="${relId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${p}${name}\\b`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${p}worksheet>`);
  if (at < 0) throw new ChartWriteError('工作表文件格式无法识别。');
  return xml.slice(0, at) + el + xml.slice(at);
}

/**
 * Add native charts to `sheetName` of a saved .xlsx. Cell ranges in the specs are on that sheet; the chart
 * caches take the values stored in the sheet (exceljs writes formula results as cached values).
 */
export async function addCharts(xlsxBytes: Uint8Array, sheetName: string, charts: ChartSpec[]): Promise<Uint8Array> {
  if (!charts.length) return xlsxBytes;
  const zip = await JSZip.loadAsync(xlsxBytes);
  const wbPath = await workbookPartPath(zip);
  const sheetPath = await sheetPartPath(zip, sheetName);
  let sheetXml = (await readText(zip, sheetPath)) as string;
  const cache = readCellValues(sheetXml, await sharedStrings(zip, wbPath));
  const sheetRelsPath = relsPathOf(sheetPath);
  let sheetRels = (await readText(zip, sheetRelsPath)) ?? emptyRels();
  let ct = (await readText(zip, '[Content_Types].xml')) as string;

  // The sheet's drawing part: the existing one (pictures) or a new one.
  const existing = /<(?:\w+:)?drawing\b[^>]*\/>/.exec(sheetXml);
  let drawingPath: string;
  let drawingXml: string;
  if (existing) {
    const rid = /\s(?:\w+:)?id="([^"]+)"/.exec(existing[0])?.[1];
    const rel = parseRels(sheetRels).find((r) => r.id === rid);
    if (!rel) throw new ChartWriteError('工作表的绘图部件关系缺失。');
    drawingPath = resolveTarget(sheetPath, rel.target);
    drawingXml = (await readText(zip, drawingPath)) as string;
    const root = /<xdr:wsDr\b[^>]*>/.exec(drawingXml);
    if (!root) throw new ChartWriteError('工作表的绘图部件格式无法识别。');
    if (!/\sxmlns:r=/.test(root[0])) drawingXml = drawingXml.replace(root[0], root[0].replace(/>$/, ` xmlns:r="${NS.r}">`));
    if (!/\sxmlns:a=/.test(root[0])) drawingXml = drawingXml.replace(/<xdr:wsDr\b[^>]*>/, (t) => t.replace(/>$/, ` xmlns:a="${NS.a}">`));
  } else {
    drawingPath = `xl/drawings/drawing${nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/)()}.xml`;
    drawingXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"></xdr:wsDr>`;
    const rels = parseRels(sheetRels);
    const relId = freeRelId(rels);
    sheetRels = addRel(sheetRels, { id: relId, type: NS.relDrawing, target: relativeTarget(sheetPath, drawingPath) });
    sheetXml = insertDrawingElement(sheetXml, relId);
    ct = addOverride(ct, drawingPath, NS.ctDrawing);
  }
  const drawingRelsPath = relsPathOf(drawingPath);
  let drawingRels = (await readText(zip, drawingRelsPath)) ?? emptyRels();
  let maxId = 1;
  for (const m of drawingXml.matchAll(/<xdr:cNvPr\b[^>]*\sid="(\d+)"/g)) maxId = Math.max(maxId, parseInt(m[1], 10));
  const nextChart = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  let anchors = '';
  charts.forEach((chart, i) => {
    const chartPath = `xl/charts/chart${nextChart()}.xml`;
    zip.file(chartPath, chartXml(sheetName, chart, cache, 500000 + 10 * i + 10 * maxId));
    ct = addOverride(ct, chartPath, NS.ctChart);
    const relId = freeRelId(parseRels(drawingRels));
    drawingRels = addRel(drawingRels, { id: relId, type: NS.relChart, target: relativeTarget(drawingPath, chartPath) });
    anchors += anchorXml(chart, ++maxId, relId);
  });
  drawingXml = drawingXml.replace(/<\/xdr:wsDr>\s*$/, `${anchors}</xdr:wsDr>`);
  zip.file(drawingPath, drawingXml);
  zip.file(drawingRelsPath, drawingRels);
  zip.file(sheetRelsPath, sheetRels);
  zip.file(sheetPath, sheetXml);
  zip.file('[Content_Types].xml', ct);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
