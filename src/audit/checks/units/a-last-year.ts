import { formatWanyuan } from '../../../money/money';
import { ClaimCheck } from '../types';

/**
 * An amount labelled as last year's ("上年支出为…", "2020年为…" in a 2021 说明) is compared with last year's
 * figure (补充信息), never with this year's. The same figure as this year's under last year's label is a wrong
 * label (A-年度标签), not a wrong amount.
 */
export const check: ClaimCheck = {
  id: 'A-上年数不符',
  title: '上年数不符',
  severity: '错误',
  description: '文中写的上年数与补充信息中的上年决算数不符。',
  kinds: ['amount'],
  check(c, ctx) {
    if (!c.lastYear) return undefined;
    const s = ctx.subjectOf(c);
    if (!s) return undefined;
    if (ctx.F(s)?.fen === c.fen) return undefined;
    const last = ctx.F(`${s}.last`);
    if (!last || last.fen === undefined) {
      return { status: 'unplaced', reason: `这是上年的数：${ctx.G(`${s}.last`)?.message ?? ctx.G(`${s}.change`)?.message ?? `补充信息中没有“${ctx.label(s)}”的上年数`}` };
    }
    const expected = formatWanyuan(last.fen);
    if (last.fen === c.fen) return { status: 'ok', basis: 'supplement', expected };
    return {
      status: 'mismatch',
      basis: 'supplement',
      expected,
      finding: {
        message: `文中“${ctx.quote(c)}”是上年的数，与补充信息不符：${last.label}为 ${expected} 万元（${last.cells.join('、')}），应写作“${expected}万元”。`,
        cells: last.cells,
        expected: `${expected}万元`,
        actual: ctx.written(c),
        suggestion: `${expected}万元`,
      },
    };
  },
};
