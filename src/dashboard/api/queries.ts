/**
 * Every GraphQL document the dashboard sends, and the mapping of answers into the
 * dashboard's own shapes (api/types.ts). Field names follow /schema.graphql.
 */
import type { GraphQLClient } from './client.ts';
import { DECISION, DECLARATION, decisionView, declarationView } from './record.ts';
import {
  edgeKey,
  type Evidence,
  type ItemRef,
  type MeetingRef,
  type NodeDetails,
  type SearchHit,
  type TimelineEntry,
  type VSubgraph,
} from './types.ts';

const EVIDENCE = `sentence source { id name } item { id number title }`;
const SUBGRAPH = `nodes { id type label date } edges { id type from to evidence { ${EVIDENCE} } }`;
export const MEETING_REF = `id date body { name }`;
export const ITEM_REF = `id number title meeting { ${MEETING_REF} }`;
const PERSON_REF = `id name`;

interface RawEvidence {
  sentence: string;
  source: { id: string; name: string };
  item: { id: string; number: string | null; title: string } | null;
}
interface RawSubgraph {
  nodes: { id: string; type: string; label: string; date: string | null }[];
  edges: { id: string; type: string; from: string; to: string; evidence: RawEvidence }[];
  truncated?: boolean;
}
interface RawMeetingRef {
  id: string;
  date: string | null;
  body: { name: string } | null;
}
interface RawItemRef {
  id: string;
  number: string | null;
  title: string;
  meeting: RawMeetingRef | null;
}

const evidence = (e: RawEvidence): Evidence => ({
  sentence: e.sentence,
  source: e.source.name,
  sourceId: e.source.id,
  item: e.item,
});

const meetingRef = (m: RawMeetingRef): MeetingRef => ({ id: m.id, date: m.date, body: m.body?.name ?? null });

export const itemRef = (i: RawItemRef): ItemRef => ({
  id: i.id,
  number: i.number,
  title: i.title,
  meetingId: i.meeting?.id ?? null,
  date: i.meeting?.date ?? null,
  body: i.meeting?.body?.name ?? null,
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
    nodes: raw.nodes.map((n) => ({ id: n.id, type: n.type, label: n.label, date: n.date })),
    edges: [...edges.values()],
    truncated: raw.truncated ?? false,
  };
}

export async function searchEntities(api: GraphQLClient, text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const data = await api.request<{
    search: {
      id: string;
      type: string;
      label: string;
      entity: { __typename: string; date?: string | null; body?: { name: string }; kind?: string; meeting?: RawMeetingRef };
    }[];
  }>(
    `query Search($text: String!) {
      search(text: $text, first: 20) {
        id type label
        entity {
          __typename
          ... on Meeting { date body { name } }
          ... on Item { meeting { ${MEETING_REF} } }
          ... on Person { kind }
          ... on Body { kind }
          ... on Strategy { kind }
        }
      }
    }`,
    { text },
    signal,
  );
  return data.search.map((h) => {
    const e = h.entity;
    let detail: string | null = null;
    if (h.type === 'Meeting') detail = [e.body?.name, e.date].filter(Boolean).join(' · ') || null;
    else if (h.type === 'Item' && e.meeting) detail = [e.meeting.body?.name, e.meeting.date].filter(Boolean).join(' · ');
    else if (e.kind) detail = e.kind;
    return { id: h.id, type: h.type, label: h.label, detail };
  });
}

export async function fetchNeighbourhood(
  api: GraphQLClient,
  id: string,
  signal?: AbortSignal,
): Promise<VSubgraph & { truncated: boolean }> {
  const data = await api.request<{ neighbourhood: RawSubgraph }>(
    `query Neighbourhood($id: ID!) { neighbourhood(id: $id, depth: 1) { truncated ${SUBGRAPH} } }`,
    { id },
    signal,
  );
  return toSubgraph(data.neighbourhood);
}

