import { formatWanyuan } from '../../../money/money';
import { ClaimCheck } from '../types';
import { amountCalc } from '../base';

/**
 * A 项 written under the wrong 款 ("人大事务（01）行政运行（01）" for 2010301's figures): the 项 code is
 * identified by its own last digits (or its name) and its amount under another 款 of the same 类.
 */
export const check: ClaimCheck = {
  id: 'A-款不符',
  title: '项写在了错误的款下',
  severity: '错误',
  description: '具体情况中某项写在另一个款下：按项的编码（或名称）和金额，它属于同一类的另一个款。',
  kinds: ['amount'],
  check(c, ctx) {
    const s = ctx.subjectOf(c);
    const m = /^general\.item\.(\d{7})$/.exec(s ?? '');
    if (!m || c.subjectVia !== 'path' || c.fen === undefined || !c.path) return undefined;
    const code = m[1];
    const a = amountCalc(c, ctx);
    if (a && a.text === a.fact.fen) return undefined;
    const itemName = c.path.segments[2]?.name;
    const hits = Object.values(ctx.facts.facts).filter((f) => {
      const k = /^general\.item\.(\d{7})$/.exec(f.key);
      if (!k || f.fen !== c.fen) return false;
      const other = k[1];
      if (other.slice(0, 3) !== code.slice(0, 3) || other.slice(0, 5) === code.slice(0, 5)) return false;
      return other.slice(5) === code.slice(5) || (!!itemName && (ctx.facts.names[other] ?? '').replace(/[（）()]/g, '') === itemName.replace(/[（）()]/g, ''));
    });
    if (hits.length !== 1) return undefined;
    const f = hits[0];
    const right = f.key.slice('general.item.'.length);
    const rightKuan = right.slice(0, 5);
    const wrongKuan = code.slice(0, 5);
    const kuanName = ctx.facts.names[rightKuan] ?? '';
    return {
      status: 'mismatch',
      basis: 'table',
      expected: `${rightKuan} ${kuanName}`,
      finding: {
        message:
          `文中“${ctx.quote(c)}”的 ${formatWanyuan(c.fen)} 万元是 ${right} ${ctx.facts.names[right] ?? ''} 的决算数（${f.cells.join('、')}），该项属于 ${rightKuan} ${kuanName}（款），` +
          `文中却写在 ${wrongKuan} ${ctx.facts.names[wrongKuan] ?? c.path.segments[1]?.name ?? ''}（款）下，应改为“${kuanName}（${rightKuan.slice(3)}）”。`,
        cells: f.cells,
        expected: `${kuanName}（${rightKuan.slice(3)}）`,
        actual: c.path.segments[1]?.name ?? wrongKuan,
        suggestion: `${kuanName}（${rightKuan.slice(3)}）`,
      },
    };
  },
};
