import { Rule } from '../types';
import { checkRelation } from '../relation';
import { unitOf } from '../lines';

export const rule: Rule = {
  id: 'T7-三公合计',
  title: '“三公”经费合计与公务用车小计',
  severity: '错误',
  tables: ['T7'],
  description: '财政拨款“三公”经费支出决算表：预算数和决算数各自满足 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车小计 = 购置费 + 运行维护费。',
  check({ accounts }, report) {
    const t = accounts.T7;
    if (!t) return;
    const unit = unitOf(t);
    for (const [kind, v] of [
      ['预算数', t.budget],
      ['决算数', t.actual],
    ] as const) {
      if (!v.total && !v.vehicle) continue;
      const where = `财政拨款“三公”经费支出决算表（${kind}）`;
      if (v.total)
        checkRelation({
          report,
          table: 'T7',
          unit,
          where,
          total: { figure: v.total, label: '合计' },
          parts: [
            { figure: v.abroad, label: '因公出国（境）费' },
            // Without a 小计 column the vehicle part is purchase + running.
            ...(v.vehicle
              ? [{ figure: v.vehicle, label: '公务用车购置及运行维护费' }]
              : [
                  { figure: v.vehiclePurchase, label: '公务用车购置费' },
                  { figure: v.vehicleRunning, label: '公务用车运行维护费' },
                ]),
            { figure: v.reception, label: '公务接待费' },
          ],
        });
      if (v.vehicle && (v.vehiclePurchase || v.vehicleRunning))
        checkRelation({
          report,
          table: 'T7',
          unit,
          where,
          total: { figure: v.vehicle, label: '公务用车购置及运行维护费小计' },
          parts: [
            { figure: v.vehiclePurchase, label: '公务用车购置费' },
            { figure: v.vehicleRunning, label: '公务用车运行维护费' },
          ],
        });
    }
  },
};
