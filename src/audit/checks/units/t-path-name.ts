import { TextCheck, TextFinding } from '../types';

/** Names written in the 科目 path that are not the catalogue's. */
export const check: TextCheck = {
  id: 'A-科目名称',
  title: '科目名称不规范',
  severity: '提示',
  description: '具体情况中写的科目名称与该编码的规范名称不一致。',
  check(ctx) {
    const findings: TextFinding[] = [];
    const seen = new Set<number>();
    for (const c of ctx.claims) {
      if (!c.path || seen.has(c.sentence.index)) continue;
      seen.add(c.sentence.index);
      // The figures belong to another 项 (A-科目与数不符 / A-款不符 say which): no "correction" toward the wrong code.
      if (ctx.claims.some((x) => x.sentence === c.sentence && ctx.verdictOf(x)?.status === 'mismatch' && /^\d{5,7}\s|（\d{2}）$/.test(ctx.verdictOf(x)?.expected ?? ''))) continue;
      for (const issue of c.path.nameIssues) {
        if (!issue.official) continue;
        findings.push({
          claims: [c],
          quote: issue.written,
          message: `文中科目名称“${issue.written}”与${issue.code}的科目名称“${issue.official}”不一致，应写作“${issue.official}”。`,
          cells: ctx.F(`general.item.${issue.code}`)?.cells ?? ctx.F(`general.class.${issue.code}`)?.cells ?? [],
          expected: issue.official,
          actual: issue.written,
          suggestion: issue.official,
        });
      }
    }
    return { findings };
  },
};
