/** The main totals a user wants to see right after reading (CLI "read", task pane header). */
import { Accounts, Figure, Line } from './types';

export interface MainTotal {
  key: string;
  label: string;
  figure: Figure;
}

function lineFigure(lines: Line[] | undefined, key: string, col = 'amount'): Figure | undefined {
  return lines?.find((l) => l.key === key)?.values[col];
}

export function mainTotals(a: Accounts): MainTotal[] {
  const out: MainTotal[] = [];
  const add = (key: string, label: string, f: Figure | undefined) => {
    if (f) out.push({ key, label, figure: f });
  };
  add('T1.incomeTotal', '本年收入合计', lineFigure(a.T1?.income, 'incomeTotal'));
  add('T1.incomeGrandTotal', '收入总计', lineFigure(a.T1?.income, 'grandTotal'));
  add('T1.expenditureTotal', '本年支出合计', lineFigure(a.T1?.expenditure, 'expenditureTotal'));
  add('T1.expenditureGrandTotal', '支出总计', lineFigure(a.T1?.expenditure, 'grandTotal'));
  add('T4.incomeTotal', '财政拨款本年收入合计', lineFigure(a.T4?.income, 'incomeTotal'));
  add('T4.expenditureTotal', '财政拨款本年支出合计', lineFigure(a.T4?.expenditure, 'expenditureTotal', 'total'));
  add('T5.total', '一般公共预算财政拨款支出合计', a.T5?.total?.values.total);
  add('T5.basic', '其中：基本支出', a.T5?.total?.values.basic);
  add('T5.project', '其中：项目支出', a.T5?.total?.values.project);
  add('T6.personnel', '人员经费合计', a.T6?.personnelTotal?.values.amount);
  add('T6.public', '公用经费合计', a.T6?.publicTotal?.values.amount);
  add('T7.budget', '“三公”经费预算数', a.T7?.budget.total);
  add('T7.actual', '“三公”经费决算数', a.T7?.actual.total);
  add('T8.expTotal', '政府性基金预算财政拨款支出', a.T8 && !a.T8.location.empty ? a.T8.total?.values.expTotal : undefined);
  add('T9.expTotal', '国有资本经营预算财政拨款支出', a.T9 && !a.T9.location.empty ? a.T9.total?.values.expTotal : undefined);
  return out;
}
