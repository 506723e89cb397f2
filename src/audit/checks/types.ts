/**
 * Claim checks are units, the way rules are (src/rules/types.ts): one finding id, one severity, a title and a
 * description, and one pure function. A ClaimCheck looks at one claim and the facts and returns a verdict (with
 * its finding) or nothing; a TextCheck looks at all the claims of a text at once (lists, 类 against its 项, year
 * labels …). Neither mutates a claim: what a claim turned out to mean is in the context (subjectOf).
 */
import { Finding, Severity } from '../../rules/types';
import { Fact, Gap, NarrativeFacts } from '../../narrative/facts';
import { Claim, ClaimKind } from '../claims';
import { Sentence } from '../text';
import { SectionContext } from '../sections';

export interface TextSentence {
  sentence: Sentence;
  section: SectionContext;
}

export type ClaimStatus = 'ok' | 'rounding' | 'mismatch' | 'text' | 'unplaced';

/** A Finding (rules/types.ts) about a sentence: `cells` are the table and 补充信息 cells it contradicts. */
export interface NarrativeFinding extends Finding {
  /** Where the sentence is ("第27行", "第12段", "说明!A12"). */
  where: string;
  /** The fragment of the sentence, as written. */
  quote: string;
  /** Ids of the claims the finding is about. */
  claims: number[];
  /** The whole sentence, as written (for a reviewer working through the list). */
  sentence?: string;
  /** The wording the fragment should have ("收入总计839.87万元"), when one can be proposed. */
  suggestion?: string;
  /** Position in the text (sentence index × 100000 + offset): findings are listed in this order. */
  at?: number;
}

export interface ClaimVerdict {
  status: ClaimStatus;
  /** What the figure was compared with. */
  basis?: 'table' | 'supplement' | 'text';
  /** 未核对: why. */
  reason?: string;
  expected?: string;
}

/** What a check reports; rule id, default severity, where and sentence are filled in by the runner. */
export interface FindingDraft {
  severity?: Severity;
  message: string;
  cells: string[];
  expected?: string;
  actual?: string;
  /** Defaults to the claim's fragment. */
  quote?: string;
  suggestion?: string;
}

export interface Verdict extends ClaimVerdict {
  finding?: FindingDraft;
}

/** Read-only view of the facts and of the other claims. */
export interface CheckContext {
  readonly facts: NarrativeFacts;
  readonly claims: readonly Claim[];
  /** Every sentence of the document with its section (in scope or not), in order. */
  readonly sentences: readonly TextSentence[];
  readonly year?: number;
  F(key: string | undefined): Fact | undefined;
  G(key: string | undefined): Gap | undefined;
  label(key: string): string;
  basisOf(f: Fact): 'table' | 'supplement';
  /** The claim's subject as the figures of the text resolved it (an accepted alternative, 收支总计 aliases). */
  subjectOf(c: Claim): string | undefined;
  /** The fragment of the sentence the claim covers. */
  quote(c: Claim): string;
  /** The figure as written ("853.00万元"). */
  written(c: Claim): string;
  /** The verdict given so far (text checks run after every claim check). */
  verdictOf(c: Claim): ClaimVerdict | undefined;
}

export interface CheckMeta {
  id: string;
  /** Short Chinese title. */
  title: string;
  severity: Severity;
  /** What it checks, in Chinese. */
  description: string;
}

export interface ClaimCheck extends CheckMeta {
  kinds: ClaimKind[];
  check(c: Claim, ctx: CheckContext): Verdict | undefined;
}

export interface TextFinding extends FindingDraft {
  claims: Claim[];
  /** Defaults to the first claim's sentence. */
  sentence?: Sentence;
}

export interface TextCheckResult {
  findings: TextFinding[];
  /** Verdicts to set (a mismatch is never downgraded). */
  verdicts?: [Claim, ClaimVerdict][];
}

export interface TextCheck extends CheckMeta {
  check(ctx: CheckContext): TextCheckResult;
}
