import { TextCheck, TextFinding } from '../types';

/** "增长13.95。": a percentage written without "%". */
export const check: TextCheck = {
  id: 'A-百分号',
  title: '百分比缺少%',
  severity: '警告',
  description: '增减幅度、占比、完成率后面漏写“%”。',
  check(ctx) {
    const findings: TextFinding[] = [];
    for (const c of ctx.claims) {
      if (!c.percent || !c.token || c.token.unit !== '') continue;
      findings.push({
        claims: [c],
        message: `文中“${ctx.quote(c)}”的百分比缺少“%”，应写作“${c.token.numText}%”。`,
        cells: ctx.F(ctx.subjectOf(c))?.cells ?? [],
        expected: `${c.token.numText}%`,
        actual: c.token.numText,
        suggestion: `${c.token.numText}%`,
      });
    }
    return { findings };
  },
};
