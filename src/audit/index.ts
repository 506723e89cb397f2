/**
 * 说明核对: check a hand-written 部门决算情况说明 against the tables and 补充信息.
 *
 *   const input = await readNarrativeFile(bytes, 'shuoming.docx');   // or paragraphsFromSheet(snapshot)
 *   const result = auditNarrative(input, accounts, supplement);
 *
 * Every figure of the audited part is a claim; each claim is checked against the facts the generated
 * narrative would state (narrative/facts.ts) or, where the tables and 补充信息 are silent, against the other
 * figures of the text; what cannot be placed is listed as 未核对 with the reason, never passed silently.
 */
import { Accounts } from '../model/types';
import { Supplement } from '../supplement/sheet';
import { NarrativeFacts, computeFacts } from '../narrative/facts';
import { NarrativeInput, cleanText, joinBrokenLines, splitSentences, Sentence } from './text';
import { SectionContext, SectionKind, assignSections, matchHeading } from './sections';
import { Claim, ClaimKind, extractClaims } from './claims';
import { CheckContext, ClaimStatus, ClaimVerdict, NarrativeFinding, runChecks } from './checks';
import { findTokens } from './tokens';

export { readNarrativeFile, paragraphsFromSheet, docxParagraphs, NarrativeReadError } from './text';
export type { NarrativeInput, Paragraph } from './text';
export type { NarrativeFinding, ClaimStatus } from './checks';
export { CLAIM_CHECKS, TEXT_CHECKS, allChecks } from './checks';

export interface ClaimReport {
  id: number;
  kind: ClaimKind;
  where: string;
  quote: string;
  /** The figure as written ("853.00万元", "98.86%"). */
  written: string;
  /** Fact key of what it was read as ("income.total", "general.item.2010301.completion"). */
  subject?: string;
  section?: SectionKind;
  status: ClaimStatus;
  basis?: ClaimVerdict['basis'];
  /** 未核对 (or checked only against the text): why. */
  reason?: string;
  expected?: string;
}

export interface AuditCounts {
  /** Figures recognised in the audited part. */
  figures: number;
  /** Compared with the tables, 补充信息 or other figures of the text (includes mismatched). */
  checked: number;
  /** With a finding of 错误 or 警告. */
  mismatched: number;
  /** 未核对. */
  unplaced: number;
  /** Checked only against other figures of the text. */
  textOnly: number;
  /** Findings by severity. */
  errors: number;
  warnings: number;
  hints: number;
  /** Figures outside the audited part (部门概况, 名词解释, 附件), not checked. */
  outOfScope: number;
}

/** What a reviewer reads first: findings by severity and the figures left unchecked. */
export interface AuditTotals {
  错误: number;
  警告: number;
  提示: number;
  未核对: number;
}

export interface AuditResult {
  /** Counts of 错误 / 警告 / 提示 / 未核对, at the top. */
  totals: AuditTotals;
  year?: number;
  /** In the order of the text; each with its sentence, cells and (when one can be proposed) the wording it should have. */
  findings: NarrativeFinding[];
  claims: ClaimReport[];
  unplaced: ClaimReport[];
  counts: AuditCounts;
  /** Sections recognised, in order. */
  sections: { kind?: SectionKind; title: string; where: string }[];
  /** Notes about the run (no 情况说明 part found, year unknown …). */
  notes: string[];
}

export interface AuditOptions {
  /** Report year, when neither the tables nor 补充信息 give it. */
  year?: number;
  /** Precomputed facts (the same computeFacts(accounts, supplement)). */
  facts?: NarrativeFacts;
}

