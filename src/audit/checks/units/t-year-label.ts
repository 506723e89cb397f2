import { findTokens } from '../../tokens';
import { isComparisonYear } from '../../claims';
import { Sentence } from '../../text';
import { TextCheck, TextFinding } from '../types';

/** "2020年支出决算数为…" in a 2021 说明; "与2019年相比" in a 2021 说明. */
export const check: TextCheck = {
  id: 'A-年度标签',
  title: '年度写错',
  severity: '警告',
  description: '本年数字前写了其他年度，或与上年以外的年度比较。',
  check(ctx) {
    const Y = ctx.year;
    const findings: TextFinding[] = [];
    if (!Y) return { findings };
    const seen = new Set<number>();
    for (const c of ctx.claims) {
      if (!ctx.subjectOf(c) || !(c.kind === 'amount' || c.kind === 'budget' || c.kind === 'share')) continue;
      if (!c.yearLabel || c.yearLabel.year === Y || seen.has(c.sentence.index * 1000 + c.yearLabel.from)) continue;
      // Last year's own figure under last year's label is right; only this year's figure mislabelled is wrong.
      if (c.lastYear && ctx.F(ctx.subjectOf(c))?.fen !== c.fen) continue;
      seen.add(c.sentence.index * 1000 + c.yearLabel.from);
      const q = c.sentence.text.slice(c.yearLabel.from, c.to).trim();
      const fixed = q.replace(String(c.yearLabel.year), String(Y));
      findings.push({
        claims: [c],
        quote: q,
        message: `文中“${q}”的年度写成了${c.yearLabel.year}年，本说明是${Y}年度决算，应写作“${fixed}”。`,
        cells: ctx.facts.yearCells,
        expected: `${Y}年`,
        actual: `${c.yearLabel.year}年`,
        suggestion: fixed,
      });
    }
    const sentences = new Map<number, Sentence>();
    for (const c of ctx.claims) if (c.kind === 'change' || c.kind === 'changeRate' || c.kind === 'flat') sentences.set(c.sentence.index, c.sentence);
    for (const s of sentences.values()) {
      for (const t of findTokens(s.norm)) {
        if (t.kind !== 'year' || !isComparisonYear(s.norm, t)) continue;
        const y = Number(t.numText);
        if (y === Y - 1) continue;
        const claim = ctx.claims.find((c) => c.sentence === s)!;
        findings.push({
          claims: [claim],
          quote: s.text.slice(t.start, t.end).trim(),
          message: `文中“${s.text.slice(t.start, t.end + 4).trim()}”与${y}年比较，本说明是${Y}年度决算，应与${Y - 1}年比较（写作“与${Y - 1}年相比”）。`,
          cells: ctx.facts.yearCells,
          expected: `${Y - 1}年`,
          actual: `${y}年`,
          suggestion: `与${Y - 1}年相比`,
        });
      }
    }
    return { findings };
  },
};
