/**
 * Issue 5: native charts added to the saved .xlsx by adapters/exceljs/charts.ts — the parts, relationships,
 * content types, the <drawing> element's place in the worksheet, the chart formulas and their caches, and
 * that exceljs still loads the result. (The rendering was also checked by converting with LibreOffice.)
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { buildInto } from './fixtures/builder';
import { yuquan2021 } from './fixtures/specs';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { writeSheetSpec } from '../src/adapters/exceljs/writeSheetSpec';
import { ChartWriteError, addCharts, chartXml, insertDrawingElement, readCellValues, sheetPartPath } from '../src/adapters/exceljs/charts';
import { readAccounts } from '../src/model/readAccounts';
import { wan } from '../src/money/money';
import { parseA1 } from '../src/snapshot/address';
import { buildSupplementSheet, emptySupplement, readSupplement } from '../src/supplement/sheet';
import { RATES_SHEET, RatesSheet, buildRates } from '../src/rates';
import { ChartSpec } from '../src/output/sheetSpec';

async function ratesWorkbook(withImage = false): Promise<{ built: RatesSheet; saved: Uint8Array }> {
  const { workbook: wb } = buildInto(yuquan2021, 'sichuan');
  let accounts = readAccounts(snapshotFromExcelJs(wb, 'x'));
  const existing = emptySupplement();
  existing.values.set('last.incomeGrandTotal', { key: 'last.incomeGrandTotal', raw: '907.20', fen: wan('907.20'), cell: '' });
  existing.values.set('last.generalExpenditure', { key: 'last.generalExpenditure', raw: '789.59', fen: wan('789.59'), cell: '' });
  writeSheetSpec(wb, buildSupplementSheet(accounts, existing));
  const snap = snapshotFromExcelJs(wb, 'x');
  accounts = readAccounts(snap);
  const built = buildRates(accounts, readSupplement(snap, accounts));
  const ws = writeSheetSpec(wb, built.spec);
  if (withImage) {
    // A 1×1 PNG already on the sheet: its drawing part must be reused.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, { tl: { col: 20, row: 1 }, ext: { width: 20, height: 20 } });
  }
  return { built, saved: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`missing part ${path}`);
  return f.async('string');
}

describe('addCharts on the 执行率汇总 sheet', () => {
  let built: RatesSheet;
  let zip: JSZip;
  let out: Uint8Array;
  let sheetPath: string;
  beforeAll(async () => {
    const r = await ratesWorkbook();
    built = r.built;
    out = await addCharts(r.saved, RATES_SHEET, built.spec.charts!);
    zip = await JSZip.loadAsync(out);
    sheetPath = await sheetPartPath(zip, RATES_SHEET);
  });

  test('seven chart parts, one drawing, every part well-formed XML', async () => {
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(7);
    const drawings = Object.keys(zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(drawings).toHaveLength(1);
    for (const p of [...charts, ...drawings, sheetPath, '[Content_Types].xml', 'xl/drawings/_rels/drawing1.xml.rels']) {
      expect({ part: p, valid: XMLValidator.validate(await text(zip, p)) }).toEqual({ part: p, valid: true });
    }
  });

  test('content types override every new part', async () => {
    const ct = await text(zip, '[Content_Types].xml');
    for (let i = 1; i <= 7; i++) expect(ct).toContain(`<Override PartName="/xl/charts/chart${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    expect(ct).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
  });

  test('the worksheet has one <drawing r:id>, after pageMargins and before legacyDrawing (the notes)', async () => {
    const xml = await text(zip, sheetPath);
    const drawing = /<drawing r:id="(rId\d+)"\/>/.exec(xml)!;
    expect(drawing).toBeTruthy();
    expect(xml.match(/<drawing\b/g)).toHaveLength(1);
    const at = (tag: string) => xml.indexOf(`<${tag}`);
    expect(at('pageMargins')).toBeGreaterThan(0);
    expect(at('drawing')).toBeGreaterThan(at('pageMargins'));
    expect(at('legacyDrawing')).toBeGreaterThan(at('drawing'));
    const rels = await text(zip, sheetPath.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    expect(rels).toContain(`Id="${drawing[1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`);
  });

  test('each anchor sits where the ChartSpec says and points at its chart part', async () => {
    const drawing = await text(zip, 'xl/drawings/drawing1.xml');
    const rels = await text(zip, 'xl/drawings/_rels/drawing1.xml.rels');
    const anchors = [...drawing.matchAll(/<xdr:twoCellAnchor[\s\S]*?<\/xdr:twoCellAnchor>/g)].map((m) => m[0]);
    expect(anchors).toHaveLength(7);
    built.spec.charts!.forEach((c, i) => {
      const a = anchors[i];
      expect(a).toContain(`<xdr:from><xdr:col>${c.anchor.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.anchor.row}</xdr:row>`);
      expect(a).toContain(`<xdr:to><xdr:col>${c.anchor.col + c.anchor.cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.anchor.row + c.anchor.rows}</xdr:row>`);
      const rid = /<c:chart [^>]*r:id="(rId\d+)"/.exec(a)![1];
      expect(rels).toContain(`Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart${i + 1}.xml"`);
    });
    const ids = [...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('series reference the chart-data cells (quoted sheet, absolute) and cache their values', async () => {
    const sheetXml = await text(zip, sheetPath);
    const cells = readCellValues(sheetXml, await sharedStrings(zip));
    for (let i = 0; i < 7; i++) {
      const spec = built.spec.charts![i];
      const xml = await text(zip, `xl/charts/chart${i + 1}.xml`);
      expect(xml).toContain(spec.type === 'pie' ? '<c:pieChart>' : '<c:barChart><c:barDir val="col"/>');
      expect(xml).toContain(`<a:t>${spec.title}</a:t>`);
      const cat = parseA1(spec.categories)!;
      expect(xml).toContain(`<c:f>'执行率汇总'!$A$${cat.r0 + 1}:$A$${cat.r1 + 1}</c:f>`);
      const sers = [...xml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
      expect(sers).toHaveLength(spec.series.length);
      spec.series.forEach((s, k) => {
        const r = parseA1(s.values)!;
        const col = String.fromCharCode(65 + r.c0);
        expect(sers[k]).toContain(`<c:tx><c:v>${s.name}</c:v></c:tx>`);
        expect(sers[k]).toContain(`<c:f>'执行率汇总'!$${col}$${r.r0 + 1}:$${col}$${r.r1 + 1}</c:f>`);
        for (let row = r.r0; row <= r.r1; row++) {
          const label = cells.get(`A${row + 1}`);
          expect(sers[k]).toContain(`<c:pt idx="${row - r.r0}"><c:v>${label}</c:v></c:pt>`);
          const v = cells.get(`${col}${row + 1}`);
          if (typeof v === 'number') expect(sers[k]).toContain(`<c:pt idx="${row - r.r0}"><c:v>${v}</c:v></c:pt>`);
        }
      });
    }
    // Figure 1: 收入总计 2020 907.20 vs 2021 853.00, 支出总计 2021 853.00.
    const fig1 = await text(zip, 'xl/charts/chart1.xml');
    expect(fig1).toContain('<c:v>907.2</c:v>');
    expect(fig1).toContain('<c:v>853</c:v>');
    expect(fig1).toContain('<c:v>2020年</c:v>');
    // An empty last-year input draws no bar and no "0.00" label.
    expect(fig1).toContain('<c:numFmt formatCode="0.00;-0.00;;" sourceLinked="0"/>');
    // Figure 7: only the non-zero "三公" item (公务用车购置及运行维护费 5.00).
    const fig7 = await text(zip, 'xl/charts/chart7.xml');
    expect(fig7).toContain('<c:ptCount val="1"/>');
    expect(fig7).toContain('公务用车购置及运行维护费');
  });

  test('exceljs still loads the workbook, values intact', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(RATES_SHEET)!;
    const row = built.layout.rows.get('threePublicControl')! + 1;
    expect((ws.getCell(`E${row}`).value as { result: number }).result).toBe(1);
    expect(wb.worksheets.map((w) => w.name)).toContain('补充信息');
  });
});

async function sharedStrings(zip: JSZip): Promise<string[]> {
  const sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  return [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
}

describe('addCharts edge cases', () => {
  test('a sheet that already has a drawing (a picture) gets the charts in that drawing', async () => {
    const { built, saved } = await ratesWorkbook(true);
    const out = await addCharts(saved, RATES_SHEET, built.spec.charts!);
    const zip = await JSZip.loadAsync(out);
    const sheetPath = await sheetPartPath(zip, RATES_SHEET);
    const xml = await text(zip, sheetPath);
    expect(xml.match(/<drawing\b/g)).toHaveLength(1);
    const drawings = Object.keys(zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(drawings).toHaveLength(1);
    const drawing = await text(zip, drawings[0]);
    expect(drawing.match(/<xdr:pic>/g)).toHaveLength(1);
    expect(drawing.match(/<xdr:graphicFrame/g)).toHaveLength(7);
    expect(XMLValidator.validate(drawing)).toBe(true);
    const ids = [...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const rels = await text(zip, drawings[0].replace('drawings/', 'drawings/_rels/') + '.rels');
    expect(rels.match(/relationships\/image"/g)).toHaveLength(1);
    expect(rels.match(/relationships\/chart"/g)).toHaveLength(7);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
  });

  test('no charts: the bytes are returned unchanged', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await addCharts(bytes, RATES_SHEET, [])).toBe(bytes);
  });

  test('an unknown sheet is an error in Chinese', async () => {
    const { built, saved } = await ratesWorkbook();
    await expect(addCharts(saved, '不存在', built.spec.charts!)).rejects.toThrow(ChartWriteError);
    await expect(addCharts(saved, '不存在', built.spec.charts!)).rejects.toThrow('工作簿中没有名为“不存在”的工作表');
  });

  test('sheet names are quoted in c:f, apostrophes doubled, XML escaped', () => {
    const spec: ChartSpec = { type: 'bar', title: 'A & B', categories: 'A2:A3', series: [{ name: '<本年>', values: 'C2:C3' }], anchor: { row: 0, col: 0, rows: 5, cols: 5 } };
    const xml = chartXml("It's 表", spec, new Map<string, number | string>([['A2', 'x<y'], ['A3', 'z'], ['C2', 1.5], ['C3', -2]]), 10);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("<c:f>'It''s 表'!$A$2:$A$3</c:f>");
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain('<c:v>x&lt;y</c:v>');
    expect(xml).toContain('<c:tx><c:v>&lt;本年&gt;</c:v></c:tx>');
    expect(xml).toContain('<a:t>A &amp; B</a:t>');
    // A negative value: the axis is not forced to start at 0.
    expect(xml).not.toContain('<c:min val="0"/>');
  });

  test('<drawing> goes before tableParts / extLst when there is no legacyDrawing, and r: gets bound', () => {
    const xml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><pageMargins/><tableParts count="0"/><extLst/></worksheet>';
    const out = insertDrawingElement(xml, 'rId9');
    expect(out).toContain('<pageMargins/><drawing r:id="rId9"/><tableParts');
    expect(out).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
    expect(XMLValidator.validate(out)).toBe(true);
    const plain = insertDrawingElement('<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/></worksheet>', 'rId1');
    expect(plain).toBe('<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><drawing r:id="rId1"/></worksheet>');
  });
});
