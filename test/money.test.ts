import { decimalFromNumber, divRound, formatWanyuan, formatYuan, parseDecimal, percent, roundToWanyuanCents, wan, decimalToFen } from '../src/money/money';
import { compareSum, halfWidthFen } from '../src/money/tolerance';

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
