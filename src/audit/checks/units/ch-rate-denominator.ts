import { formatWanyuan } from '../../../money/money';
import { Claim } from '../../claims';
import { CheckContext, ClaimCheck, Verdict } from '../types';
import { rateCalc } from '../base';

export function rateMismatch(c: Claim, ctx: CheckContext, onCurrent: boolean): Verdict | undefined {
  const r = rateCalc(c, ctx);
  if (!r || r.within || r.onCurrent !== onCurrent || (r.factDirection && r.factDirection !== c.direction)) return undefined;
  const exp = `${r.dirWord}${r.suggestion}%`;
  const d = r.derived;
  const arithmetic = d
    ? `上年 = ${formatWanyuan(d.current)} ${d.sign} ${formatWanyuan(d.change)} = ${formatWanyuan(d.last)} 万元，${formatWanyuan(d.change)} ÷ ${formatWanyuan(d.last)} = ${r.exact.text}%`
    : `${r.how} = ${r.exact.text}%`;
  const message = onCurrent
    ? `文中“${ctx.quote(c)}”的幅度是用本年数${d ? `（${formatWanyuan(d.current)}万元）` : ''}作分母算的；增减幅度应以上年数为分母：${arithmetic}，应写作“${exp}”。`
    : d
      ? `文中“${ctx.quote(c)}”与同段的增减额不符：${arithmetic}，应写作“${exp}”。`
      : `文中“${ctx.quote(c)}”增减幅度有误：${arithmetic}，应写作“${exp}”。`;
  return {
    status: 'mismatch',
    basis: r.basis,
    expected: r.suggestion,
    finding: {
      quote: d && c.pair && c.pair.sentence === c.sentence ? c.sentence.text.slice(c.pair.from, c.to).trim() : undefined,
      message,
      cells: r.cells,
      expected: exp,
      actual: ctx.written(c),
      suggestion: exp,
    },
  };
}

/** A change rate divided by this year's amount instead of last year's. */
export const check: ClaimCheck = {
  id: 'A-变动率分母',
  title: '增减幅度分母不对',
  severity: '错误',
  description: '增减幅度是用本年数作分母算的；应以上年数为分母。',
  kinds: ['changeRate'],
  check: (c, ctx) => rateMismatch(c, ctx, true),
};
