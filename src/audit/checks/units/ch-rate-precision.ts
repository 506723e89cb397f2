import { ClaimCheck } from '../types';
import { acceptedVerdict, lacksDecimals, rateCalc } from '../base';
import { relativeGap } from '../numbers';

/** "下降18%" for 18.15%. */
export const check: ClaimCheck = {
  id: 'A-变动率精度',
  title: '增减幅度少写小数',
  severity: '提示',
  description: '增减幅度应保留两位小数；少写小数的为提示，相差5%以上的为警告。',
  kinds: ['changeRate'],
  check(c, ctx) {
    const r = rateCalc(c, ctx);
    if (!r || (r.factDirection && r.factDirection !== c.direction) || !lacksDecimals(r)) return undefined;
    return {
      ...acceptedVerdict(r),
      finding: {
        severity: relativeGap(r.p, r.exact.scaled) > 0.05 ? '警告' : '提示',
        message: `文中“${ctx.quote(c)}”只保留了${r.p.scale === 0 ? '整数' : `${r.p.scale}位小数`}：${r.how} = ${r.exact.text}%，百分比应保留两位小数，写作“${r.dirWord}${r.suggestion}%”。`,
        cells: r.cells,
        expected: `${r.suggestion}%`,
        actual: ctx.written(c),
        suggestion: `${r.dirWord}${r.suggestion}%`,
      },
    };
  },
};
