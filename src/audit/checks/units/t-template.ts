import { TextCheck, TextFinding } from '../types';

// Alternatives a template offers ("增长（下降）", "增加/减少", "大于（小于）") and placeholders ("XXX", "×××", "【请填写…】").
const ALTERNATIVES = /(增加|增长|上升|提高|减少|下降|降低|大于|小于|高于|低于|超过|持平)\s*(?:[(（]\s*(增加|增长|上升|提高|减少|下降|降低|大于|小于|高于|低于|持平)\s*[)）]|[/／]\s*(增加|增长|上升|提高|减少|下降|降低|大于|小于|高于|低于|持平))/g;
// The generator's own "【请填写：…】" runs are highlighted where they are written and are not reported here.
const PLACEHOLDER = /[XＸxｘ×*＊]{2,}|【(?!请填写[:：])[^】]*(请|填写|待|XX)[^】]*】|[(（]\s*(单位名称|年度|金额|数量)\s*[)）]/g;

/** Template text left in the 说明: alternatives not chosen, placeholders not filled. */
export const check: TextCheck = {
  id: 'A-模板残留',
  title: '模板文字未删改',
  severity: '错误',
  description: '说明中留有模板的备选词（“增长（下降）”“增加/减少”）或占位符（“XXX”“【请填写】”）。',
  check(ctx) {
    const findings: TextFinding[] = [];
    for (const { sentence: s, section } of ctx.sentences) {
      if (!section.inScope) continue;
      for (const re of [ALTERNATIVES, PLACEHOLDER]) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(s.norm))) {
          const q = s.text.slice(m.index, m.index + m[0].length);
          const alt = re === ALTERNATIVES;
          // The figures of the sentence say which alternative is right, when a change in it was checked.
          // The figure right after the alternatives, or the change of the sentence's subject.
          const after = ctx.claims.find((c) => c.sentence === s && c.token && c.token.start >= m!.index && ctx.subjectOf(c));
          const change = after ?? ctx.claims.find((c) => c.sentence === s && ctx.subjectOf(c));
          const ch = change ? ctx.F(`${ctx.subjectOf(change)!.replace(/\.(change|changePct)$/, '')}.change`) : undefined;
          const pick = alt && ch?.fen !== undefined ? (ch.fen > 0 ? (/增长|上升/.test(q) ? '增长' : '增加') : ch.fen < 0 ? (/下降|降低/.test(q) ? '下降' : '减少') : '持平') : undefined;
          findings.push({
            claims: change ? [change] : [],
            sentence: s,
            quote: q,
            message: alt
              ? `文中“${q}”是模板的备选词，未按实际删改：应只保留一个${pick ? `，按上年数应写“${pick}”` : '（按本年与上年的数字选择）'}。`
              : `文中“${q}”是模板的占位符，未填写实际内容。`,
            cells: ch?.cells ?? [],
            actual: q,
            expected: pick,
            suggestion: pick,
          });
        }
      }
    }
    return { findings };
  },
};
