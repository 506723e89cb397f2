/**
 * One figure, one value in every output (issue 10). Over every fixture workbook and over in-memory accounts in 万元
 * and in 元, with 补充信息 empty and with every field filled:
 * - the 说明's facts and the 执行率汇总 (computeRates, and the sheet's formulas evaluated) state the same shares,
 *   completion rates and changes, from the same amounts;
 * - the chart data of the sheet are printed 万元 amounts the 说明 states too;
 * - the 补充信息 link of 机关运行经费 reads 表6 公用经费 in 万元;
 * - a workbook kept in 元 (amounts exact to 分) gives exactly the 说明 and the rates of the same accounts printed in
 *   万元 (the policy of money/rounding.ts: shares from the printed 万元 figures);
 * - the generated 说明, both forms, audited by 核对说明: 0 错误 and 0 未核对.
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { snapshotFromExcelJs } from '../src/adapters/exceljs/snapshotFromXlsx';
import { writeSheetSpec } from '../src/adapters/exceljs/writeSheetSpec';
import { auditNarrative } from '../src/audit';
import { linesToParagraphs } from '../src/audit/text';
import { readAccounts } from '../src/model/readAccounts';
import { Accounts } from '../src/model/types';
import { asPrinted, fenFromWanyuanNumber, fenToWanyuanNumber, ratioNumberPercentText } from '../src/money/rounding';
import { buildNarrative, narrativeText } from '../src/narrative/build';
import { NarrativeFacts, computeFacts } from '../src/narrative/facts';
import { COL, RATES_SHEET, RateResult, buildRates, computeRates } from '../src/rates';
import { allFigures } from '../src/rules/lines';
import { Supplement, buildSupplementSheet, emptySupplement, readSupplement } from '../src/supplement/sheet';
import { sheetCharts } from '../src/taskpane/charts/chartData';
import { SEED_SPECS } from './fixtures/specs';
import { Evaluator, colName } from './formulaEvaluator';
import { fullSupplement } from './fullSupplement';
import { accountsFromSpec, readableFixtureNames } from './narrativeSupport';

jest.setTimeout(120000);

const XLSX = path.join(__dirname, 'fixtures', 'xlsx');
const FIXTURES = readableFixtureNames();

/** The fact a rate states (its percentage), and the facts of its numerator and denominator. */
function factOfRate(id: string): { pct: string; num?: string; den?: string; signed?: boolean } | undefined {
  const m = (re: RegExp) => re.exec(id);
  let x;
  if ((x = m(/^incomeShare\.(\w+)$/))) return { pct: `income.${x[1]}.share`, num: `income.${x[1]}`, den: 'income.total' };
  if ((x = m(/^expenditureShare\.general$/))) return { pct: 'general.share', num: 'general.total', den: 'expenditure.total' };
  if ((x = m(/^expenditureShare\.(\w+)$/))) return { pct: `expenditure.${x[1]}.share`, num: `expenditure.${x[1]}`, den: 'expenditure.total' };
  if ((x = m(/^generalClassShare\.(\d+)$/))) return { pct: `general.class.${x[1]}.share`, num: `general.class.${x[1]}`, den: 'general.total' };
  if ((x = m(/^threePublicShare\.(\w+)$/))) return { pct: `threePublic.${x[1]}.share`, num: `threePublic.${x[1]}`, den: 'threePublic.total' };
  if ((x = m(/^threePublicCompletion\.(\w+)$/))) return { pct: `threePublic.${x[1]}.completion`, num: `threePublic.${x[1]}`, den: `threePublic.${x[1]}.budget` };
  if (id === 'threePublicControl') return { pct: 'threePublic.total.completion', num: 'threePublic.total', den: 'threePublic.total.budget' };
  if ((x = m(/^itemBudgetCompletion\.(\d+)$/))) return { pct: `general.item.${x[1]}.completion`, num: `general.item.${x[1]}`, den: `general.item.${x[1]}.budget` };
  if (id === 'generalBudgetCompletion') return { pct: 'general.total.completion', num: 'general.total', den: 'general.total.budget' };
  if ((x = m(/^procurement\.(sme|small)$/))) return { pct: `procurement.${x[1]}.share`, num: `procurement.${x[1]}`, den: 'procurement.total' };
  const yoy: Record<string, string> = {
    'yoy.incomeGrandTotal': 'total.income',
    'yoy.expenditureGrandTotal': 'total.expenditure',
    'yoy.incomeTotal': 'income.total',
    'yoy.expenditureTotal': 'expenditure.total',
    'yoy.fiscalIncome': 'fiscal.income',
    'yoy.fiscalExpenditure': 'fiscal.expenditure',
    'yoy.general': 'general.total',
    'yoy.running': 'running.amount',
  };
  const base = yoy[id] ?? (m(/^yoy\.threePublic\.(\w+)$/) ? `threePublic.${id.slice(15)}` : undefined);
  if (base) return { pct: `${base}.changePct`, num: `${base}.change`, den: `${base}.last`, signed: true };
  return undefined;
}

