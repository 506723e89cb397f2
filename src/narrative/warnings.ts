/**
 * What the generator notices and the user should know before publishing, one Chinese line each: the facts'
 * own warnings (parts that do not add up to their total), 补充信息 values that could not be read, prefills
 * that are only a guess or last year's text, per-项 entries of 补充信息 for a 项 the tables do not have,
 * and 类 whose 项 do not add up.
 */
import { Accounts, TABLE_NAMES } from '../model/types';
import { formatWanyuan } from '../money/money';
import { IMPORT_NOTE } from '../supplement/sheet';
import { NarrativeFacts } from './facts';

export function narrativeWarnings(accounts: Accounts, f: NarrativeFacts): string[] {
  const out: string[] = [...f.warnings];
  const sup = f.supplement;
  for (const p of sup.problems) out.push(/^补充信息/.test(p) ? p : `补充信息：${p}`);
  if (accounts.missing.length) {
    out.push(`缺少${accounts.missing.map((id) => `表${id.slice(1)}“${TABLE_NAMES[id]}”`).join('、')}，说明中相关内容留有待填写的位置。`);
  }

  // Prefills that are a guess or last year's content, not yet reviewed (the note is still ours).
  const running = sup.values.get('running.amount');
  if (running?.formula && (!running.note || /公用经费合计/.test(running.note))) {
    out.push(`机关运行经费取自基本支出决算表的公用经费合计（${running.cell}，行政单位的机关运行经费即日常公用经费），有下属事业单位的请在补充信息中改填实际数。`);
  }
  const guesses = [...sup.values.values()].filter((v) => v.note?.startsWith(IMPORT_NOTE) && /推测|请核对|请按本年/.test(v.note));
  if (guesses.length) {
    out.push(`补充信息中 ${guesses.length} 项是从上年决算推测或沿用的内容，请核对：${guesses.map((v) => v.field?.label ?? v.key).slice(0, 8).join('、')}${guesses.length > 8 ? '等' : ''}。`);
  }

  // Per-项 entries for a 项 the tables do not have: the 说明 will not state them.
  const items = new Set(f.lists.generalItems);
  const fundItems = new Set(f.lists.fundItems);
  const capitalItems = new Set(f.lists.capitalItems);
  const orphan = new Map<string, string[]>();
  for (const v of sup.values.values()) {
    const m = /^(item(?:Budget|AdjustedBudget|Reason|Use)|lastItem|(fund|capital)(?:Budget|Reason|Use))\.(\d+)$/.exec(v.key);
    if (!m) continue;
    const code = m[3];
    const known = m[2] === 'fund' ? fundItems : m[2] === 'capital' ? capitalItems : items;
    if (known.has(code)) continue;
    orphan.set(code, [...(orphan.get(code) ?? []), v.cell]);
  }
  for (const [code, cells] of orphan) {
    out.push(`补充信息中填写了 ${code} 的内容（${cells.slice(0, 3).join('、')}），但表中没有该项的支出，说明中不会写到它；请核对科目编码。`);
  }

  // 类 of 表5 whose 项 do not add up to the 类.
  for (const cls of f.lists.generalClasses) {
    const total = f.facts[`general.class.${cls}`];
    const sum = f.facts[`general.class.${cls}.itemSum`];
    if (total && sum && total.fen !== sum.fen) {
      out.push(`表5中${cls} ${f.names[cls] ?? ''}的各项之和（${formatWanyuan(sum.fen ?? 0)}万元）不等于该类合计（${formatWanyuan(total.fen ?? 0)}万元，${total.cells[0]}），说明按类合计书写。`);
    }
  }
  return out;
}
