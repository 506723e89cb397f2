import { formatWanyuan } from '../../../money/money';
import { ClaimCheck } from '../types';
import { baseVerdict, shareCalc } from '../base';
import { HALF, inRange } from '../numbers';
import { DENOMINATOR_SUSPECTS } from '../../vocabulary';

/** A share computed on another total (收入总计 for 本年收入合计 …). */
export const check: ClaimCheck = {
  id: 'A-占比分母',
  title: '占比分母不对',
  severity: '错误',
  description: '占比是按另一个总数（如收入总计、本年支出合计）算的，与本节应使用的分母不符。',
  kinds: ['share'],
  check(c, ctx) {
    const s = shareCalc(c, ctx);
    if ('unplaced' in s || baseVerdict(c, ctx) || inRange(s.a, HALF, s.b, HALF, s.p)) return undefined;
    const parentSubject = c.parent ? ctx.subjectOf(c.parent) : undefined;
    for (const k of [...DENOMINATOR_SUSPECTS, ...(parentSubject ? [parentSubject] : [])]) {
      if (k === s.denKey) continue;
      const alt = ctx.F(k);
      if (!alt?.fen || alt.fen === s.b || !inRange(s.a, HALF, alt.fen, HALF, s.p)) continue;
      return {
        status: 'mismatch',
        basis: s.basis,
        expected: s.suggestion,
        finding: {
          message: `文中“${ctx.quote(c)}”的占比是按${alt.label}（${formatWanyuan(alt.fen)}万元）计算的；占比应以${s.denLabel}（${formatWanyuan(s.b)}万元）为分母：${formatWanyuan(s.a)} ÷ ${formatWanyuan(s.b)} = ${s.exact.text}%，应写作“占${s.suggestion}%”。`,
          cells: [...s.cells, ...alt.cells],
          expected: `${s.suggestion}%`,
          actual: ctx.written(c),
          suggestion: `占${s.suggestion}%`,
        },
      };
    }
    return undefined;
  },
};
