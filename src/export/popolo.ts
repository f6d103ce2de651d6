/**
 * The graph as Popolo JSON (https://www.popoloproject.com), with meetings as Open Civic Data
 * events: what TheyWorkForYou, EveryPolitician and OCD tools exchange.
 *
 * - `persons`: name, `other_names` (our aliases), `honorific_prefix` (a title the minutes put
 *   before the name: "Councillor", "Cllr", "Dr"…), `identifiers` (our id).
 * - `organizations`: bodies, `classification` their kind.
 * - `posts`: roles, with the body they belong to (OF).
 * - `memberships`: person–post (HOLDS_ROLE), `start_date`/`end_date` the first and last dates
 *   seen; and person–committee membership read from attendance (members listed as present at
 *   the body's meetings; officers are "in attendance", not members), from first to last meeting.
 * - `events`: meetings, OCD style: `participants` (people and bodies, `note` the role: chair,
 *   present, apologies, host…), `agenda` (items, with their `subjects` and related entities:
 *   presenters, introducers, requests, deferrals, strategies, topics…, and their `decisions` with
 *   mover and seconder).
 * - `strategies`, `topics`, `requests`, `deferrals`, `documents`: our records Popolo has no type for.
 *
 * Where a relation goes follows from the model (REL_TYPES pairs): it is listed on the record of
 * the end that ranks first in ANCHOR (an item's, a meeting's, …), as an OCD-style related entity
 * carrying every evidence sentence; only the relations Popolo has its own words for (below) are
 * placed by name. Every record carries `sources` (the documents, url = the relative path), so the
 * export re-imports into exactly the graph it came from (fromPopolo; test/export/popolo.test.ts).
 */
import { NODE_TYPES, NODE_TYPE_NAMES, REL_TYPES, type Evidence, type GraphNode, type NodeType, type RelType } from '../graph/model.ts';
import { typeOfId } from '../graph/ids.ts';
import type { Edge } from '../graph/store.ts';
import { sortDump, type GraphDump } from './dump.ts';

type Json = Record<string, unknown>;

/** Which end's record lists a relation: the first of its two ends' types in this order. */
const ANCHOR: readonly NodeType[] = ['Item', 'Meeting', 'Decision', 'Role', 'Body', 'Person', 'Strategy', 'Topic', 'Request', 'Deferral', 'Document'];

/** Records nested inside another record (OCD agenda items inside events, decisions inside items): the relation and property that place them. */
const NESTED: Partial<Record<NodeType, { in: NodeType; rel: RelType; prop: string }>> = {
  Item: { in: 'Meeting', rel: 'HAS_ITEM', prop: 'meeting' },
  Decision: { in: 'Item', rel: 'DECIDED_IN', prop: 'item' },
};

/** Top-level Popolo sections for our types; the other types go under their plural name. */
const SECTION: Partial<Record<NodeType, string>> = { Person: 'persons', Body: 'organizations', Role: 'posts', Meeting: 'events' };

/** Model property → Popolo/OCD field, where the vocabularies name it differently (other properties keep their name). */
const RENAMED: Partial<Record<NodeType, Record<string, string>>> = {
  Body: { kind: 'classification' },
  Role: { title: 'label' },
  Meeting: { title: 'name', date: 'start_date' },
  Item: { title: 'description', ordinal: 'order' },
};

/** OCD participant notes for a meeting's relations; otherwise the model's label for the relation. */
const PARTICIPANT_NOTE: Partial<Record<RelType, string>> = { CHAIRED: 'chair', ATTENDED: 'present', SENT_APOLOGIES: 'apologies', HELD_BY: 'host' };

const HONORIFIC = /^(Councillor|Cllr\.?|Dr\.?|Doctor|Professor|Prof\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Mx\.?|Sir|Dame|Lord|Lady|Rev(?:erend|d)?\.?)\s+/i;

for (const [type, n] of Object.entries(NESTED)) {
  if (!REL_TYPES[n.rel].pairs.some((p) => p.includes(type as NodeType) && p.includes(n.in))) throw new Error(`popolo.ts: ${type} nests in ${n.in} by ${n.rel}, which the model does not declare between them`);
}

const sectionOf = (type: NodeType): string => SECTION[type] ?? NODE_TYPES[type].dashboard.plural.toLowerCase().replace(/\s+/g, '_');

