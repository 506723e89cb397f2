import { formatWanyuan } from '../../../money/money';
import { TextCheck, TextFinding } from '../types';

const PAIRS: [string, string, string][] = [
  ['total.income', 'total.expenditure', '收入总计与支出总计'],
  ['fiscal.grandTotal', 'fiscal.expenditureGrandTotal', '财政拨款收入总计与支出总计'],
];

/** "收入总计746.99万元、支出总计839.19万元": the two 总计 are equal by construction. */
export const check: TextCheck = {
  id: 'A-收支总计不等',
  title: '收支总计不相等',
  severity: '错误',
  description: '同一句中收入总计与支出总计（或财政拨款收入、支出总计）写成不同的数。',
  check(ctx) {
    const findings: TextFinding[] = [];
    for (const [inc, exp, what] of PAIRS) {
      for (const a of ctx.claims) {
        if (a.kind !== 'amount' || ctx.subjectOf(a) !== inc || !/总计/.test(a.subjectText)) continue;
        const b = ctx.claims.find((x) => x.kind === 'amount' && ctx.subjectOf(x) === exp && x.sentence === a.sentence && /总计/.test(x.subjectText));
        if (!b || a.fen === b.fen) continue;
        const fi = ctx.F(inc);
        const fe = ctx.F(exp);
        const q = a.sentence.text.slice(a.from, b.to).trim();
        findings.push({
          claims: [a, b],
          quote: q,
          message: `文中“${q}”${what}不相等（${formatWanyuan(a.fen!)} ≠ ${formatWanyuan(b.fen!)}）；${what}必然相等${fi?.fen !== undefined ? `，表中均为 ${formatWanyuan(fi.fen)} 万元` : ''}。常见原因是把本年收入合计、本年支出合计当成了总计（漏了年初、年末结转和结余）。`,
          cells: [...(fi?.cells ?? []), ...(fe?.cells ?? [])],
          expected: fi?.fen !== undefined ? `${formatWanyuan(fi.fen)}万元` : undefined,
        });
      }
    }
    return { findings };
  },
};
