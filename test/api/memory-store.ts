/**
 * An in-memory GraphStore for the API tests: the GraphStore contract over plain maps, with
 * the same ordering rules as the Cypher stores (by id; by the range property when a range is
 * given, unknown values last). It counts calls, so tests can assert that DataLoader batching
 * turns a list of N lookups into one round trip, and it can be slowed down to test timeouts.
 */
import { NODE_TYPES, type DocumentGraph, type GraphNode, type NodeOf, type NodeType, type RelType } from '../../src/graph/model.ts';
import type { Edge, GraphStore, ListOptions, RelatedRow, SourceText, StoreCounts, Subgraph, WriteResult } from '../../src/graph/store.ts';

interface Stored {
  node: GraphNode;
  docs: Set<string>;
}

export class MemoryStore implements GraphStore {
  readonly kind = 'kuzu' as const;
  private readonly nodesById = new Map<string, Stored>();
  private readonly edgesByDoc = new Map<string, Edge[]>();
  private readonly hashes = new Map<string, string>();
  /** Calls per method name (and per `related:REL:dir`), for batching assertions. */
  readonly calls = new Map<string, number>();
  /** Milliseconds every read waits, to make queries slow on purpose. */
  delayMs = 0;

  async init(): Promise<void> {}

  private count(key: string) {
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
  }
  resetCalls() {
    this.calls.clear();
  }
  private async read(key: string) {
    this.count(key);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
  }

  async writeDocument(graph: DocumentGraph): Promise<WriteResult> {
    if (this.hashes.get(graph.doc.id) === graph.doc.sha256) return { changed: false, nodesAdded: 0, relationsAdded: 0 };
    this.drop(graph.doc.id);
    let nodesAdded = 0;
    for (const node of graph.nodes) {
      const id = String(node.props.id);
      const stored = this.nodesById.get(id);
      if (stored) {
        stored.node = node;
        stored.docs.add(graph.doc.id);
      } else {
        this.nodesById.set(id, { node, docs: new Set([graph.doc.id]) });
        nodesAdded++;
      }
    }
    this.edgesByDoc.set(
      graph.doc.id,
      graph.relations.map((r) => ({ type: r.type, from: r.from, to: r.to, props: r.props, evidence: r.evidence })),
    );
    this.hashes.set(graph.doc.id, graph.doc.sha256);
    return { changed: true, nodesAdded, relationsAdded: graph.relations.length };
  }

  private drop(docId: string) {
    this.edgesByDoc.delete(docId);
    this.hashes.delete(docId);
    for (const [id, s] of this.nodesById) {
      s.docs.delete(docId);
      if (s.docs.size === 0) this.nodesById.delete(id);
    }
  }

  async removeDocument(docId: string): Promise<void> {
    this.drop(docId);
  }

  async documentHash(docId: string): Promise<string | null> {
    return this.hashes.get(docId) ?? null;
  }

  private edges(): Edge[] {
    return [...this.edgesByDoc.values()].flat();
  }

  async nodes<T extends NodeType>(type: T, ids: readonly string[]): Promise<NodeOf<T>[]> {
    await this.read(`nodes:${type}`);
    return ids
      .map((id) => this.nodesById.get(id)?.node)
      .filter((n): n is GraphNode => n?.type === type)
      .map((n) => n.props as NodeOf<T>);
  }

  async list<T extends NodeType>(type: T, o: ListOptions): Promise<NodeOf<T>[]> {
    await this.read(`list:${type}`);
    const def = NODE_TYPES[type];
    const needle = o.search?.toLowerCase();
    let found = [...this.nodesById.values()]
      .map((s) => s.node)
      .filter((n) => n.type === type)
      .map((n) => n.props as Record<string, unknown>)
      .filter((p) => {
        if (needle) {
          const texts = [...(def.searchable as string[]).map((k) => String(p[k] ?? '')), ...((p.aliases as string[]) ?? [])];
          if (!texts.some((t) => t.toLowerCase().includes(needle))) return false;
        }
        for (const [k, v] of Object.entries(o.equals ?? {})) if (p[k] !== v) return false;
        if (o.range) {
          const v = p[o.range.prop] as string | null;
          if ((o.range.from || o.range.to || o.range.descending) && v == null) return false;
          if (o.range.from && v! < o.range.from) return false;
          if (o.range.to && v! > o.range.to) return false;
        }
        return true;
      });
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
    if (o.range) {
      const prop = o.range.prop;
      found = found.sort((a, b) => {
        const x = a[prop] as string | null;
        const y = b[prop] as string | null;
        if (x === y) return byId(a, b);
        if (x == null) return 1;
        if (y == null) return -1;
        return (x < y ? -1 : 1) * (o.range!.descending ? -1 : 1);
      });
    } else found = found.sort(byId);
    return found.slice(o.offset, o.offset + o.first) as NodeOf<T>[];
  }

  async related(ids: readonly string[], rel: RelType, dir: 'out' | 'in'): Promise<RelatedRow[]> {
    await this.read(`related:${rel}:${dir}`);
    const wanted = new Set(ids);
    const rows: RelatedRow[] = [];
    for (const edge of this.edges()) {
      if (edge.type !== rel) continue;
      const [near, far] = dir === 'out' ? [edge.from, edge.to] : [edge.to, edge.from];
      if (!wanted.has(near)) continue;
      const node = this.nodesById.get(far)?.node;
      if (node) rows.push({ from: near, node, edge });
    }
    return rows;
  }

