/**
 * The store logic both stores share: one document's facts replaced in one transaction, batched
 * writes (UNWIND over parameter lists), and the generic reads the API batches over. The Kuzu
 * and Neo4j stores differ only in their Runner (the connection) and their dialect files.
 */
import { createHash } from 'node:crypto';
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
import type { Counter, StoredResolution } from '../../resolve/corpus.ts';
import { splitTally } from '../../resolve/corpus.ts';
import { claimOf, formatClaims, parseClaims, propsFromClaims } from '../claims.ts';
import type {
  DegreeSpec,
  DocumentWrite,
  Edge,
  Histogram,
  IngestStore,
  ListOptions,
  RelatedRow,
  StoreCounts,
  SourceText,
  StoredDocument,
  StoredExtraction,
  Subgraph,
  VerifyReport,
  WriteResult,
} from '../store.ts';
import { pack, unpack } from './pack.ts';
import { MODEL_VERSION, openSchema, StoreVersionError } from './versions.ts';
import { verifyStore } from './repair.ts';
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
  type RelationWrite,
  updateNodesQuery,
  query,
  rowKey,
  scanNodesQuery,
  scanRelationsQuery,
  searchQuery,
  rankedQuery,
  shortestPathQuery,
  textValuesQuery,
  typeQuery,
  writeRelationsQuery,
} from './queries.ts';
import { isNode, isRel, type NodeValue, type RelValue, type Row, type Runner, type Tx } from './runner.ts';
import { CLAIMS_PROP, HAS_KEY, nodeProps, relProps } from './schema.ts';
import { rankHits } from './ranking.ts';
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

interface StoredVersion {
  id: string;
  sha256: string;
  graph: string | null;
  touched: string[];
  claims: [string, NodeType, string][];
  keys: string[];
  tallies: string[];
}