export async function fetchPath(api: GraphQLClient, from: string, to: string): Promise<VSubgraph | null> {
  const data = await api.request<{ path: RawSubgraph | null }>(
    `query Path($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 6) { ${SUBGRAPH} } }`,
    { from, to },
  );
  return data.path ? toSubgraph(data.path) : null;
}

export interface Suggestions {
  people: { id: string; name: string }[];
  bodies: { id: string; name: string }[];
  strategies: { id: string; name: string }[];
  documents: number;
}

export async function fetchSuggestions(api: GraphQLClient): Promise<Suggestions> {
  const data = await api.request<{
    people: { id: string; name: string }[];
    bodies: { id: string; name: string }[];
    strategies: { id: string; name: string }[];
    stats: { documents: number };
  }>(
    `query Suggestions {
      people(first: 6) { id name }
      bodies(first: 4) { id name }
      strategies(first: 4) { id name }
      stats { documents }
    }`,
  );
  return { ...data, documents: data.stats.documents };
}

type RawEntity = Record<string, unknown> & { __typename: string };

const DETAILS = `
  __typename
  ... on Person {
    id name kind aliases
    roles { title firstSeen lastSeen body { name } }
    presented(first: 200) { ${ITEM_REF} }
  }
  ... on Body {
    id name kind
    reportsTo { body { id name } }
    reportedToBy { body { id name } }
    chairedBy { person { ${PERSON_REF} } role { id title } }
    bodyMeetings: meetings(first: 50) { ${MEETING_REF} }
  }
  ... on Meeting {
    id title date body { id name }
    chair { ${PERSON_REF} }
    members { ${PERSON_REF} }
    apologies { ${PERSON_REF} }
    attendees { ${PERSON_REF} }
    meetingItems: items { id number title }
    sources { id name }
    meetingDeclarations: declarations { ${DECLARATION} }
    substitutions { person { ${PERSON_REF} } for { ${PERSON_REF} } }
  }
  ... on Item {
    id number title meeting { ${MEETING_REF} }
    presenters { ${PERSON_REF} }
    introducers { ${PERSON_REF} }
    attendees { ${PERSON_REF} }
    requests { text by { name } status answeredIn { ${ITEM_REF} } }
    deferrals { subject to overdue landedIn { ${ITEM_REF} } }
    decisions { ${DECISION} }
    itemDeclarations: declarations { ${DECLARATION} }
    askedBy { ${PERSON_REF} }
    deferredFrom { subject meeting { ${MEETING_REF} } }
    answers { text meeting { ${MEETING_REF} } }
    evidence { ${EVIDENCE} }
  }
  ... on Decision { id text outcome item { ${ITEM_REF} } movedBy { ${PERSON_REF} } secondedBy { ${PERSON_REF} } evidence { ${EVIDENCE} } }
  ... on Strategy {
    id name kind firstSeen lastSeen
    approvals { date body { name } }
    strategyItems: items(first: 200) { ${ITEM_REF} }
  }
  ... on Topic { id name topicItems: items(first: 200) { ${ITEM_REF} } }
  ... on Role { id title roleBody: body { name } holders { ${PERSON_REF} } }
  ... on Request { id text requestBy: by { name } item { ${ITEM_REF} } evidence { ${EVIDENCE} } }
  ... on Deferral { id subject to from deferredBy: by item { ${ITEM_REF} } evidence { ${EVIDENCE} } }
  ... on Source { id name path format meetings { ${MEETING_REF} } }
`;

/** Null when the entity is not (or no longer) in the graph. */
export async function fetchDetails(api: GraphQLClient, id: string, signal?: AbortSignal): Promise<NodeDetails | null> {
  const data = await api.request<{ entity: RawEntity | null }>(
    `query Details($id: ID!) { entity(id: $id) { ${DETAILS} } }`,
    { id },
    signal,
  );
  return data.entity ? toDetails(data.entity) : null;
}

const dateSpan = (a: string | null | undefined, b: string | null | undefined): string =>
  a && b && a !== b ? `${a} – ${b}` : (a ?? b ?? 'date not stated');

