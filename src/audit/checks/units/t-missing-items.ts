import { formatWanyuan } from '../../../money/money';
import { TextCheck } from '../types';
import { detailItems } from './detail';

/** 项 of table 5 that the detail paragraphs never mention. */
export const check: TextCheck = {
  id: 'A-缺项',
  title: '具体情况缺项',
  severity: '提示',
  description: '一般公共预算财政拨款支出决算表中有金额的项级科目，具体情况中没有说明。',
  check(ctx) {
    const detail = detailItems(ctx);
    if (!detail.length) return { findings: [] };
    const mentioned = new Set(detail.map((d) => ctx.subjectOf(d)));
    // A 项 named by another wording elsewhere in the paragraphs (its path resolved, amount unplaced) counts too.
    for (const c of ctx.claims) if (c.path?.code && c.path.level === '项') mentioned.add(`general.item.${c.path.code}`);
    const first = detail[0];
    const missing = ctx.facts.lists.generalItems.map((code) => ({ code, f: ctx.F(`general.item.${code}`) })).filter((x) => x.f?.fen && !mentioned.has(`general.item.${x.code}`));
    if (!missing.length) return { findings: [] };
    const list = missing.map((x) => `${x.code} ${ctx.facts.names[x.code] ?? ''}（${formatWanyuan(x.f!.fen!)}万元）`);
    return {
      findings: [
        {
          claims: [first],
          quote: first.section.title ?? ctx.quote(first),
          message: `一般公共预算财政拨款支出决算表中有${missing.length}个项级科目在具体情况中没有说明：${list.slice(0, 10).join('、')}${missing.length > 10 ? ' 等' : ''}。`,
          cells: missing.map((x) => x.f!.cells[0]),
        },
      ],
    };
  },
};
