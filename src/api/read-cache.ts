/**
 * A read-through cache in front of a GraphStore, shared by all requests of a server.
 *
 * Why it is safe: the API never writes, and the embedded Kuzu store is opened read-write by
 * the serving process alone (Kuzu locks its folder; ingests and queries from other processes
 * go through the server, see graph/stores/remote.ts), so nothing can change under a Kuzu
 * server except through the server, which clears the cache when it writes. A Neo4j database can be
 * written by others while we serve, so there entries expire after `ttlMs` (`serve` uses a
 * few seconds): answers are then at most that stale.
 *
 * Why it matters: a Kuzu round trip costs milliseconds, and the headline query takes four in
 * sequence; served from memory, a repeated traversal costs microseconds. Per-id entries
 * (nodes by id, relations of one id) compose with the per-request DataLoaders: a batch asks
 * the store only for the ids nobody asked for yet.
 */
import { LRUCache } from 'lru-cache';
import type { DocumentGraph, GraphNode, NodeOf, NodeType, RelType } from '../graph/model.ts';
import type { DegreeSpec, GraphStore, Histogram, ListOptions, NodeKeys, NodeOrder, RelatedRow, SourceText, StoreCounts, Subgraph, WriteResult } from '../graph/store.ts';
import { approximateBytes } from './sizes.ts';

export interface ReadCacheOptions {
  /** Entries older than this are read again; null keeps them until the store changes. */
  ttlMs: number | null;
  /** Memory the entries may take, estimated (the least recently used go first). Default 256 MiB. */
  maxBytes?: number;
}

interface Entry {
  value: Promise<unknown>;
  /** Set once the read has succeeded, so resolvers can answer without waiting a tick. */
  settled?: { value: unknown };
}

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
/** What an entry is charged while its read is in flight (its size is known once it settles). */
const PENDING_BYTES = 512;

export class ReadCache implements GraphStore {
  private readonly entries: LRUCache<string, Entry>;
  hits = 0;
  misses = 0;
  /** Bumped on every clear: anything derived from the cache (whole responses) is stale after it. */
  generation = 0;

