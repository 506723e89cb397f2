/**
 * End to end on a real .xlsx: the seed workbook built from its spec, the 补充信息 sheet added by
 * buildSupplementSheet and filled in like a user would, read back (readAccounts, readSupplement), the
 * narrative generated and written as the "决算说明" sheet; plus the .docx.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AccountsSpec, taojiadu2020, yuquan2021 } from './fixtures/specs';
import { SEED_001_SUPPLEMENT, SEED_002_SUPPLEMENT, accountsFromSpec, buildSpecWorkbook, itemBudgetsEqualToActual } from './narrativeSupport';
import { snapshotFromXlsx } from '../src/adapters/exceljs/snapshotFromXlsx';
import { writeSheetSpec } from '../src/adapters/exceljs/writeSheetSpec';
import { readAccounts } from '../src/model/readAccounts';
import { KEY_COL, SUPPLEMENT_SHEET, VALUE_COL, buildSupplementSheet, readSupplement, supplementFromValues } from '../src/supplement/sheet';
import {
  NARRATIVE_SHEET,
  allParagraphs,
  buildNarrative,
  buildNarrativeSheet,
  countPlaceholders,
  findParagraph,
  narrativeDocx,
  narrativeText,
  paragraphText,
} from '../src/narrative';
import { cellPlainText } from '../src/output/sheetSpec';

async function roundTrip(wb: ExcelJS.Workbook, name: string) {
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return snapshotFromXlsx(bytes, name);
}

describe('seed 001 workbook → 补充信息 → 决算说明', () => {
  test('the income sentence of the published text, from the real workbook and a filled 补充信息', async () => {
    const { workbook } = buildSpecWorkbook(yuquan2021);
    const accounts0 = readAccounts(await roundTrip(workbook, 'yuquan2021.xlsx'));
    writeSheetSpec(workbook, buildSupplementSheet(accounts0));
    // Type the seed's values into column C, row by row, as a user would.
    const ws = workbook.getWorksheet(SUPPLEMENT_SHEET)!;
    const typed = new Set<string>();
    ws.eachRow((row) => {
      const key = String(row.getCell(KEY_COL + 1).value ?? '');
      if (key in SEED_001_SUPPLEMENT) {
        const v = SEED_001_SUPPLEMENT[key];
        row.getCell(VALUE_COL + 1).value = typeof v === 'string' && /^[\d.]+$/.test(v) ? Number(v) : v;
        typed.add(key);
      }
    });
    expect([...typed].sort()).toEqual(Object.keys(SEED_001_SUPPLEMENT).sort());

    const snapshot = await roundTrip(workbook, 'yuquan2021.xlsx');
    const accounts = readAccounts(snapshot);
    const sup = readSupplement(snapshot, accounts);
    expect(sup.problems).toEqual([]);
    expect(sup.values.get('last.runningCost')).toMatchObject({ fen: 37_070_000 });
    expect(sup.values.get('last.runningCost')!.cell).toMatch(/^补充信息!C\d+$/);

    const n = buildNarrative(accounts, sup);
    const income = findParagraph(n, 'income.structure')!;
    expect(paragraphText(income)).toBe(
      '2021年本年收入合计853.00万元，其中：一般公共预算财政拨款收入843.28万元，占98.86%；政府性基金预算财政拨款收入9.72万元，占1.14%；国有资本经营预算财政拨款收入0万元，占0%；上级补助收入0万元，占0%；事业收入0万元，占0%；经营收入0万元，占0%；附属单位上缴收入0万元，占0%；其他收入0万元，占0%。',
    );
    // The figures point at the cells of 公开01表.
    expect(income.runs.find((r) => r.kind === 'figure' && r.fact === 'income.generalBudget')).toMatchObject({ cells: ['公开01表!C7'] });
    expect(paragraphText(findParagraph(n, 'general.total')!)).toBe(
      '2021年一般公共预算财政拨款支出843.28万元，占本年支出合计的98.86%。与2020年相比，一般公共预算财政拨款支出增加53.69万元，增长6.80%。主要变动原因是项目资金增加。',
    );
    expect(paragraphText(findParagraph(n, 'running')!)).toBe(
      '2021年，西区玉泉街道办事处机关运行经费支出30.34万元，比2020年减少6.73万元，下降18.15%。主要原因是人员经费减少。',
    );
    // A change's cells are the table's and the 补充信息's.
    const change = findParagraph(n, 'running')!.runs.find((r) => r.kind === 'figure' && r.fact === 'running.amount.change');
    expect(change && change.kind === 'figure' && change.cells.every((c) => /^补充信息!C\d+$/.test(c))).toBe(true);

    // The 决算说明 sheet, written and read back.
    const spec = buildNarrativeSheet(n);
    writeSheetSpec(workbook, spec);
    const back = await roundTrip(workbook, 'out.xlsx');
    const sheet = back.sheets.find((s) => s.name === NARRATIVE_SHEET)!;
    const colA = sheet.cells.map((row) => (row?.[0] ? String(row[0].v ?? '') : ''));
    expect(colA[0]).toBe('攀枝花市西区玉泉街道办事处2021年度部门决算情况说明');
    expect(colA).toContain('一、收入支出决算总体情况说明');
    expect(colA).toContain(paragraphText(income));
  });
});

describe('the real fixture workbooks (test/fixtures/xlsx): every layout gives the same 说明', () => {
  const dir = path.join(__dirname, 'fixtures', 'xlsx');
  const layouts = ['sichuan', 'sichuan13', 'shanghai-onesheet', 'yuan-text', 'titled-sheets'];
  const seeds: [AccountsSpec, Record<string, string | number>][] = [
    [yuquan2021, SEED_001_SUPPLEMENT],
    [taojiadu2020, SEED_002_SUPPLEMENT],
  ];
  const cases = seeds.flatMap(([spec, values]) =>
    layouts.filter((l) => fs.existsSync(path.join(dir, `${spec.id}-${l}.xlsx`))).map((l) => [spec.id, l, spec, values] as const),
  );
  test('the fixture workbooks of both seeds are all there', () => {
    expect(cases.map(([id, l]) => `${id}-${l}`)).toHaveLength(9); // 2 seeds × 4 layouts + 玉泉's 13-table book
  });

  test.each(cases)('%s %s', async (_id, layout, spec, values) => {
    const file = path.join(dir, `${spec.id}-${layout}.xlsx`);
    const cells: Record<string, string> = JSON.parse(fs.readFileSync(file.replace(/\.xlsx$/, '.cells.json'), 'utf8'));
    const accounts = readAccounts(await snapshotFromXlsx(new Uint8Array(fs.readFileSync(file)), path.basename(file)));
    const reference = accountsFromSpec(spec);
    const sup = supplementFromValues({ ...values, ...itemBudgetsEqualToActual(reference) });
    for (const form of ['sichuan', 'shanghai'] as const) {
      const want = allParagraphs(buildNarrative(reference, sup, { form })).map((p) => `${p.key}｜${paragraphText(p)}`);
      const got = allParagraphs(buildNarrative(accounts, sup, { form })).map((p) => `${p.key}｜${paragraphText(p)}`);
      expect(got).toEqual(want);
    }
    // The figures point at this layout's cells (元 layouts included: amounts are converted, cells kept).
    const n = buildNarrative(accounts, sup);
    const run = findParagraph(n, 'income.structure')!.runs.find((r) => r.kind === 'figure' && r.fact === 'income.generalBudget');
    expect(run).toMatchObject({ cells: [cells['T1.income.general']] });
  });
});

describe('the 决算说明 sheet and the .docx', () => {
  const accounts = accountsFromSpec(yuquan2021);
  const n = buildNarrative(accounts, supplementFromValues({}));

  test('one paragraph per row, headings styled, column A ~100 wide and wrapped, placeholders coloured', () => {
    const spec = buildNarrativeSheet(n);
    expect(spec.name).toBe('决算说明');
    expect(spec.columnWidths?.[0]).toBe(100);
    expect(spec.rows[0][0]).toMatchObject({ kind: 'text', style: 'title' });
    const headingRow = spec.rows.find((r) => r[0]?.kind === 'text' && r[0].text === '一、收入支出决算总体情况说明')!;
    expect(headingRow[0]).toMatchObject({ style: 'heading1' });
    const sub = spec.rows.find((r) => r[0]?.kind === 'text' && r[0].text === '（一）一般公共预算财政拨款支出决算总体情况')!;
    expect(sub[0]).toMatchObject({ style: 'heading2' });
    // A paragraph with a placeholder is rich text: the placeholder run has the placeholder style.
    const total = spec.rows.find((r) => cellPlainText(r[0]).startsWith('2021年度收入总计'))!;
    expect(total[0]!.kind).toBe('rich');
    if (total[0]!.kind === 'rich') {
      expect(total[0]!.runs.filter((r) => r.style === 'placeholder').map((r) => r.text)).toEqual([
        '【请填写：收、支总计比上年的增减额和增减幅度（或在补充信息中填写“上年收入总计”）】',
        '【请填写：收入支出总计变动的主要原因】',
      ]);
      expect(total[0]!.style).toBe('paragraph');
    }
    // Column B holds the source cells of the paragraph's figures.
    expect(cellPlainText(total[1])).toBe('公开01表!C36；公开01表!F36');
    // A paragraph without placeholders is plain wrapped text; every paragraph has its own row.
    const income = spec.rows.find((r) => cellPlainText(r[0]).startsWith('2021年本年收入合计'))!;
    expect(income[0]).toMatchObject({ kind: 'text', style: 'paragraph' });
    const paragraphs = n.sections.flatMap(function all(s): string[] {
      return [s.heading, ...s.paragraphs.map(paragraphText), ...s.children.flatMap(all)];
    });
    expect(spec.rows.slice(2).map((r) => cellPlainText(r[0]))).toEqual(paragraphs);
    expect(cellPlainText(spec.rows[1][0])).toContain(`共 ${countPlaceholders(n)} 处`);
  });

  test('narrativeText is the same text, one line per heading or paragraph', () => {
    const t = narrativeText(n);
    const lines = t.trimEnd().split('\n');
    expect(lines[0]).toBe(n.title);
    expect(lines[1]).toBe('一、收入支出决算总体情况说明');
    expect(lines).toContain('本年度没有国有资本经营预算财政拨款收入和支出。');
    expect(t).not.toMatch(/undefined|NaN|\d,\d{3}/);
  });

  test('narrativeDocx: a .docx (docx library) with heading styles, the paragraphs, and placeholders marked', async () => {
    const bytes = await narrativeDocx(n);
    const zip = await JSZip.loadAsync(bytes);
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/styles.xml']) {
      expect(zip.file(part)).not.toBeNull();
    }
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">' + n.title + '</w:t></w:r>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">一、收入支出决算总体情况说明</w:t></w:r>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toMatch(/<w:color w:val="C00000"\/><w:highlight w:val="yellow"\/>(<w:highlightCs w:val="yellow"\/>)?<\/w:rPr><w:t xml:space="preserve">【请填写：收入支出总计变动的主要原因】/);
    expect(xml).toContain('占98.86%');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('仿宋_GB2312');
    // The audit reads the same file back to the same text.
    const { readNarrativeFile } = await import('../src/audit/text');
    const back = (await readNarrativeFile(bytes, '说明.docx')).paragraphs.map((p) => p.text);
    expect(back).toContain('一、收入支出决算总体情况说明');
    expect(back.some((t) => t.includes('占98.86%'))).toBe(true);
  });
});