export class CypherStore implements IngestStore {
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
    if (this.readOnly) {
      // A reader neither migrates nor repairs: another reader, or the next writer, may.
      try {
        await openSchema(this.kind, this.runner);
      } catch (err) {
        if (err instanceof StoreVersionError) throw err;
        throw new Error(
          `this store needs its schema brought up to date, which a read-only open cannot do: run \`councilgraph serve\` or an ingest on it first (${(err as Error).message})`,
          { cause: err },
        );
      }
      return;
    }
    await openSchema(this.kind, this.runner);
    this.lastVerify = await this.verify();
  }

  /** What the check at open found (and repaired). */
  lastVerify: VerifyReport | null = null;

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
    const rows = await this.runner.run(query(this.kind, 'find-documents'), { ids: [docId] });
    return (rows[0]?.sha256 as string | undefined) ?? null;
  }

  async writeDocument(graph: DocumentGraph): Promise<WriteResult> {
    const [result] = await this.writeDocuments([graph]);
    if (result instanceof Error) throw result;
    return result!;
  }

  async writeDocuments(graphs: DocumentGraph[]): Promise<(WriteResult | Error)[]> {
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
    try {
      const results = await this.commit(valid.map((i) => ({ graph: graphs[i]! })), []);
      valid.forEach((i, k) => (out[i] = results[k]!));
    } catch (err) {
      if (valid.length === 1) {
        out[valid[0]!] = err as Error;
        return out;
      }
      // Find the culprit: one transaction per document, so the others still go in.
      for (const i of valid) {
        try {
          out[i] = (await this.commit([{ graph: graphs[i]! }], []))[0]!;
        } catch (e) {
          out[i] = e as Error;
        }
      }
    }
    return out;
  }

  async removeDocument(docId: string): Promise<void> {
    await this.commit([], [docId]);
  }

  /** Every write goes through here: one at a time, and never beside Kuzu's full-text indexes. */
  commit(writes: DocumentWrite[], removals: string[], options: { force?: boolean } = {}): Promise<WriteResult[]> {
    return this.exclusive(async () => {
      await this.beforeWrite();
      return this.commitNow(writes, removals, options);
    });
  }

  private async commitNow(writes: DocumentWrite[], removals: string[], options: { force?: boolean }): Promise<WriteResult[]> {
    for (const w of writes) checkGraph(w.graph);
    const relations = writes.reduce((n, w) => n + w.graph.relations.length + (w.meta?.keys.length ?? 0), 0);
    const form = relationWrite(this.kind, relations);
    // Kuzu's COPY is not in its write-ahead log: its rows become durable only when the checkpoint
    // that follows the commit completes, and a kill before that loses them while the rest of the
    // transaction survives. The batch is therefore recorded (in the log) with the transaction, and
    // cleared once the commit (with its checkpoint) has returned; a store opened with a batch still
    // recorded has its documents checked and their facts rebuilt (see verify).
    const batch = form === 'copy' ? `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}` : null;
    const results = await this.runner.write((tx) => this.writeBatch(tx, writes, removals, form, batch, options.force ?? false));
    if (batch) await this.runner.write((tx) => tx.run(query(this.kind, 'set-pending'), { pending: null }));
    return results;
  }

  /**
   * Replaces, in one transaction, every changed document of `writes` and removes `removals`:
   * their old facts and key links go, their claims on shared nodes are taken back and the new
   * ones added, nodes nobody claims any more are deleted, then the new nodes, facts and keys are
   * created and the tallies updated.
   */
  private async writeBatch(tx: Tx, writes: DocumentWrite[], removals: string[], form: RelationWrite, batch: string | null, force: boolean): Promise<WriteResult[]> {
    const stored = new Map<string, StoredVersion>();
    for (const part of chunks([...writes.map((w) => w.graph.doc.id), ...removals])) {
      for (const row of await tx.run(query(this.kind, 'find-documents'), { ids: part })) {
        stored.set(row.id as string, {
          id: row.id as string,
          sha256: row.sha256 as string,
          // A version written by another model is never "unchanged", whatever its graph.
          graph: row.model === MODEL_VERSION ? ((row.graph as string | null) ?? null) : null,
          touched: (row.touched as string[] | null) ?? [],
          claims: row.claims ? unpack<[string, NodeType, string][]>(row.claims as string) : [],
          keys: (row.keys as string[] | null) ?? [],
          tallies: (row.tallies as string[] | null) ?? [],
        });
      }
    }
    const results: WriteResult[] = writes.map(() => ({ changed: false, nodesAdded: 0, relationsAdded: 0 }));
    const hashes = writes.map((w) => graphHash(w));
    const todo = writes.map((w, i) => ({ w, i })).filter(({ w, i }) => force || stored.get(w.graph.doc.id)?.graph !== hashes[i]);
    const written = new Set(writes.map((w) => w.graph.doc.id));
    const gone = removals.filter((id) => stored.has(id) && !written.has(id));
    if (todo.length === 0 && gone.length === 0) return results;
    if (batch) await tx.run(query(this.kind, 'set-pending'), { pending: batch });

    // Old versions out: facts, key links, claims, tallies.
    const claimDelta = new Map<string, { type: NodeType; delta: Map<string, number> }>();
    const claim = (id: string, type: NodeType, json: string, n: number) => {
      let entry = claimDelta.get(id);
      if (!entry) claimDelta.set(id, (entry = { type, delta: new Map() }));
      entry.delta.set(json, (entry.delta.get(json) ?? 0) + n);
    };
    const tallyDelta = new Map<string, Map<string, number>>();
    const tally = (t: string, n: number) => {
      const [key, entry] = splitTally(t);
      let d = tallyDelta.get(key);
      if (!d) tallyDelta.set(key, (d = new Map()));
      d.set(entry, (d.get(entry) ?? 0) + n);
    };
    const oldKeys = new Set<string>();
    const replaced = [...todo.map(({ w }) => w.graph.doc.id), ...gone].filter((id) => stored.has(id));
    const firstOf = new Map<string, number>();
    const ownerOf = new Map<string, number>();
    for (const { w, i } of todo) if (!ownerOf.has(w.graph.doc.id)) ownerOf.set(w.graph.doc.id, i);
    for (const id of replaced) {
      const old = stored.get(id)!;
      const owner = ownerOf.get(id);
      const deleted = await this.deleteFacts(tx, id, old.touched.filter((t) => typeOfId(t) !== 'Document'));
      if (owner !== undefined) results[owner]!.relationsAdded -= deleted;
      for (const [nodeId, type, json] of old.claims) claim(nodeId, type, json, -1);
      for (const t of old.tallies) tally(t, -1);
      old.keys.forEach((k) => oldKeys.add(k));
    }
    for (const part of chunks(replaced)) await tx.run(query(this.kind, 'delete-document-keys'), { ids: part });
    for (const part of chunks(gone)) await tx.run(query(this.kind, 'delete-document'), { ids: part });

    // New versions' claims and tallies.
    const newClaims = new Map<number, [string, NodeType, string][]>();
    for (const { w, i } of todo) {
      const own: [string, NodeType, string][] = [];
      for (const n of w.graph.nodes) {
        if (n.type === 'Document') continue;
        const json = claimOf(n.type, n.props as Record<string, unknown>);
        own.push([n.props.id, n.type, json]);
        claim(n.props.id, n.type, json, +1);
        if (!firstOf.has(n.props.id)) firstOf.set(n.props.id, i);
      }
      newClaims.set(i, own);
      for (const t of w.meta?.tallies ?? []) tally(t, +1);
    }

    // Shared nodes: claims adjusted, properties derived; unclaimed nodes deleted first (Kuzu 0.11
    // can still report a relation deleted earlier in a transaction once others are inserted).
    const creates = new Map<NodeType, Record<string, unknown>[]>();
    const updates = new Map<NodeType, Record<string, unknown>[]>();
    const deletes = new Map<NodeType, string[]>();
    const push = <T>(m: Map<NodeType, T[]>, type: NodeType, v: T) => {
      const list = m.get(type);
      if (list) list.push(v);
      else m.set(type, [v]);
    };
    const byType = groupBy([...claimDelta.entries()], ([, e]) => e.type);
    for (const [type, entries] of byType) {
      const existing = new Map<string, Record<string, unknown>>();
      for (const part of chunks(entries.map(([id]) => id))) {
        for (const row of await tx.run(labelQuery(this.kind, 'find-nodes', type), { ids: part })) {
          const n = row.n as NodeValue;
          existing.set(n.props.id as string, n.props);
        }
      }
      for (const [id, { delta }] of entries) {
        const old = existing.get(id);
        const claims = parseClaims((old?.[CLAIMS_PROP] as string[] | null) ?? []);
        for (const [json, n] of delta) claims.set(json, (claims.get(json) ?? 0) + n);
        const list = formatClaims(claims);
        if (list.length === 0) {
          if (old) {
            push(deletes, type, id);
            const owner = todo[0]?.i;
            if (owner !== undefined) results[owner]!.nodesAdded--;
          }
          continue;
        }
        const row = toRow(type, { ...propsFromClaims(type, parseClaims(list)), id, [CLAIMS_PROP]: list });
        if (!old) {
          push(creates, type, row);
          results[firstOf.get(id) ?? todo[0]!.i]!.nodesAdded++;
        } else if (JSON.stringify(row) !== JSON.stringify(toRow(type, old))) push(updates, type, row);
      }
    }
    for (const [type, idsToDelete] of deletes) for (const part of chunks(idsToDelete)) await tx.run(labelQuery(this.kind, 'delete-nodes', type), { ids: part });

    // The documents themselves, last of the nodes: a document is in the store with its facts.
    for (const { w, i } of todo) {
      const g = w.graph;
      const touched = [...new Set(g.nodes.map((n) => n.props.id))].filter((id) => id !== g.doc.id).sort();
      const row = toRow('Document', {
        ...g.doc,
        touched,
        facts: g.relations.length,
        graph: hashes[i],
        claims: pack(newClaims.get(i) ?? []),
        extraction: w.meta?.extraction ?? null,
        summary: w.meta?.summary ?? null,
        resolution: w.meta?.resolution ?? null,
        council: w.meta?.council ?? null,
        meeting: w.meta?.meeting ?? null,
        keys: w.meta?.keys ?? [],
        tallies: w.meta?.tallies ?? [],
        batch,
        model: MODEL_VERSION,
        text: w.text ?? null,
      });
      push(stored.has(g.doc.id) ? updates : creates, 'Document', row);
    }
    for (const [type, rows] of creates) for (const part of chunks(rows)) await tx.run(createNodesQuery(this.kind, type), { rows: part });
    for (const [type, rows] of updates) for (const part of chunks(rows)) await tx.run(updateNodesQuery(this.kind, type), { rows: part });

    // Lookup keys and tallies, before the key links that point at them. Keys nobody holds any more
    // are deleted before any relation is inserted: Kuzu 0.11 can see a relation deleted earlier in
    // a transaction as still there once others have been inserted after it.
    const keyRows = new Map<string, string | null>();
    const newKeys = new Set(todo.flatMap(({ w }) => w.meta?.keys ?? []));
    for (const k of newKeys) keyRows.set(k, null);
    if (tallyDelta.size) {
      for (const part of chunks([...tallyDelta.keys()])) {
        for (const row of await tx.run(query(this.kind, 'get-tallies'), { ids: part })) {
          const counts = row.counts ? (JSON.parse(row.counts as string) as Record<string, number>) : {};
          const delta = tallyDelta.get(row.id as string)!;
          for (const [entry, n] of delta) counts[entry] = (counts[entry] ?? 0) + n;
          tallyDelta.delete(row.id as string);
          keyRows.set(row.id as string, countsText(counts));
        }
      }
      for (const [key, delta] of tallyDelta) keyRows.set(key, countsText(Object.fromEntries(delta)));
    }
    const keyWrites = [...keyRows.entries()].filter(([k, c]) => c !== null || newKeys.has(k)).map(([id, counts]) => ({ id, counts }));
    for (const part of chunks(keyWrites)) await tx.run(query(this.kind, 'write-keys'), { rows: part });
    const emptied = [...new Set([...oldKeys, ...keyRows.keys()])].filter((k) => !newKeys.has(k) && keyRows.get(k) == null);
    for (const part of chunks(emptied)) await tx.run(query(this.kind, 'delete-keys'), { ids: part });

    await this.writeRelations(tx, todo.map(({ w, i }) => ({ w, i })), results, form);
    for (const { i } of todo) results[i]!.changed = true;
    return results;
  }

  private async writeRelations(tx: Tx, todo: { w: DocumentWrite; i: number }[], results: WriteResult[], form: RelationWrite): Promise<void> {
    const relations = todo.flatMap(({ w, i }) => w.graph.relations.map((r) => ({ r, doc: w.graph.doc.id, i })));
    for (const { i } of relations) results[i]!.relationsAdded++;
    const groups: [string, Record<string, unknown>[]][] = [];
    for (const [key, rels] of groupBy(relations, ({ r }) => `${r.type}|${typeOfId(r.from)}|${typeOfId(r.to)}`)) {
      const [type] = key.split('|') as [RelType];
      const extra = Object.keys(REL_TYPES[type].props);
      groups.push([
        key,
        rels.map(({ r, doc }) => {
          const row: Record<string, unknown> = {
            src: r.from,
            dst: r.to,
            doc,
            item: r.evidence.item,
            [rowKey('start')]: r.evidence.start,
            [rowKey('end')]: r.evidence.end,
            sentence: r.evidence.sentence,
            rule: r.evidence.rule ?? null,
          };
          for (const p of extra) row[p] = r.props[p] ?? null;
          return row;
        }),
      ]);
    }
    const keyLinks = todo.flatMap(({ w }) => (w.meta?.keys ?? []).map((k) => ({ src: w.graph.doc.id, dst: k, doc: w.graph.doc.id })));
    if (keyLinks.length) groups.push([`${HAS_KEY}|Document|IndexKey`, keyLinks]);
    for (const [key, rows] of groups) {
      const [type, from, to] = key.split('|') as [RelType, string, string];
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

  /* ---- what cross-document resolution reads (ResolutionSource) ---- */

  async documents(ids: string[]): Promise<StoredResolution[]> {
    const out: StoredResolution[] = [];
    for (const part of chunks([...new Set(ids)])) {
      for (const row of await this.runner.run(query(this.kind, 'document-resolutions'), { ids: part })) {
        if (!row.summary || !row.resolution) continue;
        out.push({
          id: row.id as string,
          summary: JSON.parse(row.summary as string),
          resolution: JSON.parse(row.resolution as string),
          keys: (row.keys as string[] | null) ?? [],
          tallies: (row.tallies as string[] | null) ?? [],
        });
      }
    }
    return out;
  }

  async docsWithKeys(keys: string[]): Promise<Map<string, string[]>> {
    return this.pairs('docs-with-keys', keys, 'key', 'doc');
  }

  async docsOfMeetings(meetingIds: string[]): Promise<Map<string, string[]>> {
    return this.pairs('docs-of-meetings', meetingIds.filter((m) => typeOfId(m) === 'Meeting'), 'meeting', 'doc');
  }

  async docsReferencing(nodeIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const [label, group] of groupIds(nodeIds)) {
      for (const [k, v] of await this.pairs('docs-referencing', group, 'node', 'doc', label)) out.set(k, v);
    }
    return out;
  }

  private async pairs(name: string, keys: string[], keyCol: string, valueCol: string, label?: NodeType): Promise<Map<string, string[]>> {
    const out = new Map<string, Set<string>>();
    const text = label ? labelQuery(this.kind, name, label) : query(this.kind, name);
    for (const part of chunks([...new Set(keys)], 500)) {
      for (const row of await this.runner.run(text, { ids: part })) {
        const k = row[keyCol] as string;
        const v = row[valueCol] as string | null;
        if (!v) continue;
        let set = out.get(k);
        if (!set) out.set(k, (set = new Set()));
        set.add(v);
      }
    }
    return new Map([...out.entries()].map(([k, v]) => [k, [...v].sort()]));
  }

  async tallies(keys: string[]): Promise<Map<string, Counter>> {
    const out = new Map<string, Counter>();
    for (const part of chunks([...new Set(keys)])) {
      for (const row of await this.runner.run(query(this.kind, 'get-tallies'), { ids: part })) {
        out.set(row.id as string, row.counts ? (JSON.parse(row.counts as string) as Counter) : {});
      }
    }
    return out;
  }

  async storedDocuments(): Promise<StoredDocument[]> {
    const rows = await this.runner.run(query(this.kind, 'list-documents'));
    return rows.map((r) => ({
      id: r.id as string,
      path: r.path as string,
      sha256: r.sha256 as string,
      facts: r.facts === null || r.facts === undefined ? null : Number(r.facts),
      batch: (r.batch as string | null) ?? null,
      rebuildable: Boolean(r.rebuildable),
      model: (r.model as string | null) ?? null,
    }));
  }

  async extractions(ids: string[]): Promise<StoredExtraction[]> {
    const out: StoredExtraction[] = [];
    for (const part of chunks([...new Set(ids)], 200)) {
      for (const row of await this.runner.run(query(this.kind, 'document-extractions'), { ids: part })) {
        out.push({
          id: row.id as string,
          path: row.path as string,
          sha256: row.sha256 as string,
          format: row.format as string,
          extraction: (row.extraction as string | null) ?? null,
          resolution: (row.resolution as string | null) ?? null,
          text: (row.text as string | null) ?? null,
        });
      }
    }
    return out;
  }

  async verify(): Promise<VerifyReport> {
    return verifyStore(this.kind, this.runner, this);
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
    const shape = {
      search: search !== null,
      equals: equals.map(([p]) => p),
      range: options.range?.prop ?? null,
      descending: options.range?.descending ?? false,
    };
    const text = listQuery(this.kind, type, shape);
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
      const counted = await this.runner.run(countQuery(this.kind, type, shape), countParams);
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
      // One query per index, side by side on the reader connections (one after another they
      // were a search's whole latency: nine round trips through the binding).
      const answers = await Promise.all(fullTextIndexes().map((index) => this.runner.run(fullTextQuery(index), { query: terms, first: fetch })));
      for (const rows of answers) for (const row of rows) hits.push({ node: toGraphNode(row.n as NodeValue), score: Number(row.score) });
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
              // The store's own bookkeeping (lookup keys) is not part of the graph.
              if (!(r.type in REL_TYPES)) continue;
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

  async ranked(type: NodeType, rels: readonly RelType[], dir: 'out' | 'in', first: number): Promise<{ id: string; count: number }[]> {
    if (first <= 0 || rels.length === 0) return [];
    const rows = await this.runner.run(rankedQuery(this.kind, type, rels, dir), { first });
    return rows.map((r) => ({ id: r.id as string, count: Number(r.total) }));
  }

  async sourceText(docId: string): Promise<SourceText | null> {
    const rows = await this.runner.run(query(this.kind, 'document-text'), { id: docId });
    const packed = rows[0]?.text as string | null | undefined;
    return packed ? unpack<SourceText>(packed) : null;
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

  async scanNodes(type: NodeType): Promise<GraphNode[]> {
    const rows = await this.runner.run(scanNodesQuery(this.kind, type));
    return rows.map((row) => ({ type, props: toModel(type, row) }) as GraphNode);
  }

  async scanEdges(rel: RelType, from: NodeType, to: NodeType): Promise<Edge[]> {
    const rows = await this.runner.run(scanRelationsQuery(this.kind, rel, from, to));
    return rows.map((row) => toEdge({ kind: 'rel', type: rel, start: '', end: '', props: row }, row.src as string, row.dst as string));
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

function countsText(counts: Record<string, number>): string | null {
  const kept = Object.entries(counts).filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : 1));
  return kept.length ? JSON.stringify(Object.fromEntries(kept)) : null;
}

/** A version's identity: its graph and bookkeeping, so an unchanged rewrite is skipped. */
function graphHash(w: DocumentWrite): string {
  return createHash('sha256')
    .update(JSON.stringify([MODEL_VERSION, w.graph.doc, w.graph.nodes, w.graph.relations, w.meta?.resolution ?? null, w.meta?.keys ?? [], w.meta?.tallies ?? []]))
    .digest('hex');
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
      rule: (r.props.rule as string | null | undefined) ?? null,
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

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export { relProps };
