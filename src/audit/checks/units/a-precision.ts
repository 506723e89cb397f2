import { FEN_PER_WANYUAN, roundFenTo } from '../../../money/money';
import { ClaimCheck } from '../types';
import { amountCalc } from '../base';

/** "9.7万元" for 9.72 万元: right at its own precision, but amounts carry two decimals. */
export const check: ClaimCheck = {
  id: 'A-精度',
  title: '金额少写小数',
  severity: '提示',
  description: '金额应保留两位小数；少写小数而四舍五入后与表相符的为提示。',
  kinds: ['amount', 'budget'],
  check(c, ctx) {
    const a = amountCalc(c, ctx);
    const t = c.token;
    if (!a || !t || a.text === a.fact.fen || t.unit === '元' || t.decimals >= 2) return undefined;
    if (roundFenTo(a.fact.fen, FEN_PER_WANYUAN / 10 ** t.decimals) !== a.text) return undefined;
    return {
      status: 'rounding',
      basis: ctx.basisOf(a.fact),
      expected: a.expected,
      finding: {
        message: `文中“${ctx.quote(c)}”少写了小数：${a.fact.label}为 ${a.expected} 万元，金额应保留两位小数，写作“${a.expected}万元”。`,
        cells: a.fact.cells,
        expected: `${a.expected}万元`,
        actual: ctx.written(c),
        suggestion: `${a.expected}万元`,
      },
    };
  },
};
