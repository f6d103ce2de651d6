/**
 * The corrections a store holds: the corrections document (`doc:corrections.yaml`) keeps the set
 * it was built with and its graph, so a store can say which corrections are in effect, rebuild
 * any document with them (crash repair, whole-store rebuilds), and tell what a changed file moves.
 */
import { correctedIds, CORRECTIONS_DOC, entryKey, refersTo, type Correction, type CorrectionSet, type NodeFinder } from './corrections.ts';
import { personKey, typeOfId } from './ids.ts';
import { NODE_TYPE_NAMES, type DocumentGraph, type GraphNode, type NodeType } from './model.ts';
import type { GraphStore, IngestStore } from './store.ts';
import { unpack } from './stores/pack.ts';

export interface StoredCorrections {
  set: CorrectionSet;
  graph: DocumentGraph;
}

/** The corrections in effect in a store, or null when it has none. */
export async function storedCorrections(store: IngestStore): Promise<StoredCorrections | null> {
  const [x] = await store.extractions([CORRECTIONS_DOC]);
  return x?.extraction ? unpack<StoredCorrections>(x.extraction) : null;
}

async function nodesNamed(store: GraphStore, ref: string, types: readonly NodeType[]): Promise<GraphNode[]> {
  const type = typeOfId(ref);
  if (type) return (await store.nodes(type, [ref])).map((props) => ({ type, props }) as GraphNode);
  const out: GraphNode[] = [];
  for (const t of types) {
    if (t === 'Document') continue;
    const words = t === 'Person' ? ref.replace(/^(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+/i, '') : ref;
    for (const props of await store.list(t, { search: words, first: 1000, offset: 0 })) {
      const n = { type: t, props } as GraphNode;
      if (refersTo(ref, n) || (t === 'Person' && personKey(ref) === personKey(String((props as { name: string }).name)))) out.push(n);
    }
  }
  return out;
}

/** Finds the one node a reference names (an id, a person's name, a title), for `add`. */
export function storeFinder(store: GraphStore): NodeFinder {
  return async (ref) => {
    const found = await nodesNamed(store, ref, typeOfId(ref) ? [] : ['Person', ...NODE_TYPE_NAMES.filter((t) => t !== 'Person')]);
    const unique = new Map(found.map((n) => [n.props.id, n]));
    return unique.size === 1 ? [...unique.values()][0]! : null;
  };
}

/** The documents whose graph an entry changes (the corrections document itself aside). */
async function affectedBy(store: IngestStore, c: Correction, documentIds: (ref: string) => string[]): Promise<string[]> {
  const people = async (names: string[]) => {
    const ids = new Set<string>();
    for (const name of names) for (const n of await nodesNamed(store, name, ['Person'])) ids.add(n.props.id);
    return [...ids];
  };
  const referencing = async (nodeIds: string[]) => [...new Set([...(await store.docsReferencing(nodeIds)).values()].flat())];
  switch (c.kind) {
    case 'merge':
      return referencing(await people(c.names));
    case 'rename':
      return referencing(await people([c.from, c.to]));
    case 'split': {
      const ids = await people([c.name]);
      return [...new Set([...(await referencing([...ids, ...ids.flatMap((id) => correctedIds(id, { file: '', sha256: '', entries: [c] }))])), ...c.documents.flatMap(documentIds)])];
    }
    case 'reject': {
      const ends = [...(await nodesNamed(store, c.from, NODE_TYPE_NAMES)), ...(await nodesNamed(store, c.to, NODE_TYPE_NAMES))].map((n) => n.props.id);
      const docs = await referencing(ends);
      return c.document ? docs.filter((d) => documentIds(c.document!).includes(d)) : docs;
    }
    case 'add':
      return [];
  }
}

/** What changes between two sets: entries in one and not the other. */
export function changedEntries(before: CorrectionSet | null, after: CorrectionSet | null): Correction[] {
  const a = new Map((before?.entries ?? []).map((c) => [entryKey(c), c]));
  const b = new Map((after?.entries ?? []).map((c) => [entryKey(c), c]));
  return [...[...a].filter(([k]) => !b.has(k)).map(([, c]) => c), ...[...b].filter(([k]) => !a.has(k)).map(([, c]) => c)];
}

/** The stored documents a change of corrections rebuilds. */
export async function documentsAffected(store: IngestStore, entries: readonly Correction[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const stored = await store.storedDocuments();
  const documentIds = (ref: string) => stored.filter((d) => d.id === ref || d.id === `doc:${ref}` || d.path === ref || d.path.endsWith(`/${ref}`)).map((d) => d.id);
  const out = new Set<string>();
  for (const c of entries) for (const d of await affectedBy(store, c, documentIds)) if (d !== CORRECTIONS_DOC) out.add(d);
  return [...out].sort();
}
