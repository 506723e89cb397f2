import { TextCheck, TextFinding } from '../types';
import { similarity } from '../../paths';

const SUFFIX = '(街道办事处|街道办事|街道办|办事处|人民政府|委员会|管理局|管理处|服务中心|中心|局|厅|院|所|站|馆|学校|医院|办公室|事务所)';

/** The unit written in a form that is neither its full name nor its short name ("西区陶家渡街道办事" for …办事处). */
export const check: TextCheck = {
  id: 'A-单位名称',
  title: '单位名称与表不符',
  severity: '警告',
  description: '说明中写的本单位名称与表（或补充信息）中的单位名称、简称不一致。',
  check(ctx) {
    const findings: TextFinding[] = [];
    const names = [ctx.facts.unitName, ctx.facts.displayName].filter((n): n is string => !!n && n.length >= 4);
    if (!names.length) return { findings };
    const seen = new Set<string>();
    const re = new RegExp(`[\\u4e00-\\u9fa5（）()]{2,24}?${SUFFIX}`, 'g');
    for (const { sentence: s } of ctx.sentences) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s.norm))) {
        let w = m[0];
        // Trim leading words that are not the name ("本单位", "我", "全").
        let start = -1;
        for (let i = 0; i + 2 <= w.length && start < 0; i++) if (names.some((n) => n.includes(w.slice(i, i + 2)))) start = i;
        if (start < 0) continue;
        w = w.slice(start);
        if (w.length < 4 || names.some((n) => w.includes(n))) continue;
        // Part of the name is fine ("西区玉泉街道办事处"), unless it stops one character short of the end ("…街道办事").
        const cut = names.find((n) => n.includes(w) && n.length - (n.indexOf(w) + w.length) === 1 && s.norm[m!.index + m![0].length] !== n[n.length - 1]);
        if (names.some((n) => n.includes(w)) && !cut) continue;
        // A cut name is completed in the form it was written (the short name stays short).
        const best = cut ? { n: w + cut[cut.length - 1], score: 1 } : names.map((n) => ({ n, score: similarity(w, n) })).sort((a, b) => b.score - a.score)[0];
        if (best.score < 0.75 || seen.has(w)) continue;
        // The written name must end where a unit name ends, within the full name's own wording.
        seen.add(w);
        const at = m.index + m[0].length - w.length;
        findings.push({
          claims: [],
          sentence: s,
          quote: s.text.slice(at, at + w.length),
          message: `文中单位名称“${w}”与表中的单位名称“${best.n}”不一致（${ctx.facts.unitCells.join('、') || '补充信息'}），应写作“${best.n}”。`,
          cells: ctx.facts.unitCells,
          expected: best.n,
          actual: w,
          suggestion: best.n,
        });
      }
    }
    return { findings };
  },
};
