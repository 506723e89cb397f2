/**
 * buildNarrative: accounts + 补充信息 → the 部门决算情况说明 in the chosen form; narrativeText: the same as
 * plain text, ready to paste into Word.
 */
import { Accounts } from '../model/types';
import { Supplement, emptySupplement } from '../supplement/sheet';
import { NarrativeFacts, computeFacts } from './facts';
import { Ctx } from './templates/common';
import { sichuanSections } from './templates/sichuan';
import { shanghaiSections } from './templates/shanghai';
import { Narrative, NarrativeForm, NarrativeSection, paragraphText } from './types';

export interface NarrativeOptions {
  /** 'sichuan' (default): the form of the published 四川 说明; 'shanghai': the 2024 上海 template. */
  form?: NarrativeForm;
  /** Facts already computed (the checker and the task pane compute them once). */
  facts?: NarrativeFacts;
}

export interface BuiltNarrative extends Narrative {
  /** The facts the narrative states (same object a checker uses). */
  facts: NarrativeFacts;
}

export function buildNarrative(accounts: Accounts, supplement: Supplement = emptySupplement(), options: NarrativeOptions = {}): BuiltNarrative {
  const form = options.form ?? 'sichuan';
  const facts = options.facts ?? computeFacts(accounts, supplement);
  const ctx = new Ctx(facts, form);
  const sections = form === 'shanghai' ? shanghaiSections(ctx) : sichuanSections(ctx);
  const name = facts.unitName ?? '【请填写：单位名称】';
  const year = facts.year !== undefined ? String(facts.year) : '【请填写：决算年度】';
  return { form, title: `${name}${year}年度部门决算情况说明`, year: facts.year, unitName: facts.unitName, sections, facts };
}

/** Plain text: the title, then each heading and paragraph on its own line. */
export function narrativeText(n: Narrative): string {
  const lines: string[] = [n.title];
  const visit = (s: NarrativeSection) => {
    lines.push(s.heading);
    for (const p of s.paragraphs) lines.push(paragraphText(p));
    s.children.forEach(visit);
  };
  n.sections.forEach(visit);
  return lines.join('\n') + '\n';
}
