/**
 * A GraphStore that answers reads from an in-memory snapshot of its store's graph (snapshot.ts),
 * built when it opens and again after every write through it (search from a word index of it,
 * search.ts); writes and anything the snapshot cannot answer go to the store. Between a write
 * and the end of the rebuild that follows, every read goes to the store, so an answer is never
 * older than the last write (writes an ingest makes through the serving process reach it by
 * `changed()`, from Api.storeChanged).
 *
 * Only a store nothing else writes to can be served this way: the embedded Kuzu store, which
 * the serving process holds locked. A Neo4j database can change under the server and answers
 * its reads with its own indexes, so it is served directly.
 */
import { NODE_TYPE_NAMES, REL_TYPE_NAMES, type DocumentGraph, type GraphNode, type NodeOf, type NodeType, type RelType } from '../model.ts';
import type { GraphStore, ListOptions, NodeKeys, NodeOrder, RelatedRow, SourceText, StoreCounts, Subgraph, WriteResult } from '../store.ts';
import { NodeList } from './lists.ts';
import { SearchIndex } from './search.ts';
import { GraphSnapshot, type SnapshotStats } from './snapshot.ts';
import { neighbourhood, shortestPath } from './traverse.ts';

interface Ready {
  snapshot: GraphSnapshot;
  lists: Map<NodeType, NodeList>;
  counts: StoreCounts;
  /** Built at the first search after a rebuild. */
  search?: SearchIndex;
}

export interface IndexedStoreOptions {
  /**
   * `background` (serving): a write returns at once and the snapshot is rebuilt behind it, the
   * store answering reads meanwhile. `inline`: the write returns once the snapshot is rebuilt
   * (tests, so that every read after a write is the snapshot's).
   */
  refresh?: 'background' | 'inline';
  /** Told how each build went (the server logs it). */
  onBuilt?: (stats: SnapshotStats) => void;
  onError?: (err: unknown) => void;
}

export class IndexedStore implements GraphStore {
  private ready: Ready | null = null;
  /** Bumped by every write: a build that started before a write is discarded. */
  private version = 0;
  private building: Promise<void> | null = null;
  private rebuildWanted = false;
  private closed = false;

  private constructor(
    readonly inner: GraphStore,
    private readonly options: IndexedStoreOptions,
  ) {}

  /** Wraps `inner` and builds the first snapshot before returning. */
  static async open(inner: GraphStore, options: IndexedStoreOptions = {}): Promise<IndexedStore> {
    const store = new IndexedStore(inner, options);
    await store.rebuild();
    return store;
  }

  get kind() {
    return this.inner.kind;
  }

  /** What the current snapshot holds and cost (null while reads go to the store). */
  get stats(): SnapshotStats | null {
    return this.ready?.snapshot.stats ?? null;
  }

  /** Resolves once no rebuild is pending (reads are the snapshot's again). */
  async settled(): Promise<void> {
    while (this.building) await this.building;
  }

