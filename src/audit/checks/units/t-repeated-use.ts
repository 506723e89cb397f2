import { TextCheck, TextFinding } from '../types';
import { detailItems } from './detail';

/** A 项's purpose copied from the previous 项 of the 具体情况: the same "主要用于…" under two different codes. */
export const check: TextCheck = {
  id: 'A-用途重复',
  title: '项目用途与上一项相同',
  severity: '警告',
  description: '具体情况中某项的“主要用于…”与上一项逐字相同（常见于复制上一项后未改）。',
  check(ctx) {
    const findings: TextFinding[] = [];
    const items = detailItems(ctx);
    const paragraphs = new Map<number, { code: string; use: string; at: number }>();
    for (const c of items) {
      if (paragraphs.has(c.sentence.paragraph)) continue;
      const text = ctx.sentences.filter((x) => x.sentence.paragraph === c.sentence.paragraph).map((x) => x.sentence.norm).join('');
      const m = /(主要)?用于[:：]?([^。]*)/.exec(text);
      if (!m) continue;
      const use = m[2].replace(/[\s，,；;。、“”"]/g, '');
      if (use.length < 6) continue;
      paragraphs.set(c.sentence.paragraph, { code: ctx.subjectOf(c)!.slice('general.item.'.length), use, at: c.id });
    }
    const list = [...paragraphs.entries()].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < list.length; i++) {
      const [, prev] = list[i - 1];
      const [, cur] = list[i];
      if (cur.code === prev.code || cur.use !== prev.use) continue;
      const c = ctx.claims[cur.at];
      findings.push({
        claims: [c],
        quote: `用于${cur.use}`,
        message: `文中 ${cur.code} ${ctx.facts.names[cur.code] ?? ''} 的用途与上一项 ${prev.code} ${ctx.facts.names[prev.code] ?? ''} 逐字相同，像是复制了上一项后未改，请按该项实际用途改写。`,
        cells: ctx.F(`general.item.${cur.code}`)?.cells ?? [],
        actual: `用于${cur.use}`,
      });
    }
    return { findings };
  },
};
