/**
 * The store logic both stores share: one document's facts replaced in one transaction, batched
 * writes (UNWIND over parameter lists), and the generic reads the API batches over. The Kuzu
 * and Neo4j stores differ only in their Runner (the connection) and their dialect files.
 */
import { typeOfId } from '../ids.ts';
import {
  NODE_TYPES,
  NODE_TYPE_NAMES,
  REL_TYPES,
  REL_TYPE_NAMES,
  type DocumentGraph,
  type GraphNode,
  type NodeOf,
  type NodeType,
  type PropType,
  type RelType,
} from '../model.ts';
import type { DegreeSpec, Edge, GraphStore, Histogram, ListOptions, RelatedRow, StoreCounts, Subgraph, WriteResult } from '../store.ts';
import type { Dialect } from './dialect.ts';
import {
  MAX_HOPS,
  countQuery,
  degreeHistogramQuery,
  dropFullTextQuery,
  fullTextIndexes,
  fullTextQuery,
  labelQuery,
  listQuery,
  loadStatements,
  createNodesQuery,
  findNodeQuery,
  relatedQuery,
  relationWrite,
  updateNodesQuery,
  query,
  rowKey,
  searchQuery,
  shortestPathQuery,
  textValuesQuery,
  typeQuery,
  writeRelationsQuery,
} from './queries.ts';
import { isNode, isRel, type NodeValue, type RelValue, type Row, type Runner, type Tx } from './runner.ts';
import { rankHits } from './ranking.ts';
import { nodeProps, relProps } from './schema.ts';
import { Vocabulary } from './vocabulary.ts';

/** Ids per statement: large enough to amortise a round trip, small enough for any driver. */
const CHUNK = 1000;

/**
 * Kuzu 0.11 kills the whole process (a segmentation fault) on ORDER BY … SKIP n when n is
 * some 12,000 past the end of the table. Deeper pages than this are checked against a count
 * first, and a page past the end is empty without asking for it.
 */
const KUZU_SAFE_SKIP = 1000;

/**
 * Kuzu 0.11.3 cannot replay a write-ahead log holding a full-text index's creation or removal
 * ("Cannot find table catalog entry" on the next open, after a process is killed), so every
 * such change is checkpointed at once: the log then holds only ordinary writes.
 */
const CHECKPOINT = 'CHECKPOINT';

/** How long a Neo4j store trusts its search vocabulary (others may write to the database). */
const VOCABULARY_TTL_MS = 60_000;

/** Hits fetched per node type before ranking, as a multiple of what was asked for. */
const SEARCH_OVERFETCH = 3;

