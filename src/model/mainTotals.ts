/** The main totals a user wants to see right after reading (CLI "read", task pane header), from the catalogue. */
import { QuantityKey, quantityFigure } from './quantities';
import { Accounts, Figure } from './types';

export interface MainTotal {
  key: string;
  label: string;
  figure: Figure;
}

/** Each main total is the first (table) source of a quantity of the catalogue (model/quantities.ts). */
const MAIN: [key: string, label: string, quantity: QuantityKey][] = [
  ['T1.incomeTotal', '本年收入合计', 'income.total'],
  ['T1.incomeGrandTotal', '收入总计', 'total.income'],
  ['T1.expenditureTotal', '本年支出合计', 'expenditure.total'],
  ['T1.expenditureGrandTotal', '支出总计', 'total.expenditure'],
  ['T4.incomeTotal', '财政拨款本年收入合计', 'fiscal.income'],
  ['T4.expenditureTotal', '财政拨款本年支出合计', 'fiscal.expenditure'],
  ['T5.total', '一般公共预算财政拨款支出合计', 'general.total'],
  ['T5.basic', '其中：基本支出', 'general.basic'],
  ['T5.project', '其中：项目支出', 'general.project'],
  ['T6.personnel', '人员经费合计', 'basic.personnel'],
  ['T6.public', '公用经费合计', 'basic.public'],
  ['T7.budget', '“三公”经费预算数', 'threePublic.total.budget'],
  ['T7.actual', '“三公”经费决算数', 'threePublic.total'],
  ['T8.expTotal', '政府性基金预算财政拨款支出', 'fund.expenditure'],
  ['T9.expTotal', '国有资本经营预算财政拨款支出', 'capital.expenditure'],
];

export function mainTotals(a: Accounts): MainTotal[] {
  const out: MainTotal[] = [];
  for (const [key, label, q] of MAIN) {
    const table = key.slice(0, 2) as 'T1' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9';
    const t = a[table];
    // Only the table the total is named after (T1.incomeTotal is not T2's), and never an empty 表8/表9.
    if (!t || ('location' in t && t.location.empty && (table === 'T8' || table === 'T9'))) continue;
    const figure = quantityFigure(a, q, table);
    if (figure) out.push({ key, label, figure });
  }
  return out;
}
