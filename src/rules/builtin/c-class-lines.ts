import { Rule } from '../types';
import { stripOrdinal } from '../../catalogue';

/** T1 and T4 carry 类 names only: check them against the year's 类 names. */
export const rule: Rule = {
  id: 'C-总表类名称',
  title: '总表支出行的类名称',
  severity: '警告',
  description: '收入支出决算总表和财政拨款收入支出决算总表支出方的各行应为决算年度的功能分类“类”名称。',
  check({ accounts, year, functional }, report) {
    for (const [id, t, tableName] of [
      ['T1', accounts.T1, '收入支出决算总表'],
      ['T4', accounts.T4, '财政拨款收入支出决算总表'],
    ] as const) {
      if (!t) continue;
      for (const l of t.expenditure) {
        const label = stripOrdinal(l.label.trim()).replace(/\s+/g, '');
        if (l.key.startsWith('other:')) {
          const v = Object.values(l.values).find((f) => f);
          if (!v || v.fen === 0) continue;
          report({ table: id, message: `${tableName}支出方的“${l.label.trim()}”不是${year}年支出功能分类的类名称，无法与其他表按类核对。`, cells: [l.labelCell] });
          continue;
        }
        if (!l.key.startsWith('class:')) continue;
        const code = l.key.slice(6);
        const verdict = functional.nameMatches(code, label, year);
        if (verdict === 'match') continue;
        const expected = functional.lookup(code, year).entry?.name;
        if (verdict === 'unknown-code' && !expected) {
          report({ table: id, message: `${tableName}支出方的“${label}”（${code}类）不在${year}年支出功能分类目录中。`, cells: [l.labelCell] });
        } else if (expected) {
          report({
            table: id,
            message: `${tableName}支出方写作“${label}”，${year}年 ${code} 类的名称为“${expected}”${verdict === 'other-year-name' ? '（原文是其他年度的名称）' : ''}。`,
            cells: [l.labelCell],
            expected,
            actual: label,
          });
        }
      }
    }
  },
};
