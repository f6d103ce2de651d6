/**
 * The extraction stage's output: mentions and claims, each with its place in the normalised
 * text, before anything is resolved ("the Cabinet Member" is still a role here, "the Chair"
 * still the chair).
 */
import type { Span } from '../segment/types.ts';
import type { NameParts, NameRuleId } from './names.ts';
import type { DecisionOutcome } from '../lexicon/decisions.ts';
import type { InterestKind } from '../lexicon/interests.ts';

/** Who a claim is about: a named person occurrence, a post named without its holder, or the Chair. */
export type Who =
  | { kind: 'person'; occurrence: number }
  | { kind: 'role'; role: string }
  | { kind: 'chair' };

export interface PersonOccurrence {
  id: number;
  parts: NameParts;
  councillor: boolean;
  /** The name-grammar rule that read this mention. */
  rule: NameRuleId;
  span: Span;
  /** Item ordinal, or null in the preamble. */
  item: number | null;
  /** Posts the document gives this mention; `rule` is the rule that read the post. */
  roles: { title: string; body: string | null; span: Span; rule?: string }[];
  represents: { body: string; span: Span }[];
}

export interface Claim {
  who: Who;
  item: number | null;
  sentence: Span;
  /** The rule that produced the claim (evidence records it). */
  rule?: string;
}

/** "Cllr X (substitute for Cllr Y)", "X substituting for Y", "(vice Cllr Y)". */
export interface SubstitutionClaim {
  who: Who;
  for: Who | null;
  sentence: Span;
  rule: string;
}

export interface RequestClaim {
  item: number;
  text: string;
  by: string | null;
  sentence: Span;
  rule?: string;
}

export interface DeferralClaim {
  item: number;
  subject: string;
  to: string | null;
  /** Moved to "the next meeting" without a date: overdue once the body has met again without it. */
  next?: boolean;
  by: string | null;
  sentence: Span;
  rule?: string;
}

/** One numbered part of a resolution (src/extract/decisions.ts). */
export interface DecisionClaim {
  item: number;
  /** The part as printed, without its number. */
  text: string;
  /** The part (evidence) and, where stated, the statement of who moved it and of the vote. */
  sentence: Span;
  outcome: DecisionOutcome | null;
  movedBy: { who: Who; sentence: Span; rule: string } | null;
  secondedBy: { who: Who; sentence: Span; rule: string } | null;
  votesFor: number | null;
  votesAgainst: number | null;
  abstentions: number | null;
  unanimous: boolean | null;
  rule: string;
}

/** "Councillor X declared a personal interest in item 7 as a governor of Y" (src/extract/declarations.ts). */
export interface DeclarationClaim {
  who: Who;
  /** The item the sentence is in (null in the preamble). */
  item: number | null;
  /** The item the interest is about, when the text names it (by number or title) or is in it. */
  about: number | null;
  interest: string;
  kind: InterestKind;
  sentence: Span;
  rule: string;
}

/** A sentence pointing back at an earlier meeting's request or deferral (src/extract/references.ts). */
export interface ReferenceClaim {
  item: number;
  kind: 'request' | 'deferral' | 'either';
  date: string | null;
  previous: boolean;
  sentence: Span;
  rule: string;
}

export interface StrategyClaim {
  item: number;
  name: string;
  kind: string;
  sentence: Span;
  approvedBy: { body: string; date: string | null } | null;
  /** Derived from the item's title rather than read in its text. */
  fromTitle?: boolean;
  rule?: string;
}

export interface BodyClaim {
  type: 'REPORTS_TO' | 'CHAIRED_BY';
  from: string;
  to: Who | { kind: 'body'; name: string };
  sentence: Span;
}

export interface Extraction {
  people: PersonOccurrence[];
  substitutions: SubstitutionClaim[];
  chair: Claim[];
  present: Claim[];
  apologies: Claim[];
  attended: Claim[];
  presented: Claim[];
  introduced: Claim[];
  /** Members or guests who asked a question or spoke in an item. */
  asked: Claim[];
  requests: RequestClaim[];
  deferrals: DeferralClaim[];
  /** What the body resolved, one entry per numbered part. */
  decisions: DecisionClaim[];
  declarations: DeclarationClaim[];
  /** Sentences that refer back to an earlier meeting's requests and deferrals. */
  references: ReferenceClaim[];
  strategies: StrategyClaim[];
  topics: { item: number; name: string; sentence: Span }[];
  bodies: BodyClaim[];
  /** Posts held by a person that the text states through a role mention ("the X chaired the Y"). */
  roleHolders: { who: Who; title: string; sentence: Span }[];
}
