import { TextCheck, TextFinding } from '../types';

/** "2020年度部门决算" in the 说明 of a 2021 workbook: the year stated is not the tables' year. */
export const check: TextCheck = {
  id: 'A-年度不符',
  title: '决算年度与表不符',
  severity: '错误',
  description: '说明标题或正文写的决算年度（“XXXX年度部门决算”）与表中的年度不符。',
  check(ctx) {
    const findings: TextFinding[] = [];
    const Y = ctx.facts.year;
    if (!Y) return { findings };
    for (const { sentence: s } of ctx.sentences) {
      const re = /(\d{4})\s*年度?\s*(部门|单位)?(决算|预决算)(?!表)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s.norm))) {
        const y = Number(m[1]);
        if (y === Y || /(与|比|较|和|同|对比)\s*$/.test(s.norm.slice(Math.max(0, m.index - 3), m.index))) continue;
        // "2020年度决算数为…" may be last year's figure: only "部门/单位决算" or a title states the report year.
        if (!m[2] && s.norm.trim().length > 40) continue;
        const q = s.text.slice(m.index, m.index + m[0].length);
        findings.push({
          claims: [],
          sentence: s,
          quote: q,
          message: `文中“${q}”写的是${y}年，表中的决算年度为${Y}年（${ctx.facts.yearCells.join('、')}），应写作“${q.replace(String(y), String(Y))}”。`,
          cells: ctx.facts.yearCells,
          expected: `${Y}年`,
          actual: `${y}年`,
          suggestion: q.replace(String(y), String(Y)),
        });
      }
    }
    return { findings };
  },
};
