/**
 * The whole graph in memory, compactly: nodes as the model's objects, relations as columns of
 * typed arrays, and both directions' adjacency as CSR (each node's edges contiguous, sorted by
 * relation type). It is what the API reads instead of the store when the store cannot answer a
 * multi-node read in time proportional to the answer.
 *
 * Why it exists: Kuzu 0.11 reads the properties of the nodes across a relation by scanning the
 * whole far node table (a hash join, measured at 4.5 ms of CPU for the 34 items a person
 * presented on a 2,000-meeting store and ten times that at 20,000 meetings), and filters a list
 * of start ids (`a.id IN $ids`) the same way; only a single primary-key lookup is O(1). No
 * Cypher form answers "these 100 items with their meetings" in time that does not grow with the
 * corpus. The snapshot is built from whole-table reads (one join per relation table) when the
 * server starts and after each write, and answers every read in time proportional to its answer.
 *
 * Memory: ~40 bytes per relation in typed arrays, the distinct evidence sentences once each, and
 * the node objects; `bytes()` estimates it (the server reports it).
 */
import { NODE_TYPE_NAMES, REL_TYPES, REL_TYPE_NAMES, type GraphNode, type NodeType, type RelType } from '../model.ts';
import type { Edge, GraphStore, NodeKeys, NodeOrder, RelatedRow } from '../store.ts';

const NONE = -1;
const REL_INDEX = new Map(REL_TYPE_NAMES.map((t, i) => [t, i]));
/** Extra (non-evidence) properties per relation type, in the model's order. */
const EXTRA: string[][] = REL_TYPE_NAMES.map((t) => Object.keys(REL_TYPES[t].props));
const MAX_EXTRA = Math.max(1, ...EXTRA.map((e) => e.length));

/** A growable Int32 column. */
class Column {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Strings stored once (document ids, sentences, rule ids, property values). */
class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  id(s: string | null | undefined): number {
    if (s === null || s === undefined) return NONE;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

export interface SnapshotStats {
  nodes: number;
  edges: number;
  strings: number;
  /** Estimated bytes held (typed arrays exactly, strings and node objects approximately). */
  bytes: number;
  seconds: number;
}

/** Each node's edges in one direction: `edges[start[n] .. start[n + 1])`, sorted by relation type. */
interface Adjacency {
  start: Int32Array;
  edges: Int32Array;
}

export class GraphSnapshot {
  private constructor(
    readonly nodes: GraphNode[],
    private readonly byId: Map<string, number>,
    private readonly src: Int32Array,
    private readonly dst: Int32Array,
    private readonly rel: Uint8Array,
    private readonly doc: Int32Array,
    private readonly item: Int32Array,
    private readonly start: Int32Array,
    private readonly end: Int32Array,
    private readonly sentence: Int32Array,
    private readonly rule: Int32Array,
    private readonly extra: Int32Array,
    private readonly strings: string[],
    private readonly out: Adjacency,
    private readonly into: Adjacency,
    readonly stats: SnapshotStats,
  ) {}