  private rebuild(): Promise<void> {
    if (this.building) {
      this.rebuildWanted = true;
      return this.building;
    }
    const run = async () => {
      do {
        this.rebuildWanted = false;
        const version = this.version;
        try {
          const snapshot = await GraphSnapshot.build(this.inner);
          if (version !== this.version || this.closed) continue;
          const lists = new Map<NodeType, NodeList>();
          const byType = new Map<NodeType, GraphNode[]>(NODE_TYPE_NAMES.map((t) => [t, []]));
          for (const n of snapshot.nodes) byType.get(n.type)!.push(n);
          for (const [t, nodes] of byType) lists.set(t, new NodeList(t, nodes));
          const relations: Partial<Record<RelType, number>> = {};
          for (const r of REL_TYPE_NAMES) relations[r] = snapshot.countOf(r);
          const nodes: Partial<Record<NodeType, number>> = {};
          for (const [t, l] of lists) nodes[t] = l.size;
          this.ready = { snapshot, lists, counts: { documents: nodes.Document ?? 0, nodes, relations } };
          this.options.onBuilt?.(snapshot.stats);
        } catch (err) {
          // Reads keep going to the store; the next write tries again.
          this.options.onError?.(err);
          if (this.options.refresh === 'inline') throw err;
        }
      } while (this.rebuildWanted && !this.closed);
    };
    this.building = run().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  /**
   * The store was written (through this wrapper, or through the store itself by an ingest the
   * server ran: Api.storeChanged): reads go to the store until a snapshot of the new state is built.
   */
  async changed(): Promise<void> {
    this.version++;
    this.ready = null;
    const build = this.rebuild();
    if (this.options.refresh === 'inline') await build;
    else build.catch(() => undefined);
  }

  peekNode<T extends NodeType>(type: T, id: string): NodeOf<T> | null | undefined {
    const r = this.ready;
    if (!r) return undefined;
    const n = r.snapshot.node(id);
    return n && n.type === type ? (n.props as NodeOf<T>) : null;
  }

  peekRelated(id: string, rel: RelType, dir: 'out' | 'in'): RelatedRow[] | undefined {
    return this.ready?.snapshot.related(id, rel, dir);
  }

  peekKeyed(keys: NodeKeys, value: string): GraphNode[] | undefined {
    return this.ready?.snapshot.byKey(keys, value);
  }

  peekOrdered(id: string, rel: RelType, dir: 'out' | 'in', order: NodeOrder): GraphNode[] | undefined {
    return this.ready?.snapshot.ordered(id, rel, dir, order);
  }

  async nodes<T extends NodeType>(type: T, ids: readonly string[]): Promise<NodeOf<T>[]> {
    const r = this.ready;
    if (!r) return this.inner.nodes(type, ids);
    const out: NodeOf<T>[] = [];
    for (const id of ids) {
      const n = r.snapshot.node(id);
      if (n && n.type === type) out.push(n.props as NodeOf<T>);
    }
    return out;
  }

  async list<T extends NodeType>(type: T, options: ListOptions): Promise<NodeOf<T>[]> {
    const r = this.ready;
    if (!r) return this.inner.list(type, options);
    return r.lists.get(type)!.list(options).map((n) => n.props as NodeOf<T>);
  }

  async related(ids: readonly string[], rel: RelType, dir: 'out' | 'in'): Promise<RelatedRow[]> {
    const r = this.ready;
    if (!r) return this.inner.related(ids, rel, dir);
    const out: RelatedRow[] = [];
    for (const id of new Set(ids)) for (const row of r.snapshot.related(id, rel, dir)) out.push(row);
    return out;
  }

  async search(text: string, first: number): Promise<{ node: GraphNode; score: number }[]> {
    const r = this.ready;
    if (!r) return this.inner.search(text, first);
    r.search ??= new SearchIndex(r.snapshot.nodes);
    return r.search.search(text, first);
  }

  // Ranking is one aggregate query the store answers well, and a document's text is not held in
  // the snapshot (it would double the index's memory): both go to the store.
  ranked(type: NodeType, rels: readonly RelType[], dir: 'out' | 'in', first: number): Promise<{ id: string; count: number }[]> {
    return this.inner.ranked(type, rels, dir, first);
  }

  sourceText(docId: string): Promise<SourceText | null> {
    return this.inner.sourceText(docId);
  }

  /** The store's own full-text indexes answer searches while a rebuild runs: brings them up to date. */
  async refresh(): Promise<void> {
    await this.inner.refresh?.();
  }

  async neighbourhood(id: string, depth: number, types: readonly string[] | null, limit: number): Promise<Subgraph> {
    const r = this.ready;
    if (!r) return this.inner.neighbourhood(id, depth, types, limit);
    return neighbourhood(r.snapshot, id, depth, types, limit);
  }

  async shortestPath(from: string, to: string, maxHops: number, relations?: readonly RelType[]): Promise<Subgraph | null> {
    const r = this.ready;
    if (!r) return (this.inner.shortestPath as (f: string, t: string, h: number, rels?: readonly RelType[]) => Promise<Subgraph | null>)(from, to, maxHops, relations);
    return shortestPath(r.snapshot, from, to, Math.max(1, Math.min(10, Math.floor(maxHops))), relations);
  }

  async counts(): Promise<StoreCounts> {
    return this.ready?.counts ?? this.inner.counts();
  }

  documentHash(docId: string): Promise<string | null> {
    return this.inner.documentHash(docId);
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  async writeDocument(graph: DocumentGraph): Promise<WriteResult> {
    try {
      return await this.inner.writeDocument(graph);
    } finally {
      await this.changed();
    }
  }

  async writeDocuments(graphs: DocumentGraph[]): Promise<(WriteResult | Error)[]> {
    try {
      return this.inner.writeDocuments ? await this.inner.writeDocuments(graphs) : await Promise.all(graphs.map((g) => this.inner.writeDocument(g).catch((e: Error) => e)));
    } finally {
      await this.changed();
    }
  }

  async removeDocument(docId: string): Promise<void> {
    try {
      await this.inner.removeDocument(docId);
    } finally {
      await this.changed();
    }
  }

  /** Stops serving from memory and lets a rebuild in progress finish; the store stays open. */
  async detach(): Promise<void> {
    this.closed = true;
    this.ready = null;
    await this.building?.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.detach();
    await this.inner.close();
  }
}
