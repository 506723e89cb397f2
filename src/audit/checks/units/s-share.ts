import { formatWanyuan } from '../../../money/money';
import { Claim } from '../../claims';
import { CheckContext, ClaimCheck } from '../types';
import { baseVerdict, shareCalc } from '../base';
import { HALF, atHundredths, inRange } from '../numbers';

/** The shares of the same section's list add up to exactly 100 (a sign of forcing). */
function sharesSumTo100(c: Claim, ctx: CheckContext): boolean {
  const peers = ctx.claims.filter((x) => x.kind === 'share' && x.section.where === c.section.where && x.section.kind === c.section.kind && !x.denominatorText);
  if (peers.length < 2) return false;
  let sum = 0n;
  for (const x of peers) sum += atHundredths(x.percent!);
  return sum === 10000n;
}

/** A share that is not the amount over its denominator. */
export const check: ClaimCheck = {
  id: 'A-占比不符',
  title: '占比有误',
  severity: '错误',
  description: '占比与金额 ÷ 分母不符；只差最后一位的为警告（常见于为凑足100%调整单项）。',
  kinds: ['share'],
  check(c, ctx) {
    const s = shareCalc(c, ctx);
    if ('unplaced' in s || baseVerdict(c, ctx) || (inRange(s.a, HALF, s.b, HALF, s.p) && s.p.scale >= 2)) return undefined;
    let note = '';
    if (c.of?.fen !== undefined && c.of.fen !== s.a && inRange(c.of.fen, HALF, s.b, HALF, s.p)) note = `（与文中写的金额 ${formatWanyuan(c.of.fen)} 万元相符，但该金额本身与表不符）`;
    const near = Math.abs(Number(atHundredths(s.p) - s.exact.scaled)) <= 1;
    const forced = near && sharesSumTo100(c, ctx) ? '；各项占比之和不必凑成100%，不要为此调整单项' : '';
    return {
      status: 'mismatch',
      basis: s.basis,
      expected: s.suggestion,
      finding: {
        severity: near ? '警告' : '错误',
        message: `文中“${ctx.quote(c)}”占比有误${note}：${formatWanyuan(s.a)} ÷ ${s.denLabel} ${formatWanyuan(s.b)} = ${s.exact.text}%，应写作“占${s.suggestion}%”${forced}。`,
        cells: s.cells,
        expected: `${s.suggestion}%`,
        actual: ctx.written(c),
        suggestion: `占${s.suggestion}%`,
      },
    };
  },
};