  /** Reads every node and relation of the store (whole-table reads, one per node and relation table). */
  static async build(store: GraphStore): Promise<GraphSnapshot> {
    if (!store.scanNodes || !store.scanEdges) throw new Error(`the ${store.kind} store cannot be read whole (no scanNodes/scanEdges)`);
    const t0 = performance.now();
    const nodes: GraphNode[] = [];
    const byId = new Map<string, number>();
    for (const type of NODE_TYPE_NAMES) {
      for (const n of await store.scanNodes(type)) {
        byId.set(n.props.id, nodes.length);
        nodes.push(n);
      }
    }
    const strings = new Strings();
    const cols = { src: new Column(), dst: new Column(), rel: new Column(), doc: new Column(), item: new Column(), start: new Column(), end: new Column(), sentence: new Column(), rule: new Column() };
    const extra = new Column();
    for (const type of REL_TYPE_NAMES) {
      const r = REL_INDEX.get(type)!;
      for (const [from, to] of REL_TYPES[type].pairs) {
        for (const e of await store.scanEdges(type, from, to)) {
          const a = byId.get(e.from);
          const b = byId.get(e.to);
          // A relation always has both ends in the store; one that does not is left out rather than served half.
          if (a === undefined || b === undefined) continue;
          cols.src.push(a);
          cols.dst.push(b);
          cols.rel.push(r);
          cols.doc.push(strings.id(e.evidence.doc));
          cols.item.push(strings.id(e.evidence.item));
          cols.start.push(e.evidence.start);
          cols.end.push(e.evidence.end);
          cols.sentence.push(strings.id(e.evidence.sentence));
          cols.rule.push(strings.id(e.evidence.rule ?? null));
          for (let k = 0; k < MAX_EXTRA; k++) extra.push(strings.id(EXTRA[r]![k] === undefined ? null : e.props[EXTRA[r]![k]!]));
        }
      }
    }
    const src = cols.src.done();
    const dst = cols.dst.done();
    const rel = Uint8Array.from(cols.rel.done());
    const out = adjacency(nodes.length, src, rel);
    const into = adjacency(nodes.length, dst, rel);
    const columns = [src, dst, cols.doc.done(), cols.item.done(), cols.start.done(), cols.end.done(), cols.sentence.done(), cols.rule.done(), extra.done()];
    const arrayBytes = columns.reduce((n, c) => n + c.byteLength, 0) + rel.byteLength + out.start.byteLength + out.edges.byteLength + into.start.byteLength + into.edges.byteLength;
    const stringBytes = strings.list.reduce((n, s) => n + s.length + 24, 0);
    // Node objects: their strings plus ~40 bytes per property slot; the id map ~80 bytes an entry.
    let nodeBytes = 0;
    for (const n of nodes) for (const v of Object.values(n.props)) nodeBytes += 40 + (typeof v === 'string' ? v.length : Array.isArray(v) ? v.reduce((k: number, x: string) => k + x.length + 24, 0) : 0);
    nodeBytes += nodes.length * 80;
    const stats: SnapshotStats = {
      nodes: nodes.length,
      edges: src.length,
      strings: strings.list.length,
      bytes: arrayBytes + stringBytes + nodeBytes,
      seconds: (performance.now() - t0) / 1000,
    };
    return new GraphSnapshot(nodes, byId, src, dst, rel, columns[2]!, columns[3]!, columns[4]!, columns[5]!, columns[6]!, columns[7]!, columns[8]!, strings.list, out, into, stats);
  }

  index(id: string): number | undefined {
    return this.byId.get(id);
  }

  node(id: string): GraphNode | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.nodes[i];
  }

