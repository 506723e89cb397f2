/**
 * The totals a user wants to see right after reading (CLI "read", task pane header): the whole 总表 — every
 * line of 收入支出决算总表 and 财政拨款收入支出决算总表, per fund column where the table has them — plus the
 * 合计 rows of tables 2, 3, 5, 8, 9 and the totals of 6 and 7, each with its cell.
 */
import { Accounts, CodedTable, Figure, Line, TableId, TwoSidedTable } from './types';

export interface MainTotal {
  /** Stable key, e.g. "T1.incomeTotal", "T1.income.openingBalance", "T4.expenditure.grandTotal.fund", "T3.total.basic". */
  key: string;
  /** The table it belongs to. */
  table: TableId;
  label: string;
  figure: Figure;
}

function lineFigure(lines: Line[] | undefined, key: string, col = 'amount'): Figure | undefined {
  return lines?.find((l) => l.key === key)?.values[col];
}

/** Column names of the 总表 amount columns (T4 expenditure per fund). */
const TWO_SIDED_COLUMN: Record<string, string> = {
  amount: '',
  total: '合计',
  general: '一般公共预算财政拨款',
  fund: '政府性基金预算财政拨款',
  capital: '国有资本经营预算财政拨款',
};

/** A line's label for the list: sub-lines under 年初/年末 结转和结余 say which balance they belong to. */
function lineLabel(l: Line): string {
  const label = l.label.replace(/\s+/g, '').replace(/^其中[:：]?/, '');
  const scope = /^(opening|closing)(?:Balance)?\./.exec(l.key)?.[1];
  if (!scope || /结转|结余/.test(label)) return label;
  return `${label}（${scope === 'opening' ? '年初' : '年末'}结转和结余）`;
}

/** "合计（基本支出）"; a 小计 under 本年支出 is "合计（本年支出小计）"; the 合计 column itself is "合计". */
function columnTotalLabel(header: string, key: string): string {
  const segs = header.split('/').filter(Boolean);
  let name = segs[segs.length - 1] || key;
  if (/^(小计|合计)$/.test(name) && segs.length > 1) name = `${segs[segs.length - 2]}${name}`;
  return /^(合计|小计)$/.test(name) ? '合计' : `合计（${name}）`;
}

export function mainTotals(a: Accounts): MainTotal[] {
  const out: MainTotal[] = [];
  const seen = new Set<string>();
  const add = (key: string, table: TableId, label: string, f: Figure | undefined) => {
    if (!f || seen.has(key)) return;
    seen.add(key);
    out.push({ key, table, label, figure: f });
  };
  // The headline lines keep the keys they have had since the first release; every other line of both 总表
  // gets "T1.income.<line>[.<column>]". All in sheet order: income side, then expenditure side.
  const headline = new Map<Figure | undefined, [string, string]>([
    [lineFigure(a.T1?.income, 'incomeTotal'), ['T1.incomeTotal', '本年收入合计']],
    [lineFigure(a.T1?.income, 'grandTotal'), ['T1.incomeGrandTotal', '收入总计']],
    [lineFigure(a.T1?.expenditure, 'expenditureTotal'), ['T1.expenditureTotal', '本年支出合计']],
    [lineFigure(a.T1?.expenditure, 'grandTotal'), ['T1.expenditureGrandTotal', '支出总计']],
    [lineFigure(a.T4?.income, 'incomeTotal'), ['T4.incomeTotal', '财政拨款本年收入合计']],
    [lineFigure(a.T4?.expenditure, 'expenditureTotal', 'total') ?? lineFigure(a.T4?.expenditure, 'expenditureTotal'), ['T4.expenditureTotal', '财政拨款本年支出合计']],
  ]);
  headline.delete(undefined);
  for (const id of ['T1', 'T4'] as const) {
    const t: TwoSidedTable | undefined = a[id];
    if (!t) continue;
    for (const [side, lines] of [
      ['income', t.income],
      ['expenditure', t.expenditure],
    ] as const) {
      for (const l of lines) {
        for (const [col, f] of Object.entries(l.values)) {
          if (!f) continue;
          const named = headline.get(f);
          if (named) {
            add(named[0], id, named[1], f);
            continue;
          }
          const colName = TWO_SIDED_COLUMN[col] ?? col;
          add(`${id}.${side}.${l.key}${col === 'amount' ? '' : `.${col}`}`, id, `${lineLabel(l)}${colName ? `（${colName}）` : ''}`, f);
        }
      }
    }
  }
  // The 合计 rows of the classified tables, each column.
  for (const id of ['T2', 'T3', 'T5', 'T8', 'T9'] as const) {
    const t: CodedTable | undefined = a[id];
    if (!t?.total) continue;
    for (const c of t.location.columns) add(`${id}.total.${c.key}`, id, columnTotalLabel(c.header, c.key), t.total.values[c.key]);
  }
  if (a.T6) {
    add('T6.personnel', 'T6', '人员经费合计', a.T6.personnelTotal?.values.amount);
    add('T6.public', 'T6', '公用经费合计', a.T6.publicTotal?.values.amount);
    add('T6.total', 'T6', '基本支出合计', a.T6.grandTotal?.values.amount);
  }
  if (a.T7) {
    const names: [keyof typeof a.T7.actual, string][] = [
      ['total', '合计'],
      ['abroad', '因公出国（境）费'],
      ['vehicle', '公务用车购置及运行维护费'],
      ['vehiclePurchase', '公务用车购置费'],
      ['vehicleRunning', '公务用车运行维护费'],
      ['reception', '公务接待费'],
    ];
    // 'T7.budget' / 'T7.actual' stay the keys of the 合计 (stable since the first release).
    for (const [k, name] of names) add(k === 'total' ? 'T7.budget' : `T7.budget.${k}`, 'T7', `“三公”经费${name}预算数`, a.T7.budget[k]);
    for (const [k, name] of names) add(k === 'total' ? 'T7.actual' : `T7.actual.${k}`, 'T7', `“三公”经费${name}决算数`, a.T7.actual[k]);
  }
  return out;
}
