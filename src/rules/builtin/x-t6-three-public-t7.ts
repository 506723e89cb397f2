import { Rule } from '../types';
import { amountText, fmt } from '../relation';
import { unitOf } from '../lines';
import { ThreePublicKey } from '../../model/types';

/**
 * A plausibility check, not an equality: "三公" can also be paid from 项目支出, so the 三公 table may
 * exceed what the 基本支出 table shows — but the 基本支出 part can never exceed the 三公 table's 决算数.
 * Why a 警告 and not a 提示: 表6 holds only 一般公共预算财政拨款 (the reader takes no other table as 表6), and the
 * 三公 table counts all 财政拨款 三公 spending, 基本 and 项目 alike; the 经济分类 codes 30212/30217/30231/31013 are
 * defined as the same spending. So a 表6 amount above the 三公 figure (an empty 三公 table included) is one of the two
 * tables being wrong, never a difference of scope. Other funds (事业收入 …) never reach 表6.
 */
export const rule: Rule = {
  id: 'X-T6三公≤T7',
  title: '基本支出中的“三公”科目不超过“三公”经费决算数',
  severity: '警告',
  tables: ['T6', 'T7'],
  description: '基本支出决算表的 30212 因公出国（境）费用、30217 公务接待费、30231 公务用车运行维护费、31013 公务用车购置 不应大于“三公”经费表对应的决算数。',
  check({ accounts }, report) {
    const a = accounts.T6;
    const b = accounts.T7;
    if (!a || !b) return;
    const unit = unitOf(a);
    const pairs: [string, ThreePublicKey, string][] = [
      ['30212', 'abroad', '因公出国（境）费'],
      ['30217', 'reception', '公务接待费'],
      ['30231', 'vehicleRunning', '公务用车运行维护费'],
      ['31013', 'vehiclePurchase', '公务用车购置费'],
    ];
    for (const [code, key, label] of pairs) {
      const item = a.items.find((i) => i.code === code)?.value;
      const three = b.actual[key];
      if (!item || !three) continue;
      if (item.fen - three.fen > item.halfWidth + three.halfWidth) {
        report({
          table: 'X',
          message: `基本支出决算表 ${code} ${label} 为 ${amountText(item.fen, unit)}，大于“三公”经费表${label}决算数 ${amountText(three.fen, unit)}；基本支出决算表只含一般公共预算财政拨款，应包含在“三公”经费财政拨款决算数之内，请核对。`,
          cells: [item.cell, three.cell],
          expected: `≤ ${fmt(three.fen, unit)}`,
          actual: fmt(item.fen, unit),
        });
      }
    }
  },
};
