import { Rule } from '../types';
import { checkRelation } from '../relation';
import { unitOf } from '../lines';

export const rule: Rule = {
  id: 'T6-经济分类层级',
  title: '经济分类类级等于其下款级之和',
  severity: '错误',
  tables: ['T6'],
  description: '一般公共预算财政拨款基本支出决算表：301 = Σ301xx，302 = Σ302xx，303 = Σ303xx，310 = Σ310xx 等。',
  check({ accounts }, report) {
    const t = accounts.T6;
    if (!t) return;
    for (const cls of t.items.filter((i) => i.code.length === 3)) {
      const kids = t.items.filter((i) => i.code.length === 5 && i.code.startsWith(cls.code));
      if (!kids.length) continue;
      checkRelation({
        report,
        table: 'T6',
        unit: unitOf(t),
        where: `一般公共预算财政拨款基本支出决算表 ${cls.code} ${cls.name}`,
        total: { figure: cls.value, label: cls.code },
        parts: kids.map((k) => ({ figure: k.value, label: k.code })),
      });
    }
  },
};