/* eslint-disable @typescript-eslint/no-explicit-any -- the union is narrowed by __typename */
function toDetails(e: RawEntity): NodeDetails {
  const x = e as any;
  const base: NodeDetails = {
    id: x.id,
    type: x.__typename === 'Source' ? 'Document' : x.__typename,
    label: x.name ?? x.title ?? x.text ?? x.subject ?? x.id,
    facts: [],
    decisions: [],
    declarations: [],
    aliases: [],
    roles: [],
    presented: [],
    items: [],
    meetings: [],
    people: [],
    evidence: [],
  };
  const people = (heading: string, list: { id: string; name: string }[] | null | undefined): void => {
    if (list?.length) base.people.push({ heading, names: list });
  };
  switch (x.__typename) {
    case 'Person':
      base.facts.push(['Kind', x.kind]);
      base.aliases = x.aliases;
      base.roles = x.roles.map((r: any) => ({
        title: r.title,
        body: r.body?.name ?? null,
        firstSeen: r.firstSeen,
        lastSeen: r.lastSeen,
      }));
      base.presented = x.presented.map(itemRef);
      break;
    case 'Body':
      base.facts.push(['Kind', x.kind]);
      for (const l of x.reportsTo) base.facts.push(['Reports to', l.body.name]);
      for (const l of x.reportedToBy) base.facts.push(['Fed by', l.body.name]);
      for (const c of x.chairedBy) base.facts.push(['Chaired by', c.person?.name ?? c.role?.title ?? '—']);
      base.meetings = x.bodyMeetings.map(meetingRef);
      break;
    case 'Meeting':
      base.label = x.title || `${x.body.name} ${x.date ?? ''}`.trim();
      base.facts.push(['Date', x.date ?? 'not stated'], ['Body', x.body.name]);
      if (x.chair) base.facts.push(['Chair', x.chair.name]);
      for (const s of x.sources) base.facts.push(['Source', s.name]);
      people('Present', x.members);
      people('Apologies', x.apologies);
      people(
        'Also attending',
        x.attendees.filter((p: any) => !x.members.some((m: any) => m.id === p.id) && p.id !== x.chair?.id),
      );
      base.items = x.meetingItems.map((i: any) => ({ ...i, meetingId: x.id, date: x.date, body: x.body?.name ?? null }));
      base.declarations = x.meetingDeclarations.map(declarationView);
      for (const s of x.substitutions) base.facts.push(['Substitute', `${s.person.name}${s.for ? ` for ${s.for.name}` : ''}`]);
      break;
    case 'Item':
      if (x.number) base.facts.push(['Number', x.number]);
      base.facts.push(['Meeting', [x.meeting.body?.name, x.meeting.date].filter(Boolean).join(' · ')]);
      people('Presented by', x.presenters);
      people('Introduced by', x.introducers);
      people('Attending for the item', x.attendees);
      people('Asked or spoke', x.askedBy);
      for (const r of x.requests) {
        const answer = r.answeredIn ? `; answered ${r.answeredIn.meeting?.date ?? ''} in ${r.answeredIn.number ? `${r.answeredIn.number}. ` : ''}${r.answeredIn.title}` : '; open';
        base.facts.push(['Request', `${r.by ? `${r.by.name}: ` : ''}${r.text}${answer}`]);
      }
      for (const d of x.deferrals) {
        const where = d.landedIn ? `; came back ${d.landedIn.meeting?.date ?? ''}` : d.overdue ? '; overdue' : '';
        base.facts.push(['Deferred', `${d.subject}${d.to ? ` → ${d.to}` : ''}${where}`]);
      }
      for (const d of x.deferredFrom) base.facts.push(['Deferred from', `${d.meeting?.date ?? 'an earlier meeting'}: ${d.subject}`]);
      for (const r of x.answers) base.facts.push(['Answers', `the request of ${r.meeting?.date ?? 'an earlier meeting'}: ${r.text}`]);
      base.decisions = x.decisions.map(decisionView);
      base.declarations = x.itemDeclarations.map(declarationView);
      base.evidence = x.evidence.map(evidence);
      break;
    case 'Decision':
      if (x.outcome) base.facts.push(['Outcome', x.outcome]);
      if (x.movedBy) base.facts.push(['Moved by', x.movedBy.name]);
      if (x.secondedBy) base.facts.push(['Seconded by', x.secondedBy.name]);
      base.items = [itemRef(x.item)];
      base.evidence = x.evidence.map(evidence);
      break;
    case 'Strategy':
      base.facts.push(['Kind', x.kind], ['Discussed', dateSpan(x.firstSeen, x.lastSeen)]);
      for (const a of x.approvals) base.facts.push(['Approved', `${a.body.name}${a.date ? `, ${a.date}` : ''}`]);
      base.items = x.strategyItems.map(itemRef);
      break;
    case 'Topic':
      base.items = x.topicItems.map(itemRef);
      break;
    case 'Role':
      if (x.roleBody) base.facts.push(['Body', x.roleBody.name]);
      people('Held by', x.holders);
      break;
    case 'Request':
      if (x.requestBy) base.facts.push(['Asked by', x.requestBy.name]);
      base.items = [itemRef(x.item)];
      base.evidence = x.evidence.map(evidence);
      break;
    case 'Deferral':
      base.facts.push(['Moved to', x.to ?? 'a future meeting']);
      if (x.from) base.facts.push(['Moved from', x.from]);
      if (x.deferredBy) base.facts.push(['Asked by', x.deferredBy]);
      base.items = [itemRef(x.item)];
      base.evidence = x.evidence.map(evidence);
      break;
    case 'Source':
      base.facts.push(['Format', x.format], ['Path', x.path]);
      base.meetings = x.meetings.map(meetingRef);
      break;
  }
  return base;
}

