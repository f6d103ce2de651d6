/**
 * Neighbourhoods and shortest paths over the snapshot, with the stores' semantics
 * (CypherStore.neighbourhood and the shortest-path queries): a neighbourhood walks both
 * directions level by level, keeps at most `limit` nodes (edges between nodes it kept stay), and
 * filters by node and relation type; a path is a shortest undirected walk over the model's
 * relation types within `maxHops`. Where several paths are equally short the stores return any
 * one; this returns the one breadth-first search finds first, visiting edges in their order.
 */
import { NODE_TYPE_NAMES, REL_TYPE_NAMES, type GraphNode, type NodeType, type RelType } from '../model.ts';
import type { Edge, Subgraph } from '../store.ts';
import type { GraphSnapshot } from './snapshot.ts';

const NODE_NAMES = new Set<string>(NODE_TYPE_NAMES);
const REL_NAMES = new Set<string>(REL_TYPE_NAMES);

function edgeKey(e: Edge): string {
  return `${e.type}|${e.from}|${e.to}|${e.evidence.doc}|${e.evidence.start}|${JSON.stringify(e.props)}`;
}

export function neighbourhood(g: GraphSnapshot, id: string, depth: number, types: readonly string[] | null, limit: number): Subgraph {
  const startIndex = g.index(id);
  if (startIndex === undefined) return { nodes: [], edges: [] };
  const nodeFilter = new Set(types?.filter((t) => NODE_NAMES.has(t)) ?? []);
  const relFilter = new Set(types?.filter((t) => REL_NAMES.has(t)) ?? []);
  const nodes = new Map<number, GraphNode>([[startIndex, g.nodes[startIndex]!]]);
  const edges = new Map<string, Edge>();
  let frontier = [startIndex];
  for (let d = 0; d < depth && frontier.length > 0 && nodes.size < limit; d++) {
    const next: number[] = [];
    // As the store walks it: the frontier by node type, each type's nodes out then in.
    const byType = new Map<NodeType, number[]>();
    for (const n of frontier) {
      const t = g.nodes[n]!.type;
      const list = byType.get(t);
      if (list) list.push(n);
      else byType.set(t, [n]);
    }
    for (const group of byType.values()) {
      for (const dir of ['out', 'in'] as const) {
        for (const n of group) {
          for (const e of g.allEdgesOf(n, dir)) {
            if (relFilter.size && !relFilter.has(g.typeOf(e))) continue;
            const other = dir === 'out' ? g.target(e) : g.source(e);
            if (nodeFilter.size && !nodeFilter.has(g.nodes[other]!.type)) continue;
            if (!nodes.has(other)) {
              if (nodes.size >= limit) continue;
              nodes.set(other, g.nodes[other]!);
              next.push(other);
            }
            const edge = g.edge(e);
            edges.set(edgeKey(edge), edge);
          }
        }
      }
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export function shortestPath(g: GraphSnapshot, from: string, to: string, maxHops: number, relations: readonly RelType[] = REL_TYPE_NAMES): Subgraph | null {
  const a = g.index(from);
  const b = g.index(to);
  if (a === undefined || b === undefined) return null;
  if (a === b) return { nodes: [g.nodes[a]!], edges: [] };
  const allowed = new Set<string>(relations);
  // Breadth-first from both ends would halve the work; one end keeps the found path's order simple.
  const via = new Map<number, number>([[a, -1]]);
  let frontier = [a];
  for (let hop = 0; hop < maxHops && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const n of frontier) {
      for (const dir of ['out', 'in'] as const) {
        for (const e of g.allEdgesOf(n, dir)) {
          if (!allowed.has(g.typeOf(e))) continue;
          const other = dir === 'out' ? g.target(e) : g.source(e);
          if (via.has(other)) continue;
          via.set(other, e);
          if (other === b) return pathTo(g, via, b);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return null;
}

function pathTo(g: GraphSnapshot, via: Map<number, number>, end: number): Subgraph {
  const nodes: GraphNode[] = [];
  const edges: Edge[] = [];
  let n = end;
  for (;;) {
    nodes.push(g.nodes[n]!);
    const e = via.get(n)!;
    if (e < 0) break;
    edges.push(g.edge(e));
    n = g.other(e, n);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
}
