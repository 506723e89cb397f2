/**
 * Issue 5 执行率汇总, written and read back: a small evaluator for the formula subset the sheet emits
 * (quoted sheet references, + − * /, &, comparisons, SUM over ranges, IF / ISNUMBER / OR / AND / ROUND /
 * N / VALUE, string literals) recomputes every formula of the written workbook and checks it against the
 * cached value and against computeRates — for the seed workbooks and for every generated fixture file.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as fsSync from 'fs';
import * as path from 'path';
import { buildInto } from './fixtures/builder';
import { taojiadu2020, wujialing2022, yuquan2021 } from './fixtures/specs';
import { AccountsSpec } from './fixtures/specs/types';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { writeSheetSpec } from '../src/adapters/exceljs/writeSheetSpec';
import JSZip from 'jszip';
import { CellCache, addCharts, readCellValues, sheetPartPath } from '../src/adapters/exceljs/charts';
import { readAccounts } from '../src/model/readAccounts';
import { wan } from '../src/money/money';
import { parseA1, splitRef } from '../src/snapshot/address';
import { SupplementValue, buildSupplementSheet, emptySupplement, readSupplement } from '../src/supplement/sheet';
import { FIELD_BY_KEY } from '../src/supplement/fields';
import { COL, RATES_SHEET, RateResult, RatesSheet, buildRates } from '../src/rates';
import { Evaluator, colName, isErr } from './formulaEvaluator';

// ---------------------------------------------------------------------------------------------
// Building and checking a workbook
// ---------------------------------------------------------------------------------------------

type Filled = Record<string, string | number>;

async function roundTrip(wb: ExcelJS.Workbook, filled: Filled | undefined, source: string): Promise<{ built: RatesSheet; out: ExcelJS.Workbook; bytes: Uint8Array }> {
  let accounts = readAccounts(snapshotFromExcelJs(wb, source));
  if (filled) {
    const existing = emptySupplement();
    for (const [key, raw] of Object.entries(filled)) {
      const v: SupplementValue = { key, raw: String(raw), cell: '' };
      if (FIELD_BY_KEY.get(key)?.kind === 'count') v.number = Number(raw);
      else v.fen = wan(String(raw));
      existing.values.set(key, v);
      // Typed in Excel as a number: 补充信息 writes back what was typed (a number stays a number).
      existing.typed.set(key, { key, label: key, raw: String(raw), value: Number(raw), row: 0 });
    }
    writeSheetSpec(wb, buildSupplementSheet(accounts, existing));
  }
  const snap = snapshotFromExcelJs(wb, source);
  accounts = readAccounts(snap);
  const built = buildRates(accounts, readSupplement(snap, accounts));
  writeSheetSpec(wb, built.spec);
  const saved = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const bytes = await addCharts(saved, RATES_SHEET, built.spec.charts ?? []);
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return { built, out, bytes };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The cached values as stored in the sheet XML (exceljs reads a cached 0 back as undefined). */
async function cachedValues(bytes: Uint8Array): Promise<CellCache> {
  const zip = await JSZip.loadAsync(bytes);
  const sheetPath = await sheetPartPath(zip, RATES_SHEET);
  const strings: string[] = [];
  const sst = await zip.file('xl/sharedStrings.xml')?.async('string');
  for (const m of (sst ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)) strings.push([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
  return readCellValues(await zip.file(sheetPath)!.async('string'), strings);
}

/** Every formula on the sheet: evaluated = cached; every rate row: = computeRates. Returns counts. */
function checkSheet(built: RatesSheet, out: ExcelJS.Workbook, cached: CellCache): { formulas: number; rates: number } {
  const ws = out.getWorksheet(RATES_SHEET)!;
  const ev = new Evaluator(out, RATES_SHEET);
  let formulas = 0;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as unknown;
      if (typeof v === 'string') expect(v.startsWith('=')).toBe(false);
      if (v && typeof v === 'object' && 'formula' in (v as object)) {
        formulas++;
        const f = v as { formula: string };
        const got = ev.evaluate(f.formula, RATES_SHEET) ?? 0;
        const stored = cached.get(cell.address);
        expect(isErr(got)).toBe(false);
        if (typeof got === 'number') {
          if (typeof stored !== 'number' || !close(got, stored)) throw new Error(`${cell.address}: =${f.formula} gives ${got}, cached ${String(stored)}`);
        } else expect({ cell: cell.address, value: got }).toEqual({ cell: cell.address, value: stored });
      }
    });
  });
  for (const r of built.results) checkRate(r, built.layout.rows.get(r.id)!, ws, ev);
  return { formulas, rates: built.results.length };
}

