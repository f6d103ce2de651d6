/** The graph as a JSON node/edge list: `{ nodes: [{id, type, …props}], edges: [{source, target, type, …}] }`. */
import type { GraphDump } from './dump.ts';

export function toJson(graph: GraphDump): string {
  return JSON.stringify(
    {
      nodes: graph.nodes.map((n) => ({ ...n.props, type: n.type })),
      edges: graph.edges.map((e) => ({ source: e.from, target: e.to, type: e.type, ...e.props, evidence: e.evidence })),
    },
    null,
    2,
  );
}
