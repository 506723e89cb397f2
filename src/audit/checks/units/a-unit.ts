import { ClaimCheck } from '../types';
import { amountCalc, baseVerdict, yuanMeantWan } from '../base';

/** "853.00元" for 853.00 万元 (错误); "0元" or an amount without unit where 万元 is meant (提示). */
export const check: ClaimCheck = {
  id: 'A-单位',
  title: '金额单位',
  severity: '错误',
  description: '金额单位应为万元：写成“元”而数值恰是万元数的为错误；“0元”、漏写单位的为提示。',
  kinds: ['amount', 'budget', 'change'],
  check(c, ctx) {
    const t = c.token;
    if (!t) return undefined;
    const a = c.kind !== 'change' ? amountCalc(c, ctx) : undefined;
    if (a && a.text !== a.fact.fen && yuanMeantWan(c, a.fact)) {
      return {
        status: 'mismatch',
        basis: ctx.basisOf(a.fact),
        expected: a.expected,
        finding: {
          message: `文中“${ctx.quote(c)}”单位写成了“元”：${a.fact.label}为 ${a.expected} 万元，应写作“${a.expected}万元”。`,
          cells: a.fact.cells,
          expected: `${a.expected}万元`,
          actual: ctx.written(c),
          suggestion: `${a.expected}万元`,
        },
      };
    }
    if (t.unit !== '元' && t.unit !== '') return undefined;
    const base = baseVerdict(c, ctx);
    if (!base) return undefined;
    if (t.unit === '元' && (c.fen === 0 || base.status === 'ok')) {
      return {
        ...base,
        finding: { severity: '提示', message: `文中“${ctx.quote(c)}”的单位写成了“元”，本说明金额单位为万元，应写作“${t.numText}万元”。`, cells: [], expected: `${t.numText}万元`, actual: ctx.written(c), suggestion: `${t.numText}万元` },
      };
    }
    if (t.unit === '') {
      return {
        ...base,
        finding: {
          severity: '提示',
          message: `文中“${ctx.quote(c)}”缺少单位，应写作“${t.numText}万元”。`,
          cells: ctx.F(ctx.subjectOf(c))?.cells ?? [],
          expected: `${t.numText}万元`,
          actual: t.numText,
          suggestion: `${t.numText}万元`,
        },
      };
    }
    return undefined;
  },
};
