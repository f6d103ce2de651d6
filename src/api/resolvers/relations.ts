/**
 * Resolvers made from the model: every GraphQL field a relation's entry marks `generic`
 * (src/graph/model.ts, REL_TYPES[…].graphql) walks that relation through the loaders and returns
 * the nodes across, in the entry's order, paged when it takes `first`/`offset`. A new relation
 * whose fields are plain traversals needs no resolver code; hand-written resolvers (orderings by
 * something else, views of edges) take precedence where both exist (mergeResolvers).
 */
import { NODE_TYPES, REL_TYPES, REL_TYPE_NAMES, type NodeOf, type NodeType, type RelField, type RelType } from '../../graph/model.ts';
import type { RelatedRow } from '../../graph/store.ts';
import type { ApiContext } from '../context.ts';
import { byMeetingDate, byName, page, type PageArgs, slice } from './shared.ts';

type Resolver = (parent: { id: string }, args: PageArgs, ctx: ApiContext) => unknown;
export type ResolverMap = Record<string, Record<string, unknown>>;

/** The GraphQL type a node type is served as. */
export function graphqlType(type: NodeType): string {
  return (NODE_TYPES[type] as { graphql?: string }).graphql ?? type;
}

/** The node types across a relation from `on`, walking `dir`. */
export function targetsOf(rel: RelType, field: RelField): NodeType[] {
  return [...new Set(REL_TYPES[rel].pairs.filter(([a, b]) => (field.dir === 'out' ? a : b) === field.on).map(([a, b]) => (field.dir === 'out' ? b : a)))];
}

/** The item a node belongs to (itself, or its `item` property), for ordering by meeting date. */
async function itemOf(node: Record<string, unknown>, type: NodeType, ctx: ApiContext): Promise<NodeOf<'Item'> | null> {
  if (type === 'Item') return node as NodeOf<'Item'>;
  return typeof node.item === 'string' ? ctx.loaders.node('Item', node.item) : null;
}

async function ordered(rows: readonly RelatedRow[], field: RelField, ctx: ApiContext): Promise<Record<string, unknown>[]> {
  const seen = new Set<string>();
  const nodes: { type: NodeType; props: Record<string, unknown> }[] = [];
  for (const r of rows) {
    const id = r.node.props.id;
    if (seen.has(id)) continue;
    seen.add(id);
    nodes.push({ type: r.node.type, props: r.node.props as Record<string, unknown> });
  }
  const byId = (a: { props: Record<string, unknown> }, b: { props: Record<string, unknown> }) => (String(a.props.id) < String(b.props.id) ? -1 : 1);
  switch (field.order) {
    case 'name':
      return byName(nodes.map((n) => n.props as { name: string; id: string })) as Record<string, unknown>[];
    case 'ordinal':
      return nodes.sort((a, b) => Number(a.props.ordinal ?? 0) - Number(b.props.ordinal ?? 0) || byId(a, b)).map((n) => n.props);
    case 'meeting': {
      const items = await Promise.all(nodes.map((n) => itemOf(n.props, n.type, ctx)));
      const meetings = await Promise.all(items.map((i) => (i ? ctx.loaders.node('Meeting', i.meeting) : null)));
      const fallback = { id: '', meeting: '', ordinal: 0 } as unknown as NodeOf<'Item'>;
      const keyed = nodes.map((n, k) => ({ n, item: items[k] ?? fallback, date: meetings[k]?.date ?? null }));
      keyed.sort((a, b) => byMeetingDate('asc')(a, b) || Number(a.n.props.ordinal ?? 0) - Number(b.n.props.ordinal ?? 0) || byId(a.n, b.n));
      return keyed.map((k) => k.n.props);
    }
    default:
      return nodes.sort(byId).map((n) => n.props);
  }
}

function fieldResolver(rel: RelType, field: RelField): Resolver {
  const targets = new Set(targetsOf(rel, field));
  return async (parent, args, ctx) => {
    const pg = field.paged ? page(ctx, args) : null;
    const rows = (await ctx.loaders.related(parent.id, rel, field.dir)).filter((r) => targets.has(r.node.type));
    const list = await ordered(rows, field, ctx);
    if (!field.many) return list[0] ?? null;
    return pg ? slice(list, pg) : list;
  };
}

/** Resolvers for every generic relation field of the model, by GraphQL type. */
export function relationResolvers(): ResolverMap {
  const out: ResolverMap = {};
  for (const rel of REL_TYPE_NAMES) {
    for (const field of REL_TYPES[rel].graphql) {
      if (!field.generic) continue;
      const type = graphqlType(field.on);
      (out[type] ??= {})[field.name] = fieldResolver(rel, field);
    }
  }
  return out;
}

/** Resolver maps merged by type; later maps win field by field. */
export function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const m of maps) for (const [type, fields] of Object.entries(m)) out[type] = { ...(out[type] ?? {}), ...fields };
  return out;
}
