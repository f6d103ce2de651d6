/**
 * `store.list` over the in-memory snapshot, with the stores' exact semantics (cypher/common/
 * list-nodes.cypher and src/graph/stores/queries.ts listQuery): a case-insensitive substring of
 * any searchable property or of the aliases joined by " | ", exact-match filters, an inclusive
 * range over one property (nodes without it are left out once a bound is given), ordered by id,
 * or by the range property then id with the nodes lacking it last (or, `descending`, by the
 * property newest first then id, without them), then paged.
 *
 * Substring search goes through a trigram index (each node's lower-cased texts' three-letter
 * runs → the nodes, in id order), so a name lookup reads the nodes sharing the needle's rarest
 * trigram, not every node of the type; needles shorter than three letters scan in id order and
 * stop at the page's end.
 */
import { NODE_TYPES, type GraphNode, type NodeType } from '../model.ts';
import type { ListOptions } from '../store.ts';

type Props = Record<string, unknown>;

/** The lower-cased texts a search matches against, as the stores build them. */
function searchTexts(type: NodeType, props: Props): string[] {
  const texts: string[] = [];
  for (const p of NODE_TYPES[type].searchable as string[]) {
    const v = props[p];
    if (typeof v === 'string') texts.push(v.toLowerCase());
  }
  if ((NODE_TYPES[type].props as Record<string, string>).aliases === 'string[]') {
    const aliases = (props.aliases as string[] | undefined) ?? [];
    texts.push(aliases.join(' | ').toLowerCase());
  }
  return texts;
}

/** Code-unit order, as both stores order ASCII ids. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class NodeList {
  /** The type's nodes in id order. */
  private readonly byId: GraphNode[];
  private readonly texts: string[][];
  /** Trigram → positions in byId (ascending). */
  private trigrams: Map<string, Int32Array> | null = null;
  /** Per range property: positions in byId ordered by (value, id), nodes without a value last. */
  private readonly ranges = new Map<string, { order: Int32Array; values: (string | null)[] }>();

  constructor(
    readonly type: NodeType,
    nodes: GraphNode[],
  ) {
    this.byId = [...nodes].sort((a, b) => cmp(a.props.id, b.props.id));
    this.texts = this.byId.map((n) => searchTexts(type, n.props as Props));
  }

  get size(): number {
    return this.byId.length;
  }

  /** Built on first use: only the types users search (people, bodies, strategies, topics) pay for it. */
  private index(): Map<string, Int32Array> {
    if (this.trigrams) return this.trigrams;
    const lists = new Map<string, number[]>();
    this.texts.forEach((texts, pos) => {
      const seen = new Set<string>();
      for (const t of texts) for (let i = 0; i + 3 <= t.length; i++) seen.add(t.slice(i, i + 3));
      for (const g of seen) {
        const list = lists.get(g);
        if (list) list.push(pos);
        else lists.set(g, [pos]);
      }
    });
    this.trigrams = new Map([...lists].map(([g, l]) => [g, Int32Array.from(l)]));
    return this.trigrams;
  }

  /** Positions (in id order) whose texts may contain `needle`: every one for short needles. */
  private candidates(needle: string): Int32Array | null {
    if (needle.length < 3) return null;
    const index = this.index();
    let best: Int32Array | undefined;
    for (let i = 0; i + 3 <= needle.length; i++) {
      const list = index.get(needle.slice(i, i + 3));
      if (!list) return new Int32Array(0);
      if (!best || list.length < best.length) best = list;
    }
    return best ?? null;
  }

  private range(prop: string) {
    let r = this.ranges.get(prop);
    if (!r) {
      const values = this.byId.map((n) => {
        const v = (n.props as Props)[prop];
        return typeof v === 'string' ? v : null;
      });
      const order = Int32Array.from(values.keys()).sort((a, b) => {
        const va = values[a]!;
        const vb = values[b]!;
        if (va === vb) return a - b;
        if (va === null) return 1;
        if (vb === null) return -1;
        return cmp(va, vb) || a - b;
      });
      r = { order, values };
      this.ranges.set(prop, r);
    }
    return r;
  }

  list(options: ListOptions): GraphNode[] {
    const needle = options.search?.trim().toLowerCase() || null;
    const equals = Object.entries(options.equals ?? {});
    const props = NODE_TYPES[this.type].props as Record<string, string>;
    for (const [p] of equals) if (!(p in props)) throw new Error(`${this.type} has no property '${p}' to filter on`);
    if (options.range && !(options.range.prop in props)) throw new Error(`${this.type} has no property '${options.range.prop}' to filter on`);
    const from = options.range?.from ?? null;
    const to = options.range?.to ?? null;
    const bounded = from !== null || to !== null;
    const keep = (pos: number): boolean => {
      const n = this.byId[pos]!.props as Props;
      if (needle !== null && !this.texts[pos]!.some((t) => t.includes(needle))) return false;
      for (const [p, v] of equals) if (n[p] !== v) return false;
      if (options.range && bounded) {
        const v = n[options.range.prop];
        if (typeof v !== 'string') return false;
        if (from !== null && v < from) return false;
        if (to !== null && v > to) return false;
      }
      return true;
    };
    const out: GraphNode[] = [];
    let skip = options.offset;
    const take = (pos: number): boolean => {
      if (!keep(pos)) return true;
      if (skip > 0) {
        skip--;
        return true;
      }
      out.push(this.byId[pos]!);
      return out.length < options.first;
    };
    if (options.first <= 0) return out;
    if (options.range?.descending) {
      // Newest first, as the stores order it: value descending, then id ascending, nodes without
      // a value left out. Walk the ascending order backwards a run of equal values at a time.
      const { order, values } = this.range(options.range.prop);
      let end = 0;
      let hi = order.length;
      while (end < hi) {
        // The first position past the last value <= to (nulls sort last).
        const m = (end + hi) >>> 1;
        const v = values[order[m]!]!;
        if (v !== null && (to === null || v <= to)) end = m + 1;
        else hi = m;
      }
      for (let j = end - 1; j >= 0; ) {
        const v = values[order[j]!]!;
        if (from !== null && v! < from) break;
        let g = j;
        while (g > 0 && values[order[g - 1]!] === v) g--;
        for (let i = g; i <= j; i++) if (!take(order[i]!)) return out;
        j = g - 1;
      }
      return out;
    }
    if (options.range) {
      const { order, values } = this.range(options.range.prop);
      // Start at the first value >= from (nodes without a value sort last).
      let i = 0;
      if (from !== null) {
        let hi = order.length;
        while (i < hi) {
          const m = (i + hi) >>> 1;
          const v = values[order[m]!]!;
          if (v !== null && v < from) i = m + 1;
          else hi = m;
        }
      }
      for (; i < order.length; i++) {
        const pos = order[i]!;
        const v = values[pos]!;
        if (bounded && (v === null || (to !== null && v > to))) break;
        if (!take(pos)) break;
      }
      return out;
    }
    const candidates = needle !== null ? this.candidates(needle) : null;
    if (candidates) {
      for (const pos of candidates) if (!take(pos)) break;
    } else {
      for (let pos = 0; pos < this.byId.length; pos++) if (!take(pos)) break;
    }
    return out;
  }
}
