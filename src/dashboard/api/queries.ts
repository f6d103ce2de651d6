/**
 * The API's answers, mapped into the dashboard's own shapes (types.ts). The operations and
 * their result types live in operations.graphql and generated.ts.
 */
import type { GraphQLClient } from './client.ts';
import { decisionView, declarationView } from './record.ts';
import type {
  DetailsQuery,
  EvidenceRefFragment,
  FeaturesQuery,
  ItemRefFragment,
  MeetingRefFragment,
  NeighbourhoodQuery,
  PersonTableQuery,
  BodyTableQuery,
  BodyDeferralsQuery,
  StrategyTableQuery,
  CorrectionInput,
  CorrectMutation,
} from './generated.ts';
import {
  edgeKey,
  type Evidence,
  type Features,
  type HomeData,
  type ItemRef,
  type MeetingRef,
  type NodeDetails,
  type SearchHit,
  type SourceDoc,
  type TimelineEntry,
  type TimelineRelation,
  type VSubgraph,
} from './types.ts';

type RawSubgraph = NeighbourhoodQuery['neighbourhood'];

export const meetingRef = (m: MeetingRefFragment): MeetingRef => ({
  id: m.id,
  date: m.date,
  body: m.body?.name ?? null,
  bodyId: m.body?.id ?? null,
  title: m.title,
});

export const itemRef = (i: ItemRefFragment): ItemRef => ({
  id: i.id,
  number: i.number,
  title: i.title,
  meetingId: i.meeting.id,
  date: i.meeting.date,
  body: i.meeting.body?.name ?? null,
});

export const evidence = (e: EvidenceRefFragment): Evidence => ({
  sentence: e.sentence,
  sourceId: e.source.id,
  source: e.source.name,
  url: e.source.url,
  format: e.source.format,
  start: e.start,
  end: e.end,
  page: e.page,
  item: e.item,
  meeting: e.meeting ? meetingRef(e.meeting) : null,
});

/** The API returns one edge per piece of evidence; the view shows one edge per relation. */
export function toSubgraph(raw: RawSubgraph): VSubgraph & { truncated: boolean } {
  const edges = new Map<string, VSubgraph['edges'][number]>();
  for (const e of raw.edges) {
    const key = edgeKey(e.from, e.type, e.to);
    const known = edges.get(key);
    if (known) known.evidence.push(evidence(e.evidence));
    else edges.set(key, { key, type: e.type, from: e.from, to: e.to, evidence: [evidence(e.evidence)] });
  }
  return {
    nodes: raw.nodes.map((n) => ({
      id: n.id,
      type: n.type,
      label: n.label,
      date: n.date,
      ...(n.entity.__typename === 'Meeting' ? { body: n.entity.body?.name ?? null } : {}),
    })),
    edges: [...edges.values()],
    truncated: raw.truncated,
  };
}

export async function searchEntities(api: GraphQLClient, text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const data = await api.run('Search', { text }, signal);
  return data.search.map((h) => {
    const e = h.entity;
    let detail: string | null = null;
    if (e.__typename === 'Meeting') detail = [e.date, e.body?.name].filter(Boolean).join(' · ') || null;
    else if (e.__typename === 'Item') detail = [e.meeting.date, e.meeting.body?.name].filter(Boolean).join(' · ') || null;
    else if ('kind' in e && e.kind) detail = e.kind;
    return { id: h.id, type: h.type, label: h.label, detail };
  });
}

export async function fetchNeighbourhood(api: GraphQLClient, id: string, signal?: AbortSignal): Promise<VSubgraph & { truncated: boolean }> {
  return toSubgraph((await api.run('Neighbourhood', { id }, signal)).neighbourhood);
}

/** The shortest connection; `relations` null leaves absences (SENT_APOLOGIES) out, as the API does. */
export async function fetchPath(api: GraphQLClient, from: string, to: string, relations: string[] | null = null): Promise<VSubgraph | null> {
  const data = await api.run('Path', { from, to, relations });
  return data.path ? toSubgraph(data.path) : null;
}

export async function fetchHome(api: GraphQLClient, first = 8): Promise<HomeData> {
  const d = await api.run('Home', { first });
  return {
    documents: d.stats.documents,
    corrections: d.capabilities.corrections,
    bodies: d.overview.bodies.map((b) => ({ id: b.body.id, name: b.body.name, meetings: b.meetings, lastMet: b.lastMet })),
    meetings: d.overview.latestMeetings.map(meetingRef),
    people: d.overview.people.map((p) => ({ id: p.person.id, name: p.person.name, kind: p.person.kind, meetings: p.meetings, items: p.items })),
    strategies: d.overview.strategies.map((s) => ({ id: s.strategy.id, name: s.strategy.name, items: s.items, lastSeen: s.lastSeen })),
  };
}

