import { ClaimCheck } from '../types';

/** A 项 the text describes that table 5 does not have (or has as 0). */
export const check: ClaimCheck = {
  id: 'A-科目不在表中',
  title: '科目不在表中',
  severity: '警告',
  description: '具体情况中说明的项级科目在一般公共预算财政拨款支出决算表中没有（或为0）。',
  kinds: ['amount'],
  check(c, ctx) {
    const s = ctx.subjectOf(c);
    if (!s || !s.startsWith('general.item.') || ctx.F(s) || ctx.G(s)) return undefined;
    return {
      status: 'mismatch',
      basis: 'table',
      finding: {
        message: `文中“${ctx.quote(c)}”所说的科目 ${s.slice(13)} 在一般公共预算财政拨款支出决算表中没有（或为0），请核对科目或删去这句。`,
        cells: ctx.F('general.total')?.cells ?? [],
        actual: ctx.written(c),
      },
    };
  },
};
