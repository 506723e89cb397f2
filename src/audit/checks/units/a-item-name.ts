import { formatWanyuan } from '../../../money/money';
import { ClaimCheck } from '../types';
import { amountCalc } from '../base';

/**
 * A 项 described under one name with exactly the amount of another 项 of the same table: the figures are
 * right, the 科目 named is not. Said as such — the amount is not "corrected" into the named 项's.
 */
export const check: ClaimCheck = {
  id: 'A-科目与数不符',
  title: '科目名称与数字所属科目不符',
  severity: '错误',
  description: '具体情况中某项的金额与所写科目不符，却恰是同表另一项级科目的决算数：指出数字所属的科目编码和名称，不改数字。',
  kinds: ['amount', 'budget'],
  check(c, ctx) {
    const a = amountCalc(c, ctx);
    if (!a || a.text === a.fact.fen || a.text === 0) return undefined;
    const m = /^(general|fund|capital)\.item\.(\d+)(\.budget)?$/.exec(a.subject);
    if (!m) return undefined;
    const [, table, code, budget] = m;
    const others = Object.values(ctx.facts.facts).filter((f) => {
      const k = new RegExp(`^${table}\\.item\\.(\\d+)${budget ? '\\.budget' : ''}$`).exec(f.key);
      return k && k[1] !== code && f.fen === a.text;
    });
    if (others.length !== 1) return undefined;
    const o = others[0];
    const otherCode = /\.item\.(\d+)/.exec(o.key)![1];
    const otherName = ctx.facts.names[otherCode] ?? '';
    const written = c.path?.segments.map((s) => s.name).join('/') ?? c.subjectText;
    return {
      status: 'mismatch',
      basis: 'table',
      expected: `${otherCode} ${otherName}`,
      finding: {
        message:
          `文中“${ctx.quote(c)}”的${formatWanyuan(a.text)}万元不是 ${code} ${ctx.facts.names[code] ?? ''} 的数（该项为 ${a.expected} 万元，${a.fact.cells.join('、')}），` +
          `而是 ${otherCode} ${otherName} 的${budget ? '预算数' : '决算数'}（${o.cells.join('、')}）：所写科目“${written}”与数字所属的科目不符，应改为“${otherName}（${otherCode}）”或核对数字。`,
        cells: [...o.cells, ...a.fact.cells],
        expected: `${otherCode} ${otherName}`,
        actual: written,
        suggestion: otherName,
      },
    };
  },
};
