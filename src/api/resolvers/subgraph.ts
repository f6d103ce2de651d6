/** Subgraphs (neighbourhoods, paths), search hits and the Entity union. */
import { NODE_TYPE_NAMES, type NodeType, REL_TYPE_NAMES } from '../../graph/model.ts';
import type { Edge, Subgraph } from '../../graph/store.ts';
import { apiError, ErrorCode } from '../errors.ts';
import { labelOf, tagged } from './shared.ts';

export function subgraphOut(g: Subgraph, limit = Infinity) {
  return {
    nodes: g.nodes.map((n) => {
      const props = n.props as Record<string, unknown>;
      return {
        id: String(props.id),
        type: n.type,
        label: labelOf(n.type, props),
        date: n.type === 'Meeting' ? ((props.date as string | null) ?? null) : null,
        entity: tagged(n.type, props),
      };
    }),
    edges: g.edges.map(edgeOut),
    truncated: g.nodes.length >= limit,
  };
}

function edgeOut(e: Edge) {
  return {
    id: `${e.type}:${e.from}->${e.to}@${e.evidence.doc}:${e.evidence.start}-${e.evidence.end}`,
    type: e.type,
    from: e.from,
    to: e.to,
    evidence: e.evidence,
    properties: Object.entries(e.props ?? {}).map(([key, value]) => ({ key, value })),
  };
}

const TYPE_NAMES = new Set<string>([...NODE_TYPE_NAMES, ...REL_TYPE_NAMES]);

/** Checks type names before they reach a store (they are labels, which Cypher cannot parameterise). */
export function checkTypes(types: readonly string[] | null | undefined): string[] | null {
  if (types == null) return null;
  const mapped = types.map((t) => (t === 'Source' ? 'Document' : t));
  const unknown = mapped.filter((t) => !TYPE_NAMES.has(t));
  if (unknown.length) {
    throw apiError(
      ErrorCode.BAD_USER_INPUT,
      `Unknown type(s) ${unknown.map((t) => JSON.stringify(t)).join(', ')} in types; use node types (${NODE_TYPE_NAMES.join(', ')}) or relation types (${REL_TYPE_NAMES.join(', ')}).`,
    );
  }
  return mapped;
}

export const subgraphResolvers = {
  Entity: {
    __resolveType: (obj: { __typename?: string }) => obj.__typename ?? null,
  },
  Node: {
    __resolveType: (obj: { __typename?: string }) => obj.__typename ?? null,
  },
};

export function searchHit(node: { type: NodeType; props: Record<string, unknown> }, score: number) {
  return {
    id: String(node.props.id),
    type: node.type,
    label: labelOf(node.type, node.props),
    score,
    entity: tagged(node.type, node.props),
  };
}
