import { Rule } from '../types';

/** The 三公 table must show each item's 预算数 and 决算数: a missing column is a finding, never 0. */
export const rule: Rule = {
  id: 'T7-栏目齐全',
  title: '“三公”经费表栏目齐全',
  severity: '错误',
  tables: ['T7'],
  description: '财政拨款“三公”经费支出决算表应有合计、因公出国（境）费、公务用车购置及运行维护费（小计、购置费、运行维护费）、公务接待费的预算数和决算数。',
  check({ accounts }, report) {
    const t = accounts.T7;
    if (!t) return;
    const names: Record<string, string> = {
      total: '合计',
      abroad: '因公出国（境）费',
      vehicle: '公务用车购置及运行维护费',
      reception: '公务接待费',
    };
    const missing: string[] = [];
    for (const [kind, v] of [
      ['预算数', t.budget],
      ['决算数', t.actual],
    ] as const) {
      for (const k of Object.keys(names)) if (!(v as Record<string, unknown>)[k]) missing.push(`${names[k]}${kind}`);
      // A form may give the vehicle cost without its split; with half of the split, the other half is missing.
      if (v.vehiclePurchase && !v.vehicleRunning) missing.push(`公务用车运行维护费${kind}`);
      if (!v.vehiclePurchase && v.vehicleRunning) missing.push(`公务用车购置费${kind}`);
    }
    if (missing.length)
      report({
        table: 'T7',
        message: `财政拨款“三公”经费支出决算表中找不到：${missing.join('、')}。请核对表头是否被改动。`,
        cells: [`${t.location.sheet}!${t.location.range}`],
      });
  },
};
