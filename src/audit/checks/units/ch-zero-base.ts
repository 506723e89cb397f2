import { formatWanyuan } from '../../../money/money';
import { ClaimCheck } from '../types';
import { textValue } from '../context';

/** "增长100%" on a last year of 0 (补充信息, or this year = the increase the text states): no rate exists. */
export const check: ClaimCheck = {
  id: 'A-变动率',
  title: '上年为0却写增减幅度',
  severity: '警告',
  description: '上年数为0时不计算增减幅度（补充信息中上年为0，或文中增加额等于本年数）。',
  kinds: ['changeRate'],
  check(c, ctx) {
    const base = ctx.subjectOf(c);
    if (!base) return undefined;
    const last = ctx.F(`${base}.last`);
    if (ctx.G(`${base}.changePct`)?.why === 'zeroBase' && last && last.fen === 0) {
      return {
        status: 'mismatch',
        basis: 'supplement',
        finding: {
          message: `文中“${ctx.quote(c)}”：上年数为0（${last.cells.join('、')}），不计算增减幅度，应删去“${ctx.written(c)}”。`,
          cells: last.cells,
          actual: ctx.written(c),
          suggestion: '（删去增减幅度）',
        },
      };
    }
    if (last || !c.pair || c.pair.direction !== 'increase' || c.pair.fen === undefined) return undefined;
    const cur = textValue(ctx, base, c) ?? ctx.F(base)?.fen;
    if (cur === undefined || cur !== c.pair.fen || cur === 0) return undefined;
    return {
      status: 'mismatch',
      basis: 'text',
      finding: {
        message: `文中“${c.sentence.text.slice(c.pair.from, c.to).trim()}”：增加额 ${formatWanyuan(c.pair.fen)} 万元等于本年数，上年为0，不计算增减幅度，应删去“${ctx.written(c)}”。`,
        cells: ctx.F(base)?.cells ?? [],
        actual: ctx.written(c),
        suggestion: '（删去增减幅度）',
      },
    };
  },
};
