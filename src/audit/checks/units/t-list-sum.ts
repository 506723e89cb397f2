import { TextCheck, TextFinding, ClaimVerdict } from '../types';
import { Claim } from '../../claims';
import { listGroups } from './lists';
import { sumBound } from '../numbers';

/**
 * "其中" parts that do not add up to their total. A difference within the rounding of the printed parts is
 * a 尾差 (提示); when every figure agrees with the tables / 补充信息 the text is faithful and the inputs
 * themselves do not add up (警告, pointing at their cells).
 */
export const check: TextCheck = {
  id: 'A-其中之和',
  title: '其中各项之和不等于总数',
  severity: '错误',
  description: '“其中”所列各项之和与总数不符；差额在印刷数的舍入范围内为提示（尾差）；文中各数都与表或补充信息相符时为警告（是输入本身不平）。',
  check(ctx) {
    const findings: TextFinding[] = [];
    const verdicts: [Claim, ClaimVerdict][] = [];
    const textChecked = (k: Claim) => {
      const v = ctx.verdictOf(k);
      if (!v || v.status === 'unplaced') verdicts.push([k, { status: 'text', basis: 'text', reason: `${v?.reason ?? ''}只核对了与同句其他数字是否一致。`.trim() }]);
    };
    for (const g of listGroups(ctx.claims)) {
      const p = g.parent;
      const all = [p, ...g.kids];
      if (g.kids.some((k) => g.val(k) > g.val(p))) continue; // A-前后矛盾
      if (g.kids.length < 2) {
        all.forEach(textChecked);
        continue;
      }
      if (all.some((k) => ctx.verdictOf(k)?.status === 'mismatch')) continue;
      const sum = g.kids.reduce((s, k) => s + g.val(k), 0);
      const diff = Math.abs(sum - g.val(p));
      if (diff === 0) {
        all.forEach(textChecked);
        continue;
      }
      const count = p.kind === 'count';
      const rounding = !count && diff <= sumBound(g.kids.length);
      const faithful = all.every((k) => ctx.verdictOf(k)?.status === 'ok' && ctx.verdictOf(k)?.basis !== 'text');
      const q = p.sentence.text.slice(p.from, g.kids[g.kids.length - 1].to).trim();
      const parts = `${g.kids.map((k) => g.fmt(g.val(k))).join(' + ')}`;
      const cells = all.flatMap((k) => ctx.F(ctx.subjectOf(k))?.cells ?? []);
      if (rounding) {
        // Figures that all agree with the tables carry the tables' own 尾差 (reported by 校验): nothing to say.
        if (faithful) {
          all.forEach(textChecked);
          continue;
        }
        findings.push({
          claims: [p],
          quote: q,
          severity: '提示',
          message: `文中“${ctx.quote(p)}”，其中所列各项合计 ${g.fmt(sum)}${g.unit}（${parts}），与总数相差 ${g.fmt(diff)}${g.unit}，在各数四舍五入到0.01万元的范围内，是尾差，不必调整。`,
          cells,
          expected: `${g.fmt(sum)}${g.unit}`,
          actual: ctx.written(p),
        });
        all.forEach(textChecked);
        continue;
      }
      if (faithful) {
        findings.push({
          claims: [p],
          quote: q,
          severity: '警告',
          message: `文中“${ctx.quote(p)}”与其中各项都与表或补充信息相符，但所列各项合计 ${g.fmt(sum)}${g.unit}（${parts}）不等于总数 ${g.fmt(g.val(p))}${g.unit}：请核对补充信息（或表）中这几个数本身。`,
          cells,
          expected: `${g.fmt(sum)}${g.unit}`,
          actual: ctx.written(p),
        });
        continue;
      }
      findings.push({
        claims: [p],
        quote: q,
        message: `文中“${ctx.quote(p)}”，其中所列各项合计 ${g.fmt(sum)}${g.unit}（${parts}），与总数 ${g.fmt(g.val(p))}${g.unit} 不符，请核对。`,
        cells: [...(ctx.F(ctx.subjectOf(p))?.cells ?? [])],
        expected: `${g.fmt(sum)}${g.unit}`,
        actual: ctx.written(p),
      });
      verdicts.push([p, { status: 'mismatch', basis: 'text' }]);
    }
    return { findings, verdicts };
  },
};
