/**
 * ResolvedDocument → DocumentGraph: the nodes and relations one document contributes, with
 * stable ids (see ids.ts) and cross-document identities (see resolve/corpus.ts).
 * Every named person is emitted, with at least a MENTIONED_IN relation.
 *
 * Every relation carries its evidence and `doc` (the Document node's id): that key is what
 * lets the store replace exactly this document's facts when it changes. Entities are emitted
 * only when some relation of this document touches them, so "supported by a document" and
 * "has a relation from that document" are the same thing.
 */
import { basename } from 'node:path';
import { deferralProps, ids, requestProps } from './ids.ts';
import { NODE_TYPES, type DocumentGraph, type Evidence, type GraphNode, type NodeOf, type NodeType, type Relation, type RelType } from './model.ts';
import type { DocResolution } from '../resolve/corpus.ts';
import type { ResolvedDocument } from '../resolve/types.ts';

const BODY_KINDS = new Set(['council', 'committee', 'board', 'panel', 'service', 'partner', 'other']);

export interface BuildResult {
  graph: DocumentGraph;
  /** References the builder could not place (a person key the document does not define). */
  warnings: string[];
}

export function buildDocumentGraph(doc: ResolvedDocument, r: DocResolution): BuildResult {
  const docId = ids.document(doc.source.id);
  const warnings: string[] = [];
  const nodes = new Map<string, GraphNode>();
  const relations = new Map<string, Relation>();

  const evidence = (e: Evidence | null | undefined, itemId?: string | null): Evidence => ({
    doc: docId,
    item: itemId !== undefined ? itemId : e?.item ? (r.items.get(e.item) ?? null) : null,
    start: e?.start ?? 0,
    end: e?.end ?? 0,
    sentence: e?.sentence ?? '',
    // The rule that read the fact travels with it into the store (`councilgraph eval --rules`).
    ...(e?.rule ? { rule: e.rule } : {}),
  });
  function addNode<T extends NodeType>(type: T, props: NodeOf<T>): string {
    if (!nodes.has(props.id)) nodes.set(props.id, { type, props } as GraphNode);
    return props.id;
  }
  function relate(type: RelType, from: string, to: string, ev: Evidence, props: Record<string, string | null> = {}): void {
    // One fact per (type, ends, properties) and document: the first sentence that states it.
    const key = `${type}|${from}|${to}|${JSON.stringify(props)}`;
    if (!relations.has(key)) relations.set(key, { type, from, to, props, evidence: ev });
  }

  const kinds = new Map(doc.bodies.map((b) => [b.name.toLowerCase(), b.kind]));
  const body = (name: string): string => {
    const kind = kinds.get(name.toLowerCase()) ?? 'other';
    return addNode('Body', {
      id: ids.body(r.council, name),
      name,
      kind: (BODY_KINDS.has(kind) ? kind : 'other') as NodeOf<'Body'>['kind'],
    });
  };
  const peopleByKey = new Map(doc.people.map((p) => [p.key, p]));
  const person = (key: string): string | null => {
    const p = peopleByKey.get(key);
    const resolved = r.people.get(key);
    if (!p || !resolved) {
      warnings.push(`${doc.source.path}: a relation names person '${key}', whom the document does not list; skipped.`);
      return null;
    }
    return addNode('Person', { id: resolved.id, name: resolved.name, aliases: resolved.aliases, kind: p.kind });
  };

  const documentNode: NodeOf<'Document'> = {
    id: docId,
    path: doc.source.path,
    name: basename(doc.source.path),
    sha256: doc.source.sha256,
    format: doc.source.format,
    url: doc.source.url ?? null,
  };
  addNode('Document', documentNode);
  const meetingId = addNode('Meeting', {
    id: r.meetingId,
    date: r.meetingDate,
    body: r.bodyName,
    title: `${r.bodyName ?? 'Meeting of an unnamed body'}, ${r.meetingDate ?? 'date unknown'}`,
  });
  const meetingEvidence = evidence(doc.meeting.evidence, null);
  relate('SOURCED_FROM', meetingId, docId, meetingEvidence);
  // No placeholder body: a meeting whose minutes do not say whose it was has no HELD_BY.
  if (r.bodyName) relate('HELD_BY', meetingId, body(r.bodyName), meetingEvidence);

  // Everyone the minutes name is in the graph, tied to where they are named (the item, else the
  // meeting), whether or not a more specific relation ties them too: the first mention is the evidence.
  for (const p of doc.people) {
    const pid = person(p.key);
    if (!pid) continue;
    const placed = new Set<string>();
    for (const m of p.mentions) {
      const itemId = m.item ? (r.items.get(m.item) ?? null) : null;
      const target = itemId ?? meetingId;
      if (placed.has(target)) continue;
      placed.add(target);
      relate('MENTIONED_IN', pid, target, evidence(m, itemId));
    }
  }

  const attendance: [PersonRefs, RelType][] = [
    [doc.chair ? [doc.chair] : [], 'CHAIRED'],
    [doc.membersPresent, 'ATTENDED'],
    [doc.apologies, 'SENT_APOLOGIES'],
  ];
  for (const [refs, type] of attendance) {
    for (const ref of refs) {
      const pid = person(ref.person);
      if (pid) relate(type, pid, meetingId, evidence(ref.evidence));
    }
  }

  for (const p of doc.people) {
    const pid = r.people.get(p.key)?.id;
    if (!pid) continue;
    for (const role of p.roles) {
      person(p.key);
      const roleId = addNode('Role', { id: ids.role(r.council, role.title), title: role.title });
      relate('HOLDS_ROLE', pid, roleId, evidence(role.evidence), { seen: r.meetingDate });
      if (role.body) relate('OF', roleId, body(role.body), evidence(role.evidence));
    }
    for (const rep of p.represents) {
      person(p.key);
      relate('REPRESENTS', pid, body(rep.body), evidence(rep.evidence));
    }
  }

  for (const item of doc.items) {
    const itemId = r.items.get(item.key);
    if (!itemId) continue;
    addNode('Item', { id: itemId, number: item.number, title: item.title, meeting: meetingId, ordinal: item.ordinal });
    relate('HAS_ITEM', meetingId, itemId, {
      doc: docId,
      item: itemId,
      start: item.start,
      end: item.end,
      sentence: item.title,
    });
    const itemRefs: [PersonRefs, RelType][] = [
      [item.attendees, 'ATTENDED_ITEM'],
      [item.presenters, 'PRESENTED'],
      [item.introducers, 'INTRODUCED'],
    ];
    for (const [refs, type] of itemRefs) {
      for (const ref of refs) {
        const pid = person(ref.person);
        if (pid) relate(type, pid, itemId, evidence(ref.evidence, itemId));
      }
    }
    for (const req of item.requests) {
      const reqId = addNode('Request', requestProps(itemId, req.text));
      const ev = evidence(req.evidence, itemId);
      relate('IN', reqId, itemId, ev);
      const by = req.by ?? r.bodyName;
      if (by) relate('REQUESTED', body(by), reqId, ev);
    }
    for (const d of item.deferrals) {
      const defId = addNode('Deferral', deferralProps(itemId, { ...d, from: d.from ?? r.meetingDate }));
      const ev = evidence(d.evidence, itemId);
      relate('IN', defId, itemId, ev);
      relate('DEFERRED_TO', itemId, defId, ev, { by: d.by });
    }
    for (const ref of item.askedBy) {
      const pid = person(ref.person);
      if (pid) relate('ASKED_IN', pid, itemId, evidence(ref.evidence, itemId));
    }
    (item.decisions ?? []).forEach((d, ordinal) => {
      const decisionId = addNode('Decision', {
        id: ids.decision(itemId, d.text),
        text: d.text,
        outcome: (d.outcome as NodeOf<'Decision'>['outcome']) ?? null,
        votesFor: d.votesFor,
        votesAgainst: d.votesAgainst,
        abstentions: d.abstentions,
        unanimous: d.unanimous,
        item: itemId,
        ordinal,
      });
      relate('DECIDED_IN', decisionId, itemId, evidence(d.evidence, itemId));
      for (const [ref, type] of [[d.movedBy, 'MOVED'], [d.secondedBy, 'SECONDED']] as const) {
        const pid = ref ? person(ref.person) : null;
        if (ref && pid) relate(type, pid, decisionId, evidence(ref.evidence, itemId));
      }
    });
    for (const s of item.strategies) {
      const sid = addNode('Strategy', { id: ids.strategy(r.council, s.name), name: s.name, kind: s.kind });
      relate('ABOUT', itemId, sid, evidence(s.evidence, itemId));
      if (s.approvedBy) {
        relate('APPROVED_BY', sid, body(s.approvedBy.body), evidence(s.approvedBy.evidence, itemId), {
          date: s.approvedBy.date,
        });
      }
    }
    for (const t of item.topics) {
      const tid = addNode('Topic', { id: ids.topic(t.name), name: t.name });
      relate('ABOUT', itemId, tid, evidence(t.evidence, itemId));
    }
  }

  // Follow-through this document owns: the earlier document's request or deferral, claimed as
  // that document claims it, linked to the item here that answers it or where it came back.
  for (const link of r.links) {
    const item = doc.items[link.item];
    const itemId = item ? r.items.get(item.key) : undefined;
    if (!item || !itemId) continue;
    const ref = link.ref === null ? null : (item.references ?? [])[link.ref];
    const ev: Evidence = ref
      ? { ...evidence(ref.evidence, itemId), rule: link.rule }
      : { doc: docId, item: itemId, start: item.start, end: item.end, sentence: item.title, rule: link.rule };
    const nodeId = link.type === 'Request' ? addNode('Request', link.node as NodeOf<'Request'>) : addNode('Deferral', link.node as NodeOf<'Deferral'>);
    relate(link.rel, nodeId, itemId, ev);
  }

  for (const d of doc.declarations ?? []) {
    const pid = person(d.person);
    const itemId = d.item ? (r.items.get(d.item) ?? null) : null;
    if (pid) relate('DECLARED_INTEREST', pid, itemId ?? meetingId, evidence(d.evidence), { interest: d.interest, kind: d.kind });
  }
  for (const s of doc.substitutions ?? []) {
    const pid = person(s.person);
    const forId = s.for ? person(s.for) : null;
    if (pid) relate('SUBSTITUTED_FOR', pid, forId ?? meetingId, evidence(s.evidence), { meeting: meetingId });
  }

  for (const rel of doc.bodyRelations) {
    const from = body(rel.from);
    const to =
      rel.toKind === 'Body'
        ? body(rel.to)
        : rel.toKind === 'Person'
          ? person(rel.to)
          : addNode('Role', { id: ids.role(r.council, rel.to), title: rel.to });
    if (to) relate(rel.type, from, to, evidence(rel.evidence));
  }

  // The store holds only what fits the model: a node that does not (an empty title) is left out
  // with its relations, and the warning says which and why, rather than failing every later read.
  const invalid = new Set<string>();
  for (const n of nodes.values()) {
    const check = NODE_TYPES[n.type].schema.safeParse(n.props);
    if (!check.success) {
      invalid.add(n.props.id);
      warnings.push(`${doc.source.path}: left out ${n.type} ${n.props.id}: ${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
  }
  const keptRelations = [...relations.values()].filter((r) => !invalid.has(r.from) && !invalid.has(r.to));
  // Only nodes a fact touches: a document claims exactly what its facts are about (a body named
  // in a clause whose other end could not be placed is not kept on its own).
  const referenced = new Set<string>([docId]);
  for (const rel of keptRelations) {
    referenced.add(rel.from);
    referenced.add(rel.to);
  }
  const kept = [...nodes.values()].filter((n) => referenced.has(n.props.id) && !invalid.has(n.props.id));
  return { graph: { doc: documentNode, nodes: kept, relations: keptRelations }, warnings };
}

type PersonRefs = readonly { person: string; evidence: Evidence }[];
