/**
 * A read-through cache in front of a GraphStore, shared by all requests of a server.
 *
 * Why it is safe: the API never writes, and the embedded Kuzu store is opened read-write by
 * the serving process alone (Kuzu locks its folder), so nothing can change under a Kuzu server
 * except through this same object, whose writes clear the cache. A Neo4j database can be
 * written by others while we serve, so there entries expire after `ttlMs` (`serve` uses a
 * few seconds): answers are then at most that stale.
 *
 * Why it matters: a Kuzu round trip costs milliseconds, and the headline query takes four in
 * sequence; served from memory, a repeated traversal costs microseconds. Per-id entries
 * (nodes by id, relations of one id) compose with the per-request DataLoaders: a batch asks
 * the store only for the ids nobody asked for yet.
 */
import type { DocumentGraph, GraphNode, NodeOf, NodeType, RelType } from '../graph/model.ts';
import type { GraphStore, ListOptions, RelatedRow, StoreCounts, Subgraph, WriteResult } from '../graph/store.ts';

export interface ReadCacheOptions {
  /** Entries older than this are read again; null keeps them until a write through the cache. */
  ttlMs: number | null;
  /** Entries kept at most (the oldest go first). */
  maxEntries?: number;
}

interface Entry {
  at: number;
  value: Promise<unknown>;
  /** Set once the read has succeeded, so resolvers can answer without waiting a tick. */
  settled?: { value: unknown };
}

export class ReadCache implements GraphStore {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  hits = 0;
  misses = 0;
  /** Bumped on every clear: anything derived from the cache (whole responses) is stale after it. */
  generation = 0;

  constructor(
    readonly inner: GraphStore,
    private readonly options: ReadCacheOptions,
  ) {
    this.maxEntries = options.maxEntries ?? 200_000;
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

  private fresh(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.options.ttlMs !== null && Date.now() - e.at > this.options.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Eviction goes by age (Map insertion order), not by use: a hit then costs one lookup.
    return e;
  }

  private put(key: string, value: Promise<unknown>): void {
    const entry: Entry = { at: Date.now(), value };
    this.entries.set(key, entry);
    value.then(
      (v) => {
        entry.settled = { value: v };
      },
      () => {},
    );
    // A failed read is not an answer: forget it so the next request tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
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

  shortestPath(from: string, to: string, maxHops: number): Promise<Subgraph | null> {
    return this.once(`p|${from}|${to}|${maxHops}`, () => this.inner.shortestPath(from, to, maxHops));
  }

  counts(): Promise<StoreCounts> {
    return this.once('c', () => this.inner.counts());
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
