import { formatWanyuan } from '../../../money/money';
import { Claim } from '../../claims';
import { ClaimVerdict, TextCheck, TextFinding } from '../types';
import { sumBound } from '../numbers';
import { detailItems } from './detail';

/** A 类 amount of the structure paragraph that is neither the table's nor the sum of its 项 in the detail paragraphs. */
export const check: TextCheck = {
  id: 'A-类项不符',
  title: '类与所列各项之和不符',
  severity: '错误',
  description: '结构情况中某类的金额与具体情况中该类各项之和不符（且与表不符）。',
  check(ctx) {
    const findings: TextFinding[] = [];
    const verdicts: [Claim, ClaimVerdict][] = [];
    const detail = detailItems(ctx);
    if (!detail.length) return { findings };
    const byClass = new Map<string, Claim[]>();
    for (const d of detail) {
      const cls = ctx.subjectOf(d)!.slice('general.item.'.length, 'general.item.'.length + 3);
      (byClass.get(cls) ?? byClass.set(cls, []).get(cls)!).push(d);
    }
    for (const c of ctx.claims) {
      const s = ctx.subjectOf(c);
      if (c.kind !== 'amount' || !s?.startsWith('general.class.')) continue;
      const items = byClass.get(s.slice('general.class.'.length)) ?? [];
      if (!items.length) continue;
      const sum = items.reduce((t, i) => t + (i.fen ?? 0), 0);
      if (Math.abs(sum - (c.fen ?? 0)) <= sumBound(items.length)) continue;
      const f = ctx.F(s);
      if (f?.fen !== undefined && f.fen === c.fen) continue;
      const itemSum = ctx.F(`${s}.itemSum`);
      const tableText = f?.fen !== undefined ? `；表中该类为 ${formatWanyuan(f.fen)} 万元（${f.cells.join('、')}）` : '';
      const fix = f?.fen !== undefined ? f.fen : sum;
      findings.push({
        claims: [c],
        message:
          `文中“${ctx.quote(c)}”与具体情况中该类各项之和不符：所列各项合计 ${formatWanyuan(sum)} 万元（` +
          items.map((i) => `${i.sentence.where} ${formatWanyuan(i.fen ?? 0)}`).join(' + ') +
          `）${tableText}，应写作“${formatWanyuan(fix)}万元”，并相应改正占比。`,
        cells: [...(f?.cells ?? []), ...(itemSum?.cells ?? [])],
        expected: `${formatWanyuan(fix)}万元`,
        actual: ctx.written(c),
        suggestion: `${formatWanyuan(fix)}万元`,
      });
      verdicts.push([c, { status: 'mismatch', basis: 'table', expected: formatWanyuan(fix) }]);
    }
    return { findings, verdicts };
  },
};