  /** The edges of one relation type leaving (`out`) or arriving at (`in`) node `n`. */
  edgesOf(n: number, type: RelType, dir: 'out' | 'in'): Int32Array {
    const adj = dir === 'out' ? this.out : this.into;
    const r = REL_INDEX.get(type)!;
    let lo = adj.start[n]!;
    let hi = adj.start[n + 1]!;
    // First edge of type >= r, then first of type > r (edges are sorted by type within a node).
    let a = lo;
    let b = hi;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (this.rel[adj.edges[m]!]! < r) a = m + 1;
      else b = m;
    }
    lo = a;
    b = hi;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (this.rel[adj.edges[m]!]! <= r) a = m + 1;
      else b = m;
    }
    hi = a;
    return adj.edges.subarray(lo, hi);
  }

  /** Every edge of node `n` in one direction (all relation types). */
  allEdgesOf(n: number, dir: 'out' | 'in'): Int32Array {
    const adj = dir === 'out' ? this.out : this.into;
    return adj.edges.subarray(adj.start[n]!, adj.start[n + 1]!);
  }

  /** The node across edge `e` from node `n`. */
  other(e: number, n: number): number {
    return this.src[e] === n ? this.dst[e]! : this.src[e]!;
  }

  source(e: number): number {
    return this.src[e]!;
  }

  target(e: number): number {
    return this.dst[e]!;
  }

  typeOf(e: number): RelType {
    return REL_TYPE_NAMES[this.rel[e]!]!;
  }

  /** Edge `e` as the stores return it. */
  edge(e: number): Edge {
    const r = this.rel[e]!;
    const props: Record<string, string | null> = {};
    const names = EXTRA[r]!;
    for (let k = 0; k < names.length; k++) props[names[k]!] = this.text(this.extra[e * MAX_EXTRA + k]!);
    return {
      type: REL_TYPE_NAMES[r]!,
      from: this.nodes[this.src[e]!]!.props.id,
      to: this.nodes[this.dst[e]!]!.props.id,
      props,
      evidence: {
        doc: this.text(this.doc[e]!) ?? '',
        item: this.text(this.item[e]!),
        start: this.start[e]!,
        end: this.end[e]!,
        sentence: this.text(this.sentence[e]!) ?? '',
        rule: this.text(this.rule[e]!),
      },
    };
  }

  /** Rows of `store.related` for one id. */
  related(id: string, type: RelType, dir: 'out' | 'in'): RelatedRow[] {
    const n = this.byId.get(id);
    if (n === undefined) return [];
    const edges = this.edgesOf(n, type, dir);
    const rows: RelatedRow[] = new Array(edges.length);
    for (let k = 0; k < edges.length; k++) {
      const e = edges[k]!;
      rows[k] = { from: id, node: this.nodes[dir === 'out' ? this.dst[e]! : this.src[e]!]!, edge: this.edge(e) };
    }
    return rows;
  }

  /**
   * Lists sorted by an order (see NodeOrder), each sorted the first time it is asked for and
   * kept with this snapshot (a rebuild after a write starts afresh): at most one entry per
   * (node, relation, direction, order) asked for, each no longer than the node's edges.
   */
  private readonly sorted = new Map<string, GraphNode[]>();

  /** The distinct nodes of `order.type` across the edges of `type` from `id`, in `order`. */
  ordered(id: string, type: RelType, dir: 'out' | 'in', order: NodeOrder): GraphNode[] {
    const key = `${order.key}\u0000${type}\u0000${dir}\u0000${id}`;
    const known = this.sorted.get(key);
    if (known) return known;
    const n = this.byId.get(id);
    if (n === undefined) return [];
    const edges = this.edgesOf(n, type, dir);
    const seen = new Set<number>();
    const list: GraphNode[] = [];
    for (let k = 0; k < edges.length; k++) {
      const far = dir === 'out' ? this.dst[edges[k]!]! : this.src[edges[k]!]!;
      if (seen.has(far)) continue;
      seen.add(far);
      const node = this.nodes[far]!;
      if (node.type === order.type) list.push(node);
    }
    const lookup = (i: string) => this.node(i);
    list.sort((a, b) => order.compare(a, b, lookup));
    this.sorted.set(key, list);
    return list;
  }

  /** Maps from key to nodes (see NodeKeys), each built the first time it is asked for. */
  private readonly keyed = new Map<string, Map<string, GraphNode[]>>();

  /** The nodes of `keys.type` one of whose keys is `value`, in id order. */
  byKey(keys: NodeKeys, value: string): GraphNode[] {
    let map = this.keyed.get(keys.key);
    if (!map) {
      map = new Map();
      const nodes = this.nodes.filter((n) => n.type === keys.type).sort((a, b) => (a.props.id < b.props.id ? -1 : a.props.id > b.props.id ? 1 : 0));
      for (const n of nodes) {
        for (const k of new Set(keys.keys(n))) {
          const list = map.get(k);
          if (list) list.push(n);
          else map.set(k, [n]);
        }
      }
      this.keyed.set(keys.key, map);
    }
    return map.get(value) ?? [];
  }

  countOf(type: RelType): number {
    const r = REL_INDEX.get(type)!;
    let c = 0;
    for (let e = 0; e < this.rel.length; e++) if (this.rel[e] === r) c++;
    return c;
  }

  private text(i: number): string | null {
    return i === NONE ? null : this.strings[i]!;
  }
}

/** CSR over one end of every edge, each node's edges sorted by relation type then edge number. */
function adjacency(nodeCount: number, end: Int32Array, rel: Uint8Array): Adjacency {
  const start = new Int32Array(nodeCount + 1);
  for (let e = 0; e < end.length; e++) start[end[e]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) start[n + 1]! += start[n]!;
  const fill = start.slice(0, nodeCount);
  const edges = new Int32Array(end.length);
  // Edges arrive grouped by relation type (one table after another), so filling in edge order
  // leaves each node's edges sorted by type already.
  for (let e = 0; e < end.length; e++) edges[fill[end[e]!]!++] = e;
  for (let n = 0; n < nodeCount; n++) {
    const a = start[n]!;
    const b = start[n + 1]!;
    for (let i = a + 1; i < b; i++) {
      if (rel[edges[i]!]! < rel[edges[i - 1]!]!) {
        edges.subarray(a, b).sort((x, y) => rel[x]! - rel[y]! || x - y);
        break;
      }
    }
  }
  return { start, edges };
}

