import { Rule } from '../types';
import { checkRelation, checkSame } from '../relation';
import { line, term, totalOf, unitOf } from '../lines';

export const rule: Rule = {
  id: 'X-T1收入=T2',
  title: '总表收入与收入决算表一致',
  severity: '错误',
  tables: ['T1', 'T2'],
  description: '收入支出决算总表的各项收入 = 收入决算表合计行的对应列（财政拨款收入 = 三类财政拨款收入之和）。',
  check({ accounts }, report) {
    const a = accounts.T1;
    const b = accounts.T2;
    if (!a || !b || !b.total) return;
    const unit = unitOf(a);
    const where = '收入支出决算总表与收入决算表';
    checkSame({ report, table: 'X', unit, where, a: term(a.income, 'incomeTotal', '总表本年收入合计'), b: { figure: totalOf(b, 'total'), label: '收入决算表合计' } });
    const funds = ['generalBudget', 'governmentFund', 'stateCapital'].filter((k) => line(a.income, k));
    const fiscalParts = funds.length
      ? funds.map((k) => ({ figure: line(a.income, k)!.values.amount, label: line(a.income, k)!.label.trim() }))
      : line(a.income, 'fiscal')
        ? [{ figure: line(a.income, 'fiscal')!.values.amount, label: '财政拨款收入' }]
        : [];
    if (fiscalParts.length && totalOf(b, 'fiscal'))
      checkRelation({ report, table: 'X', unit, where, total: { figure: totalOf(b, 'fiscal'), label: '收入决算表财政拨款收入' }, parts: fiscalParts });
    const pairs: [string, string, string][] = [
      ['superiorSubsidy', 'superior', '上级补助收入'],
      ['business', 'business', '事业收入'],
      ['operating', 'operating', '经营收入'],
      ['affiliated', 'affiliated', '附属单位上缴收入'],
      ['other', 'other', '其他收入'],
    ];
    for (const [k1, k2, label] of pairs) {
      if (!line(a.income, k1) || !b.location.columns.some((c) => c.key === k2)) continue;
      checkSame({ report, table: 'X', unit, where, a: term(a.income, k1, `总表${label}`), b: { figure: totalOf(b, k2), label: `收入决算表${label}` } });
    }
  },
};
