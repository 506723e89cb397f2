import { percent } from '../../../money/money';
import { ClaimCheck } from '../types';
import { completionCalc } from '../base';
import { shareDenominator } from '../context';
import { HALF, atHundredths, inRange } from '../numbers';

/** "完成预算14.11%" that is the item's share of the total, not 决算 ÷ 预算. */
export const check: ClaimCheck = {
  id: 'A-完成率为占比',
  title: '完成率写成占比',
  severity: '错误',
  description: '“完成预算X%”写的是占总数的比重，不是决算数 ÷ 预算数；没有预算数可核对时为警告。',
  kinds: ['completion'],
  check(c, ctx) {
    const base = ctx.subjectOf(c);
    if (!base) return undefined;
    const actual = ctx.F(base);
    const den = shareDenominator(ctx, base);
    if (actual?.fen === undefined || !den?.fen || !inRange(actual.fen, HALF, den.fen, HALF, c.percent!)) return undefined;
    const shareText = percent(actual.fen, den.fen, 2)!.text;
    const r = completionCalc(c, ctx);
    if (r) {
      if (r.within) return undefined;
      return {
        status: 'mismatch',
        basis: r.basis,
        expected: r.suggestion,
        finding: {
          message: `文中“${ctx.quote(c)}”写的是占${den.label}的比重（${shareText}%），不是完成预算的比例：${r.how} = ${r.exact.text}%，应写作“完成预算${r.suggestion}%”。`,
          cells: r.cells,
          expected: `${r.suggestion}%`,
          actual: ctx.written(c),
          suggestion: `完成预算${r.suggestion}%`,
        },
      };
    }
    if (ctx.G(`${base}.completion`)?.why === 'zeroBase' || atHundredths(c.percent!) === 10000n) return undefined;
    return {
      status: 'mismatch',
      basis: 'table',
      finding: {
        severity: '警告',
        message: `文中“${ctx.quote(c)}”与${actual.label}占${den.label}的比重（${shareText}%）相同，像是把占比写成了完成预算的比例；完成预算的比例应为决算数 ÷ 预算数（补充信息中没有该项预算数，无法算出）。`,
        cells: [...actual.cells, ...den.cells],
        actual: ctx.written(c),
      },
    };
  },
};