/** Every rate that the 说明 also states: same percentage, same numerator and denominator. Returns the number compared. */
function compareRatesWithFacts(rates: RateResult[], f: NarrativeFacts, where: string): number {
  let compared = 0;
  const problems: string[] = [];
  for (const r of rates) {
    const map = factOfRate(r.id);
    if (!map || !r.percent) continue;
    const pct = f.facts[map.pct]?.percent;
    if (!pct) continue;
    compared++;
    const rateText = map.signed ? r.percent.text.replace(/^-/, '') : r.percent.text;
    if (rateText !== pct.text) problems.push(`${r.id}: 执行率汇总 ${r.percent.text}% vs 说明 ${pct.text}%`);
    const num = map.num ? f.facts[map.num]?.fen : undefined;
    if (num !== undefined && r.numerator.value !== num) problems.push(`${r.id}: 分子 ${r.numerator.value} vs 说明 ${num}`);
    const den = map.den ? f.facts[map.den]?.fen : undefined;
    if (den !== undefined && r.denominator.value !== den) problems.push(`${r.id}: 分母 ${r.denominator.value} vs 说明 ${den}`);
  }
  expect({ where, problems }).toEqual({ where, problems: [] });
  return compared;
}

/** Deterministic offset in (−0.005, 0.005) 万元 from a cell address: the same accounts, kept to the 分 in 元. */
function offsetOf(cell: string): number {
  let h = 0;
  for (const ch of cell) h = (h * 31 + ch.charCodeAt(0)) % 9973;
  return (h % 9999) - 4999;
}

/** The same accounts as a workbook in 元 exact to 分: every non-zero amount moved within its printed 0.01 万元. */
function inYuan(accounts: Accounts): Accounts {
  const a = structuredClone(accounts);
  for (const { figure } of allFigures(a)) {
    if (figure.fen === 0) continue;
    const moved = figure.fen + offsetOf(figure.cell);
    if (asPrinted(moved) !== asPrinted(figure.fen)) continue; // an amount near the edge keeps its 分
    figure.fen = moved;
    figure.halfWidth = 0.5;
  }
  for (const t of a.tables) t.unit = 'yuan';
  for (const id of ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'] as const) {
    const t = a[id];
    if (t) t.location.unit = 'yuan';
  }
  return a;
}

function auditOwnText(accounts: Accounts, sup: Supplement, form: 'sichuan' | 'shanghai') {
  const text = narrativeText(buildNarrative(accounts, sup, { form }));
  const r = auditNarrative({ paragraphs: linesToParagraphs(text) }, accounts, sup);
  return {
    text,
    errors: r.findings.filter((f) => f.severity === '错误').map((f) => `${f.rule} ${f.where} ${f.quote}: ${f.message}`),
    unplaced: r.unplaced.map((c) => `${c.where} ${c.quote}: ${c.reason ?? ''}`),
  };
}

describe('in-memory accounts: 万元 and the same accounts in 元 state the same figures everywhere', () => {
  for (const spec of SEED_SPECS) {
    for (const filled of [false, true]) {
      it(`${spec.id}, 补充信息 ${filled ? 'filled' : 'empty'}`, () => {
        const wan = accountsFromSpec(spec);
        const yuan = inYuan(wan);
        expect(allFigures(yuan).some((x) => asPrinted(x.figure.fen) !== x.figure.fen)).toBe(true);
        const supW = filled ? fullSupplement(wan) : emptySupplement();
        const supY = filled ? fullSupplement(yuan) : emptySupplement();
        const fw = computeFacts(wan, supW);
        const fy = computeFacts(yuan, supY);
        const rw = computeRates(wan, supW);
        const ry = computeRates(yuan, supY);
        // Rates of the 元 workbook = rates of the printed 万元 figures.
        expect(ry.map((r) => `${r.id} ${r.display}`)).toEqual(rw.map((r) => `${r.id} ${r.display}`));
        expect(compareRatesWithFacts(rw, fw, `${spec.id} 万元`)).toBeGreaterThan(10);
        expect(compareRatesWithFacts(ry, fy, `${spec.id} 元`)).toBeGreaterThan(10);
        for (const form of ['sichuan', 'shanghai'] as const) {
          const w = auditOwnText(wan, supW, form);
          const y = auditOwnText(yuan, supY, form);
          // The 说明 of the 元 workbook is word for word the 说明 of the printed figures.
          expect(y.text).toBe(w.text);
          expect({ form, errors: y.errors }).toEqual({ form, errors: [] });
          expect({ form, unplaced: y.unplaced }).toEqual({ form, unplaced: [] });
        }
        // The 机关运行经费 link reads 表6 公用经费 in 万元 (÷10000 from 元), equal to the 说明's 公用经费.
        for (const [acc, f] of [
          [wan, fw],
          [yuan, fy],
        ] as const) {
          const spec2 = buildSupplementSheet(acc);
          const row = spec2.rows.find((r) => r?.[5]?.kind === 'text' && r[5].text === 'running.amount')!;
          const cell = row[2]!;
          if (!acc.T6?.publicTotal) continue;
          expect(cell.kind).toBe('formula');
          if (cell.kind !== 'formula') continue;
          expect(cell.formula.includes('/10000')).toBe(acc.T6.location.unit === 'yuan');
          expect(cell.value).toBe(fenToWanyuanNumber(f.facts['basic.public'].fen!));
          expect(row[4]?.kind === 'text' && row[4].text).toMatch(/^仅为估计/);
        }
      });
    }
  }

  it('113 of 800 万元 is 14.13% in the 说明 and in the 执行率汇总, in 元 too', () => {
    const a = accountsFromSpec(SEED_SPECS[0]);
    const t7 = a.T7!;
    t7.actual.total!.fen = 1_130_000_000;
    t7.budget.total!.fen = 8_000_000_000;
    for (const acc of [a, inYuan(a)]) {
      const r = computeRates(acc, emptySupplement()).find((x) => x.id === 'threePublicControl')!;
      expect(r.display).toBe('14.13%');
      expect(computeFacts(acc, emptySupplement()).facts['threePublic.total.completion'].percent!.text).toBe('14.13');
    }
  });
});