export class CypherStore implements GraphStore {
  private vocabulary: { at: number; words: Promise<Vocabulary> } | null = null;
  /** Whether Kuzu's full-text indexes exist (a store made by an older version lacks them). */
  private fullText: Promise<boolean> | null = null;
  /** Kuzu's full-text indexes were dropped for writing and are still to be built again. */
  private fullTextStale = false;
  /** Writes and index rebuilds, one at a time: an index must never be rebuilt under a write. */
  private writeTail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly kind: Dialect,
    private readonly runner: Runner,
  ) {}

  get readOnly(): boolean {
    return this.runner.readOnly ?? false;
  }

  /**
   * Creates the schema. Kuzu's full-text indexes are not made here but by refresh(), which
   * the commands that search call (serve, start, ingest when it finishes): building them costs
   * a checkpoint, wasted on a store that is written and closed without a search.
   */
  async init(): Promise<void> {
    if (this.readOnly) return;
    await this.runner.schema(loadStatements(this.kind, 'schema'));
  }

  /** Makes the full-text indexes the store lacks (CREATE_FTS_INDEX has no IF NOT EXISTS). */
  private async buildFullText(): Promise<void> {
    const existing = await this.fullTextIndexNames();
    const missing = fullTextIndexes().filter((i) => !existing.has(i.name));
    if (missing.length) await this.runner.schema([...missing.map((i) => i.statement), CHECKPOINT]);
    this.fullText = null;
  }

  private async fullTextIndexNames(): Promise<Set<string>> {
    return new Set((await this.runner.run(query(this.kind, 'show-indexes'))).map((r) => String(r.name)));
  }

  /**
   * Kuzu 0.11.3 indexes every row of an UNWIND-batched CREATE under the first row's words,
   * and can crash updating an index so corrupted: the indexes are dropped before the first
   * write and built again by refresh() (or close()). Search falls back to substrings between.
   */
  private async beforeWrite(): Promise<void> {
    this.vocabulary = null;
    if (this.kind !== 'kuzu' || this.fullTextStale) return;
    this.fullText = null;
    const existing = await this.fullTextIndexNames();
    const drops = fullTextIndexes().filter((i) => existing.has(i.name)).map(dropFullTextQuery);
    if (drops.length === 0) return;
    this.fullTextStale = true;
    await this.runner.schema([...drops, CHECKPOINT]);
  }

  /** Builds Kuzu's full-text indexes where they are missing (after writes, or never made). */
  async refresh(): Promise<void> {
    if (this.kind !== 'kuzu' || this.readOnly) return;
    await this.exclusive(async () => {
      await this.buildFullText();
      this.fullTextStale = false;
    });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writeTail.then(work, work);
    this.writeTail = next.catch(() => undefined);
    return next;
  }


  async documentHash(docId: string): Promise<string | null> {
    const rows = await this.runner.run(query(this.kind, 'get-document'), { id: docId });
    return (rows[0]?.sha256 as string | undefined) ?? null;
  }

  async writeDocument(graph: DocumentGraph): Promise<WriteResult> {
    const [result] = await this.writeDocuments([graph]);
    if (result instanceof Error) throw result;
    return result!;
  }

  writeDocuments(graphs: DocumentGraph[]): Promise<(WriteResult | Error)[]> {
    return this.exclusive(() => this.writeDocumentsNow(graphs));
  }

  private async writeDocumentsNow(graphs: DocumentGraph[]): Promise<(WriteResult | Error)[]> {
    const out: (WriteResult | Error)[] = new Array(graphs.length);
    const valid: number[] = [];
    const seen = new Set<string>();
    graphs.forEach((g, i) => {
      try {
        checkGraph(g);
        if (seen.has(g.doc.id)) throw new Error(`${g.doc.path}: document ${g.doc.id} is twice in one write`);
        seen.add(g.doc.id);
        valid.push(i);
      } catch (err) {
        out[i] = err as Error;
      }
    });
    if (valid.length === 0) return out;
    await this.beforeWrite();
    try {
      const results = await this.runner.write((tx) => this.writeBatch(tx, valid.map((i) => graphs[i]!)));
      valid.forEach((i, k) => (out[i] = results[k]!));
    } catch (err) {
      if (valid.length === 1) {
        out[valid[0]!] = err as Error;
        return out;
      }
      // Find the culprit: one transaction per document, so the others still go in.
      for (const i of valid) {
        try {
          out[i] = (await this.runner.write((tx) => this.writeBatch(tx, [graphs[i]!])))[0]!;
        } catch (e) {
          out[i] = e as Error;
        }
      }
    }
    return out;
  }

  /**
   * Replaces the facts of every changed document in `graphs` inside one transaction: delete
   * each document's old relations, create or update the nodes, create the new relations,
   * drop entities no relation supports any more.
   */
  private async writeBatch(tx: Tx, graphs: DocumentGraph[]): Promise<WriteResult[]> {
    const stored = new Map<string, { sha256: string; touched: string[] }>();
    for (const part of chunks(graphs.map((g) => g.doc.id))) {
      for (const row of await tx.run(query(this.kind, 'find-documents'), { ids: part })) {
        stored.set(row.id as string, { sha256: row.sha256 as string, touched: (row.touched as string[] | null) ?? [] });
      }
    }
    const results: WriteResult[] = graphs.map(() => ({ changed: false, nodesAdded: 0, relationsAdded: 0 }));
    const todo = graphs.map((g, i) => ({ g, i })).filter(({ g }) => stored.get(g.doc.id)?.sha256 !== g.doc.sha256);
    if (todo.length === 0) return results;

    const oldTouched: string[] = [];
    for (const { g, i } of todo) {
      const old = (stored.get(g.doc.id)?.touched ?? []).filter((id) => typeOfId(id) !== 'Document');
      oldTouched.push(...old);
      results[i]!.relationsAdded -= await this.deleteFacts(tx, g.doc.id, old);
    }

    // Nodes shared by several documents of the batch are merged here, as sequential writes would.
    const incoming = new Map<string, { type: NodeType; props: Record<string, unknown>; first: number }>();
    const newTouched = new Set<string>();
    for (const { g, i } of todo) {
      const touched = [...new Set(g.nodes.map((n) => n.props.id))].filter((id) => id !== g.doc.id).sort();
      touched.forEach((id) => newTouched.add(id));
      const nodes: { type: NodeType; props: Record<string, unknown> }[] = [
        ...g.nodes.filter((n) => n.type !== 'Document'),
        { type: 'Document', props: { ...g.doc, touched } },
      ];
      for (const n of nodes) {
        const before = incoming.get(n.props.id as string);
        incoming.set(n.props.id as string, {
          type: n.type,
          props: mergeProps(n.type, before?.props, n.props),
          first: before?.first ?? i,
        });
      }
    }
    // Orphans are removed before anything is created: Kuzu 0.11 can still report a relation
    // deleted earlier in a transaction once other relations have been inserted after it.
    // Nothing created below can touch them (they are not in any new version of the batch).
    const removed = await this.deleteOrphans(tx, [...new Set(oldTouched)].filter((id) => !newTouched.has(id)));
    // Entities that lost their last support are charged to the first changed document.
    results[todo[0]!.i]!.nodesAdded -= removed;

    const byType = groupBy([...incoming.entries()], ([, n]) => n.type);
    for (const [type, entries] of byType) {
      const existing = new Map<string, Record<string, unknown>>();
      for (const part of chunks(entries.map(([id]) => id))) {
        for (const row of await tx.run(labelQuery(this.kind, 'find-nodes', type), { ids: part })) {
          const n = row.n as NodeValue;
          existing.set(n.props.id as string, n.props);
        }
      }
      const creates: Record<string, unknown>[] = [];
      const updates: Record<string, unknown>[] = [];
      for (const [id, n] of entries) {
        const old = existing.get(id);
        if (!old) {
          creates.push(toRow(type, n.props));
          if (type !== 'Document') results[n.first]!.nodesAdded++;
          continue;
        }
        const row = toRow(type, mergeProps(type, old, n.props));
        if (JSON.stringify(row) !== JSON.stringify(toRow(type, old))) updates.push(row);
      }
      for (const part of chunks(creates)) await tx.run(createNodesQuery(this.kind, type), { rows: part });
      for (const part of chunks(updates)) await tx.run(updateNodesQuery(this.kind, type), { rows: part });
    }

    const relations = todo.flatMap(({ g, i }) => g.relations.map((r) => ({ r, doc: g.doc.id, i })));
    for (const { i } of relations) results[i]!.relationsAdded++;
    const form = relationWrite(this.kind, relations.length);
    const groups = groupBy(relations, ({ r }) => `${r.type}|${typeOfId(r.from)}|${typeOfId(r.to)}`);
    for (const [key, rels] of groups) {
      const [type, from, to] = key.split('|') as [RelType, NodeType, NodeType];
      const extra = Object.keys(REL_TYPES[type].props);
      const rows = rels.map(({ r, doc }) => {
        const row: Record<string, unknown> = {
          src: r.from,
          dst: r.to,
          doc,
          item: r.evidence.item,
          [rowKey('start')]: r.evidence.start,
          [rowKey('end')]: r.evidence.end,
          sentence: r.evidence.sentence,
        };
        for (const p of extra) row[p] = r.props[p] ?? null;
        return row;
      });
      const statement = writeRelationsQuery(this.kind, type, from, to, form);
      if (form === 'row') {
        for (const row of rows) {
          const created = Number((await tx.run(statement, row))[0]?.created ?? 0);
          if (created !== 1) throw missingEnd(type, row);
        }
      } else {
        for (const part of chunks(rows)) {
          const result = await tx.run(statement, { rows: part });
          // COPY reports a message and fails by itself on a missing end.
          if (form === 'rows' && Number(result[0]?.created ?? 0) !== part.length) throw missingEnd(type, part[0]!);
        }
      }
    }

    for (const { i } of todo) results[i]!.changed = true;
    return results;
  }

  removeDocument(docId: string): Promise<void> {
    return this.exclusive(() => this.removeDocumentNow(docId));
  }

  private async removeDocumentNow(docId: string): Promise<void> {
    await this.beforeWrite();
    await this.runner.write(async (tx) => {
      const stored = (await tx.run(query(this.kind, 'find-documents'), { ids: [docId] }))[0];
      if (!stored) return;
      const touched = ((stored.touched as string[] | null) ?? []).filter((id) => typeOfId(id) !== 'Document');
      await this.deleteFacts(tx, docId, touched);
      await this.deleteOrphans(tx, touched);
      await tx.run(query(this.kind, 'delete-document'), { id: docId });
    });
  }

  /** Deletes the relations a document stated; returns how many. */
  private async deleteFacts(tx: Tx, docId: string, touched: string[]): Promise<number> {
    let deleted = 0;
    for (const [label, ids] of groupIds(touched)) {
      for (const part of chunks(ids)) {
        const rows = await tx.run(labelQuery(this.kind, 'delete-document-relations', label), { ids: part, doc: docId });
        deleted += Number(rows[0]?.deleted ?? 0);
      }
    }
    return deleted;
  }

  private async deleteOrphans(tx: Tx, candidates: string[]): Promise<number> {
    let deleted = 0;
    for (const [label, ids] of groupIds(candidates)) {
      for (const part of chunks(ids)) {
        const rows = await tx.run(labelQuery(this.kind, 'delete-orphans', label), { ids: part });
        deleted += Number(rows[0]?.deleted ?? 0);
      }
    }
    return deleted;
  }

  async nodes<T extends NodeType>(type: T, ids: readonly string[]): Promise<NodeOf<T>[]> {
    const found = new Map<string, NodeOf<T>>();
    const unique = [...new Set(ids)];
    // One id (a neighbourhood's start, a lone DataLoader key): the primary-key lookup is cheaper.
    const reads =
      unique.length === 1
        ? [{ text: findNodeQuery(this.kind, type), params: { id: unique[0] } }]
        : chunks(unique).map((part) => ({ text: labelQuery(this.kind, 'find-nodes', type), params: { ids: part } }));
    for (const { text, params } of reads) {
      for (const row of await this.runner.run(text, params)) {
        const node = toModel(type, (row.n as NodeValue).props);
        found.set(node.id, node);
      }
    }
    return ids.flatMap((id) => {
      const n = found.get(id);
      return n ? [n] : [];
    });
  }

  async list<T extends NodeType>(type: T, options: ListOptions): Promise<NodeOf<T>[]> {
    const equals = Object.entries(options.equals ?? {});
    const search = options.search?.trim().toLowerCase() || null;
    const text = listQuery(this.kind, type, {
      search: search !== null,
      equals: equals.map(([p]) => p),
      range: options.range?.prop ?? null,
    });
    const params: Record<string, unknown> = { first: options.first, offset: options.offset };
    if (search !== null) params.search = search;
    equals.forEach(([, v], i) => (params[`eq${i}`] = v));
    if (options.range) {
      params.rangeFrom = options.range.from ?? null;
      params.rangeTo = options.range.to ?? null;
    }
    if (this.kind === 'kuzu' && options.offset > KUZU_SAFE_SKIP) {
      const { rangeFrom, rangeTo, search: s, ...rest } = params;
      const countParams: Record<string, unknown> = { ...rest };
      if (s !== undefined) countParams.search = s;
      if (options.range) Object.assign(countParams, { rangeFrom, rangeTo });
      delete countParams.first;
      delete countParams.offset;
      const counted = await this.runner.run(countQuery(this.kind, type, { search: search !== null, equals: equals.map(([p]) => p), range: options.range?.prop ?? null }), countParams);
      if (options.offset >= Number(counted[0]?.c ?? 0)) return [];
    }
    const rows = await this.runner.run(text, params);
    return rows.map((row) => toModel(type, (row.n as NodeValue).props));
  }

  async related(ids: readonly string[], rel: RelType, dir: 'out' | 'in'): Promise<RelatedRow[]> {
    const ends = new Set(REL_TYPES[rel].pairs.map(([from, to]) => (dir === 'out' ? from : to)));
    const out: RelatedRow[] = [];
    for (const [label, group] of groupIds([...new Set(ids)])) {
      if (!ends.has(label)) continue;
      for (const part of chunks(group)) {
        const rows = await this.runner.run(relatedQuery(this.kind, dir, rel, label), { ids: part });
        for (const row of rows) {
          const b = row.b as NodeValue;
          const src = row.src as string;
          const other = b.props.id as string;
          out.push({
            from: src,
            node: toGraphNode(b),
            edge: toEdge(row.r as RelValue, dir === 'out' ? src : other, dir === 'out' ? other : src),
          });
        }
      }
    }
    return out;
  }

  /**
   * Ranked full-text search: Neo4j's full-text index, Kuzu's FTS indexes (BM25, English
   * stemming), both over the query expanded against the indexed words (vocabulary.ts) and the
   * hits put in one store-independent order (ranking.ts). A Kuzu store made before the indexes
   * existed, opened read-only, falls back to ranked substring matching.
   */
  async search(text: string, first: number): Promise<{ node: GraphNode; score: number }[]> {
    const vocabulary = await this.searchVocabulary();
    const groups = vocabulary.expand(text);
    if (groups.length === 0) return [];
    const terms = [...new Set(groups.flat())].join(' ');
    const fetch = Math.min(100, Math.max(first, 1) * SEARCH_OVERFETCH);
    const hits: { node: GraphNode; score: number }[] = [];
    if (this.kind === 'neo4j') {
      for (const row of await this.runner.run(query(this.kind, 'search'), { query: terms, first: fetch })) {
        hits.push({ node: toGraphNode(row.n as NodeValue), score: Number(row.score) });
      }
    } else if (await this.hasFullText()) {
      for (const index of fullTextIndexes()) {
        for (const row of await this.runner.run(fullTextQuery(index), { query: terms, first: fetch })) {
          hits.push({ node: toGraphNode(row.n as NodeValue), score: Number(row.score) });
        }
      }
    } else {
      return this.substringSearch(text, first);
    }
    return rankHits(hits, groups, first);
  }

  private hasFullText(): Promise<boolean> {
    this.fullText ??= this.runner.run(query(this.kind, 'show-indexes')).then(
      (rows) => {
        const existing = new Set(rows.map((r) => String(r.name)));
        return fullTextIndexes().every((i) => existing.has(i.name));
      },
      () => false,
    );
    return this.fullText;
  }

  /** The words the full-text index holds, read once per change of the data. */
  private searchVocabulary(): Promise<Vocabulary> {
    const now = Date.now();
    if (!this.vocabulary || (this.kind === 'neo4j' && now - this.vocabulary.at > VOCABULARY_TTL_MS)) {
      const words = (async () => {
        const values: string[] = [];
        for (const type of NODE_TYPE_NAMES) {
          if (type === 'Document') continue;
          for (const prop of NODE_TYPES[type].searchable as string[]) {
            for (const row of await this.runner.run(textValuesQuery(this.kind, type, prop))) {
              if (typeof row.v === 'string') values.push(row.v);
            }
          }
        }
        return Vocabulary.fromValues(values);
      })();
      const entry = { at: now, words };
      this.vocabulary = entry;
      words.catch(() => {
        if (this.vocabulary === entry) this.vocabulary = null;
      });
    }
    return this.vocabulary.words;
  }

  private async substringSearch(text: string, first: number): Promise<{ node: GraphNode; score: number }[]> {
    const needle = text.trim().toLowerCase();
    if (!needle) return [];
    const hits: { node: GraphNode; score: number }[] = [];
    for (const type of NODE_TYPE_NAMES) {
      if (type === 'Document') continue;
      const rows = await this.runner.run(searchQuery(this.kind, type), { search: needle, first });
      for (const row of rows) {
        const node = toGraphNode(row.n as NodeValue);
        hits.push({ node, score: substringScore(node, needle) });
      }
    }
    return hits.sort((a, b) => b.score - a.score || a.node.props.id.localeCompare(b.node.props.id)).slice(0, first);
  }

  async degreeHistograms(specs: DegreeSpec[]): Promise<Histogram[]> {
    const out: Histogram[] = [];
    for (const spec of specs) {
      const rows = await this.runner.run(degreeHistogramQuery(this.kind, spec));
      out.push(rows.map((r) => ({ degree: Number(r.degree), nodes: Number(r.nodes) })));
    }
    return out;
  }

  async neighbourhood(id: string, depth: number, types: readonly string[] | null, limit: number): Promise<Subgraph> {
    const startType = typeOfId(id);
    if (!startType) return { nodes: [], edges: [] };
    const [start] = await this.nodes(startType, [id]);
    if (!start) return { nodes: [], edges: [] };
    const nodeFilter = types?.filter((t) => (NODE_TYPE_NAMES as string[]).includes(t)) ?? [];
    const relFilter = types?.filter((t) => (REL_TYPE_NAMES as string[]).includes(t)) ?? [];
    const nodes = new Map<string, GraphNode>([[id, { type: startType, props: start } as GraphNode]]);
    const edges = new Map<string, Edge>();
    let frontier = [id];
    for (let d = 0; d < depth && frontier.length > 0 && nodes.size < limit; d++) {
      const next: string[] = [];
      for (const [label, group] of groupIds(frontier)) {
        for (const dir of ['out', 'in'] as const) {
          for (const part of chunks(group)) {
            const rows = await this.runner.run(labelQuery(this.kind, dir === 'out' ? 'edges-out' : 'edges-in', label), { ids: part });
            for (const row of rows) {
              const r = row.r as RelValue;
              const b = row.b as NodeValue;
              if (relFilter.length && !relFilter.includes(r.type)) continue;
              if (nodeFilter.length && !nodeFilter.includes(b.label)) continue;
              const other = b.props.id as string;
              if (!nodes.has(other)) {
                if (nodes.size >= limit) continue;
                nodes.set(other, toGraphNode(b));
                next.push(other);
              }
              const src = row.src as string;
              const edge = toEdge(r, dir === 'out' ? src : other, dir === 'out' ? other : src);
              edges.set(edgeKey(edge), edge);
            }
          }
        }
      }
      frontier = next;
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }

  async shortestPath(from: string, to: string, maxHops: number, relations: readonly RelType[] = REL_TYPE_NAMES): Promise<Subgraph | null> {
    const fromType = typeOfId(from);
    const toType = typeOfId(to);
    if (!fromType || !toType) return null;
    if (from === to) {
      const [node] = await this.nodes(fromType, [from]);
      return node ? { nodes: [{ type: fromType, props: node } as GraphNode], edges: [] } : null;
    }
    const hops = Math.max(1, Math.min(MAX_HOPS, Math.floor(maxHops)));
    if (relations.length === 0) return null;
    const rows = await this.runner.run(shortestPathQuery(this.kind, fromType, toType, hops, relations), { src: from, dst: to });
    const row = rows[0];
    if (!row) return null;
    const pathNodes = [row.a, ...((row.ns as NodeValue[] | null) ?? []), row.b].filter(isNode);
    const byRef = new Map(pathNodes.map((n) => [n.ref, n.props.id as string]));
    const edges = ((row.rs as RelValue[] | null) ?? []).filter(isRel).map((r) => toEdge(r, byRef.get(r.start) ?? '', byRef.get(r.end) ?? ''));
    const unique = new Map(pathNodes.map((n) => [n.props.id as string, toGraphNode(n)]));
    return { nodes: [...unique.values()], edges };
  }

  async counts(): Promise<StoreCounts> {
    const nodes: Partial<Record<NodeType, number>> = {};
    const relations: Partial<Record<RelType, number>> = {};
    for (const type of NODE_TYPE_NAMES) {
      const rows = await this.runner.run(labelQuery(this.kind, 'count-nodes', type));
      nodes[type] = Number(rows[0]?.c ?? 0);
    }
    for (const type of REL_TYPE_NAMES) {
      const rows = await this.runner.run(typeQuery(this.kind, 'count-relations', type));
      relations[type] = Number(rows[0]?.c ?? 0);
    }
    return { documents: nodes.Document ?? 0, nodes, relations };
  }

  async close(): Promise<void> {
    // Indexes this process dropped to write are put back; a store left without them still
    // searches (by substring) until the next refresh(), so closing must not fail over it.
    if (this.fullTextStale) await this.refresh().catch(() => undefined);
    await this.runner.close();
  }
}