/** Issue 9's facts, where this server's schema has them (the names its issue specifies). */
export function featuresOf(d: FeaturesQuery): Features {
  const has = (t: { fields: { name: string }[] | null } | null, name: string) => Boolean(t?.fields?.some((f) => f.name === name));
  return {
    declarations: has(d.person, 'declarations'),
    decisions: has(d.item, 'decisions'),
    ledger: has(d.query, 'requests') && has(d.query, 'deferrals'),
  };
}

export async function fetchFeatures(api: GraphQLClient): Promise<Features> {
  return featuresOf(await api.run('Features', {}));
}

export async function fetchSource(api: GraphQLClient, id: string): Promise<SourceDoc | null> {
  const e = (await api.run('SourceDocument', { id })).entity;
  if (!e || e.__typename !== 'Source') return null;
  const meeting = e.meetings[0] ?? null;
  return {
    id: e.id,
    name: e.name,
    format: e.format,
    url: e.url,
    text: e.text,
    pageStarts: e.pageStarts,
    meeting: meeting ? meetingRef(meeting) : null,
    // Items of this document: their span is the HAS_ITEM evidence in it.
    items: e.meetings.flatMap((m) =>
      m.items.flatMap((i) => i.evidence.slice(0, 1).map((ev) => ({ id: i.id, number: i.number, title: i.title, start: ev.start, end: ev.end }))),
    ),
  };
}

export async function submitCorrection(api: GraphQLClient, input: CorrectionInput): Promise<CorrectMutation['correct']> {
  return (await api.run('Correct', { input })).correct;
}

type Of<T, N> = Extract<NonNullable<T>, { __typename: N }>;
export type PersonRecord = Of<PersonTableQuery['entity'], 'Person'>;
type BodyPage = Of<BodyTableQuery['entity'], 'Body'>;
type DeferralPage = Of<BodyDeferralsQuery['entity'], 'Body'>;
export type BodyRecord = {
  id: string;
  name: string;
  meetings: BodyPage['meetings'];
  requests: NonNullable<BodyPage['requests']>;
  deferrals: DeferralPage['meetings'][number]['items'][number]['deferrals'];
};
export type StrategyRecord = Of<StrategyTableQuery['entity'], 'Strategy'>;

/** Pages of a body's meetings (the API's lists are paged to keep each answer's cost bounded). */
const BODY_PAGE = 100;
const DEFERRAL_PAGE = 50;
const MAX_PAGES = 20;

async function fetchBody(api: GraphQLClient, id: string): Promise<BodyRecord | null> {
  let record: BodyRecord | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const e = (await api.run('BodyTable', { id, offset: page * BODY_PAGE, withRequests: page === 0 })).entity;
    if (e?.__typename !== 'Body') return null;
    record ??= { id: e.id, name: e.name, meetings: [], requests: e.requests ?? [], deferrals: [] };
    record.meetings.push(...e.meetings);
    if (e.meetings.length < BODY_PAGE) break;
  }
  for (let page = 0; record && page < MAX_PAGES; page++) {
    const e = (await api.run('BodyDeferrals', { id, offset: page * DEFERRAL_PAGE })).entity;
    if (e?.__typename !== 'Body') break;
    for (const m of e.meetings) for (const i of m.items) record.deferrals.push(...i.deferrals);
    if (e.meetings.length < DEFERRAL_PAGE) break;
  }
  return record;
}

/** What the tables of a person, body or strategy are built from (tables/*.ts), or null for other types. */
export type EntityRecord = { type: 'Person'; data: PersonRecord } | { type: 'Body'; data: BodyRecord } | { type: 'Strategy'; data: StrategyRecord };

export async function fetchRecord(api: GraphQLClient, id: string, type: string): Promise<EntityRecord | null> {
  if (type === 'Person') {
    const e = (await api.run('PersonTable', { id })).entity;
    return e?.__typename === 'Person' ? { type: 'Person', data: e } : null;
  }
  if (type === 'Body') {
    const data = await fetchBody(api, id);
    return data ? { type: 'Body', data } : null;
  }
  if (type === 'Strategy') {
    const e = (await api.run('StrategyTable', { id })).entity;
    return e?.__typename === 'Strategy' ? { type: 'Strategy', data: e } : null;
  }
  return null;
}

