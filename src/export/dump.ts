/**
 * The whole graph read through the store interface (so it works on either store), in a
 * stable order (nodes by type then id, edges by every field): what every export format writes, so
 * two stores holding the same graph export byte for byte the same text.
 */
import { NODE_TYPE_NAMES, REL_TYPES, REL_TYPE_NAMES, type GraphNode, type NodeType } from '../graph/model.ts';
import type { Edge, GraphStore } from '../graph/store.ts';

export interface GraphDump {
  nodes: GraphNode[];
  edges: Edge[];
}

const PAGE = 5000;

export async function allNodes(store: GraphStore, type: NodeType): Promise<GraphNode[]> {
  const out: GraphNode[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.list(type, { first: PAGE, offset });
    for (const props of page) out.push({ type, props } as GraphNode);
    if (page.length < PAGE) return out;
  }
}

export async function dumpGraph(store: GraphStore): Promise<GraphDump> {
  const nodes: GraphNode[] = [];
  const idsByType = new Map<NodeType, string[]>();
  for (const type of NODE_TYPE_NAMES) {
    const list = await allNodes(store, type);
    nodes.push(...list);
    idsByType.set(type, list.map((n) => n.props.id));
  }
  const edges: Edge[] = [];
  for (const rel of REL_TYPE_NAMES) {
    const fromTypes = new Set(REL_TYPES[rel].pairs.map(([from]) => from));
    for (const type of fromTypes) {
      const rows = await store.related(idsByType.get(type) ?? [], rel, 'out');
      edges.push(...rows.map((r) => r.edge));
    }
  }
  const keyed = edges.map((e) => [edgeOrder(e), e] as const);
  // Code-unit order, not localeCompare: the same on every machine and every locale.
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  edges.splice(0, edges.length, ...keyed.map(([, e]) => e));
  return { nodes, edges };
}

/** The same graph in the order dumpGraph gives (nodes by model type then id, edges by edgeOrder): for comparing graphs read back from an export. */
export function sortDump(graph: GraphDump): GraphDump {
  const rank = new Map(NODE_TYPE_NAMES.map((t, i) => [t, i]));
  const nodes = [...graph.nodes].sort((a, b) => rank.get(a.type)! - rank.get(b.type)! || (a.props.id < b.props.id ? -1 : a.props.id > b.props.id ? 1 : 0));
  const keyed = graph.edges.map((e) => [edgeOrder(e), e] as const);
  keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { nodes, edges: keyed.map(([, e]) => e) };
}

/** A total order on edges (every field that tells two apart), so equal graphs export equal text. */
function edgeOrder(e: Edge): string {
  const ev = e.evidence;
  return [e.type, e.from, e.to, ev.doc, String(ev.start).padStart(10, '0'), String(ev.end).padStart(10, '0'), ev.item ?? '', JSON.stringify(e.props), ev.sentence].join('|');
}
