import { TextCheck, TextFinding } from '../types';

const UPW = /增加|增长|上升|提高|新增|增资|扩大/;
const DOWNW = /减少|下降|降低|压减|缩减|节约|取消/;

/** "增加…，主要原因是…减少": a reason that points the other way. */
export const check: TextCheck = {
  id: 'A-原因方向',
  title: '原因与增减方向相反',
  severity: '警告',
  description: '增减的原因说的是相反方向（数字增加，原因却是减少，或反之）。',
  check(ctx) {
    const findings: TextFinding[] = [];
    const done = new Set<number>();
    for (const c of ctx.claims) {
      if (c.kind !== 'change' || c.inReason || !c.direction || done.has(c.sentence.index)) continue;
      const s = c.sentence;
      const rest = s.norm.slice(c.to);
      const m = /(主要)?(变动)?原因(是|为|:)?/.exec(rest);
      if (!m) continue;
      const reason = rest.slice(m.index + m[0].length).replace(/增减/g, '');
      const up = UPW.test(reason);
      const down = DOWNW.test(reason);
      if (!((c.direction === 'increase' && down && !up) || (c.direction === 'decrease' && up && !down))) continue;
      done.add(s.index);
      const q = s.text.slice(c.from).trim();
      findings.push({
        claims: [c],
        quote: q,
        message: `文中“${q}”前后矛盾：数字是${c.direction === 'increase' ? '增加' : '减少'}，原因却说的是${c.direction === 'increase' ? '减少' : '增加'}，请改写原因。`,
        cells: ctx.F(`${ctx.subjectOf(c)}.change`)?.cells ?? [],
      });
    }
    return { findings };
  },
};
