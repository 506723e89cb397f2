/**
 * Display helpers for 生成说明: the generated narrative laid out as blocks (title, headings, paragraphs) whose runs
 * are either ordinary text or a placeholder the user still has to fill (shown highlighted), the count of
 * 【请填写】 left, the forms offered and the Word file's name. Presentation only — the narrative is built in
 * engine.ts (src/narrative).
 */
import type { Narrative, NarrativeForm, NarrativeSection } from '../narrative/types';

export const FORMS: { value: NarrativeForm; label: string }[] = [
  { value: 'sichuan', label: '四川格式' },
  { value: 'shanghai', label: '上海格式' },
];

export function formLabel(form: NarrativeForm): string {
  return FORMS.find((f) => f.value === form)?.label ?? form;
}

export interface NarrativeRun {
  text: string;
  placeholder: boolean;
}

export interface NarrativeBlock {
  key: string;
  kind: 'title' | 'heading1' | 'heading2' | 'paragraph';
  runs: NarrativeRun[];
}

export interface NarrativeDoc {
  form: NarrativeForm;
  title: string;
  blocks: NarrativeBlock[];
  /** narrativeText(n): what 复制全文 puts on the clipboard. */
  text: string;
  /** countPlaceholders(n). */
  placeholders: number;
  /** "攀枝花市西区玉泉街道办事处2021年度部门决算情况说明.docx". */
  docxName: string;
  /** The engine's narrative, kept for the Word document. */
  narrative: Narrative;
}

/** Runs with adjacent non-placeholder runs merged (figures and typed inputs read as ordinary text). */
export function mergeRuns(runs: { kind: string; text: string }[]): NarrativeRun[] {
  const out: NarrativeRun[] = [];
  for (const r of runs) {
    const placeholder = r.kind === 'placeholder';
    const last = out[out.length - 1];
    if (last && !placeholder && !last.placeholder) last.text += r.text;
    else out.push({ text: r.text, placeholder });
  }
  return out;
}

export function narrativeBlocks(n: Narrative): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [{ key: 'title', kind: 'title', runs: mergeRuns([{ kind: 'text', text: n.title }]) }];
  const visit = (s: NarrativeSection) => {
    blocks.push({ key: `h:${s.key}`, kind: s.level === 1 ? 'heading1' : 'heading2', runs: [{ text: s.heading, placeholder: false }] });
    s.paragraphs.forEach((p, i) => blocks.push({ key: `p:${s.key}:${p.key}:${i}`, kind: 'paragraph', runs: mergeRuns(p.runs) }));
    s.children.forEach(visit);
  };
  n.sections.forEach(visit);
  return blocks;
}

/**
 * The Word file's name: the title when the unit and the year are known ("玉泉街道2021年度部门决算情况说明.docx").
 * What is unknown is left out rather than leaving "年度部门决算情况说明": the workbook's name stands in for an unknown
 * unit, an unknown year is simply not named. Characters Windows forbids are replaced.
 */
export function docxFileName(n: Pick<Narrative, 'title' | 'year' | 'unitName'>, source?: string): string {
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, '_').replace(/【请填写：[^】]*】/g, '').trim();
  if (n.unitName && n.year !== undefined) return `${clean(n.title) || '部门决算情况说明'}.docx`;
  const unit = n.unitName ? clean(n.unitName) : '';
  const book = !unit && source && source !== '当前工作簿' ? clean(source.replace(/\.xlsx$/i, '')) : '';
  const year = n.year !== undefined ? `${n.year}年度` : '';
  const parts = [book, `${unit}${year}部门决算情况说明`].filter(Boolean);
  return `${parts.join('_')}.docx`;
}

export function narrativeDoc(n: Narrative, text: string, placeholders: number, source?: string): NarrativeDoc {
  return { form: n.form, title: n.title, blocks: narrativeBlocks(n), text, placeholders, docxName: docxFileName(n, source), narrative: n };
}

/** "还有 77 处【请填写】需要补充（文中红色标出）" / "说明中已没有待填写的位置。". */
export function placeholderText(count: number): string {
  return count ? `还有 ${count} 处【请填写】需要补充（文中红色标出）` : '说明中已没有待填写的位置。';
}

export function narrativeWrittenText(form: NarrativeForm, host: 'excel' | 'browser'): string {
  return `已按${formLabel(form)}生成说明，并${host === 'excel' ? '写入' : '在结果工作簿中写入'}“决算说明”工作表。`;
}

/** The question asked before an existing 决算说明 sheet is rewritten. */
export const REGENERATE_QUESTION = '“决算说明”工作表已存在，是否重新生成？只会改写这张表。';