describe('fixture workbooks: 说明, 执行率汇总 (formulas evaluated), charts, 补充信息 and 核对说明 agree', () => {
  it('covers the fixtures', () => expect(FIXTURES.length).toBeGreaterThan(10));
  for (const n of FIXTURES) {
    it(n, async () => {
      for (const filled of [false, true]) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(path.join(XLSX, `${n}.xlsx`));
        let accounts = readAccounts(snapshotFromExcelJs(wb, `${n}.xlsx`));
        // The 补充信息 sheet as the add-in writes it (with the 机关运行经费 link), filled or not, read back.
        const supSheet = writeSheetSpec(wb, buildSupplementSheet(accounts, filled ? fullSupplement(accounts) : emptySupplement()));
        // Amounts and counts typed in Excel are numbers (the helper gives them as text, which is kept as typed).
        supSheet.eachRow((row) => {
          const c = row.getCell(3);
          if (typeof c.value === 'string' && /^-?\d+(\.\d+)?$/.test(c.value)) c.value = Number(c.value);
        });
        const snap = snapshotFromExcelJs(wb, `${n}.xlsx`);
        accounts = readAccounts(snap);
        const sup = readSupplement(snap, accounts);
        const facts = computeFacts(accounts, sup);
        const built = buildRates(accounts, sup);
        compareRatesWithFacts(built.results, facts, `${n} ${filled ? 'filled' : 'empty'}`);

        // The 执行率汇总 as written, every result formula evaluated: the percentage the rates (and the 说明) state.
        writeSheetSpec(wb, built.spec);
        const ev = new Evaluator(wb, RATES_SHEET);
        const wrong: string[] = [];
        for (const r of built.results) {
          if (!r.percent) continue;
          const row = built.layout.rows.get(r.id)!;
          const v = ev.cellValue(RATES_SHEET, `${colName(COL.result)}${row + 1}`);
          if (typeof v !== 'number' || ratioNumberPercentText(v) !== r.display) wrong.push(`${r.id}: sheet ${String(v)} vs ${r.display}`);
          const num = ev.cellValue(RATES_SHEET, `${colName(COL.numerator)}${row + 1}`);
          if (r.numerator.unit === 'money' && (typeof num !== 'number' || fenFromWanyuanNumber(num) !== r.numerator.value)) wrong.push(`${r.id}: 分子 ${String(num)} vs ${r.numerator.value}`);
        }
        expect({ n, wrong }).toEqual({ n, wrong: [] });

        // Chart data: printed 万元 amounts, each one the 说明 states (this year's or last year's).
        const stated = new Set(Object.values(facts.facts).flatMap((f) => (f.fen !== undefined ? [f.fen] : [])));
        const notStated: string[] = [];
        for (const c of sheetCharts(built.spec))
          for (const s of c.series)
            s.values.forEach((v, i) => {
              if (v === null) return;
              const fen = fenFromWanyuanNumber(v);
              if (fen !== asPrinted(fen) || (fen !== 0 && !stated.has(fen))) notStated.push(`${c.title} ${s.name} ${c.categories[i]} ${v}`);
            });
        expect({ n, notStated }).toEqual({ n, notStated: [] });

        // The generated 说明 in both forms passes 核对说明: 0 错误, 0 未核对.
        for (const form of ['sichuan', 'shanghai'] as const) {
          const { errors, unplaced } = auditOwnText(accounts, sup, form);
          expect({ n, form, filled, errors }).toEqual({ n, form, filled, errors: [] });
          expect({ n, form, filled, unplaced }).toEqual({ n, form, filled, unplaced: [] });
        }
      }
    });
  }
});
