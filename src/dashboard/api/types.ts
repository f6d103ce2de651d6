/**
 * The dashboard's own view of the graph. queries.ts maps the API's answers (typed from
 * schema.graphql in generated.ts) into these shapes, so the views never see GraphQL.
 */

/** One statement in the minutes: where it is, and what it is about, as an analyst cites it. */
export interface Evidence {
  sentence: string;
  /** The source document: its id, the name it was ingested under, where it is published. */
  sourceId: string;
  source: string;
  url: string | null;
  format: string;
  start: number;
  end: number;
  /** PDFs: the page the statement starts on. */
  page: number | null;
  item: { id: string; number: string | null; title: string } | null;
  meeting: MeetingRef | null;
}

export interface VNode {
  id: string;
  type: string;
  label: string;
  /** YYYY-MM-DD or YYYY-MM when the entity has a date of its own (meetings). */
  date: string | null;
  /** Meetings: the body's name, for a label that leads with the date. */
  body?: string | null;
}

export interface VEdge {
  /** Stable key: `${from}|${type}|${to}`. */
  key: string;
  type: string;
  from: string;
  to: string;
  evidence: Evidence[];
}

export interface VSubgraph {
  nodes: VNode[];
  edges: VEdge[];
}

export interface SearchHit {
  id: string;
  type: string;
  label: string;
  detail: string | null;
}

export interface RoleView {
  title: string;
  body: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface MeetingRef {
  id: string;
  date: string | null;
  body: string | null;
  bodyId: string | null;
  title: string;
}

export interface ItemRef {
  id: string;
  number: string | null;
  title: string;
  meetingId: string | null;
  date: string | null;
  body: string | null;
}

/** How an entity took part in a meeting, strongest first (a presenter also attended). */
export type TimelineRelation =
  | 'presented'
  | 'introduced'
  | 'chaired'
  | 'attended'
  | 'attended item'
  | 'apologies'
  | 'held'
  | 'discussed'
  | 'approved'
  | 'this meeting'
  | 'same body';

export interface TimelineEntry extends MeetingRef {
  relation: TimelineRelation;
}

/** A decision as the item panel shows it. */
export interface DecisionView {
  id: string;
  text: string;
  outcome: string | null;
  movedBy: { id: string; name: string } | null;
  secondedBy: { id: string; name: string } | null;
  /** "For 7, against 2, 1 abstention", "carried unanimously", or null. */
  vote: string | null;
}

export interface DeclarationView {
  person: { id: string; name: string };
  kind: string;
  interest: string;
  item: { id: string; number: string | null; title: string } | null;
}

/** Everything the side panel shows for one node; the sections present depend on the type. */
export interface NodeDetails {
  id: string;
  type: string;
  label: string;
  facts: [string, string][];
  decisions: DecisionView[];
  declarations: DeclarationView[];
  aliases: string[];
  roles: RoleView[];
  presented: ItemRef[];
  introduced: ItemRef[];
  items: ItemRef[];
  meetings: MeetingRef[];
  people: { heading: string; names: { id: string; name: string }[] }[];
  evidence: Evidence[];
  /** Source documents: where they are published. */
  links: { label: string; url: string }[];
}

export interface HomeData {
  documents: number;
  corrections: boolean;
  bodies: { id: string; name: string; meetings: number; lastMet: string | null }[];
  meetings: MeetingRef[];
  people: { id: string; name: string; kind: string; meetings: number; items: number }[];
  strategies: { id: string; name: string; items: number; lastSeen: string | null }[];
}

/** A document as ingested, for the source viewer. */
export interface SourceDoc {
  id: string;
  name: string;
  format: string;
  url: string | null;
  text: string | null;
  pageStarts: number[] | null;
  meeting: MeetingRef | null;
  /** Items with their span in the text, for the heading shown above a statement. */
  items: { id: string; number: string | null; title: string; start: number; end: number }[];
}

/** Which of the record's newer facts the server's schema has (see Features in operations.graphql). */
export interface Features {
  declarations: boolean;
  decisions: boolean;
  ledger: boolean;
}

export function edgeKey(from: string, type: string, to: string): string {
  return `${from}|${type}|${to}`;
}
