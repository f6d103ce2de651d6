/**
 * The store interface the rest of the code uses. Two implementations follow it (Kuzu,
 * embedded, the default; Neo4j through neo4j-driver); what differs between them is the
 * connection and the dialect `.cypher` files in `cypher/`, not the logic.
 *
 * Reads are generic batch traversals so the API can put a DataLoader in front of each
 * (relation type, direction) and answer a list of 100 items with their presenters in one
 * round trip.
 */
import type { ResolutionSource } from '../resolve/corpus.ts';
import type { DocumentGraph, Evidence, GraphNode, NodeOf, NodeType, RelType } from './model.ts';

export interface WriteResult {
  /** false when the document was already stored with the same sha256 (nothing written). */
  changed: boolean;
  nodesAdded: number;
  relationsAdded: number;
}

export interface Edge {
  type: RelType;
  from: string;
  to: string;
  props: Record<string, string | null>;
  evidence: Evidence;
}

export interface RelatedRow {
  /** The id the traversal started from (one of the ids asked for). */
  from: string;
  node: GraphNode;
  edge: Edge;
}

/**
 * An order of the nodes across a relation, named so that a store holding the graph in memory
 * can keep each list in it once sorted (src/graph/memory). `compare` may look nodes up by id.
 */
export interface NodeOrder {
  /** Names the order (and `type`): lists sorted by one order are kept under its name. */
  key: string;
  /** Only nodes of this type are kept. */
  type: NodeType;
  compare(a: GraphNode, b: GraphNode, node: (id: string) => GraphNode | undefined): number;
}

/** Keys a node is found by exactly (a person's names and aliases, normalised), named as NodeOrder is. */
export interface NodeKeys {
  key: string;
  type: NodeType;
  keys(node: GraphNode): string[];
}

export interface ListOptions {
  /** Case-insensitive substring over the type's searchable properties (and aliases). */
  search?: string;
  /** Exact-match property filters, e.g. `{ body: 'Cabinet' }`. */
  equals?: Record<string, string>;
  /**
   * Inclusive range over a string property, e.g. Meeting.date; the page is ordered by it, oldest
   * first, or newest first with `descending` (which leaves out nodes without a value).
   */
  range?: { prop: string; from?: string; to?: string; descending?: boolean };
  first: number;
  offset: number;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: Edge[];
}

/**
 * Which edges to count per node, for a degree histogram: the edges of `rels` arriving at
 * (`in`) or leaving (`out`) each node of `label`, counted once per distinct node across.
 */
export interface DegreeSpec {
  /** The node type counted; null (with `parallel`) for every relation of every type. */
  label: NodeType | null;
  rels: RelType[];
  dir: 'out' | 'in';
  /** Count per value of this property instead of per node (Item `meeting`: per meeting). */
  groupBy?: string;
  /** Count the edges of one type between the same two nodes (sentences stating one fact). */
  parallel?: boolean;
}

/** How many nodes have each degree. */
export type Histogram = { degree: number; nodes: number }[];

export interface VerifyReport {
  /** Documents whose facts were missing and were rebuilt from their stored extraction. */
  rebuilt: string[];
  /** Documents whose facts were missing and could not be rebuilt: removed, to be re-ingested. */
  dropped: { id: string; path: string }[];
  /** Nodes no relation supported any more, removed. */
  orphans: number;
  /** Whether the full check ran (the cheap one found a difference, or a bulk write was pending). */
  full: boolean;
  /** Kuzu: the store must be rebuilt from its documents (the caller does it; see kuzu.ts). */
  damaged: boolean;
}

export interface StoreCounts {
  documents: number;
  nodes: Partial<Record<NodeType, number>>;
  relations: Partial<Record<RelType, number>>;
}

/** What cross-document resolution keeps with a document (see src/resolve/corpus.ts). */
export interface DocumentMeta {
  /** JSON of the DocSummary. */
  summary: string;
  /** JSON of the Resolution the graph was built with. */
  resolution: string;
  /** The ResolvedDocument, compressed (see src/graph/stores/pack.ts): the store can rebuild the document. */
  extraction: string;
  council: string;
  meeting: string;
  keys: string[];
  tallies: string[];
}

export interface DocumentWrite {
  graph: DocumentGraph;
  meta?: DocumentMeta;
  /** The document's text as ingested, packed by `packSourceText` (src/graph/stores/pack.ts). */
  text?: string | null;
}

/** A document as ingested: the text evidence offsets point into, and where its PDF pages start. */
export interface SourceText {
  text: string;
  /** Offset in `text` of each page's first character (PDFs); null for other formats. */
  pages: number[] | null;
}

/** A stored document as ingestion plans with it. */
export interface StoredDocument {
  id: string;
  path: string;
  sha256: string;
  facts: number | null;
  batch: string | null;
  /** Its extraction is stored, so its facts can be rebuilt without the file. */
  rebuildable: boolean;
  /** The model version it was built with (null: before versions were recorded). */
  model: string | null;
}

