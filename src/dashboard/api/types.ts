/**
 * The dashboard's own view of the graph, independent of how the GraphQL schema spells it:
 * queries.ts maps API answers into these shapes, so a schema change touches one file.
 */

export interface Evidence {
  sentence: string;
  /** Source document name (file name or title) as the API reports it. */
  source: string;
  sourceId: string | null;
  item: { id: string; number: string | null; title: string } | null;
}

export interface VNode {
  id: string;
  type: string;
  label: string;
  /** YYYY-MM-DD or YYYY-MM when the entity has a date of its own (meetings, deferrals). */
  date: string | null;
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

export interface ItemRef {
  id: string;
  number: string | null;
  title: string;
  meetingId: string | null;
  date: string | null;
  body: string | null;
}

export interface MeetingRef {
  id: string;
  date: string | null;
  body: string | null;
}

export interface TimelineEntry extends MeetingRef {
  /** How the entity relates to the meeting: attended, chaired, apologies, held, discussed… */
  relation: string;
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
  items: ItemRef[];
  meetings: MeetingRef[];
  people: { heading: string; names: { id: string; name: string }[] }[];
  evidence: Evidence[];
}

export function edgeKey(from: string, type: string, to: string): string {
  return `${from}|${type}|${to}`;
}