  async search(text: string, first: number): Promise<{ node: GraphNode; score: number }[]> {
    await this.read('search');
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    const hits: { node: GraphNode; score: number }[] = [];
    for (const { node } of this.nodesById.values()) {
      const def = NODE_TYPES[node.type];
      const p = node.props as Record<string, unknown>;
      const hay = [...(def.searchable as string[]).map((k) => String(p[k] ?? '')), ...((p.aliases as string[]) ?? [])]
        .join(' ')
        .toLowerCase();
      const score = words.filter((w) => hay.includes(w)).length / words.length;
      if (score > 0 && node.type !== 'Document') hits.push({ node, score });
    }
    return hits.sort((a, b) => b.score - a.score || String(a.node.props.id).localeCompare(String(b.node.props.id))).slice(0, first);
  }

  private adjacency() {
    const adj = new Map<string, Edge[]>();
    for (const e of this.edges()) {
      if (!this.nodesById.has(e.from) || !this.nodesById.has(e.to)) continue;
      for (const end of [e.from, e.to]) {
        const list = adj.get(end);
        if (list) list.push(e);
        else adj.set(end, [e]);
      }
    }
    return adj;
  }

  async neighbourhood(id: string, depth: number, types: readonly string[] | null, limit: number): Promise<Subgraph> {
    await this.read('neighbourhood');
    const start = this.nodesById.get(id)?.node;
    if (!start) return { nodes: [], edges: [] };
    const adj = this.adjacency();
    // As the Cypher stores: node types filter the node across, relation types the edge.
    const nodeFilter = new Set((types ?? []).filter((t) => t in NODE_TYPES));
    const relFilter = new Set((types ?? []).filter((t) => !(t in NODE_TYPES)));
    const seen = new Set([id]);
    const edges = new Map<string, Edge>();
    let frontier = [id];
    for (let d = 0; d < depth && frontier.length && seen.size < limit; d++) {
      const next: string[] = [];
      for (const at of frontier) {
        for (const e of adj.get(at) ?? []) {
          const other = e.from === at ? e.to : e.from;
          if (relFilter.size && !relFilter.has(e.type)) continue;
          if (nodeFilter.size && !nodeFilter.has(this.nodesById.get(other)!.node.type)) continue;
          if (!seen.has(other)) {
            if (seen.size >= limit) continue;
            seen.add(other);
            next.push(other);
          }
          edges.set(`${e.type}|${e.from}|${e.to}|${e.evidence.doc}|${e.evidence.start}`, e);
        }
      }
      frontier = next;
    }
    const nodes = [...seen].map((n) => this.nodesById.get(n)!.node);
    return { nodes, edges: [...edges.values()].filter((e) => seen.has(e.from) && seen.has(e.to)) };
  }

  async ranked(type: NodeType, rels: readonly RelType[], dir: 'out' | 'in', first: number): Promise<{ id: string; count: number }[]> {
    await this.read('ranked');
    const wanted = new Set<string>(rels);
    const reached = new Map<string, Set<string>>();
    for (const e of this.edges()) {
      if (!wanted.has(e.type) || !this.nodesById.has(e.from) || !this.nodesById.has(e.to)) continue;
      const [here, there] = dir === 'out' ? [e.from, e.to] : [e.to, e.from];
      if (this.nodesById.get(here)!.node.type !== type) continue;
      const set = reached.get(here) ?? new Set<string>();
      set.add(there);
      reached.set(here, set);
    }
    return [...reached]
      .map(([id, set]) => ({ id, count: set.size }))
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1))
      .slice(0, first);
  }

  /** Texts by document id, as an ingest would store them (tests put them here). */
  readonly texts = new Map<string, SourceText>();

  async sourceText(docId: string): Promise<SourceText | null> {
    await this.read('sourceText');
    return this.nodesById.has(docId) ? (this.texts.get(docId) ?? null) : null;
  }

  async shortestPath(from: string, to: string, maxHops: number, relations?: readonly RelType[]): Promise<Subgraph | null> {
    await this.read('shortestPath');
    const allowed = relations ? new Set<string>(relations) : null;
    if (!this.nodesById.has(from) || !this.nodesById.has(to)) return null;
    const adj = this.adjacency();
    const back = new Map<string, Edge | null>([[from, null]]);
    let frontier = [from];
    for (let hop = 0; hop < maxHops && !back.has(to); hop++) {
      const next: string[] = [];
      for (const at of frontier) {
        for (const e of adj.get(at) ?? []) {
          if (allowed && !allowed.has(e.type)) continue;
          const other = e.from === at ? e.to : e.from;
          if (!back.has(other)) {
            back.set(other, e);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    if (!back.has(to)) return null;
    const nodes: GraphNode[] = [];
    const edges: Edge[] = [];
    let at = to;
    for (;;) {
      nodes.unshift(this.nodesById.get(at)!.node);
      const e = back.get(at);
      if (!e) break;
      edges.unshift(e);
      at = e.from === at ? e.to : e.from;
    }
    return { nodes, edges };
  }

  async counts(): Promise<StoreCounts> {
    await this.read('counts');
    const nodes: Partial<Record<NodeType, number>> = {};
    for (const { node } of this.nodesById.values()) nodes[node.type] = (nodes[node.type] ?? 0) + 1;
    const relations: Partial<Record<RelType, number>> = {};
    for (const e of this.edges()) relations[e.type] = (relations[e.type] ?? 0) + 1;
    return { documents: this.hashes.size, nodes, relations };
  }

  async close(): Promise<void> {}
}

/** A store holding the given document graphs. */
export async function memoryStoreWith(graphs: DocumentGraph[]): Promise<MemoryStore> {
  const store = new MemoryStore();
  for (const g of graphs) await store.writeDocument(g);
  return store;
}
