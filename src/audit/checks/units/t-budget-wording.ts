import { TextCheck, TextFinding } from '../types';
import { completionCalc } from '../base';
import { atHundredths } from '../numbers';

/** "决算数大于/小于预算数的原因" must agree with the completion rate. */
export const check: TextCheck = {
  id: 'A-预算差异方向',
  title: '大于/小于预算的说法与完成率相反',
  severity: '警告',
  description: '“决算数大于（小于）预算数”与完成预算的比例方向相反。',
  check(ctx) {
    const findings: TextFinding[] = [];
    for (const c of ctx.claims) {
      if (c.kind !== 'completion') continue;
      const n = c.sentence.norm;
      const more = /大于预算|超过预算|超预算/.test(n);
      const less = /小于预算|低于预算|未完成预算/.test(n);
      if (!more && !less) continue;
      const comp = ctx.F(`${ctx.subjectOf(c)}.completion`);
      const hundredths = comp?.percent && completionCalc(c, ctx) ? BigInt(comp.percent.hundredths) : atHundredths(c.percent!);
      if (!((more && hundredths < 10000n) || (less && hundredths > 10000n))) continue;
      findings.push({
        claims: [c],
        quote: c.sentence.text.trim(),
        message: `文中“${c.sentence.text.trim()}”前后矛盾：完成预算${Number(hundredths) / 100}%，决算数${hundredths < 10000n ? '小于' : '大于'}预算数，原因的表述却是“${more ? '大于' : '小于'}预算数”。`,
        cells: comp?.cells ?? [],
      });
    }
    return { findings };
  },
};
