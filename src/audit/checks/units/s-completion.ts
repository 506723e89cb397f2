import { formatWanyuan } from '../../../money/money';
import { ClaimCheck } from '../types';
import { baseVerdict, shareCalc } from '../base';
import { HALF, inRange } from '../numbers';

/** "占42%" that is the completion rate (决算 ÷ 预算), not the share. */
export const check: ClaimCheck = {
  id: 'A-占比为完成率',
  title: '占比写成完成率',
  severity: '错误',
  description: '“占X%”写的是完成预算的比例（决算数 ÷ 预算数），不是占比。',
  kinds: ['share'],
  check(c, ctx) {
    const s = shareCalc(c, ctx);
    if ('unplaced' in s || baseVerdict(c, ctx) || inRange(s.a, HALF, s.b, HALF, s.p)) return undefined;
    const comp = ctx.F(`${s.base}.completion`);
    const budget = ctx.F(`${s.base}.budget`);
    if (!comp || !budget?.fen || !inRange(s.a, HALF, budget.fen, HALF, s.p)) return undefined;
    return {
      status: 'mismatch',
      basis: s.basis,
      expected: s.suggestion,
      finding: {
        message: `文中“${ctx.quote(c)}”写的是完成预算的比例（${formatWanyuan(s.a)} ÷ 预算数 ${formatWanyuan(budget.fen)} = ${comp.percent?.text}%），不是占比：${s.baseFact?.label ?? ''}占${s.denLabel}的比重为 ${s.exact.text}%，应写作“占${s.suggestion}%”。`,
        cells: [...s.cells, ...budget.cells],
        expected: `${s.suggestion}%`,
        actual: ctx.written(c),
        suggestion: `占${s.suggestion}%`,
      },
    };
  },
};