/** Meetings along a date axis: a person's, a body's, or those that discussed a strategy/topic. */
export async function fetchTimeline(api: GraphQLClient, id: string): Promise<TimelineEntry[] | null> {
  const data = await api.request<{ entity: RawEntity | null }>(
    `query Timeline($id: ID!) {
      entity(id: $id) {
        __typename
        ... on Person {
          attended(first: 1000) { ${MEETING_REF} }
          chaired(first: 1000) { ${MEETING_REF} }
          apologies(first: 1000) { ${MEETING_REF} }
        }
        ... on Body { meetings(first: 1000) { ${MEETING_REF} } }
        ... on Meeting { id body { meetings(first: 1000) { ${MEETING_REF} } } }
        ... on Strategy { history(first: 1000) { kind date meeting { ${MEETING_REF} } body { name } } }
        ... on Topic { items(first: 1000) { meeting { ${MEETING_REF} } } }
      }
    }`,
    { id },
  );
  const x = data.entity as any;
  if (!x) return null;
  const entries = new Map<string, TimelineEntry>();
  const add = (m: RawMeetingRef | null | undefined, relation: string): void => {
    if (!m) return;
    entries.set(m.id, { ...meetingRef(m), relation });
  };
  switch (x.__typename) {
    case 'Person':
      for (const m of x.attended) add(m, 'attended');
      for (const m of x.chaired) add(m, 'chaired');
      for (const m of x.apologies) add(m, 'apologies');
      break;
    case 'Body':
      for (const m of x.meetings) add(m, 'held');
      break;
    case 'Meeting':
      for (const m of x.body.meetings) add(m, m.id === x.id ? 'this meeting' : 'same body');
      break;
    case 'Strategy':
      for (const h of x.history) {
        if (h.meeting) add(h.meeting, h.kind === 'APPROVED' ? 'approved' : 'discussed');
      }
      break;
    case 'Topic':
      for (const i of x.items) add(i.meeting, 'discussed');
      break;
    default:
      return [];
  }
  return [...entries.values()].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
}
