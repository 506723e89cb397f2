import { Rule } from '../types';
import { checkRelation, Term } from '../relation';
import { unitOf } from '../lines';
import { BasicExpenditureTable } from '../../model/types';

/** The 类 amount: its own line when the table lists it, else the sum of its 款 lines. */
function classTerms(t: BasicExpenditureTable, codes: (c: string) => boolean): Term[] {
  const classes = new Set(t.items.map((i) => i.code.slice(0, 3)).filter(codes));
  const out: Term[] = [];
  for (const c of classes) {
    const own = t.items.find((i) => i.code === c);
    if (own) out.push({ figure: own.value, label: c });
    else for (const k of t.items.filter((i) => i.code.length === 5 && i.code.startsWith(c))) out.push({ figure: k.value, label: k.code });
  }
  return out;
}

export const rule: Rule = {
  id: 'T6-人员公用经费合计',
  title: '人员经费合计、公用经费合计',
  severity: '错误',
  tables: ['T6'],
  description: '一般公共预算财政拨款基本支出决算表：人员经费合计 = 301 + 303；公用经费合计 = 302 + 310（及 307、309、399 等其他类）；有合计行时 合计 = 人员经费 + 公用经费。',
  check({ accounts }, report) {
    const t = accounts.T6;
    if (!t) return;
    const unit = unitOf(t);
    const where = '一般公共预算财政拨款基本支出决算表';
    const cell = `${t.location.sheet}!${t.location.range}`;
    if (!t.personnelTotal) report({ table: 'T6', message: `${where}中找不到“人员经费合计”行（缺行不按0处理）。`, cells: [cell] });
    if (!t.publicTotal) report({ table: 'T6', message: `${where}中找不到“公用经费合计”行（缺行不按0处理）。`, cells: [cell] });
    const personnel = classTerms(t, (c) => c === '301' || c === '303');
    const pub = classTerms(t, (c) => c !== '301' && c !== '303');
    if (t.personnelTotal && personnel.length)
      checkRelation({ report, table: 'T6', unit, where, total: { figure: t.personnelTotal.values.amount, label: '人员经费合计' }, parts: personnel });
    if (t.publicTotal && pub.length) checkRelation({ report, table: 'T6', unit, where, total: { figure: t.publicTotal.values.amount, label: '公用经费合计' }, parts: pub });
    if (t.grandTotal && t.personnelTotal && t.publicTotal)
      checkRelation({
        report,
        table: 'T6',
        unit,
        where,
        total: { figure: t.grandTotal.values.amount, label: '合计' },
        parts: [
          { figure: t.personnelTotal.values.amount, label: '人员经费合计' },
          { figure: t.publicTotal.values.amount, label: '公用经费合计' },
        ],
      });
  },
};