/** The title a name carries ("Cllr Helen Sweaton" → "Cllr"), from the name or any alias. */
export function honorificPrefix(name: string, aliases: readonly string[]): string | null {
  for (const n of [name, ...aliases]) {
    const m = HONORIFIC.exec(n);
    if (m) return m[1]!;
  }
  return null;
}

interface Related {
  entity_type: string;
  entity_id: string;
  entity_name: string;
  /** The relation's OCD note (participants) or the model's label for it. */
  note: string;
  relation: RelType;
  /** Whether the listed entity is the relation's `from` end or its `to` end. */
  end: 'from' | 'to';
  evidence: (Evidence & { props?: Record<string, string | null> })[];
}

const evidenceOf = (e: Edge): Related['evidence'][number] => (Object.keys(e.props).length ? { ...e.evidence, props: e.props } : { ...e.evidence });

function label(n: GraphNode | undefined, id: string): string {
  const p = (n?.props ?? {}) as Record<string, unknown>;
  return String(p.name ?? p.title ?? p.text ?? p.subject ?? id);
}

/**
 * A Popolo source link for a document. Popolo wants an absolute URI, and a document is known by
 * its path relative to the ingest root (what makes it the same document on every machine), so the
 * url is that path as a `file:` URI and the note the path as written.
 */
function link(docs: Map<string, { path: string }>, doc: string): { url: string; note: string } {
  const path = docs.get(doc)?.path ?? doc;
  return { url: `file:${encodeURI(path)}`, note: path };
}

