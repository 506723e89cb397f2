import { formatWanyuan } from '../../../money/money';
import { ClaimCheck } from '../types';
import { amountCalc } from '../base';
import { GRAND_TOTAL_PAIRS } from '../context';

/** 本年收入合计 given as 收入总计 (年初结转和结余 forgotten). */
export const check: ClaimCheck = {
  id: 'A-总计为合计',
  title: '总计写成合计',
  severity: '错误',
  description: '收入（支出）总计写成了本年收入（支出）合计：漏了年初结转和结余、年末结转和结余。',
  kinds: ['amount'],
  check(c, ctx) {
    const a = amountCalc(c, ctx);
    if (!a || a.text === a.fact.fen) return undefined;
    const pair = ctx.F(GRAND_TOTAL_PAIRS[a.subject]);
    if (!pair || pair.fen !== a.text) return undefined;
    const f = a.fact;
    return {
      status: 'mismatch',
      basis: ctx.basisOf(f),
      expected: a.expected,
      finding: {
        message:
          `文中“${ctx.quote(c)}”把${pair.label}（${formatWanyuan(pair.fen)}万元）当成了${f.label}：${f.label}应为 ${a.expected} 万元` +
          `（${f.cells.join('、')}），两者相差 ${formatWanyuan(Math.abs(f.fen - a.text))} 万元（年初结转和结余等）。依此计算的占比也要按正确的数改。`,
        cells: [...f.cells, ...pair.cells],
        expected: `${a.expected}万元`,
        actual: ctx.written(c),
        suggestion: `${a.expected}万元`,
      },
    };
  },
};