/** Null when the entity is not (or no longer) in the graph. */
export async function fetchDetails(api: GraphQLClient, id: string, signal?: AbortSignal): Promise<NodeDetails | null> {
  const e = (await api.run('Details', { id }, signal)).entity;
  return e ? toDetails(e) : null;
}

const dateSpan = (a: string | null | undefined, b: string | null | undefined): string =>
  a && b && a !== b ? `${a} – ${b}` : (a ?? b ?? 'date not stated');

type Entity = NonNullable<DetailsQuery['entity']>;

function toDetails(x: Entity): NodeDetails {
  const base: NodeDetails = {
    id: 'id' in x ? x.id : '',
    type: x.__typename === 'Source' ? 'Document' : x.__typename,
    label: '',
    facts: [],
    decisions: [],
    declarations: [],
    aliases: [],
    roles: [],
    presented: [],
    introduced: [],
    items: [],
    meetings: [],
    people: [],
    evidence: [],
    links: [],
  };
  const people = (heading: string, list: { id: string; name: string }[] | null | undefined): void => {
    if (list?.length) base.people.push({ heading, names: list });
  };
  switch (x.__typename) {
    case 'Person':
      base.label = x.name;
      base.facts.push(['Kind', x.kind]);
      base.aliases = x.aliases;
      base.roles = x.roles.map((r) => ({ title: r.title, body: r.body?.name ?? null, firstSeen: r.firstSeen, lastSeen: r.lastSeen }));
      base.presented = x.presented.map(itemRef);
      base.introduced = x.introduced.map(itemRef);
      break;
    case 'Body':
      base.label = x.name;
      base.facts.push(['Kind', x.kind]);
      for (const l of x.reportsTo) base.facts.push(['Reports to', l.body.name]);
      for (const l of x.reportedToBy) base.facts.push(['Fed by', l.body.name]);
      for (const c of x.chairedBy) base.facts.push(['Chaired by', c.person?.name ?? c.role?.title ?? '—']);
      base.meetings = x.bodyMeetings.map(meetingRef).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
      break;
    case 'Meeting': {
      const body = x.body?.name ?? null;
      base.label = [x.date, body].filter(Boolean).join(' · ') || x.title;
      base.facts.push(['Date', x.date ?? 'not stated'], ['Body', body ?? 'not stated']);
      if (x.chair) base.facts.push(['Chair', x.chair.name]);
      for (const s of x.sources) if (s.url) base.links.push({ label: `Published minutes (${s.name})`, url: s.url });
      people('Present', x.members);
      people('Apologies', x.apologies);
      people('Also attending', x.attendees.filter((p) => !x.members.some((m) => m.id === p.id) && p.id !== x.chair?.id));
      base.items = x.meetingItems.map((i) => ({ ...i, meetingId: x.id, date: x.date, body }));
      base.declarations = x.meetingDeclarations.map(declarationView);
      for (const s of x.substitutions) base.facts.push(['Substitute', `${s.person.name}${s.for ? ` for ${s.for.name}` : ''}`]);
      break;
    }
    case 'Item':
      base.label = `${x.number ? `${x.number}. ` : ''}${x.title}`;
      if (x.number) base.facts.push(['Number', x.number]);
      base.facts.push(['Meeting', [x.meeting.date, x.meeting.body?.name].filter(Boolean).join(' · ')]);
      people('Presented by', x.presenters);
      people('Introduced by', x.introducers);
      people('Attending for the item', x.attendees);
      people('Asked or spoke', x.askedBy);
      for (const r of x.requests) {
        const answer = r.answeredIn ? `; answered ${r.answeredIn.meeting.date ?? ''} in ${r.answeredIn.number ? `${r.answeredIn.number}. ` : ''}${r.answeredIn.title}` : '; open';
        base.facts.push(['Request', `${r.by ? `${r.by.name}: ` : ''}${r.text}${answer}`]);
      }
      for (const d of x.deferrals) {
        const where = d.landedIn ? `; came back ${d.landedIn.meeting.date ?? ''}` : d.overdue ? '; overdue' : '';
        base.facts.push(['Deferred', `${d.subject}${d.to ? ` → ${d.to}` : ''}${where}`]);
      }
      for (const d of x.deferredFrom) base.facts.push(['Deferred from', `${d.meeting?.date ?? 'an earlier meeting'}: ${d.subject}`]);
      for (const r of x.answers) base.facts.push(['Answers', `the request of ${r.meeting?.date ?? 'an earlier meeting'}: ${r.text}`]);
      base.decisions = x.decisions.map(decisionView);
      base.declarations = x.itemDeclarations.map(declarationView);
      base.evidence = x.evidence.map(evidence);
      break;
    case 'Decision':
      base.label = x.text;
      if (x.outcome) base.facts.push(['Outcome', x.outcome]);
      if (x.movedBy) base.facts.push(['Moved by', x.movedBy.name]);
      if (x.secondedBy) base.facts.push(['Seconded by', x.secondedBy.name]);
      base.items = [itemRef(x.item)];
      base.evidence = x.evidence.map(evidence);
      break;
    case 'Strategy':
      base.label = x.name;
      base.facts.push(['Kind', x.kind], ['Discussed', dateSpan(x.firstSeen, x.lastSeen)]);
      for (const a of x.approvals) base.facts.push(['Approved', `${a.body.name}${a.date ? `, ${a.date}` : ''}`]);
      base.items = x.strategyItems.map(itemRef);
      break;
    case 'Topic':
      base.label = x.name;
      base.items = x.topicItems.map(itemRef);
      break;
    case 'Role':
      base.label = x.title;
      if (x.roleBody) base.facts.push(['Body', x.roleBody.name]);
      people('Held by', x.holders);
      break;
    case 'Request':
      base.label = x.text;
      if (x.requestBy) base.facts.push(['Asked by', x.requestBy.name]);
      base.items = [itemRef(x.item)];
      base.evidence = x.evidence.map(evidence);
      break;
    case 'Deferral':
      base.label = x.subject;
      base.facts.push(['Moved to', x.to ?? 'a future meeting']);
      if (x.from) base.facts.push(['Moved from', x.from]);
      if (x.deferredBy) base.facts.push(['Asked by', x.deferredBy]);
      base.items = [itemRef(x.item)];
      base.evidence = x.evidence.map(evidence);
      break;
    case 'Source':
      base.label = x.name;
      base.facts.push(['Format', x.format], ['Path', x.path]);
      if (x.url) base.links.push({ label: 'Published minutes', url: x.url });
      base.meetings = x.meetings.map(meetingRef);
      break;
  }
  return base;
}

