/**
 * The totals a user wants to see right after reading (CLI "read", task pane header): the whole 总表 — every
 * line of 收入支出决算总表 and 财政拨款收入支出决算总表, per fund column where the table has them — plus the
 * 合计 rows of tables 2, 3, 5, 8, 9 and the totals of 6 and 7, each with its cell.
 */
import { Accounts, Figure, Line, TableId } from './types';
import { QuantityDef, QuantityKey, THREE_PUBLIC_KEYS, THREE_PUBLIC_LABELS, basicTotalLine, codedTotal, definedFigure, quantityFigure, totalsLine } from './quantities';

export interface MainTotal {
  /** Stable key, e.g. "T1.incomeTotal", "T1.income.openingBalance", "T4.expenditure.grandTotal.fund", "T3.total.basic". */
  key: string;
  /** The table it belongs to. */
  table: TableId;
  label: string;
  figure: Figure;
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

/** The headline lines of both 总表 (keys stable since the first release) and the quantity each one is. */
const HEADLINES: [key: string, table: 'T1' | 'T4', quantity: QuantityKey, label: string][] = [
  ['T1.incomeTotal', 'T1', 'income.total', '本年收入合计'],
  ['T1.incomeGrandTotal', 'T1', 'total.income', '收入总计'],
  ['T1.expenditureTotal', 'T1', 'expenditure.total', '本年支出合计'],
  ['T1.expenditureGrandTotal', 'T1', 'total.expenditure', '支出总计'],
  ['T4.incomeTotal', 'T4', 'fiscal.income', '财政拨款本年收入合计'],
  ['T4.expenditureTotal', 'T4', 'fiscal.expenditure', '财政拨款本年支出合计'],
];

/**
 * Every figure is resolved through the catalogue of quantities (model/quantities.ts): the named ones by their
 * key, the rest of the 总表 lines and the 合计 rows by the catalogue's families. This module only decides which
 * figures the list shows, in which order, under which key and label.
 */
export function mainTotals(a: Accounts): MainTotal[] {
  const out: MainTotal[] = [];
  const seen = new Set<string>();
  const add = (key: string, table: TableId, label: string, def: QuantityDef | QuantityKey) => {
    if (seen.has(key)) return;
    const f = typeof def === 'string' ? quantityFigure(a, def, table) : definedFigure(a, def, table);
    if (!f) return;
    seen.add(key);
    out.push({ key, table, label, figure: f });
  };
  // The headline lines keep their keys; every other line of both 总表 gets "T1.income.<line>[.<column>]".
  // All in sheet order: income side, then expenditure side.
  const headline = new Map<Figure, (typeof HEADLINES)[number]>();
  for (const h of HEADLINES) {
    const f = quantityFigure(a, h[2], h[1]);
    if (f && !headline.has(f)) headline.set(f, h);
  }
  for (const id of ['T1', 'T4'] as const) {
    const t = a[id];
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
            add(named[0], id, named[3], named[2]);
            continue;
          }
          const colName = TWO_SIDED_COLUMN[col] ?? col;
          const label = `${lineLabel(l)}${colName ? `（${colName}）` : ''}`;
          add(`${id}.${side}.${l.key}${col === 'amount' ? '' : `.${col}`}`, id, label, totalsLine(id, side, l.key, col, label));
        }
      }
    }
  }
  // The 合计 rows of the classified tables, each column.
  for (const id of ['T2', 'T3', 'T5', 'T8', 'T9'] as const) {
    const t = a[id];
    if (!t?.total) continue;
    for (const c of t.location.columns) {
      const label = columnTotalLabel(c.header, c.key);
      add(`${id}.total.${c.key}`, id, label, codedTotal(id, c.key, label));
    }
  }
  if (a.T6) {
    add('T6.personnel', 'T6', '人员经费合计', basicTotalLine('personnelTotal'));
    add('T6.public', 'T6', '公用经费合计', basicTotalLine('publicTotal'));
    add('T6.total', 'T6', '基本支出合计', basicTotalLine('grandTotal'));
  }
  if (a.T7) {
    const name = (k: (typeof THREE_PUBLIC_KEYS)[number]) => (k === 'total' ? '合计' : THREE_PUBLIC_LABELS[k]);
    // 'T7.budget' / 'T7.actual' stay the keys of the 合计 (stable since the first release).
    for (const k of THREE_PUBLIC_KEYS) add(k === 'total' ? 'T7.budget' : `T7.budget.${k}`, 'T7', `“三公”经费${name(k)}预算数`, `threePublic.${k}.budget`);
    for (const k of THREE_PUBLIC_KEYS) add(k === 'total' ? 'T7.actual' : `T7.actual.${k}`, 'T7', `“三公”经费${name(k)}决算数`, `threePublic.${k}`);
  }
  return out;
}
