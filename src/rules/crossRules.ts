/** Helpers for cross-table rules: compare a two-sided table's 类 lines with a coded table's 类 rows. */
import { CodedTable, Line, TwoSidedTable } from '../model/types';
import { MoneyUnit } from '../money/money';
import { Report } from './types';
import { checkSame, fmt, unitLabel } from './relation';
import { classLines } from './lines';

export { emptyTableZero } from './lines';

/**
 * For every 类 present on either side: the two-sided table's line (column `col`) equals the coded table's
 * 类 row (column `codedCol`). A 类 present on one side only, with a non-zero amount, is a finding too.
 */
export function compareClasses(o: {
  report: Report;
  unit: MoneyUnit;
  a: TwoSidedTable;
  aName: string;
  col: string;
  b: CodedTable;
  bName: string;
  codedCol: string;
  what: string;
}): void {
  const lines = new Map<string, Line>();
  for (const l of classLines(o.a)) lines.set(l.key.slice(6), l);
  const rows = new Map(o.b.rows.filter((r) => r.code.length === 3).map((r) => [r.code, r]));
  const codes = new Set([...lines.keys(), ...rows.keys()]);
  for (const code of codes) {
    const l = lines.get(code);
    const r = rows.get(code);
    const lf = l?.values[o.col];
    const rf = r?.values[o.codedCol];
    if (l && r) {
      checkSame({
        report: o.report,
        table: 'X',
        unit: o.unit,
        where: `${o.what}（${code} ${r.name}）`,
        a: { figure: lf, label: `${o.aName}“${l.label.trim()}”` },
        b: { figure: rf, label: `${o.bName}${code}` },
      });
    } else if (l && lf && lf.fen !== 0 && !o.b.location.empty) {
      o.report({
        table: 'X',
        message: `${o.what}：${o.aName}有“${l.label.trim()}” ${fmt(lf.fen, o.unit)}${unitLabel(o.unit)}，但${o.bName}中没有 ${code} 类。`,
        cells: [lf.cell],
        expected: fmt(lf.fen, o.unit),
        actual: '（无此类）',
      });
    } else if (r && rf && rf.fen !== 0) {
      o.report({
        table: 'X',
        message: `${o.what}：${o.bName}有 ${code} ${r.name} ${fmt(rf.fen, o.unit)}${unitLabel(o.unit)}，但${o.aName}中没有这一类的支出行。`,
        cells: [rf.cell],
        expected: fmt(rf.fen, o.unit),
        actual: '（无此行）',
      });
    }
  }
}
