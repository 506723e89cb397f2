import { formatWanyuan } from '../../../money/money';
import { ClaimCheck } from '../types';
import { baseVerdict } from '../base';

/** A change amount that is not this year − last year. */
export const check: ClaimCheck = {
  id: 'A-变动不符',
  title: '增减额有误',
  severity: '错误',
  description: '与上年相比的增减额与本年数 − 上年数（补充信息）不符。',
  kinds: ['change'],
  check(c, ctx) {
    const ch = ctx.F(`${ctx.subjectOf(c)}.change`);
    if (!ch || ch.fen === undefined || baseVerdict(c, ctx)) return undefined;
    const d = ch.fen;
    const expected = formatWanyuan(Math.abs(d));
    return {
      status: 'mismatch',
      basis: 'supplement',
      expected,
      finding: {
        message: `文中“${ctx.quote(c)}”与上年比较的增减额不符：${ch.how}，应写作“${d > 0 ? '增加' : '减少'}${expected}万元”。`,
        cells: ch.cells,
        expected: `${expected}万元`,
        actual: ctx.written(c),
        suggestion: `${d > 0 ? '增加' : '减少'}${expected}万元`,
      },
    };
  },
};
