import { Rule } from '../types';
import { allFigures } from '../lines';

/** A 合计 typed as a constant while the rest of its table is computed: it will not follow later edits. */
export const rule: Rule = {
  id: 'S-合计为常数',
  title: '合计行是手工数字而非公式',
  severity: '提示',
  description: '同一张表中其他合计是公式时，手工填写的合计数不会随明细变化，容易出错。',
  check({ accounts }, report) {
    const byTable = new Map<string, ReturnType<typeof allFigures>>();
    for (const x of allFigures(accounts)) {
      if (!x.isTotal) continue;
      const list = byTable.get(x.table);
      if (list) list.push(x);
      else byTable.set(x.table, [x]);
    }
    for (const [table, totals] of byTable) {
      const formulas = totals.filter((x) => x.figure.formula).length;
      if (formulas < 2) continue;
      const constants = totals.filter((x) => !x.figure.formula && !x.figure.blank && x.figure.fen !== 0);
      if (!constants.length || constants.length >= formulas) continue;
      report({
        table,
        message: `本表其他合计是公式，但有 ${constants.length} 个合计是手工数字（如 ${constants[0].figure.cell} ${constants[0].label()}），明细改动后不会自动更新。`,
        cells: constants.map((x) => x.figure.cell),
      });
    }
  },
};
