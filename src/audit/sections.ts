/**
 * The sections of a 部门决算情况说明 (DOMAIN.md §5), recognised by their heading wording rather than their
 * numbering: real texts write "一、", "1、", "9、", "（一）", "第二部分" or no number at all.
 *
 * Parts ("第一部分 部门概况", "第二部分 …决算情况说明", "第三部分 名词解释", "附件"): when the document
 * has part headings, only the 情况说明 part is audited; the rest is out of scope (counted, not checked).
 */
import { normaliseChars } from './text';

export type SectionKind =
  | 'overview' // 一 收入支出决算总体情况
  | 'income' // 二 收入决算情况
  | 'expenditure' // 三 支出决算情况
  | 'fiscal' // 四 财政拨款收入支出决算总体情况
  | 'general' // 五 一般公共预算财政拨款支出决算情况
  | 'basic' // 六 一般公共预算财政拨款基本支出决算情况
  | 'threePublic' // 七 "三公"经费
  | 'govFund' // 八 政府性基金预算
  | 'stateCapital' // 九 国有资本经营预算
  | 'other' // 十 其他重要事项
  | 'running' // 机关运行经费
  | 'procurement' // 政府采购
  | 'assets' // 国有资产占有使用
  | 'performance' // 预算绩效管理
  | 'unknown'; // a heading in scope that is none of the above

/** Sub-parts of 五 and 七. */
export type SubKind = 'total' | 'structure' | 'detail' | undefined;

export type PartKind = 'profile' | 'narrative' | 'tables' | 'glossary' | 'appendix' | 'other';

export interface SectionContext {
  kind: SectionKind | undefined;
  sub: SubKind;
  /** The heading as written (cleaned), for reports. */
  title?: string;
  where?: string;
  /** Inside the part that is audited. */
  inScope: boolean;
}

/** Heading wording → section kind. Order matters: the first match wins (more specific first). */
const SECTION_TITLES: [SectionKind, RegExp][] = [
  ['govFund', /政府性基金预算/],
  ['stateCapital', /国有资本经营预算/],
  ['fiscal', /财政拨款收入支出(决算)?(总体|总计)?情况/],
  ['overview', /收入支出(决算)?(总体|总计)情况/],
  ['income', /^(本年)?收入决算情况/],
  ['expenditure', /^(本年)?支出决算情况/],
  ['basic', /一般公共预算财政拨款基本支出/],
  ['general', /一般公共预算(财政拨款)?支出/],
  ['threePublic', /三公/],
  ['other', /其他重要事项/],
  ['running', /机关运行经费/],
  ['procurement', /政府采购/],
  ['assets', /国有资产/],
  ['performance', /绩效/],
];

const SUB_TITLES: [Exclude<SubKind, undefined>, RegExp][] = [
  ['total', /总体情况/],
  ['structure', /结构情况|结构/],
  ['detail', /具体情况|明细情况/],
];

const PART_RE = /^第\s*[一二三四五六七八九十\d]+\s*部分\s*/;
const NUMBERING_RE = /^\s*(?:第\s*[一二三四五六七八九十\d]+\s*部分|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．](?!\d)|[（(]\s*[一二三四五六七八九十\d]+\s*[)）][、.．]?)\s*/;

/** Strip a heading's numbering ("四、", "9、 ", "（一）", "第二部分"). */
export function stripNumbering(text: string): string {
  return text.replace(NUMBERING_RE, '').trim();
}

function partOf(title: string): PartKind {
  if (/概况/.test(title)) return 'profile';
  if (/名词解释/.test(title)) return 'glossary';
  if (/附件|附表/.test(title)) return 'appendix';
  if (/决算表/.test(title) && !/说明/.test(title)) return 'tables';
  if (/情况说明|决算说明/.test(title)) return 'narrative';
  return 'other';
}

/** Could this paragraph be a heading? Short, no amounts or shares, not a sentence that states figures. */
export function looksLikeHeading(norm: string): boolean {
  const t = norm.trim();
  if (t.length === 0 || t.length > 48) return false;
  if (/\d+(\.\d+)?\s*(万元|元|%|辆|人次|批次)/.test(t)) return false;
  return true;
}

export interface HeadingMatch {
  part?: PartKind;
  kind?: SectionKind;
  sub?: SubKind;
  /** Glossary / appendix headings without a part marker switch the scope off. */
  stop?: 'glossary' | 'appendix' | 'table';
  numbered: boolean;
}

/** Classify one cleaned paragraph as a heading, or undefined. */
export function matchHeading(cleaned: string): HeadingMatch | undefined {
  const norm = normaliseChars(cleaned).trim();
  if (!looksLikeHeading(norm)) return undefined;
  // Figure captions: "（图5：一般公共预算财政拨款支出决算变动情况）".
  if (/^[(（]?\s*图\s*\d/.test(norm)) return undefined;
  if (PART_RE.test(norm)) return { part: partOf(norm.replace(PART_RE, '')), numbered: true };
  const numbered = NUMBERING_RE.test(norm);
  const title = stripNumbering(norm).replace(/[。.:：]$/, '');
  if (/^名词解释/.test(title)) return { stop: 'glossary', numbered };
  if (/^附件|^附表/.test(title) && title.length < 30) return { stop: 'appendix', numbered };
  // A table pasted into the text ("项目绩效目标完成情况表"): its cells are not sentences of the 说明.
  if (/表$/.test(title) && !numbered) return { stop: 'table', numbered };
  for (const [kind, re] of SECTION_TITLES) {
    if (!re.test(title)) continue;
    // A heading names its section and ends with 情况/说明 (or is short); a sentence that merely mentions
    // 政府采购 is not a heading.
    if (!/情况|说明|决算$/.test(title) && title.length > 16) continue;
    const sub = SUB_TITLES.find(([, r]) => r.test(title))?.[0];
    return { kind, sub, numbered };
  }
  if (numbered && /情况|说明/.test(title)) return { kind: 'unknown', numbered };
  return undefined;
}

/**
 * Walk the paragraphs and give each its section. `hasParts`: the document uses "第X部分" headings, so
 * only the 情况说明 part is in scope.
 */
export function assignSections(paragraphs: { text: string; where: string }[], clean: (s: string) => string): SectionContext[] {
  const cleaned = paragraphs.map((p) => clean(p.text));
  const heads = cleaned.map((c) => matchHeading(c));
  const hasParts = heads.some((h) => h?.part === 'narrative');
  let inPart = !hasParts;
  let stopped: false | 'glossary' | 'appendix' | 'table' = false;
  let current: SectionContext = { kind: undefined, sub: undefined, inScope: !hasParts };
  const out: SectionContext[] = [];
  cleaned.forEach((text, i) => {
    const h = heads[i];
    if (h?.part) {
      inPart = h.part === 'narrative';
      stopped = false;
      current = { kind: undefined, sub: undefined, inScope: inPart, title: text.trim(), where: paragraphs[i].where };
    } else if (h?.stop) {
      stopped = h.stop;
      current = { kind: undefined, sub: undefined, inScope: false, title: text.trim(), where: paragraphs[i].where };
    } else if (h?.kind && inPart && (!stopped || (stopped === 'table' && h.numbered))) {
      stopped = false;
      const kind = h.kind;
      const sub = h.sub;
      current = { kind, sub: kind === 'general' || kind === 'threePublic' ? sub : undefined, inScope: true, title: text.trim(), where: paragraphs[i].where };
    }
    out.push({ ...current });
  });
  return out;
}
