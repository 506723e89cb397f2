import { formatWanyuan } from '../../../money/money';
import { Claim } from '../../claims';
import { ClaimVerdict, TextCheck, TextFinding } from '../types';
import { sumBound } from '../numbers';

const PARTS = ['procurement.goods', 'procurement.works', 'procurement.services'];

/**
 * 政府采购: 货物 + 工程 + 服务 must make the 采购支出总额, wherever the paragraph states them (a "其中" list in
 * the same sentence is checked by A-其中之和; this covers parts given in the next sentences).
 */
export const check: TextCheck = {
  id: 'A-采购构成',
  title: '政府采购各类之和不等于总额',
  severity: '错误',
  description: '政府采购货物、工程、服务支出之和与政府采购支出总额不符。',
  check(ctx) {
    const findings: TextFinding[] = [];
    const verdicts: [Claim, ClaimVerdict][] = [];
    const byParagraph = new Map<number, Claim[]>();
    for (const c of ctx.claims) {
      if (c.kind !== 'amount' || c.lastYear || c.inReason) continue;
      const s = ctx.subjectOf(c);
      if (s !== 'procurement.total' && !PARTS.includes(s ?? '')) continue;
      (byParagraph.get(c.sentence.paragraph) ?? byParagraph.set(c.sentence.paragraph, []).get(c.sentence.paragraph)!).push(c);
    }
    for (const list of byParagraph.values()) {
      const total = list.find((c) => ctx.subjectOf(c) === 'procurement.total');
      if (!total) continue;
      const parts = PARTS.map((k) => list.find((c) => ctx.subjectOf(c) === k && c.id > total.id)).filter((c): c is Claim => !!c);
      if (parts.length < 2) continue;
      if (parts.every((p) => p.parent === total)) continue; // A-其中之和
      if ([total, ...parts].some((c) => ctx.verdictOf(c)?.status === 'mismatch')) continue;
      const sum = parts.reduce((s, p) => s + (p.fen ?? 0), 0);
      const diff = Math.abs(sum - (total.fen ?? 0));
      if (diff <= sumBound(parts.length)) continue;
      const faithful = [total, ...parts].every((c) => ctx.verdictOf(c)?.status === 'ok' && ctx.verdictOf(c)?.basis !== 'text');
      findings.push({
        claims: [total],
        severity: faithful ? '警告' : undefined,
        message:
          `文中“${ctx.quote(total)}”与所列货物、工程、服务支出之和不符：${parts.map((p) => formatWanyuan(p.fen ?? 0)).join(' + ')} = ${formatWanyuan(sum)} 万元` +
          (faithful ? '；文中各数都与补充信息相符，请核对补充信息中这几个数本身。' : '，请核对总额或各类支出。'),
        cells: [total, ...parts].flatMap((c) => ctx.F(ctx.subjectOf(c))?.cells ?? []),
        expected: `${formatWanyuan(sum)}万元`,
        actual: ctx.written(total),
      });
      if (!faithful) verdicts.push([total, { status: 'mismatch', basis: 'text' }]);
    }
    return { findings, verdicts };
  },
};
