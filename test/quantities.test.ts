/**
 * The catalogue of quantities (src/model/quantities.ts): keys are typed, 人员经费 / 公用经费 are defined once
 * (公用经费 = every 表6 类 except 301 and 303, a 312 line included), a missing source stays missing.
 */
import { yuquan2021 } from './fixtures/specs';
import { accountsFromSpec } from './narrativeSupport';
import { FactKey, QUANTITIES, basicPartOf, economicClassTerms, quantityFigure, tableWay } from '../src/model/quantities';
import { mainTotals } from '../src/model/mainTotals';
import { Accounts, Figure } from '../src/model/types';
import { computeFacts } from '../src/narrative/facts';
import { computeRates } from '../src/rates';
import { emptySupplement } from '../src/supplement/sheet';
import { wan } from '../src/money/money';

// Compile-time: a misspelt key is an error (tsc --noEmit checks test/ too).
// @ts-expect-error 'income.totl' is not a quantity
const misspelt: FactKey = 'income.totl';
const fine: FactKey[] = ['income.total', 'general.class.201.share', 'threePublic.reception.changePct', 'vehicles.fleet'];

function fig(cell: string, w: string): Figure {
  return { fen: wan(w), cell, sheet: cell.split('!')[0], row: 0, col: 0, raw: w, halfWidth: 5000, blank: false, fromText: false, hiddenPrecision: false, formula: false };
}

/** 表6 without its 合计 lines and with a 312 line: 公用经费 is 302 + 310 + 312. */
function with312(): Accounts {
  const a = accountsFromSpec(yuquan2021);
  const t6 = a.T6!;
  t6.personnelTotal = undefined;
  t6.publicTotal = undefined;
  t6.items = [
    { code: '301', name: '工资福利支出', nameCell: 'T6!B1', codeCell: 'T6!A1', value: fig('T6!C1', '500.00') },
    { code: '302', name: '商品和服务支出', nameCell: 'T6!B2', codeCell: 'T6!A2', value: fig('T6!C2', '20.34') },
    { code: '303', name: '对个人和家庭的补助', nameCell: 'T6!B3', codeCell: 'T6!A3', value: fig('T6!C3', '92.91') },
    { code: '310', name: '资本性支出', nameCell: 'T6!B4', codeCell: 'T6!A4', value: fig('T6!C4', '10.00') },
    { code: '312', name: '对企业补助', nameCell: 'T6!B5', codeCell: 'T6!A5', value: fig('T6!C5', '10.00') },
  ];
  return a;
}

describe('catalogue of quantities', () => {
  test('keys are typed', () => {
    expect(misspelt).toBe('income.totl');
    expect(fine.length).toBe(4);
    expect(Object.keys(QUANTITIES)).toContain('basic.public');
  });

  test('人员经费 = 301 + 303, 公用经费 = every other 类 (a 312 line counts): narrative and rates agree', () => {
    expect(basicPartOf('30101')).toBe('personnel');
    expect(basicPartOf('312')).toBe('public');
    const a = with312();
    expect(economicClassTerms(a.T6, 'public').map((c) => c.code)).toEqual(['302', '310', '312']);
    const facts = computeFacts(a, emptySupplement());
    expect(facts.facts['basic.public'].fen).toBe(wan('40.34'));
    expect(facts.facts['basic.personnel'].fen).toBe(wan('592.91'));
    const rates = computeRates(a, emptySupplement());
    const pub = rates.find((r) => r.id === 'basicShare.public')!;
    expect(pub.numerator.value).toBe(wan('40.34'));
    expect(pub.numerator.terms.map((t) => t.cells[0])).toEqual(['T6!C2', 'T6!C4', 'T6!C5']);
  });

  test('missing stays missing: no 表7, no "三公" figure, a gap and a not-computable rate, never 0', () => {
    const a = accountsFromSpec(yuquan2021);
    delete a.T7;
    expect(tableWay(a, QUANTITIES['threePublic.total'])).toBeUndefined();
    expect(quantityFigure(a, 'threePublic.total')).toBeUndefined();
    const facts = computeFacts(a, emptySupplement());
    expect(facts.facts['threePublic.total']).toBeUndefined();
    expect(facts.gaps['threePublic.total'].why).toBe('table');
    const r = computeRates(a, emptySupplement()).find((x) => x.id === 'threePublicControl')!;
    expect(r.status).toBe('not-computable');
    expect(r.reason).toMatch(/^缺少：/);
  });

  test('read\'s main totals resolve through the catalogue: a 表4 expenditure side with one amount column is its 合计', () => {
    const a = accountsFromSpec(yuquan2021);
    // One amount column per expenditure line (a 表4 without per-fund columns): the reader keys it "amount".
    for (const l of a.T4!.expenditure) l.values = { amount: l.values.total };
    const t4 = a.T4!.expenditure.find((l) => l.key === 'expenditureTotal')!.values.amount!;
    expect(quantityFigure(a, 'fiscal.expenditure', 'T4')).toBe(t4);
    const byKey = new Map(mainTotals(a).map((t) => [t.key, t]));
    expect(byKey.get('T4.expenditureTotal')?.figure).toBe(t4);
    expect(byKey.get('T4.expenditureTotal')?.label).toBe('财政拨款本年支出合计');
    // 表6 合计 lines are the lines the table prints, never a sum of its 类.
    const with6 = with312();
    expect(mainTotals(with6).filter((t) => t.table === 'T6')).toEqual([]);
    expect(quantityFigure(with6, 'basic.public', 'T6')).toBeUndefined();
  });
});
