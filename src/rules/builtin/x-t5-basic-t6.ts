import { Rule } from '../types';
import { checkRelation } from '../relation';
import { totalOf, unitOf } from '../lines';

export const rule: Rule = {
  id: 'X-T5基本支出=T6',
  title: '基本支出与基本支出决算表一致',
  severity: '错误',
  tables: ['T5', 'T6'],
  description: '一般公共预算财政拨款支出决算表合计行的基本支出 = 基本支出决算表的人员经费合计 + 公用经费合计。',
  check({ accounts }, report) {
    const a = accounts.T5;
    const b = accounts.T6;
    if (!a || !b || b.location.empty) return;
    // A line or column not found leaves the relation unevaluated, listed with why (never skipped in silence).
    checkRelation({
      report,
      table: 'X',
      unit: unitOf(a),
      where: '一般公共预算财政拨款支出决算表与基本支出决算表',
      total: { figure: totalOf(a, 'basic'), label: '一般公共预算基本支出合计', why: !a.total ? '合计行在表中找不到' : '基本支出栏在表中找不到或不是可读的金额' },
      parts: [
        { figure: b.personnelTotal?.values.amount, label: '人员经费合计', why: b.personnelTotal ? '单元格不是可读的金额' : '行在表中找不到' },
        { figure: b.publicTotal?.values.amount, label: '公用经费合计', why: b.publicTotal ? '单元格不是可读的金额' : '行在表中找不到' },
      ],
    });
  },
};
