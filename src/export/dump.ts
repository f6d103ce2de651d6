/**
 * The whole graph read through the store interface (so it works on either store), in a
 * stable order: what every export format writes and what tests compare stores by.
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
  edges.sort((a, b) => edgeOrder(a).localeCompare(edgeOrder(b)));
  return { nodes, edges };
}

function edgeOrder(e: Edge): string {
  return [e.type, e.from, e.to, e.evidence.doc, String(e.evidence.start).padStart(10, '0'), JSON.stringify(e.props)].join('|');
}
