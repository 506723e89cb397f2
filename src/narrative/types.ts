/**
 * The generated 部门决算情况说明 as data: sections → paragraphs → runs. A run is plain wording, a figure
 * (a number computed in facts.ts, carrying the cells it comes from), a value the user typed in 补充信息
 * (carrying its cell), or a placeholder the user still has to fill ("【请填写：…】").
 *
 * Everything that is shown is in a run's `text`; joining the texts of a paragraph's runs gives the sentence
 * exactly as it will be published.
 */

export type NarrativeForm = 'sichuan' | 'shanghai';

export type Run =
  /** Fixed wording of the template. */
  | { kind: 'text'; text: string }
  /** A number from facts.ts: `fact` is its key in NarrativeFacts.facts. */
  | { kind: 'figure'; text: string; fact: string; cells: string[] }
  /** Words the user typed in 补充信息 (a reason, a use, a name), inserted as typed (end punctuation trimmed). */
  | { kind: 'input'; text: string; supplementKey: string; cells: string[] }
  /**
   * Something only the user can give. `text` is the visible run "【请填写：label】"; `supplementKey` names the
   * 补充信息 field that would fill it, when there is one.
   */
  | { kind: 'placeholder'; text: string; label: string; supplementKey?: string };

export interface Paragraph {
  /** Stable key within the narrative ("income.structure", "general.item.2010301"), for checkers and tests. */
  key: string;
  runs: Run[];
}

export interface NarrativeSection {
  /** "1" … "11", "5.1", "glossary". */
  key: string;
  /** Heading as printed ("五、一般公共预算财政拨款支出决算情况说明", "（一）…"). */
  heading: string;
  level: 1 | 2;
  paragraphs: Paragraph[];
  children: NarrativeSection[];
}

export interface Narrative {
  form: NarrativeForm;
  /** Document title ("攀枝花市西区玉泉街道办事处2021年度部门决算情况说明"). */
  title: string;
  year?: number;
  unitName?: string;
  sections: NarrativeSection[];
}

export const PLACEHOLDER_OPEN = '【请填写：';
export const PLACEHOLDER_CLOSE = '】';

export function placeholderText(label: string): string {
  return `${PLACEHOLDER_OPEN}${label}${PLACEHOLDER_CLOSE}`;
}

/** Plain text of a paragraph. */
export function paragraphText(p: Paragraph): string {
  return p.runs.map((r) => r.text).join('');
}

/** Every section in document order, depth first (a section before its children). */
export function allSections(n: Narrative): NarrativeSection[] {
  const out: NarrativeSection[] = [];
  const visit = (s: NarrativeSection) => {
    out.push(s);
    s.children.forEach(visit);
  };
  n.sections.forEach(visit);
  return out;
}

/** Every paragraph in document order. */
export function allParagraphs(n: Narrative): Paragraph[] {
  return allSections(n).flatMap((s) => s.paragraphs);
}

/** The paragraph with this key, if any. */
export function findParagraph(n: Narrative, key: string): Paragraph | undefined {
  return allParagraphs(n).find((p) => p.key === key);
}