export function toPopolo(graph: GraphDump): Json {
  const byId = new Map(graph.nodes.map((n) => [n.props.id, n]));
  const docs = new Map(graph.nodes.filter((n) => n.type === 'Document').map((n) => [n.props.id, n.props as { path: string }]));
  const records = new Map<string, Json>();
  const touched = new Map<string, Set<string>>();
  const touch = (id: string, doc: string) => (touched.get(id) ?? touched.set(id, new Set()).get(id)!).add(doc);

  for (const n of graph.nodes) {
    const rename = RENAMED[n.type] ?? {};
    const rec: Json = {};
    for (const [k, v] of Object.entries(n.props)) rec[rename[k] ?? k] = v;
    if (n.type === 'Person') {
      const p = n.props as { name: string; aliases: string[] };
      delete rec.aliases;
      rec.other_names = p.aliases.map((name) => ({ name, note: 'alias' }));
      rec.honorific_prefix = honorificPrefix(p.name, p.aliases);
    }
    if (n.type === 'Meeting') rec.classification = 'meeting';
    rec.identifiers = [{ scheme: 'councilgraph', identifier: n.props.id }];
    records.set(n.props.id, rec);
  }

  // Relations onto their anchor records.
  const memberships = new Map<string, Json & { evidence: Related['evidence'] }>();
  const related = new Map<string, Related>();
  const unanchored: Json[] = [];
  for (const e of graph.edges) {
    touch(e.from, e.evidence.doc);
    touch(e.to, e.evidence.doc);
    const nested = Object.entries(NESTED).find(([t, n]) => n.rel === e.type && (typeOfId(e.from) === t || typeOfId(e.to) === t));
    if (nested) {
      const [childType] = nested;
      const child = typeOfId(e.from) === childType ? e.from : e.to;
      const rec = records.get(child);
      const parent = child === e.from ? e.to : e.from;
      if (rec && rec[NESTED[childType as NodeType]!.prop] === parent) {
        ((rec.evidence ??= []) as unknown[]).push(evidenceOf(e));
        continue;
      }
    }
    if (e.type === 'HOLDS_ROLE') {
      const key = `membership:${e.from}|${e.to}`;
      const m = memberships.get(key) ?? memberships.set(key, { id: key, person_id: e.from, post_id: e.to, evidence: [] }).get(key)!;
      m.evidence.push(evidenceOf(e));
      continue;
    }
    const ends = [e.from, e.to].filter((id) => records.has(id));
    const anchor = ends.sort((a, b) => ANCHOR.indexOf(typeOfId(a)!) - ANCHOR.indexOf(typeOfId(b)!))[0];
    if (!anchor) {
      unanchored.push({ type: e.type, from: e.from, to: e.to, evidence: evidenceOf(e) });
      continue;
    }
    const other = anchor === e.from ? e.to : e.from;
    const key = `${anchor}|${e.type}|${other}|${anchor === e.from ? 'to' : 'from'}`;
    let r = related.get(key);
    if (!r) {
      const otherType = typeOfId(other) ?? 'Unknown';
      r = {
        entity_type: otherType.toLowerCase(),
        entity_id: other,
        entity_name: label(byId.get(other), other),
        note: (typeOfId(anchor) === 'Meeting' ? PARTICIPANT_NOTE[e.type] : undefined) ?? REL_TYPES[e.type].dashboard.label,
        relation: e.type,
        end: anchor === e.from ? 'to' : 'from',
        evidence: [],
      };
      related.set(key, r);
      const rec = records.get(anchor)!;
      // OCD: the people and bodies at a meeting are its participants; everything else is a related entity.
      const list = typeOfId(anchor) === 'Meeting' && (otherType === 'Person' || otherType === 'Body') ? 'participants' : 'related_entities';
      ((rec[list] ??= []) as Related[]).push(r);
    }
    r.evidence.push(evidenceOf(e));
  }

  const sources = (ids: Iterable<string>): Json[] => {
    const set = new Set<string>();
    for (const id of ids) for (const d of touched.get(id) ?? []) set.add(d);
    return [...set].sort().map((d) => link(docs, d));
  };

  // Posts belong to the body they are OF; events to the body that HELD them (Popolo's organization_id).
  for (const n of graph.nodes) {
    const rec = records.get(n.props.id)!;
    const owner = n.type === 'Role' ? 'OF' : n.type === 'Meeting' ? 'HELD_BY' : null;
    if (owner) rec.organization_id = [...((rec.related_entities ?? []) as Related[]), ...((rec.participants ?? []) as Related[])].find((r) => r.relation === owner)?.entity_id ?? null;
    // OCD agenda items name what they are about as `subjects`.
    if (n.type === 'Item') rec.subjects = ((rec.related_entities ?? []) as Related[]).filter((r) => r.relation === 'ABOUT').map((r) => r.entity_name);
    rec.sources = n.type === 'Document' ? [link(docs, n.props.id)] : sources([n.props.id]);
  }

  const out: Json = {};
  for (const type of NODE_TYPE_NAMES) if (!NESTED[type]) out[sectionOf(type)] = [];
  for (const n of graph.nodes) {
    const nest = NESTED[n.type];
    const rec = records.get(n.props.id)!;
    const parent = nest ? records.get((n.props as Record<string, string>)[nest.prop]!) : undefined;
    if (nest && parent) ((parent[nest.rel === 'HAS_ITEM' ? 'agenda' : 'decisions'] ??= []) as Json[]).push(rec);
    else ((out[sectionOf(n.type)] ??= []) as Json[]).push(rec);
  }

  const posts = new Map(graph.nodes.filter((n) => n.type === 'Role').map((n) => [n.props.id, records.get(n.props.id)!]));
  const seen = (m: { evidence: Related['evidence'] }) => m.evidence.map((ev) => ev.props?.seen).filter((d): d is string => !!d).sort();
  const list: Json[] = [...memberships.values()].map((m) => {
    const post = posts.get(m.post_id as string);
    const dates = seen(m);
    return {
      id: m.id,
      person_id: m.person_id,
      post_id: m.post_id,
      organization_id: post?.organization_id ?? null,
      role: post?.label ?? null,
      start_date: dates[0] ?? null,
      end_date: dates.at(-1) ?? null,
      evidence: m.evidence,
      sources: [...new Set(m.evidence.map((ev) => ev.doc))].sort().map((d) => link(docs, d)),
    };
  });
  list.push(...committeeMemberships(graph, docs));
  out.memberships = list.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  if (unanchored.length) out.relations = unanchored;
  return out;
}

/**
 * Committee membership from attendance: the minutes list members present, so a person (not an
 * officer) listed as present at a body's meetings is taken as a member from the first such
 * meeting to the last. Derived, not read: no evidence of its own; fromPopolo skips it.
 */
