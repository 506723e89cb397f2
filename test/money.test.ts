import { decimalFromNumber, divRound, formatWanyuan, formatYuan, parseDecimal, percent, roundToWanyuanCents, wan, decimalToFen } from '../src/money/money';
import {
  asPrinted,
  compareSum,
  fenFromNumberFast,
  fenFromWanyuanNumber,
  formatAmountIn,
  formatCellNumber,
  halfWidthFen,
  hundredthsPlainText,
  hundredthsText,
  percentHundredths,
  percentReading,
  percentValue,
  percentWithin,
  printedPercent,
  printedPercentScaled,
  ratioNumberPercentText,
  sharesOfWanyuanNumbers,
  stepFen,
  suggestedPercentText,
  verdictOf,
  wanyuanNumberText,
} from '../src/money/rounding';

describe('exact money', () => {
  test('parses text numbers exactly, with separators, full width and accounting negatives', () => {
    expect(parseDecimal('2,940.05')).toEqual({ digits: 294005n, scale: 2 });
    expect(parseDecimal('１２３．４５')).toEqual({ digits: 12345n, scale: 2 });
    expect(parseDecimal('(12.30)')).toEqual({ digits: -1230n, scale: 2 });
    expect(parseDecimal('1e-7')).toEqual({ digits: 1n, scale: 7 });
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  test('100.01 − 100 is exactly 0.01 万元 (floats would say 0.010000000000005116)', () => {
    expect(wan('100.01') - wan('100')).toBe(wan('0.01'));
    expect(formatWanyuan(wan(100.01) - wan(100))).toBe('0.01');
  });

  test('a float cell value is read through its shortest decimal form', () => {
    expect(decimalToFen(decimalFromNumber(843.28), 'wanyuan')).toEqual({ fen: 843_280_000, exact: true });
    expect(decimalToFen(decimalFromNumber(8432800.5), 'yuan')).toEqual({ fen: 843_280_050, exact: true });
    expect(decimalToFen(decimalFromNumber(0.1 + 0.2), 'wanyuan').fen).toBe(300_000);
  });

  test('rounds half away from zero, in one place', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(formatWanyuan(wan('853.005'))).toBe('853.01');
    expect(formatWanyuan(wan('853.0049'))).toBe('853.00');
    expect(roundToWanyuanCents(wan('0.125'))).toBe(wan('0.13'));
    expect(formatYuan(12345)).toBe('123.45');
  });

  test('percentages are exact and refuse a zero denominator', () => {
    expect(percent(wan('843.28'), wan('853.00'))?.text).toBe('98.86');
    expect(percent(wan('9.72'), wan('853.00'))?.text).toBe('1.14');
    expect(percent(wan('0.68'), wan('746.99'))?.text).toBe('0.09');
    expect(percent(wan(1), 0)).toBeNull();
  });
});

describe('rounding tolerance', () => {
  test('half-width of a 2-decimal 万元 figure is 0.005 万元; of a 元 figure half a 分', () => {
    expect(halfWidthFen('wanyuan', 2)).toBe(5000);
    expect(halfWidthFen('yuan', 2)).toBe(0.5);
  });

  const f = (s: string) => ({ fen: wan(s), halfWidth: 5000 });
  test('pass, 尾差 and error', () => {
    expect(compareSum(f('853.00'), [f('623.25'), f('229.75')]).verdict).toBe('pass');
    expect(compareSum(f('853.00'), [f('623.25'), f('229.76')]).verdict).toBe('rounding');
    expect(compareSum(f('853.00'), [f('623.25'), f('229.80')]).verdict).toBe('error');
  });

  test('the bound grows with the number of items: 20 items may honestly differ by 0.10', () => {
    const items = Array.from({ length: 20 }, () => f('1.00'));
    expect(compareSum(f('20.10'), items).verdict).toBe('rounding');
    expect(compareSum(f('20.11'), items).verdict).toBe('error');
  });
});

describe('one rounding and percent module (money/rounding.ts)', () => {
  test('113 of 800 万元 is 14.13% however it is reached (floats say 14.12)', () => {
    expect(percentValue(wan('113'), wan('800'))!.text).toBe('14.13');
    expect(printedPercent(wan('113'), wan('800'))!.text).toBe('14.13');
    expect(ratioNumberPercentText(113 / 800)).toBe('14.13%');
    expect(sharesOfWanyuanNumbers([113, 687])!.map((p) => p.text)).toEqual(['14.13', '85.88']);
    expect(formatCellNumber(113 / 800, 2, { percent: true })).toBe('14.13%');
  });

  test('shares are computed from the figures as printed in 万元 (a 元 workbook gives what a reader recomputes)', () => {
    // 39,584,951 元 of 100,000,040 元: printed 3958.50 and 10000.00 万元 → 39.59%; the raw 分 would say 39.58%.
    const a = wan('3958.4951');
    const b = wan('10000.004');
    expect(percentValue(a, b)!.text).toBe('39.58');
    expect(printedPercent(a, b)!.text).toBe('39.59');
    expect(printedPercentScaled(a, b)!.text).toBe('39.59');
    expect(asPrinted(a)).toBe(wan('3958.50'));
  });

  test('percent readings: whole percents without decimals, plain hundredths, suggested text', () => {
    expect(percentReading(percentValue(wan('42'), wan('100'))!)).toBe('42');
    expect(percentReading(percentValue(wan('-1'), wan('3'))!)).toBe('33.33');
    expect(hundredthsText(9830n)).toBe('98.30');
    expect(hundredthsPlainText(9830n)).toBe('98.3');
    expect(hundredthsPlainText(10000n)).toBe('100');
    expect(hundredthsText(-5)).toBe('-0.05');
    expect(suggestedPercentText(5000n, 1, 2)).toBe('50');
    expect(percentHundredths(parseDecimal('14.125')!)).toBe(1413n);
    expect(percentHundredths(parseDecimal('98.3')!)).toBe(9830n);
  });

  test('a written percentage within what rounded inputs allow', () => {
    // 113.00 / 800.00 with ±0.005 on each: 14.12 is not reachable from printed figures, 14.13 is.
    expect(percentWithin(wan('113'), 5000, wan('800'), 5000, parseDecimal('14.13')!)).toBe(true);
    expect(percentWithin(wan('113'), 5000, wan('800'), 5000, parseDecimal('14.10')!)).toBe(false);
  });

  test('amounts from sheet numbers and cells exactly', () => {
    expect(wanyuanNumberText(9.725)).toBe('9.73');
    expect(wanyuanNumberText(-0.001)).toBe('0.00');
    expect(fenFromWanyuanNumber(0.1 + 0.2)).toBe(300_000);
    expect(fenFromNumberFast(8432800.5, 'yuan')).toBe(843_280_050);
    expect(stepFen('wanyuan', 2)).toBe(10_000);
    expect(stepFen('yuan', 4)).toBe(1);
    expect(formatCellNumber(1234567.125, 2, { grouping: true })).toBe('1,234,567.13');
    expect(formatCellNumber(-0.004, 2)).toBe('0.00');
    expect(formatAmountIn(wan('1.5'), 'yuan')).toBe('15000.00');
    expect(verdictOf(0, 1)).toBe('pass');
    expect(compareSum({ fen: 10, halfWidth: 0.5 }, [{ fen: 15, halfWidth: 0.5 }, { fen: 5, halfWidth: 0.5, sign: -1 }]).verdict).toBe('pass');
  });
});