  constructor(
    readonly inner: GraphStore,
    private readonly options: ReadCacheOptions,
  ) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: options.maxBytes ?? DEFAULT_MAX_BYTES,
      // Sizes are given with each set (see put); this covers any set that does not.
      sizeCalculation: (_e, key) => key.length * 2 + PENDING_BYTES,
      ...(options.ttlMs !== null ? { ttl: options.ttlMs } : {}),
    });
  }

  get kind() {
    return this.inner.kind;
  }

  /** Forgets everything (after a write, or when the caller knows the store changed). */
  clear(): void {
    this.entries.clear();
    this.generation++;
  }

  get ttlMs(): number | null {
    return this.options.ttlMs;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Estimated bytes the entries hold. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  private fresh(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  private put(key: string, value: Promise<unknown>): void {
    const entry: Entry = { value };
    const generation = this.generation;
    this.entries.set(key, entry, { size: key.length * 2 + PENDING_BYTES });
    value.then(
      (v) => {
        entry.settled = { value: v };
        // Charged its real size now; unless the cache was cleared or the entry replaced meanwhile.
        if (this.generation === generation && this.entries.peek(key) === entry) {
          this.entries.set(key, entry, { size: key.length * 2 + approximateBytes(v) });
        }
      },
      () => {
        // A failed read is not an answer: forget it so the next request tries again.
        if (this.entries.peek(key) === entry) this.entries.delete(key);
      },
    );
  }

  /** One cached value per key: concurrent misses share one store call. */
  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.fresh(key);
    if (hit) {
      this.hits++;
      return hit.value as Promise<T>;
    }
    this.misses++;
    const value = load();
    this.put(key, value);
    return value;
  }

  /**
   * Per-id entries for a batch read: ids already cached (or in flight) are not asked again,
   * the rest go to the store in one call.
   */
  private async perId<R>(prefix: string, ids: readonly string[], load: (missing: string[]) => Promise<Map<string, R>>, empty: R): Promise<R[]> {
    const results: Promise<R>[] = [];
    const missing: string[] = [];
    const slots: { id: string; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
    for (const id of ids) {
      const key = `${prefix}${id}`;
      const hit = this.fresh(key);
      if (hit) {
        this.hits++;
        results.push(hit.value as Promise<R>);
        continue;
      }
      this.misses++;
      let resolve!: (r: R) => void;
      let reject!: (e: unknown) => void;
      const p = new Promise<R>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.put(key, p);
      slots.push({ id, resolve, reject });
      missing.push(id);
      results.push(p);
    }
    if (missing.length) {
      load(missing).then(
        (found) => {
          for (const s of slots) s.resolve(found.get(s.id) ?? empty);
        },
        (err) => {
          for (const s of slots) s.reject(err);
        },
      );
    }
    return Promise.all(results);
  }

  /** A node already read (null: read, and not there), or undefined when it is not at hand. */
  peekNode<T extends NodeType>(type: T, id: string): NodeOf<T> | null | undefined {
    return (this.fresh(`n|${type}|${id}`)?.settled?.value as NodeOf<T> | null | undefined) ?? this.inner.peekNode?.(type, id);
  }

  /** Relations of one id already read, or undefined when they are not at hand. */
  peekRelated(id: string, rel: RelType, dir: 'out' | 'in'): RelatedRow[] | undefined {
    return (this.fresh(`r|${rel}|${dir}|${id}`)?.settled?.value as RelatedRow[] | undefined) ?? this.inner.peekRelated?.(id, rel, dir);
  }

  /** Key maps the store behind keeps in memory. */
  peekKeyed(keys: NodeKeys, value: string): GraphNode[] | undefined {
    return this.inner.peekKeyed?.(keys, value);
  }

  /** Sorted lists the store behind keeps in memory (the read cache keeps none of its own). */
  peekOrdered(id: string, rel: RelType, dir: 'out' | 'in', order: NodeOrder): GraphNode[] | undefined {
    return this.inner.peekOrdered?.(id, rel, dir, order);
  }

  async nodes<T extends NodeType>(type: T, ids: readonly string[]): Promise<NodeOf<T>[]> {
    const found = await this.perId<NodeOf<T> | null>(
      `n|${type}|`,
      [...new Set(ids)],
      async (missing) => {
        const nodes = await this.inner.nodes(type, missing);
        return new Map(nodes.map((n) => [n.id, n]));
      },
      null,
    );
    const byId = new Map(found.filter((n): n is NodeOf<T> => n !== null).map((n) => [n.id, n]));
    return ids.flatMap((id) => {
      const n = byId.get(id);
      return n ? [n] : [];
    });
  }

  async related(ids: readonly string[], rel: RelType, dir: 'out' | 'in'): Promise<RelatedRow[]> {
    const lists = await this.perId<RelatedRow[]>(
      `r|${rel}|${dir}|`,
      [...new Set(ids)],
      async (missing) => {
        const rows = await this.inner.related(missing, rel, dir);
        const byFrom = new Map<string, RelatedRow[]>();
        for (const row of rows) {
          const list = byFrom.get(row.from);
          if (list) list.push(row);
          else byFrom.set(row.from, [row]);
        }
        return byFrom;
      },
      [],
    );
    return lists.flat();
  }

  list<T extends NodeType>(type: T, options: ListOptions): Promise<NodeOf<T>[]> {
    return this.once(`l|${type}|${JSON.stringify(options)}`, () => this.inner.list(type, options));
  }

  search(text: string, first: number): Promise<{ node: GraphNode; score: number }[]> {
    return this.once(`s|${first}|${text}`, () => this.inner.search(text, first));
  }

  neighbourhood(id: string, depth: number, types: readonly string[] | null, limit: number): Promise<Subgraph> {
    return this.once(`nb|${id}|${depth}|${limit}|${types ? JSON.stringify(types) : ''}`, () =>
      this.inner.neighbourhood(id, depth, types, limit),
    );
  }

  shortestPath(from: string, to: string, maxHops: number, relations?: readonly RelType[]): Promise<Subgraph | null> {
    return this.once(`p|${from}|${to}|${maxHops}|${relations?.join(',') ?? '*'}`, () => this.inner.shortestPath(from, to, maxHops, relations));
  }

  ranked(type: NodeType, rels: readonly RelType[], dir: 'out' | 'in', first: number): Promise<{ id: string; count: number }[]> {
    return this.once(`rk|${type}|${rels.join(',')}|${dir}|${first}`, () => this.inner.ranked(type, rels, dir, first));
  }

  /** Not cached: texts are large, and one is read only when an analyst opens it. */
  sourceText(docId: string): Promise<SourceText | null> {
    return this.inner.sourceText(docId);
  }

  refresh(): Promise<void> {
    return this.inner.refresh?.() ?? Promise.resolve();
  }

  counts(): Promise<StoreCounts> {
    return this.once('c', () => this.inner.counts());
  }

  degreeHistograms(specs: DegreeSpec[]): Promise<Histogram[]> {
    if (!this.inner.degreeHistograms) return Promise.resolve(specs.map(() => []));
    return this.inner.degreeHistograms(specs);
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
      this.clear();
    }
  }

  async removeDocument(docId: string): Promise<void> {
    try {
      await this.inner.removeDocument(docId);
    } finally {
      this.clear();
    }
  }

  close(): Promise<void> {
    this.clear();
    return this.inner.close();
  }
}
