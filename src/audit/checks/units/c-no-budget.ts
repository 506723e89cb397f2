import { ClaimCheck } from '../types';
import { completionCalc } from '../base';

/** "完成预算0%" where the budget is 0: there is nothing to complete. */
export const check: ClaimCheck = {
  id: 'A-无预算',
  title: '预算为0却写完成率',
  severity: '提示',
  description: '预算数为0时不计算完成预算的比例，应写“年初未安排预算”。',
  kinds: ['completion'],
  check(c, ctx) {
    const base = ctx.subjectOf(c);
    if (!base || completionCalc(c, ctx) || ctx.G(`${base}.completion`)?.why !== 'zeroBase') return undefined;
    const b = ctx.F(`${base}.budget`);
    return {
      status: 'ok',
      basis: 'table',
      finding: {
        message: `文中“${ctx.quote(c)}”：${ctx.label(base).replace(/决算数$/, '')}预算数为0${b ? `（${b.cells.join('、')}）` : ''}，没有可比的预算，不应写“完成预算${ctx.written(c)}”，可写“年初未安排预算”。`,
        cells: b?.cells ?? [],
        actual: ctx.written(c),
        suggestion: '年初未安排预算',
      },
    };
  },
};
