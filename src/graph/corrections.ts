/**
 * Corrections analysts make to the graph without editing code, applied after resolution to every
 * document's graph at every build, so a re-ingest never undoes them:
 *
 * - merge: these names are one person (of one council, or of each council where they occur);
 *   the first name is kept and the others become aliases;
 * - split: the person of this name in these documents is someone else;
 * - rename: this person's name is spelled so (the old spelling becomes an alias);
 * - reject: this relation is wrong (optionally only in one document);
 * - add: this relation is missing.
 *
 * The corrections file is itself a source: it is the Document `doc:corrections.yaml`, whose facts
 * are the relations corrections add, each with the correction's entry as its evidence (the
 * entry's offsets and text in the file), so "how do you know?" answers "an analyst said so, here".
 * What it adds claims its end nodes as the store held them when the entry was applied.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { personKey, typeOfId } from './ids.ts';
import { REL_TYPES, REL_TYPE_NAMES, type DocumentGraph, type GraphNode, type NodeOf, type Relation, type RelType } from './model.ts';

export const CORRECTIONS_DOC = 'doc:corrections.yaml';

/** Where an entry is in the corrections file: its evidence. */
export interface EntrySource {
  start: number;
  end: number;
  text: string;
}

export type Correction = { note: string | null; at: EntrySource } & (
  | { kind: 'merge'; names: string[]; council: string | null }
  | { kind: 'split'; name: string; documents: string[]; council: string | null }
  | { kind: 'rename'; from: string; to: string; council: string | null }
  | { kind: 'reject'; relation: RelType; from: string; to: string; document: string | null }
  | { kind: 'add'; relation: RelType; from: string; to: string; properties: Record<string, string> }
);

export interface CorrectionSet {
  /** The file as named to the user (its path). */
  file: string;
  sha256: string;
  entries: Correction[];
}

export const CORRECTION_KINDS = ['merge', 'split', 'rename', 'reject', 'add'] as const;

/** An entry's meaning without its place in the file: two files saying the same thing agree. */
export function entryKey(c: Correction): string {
  const { at: _at, note: _note, ...rest } = c;
  void _at;
  void _note;
  return JSON.stringify(rest);
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 8);
}

const councilOf = (personId: string) => personId.split(':')[1] ?? 'unknown';
const keyOfId = (personId: string) => personId.split(':').slice(2).join(':');

function personMatches(p: NodeOf<'Person'>, name: string, council: string | null): boolean {
  if (council && councilOf(p.id) !== council) return false;
  const want = personKey(name);
  return personKey(p.name) === want || keyOfId(p.id) === want || p.aliases.some((a) => personKey(a) === want);
}

const label = (n: GraphNode): string => {
  const p = n.props as Record<string, unknown>;
  return String(p.name ?? p.title ?? p.text ?? p.subject ?? p.id);
};

/** Does a correction's reference (an id, or a name or title) name this node? */
export function refersTo(ref: string, n: GraphNode): boolean {
  if (ref === n.props.id) return true;
  if (typeOfId(ref)) return false;
  if (n.type === 'Person') return personMatches(n.props as NodeOf<'Person'>, ref, null);
  return label(n).trim().toLowerCase() === ref.trim().toLowerCase();
}

const inDocument = (docs: readonly string[], graph: DocumentGraph) =>
  docs.some((d) => d === graph.doc.id || d === graph.doc.path || `doc:${d}` === graph.doc.id || basename(d) === graph.doc.path);

/**
 * Other ids of a person the corrections make: the id a merge gives it, a split's id. Cross-
 * document resolution looks documents up by the ids it computes (uncorrected); the store holds
 * corrected ones.
 */
export function correctedIds(id: string, set: CorrectionSet | null): string[] {
  if (!set || typeOfId(id) !== 'Person') return [];
  const out: string[] = [];
  const council = councilOf(id);
  const key = keyOfId(id);
  for (const c of set.entries) {
    if (c.kind === 'merge' && (!c.council || c.council === council) && c.names.some((n) => personKey(n) === key)) out.push(`person:${council}:${personKey(c.names[0]!)}`);
    if (c.kind === 'split' && (!c.council || c.council === council) && personKey(c.name) === key) out.push(`${id}~${hash(entryKey(c))}`);
  }
  return out.filter((x) => x !== id);
}

