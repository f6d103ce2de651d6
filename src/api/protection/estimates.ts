/**
 * How long each list in the schema is, estimated from what the store holds: for every list
 * field, the relations it follows (FIELD_DEGREES), and from the store a histogram of how many
 * such edges each node has. A list is costed at the 95th percentile of that, so an analyst's
 * question ("a strategy's items with each meeting's attendees") is priced as the store makes
 * it, and a few hub nodes (a work programme discussed at every meeting) do not price every
 * strategy like the busiest one. The request timeout and the resolvers' yielding bound what
 * an unlucky estimate can cost. Root lists never return more than their type holds.
 *
 * The estimates are refreshed when the store changes (an ingest through the server) and, for
 * a Neo4j database others may write to, periodically.
 */
import { NODE_TYPES, REL_TYPES, REL_TYPE_NAMES, type NodeType, type RelType } from '../../graph/model.ts';
import type { DegreeSpec, GraphStore, Histogram } from '../../graph/store.ts';
import { OVERVIEW_MAX_FIRST } from '../limits.ts';

export interface ListEstimates {
  /** Expected length of `parent.field`, or undefined when it is not a list we know. */
  listSize(parent: string, field: string): number | undefined;
  /** Nodes of a GraphQL type the store holds (root lists return at most this many). */
  typeCount(type: string): number | undefined;
}

const PERCENTILE = 0.95;

/** The people who attend a meeting's items, counted per meeting (Item.meeting names it). */
const ITEM_PEOPLE: DegreeSpec = { label: 'Item', rels: ['ATTENDED_ITEM', 'PRESENTED', 'INTRODUCED'], dir: 'in', groupBy: 'meeting' };

const deg = (label: NodeType, rels: RelType[], dir: 'out' | 'in'): DegreeSpec => ({ label, rels, dir });
/** Sentences stating one relation between the same two nodes (one per document that says it). */
const EVIDENCE: DegreeSpec = { label: null, rels: [], dir: 'out', parallel: true };

const graphqlName = (t: NodeType) => (NODE_TYPES[t] as { graphql?: string }).graphql ?? t;

/**
 * The list fields the model's relation entries declare (src/graph/model.ts, `graphql`): each
 * follows its one relation, and its fallback size is the entry's `cost` for that direction.
 */
function modelFields(): { degrees: Record<string, DegreeSpec[]>; fallback: Record<string, number> } {
  const degrees: Record<string, DegreeSpec[]> = {};
  const fallback: Record<string, number> = {};
  for (const rel of REL_TYPE_NAMES) {
    const { graphql, cost } = REL_TYPES[rel];
    for (const f of graphql) {
      if (!f.many) continue;
      const key = `${graphqlName(f.on)}.${f.name}`;
      (degrees[key] ??= []).push(deg(f.on, [rel], f.dir));
      fallback[key] = Math.max(fallback[key] ?? 0, cost[f.dir]);
    }
  }
  return { degrees, fallback };
}
const MODEL = modelFields();

