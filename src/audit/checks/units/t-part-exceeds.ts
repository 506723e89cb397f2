import { TextCheck, TextFinding, ClaimVerdict } from '../types';
import { Claim } from '../../claims';
import { listGroups } from './lists';

/** A part of a "其中" list larger than its total. */
export const check: TextCheck = {
  id: 'A-前后矛盾',
  title: '其中一项大于总数',
  severity: '错误',
  description: '“其中”所列的一项大于它所属的总数。',
  check(ctx) {
    const findings: TextFinding[] = [];
    const verdicts: [Claim, ClaimVerdict][] = [];
    for (const g of listGroups(ctx.claims)) {
      const p = g.parent;
      const big = g.kids.find((k) => g.val(k) > g.val(p));
      if (!big) continue;
      findings.push({
        claims: [big],
        quote: p.sentence.text.slice(p.from, g.kids[g.kids.length - 1].to).trim(),
        message: `文中“${ctx.quote(big)}”大于它所属的“${ctx.quote(p)}”，前后矛盾：其中一项不能大于总额，请核对这两个数${g.kids.length > 1 ? `（所列各项合计 ${g.fmt(g.kids.reduce((s, k) => s + g.val(k), 0))}${g.unit}）` : ''}。`,
        cells: [...(ctx.F(ctx.subjectOf(p))?.cells ?? []), ...(ctx.F(ctx.subjectOf(big))?.cells ?? [])],
        actual: ctx.written(big),
      });
      verdicts.push([big, { status: 'mismatch', basis: 'text' }]);
    }
    return { findings, verdicts };
  },
};