export interface StoredExtraction {
  id: string;
  path: string;
  sha256: string;
  format: string;
  extraction: string | null;
  resolution: string | null;
  /** The packed text (see DocumentWrite.text), carried over when the document is rebuilt. */
  text: string | null;
}

export interface GraphStore {
  readonly kind: 'kuzu' | 'neo4j';
  /** Creates the schema if absent, checks the store's model version (migrating or refusing). */
  init(): Promise<void>;
  /**
   * Replaces, in one transaction, every fact that came from `graph.doc.id` with the facts in
   * `graph`, then removes entities no longer supported by any document.
   */
  writeDocument(graph: DocumentGraph): Promise<WriteResult>;
  /**
   * Writes several documents with the same guarantees as writeDocument, each document all or
   * nothing, but in fewer transactions (a group that fails is retried one document per
   * transaction, so a failing document never takes another with it). One entry per graph: its
   * result, or the error that kept it out of the store.
   */
  writeDocuments?(graphs: DocumentGraph[]): Promise<(WriteResult | Error)[]>;
  removeDocument(docId: string): Promise<void>;
  /** sha256 of the stored version of a document, or null. */
  documentHash(docId: string): Promise<string | null>;

  nodes<T extends NodeType>(type: T, ids: readonly string[]): Promise<NodeOf<T>[]>;
  list<T extends NodeType>(type: T, options: ListOptions): Promise<NodeOf<T>[]>;
  /** Edges of one type from (dir 'out') or to (dir 'in') any of `ids`, with the node across. */
  related(ids: readonly string[], rel: RelType, dir: 'out' | 'in'): Promise<RelatedRow[]>;
  /** Full-text search over names, titles, roles, strategies. */
  search(text: string, first: number): Promise<{ node: GraphNode; score: number }[]>;
  neighbourhood(id: string, depth: number, types: readonly string[] | null, limit: number): Promise<Subgraph>;
  /** The shortest path over the given relation types (default: every type). */
  shortestPath(from: string, to: string, maxHops: number, relations?: readonly RelType[]): Promise<Subgraph | null>;
  /**
   * Nodes of `type` by how many distinct nodes they reach over `rels` in direction `dir`, most
   * first (ties by id): the most active people, the busiest bodies.
   */
  ranked(type: NodeType, rels: readonly RelType[], dir: 'out' | 'in', first: number): Promise<{ id: string; count: number }[]>;
  /** A document's text as ingested (null when it is not stored, or was stored before texts were kept). */
  sourceText(docId: string): Promise<SourceText | null>;
  counts(): Promise<StoreCounts>;
  /** Every node of a type (model properties only): whole-table reads for src/graph/memory. */
  scanNodes?(type: NodeType): Promise<GraphNode[]>;
  /** Every relation of a type between two node types, with its evidence. */
  scanEdges?(rel: RelType, from: NodeType, to: NodeType): Promise<Edge[]>;
  /**
   * Reads answered without waiting, by stores that hold the graph in memory (src/graph/memory)
   * or a cache of it: undefined when the answer is not at hand (then the async read is used).
   */
  peekNode?<T extends NodeType>(type: T, id: string): NodeOf<T> | null | undefined;
  peekRelated?(id: string, rel: RelType, dir: 'out' | 'in'): RelatedRow[] | undefined;
  /**
   * The distinct nodes of `order.type` across the edges of `rel` from `id`, sorted by `order`,
   * without their edges (no evidence read): sorted once per graph version, then answered in
   * time independent of the list's length. Undefined when not at hand.
   */
  peekOrdered?(id: string, rel: RelType, dir: 'out' | 'in', order: NodeOrder): GraphNode[] | undefined;
  /**
   * The nodes of `keys.type` one of whose keys is `value`, from a map built once per graph
   * version (in id order); undefined when not at hand.
   */
  peekKeyed?(keys: NodeKeys, value: string): GraphNode[] | undefined;
  /**
   * Brings what the store derives from its data (Kuzu's full-text indexes) up to date after
   * writes; close() does it too. Searches before it still answer, less well.
   */
  refresh?(): Promise<void>;
  /** One degree histogram per spec (for sizing lists in the API's cost estimates). */
  degreeHistograms?(specs: DegreeSpec[]): Promise<Histogram[]>;
  close(): Promise<void>;
}

/**
 * What ingestion needs beyond the reads and single-document writes: one transaction over many
 * documents (new, rebuilt, removed), the bookkeeping cross-document resolution reads, and the
 * consistency check. Both stores implement it (CypherStore).
 */
export interface IngestStore extends GraphStore, ResolutionSource {
  /**
   * One transaction: writes every document of `writes` (replacing its previous version) and
   * removes every id of `removals`, each with all its facts, claims, keys and tallies.
   */
  commit(writes: DocumentWrite[], removals: string[], options?: { force?: boolean }): Promise<WriteResult[]>;
  /** Every stored document (id order). */
  storedDocuments(): Promise<StoredDocument[]>;
  extractions(ids: string[]): Promise<StoredExtraction[]>;
  /** Checks that every stored document has all its facts; see src/graph/stores/repair.ts. */
  verify(): Promise<VerifyReport>;
}