/** Which degrees make up each list field; several are added up. Hand-written ones win over the model's. */
export const FIELD_DEGREES: Record<string, DegreeSpec[]> = {
  ...MODEL.degrees,
  'Decision.evidence': [EVIDENCE],
  'Declaration.evidence': [EVIDENCE],
  'Substitution.evidence': [EVIDENCE],
  'Request.answerEvidence': [EVIDENCE],
  'Deferral.landingEvidence': [EVIDENCE],
  'Meeting.declarations': [deg('Meeting', ['DECLARED_INTEREST'], 'in'), deg('Meeting', ['HAS_ITEM'], 'out')],
  'Meeting.substitutions': [deg('Meeting', ['SUBSTITUTED_FOR'], 'in'), deg('Meeting', ['ATTENDED'], 'in')],
  'Meeting.members': [deg('Meeting', ['ATTENDED'], 'in')],
  'Meeting.apologies': [deg('Meeting', ['SENT_APOLOGIES'], 'in')],
  'Meeting.attendees': [deg('Meeting', ['CHAIRED', 'ATTENDED'], 'in'), ITEM_PEOPLE],
  'Meeting.items': [deg('Meeting', ['HAS_ITEM'], 'out')],
  'Meeting.sources': [deg('Meeting', ['SOURCED_FROM'], 'out')],
  'Meeting.participation': [deg('Meeting', ['CHAIRED', 'ATTENDED', 'SENT_APOLOGIES'], 'in')],
  'Meeting.evidence': [EVIDENCE],
  'Meeting.mentioned': [deg('Meeting', ['MENTIONED_IN'], 'in')],
  'Item.attendees': [deg('Item', ['ATTENDED_ITEM'], 'in')],
  'Item.presenters': [deg('Item', ['PRESENTED'], 'in')],
  'Item.introducers': [deg('Item', ['INTRODUCED'], 'in')],
  'Item.requests': [deg('Item', ['IN'], 'in')],
  'Item.deferrals': [deg('Item', ['DEFERRED_TO'], 'out'), deg('Item', ['IN'], 'in')],
  'Item.strategies': [deg('Item', ['ABOUT'], 'out')],
  'Item.topics': [deg('Item', ['ABOUT'], 'out')],
  'Item.about': [deg('Item', ['ABOUT'], 'out')],
  'Item.participation': [deg('Item', ['ATTENDED_ITEM', 'PRESENTED', 'INTRODUCED'], 'in')],
  'Item.evidence': [EVIDENCE],
  'Item.mentioned': [deg('Item', ['MENTIONED_IN'], 'in')],
  'Person.roles': [deg('Person', ['HOLDS_ROLE'], 'out')],
  'Person.presented': [deg('Person', ['PRESENTED'], 'out')],
  'Person.introduced': [deg('Person', ['INTRODUCED'], 'out')],
  'Person.attended': [deg('Person', ['CHAIRED', 'ATTENDED', 'ATTENDED_ITEM', 'PRESENTED', 'INTRODUCED'], 'out')],
  'Person.chaired': [deg('Person', ['CHAIRED'], 'out')],
  'Person.apologies': [deg('Person', ['SENT_APOLOGIES'], 'out')],
  'Person.itemParticipation': [deg('Person', ['ATTENDED_ITEM', 'PRESENTED', 'INTRODUCED'], 'out')],
  'Person.meetingParticipation': [deg('Person', ['CHAIRED', 'ATTENDED', 'SENT_APOLOGIES'], 'out')],
  'Person.represents': [deg('Person', ['REPRESENTS'], 'out')],
  'RoleTenure.evidence': [EVIDENCE],
  'Request.evidence': [EVIDENCE, EVIDENCE],
  'Deferral.evidence': [EVIDENCE, EVIDENCE],
  'MeetingParticipation.evidence': [EVIDENCE],
  'ItemParticipation.evidence': [EVIDENCE],
  'AboutLink.evidence': [EVIDENCE],
  'Body.meetings': [deg('Body', ['HELD_BY'], 'in')],
  'Body.reportsTo': [deg('Body', ['REPORTS_TO'], 'out')],
  'Body.reportedToBy': [deg('Body', ['REPORTS_TO'], 'in')],
  'Body.chairedBy': [deg('Body', ['CHAIRED_BY'], 'out')],
  'Body.requests': [deg('Body', ['REQUESTED'], 'out')],
  'Body.approved': [deg('Body', ['APPROVED_BY'], 'in')],
  'Body.roles': [deg('Body', ['OF'], 'in')],
  'BodyLink.evidence': [EVIDENCE],
  'ChairLink.evidence': [EVIDENCE],
  'Role.holders': [deg('Role', ['HOLDS_ROLE'], 'in')],
  'Strategy.items': [deg('Strategy', ['ABOUT'], 'in')],
  'Strategy.history': [deg('Strategy', ['ABOUT'], 'in'), deg('Strategy', ['APPROVED_BY'], 'out')],
  'Strategy.approvals': [deg('Strategy', ['APPROVED_BY'], 'out')],
  'StrategyEvent.evidence': [EVIDENCE],
  'Approval.evidence': [EVIDENCE],
  'Topic.items': [deg('Topic', ['ABOUT'], 'in')],
  'Source.meetings': [deg('Document', ['SOURCED_FROM'], 'in')],
};

