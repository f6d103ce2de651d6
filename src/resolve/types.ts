/**
 * The output of extraction for one document, after in-document resolution (roles to people,
 * "the Chair", aliases). Everything downstream (graph building, eval, the API) reads this.
 */
import type { Evidence } from '../graph/model.ts';

export type PersonKind = 'councillor' | 'officer' | 'external';

/** A reference to a person of `ResolvedDocument.people`, with the sentence that says so. */
export interface PersonRef {
  person: string;
  evidence: Evidence;
}

export interface RoleMention {
  title: string;
  /** The body the post belongs to, where the text says ("Chair of the X Board"). */
  body: string | null;
  evidence: Evidence;
}

export interface ResolvedPerson {
  /** Key unique within the document (normalised canonical name). */
  key: string;
  /** The fullest form the document gives: "Helen Sweaton", "Councillor Cusworth". */
  name: string;
  /** Other spellings in this document ("Helen Sweatton"). */
  aliases: string[];
  kind: PersonKind;
  roles: RoleMention[];
  represents: { body: string; evidence: Evidence }[];
  mentions: Evidence[];
}

export interface ResolvedRequest {
  text: string;
  /** The body that asked; usually the committee itself. */
  by: string | null;
  evidence: Evidence;
}

export interface ResolvedDeferral {
  subject: string;
  /** `YYYY-MM` or `YYYY-MM-DD`; null for "a future meeting". */
  to: string | null;
  /** Moved to "the next meeting" without a date. */
  next?: boolean;
  /** The meeting it was moved from, when known (the meeting date). */
  from: string | null;
  /** Who asked for the move, when stated. */
  by: string | null;
  evidence: Evidence;
}

/** One numbered part of a resolution, with who moved and seconded it and the vote where stated. */
export interface ResolvedDecision {
  text: string;
  /** APPROVED, NOTED, … where the wording makes it clear; null otherwise. */
  outcome: string | null;
  movedBy: PersonRef | null;
  secondedBy: PersonRef | null;
  votesFor: number | null;
  votesAgainst: number | null;
  abstentions: number | null;
  /** True for "carried unanimously", false for a split vote, null when the text does not say. */
  unanimous: boolean | null;
  evidence: Evidence;
}

/** A declaration of interest: who, the item it is about (when the text says), the interest and its kind. */
export interface ResolvedDeclaration {
  person: string;
  /** ResolvedItem.key of the item the interest is about; null when the text does not say. */
  item: string | null;
  interest: string;
  /** PECUNIARY, NON_PECUNIARY, OTHER_REGISTRABLE or UNSPECIFIED. */
  kind: string;
  evidence: Evidence;
}

/** "Councillor X (substitute for Councillor Y)": `for` is null when the text names no one. */
export interface ResolvedSubstitution {
  person: string;
  for: string | null;
  evidence: Evidence;
}

/**
 * A sentence of a later item pointing back at earlier business: "Further to the request made at
 * the meeting on 5 March …", "as requested by the Panel", "had been deferred from the meeting on
 * 24 June". Follow-through across meetings (src/resolve/follow.ts) links on these.
 */
export interface BackReference {
  /** What it points back at; `either` for "As agreed at the meeting on …". */
  kind: 'request' | 'deferral' | 'either';
  /** The earlier meeting's date as the text gives it (`YYYY-MM-DD` or `YYYY-MM`), or null. */
  date: string | null;
  /** "the last meeting": the body's meeting immediately before this one. */
  previous: boolean;
  evidence: Evidence;
}

export interface ResolvedStrategy {
  name: string;
  kind: string;
  evidence: Evidence;
  approvedBy: { body: string; date: string | null; evidence: Evidence } | null;
}

export interface ResolvedItem {
  /** `${docId}#${ordinal}`: stable within the document. */
  key: string;
  ordinal: number;
  number: string | null;
  title: string;
  /** Span of the item in the original text. */
  start: number;
  end: number;
  attendees: PersonRef[];
  presenters: PersonRef[];
  introducers: PersonRef[];
  /** Members or guests who asked a question or spoke in the item. */
  askedBy: PersonRef[];
  requests: ResolvedRequest[];
  deferrals: ResolvedDeferral[];
  /** What the body resolved in the item, one entry per numbered part, in order. */
  decisions?: ResolvedDecision[];
  /** Sentences of the item that refer back to an earlier meeting's request or deferral. */
  references?: BackReference[];
  strategies: ResolvedStrategy[];
  topics: { name: string; evidence: Evidence }[];
}

export interface BodyRelation {
  type: 'REPORTS_TO' | 'CHAIRED_BY';
  from: string;
  /** A body name, a person key, or a role title, according to `toKind`. */
  to: string;
  toKind: 'Body' | 'Person' | 'Role';
  evidence: Evidence;
}

export interface ResolvedDocument {
  /** `url`: where the minutes are published, when known (an HTML page's canonical link, `ingest --url`). */
  source: { id: string; path: string; sha256: string; format: string; url?: string | null };
  meeting: {
    body: string | null;
    /** The council, where the text names it (venue, header); keeps councils' people apart. */
    council: string | null;
    /** ISO date; null when the document does not state it (never invented). */
    date: string | null;
    evidence: Evidence | null;
  };
  chair: PersonRef | null;
  membersPresent: PersonRef[];
  apologies: PersonRef[];
  people: ResolvedPerson[];
  items: ResolvedItem[];
  /** Absent in documents stored before these were read (as are an item's decisions and references). */
  declarations?: ResolvedDeclaration[];
  substitutions?: ResolvedSubstitution[];
  /** Bodies named in the document (committees, boards, partners), by name. */
  bodies: { name: string; kind: string }[];
  bodyRelations: BodyRelation[];
  warnings: string[];
}