/** The document's graph as the corrections say it is. */
export function correctGraph(graph: DocumentGraph, set: CorrectionSet | null): DocumentGraph {
  if (!set || set.entries.length === 0 || graph.doc.id === CORRECTIONS_DOC) return graph;
  const remap = new Map<string, string>();
  const nodes = new Map<string, GraphNode>();
  for (const n of graph.nodes) {
    if (n.type !== 'Person') {
      nodes.set(n.props.id, n);
      continue;
    }
    let p = { ...(n.props as NodeOf<'Person'>), aliases: [...(n.props as NodeOf<'Person'>).aliases] };
    const rename = (to: string) => {
      if (p.name !== to && !p.aliases.includes(p.name)) p.aliases.push(p.name);
      p.aliases = p.aliases.filter((a) => a !== to);
      p.name = to;
    };
    for (const c of set.entries) {
      if (c.kind === 'split' && personMatches(p, c.name, c.council) && inDocument(c.documents, graph)) p = { ...p, id: `${p.id}~${hash(entryKey(c))}` };
    }
    for (const c of set.entries) {
      if (c.kind === 'merge' && !p.id.includes('~') && c.names.some((name) => personMatches(p, name, c.council))) {
        p = { ...p, id: `person:${councilOf(p.id)}:${personKey(c.names[0]!)}` };
        rename(c.names[0]!);
      }
      if (c.kind === 'rename' && personMatches(p, c.from, c.council)) rename(c.to);
    }
    p.aliases = [...new Set(p.aliases)].filter((a) => a !== p.name).sort();
    if (p.id !== n.props.id) remap.set(n.props.id, p.id);
    const known = nodes.get(p.id) as GraphNode<'Person'> | undefined;
    // Two people of this document merged into one: one node, every spelling kept.
    if (known) {
      const kp = known.props;
      nodes.set(p.id, { type: 'Person', props: { ...kp, aliases: [...new Set([...kp.aliases, ...p.aliases, ...(kp.name !== p.name ? [p.name] : [])])].filter((a) => a !== kp.name).sort() } } as GraphNode);
    } else nodes.set(p.id, { type: 'Person', props: p } as GraphNode);
  }
  const byId = (id: string) => nodes.get(remap.get(id) ?? id);
  const rejected = (r: Relation) =>
    set.entries.some((c) => {
      if (c.kind !== 'reject' || c.relation !== r.type) return false;
      if (c.document && !inDocument([c.document], graph)) return false;
      const from = byId(r.from);
      const to = byId(r.to);
      return Boolean(from && to && refersTo(c.from, from) && refersTo(c.to, to));
    });
  const seen = new Set<string>();
  const relations: Relation[] = [];
  for (const r of graph.relations) {
    const moved = { ...r, from: remap.get(r.from) ?? r.from, to: remap.get(r.to) ?? r.to };
    if (moved.from === moved.to && r.type === 'SUBSTITUTED_FOR') continue;
    if (rejected(moved)) continue;
    const key = `${moved.type}|${moved.from}|${moved.to}|${JSON.stringify(moved.props)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    relations.push(moved);
  }
  const referenced = new Set<string>();
  for (const r of relations) {
    referenced.add(r.from);
    referenced.add(r.to);
  }
  return { doc: graph.doc, nodes: [...nodes.values()].filter((n) => referenced.has(n.props.id)), relations };
}

/** Finds the node a reference names, in the graph as stored (for `add`). Null when none, or several. */
export type NodeFinder = (ref: string) => Promise<GraphNode | null>;

/** The corrections file as a document: the relations `add` entries state, evidenced by the entries. */
export async function correctionsGraph(set: CorrectionSet, find: NodeFinder): Promise<{ graph: DocumentGraph; warnings: string[] }> {
  const doc: NodeOf<'Document'> = { id: CORRECTIONS_DOC, path: basename(set.file), name: basename(set.file), sha256: set.sha256, format: 'yaml' };
  const nodes = new Map<string, GraphNode>();
  const relations: Relation[] = [];
  const warnings: string[] = [];
  for (const c of set.entries) {
    if (c.kind !== 'add') continue;
    const [from, to] = [await find(c.from), await find(c.to)];
    const where = `${set.file}: the add entry at offset ${c.at.start}`;
    if (!from || !to) {
      warnings.push(`${where}: ${!from ? `"${c.from}"` : `"${c.to}"`} names no single node of the graph (give its id, as the API shows it); not added`);
      continue;
    }
    const pair = REL_TYPES[c.relation].pairs.some(([a, b]) => a === from.type && b === to.type);
    if (!pair) {
      warnings.push(`${where}: ${c.relation} cannot join a ${from.type} to a ${to.type}; not added`);
      continue;
    }
    nodes.set(from.props.id, from);
    nodes.set(to.props.id, to);
    const props: Record<string, string | null> = {};
    for (const p of Object.keys(REL_TYPES[c.relation].props)) props[p] = c.properties[p] ?? null;
    relations.push({ type: c.relation, from: from.props.id, to: to.props.id, props, evidence: { doc: CORRECTIONS_DOC, item: to.type === 'Item' ? to.props.id : null, start: c.at.start, end: c.at.end, sentence: c.at.text, rule: 'correction.add' } });
  }
  return { graph: { doc, nodes: [...nodes.values()], relations }, warnings };
}

export function isRelType(name: string): name is RelType {
  return (REL_TYPE_NAMES as string[]).includes(name);
}
