import { formatWanyuan } from '../../../money/money';
import { ClaimCheck } from '../types';
import { amountCalc } from '../base';
import { sumBound } from '../numbers';

/**
 * An amount 0.01 万元 (or a few) off a figure that is itself a sum of printed figures (财政拨款收入 = the three
 * 财政拨款 lines, 人员经费 + 公用经费 …): a rounding-class difference, a 尾差, not a mistake.
 */
export const check: ClaimCheck = {
  id: 'A-尾差',
  title: '与各项之和的尾差',
  severity: '提示',
  description: '金额与由若干印刷数相加得到的数相差不超过各数舍入范围（每项±0.005万元）：尾差，提示而非错误。',
  kinds: ['amount'],
  check(c, ctx) {
    const a = amountCalc(c, ctx);
    if (!a || a.text === a.fact.fen || c.token?.unit === '元') return undefined;
    const parts = a.fact.from.map((k) => ctx.F(k));
    if (parts.length < 2 || parts.some((p) => p?.fen === undefined)) return undefined;
    if (parts.reduce((s, p) => s + p!.fen!, 0) !== a.fact.fen) return undefined;
    const diff = Math.abs(a.text - a.fact.fen);
    if (diff > sumBound(parts.length) - 1) return undefined;
    return {
      status: 'rounding',
      basis: ctx.basisOf(a.fact),
      expected: a.expected,
      finding: {
        message: `文中“${ctx.quote(c)}”与${a.fact.label}（${a.fact.how}，合计 ${a.expected} 万元）相差 ${formatWanyuan(diff)} 万元，在各项四舍五入到0.01万元的范围内，是尾差；如需与各项之和一致可写作“${a.expected}万元”。`,
        cells: a.fact.cells,
        expected: `${a.expected}万元`,
        actual: ctx.written(c),
        suggestion: `${a.expected}万元`,
      },
    };
  },
};
