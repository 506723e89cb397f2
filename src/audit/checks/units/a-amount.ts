import { formatWanyuan } from '../../../money/money';
import { ClaimCheck, Verdict } from '../types';
import { amountCalc, baseVerdict } from '../base';
import { sameValue } from '../context';
import { Claim } from '../../claims';
import { CheckContext } from '../types';

export function amountMismatch(c: Claim, ctx: CheckContext): Verdict | undefined {
  const a = amountCalc(c, ctx);
  if (!a || baseVerdict(c, ctx)) return undefined;
  const f = a.fact;
  const same = sameValue(ctx, a.text, a.subject);
  const hint = same ? `；文中的数与${same.label}（${formatWanyuan(same.fen!)}万元，${same.cells.join('、')}）相同，可能写错了项目` : '';
  return {
    status: 'mismatch',
    basis: ctx.basisOf(f),
    expected: a.expected,
    finding: {
      message: `文中“${ctx.quote(c)}”与${f.cells.some((x) => x.startsWith('补充信息')) ? '补充信息' : '表'}不符：${f.label}应为 ${a.expected} 万元（${f.cells.join('、')}），应写作“${a.expected}万元”${hint}。`,
      cells: [...f.cells, ...(same?.cells ?? [])],
      expected: `${a.expected}万元`,
      actual: ctx.written(c),
      suggestion: `${a.expected}万元`,
    },
  };
}

/** An amount that is not the table's (or 补充信息's). */
export const check: ClaimCheck = {
  id: 'A-金额不符',
  title: '金额与表不符',
  severity: '错误',
  description: '文中金额与表（或补充信息）中同一项目的数不符。',
  kinds: ['amount'],
  check: amountMismatch,
};
