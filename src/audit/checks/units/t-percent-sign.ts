import { TextCheck, TextFinding } from '../types';

/**
 * A change of a share ("占比提高", "比重比上年下降") is counted in 个百分点: a bare number after it lacks that
 * unit, not "%".
 */
const SHARE_CHANGE = /(占比|比重|比例|占[^，,。；;:：\d]{0,24}的?(比重|比例))[^，,。；;:：\d]{0,12}(提高|增加|上升|增长|下降|降低|减少)了?\s*$/;

/**
 * "增长13.95。": a percentage written without "%". Tolerant by design, in the tokenizer (audit/tokens.ts): a bare
 * number is taken for a percentage only right after the words that call for one (增长, 下降, 占…, 比重为, 完成…预算的,
 * 执行率为) and only when the clause ends right after it — "增长0.5个百分点", "增长1.5倍", "下降0.8成", "人均0.35万元"
 * carry their own unit and are no finding. Here: a share's change gets "个百分点" as its missing unit.
 */
export const check: TextCheck = {
  id: 'A-百分号',
  title: '百分比缺少%',
  severity: '警告',
  description: '增减幅度、占比、完成率后面漏写“%”（占比的增减漏写“个百分点”）。',
  check(ctx) {
    const findings: TextFinding[] = [];
    for (const c of ctx.claims) {
      if (!c.percent || !c.token || c.token.unit !== '') continue;
      const points = SHARE_CHANGE.test(c.sentence.norm.slice(0, c.token.start));
      const right = `${c.token.numText}${points ? '个百分点' : '%'}`;
      findings.push({
        claims: [c],
        message: points
          ? `文中“${ctx.quote(c)}”是占比的增减，缺少单位“个百分点”，应写作“${right}”。`
          : `文中“${ctx.quote(c)}”的百分比缺少“%”，应写作“${right}”。`,
        cells: ctx.F(ctx.subjectOf(c))?.cells ?? [],
        expected: right,
        actual: c.token.numText,
        suggestion: right,
      });
    }
    return { findings };
  },
};
