/**
 * One DataLoader per node type and per (relation type, direction), created per request: a
 * list of 100 items asking for their presenters becomes one `store.related` call, and the
 * same node asked for twice in a response is read once.
 */
import DataLoader from 'dataloader';
import type { GraphNode, NodeOf, NodeType, RelType } from '../graph/model.ts';
import type { GraphStore, NodeOrder, RelatedRow, SourceText } from '../graph/store.ts';
import { ReadCache } from './read-cache.ts';

export type Dir = 'out' | 'in';

export class Loaders {
  private readonly nodeLoaders = new Map<NodeType, DataLoader<string, unknown>>();
  private readonly relatedLoaders = new Map<string, DataLoader<string, RelatedRow[]>>();

  /** `beforeRead` runs before every store round trip (the request deadline check). */
  constructor(
    private readonly store: GraphStore,
    private readonly beforeRead: () => void = () => {},
  ) {}

  /**
   * A node the store has at hand (the in-memory index, src/graph/memory, or the shared read
   * cache), without waiting: resolvers that can answer synchronously spare graphql-js a promise
   * per object. Undefined when not at hand.
   */
  nodeNow<T extends NodeType>(type: T, id: string): NodeOf<T> | null | undefined {
    return this.store.peekNode?.(type, id);
  }

  relatedNow(id: string, rel: RelType, dir: Dir): RelatedRow[] | undefined {
    return this.store.peekRelated?.(id, rel, dir);
  }

  /** Nodes across a relation in an order, sorted once by a store holding the graph in memory. */
  orderedNow(id: string, rel: RelType, dir: Dir, order: NodeOrder): GraphNode[] | undefined {
    return this.store.peekOrdered?.(id, rel, dir, order);
  }

  node<T extends NodeType>(type: T, id: string): Promise<NodeOf<T> | null> {
    let loader = this.nodeLoaders.get(type);
    if (!loader) {
      loader = new DataLoader<string, unknown>(async (ids) => {
        this.beforeRead();
        const found = await this.store.nodes(type, ids);
        const byId = new Map(found.map((n) => [n.id, n]));
        return ids.map((i) => byId.get(i) ?? null);
      });
      this.nodeLoaders.set(type, loader);
    }
    return loader.load(id) as Promise<NodeOf<T> | null>;
  }

  async nodesOf<T extends NodeType>(type: T, ids: readonly string[]): Promise<NodeOf<T>[]> {
    const found = await Promise.all(ids.map((i) => this.node(type, i)));
    return found.filter((n): n is Awaited<NodeOf<T>> => n !== null) as NodeOf<T>[];
  }

  related(id: string, rel: RelType, dir: Dir): Promise<RelatedRow[]> {
    const key = `${rel}:${dir}`;
    let loader = this.relatedLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, RelatedRow[]>(async (ids) => {
        this.beforeRead();
        const rows = await this.store.related(ids, rel, dir);
        const byFrom = new Map<string, RelatedRow[]>();
        for (const row of rows) {
          const list = byFrom.get(row.from);
          if (list) list.push(row);
          else byFrom.set(row.from, [row]);
        }
        return ids.map((i) => byFrom.get(i) ?? []);
      });
      this.relatedLoaders.set(key, loader);
    }
    return loader.load(id);
  }

  private readonly texts = new Map<string, Promise<SourceText | null>>();

  /** A document's text, read once per request however many fields ask for it. */
  sourceText(docId: string): Promise<SourceText | null> {
    let text = this.texts.get(docId);
    if (!text) {
      this.beforeRead();
      text = this.store.sourceText(docId);
      this.texts.set(docId, text);
    }
    return text;
  }

  /** Rows across several relation types, in the order given. */
  async relatedMany(id: string, rels: readonly RelType[], dir: Dir): Promise<RelatedRow[]> {
    const lists = await Promise.all(rels.map((r) => this.related(id, r, dir)));
    return lists.flat();
  }
}