/** Lists of a fixed size, whatever the store holds (types, relation properties). */
export const FIXED_SIZES: Record<string, number> = {
  'Stats.nodes': 10,
  'Stats.relations': 20,
  'GraphEdgeOut.properties': 2,
  'Overview.bodies': OVERVIEW_MAX_FIRST,
  'Overview.latestMeetings': OVERVIEW_MAX_FIRST,
  'Overview.people': OVERVIEW_MAX_FIRST,
  'Overview.strategies': OVERVIEW_MAX_FIRST,
};

/** GraphQL type → model node type, for root lists. */
const ROOT_TYPES: Record<string, NodeType> = {
  Meeting: 'Meeting', Person: 'Person', Body: 'Body', Strategy: 'Strategy', Topic: 'Topic',
  Item: 'Item', Role: 'Role', Source: 'Document', Decision: 'Decision', Request: 'Request', Deferral: 'Deferral',
};

/** Before the store has been asked (or when it cannot say): the sizes of a busy council's lists. */
const FALLBACK: Record<string, number> = {
  attendees: 25, members: 15, items: 15, apologies: 5, participation: 10, about: 5,
  presenters: 3, introducers: 2, requests: 3, deferrals: 2, strategies: 3, topics: 3,
  evidence: 2, sources: 1, roles: 3, holders: 5, chairedBy: 2, reportsTo: 2, reportedToBy: 3,
  approved: 3, approvals: 2, represents: 2, meetings: 50, presented: 20, introduced: 10,
  attended: 50, chaired: 20, itemParticipation: 30, meetingParticipation: 50, history: 15,
  mentioned: 30,
};

export const FALLBACK_ESTIMATES: ListEstimates = {
  listSize: (parent, field) =>
    FIXED_SIZES[`${parent}.${field}`] ?? (`${parent}.${field}` in FIELD_DEGREES ? FALLBACK[field] ?? MODEL.fallback[`${parent}.${field}`] ?? 10 : undefined),
  typeCount: () => undefined,
};

export function specKey(s: DegreeSpec): string {
  return `${s.label ?? '*'}|${s.rels.join(',')}|${s.dir}|${s.groupBy ?? ''}|${s.parallel ? 'p' : ''}`;
}

/** Every degree the estimates need, each once. */
export function allSpecs(): DegreeSpec[] {
  const out = new Map<string, DegreeSpec>();
  for (const specs of Object.values(FIELD_DEGREES)) for (const s of specs) out.set(specKey(s), s);
  return [...out.values()];
}

/** The smallest degree at least `p` of the nodes have (0 for an empty histogram). */
export function percentile(h: Histogram, p: number): number {
  const total = h.reduce((sum, b) => sum + b.nodes, 0);
  if (total === 0) return 0;
  let seen = 0;
  for (const b of [...h].sort((a, c) => a.degree - c.degree)) {
    seen += b.nodes;
    if (seen >= p * total) return b.degree;
  }
  return h[h.length - 1]!.degree;
}

/** Estimates from the store; FALLBACK_ESTIMATES where it cannot give degrees. */
export async function estimatesFrom(store: GraphStore): Promise<ListEstimates> {
  if (!store.degreeHistograms) return FALLBACK_ESTIMATES;
  const specs = allSpecs();
  const [histograms, counts] = await Promise.all([store.degreeHistograms(specs), store.counts()]);
  const byKey = new Map(specs.map((s, i) => [specKey(s), percentile(histograms[i] ?? [], PERCENTILE)]));
  const sizes = new Map<string, number>();
  for (const [field, list] of Object.entries(FIELD_DEGREES)) {
    // At least one: a list the store has never held may hold one tomorrow.
    sizes.set(field, Math.max(1, list.reduce((sum, s) => sum + (byKey.get(specKey(s)) ?? 0), 0)));
  }
  return {
    listSize: (parent, field) => FIXED_SIZES[`${parent}.${field}`] ?? sizes.get(`${parent}.${field}`),
    typeCount: (type) => {
      const node = ROOT_TYPES[type];
      return node ? (counts.nodes[node] ?? 0) : undefined;
    },
  };
}
