import { formatWanyuan } from '../../../money/money';
import { ClaimCheck } from '../types';
import { shareCalc } from '../base';
import { HALF, atHundredths, inRange, relativeGap } from '../numbers';

/** "占0.1%" for 0.09%: right at its own precision, but shares carry two decimals. */
export const check: ClaimCheck = {
  id: 'A-占比精度',
  title: '占比少写小数',
  severity: '提示',
  description: '占比应保留两位小数；少写小数的为提示，与两位小数的值相差5%以上的为警告。',
  kinds: ['share'],
  check(c, ctx) {
    const s = shareCalc(c, ctx);
    if ('unplaced' in s || s.p.scale >= 2 || atHundredths(s.p) === s.exact.scaled || !inRange(s.a, HALF, s.b, HALF, s.p)) return undefined;
    return {
      status: s.basis === 'text' ? 'text' : 'rounding',
      basis: s.basis,
      expected: s.suggestion,
      finding: {
        severity: relativeGap(s.p, s.exact.scaled) > 0.05 ? '警告' : '提示',
        message: `文中“${ctx.quote(c)}”只保留了${s.p.scale === 0 ? '整数' : `${s.p.scale}位小数`}：${formatWanyuan(s.a)} ÷ ${s.denLabel} ${formatWanyuan(s.b)} = ${s.exact.text}%，占比应保留两位小数，写作“占${s.suggestion}%”。`,
        cells: s.cells,
        expected: `${s.suggestion}%`,
        actual: ctx.written(c),
        suggestion: `占${s.suggestion}%`,
      },
    };
  },
};
