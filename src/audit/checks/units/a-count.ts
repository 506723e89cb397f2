import { ClaimCheck } from '../types';
import { baseVerdict } from '../base';

/** A count ("12人次") that is not the one in 补充信息. */
export const check: ClaimCheck = {
  id: 'A-数量不符',
  title: '数量不符',
  severity: '错误',
  description: '团组、人次、批次、车辆、项目个数等与补充信息不符。',
  kinds: ['count'],
  check(c, ctx) {
    const f = ctx.F(ctx.subjectOf(c));
    if (!f || f.number === undefined || baseVerdict(c, ctx)) return undefined;
    const unit = c.token!.unit;
    return {
      status: 'mismatch',
      basis: 'supplement',
      expected: String(f.number),
      finding: {
        message: `文中“${ctx.quote(c)}”与补充信息不符：${f.label}为 ${f.number}（${f.cells.join('、')}），应写作“${f.number}${unit}”。`,
        cells: f.cells,
        expected: `${f.number}${unit}`,
        actual: ctx.written(c),
        suggestion: `${f.number}${unit}`,
      },
    };
  },
};