function missingEnd(type: RelType, row: Record<string, unknown>): Error {
  return new Error(`could not create ${type} ${String(row.src)} → ${String(row.dst)}: one end is not in the store (document ${String(row.doc)})`);
}

/** A graph whose relations point at nodes it does not carry is a builder bug: refuse it whole. */
function checkGraph(graph: DocumentGraph): void {
  const present = new Set(graph.nodes.map((n) => n.props.id));
  present.add(graph.doc.id);
  for (const n of graph.nodes) {
    if (typeOfId(n.props.id) !== n.type) throw new Error(`${graph.doc.path}: node id '${n.props.id}' does not belong to type ${n.type}`);
  }
  for (const r of graph.relations) {
    const pair = [typeOfId(r.from), typeOfId(r.to)];
    if (!REL_TYPES[r.type].pairs.some(([a, b]) => a === pair[0] && b === pair[1])) {
      throw new Error(`${graph.doc.path}: ${r.type} cannot join ${pair[0]} to ${pair[1]} (${r.from} → ${r.to})`);
    }
    for (const end of [r.from, r.to]) {
      if (!present.has(end)) throw new Error(`${graph.doc.path}: ${r.type} refers to '${end}', which the document graph does not contain`);
    }
  }
}

/**
 * A node written again by another document keeps what it had where the new document is
 * silent (an item's number from the printed minutes survives the web page that has none);
 * a person keeps their first name and gathers the other spellings as aliases.
 */
