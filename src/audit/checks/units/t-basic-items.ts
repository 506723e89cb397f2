import { economicCatalogue } from '../../../catalogue';
import { similarity } from '../../paths';
import { TextCheck, TextFinding } from '../types';
import { Sentence } from '../../text';

interface Named {
  code: string;
  name: string;
}

const LIST_LEAD = /(主要)?(包括|用于|包含|有)[:：]?/;

/** Economic 款 names of the year (301xx, 302xx, 303xx, 310xx …). */
function economicItems(year: number | undefined): Named[] {
  const cat = economicCatalogue();
  const y = year ?? new Date().getFullYear() - 1;
  return [...cat.forYear(y)].filter(([code]) => code.length === 5).map(([code, e]) => ({ code, name: e.name }));
}

function matchItem(word: string, all: Named[], preferred: Set<string>): Named | undefined {
  const raw = word.replace(/^(其中|以及|和|及|与|主要是|主要为)/, '').replace(/(等|等方面|方面)+$/, '').trim();
  const short = raw.replace(/(支出|费用|开支)+$/, '');
  if (short.length < 2) return undefined;
  let best: { n: Named; score: number } | undefined;
  for (const n of all) {
    const name = n.name.replace(/（/g, '(').replace(/）/g, ')');
    let score = 0;
    for (const w of [raw, short]) score = Math.max(score, name === w ? 1 : name.endsWith(w) && w.length >= 3 ? 0.9 : similarity(w, name));
    // Two 款 of one name (30902 / 31002 办公设备购置): the one table 6 has.
    if (preferred.has(n.code)) score += 0.01;
    if (score >= 0.8 && (!best || score > best.score)) best = { n, score };
  }
  return best?.n;
}

/**
 * 六: the items said to make up 人员经费 / 公用经费 ("主要包括基本工资、津贴补贴…") against the non-zero 款 of
 * table 6: an item named that is 0 there, a non-zero item left out.
 */
export const check: TextCheck = {
  id: 'A-经费构成',
  title: '人员经费、公用经费构成与表6不符',
  severity: '警告',
  description: '基本支出中人员经费、公用经费“主要包括”的项目：列了表6中为0的项目，或漏了表6中有金额的项目（列举以“等”结尾的为提示）。',
  check(ctx) {
    const findings: TextFinding[] = [];
    const all = economicItems(ctx.facts.year ?? ctx.year);
    const groups: [RegExp, Named[], string, string][] = [
      [/人员经费/, ctx.facts.lists.personnelItems, '人员经费', 'basic.personnel'],
      [/(日常)?公用经费/, ctx.facts.lists.publicItems, '公用经费', 'basic.public'],
    ];
    for (const { sentence: s, section } of ctx.sentences) {
      if (!section.inScope || section.kind !== 'basic') continue;
      for (const [re, nonZero, label, key] of groups) {
        const segment = listAfter(s, re);
        if (!segment) continue;
        const words = segment.text.split(/[、，,;；]/).map((w) => w.trim()).filter(Boolean);
        const preferred = new Set([...ctx.facts.lists.personnelItems, ...ctx.facts.lists.publicItems].map((n) => n.code));
        const named = words.map((w) => ({ w, n: matchItem(w, all, preferred) })).filter((x): x is { w: string; n: Named } => !!x.n);
        if (!named.length) continue;
        const nz = new Set(nonZero.map((n) => n.code));
        const cells = ctx.F(key)?.cells ?? [];
        const zero = named.filter((x) => !nz.has(x.n.code));
        if (zero.length) {
          findings.push({
            claims: ctx.claims.filter((c) => c.sentence === s).slice(0, 1),
            sentence: s,
            quote: zero.map((x) => x.w).join('、'),
            message: `文中${label}列了${zero.length}项在一般公共预算财政拨款基本支出决算表中为0（或没有）的项目：${zero.map((x) => `“${x.w}”（${x.n.code} ${x.n.name}）`).join('、')}，应删去；表中有金额的是：${nonZero.map((n) => n.name).join('、')}。`,
            cells,
            actual: zero.map((x) => x.w).join('、'),
            expected: nonZero.map((n) => n.name).join('、'),
            suggestion: nonZero.map((n) => n.name).join('、'),
          });
        }
        const seen = new Set(named.map((x) => x.n.code));
        const missing = nonZero.filter((n) => !seen.has(n.code));
        if (missing.length) {
          findings.push({
            claims: ctx.claims.filter((c) => c.sentence === s).slice(0, 1),
            sentence: s,
            severity: segment.open ? '提示' : '警告',
            quote: segment.text,
            message: `文中${label}的构成漏了基本支出决算表中有金额的${missing.length}项：${missing.map((n) => `${n.code} ${n.name}`).join('、')}。`,
            cells,
            expected: nonZero.map((n) => n.name).join('、'),
            actual: segment.text,
            suggestion: nonZero.map((n) => n.name).join('、'),
          });
        }
      }
    }
    return { findings };
  },
};

/** The list after "人员经费…主要包括" up to the next group or the end of the clause; `open` when it ends with 等. */
function listAfter(s: Sentence, re: RegExp): { text: string; open: boolean } | undefined {
  const m = re.exec(s.norm);
  if (!m) return undefined;
  const rest = s.norm.slice(m.index + m[0].length);
  const lead = LIST_LEAD.exec(rest);
  if (!lead) return undefined;
  const head = rest.slice(0, lead.index);
  if (/[；;。]/.test(head) || /公用经费|人员经费/.test(head)) return undefined;
  let body = rest.slice(lead.index + lead[0].length);
  const stop = body.search(/[；;。]|公用经费|人员经费/);
  if (stop >= 0) body = body.slice(0, stop);
  body = body.replace(/[，,]\s*$/, '').trim();
  if (!body) return undefined;
  return { text: body.replace(/等+(方面)?(支出|费用)?$/, ''), open: /等(方面)?(支出|费用)?$/.test(body) };
}
