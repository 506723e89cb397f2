import { ClaimCheck } from '../types';
import { acceptedVerdict, completionCalc, completionFromText, lacksDecimals } from '../base';
import { relativeGap } from '../numbers';

/** "完成预算86%" for 86.25%: right at its own precision, but percentages carry two decimals. */
export const check: ClaimCheck = {
  id: 'A-完成率精度',
  title: '完成率少写小数',
  severity: '提示',
  description: '完成预算的比例应保留两位小数；少写小数的为提示，相差5%以上的为警告。',
  kinds: ['completion'],
  check(c, ctx) {
    const r = completionCalc(c, ctx) ?? (ctx.G(`${ctx.subjectOf(c)}.completion`)?.why === 'zeroBase' ? undefined : completionFromText(c, ctx));
    if (!r || !lacksDecimals(r)) return undefined;
    return {
      ...acceptedVerdict(r, r.basis === 'text' ? '只核对了与同句的预算数、决算（执行）数是否一致。' : undefined),
      finding: {
        severity: relativeGap(r.p, r.exact.scaled) > 0.05 ? '警告' : '提示',
        message: `文中“${ctx.quote(c)}”只保留了${r.p.scale === 0 ? '整数' : `${r.p.scale}位小数`}：${r.how} = ${r.exact.text}%，百分比应保留两位小数，写作“完成预算${r.suggestion}%”。`,
        cells: r.cells,
        expected: `${r.suggestion}%`,
        actual: ctx.written(c),
        suggestion: `完成预算${r.suggestion}%`,
      },
    };
  },
};
