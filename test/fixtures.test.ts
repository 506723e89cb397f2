/**
 * The fixture workbooks: specs are internally consistent (every relation of DOMAIN.md §3 within the
 * rounding bound, 尾差 only where a spec says so), the committed .xlsx/.cells.json exist and match a
 * fresh in-memory build, and every file opens with exceljs with each recorded cell holding its figure.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ALL_SPECS, large, taojiadu2020, wujialing2022, yuquan2021 } from './fixtures/specs';
import { ECONOMIC_NAMES } from './fixtures/specs/catalogue';
import { derive, Derived } from './fixtures/builder/derive';
import { checkRelations, threePublicPlausible } from './fixtures/builder/check';
import { cents } from './fixtures/builder/money';
import { FIXTURES, FixtureOutput } from './fixtures/builder/fixtures';
import { locate } from './fixtures/builder/damage';

const XLSX_DIR = path.join(__dirname, 'fixtures', 'xlsx');
const ROOT = path.join(__dirname, '..');

describe('fixture specs', () => {
  for (const spec of ALL_SPECS) {
    describe(spec.id, () => {
      const d = derive(spec);
      const rels = checkRelations(d);

      it('satisfies every relation of DOMAIN.md §3 within 0.005·(n+1) 万元', () => {
        const errors = rels.filter((r) => r.verdict === 'error').map((r) => `${r.name}: diff ${r.diff} > ${r.bound}`);
        expect(errors).toEqual([]);
        expect(rels.length).toBeGreaterThan(100);
      });

      it('has 尾差 only where the spec declares an override', () => {
        const roundings = rels.filter((r) => r.verdict === 'rounding');
        if (!spec.overrides) expect(roundings.map((r) => r.name)).toEqual([]);
        // Every override differs from its exact sum by at most one hundredth (a single 尾差).
        for (const [key, o] of Object.entries(spec.overrides ?? {})) {
          expect(d.overridden).toContain(key);
          expect(o.why.length).toBeGreaterThan(5);
        }
        // A rounding relation involves an override directly or a figure copied from one.
        const touched = new Set(d.overridden.map((k) => d.values[k]));
        for (const r of roundings) {
          const vals = [r.total, ...r.parts.map((p) => p.key)].map((k) => d.values[k]);
          expect(r.overridden.length > 0 || vals.some((v) => touched.has(v))).toBe(true);
        }
      });

      it('keeps "三公" 决算 within what T6 shows for 30212/30217/30231/31013', () => {
        expect(threePublicPlausible(d)).toBe(true);
      });

      it('documents its reconstruction decisions', () => {
        expect(spec.decisions.length).toBeGreaterThan(0);
      });
    });
  }

  const w = (d: Derived, key: string) => d.values[key];
  it('seed 001 玉泉 2021 matches the published figures', () => {
    const d = derive(yuquan2021);
    expect(w(d, 'T1.incomeTotal')).toBe(cents('853.00'));
    expect(w(d, 'T1.income.general')).toBe(cents('843.28'));
    expect(w(d, 'T1.income.gov')).toBe(cents('9.72'));
    expect(w(d, 'T1.expTotal')).toBe(cents('853.00'));
    expect(w(d, 'T3.total.basic')).toBe(cents('623.25'));
    expect(w(d, 'T3.total.project')).toBe(cents('229.76'));
    const classes: Record<string, string> = { '201': '642.25', '207': '5.74', '208': '27.71', '210': '16.56', '212': '118.33', '213': '5.00', '221': '27.69' };
    for (const [c, a] of Object.entries(classes)) expect([c, w(d, `T5.row.${c}.total`)]).toEqual([c, cents(a)]);
    expect(d.T5.rows.filter((r) => r.level === 'item')).toHaveLength(21);
    expect(d.T5.rows.find((r) => r.code === '2010302')!.name).toBe('一般行政管理事务');
    expect(w(d, 'T5.total.total')).toBe(cents('843.28'));
    expect(w(d, 'T6.personnelTotal')).toBe(cents('592.91'));
    expect(w(d, 'T6.publicTotal')).toBe(cents('30.34'));
    expect(w(d, 'T7.budget.total')).toBe(cents('5'));
    expect(w(d, 'T7.actual.vehicleRunning')).toBe(cents('5'));
    expect(w(d, 'T8.total.expTotal')).toBe(cents('9.72'));
    expect(w(d, 'T8.row.2296002.expProject')).toBe(cents('9.72'));
    expect(d.T9.rows).toHaveLength(0);
  });

  it('seed 002 陶家渡 2020 matches the published figures (with its real 尾差)', () => {
    const d = derive(taojiadu2020);
    expect(w(d, 'T5.total.total')).toBe(cents('814.37'));
    const itemSum = d.T5.rows.filter((r) => r.level === 'item').reduce((a, r) => a + r.v.total, 0);
    expect(itemSum).toBe(cents('814.36'));
    expect(w(d, 'T1.income.general')).toBe(cents('734.34'));
    expect(w(d, 'T1.income.gov')).toBe(cents('11.98'));
    expect(w(d, 'T1.income.other')).toBe(cents('0.68'));
    expect(w(d, 'T1.incomeTotal')).toBe(cents('746.99'));
    expect(w(d, 'T8.total.expTotal')).toBe(cents('24.82'));
    expect(w(d, 'T1.expTotal')).toBe(cents('839.19'));
    expect(w(d, 'T3.total.basic')).toBe(cents('692.39'));
    expect(w(d, 'T3.total.project')).toBe(cents('146.79'));
    expect(w(d, 'T1.incomeGrandTotal')).toBe(w(d, 'T1.expGrandTotal'));
    expect(w(d, 'T1.openingBalance')).toBeGreaterThan(0);
    expect(w(d, 'T6.personnelTotal')).toBe(cents('667.02'));
    expect(w(d, 'T6.publicTotal')).toBe(cents('25.37'));
    expect(w(d, 'T7.budget.total')).toBe(cents('2.50'));
    expect(w(d, 'T7.actual.total')).toBe(cents('1.05'));
    expect(w(d, 'T5.row.212.total')).toBe(cents('25.30'));
    expect(w(d, 'T5.row.213.total')).toBe(cents('3.76'));
    expect(d.nameOf('20805')).toBe('行政事业单位离退休');
  });

  it('seed 003 伍家岭 2022 matches the report figures', () => {
    const d = derive(wujialing2022);
    expect(w(d, 'T5.total.basic')).toBe(cents('2400.49'));
    expect(w(d, 'T5.total.project')).toBe(cents('2910.23'));
    expect(w(d, 'T8.total.expTotal')).toBe(cents('16'));
    expect(w(d, 'T9.total.expTotal')).toBe(cents('38.45'));
    expect(w(d, 'T3.total.total')).toBe(cents('5437.72'));
    const otherSpent = w(d, 'T3.total.total') - w(d, 'T5.total.total') - w(d, 'T8.total.expTotal') - w(d, 'T9.total.expTotal');
    expect(otherSpent).toBe(cents('72.55'));
  });

  it('the large spec has 500+ 项 across many 类 and 款', () => {
    const d = derive(large);
    const items = d.T3.rows.filter((r) => r.level === 'item');
    expect(items.length).toBeGreaterThanOrEqual(500);
    expect(d.T3.rows.filter((r) => r.level === 'class').length).toBeGreaterThanOrEqual(15);
    expect(d.T3.rows.filter((r) => r.level === 'kuan').length).toBeGreaterThanOrEqual(80);
    expect(d.T8.rows.length).toBeGreaterThan(0);
    expect(d.T9.rows.length).toBeGreaterThan(0);
  });
});

// ------------------------------------------------------------------------------------------------

type Read = number | { error: string };

/** Read a file for exceljs (its typings want an ArrayBuffer-backed Buffer). */
function loadBytes(file: string): ArrayBuffer {
  const b = fs.readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** A cell's amount in hundredths of 万元 (blank, "-", "—" → 0). */
function readAmount(cell: ExcelJS.Cell, unit: '万元' | '元'): Read {
  // exceljs drops a cached formula result of 0 from cell.value; cell.result keeps it.
  const raw: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (raw === null || raw === undefined) return 0;
  if (typeof raw === 'object' && raw !== null && 'error' in raw) return { error: String((raw as { error: unknown }).error) };
  if (typeof raw === 'number') {
    if (unit === '万元') return Math.round(raw * 100);
    const hundredths = raw / 100;
    if (!Number.isInteger(hundredths)) throw new Error(`${cell.address}: ${raw} 元 is not whole hundreds`);
    return hundredths;
  }
  const s = String(raw).trim();
  if (s === '' || s === '-' || s === '—') return 0;
  const m = /^(-)?([\d,]+)\.(\d\d)$/.exec(s);
  if (!m) throw new Error(`${cell.address}: unexpected amount text "${s}"`);
  const fen = (parseInt(m[2].replace(/,/g, ''), 10) * 100 + parseInt(m[3], 10)) * (m[1] ? -1 : 1);
  if (unit === '万元') return fen;
  if (fen % 10000 !== 0) throw new Error(`${cell.address}: ${s} 元 is not whole hundreds`);
  return fen / 10000;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  return v === null || v === undefined ? '' : String(v);
}

const META = /\.(title|unit|note|code|name)$|^meta\./;

describe('fixture files', () => {
  const outputs = new Map<string, FixtureOutput>();
  beforeAll(async () => {
    for (const f of FIXTURES) outputs.set(f.name, await f.make());
  });

  it('the README sample exists', () => {
    expect(fs.existsSync(path.join(ROOT, 'samples', '玉泉街道2021.xlsx'))).toBe(true);
  });

  it('cover the four layouts, the 13-table book, the large spec and every damaged variant', () => {
    const names = FIXTURES.map((f) => f.name);
    for (const l of ['sichuan', 'shanghai-onesheet', 'yuan-text', 'titled-sheets']) {
      for (const s of ['yuquan2021', 'taojiadu2020', 'wujialing2022', 'large']) expect(names).toContain(`${s}-${l}`);
    }
    for (const n of ['missing-T6', 'ref-error', 'not-xlsx', 'truncated', 'hidden-rows', 'formulas', 'broken-item', 'sichuan13']) expect(names).toContain(`yuquan2021-${n}`);
    expect(names).toContain('two-years');
  });

  for (const f of FIXTURES) {
    describe(f.name, () => {
      const file = path.join(XLSX_DIR, `${f.name}.xlsx`);
      const cellsFile = path.join(XLSX_DIR, `${f.name}.cells.json`);

      it('is committed with its cells map, and the map matches a fresh build', () => {
        expect(fs.existsSync(file)).toBe(true);
        expect(fs.existsSync(cellsFile)).toBe(true);
        const committed = JSON.parse(fs.readFileSync(cellsFile, 'utf8'));
        expect(committed).toEqual(outputs.get(f.name)!.cells);
      });

      if (f.unreadable) {
        it('does not open as a workbook', async () => {
          const wb = new ExcelJS.Workbook();
          await expect(wb.xlsx.load(loadBytes(file))).rejects.toBeTruthy();
        });
        return;
      }

      it('opens with exceljs and every recorded cell holds its figure', async () => {
        const out = outputs.get(f.name)!;
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(loadBytes(file));
        const problems: string[] = [];
        for (const { built, keyPrefix } of out.builds) {
          const d = built.derived;
          for (const [pkey, ref] of Object.entries(out.cells)) {
            if (!pkey.startsWith(keyPrefix)) continue;
            const key = pkey.slice(keyPrefix.length);
            const { ws, address } = locate(wb, ref);
            const cell = ws.getCell(address);
            if (META.test(key)) {
              const t = cellText(cell).replace(/[\n\u3000]/g, '').trim();
              const ok = checkMeta(key, t, d);
              if (!ok) problems.push(`${pkey} @ ${ref}: "${t}"`);
              continue;
            }
            const expected = out.changed[pkey] ?? d.values[key] ?? 0;
            const got = readAmount(cell, built.unit);
            if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${pkey} @ ${ref}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
          }
        }
        expect(problems.slice(0, 20)).toEqual([]);
        // The key figures are all there.
        for (const { built, keyPrefix } of out.builds) {
          const must = ['T1.incomeTotal', 'T1.expTotal', 'T1.incomeGrandTotal', 'T1.expGrandTotal', 'T2.total.total', 'T3.total.total', 'T4.incomeTotal', 'T4.expTotal.total', 'T5.total.total', 'T7.budget.total', 'T7.actual.total', 'T1.title', 'T1.unit', 'meta.unitName', 'meta.year'];
          if (f.name !== 'yuquan2021-missing-T6') must.push('T6.personnelTotal', 'T6.publicTotal');
          for (const r of built.derived.T5.rows) must.push(`T5.row.${r.code}.total`);
          for (const k of must) expect([k, out.cells[keyPrefix + k]]).toEqual([k, expect.any(String)]);
        }
        for (const key of out.hiddenKeys) {
          const { ws, address } = locate(wb, out.cells[key]);
          expect(ws.getRow(Number(ws.getCell(address).row)).hidden).toBe(true);
        }
      });
    });
  }

  it('missing-T6 has no 公开06表; two-years holds both years; 13-table books add differently titled tables', async () => {
    const load = async (name: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(loadBytes(path.join(XLSX_DIR, `${name}.xlsx`)));
      return wb;
    };
    expect((await load('yuquan2021-missing-T6')).worksheets.map((s) => s.name)).not.toContain('公开06表');
    const two = await load('two-years');
    expect(two.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['公开01表', '公开01表 (2)', '公开09表 (2)']));
    expect(two.getWorksheet('公开01表')!.getCell('A2').value).toBe('2021年度');
    expect(two.getWorksheet('公开01表 (2)')!.getCell('A2').value).toBe('2020年度');
    const b13 = await load('yuquan2021-sichuan13');
    expect(b13.worksheets.map((s) => s.name)).toEqual([...Array(13).keys()].map((i) => `公开${String(i + 1).padStart(2, '0')}表`));
    const nine = ['收入支出决算总表', '收入决算表', '支出决算表', '财政拨款收入支出决算总表', '一般公共预算财政拨款支出决算表', '一般公共预算财政拨款基本支出决算表', '一般公共预算财政拨款“三公”经费支出决算表', '政府性基金预算财政拨款收入支出决算表', '国有资本经营预算财政拨款支出决算表'];
    for (let i = 10; i <= 13; i++) expect(nine).not.toContain(b13.getWorksheet(`公开${i}表`)!.getCell('A1').value);
    const formulas = await load('yuquan2021-formulas');
    const t5 = formulas.getWorksheet('公开05表')!;
    expect(t5.getCell('C7').type).toBe(ExcelJS.ValueType.Formula);
    const t3 = formulas.getWorksheet('公开03表')!;
    expect(t3.getCell('D7').type).toBe(ExcelJS.ValueType.Formula);
    expect(t3.getCell('E7').value).toBe(229.76); // the typed 尾差 among formulas
  });
});

function checkMeta(key: string, t: string, d: Derived): boolean {
  if (key === 'meta.unitName') return t.includes(d.spec.unitName);
  if (key === 'meta.year') return t.includes(String(d.spec.year));
  if (key.endsWith('.title')) return /表/.test(t);
  if (key.endsWith('.unit')) return /单位：(万元|元)/.test(t);
  if (key.endsWith('.note')) return /没有|无/.test(t);
  const m = /^(T\d)\.(?:row|item)\.(\d+)\.(code|name)$/.exec(key);
  if (!m) return false;
  const [, table, code, what] = m;
  if (what === 'code') return t !== '' && code.endsWith(t);
  const name = table === 'T6' ? ECONOMIC_NAMES[code] : d.nameOf(code);
  return t === name;
}