function checkRate(r: RateResult, row: number, ws: ExcelJS.Worksheet, ev: Evaluator): void {
  const at = (c: number) => `${colName(c)}${row + 1}`;
  const val = (c: number) => ev.cellValue(RATES_SHEET, at(c));
  const cellOf = (c: number) => ws.getCell(at(c));
  expect(cellOf(COL.name).value).toBe(r.name);
  for (const [c, q] of [
    [COL.numerator, r.numerator],
    [COL.denominator, r.denominator],
  ] as const) {
    if (!q.formula) {
      expect(cellOf(c).value).toBe('（缺）');
      continue;
    }
    expect(cellOf(c).type).toBe(ExcelJS.ValueType.Formula);
    expect('=' + (cellOf(c).value as { formula: string }).formula).toBe(q.formula);
    // Every source cell of the quantity is referenced by its formula, sheet name quoted.
    for (const t of q.terms) for (const src of t.cells) {
      const s = splitRef(src)!;
      expect(q.formula).toContain(`'${s.sheet}'!${s.address}`);
    }
    const got = val(c) as number;
    if (q.value !== undefined) expect(close(got, q.unit === 'money' ? q.value / 1e6 : q.value)).toBe(true);
  }
  const result = val(COL.result);
  if (r.status === 'not-computable') {
    expect(result).toBe(r.reason);
  } else {
    expect(typeof result).toBe('number');
    const exact = (r.numerator.value as number) / (r.denominator.value as number);
    expect(close(result as number, exact)).toBe(true);
    expect(Math.abs((result as number) * 100 - Number(r.percent!.text))).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(cellOf(COL.result).numFmt).toBe('0.00%');
  }
  if (r.rule && r.numerator.formula && r.denominator.formula) expect(val(COL.conclusion)).toBe(r.conclusion);
  else expect(cellOf(COL.conclusion).value ?? '').toBe(r.conclusion);
  if (r.status === 'flagged') {
    expect((cellOf(COL.result).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((cellOf(COL.conclusion).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  }
}

// ---------------------------------------------------------------------------------------------

describe('formula evaluator', () => {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet("公开07表");
  a.getCell('A1').value = 5;
  a.getCell('B1').value = '—';
  a.getCell('C1').value = '2,940.05';
  const b = wb.addWorksheet("It's");
  b.getCell('A1').value = 2;
  const ev = new Evaluator(wb, '公开07表');
  test.each([
    ["='公开07表'!A1/'It''s'!A1", 2.5],
    ["=IF('公开07表'!D1=0,\"分母为0，无法计算\",1)", '分母为0，无法计算'],
    ["=N('公开07表'!B1)+VALUE('公开07表'!C1)", 2940.05],
    ["=SUM('公开07表'!A1:A3)*2-1", 9],
    ['=IF(ISNUMBER(\'公开07表\'!D1),1,"缺少：补充信息“编制数”")', '缺少：补充信息“编制数”'],
    ['=ROUND(1.00004*100-100,2)<=0', true],
    ['=ROUND(2.5,0)+ROUND(-2.5,0)', 0],
    ['=ROUND(0.125,2)', 0.13],
    ['=OR(ISNUMBER(\'公开07表\'!B1),ISNUMBER(\'公开07表\'!A1))', true],
    ['="a"&"b"', 'ab'],
    ['=-2*3+1', -5],
  ])('%s', (f, expected) => {
    expect(ev.evaluate(f, '公开07表')).toEqual(expected);
  });
  test('errors surface instead of being hidden', () => {
    expect(ev.evaluate("='公开07表'!A1/0", '公开07表')).toEqual({ error: '#DIV/0!' });
    expect(ev.evaluate("='公开07表'!B1+1", '公开07表')).toEqual({ error: '#VALUE!' });
  });
});

describe.each<[string, AccountsSpec, Filled]>([
  ['seed 001', yuquan2021, { 'staff.authorised': 40, 'staff.actual': 42, 'last.threePublic': '2.50', 'budget.publicFunds': '35.00', 'last.incomeGrandTotal': '907.20', 'itemBudget.2010301': '120.00' }],
  ['seed 002', taojiadu2020, { 'budget.adjusted': '900.00', 'last.carryOver': '92.87', 'last.fiscalIncome': '0' }],
  ['seed 003', wujialing2022, { 'procurement.total': '120.00', 'budget.procurement': '100.00', 'staff.actual': 30 }],
])('%s written and recomputed', (_, spec, filled) => {
  let ctx: Awaited<ReturnType<typeof roundTrip>>;
  beforeAll(async () => {
    ctx = await roundTrip(buildInto(spec, 'sichuan').workbook, filled, spec.id);
  });

  test('every formula recomputes to its cached value, every rate to computeRates', async () => {
    const { formulas, rates } = checkSheet(ctx.built, ctx.out, await cachedValues(ctx.bytes));
    expect(rates).toBeGreaterThan(40);
    expect(formulas).toBeGreaterThan(2 * rates);
  });

  test('header row and the live, wrapped 结果 formula', () => {
    const ws = ctx.out.getWorksheet(RATES_SHEET)!;
    const header = ctx.built.spec.rows.findIndex((r) => r[0]?.kind === 'text' && r[0].text === '指标');
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getRow(header + 1).getCell(c).value)).toEqual(['指标', '计算公式', '分子', '分母', '结果', '判断标准', '结论']);
    const row = ctx.built.layout.rows.get('threePublicControl')! + 1;
    expect((ws.getCell(`E${row}`).value as { formula: string }).formula).toBe(`IF(D${row}=0,"分母为0（“三公”经费预算数为0），无法计算",C${row}/D${row})`);
  });

  test('chart data cells are formulas on the source cells', () => {
    const ws = ctx.out.getWorksheet(RATES_SHEET)!;
    for (const block of ctx.built.layout.chartData) {
      for (const s of block.series) {
        const r = parseA1(s.values)!;
        for (let row = r.r0; row <= r.r1; row++) {
          const cell = ws.getCell(row + 1, r.c0 + 1);
          if (cell.value === null) continue; // an input that does not exist at all
          expect(cell.type).toBe(ExcelJS.ValueType.Formula);
          expect((cell.value as { formula: string }).formula).toMatch(/^('[^']+'!\$?[A-Z]+\$?\d+|N\(|VALUE\(|IF\()/);
        }
      }
    }
  });
});

describe('the sheet stays live', () => {
  test('emptying, zeroing and filling a 补充信息 input changes 结果 and 结论 as computeRates says', async () => {
    const { built, out } = await roundTrip(buildInto(yuquan2021, 'sichuan').workbook, { 'staff.authorised': 40, 'staff.actual': 42 }, 'x');
    const row = built.layout.rows.get('staffControl')! + 1;
    const supplementCell = built.results.find((r) => r.id === 'staffControl')!.denominator.terms[0].cells[0];
    const s = splitRef(supplementCell)!;
    const set = (v: number | null) => (out.getWorksheet(s.sheet)!.getCell(s.address).value = v);
    const read = (c: string) => new Evaluator(out, RATES_SHEET).cellValue(RATES_SHEET, `${c}${row}`);
    expect(read('E')).toBeCloseTo(1.05, 12);
    expect(read('G')).toBe('超编：在职人数超过编制数');
    set(null);
    expect(read('E')).toBe('缺少：补充信息“编制数”');
    expect(read('G')).toBe('—');
    set(0);
    expect(read('E')).toBe('分母为0（编制数为0），无法计算');
    set(50);
    expect(read('E')).toBeCloseTo(0.84, 12);
    expect(read('G')).toBe('符合：未超编');
  });

  test('both inputs empty: the text names both, as computeRates does', async () => {
    const { built, out } = await roundTrip(buildInto(yuquan2021, 'sichuan').workbook, {}, 'x');
    const r = built.results.find((x) => x.id === 'staffControl')!;
    expect(r.reason).toBe('缺少：补充信息“在职实有人数”、“编制数”');
    const row = built.layout.rows.get('staffControl')! + 1;
    expect(new Evaluator(out, RATES_SHEET).cellValue(RATES_SHEET, `E${row}`)).toBe(r.reason);
  });
});

// Every generated fixture workbook (test/fixtures/xlsx), with and without a 补充信息 sheet.
const XLSX_DIR = path.join(__dirname, 'fixtures', 'xlsx');
const fixtureFiles = (() => {
  try {
    return fsSync
      .readdirSync(XLSX_DIR)
      .filter((f: string) => f.endsWith('.xlsx') && !/not-xlsx|truncated/.test(f))
      .sort() as string[];
  } catch {
    return [] as string[];
  }
})();

(fixtureFiles.length ? describe : describe.skip)('fixture workbooks', () => {
  test.each(fixtureFiles.length ? fixtureFiles : ['none'])('%s', async (file) => {
    const bytes = await fs.readFile(path.join(XLSX_DIR, file));
    const load = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      return wb;
    };
    // Without a 补充信息 sheet for the big books (slow to write twice); with one for every book.
    if (/^large-/.test(file)) {
      const plain = await roundTrip(await load(), undefined, file);
      checkSheet(plain.built, plain.out, await cachedValues(plain.bytes));
      return;
    }
    const filled = await roundTrip(await load(), { 'last.threePublic': '3.00', 'budget.publicFunds': '40.00', 'staff.authorised': 10, 'staff.actual': 9 }, file);
    checkSheet(filled.built, filled.out, await cachedValues(filled.bytes));
    // Where the cells map says where the "三公" figures are, the rate points exactly there.
    const mapFile = path.join(XLSX_DIR, file.replace(/\.xlsx$/, '.cells.json'));
    const cells = JSON.parse(await fs.readFile(mapFile, 'utf8').catch(() => '{}')) as Record<string, string>;
    const control = filled.built.results.find((r) => r.id === 'threePublicControl')!;
    if (/yuan-text/.test(file)) {
      // Tables in 元 with numbers stored as text: VALUE(), ÷10000 and ROUND to 0.01 万元, so 分子/分母 are the
      // printed 万元 figures the 说明 divides (money/rounding.ts policy).
      expect(control.numerator.formula).toMatch(/^=ROUND\((VALUE\()?'[^']+'!\$?[A-Z]+\d+\)?\/10000,2\)$/);
    }
    if (cells['T7.actual.total'] && control.numerator.terms.length === 1) {
      expect(control.numerator.terms[0].cells).toEqual([cells['T7.actual.total']]);
      expect(control.denominator.terms[0].cells).toEqual([cells['T7.budget.total']]);
    }
  });
});