function committeeMemberships(graph: GraphDump, docs: Map<string, { path: string }>): Json[] {
  const props = new Map(graph.nodes.map((n) => [n.props.id, n.props as Record<string, unknown>]));
  const heldBy = new Map(graph.edges.filter((e) => e.type === 'HELD_BY').map((e) => [e.from, e.to]));
  const groups = new Map<string, { person: string; body: string; dates: string[]; docs: Set<string>; meetings: Set<string> }>();
  for (const e of graph.edges) {
    if (e.type !== 'ATTENDED' || props.get(e.from)?.kind === 'officer') continue;
    const body = heldBy.get(e.to);
    if (!body) continue;
    const key = `membership:${e.from}|${body}`;
    const g = groups.get(key) ?? groups.set(key, { person: e.from, body, dates: [], docs: new Set(), meetings: new Set() }).get(key)!;
    const date = props.get(e.to)?.date as string | null | undefined;
    if (date) g.dates.push(date);
    g.docs.add(e.evidence.doc);
    g.meetings.add(e.to);
  }
  return [...groups.entries()].map(([id, g]) => {
    g.dates.sort();
    return {
      id,
      person_id: g.person,
      organization_id: g.body,
      role: 'member',
      label: `listed as present at ${g.meetings.size} meeting${g.meetings.size === 1 ? '' : 's'}`,
      start_date: g.dates[0] ?? null,
      end_date: g.dates.at(-1) ?? null,
      derived_from: 'ATTENDED',
      sources: [...g.docs].sort().map((d) => link(docs, d)),
    };
  });
}

/** Our graph back from a Popolo export written by toPopolo: the same nodes, relations and evidence. */
export function fromPopolo(doc: Json): GraphDump {
  const nodes: GraphNode[] = [];
  const edges: Edge[] = [];
  const sectionType = new Map(NODE_TYPE_NAMES.filter((t) => !NESTED[t]).map((t) => [sectionOf(t), t]));
  const edgesOf = (id: string, list: unknown) => {
    for (const r of (list ?? []) as Related[]) {
      for (const { props, ...evidence } of r.evidence) {
        const [from, to] = r.end === 'to' ? [id, r.entity_id] : [r.entity_id, id];
        edges.push({ type: r.relation, from, to, props: props ?? {}, evidence });
      }
    }
  };
  const nodeOf = (type: NodeType, rec: Json) => {
    const rename = RENAMED[type] ?? {};
    const props: Record<string, unknown> = {};
    for (const k of Object.keys(NODE_TYPES[type].props)) {
      if (type === 'Person' && k === 'aliases') props[k] = ((rec.other_names ?? []) as { name: string }[]).map((o) => o.name);
      else props[k] = rec[rename[k] ?? k];
    }
    nodes.push({ type, props } as GraphNode);
    const id = rec.id as string;
    edgesOf(id, rec.participants);
    edgesOf(id, rec.related_entities);
    const nest = NESTED[type];
    for (const ev of (rec.evidence ?? []) as Related['evidence']) {
      const { props: p, ...evidence } = ev;
      const parent = props[nest!.prop] as string;
      const [from, to] = REL_TYPES[nest!.rel].pairs.some(([a]) => a === type) ? [id, parent] : [parent, id];
      edges.push({ type: nest!.rel, from, to, props: p ?? {}, evidence });
    }
    for (const [child, n] of Object.entries(NESTED)) {
      if (n.in !== type) continue;
      for (const c of (rec[n.rel === 'HAS_ITEM' ? 'agenda' : 'decisions'] ?? []) as Json[]) nodeOf(child as NodeType, c);
    }
  };
  for (const [section, records] of Object.entries(doc)) {
    const type = sectionType.get(section) ?? (Object.entries(NESTED).find(([t]) => sectionOf(t as NodeType) === section)?.[0] as NodeType | undefined);
    if (type) for (const rec of records as Json[]) nodeOf(type, rec);
  }
  for (const m of (doc.memberships ?? []) as Json[]) {
    for (const { props, ...evidence } of (m.evidence ?? []) as Related['evidence']) {
      edges.push({ type: 'HOLDS_ROLE', from: m.person_id as string, to: m.post_id as string, props: props ?? {}, evidence });
    }
  }
  for (const r of (doc.relations ?? []) as { type: RelType; from: string; to: string; evidence: Related['evidence'][number] }[]) {
    const { props, ...evidence } = r.evidence;
    edges.push({ type: r.type, from: r.from, to: r.to, props: props ?? {}, evidence });
  }
  return sortDump({ nodes, edges });
}