function mergeProps(type: NodeType, existing: Record<string, unknown> | undefined, incoming: Record<string, unknown>): Record<string, unknown> {
  if (!existing) return incoming;
  const merged: Record<string, unknown> = { ...existing };
  for (const [k, v] of Object.entries(incoming)) if (v !== null && v !== undefined) merged[k] = v;
  if (type === 'Person') {
    const name = existing.name as string;
    const aliases = new Set<string>([...((existing.aliases as string[] | null) ?? []), incoming.name as string, ...((incoming.aliases as string[]) ?? [])]);
    aliases.delete(name);
    merged.name = name;
    merged.kind = existing.kind ?? incoming.kind;
    merged.aliases = [...aliases].sort();
  }
  return merged;
}

function toRow(type: NodeType, props: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [name, t] of Object.entries(nodeProps(type))) {
    const v = props[name];
    row[rowKey(name)] = t === 'string[]' ? ((v as string[] | null) ?? []) : (v ?? null);
  }
  return row;
}

function toModel<T extends NodeType>(type: T, props: Record<string, unknown>): NodeOf<T> {
  const clean: Record<string, unknown> = {};
  for (const [name, t] of Object.entries(NODE_TYPES[type].props) as [string, PropType][]) {
    const v = props[name];
    clean[name] = t === 'string[]' ? ((v as string[] | null) ?? []) : (v ?? null);
  }
  const parsed = NODE_TYPES[type].schema.safeParse(clean);
  if (!parsed.success) {
    throw new Error(`the store holds a ${type} that does not fit the model (${String(clean.id)}): ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data as NodeOf<T>;
}

function toGraphNode(n: NodeValue): GraphNode {
  const type = n.label as NodeType;
  return { type, props: toModel(type, n.props) } as GraphNode;
}

function toEdge(r: RelValue, from: string, to: string): Edge {
  const type = r.type as RelType;
  const props: Record<string, string | null> = {};
  for (const p of Object.keys(REL_TYPES[type].props)) props[p] = (r.props[p] as string | null) ?? null;
  return {
    type,
    from,
    to,
    props,
    evidence: {
      doc: String(r.props.doc ?? ''),
      item: (r.props.item as string | null) ?? null,
      start: Number(r.props.start ?? 0),
      end: Number(r.props.end ?? 0),
      sentence: String(r.props.sentence ?? ''),
    },
  };
}

function edgeKey(e: Edge): string {
  return `${e.type}|${e.from}|${e.to}|${e.evidence.doc}|${e.evidence.start}|${JSON.stringify(e.props)}`;
}

function substringScore(node: GraphNode, needle: string): number {
  const props = node.props as Record<string, unknown>;
  const values = [
    ...(NODE_TYPES[node.type].searchable as string[]).map((p) => props[p]),
    ...((props.aliases as string[] | undefined) ?? []),
  ].filter((v): v is string => typeof v === 'string');
  let best = 0;
  for (const v of values) {
    const s = v.toLowerCase();
    const score = s === needle ? 1 : s.startsWith(needle) ? 0.8 : new RegExp(`\\b${escapeRegExp(needle)}`).test(s) ? 0.6 : s.includes(needle) ? 0.4 : 0;
    best = Math.max(best, score);
  }
  return best;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function groupIds(ids: readonly string[]): Map<NodeType, string[]> {
  const out = new Map<NodeType, string[]>();
  for (const id of ids) {
    const type = typeOfId(id);
    if (!type) continue;
    const list = out.get(type);
    if (list) list.push(id);
    else out.set(type, [id]);
  }
  return out;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export { relProps };