export function auditNarrative(input: NarrativeInput, accounts: Accounts, supplement: Supplement, opts: AuditOptions = {}): AuditResult {
  const facts = opts.facts ?? computeFacts(accounts, supplement);
  const notes: string[] = [];
  const paragraphs = joinBrokenLines(input.paragraphs, (c) => matchHeading(c) !== undefined);
  const sections = assignSections(paragraphs, cleanText);
  const sentences = splitSentences(paragraphs);
  const year = facts.year ?? opts.year ?? yearFromText(sentences);
  if (!facts.year && year) notes.push(`表中和补充信息中都没有决算年度，按文中的${year}年核对年度。`);
  if (!year) notes.push('未能确定决算年度，未核对年度。');
  const sectionOf = (s: Sentence): SectionContext => sections[s.paragraph];

  const claims = extractClaims(sentences, sectionOf, { accounts, year });
  const run = runChecks(facts, claims, year, sentences.map((s) => ({ sentence: s, section: sectionOf(s) })));

  const reports: ClaimReport[] = claims.map((c) => report(c, run.verdicts.get(c.id), run.ctx));
  const findings = run.findings;
  const withFinding = new Set(findings.filter((f) => f.severity !== '提示').flatMap((f) => f.claims));
  for (const r of reports) if (withFinding.has(r.id) && r.status !== 'mismatch') r.status = 'mismatch';

  let outOfScope = 0;
  for (const s of sentences) {
    if (sectionOf(s).inScope) continue;
    outOfScope += findTokens(s.norm).filter((t) => t.kind !== 'year').length;
  }
  if (!sections.some((s) => s.inScope)) notes.push('文中没有找到“部门决算情况说明”部分，未核对任何数字。');

  const counts: AuditCounts = {
    figures: reports.length,
    checked: reports.filter((r) => r.status !== 'unplaced').length,
    mismatched: reports.filter((r) => r.status === 'mismatch').length,
    unplaced: reports.filter((r) => r.status === 'unplaced').length,
    textOnly: reports.filter((r) => r.status === 'text').length,
    errors: findings.filter((f) => f.severity === '错误').length,
    warnings: findings.filter((f) => f.severity === '警告').length,
    hints: findings.filter((f) => f.severity === '提示').length,
    outOfScope,
  };

  const seen = new Set<string>();
  const sectionList: AuditResult['sections'] = [];
  for (const s of sections) {
    if (!s.inScope || !s.title || !s.where || seen.has(s.where)) continue;
    seen.add(s.where);
    sectionList.push({ kind: s.kind, title: s.title, where: s.where });
  }

  return {
    totals: { 错误: counts.errors, 警告: counts.warnings, 提示: counts.hints, 未核对: counts.unplaced },
    year,
    findings,
    claims: reports,
    unplaced: reports.filter((r) => r.status === 'unplaced'),
    counts,
    sections: sectionList,
    notes,
  };
}

function report(c: Claim, verdict: ClaimVerdict | undefined, ctx: CheckContext): ClaimReport {
  const v = verdict ?? { status: 'unplaced' as const, reason: '未能核对。' };
  const t = c.token;
  let subject = ctx.subjectOf(c);
  if (subject && c.kind === 'share') subject = `${subject}.share`;
  if (subject && c.kind === 'completion') subject = `${subject}.completion`;
  if (subject && c.kind === 'change') subject = `${subject}.change`;
  if (subject && c.kind === 'changeRate') subject = `${subject}.changePct`;
  return {
    id: c.id,
    kind: c.kind,
    where: c.sentence.where,
    quote: ctx.quote(c),
    written: t ? `${t.numText}${t.unit}` : '持平',
    subject,
    section: c.section.kind,
    status: v.status,
    basis: v.basis,
    reason: v.reason,
    expected: v.expected,
  };
}

function yearFromText(sentences: Sentence[]): number | undefined {
  for (const s of sentences.slice(0, 80)) {
    const m = /(\d{4})\s*年度?\s*(部门)?决算/.exec(s.norm);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The counts line at the top of a report: "错误 2 处、警告 1 处、提示 3 处；未核对 5 个数字". */
export function totalsLine(r: AuditResult): string {
  const t = r.totals;
  return `错误 ${t.错误} 处、警告 ${t.警告} 处、提示 ${t.提示} 处；未核对 ${t.未核对} 个数字`;
}

/** A short Chinese summary of the result (for the CLI and the task pane). */
export function summarise(r: AuditResult): string {
  const c = r.counts;
  return `共识别数字 ${c.figures} 个：已核对 ${c.checked} 个（其中仅与文中其他数字核对 ${c.textOnly} 个），不符 ${c.mismatched} 个，未核对 ${c.unplaced} 个；发现错误 ${c.errors} 处、警告 ${c.warnings} 处、提示 ${c.hints} 处。`;
}