/** Strongest first: where a person did several things at one meeting, the timeline shows this one. */
const PRECEDENCE: TimelineRelation[] = ['presented', 'introduced', 'chaired', 'attended', 'attended item', 'apologies'];
const ITEM_RELATION: Record<string, TimelineRelation> = { PRESENTED: 'presented', INTRODUCED: 'introduced', ATTENDED_ITEM: 'attended item' };
const MEETING_RELATION: Record<string, TimelineRelation> = { CHAIRED: 'chaired', ATTENDED: 'attended', SENT_APOLOGIES: 'apologies' };

/** Meetings along a date axis: a person's (presenting told from attending), a body's, or those that discussed a strategy/topic. */
export async function fetchTimeline(api: GraphQLClient, id: string): Promise<TimelineEntry[] | null> {
  const x = (await api.run('Timeline', { id })).entity;
  if (!x) return null;
  const entries = new Map<string, TimelineEntry>();
  const add = (m: MeetingRefFragment | null | undefined, relation: TimelineRelation): void => {
    if (!m) return;
    const known = entries.get(m.id);
    if (known && PRECEDENCE.indexOf(known.relation) <= PRECEDENCE.indexOf(relation) && PRECEDENCE.includes(relation)) return;
    entries.set(m.id, { ...meetingRef(m), relation });
  };
  switch (x.__typename) {
    case 'Person':
      for (const p of x.itemParticipation) add(p.item.meeting, ITEM_RELATION[p.relation]!);
      for (const p of x.meetingParticipation) add(p.meeting, MEETING_RELATION[p.relation]!);
      break;
    case 'Body':
      for (const m of x.meetings) add(m, 'held');
      break;
    case 'Meeting':
      for (const m of x.body?.meetings ?? []) add(m, m.id === x.id ? 'this meeting' : 'same body');
      break;
    case 'Strategy':
      for (const h of x.history) if (h.meeting) add(h.meeting, h.kind === 'APPROVED' ? 'approved' : 'discussed');
      break;
    case 'Topic':
      for (const i of x.items) add(i.meeting, 'discussed');
      break;
    default:
      return [];
  }
  return [...entries.values()].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
}
