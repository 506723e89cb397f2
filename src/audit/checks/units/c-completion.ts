import { ClaimCheck } from '../types';
import { completionCalc, completionFromText } from '../base';

/** A completion rate that is not 决算 ÷ 预算 (of the tables and 补充信息, or of the same sentence). */
export const check: ClaimCheck = {
  id: 'A-完成率不符',
  title: '完成率有误',
  severity: '错误',
  description: '完成预算的比例与决算数 ÷ 预算数不符。',
  kinds: ['completion'],
  check(c, ctx) {
    const calc = completionCalc(c, ctx);
    const r = calc ?? (ctx.G(`${ctx.subjectOf(c)}.completion`)?.why === 'zeroBase' ? undefined : completionFromText(c, ctx));
    if (!r || r.within) return undefined;
    return {
      status: 'mismatch',
      basis: r.basis,
      expected: r.suggestion,
      finding: {
        message: calc
          ? `文中“${ctx.quote(c)}”有误：${r.how} = ${r.exact.text}%，应写作“完成预算${r.suggestion}%”。`
          : `文中“${ctx.quote(c)}”与同句的数字不符：${r.how} = ${r.exact.text}%，应写作“完成预算${r.suggestion}%”。`,
        cells: r.cells,
        expected: `${r.suggestion}%`,
        actual: ctx.written(c),
        suggestion: `完成预算${r.suggestion}%`,
      },
    };
  },
};
