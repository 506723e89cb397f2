import { formatWanyuan } from '../../../money/money';
import { ClaimCheck } from '../types';
import { rateCalc } from '../base';
import { textLastValue, textValue } from '../context';

const word = (d: 'increase' | 'decrease' | undefined, rate: boolean) => (d === 'increase' ? (rate ? '增长' : '增加') : rate ? '下降' : '减少');

/**
 * 增加/减少 (增长/下降, 持平) that contradicts the figures: last year's (补充信息) or the change amount the same
 * sentence gives ("增加54.20万元，下降5.97%").
 */
export const check: ClaimCheck = {
  id: 'A-变动方向',
  title: '增减方向不符',
  severity: '错误',
  description: '增加、减少、持平与上年数不符，或同一句中增减额与增减幅度的方向相反。',
  kinds: ['change', 'changeRate', 'flat'],
  check(c, ctx) {
    const base = ctx.subjectOf(c);
    const ch = base ? ctx.F(`${base}.change`) : undefined;
    if (c.kind === 'changeRate' && c.pair && c.pair.direction !== c.direction) {
      const q = c.sentence.text.slice(c.pair.from, c.to).trim();
      return {
        status: 'mismatch',
        basis: 'text',
        finding: {
          quote: q,
          message: `文中“${q}”前后矛盾：增减额写的是“${word(c.pair.direction, false)}”，幅度写的是“${word(c.direction, true)}”。`,
          cells: ch?.cells ?? [],
          expected: ch?.fen ? `${word(ch.fen > 0 ? 'increase' : 'decrease', true)}` : undefined,
          actual: `${word(c.direction, true)}${ctx.written(c)}`,
        },
      };
    }
    if (!ch || ch.fen === undefined) {
      // No last year in 补充信息: the text's own this-year and last-year figures ("上年为…") say the direction.
      if (!base) return undefined;
      const last = textLastValue(ctx, base, c);
      const cur = textValue(ctx, base, c) ?? ctx.F(base)?.fen;
      if (last === undefined || cur === undefined) return undefined;
      const diff = cur - last;
      const dir = diff === 0 ? undefined : diff > 0 ? 'increase' : 'decrease';
      if (c.kind === 'flat' ? dir === undefined : dir === c.direction) return undefined;
      const exp = dir === undefined ? '持平' : c.kind === 'changeRate' ? word(dir, true) : `${word(dir, false)}${formatWanyuan(Math.abs(diff))}万元`;
      return {
        status: 'mismatch',
        basis: 'text',
        finding: {
          message: `文中“${ctx.quote(c)}”与文中的数不符：本年 ${formatWanyuan(cur)} 万元，上年 ${formatWanyuan(last)} 万元，${dir === undefined ? '与上年持平' : `比上年${word(dir, false)} ${formatWanyuan(Math.abs(diff))} 万元`}，应写作“${exp}”。`,
          cells: ctx.F(base)?.cells ?? [],
          expected: exp,
          actual: c.kind === 'flat' ? '持平' : `${word(c.direction, c.kind === 'changeRate')}${ctx.written(c)}`,
          suggestion: exp,
        },
      };
    }
    const d = ch.fen;
    const amount = formatWanyuan(Math.abs(d));
    if (c.kind === 'flat') {
      if (d === 0) return undefined;
      const exp = `${d > 0 ? '增加' : '减少'}${amount}万元`;
      return {
        status: 'mismatch',
        basis: 'supplement',
        finding: { message: `文中“${ctx.quote(c)}”与上年数不符：${ch.how}，应写作“比上年${exp}”。`, cells: ch.cells, expected: exp, actual: '持平', suggestion: `比上年${exp}` },
      };
    }
    const factDir = ch.direction === 'flat' ? undefined : d > 0 ? 'increase' : 'decrease';
    if (factDir === c.direction) return undefined;
    if (c.kind === 'change') {
      const exp = ch.direction === 'flat' ? '持平' : `${word(factDir, false)}${amount}万元`;
      return {
        status: 'mismatch',
        basis: 'supplement',
        expected: amount,
        finding: {
          message:
            ch.direction === 'flat'
              ? `文中“${ctx.quote(c)}”与上年数不符：${ctx.label(base!)}与上年持平（${ch.how}），应写“与上年持平”。`
              : `文中“${ctx.quote(c)}”增减方向写反了：${ch.how}，应写作“${exp}”。`,
          cells: ch.cells,
          expected: exp,
          actual: ctx.written(c),
          suggestion: exp,
        },
      };
    }
    const r = rateCalc(c, ctx);
    if (!r || !r.factDirection) return undefined;
    const exp = `${r.dirWord}${r.suggestion}%`;
    return {
      status: 'mismatch',
      basis: 'supplement',
      expected: r.suggestion,
      finding: { message: `文中“${ctx.quote(c)}”增减方向写反了：${ch.how}，应写作“${exp}”。`, cells: ch.cells, expected: exp, actual: ctx.written(c), suggestion: exp },
    };
  },
};
