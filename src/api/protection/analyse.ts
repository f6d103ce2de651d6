/**
 * Static analysis of one operation before it runs: depth, aliases and
 * an estimate of the work it asks for. Runs per request (costs depend on variables) on a
 * document the parser has already bounded by `maxTokens`, so it is cheap even for hostile input.
 *
 * Cost model: a leaf costs nothing; an object field costs 1 + its selection; a list multiplies
 * that by its size: `first` where the field takes one, otherwise an estimate of how long
 * such a list usually is. `neighbourhood` and `path` add their traversal, which grows
 * geometrically with `depth` and `maxHops`, and size their node/edge lists accordingly.
 *
 * Types are inspected structurally, not with graphql's `isListType` & co.: those use
 * `instanceof`, which fails when the schema comes from another copy of graphql-js (Apollo's
 * CommonJS build next to an ES module build, as under Vite/Vitest).
 */
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type GraphQLType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import { REL_TYPES, REL_TYPE_NAMES } from '../../graph/model.ts';
import { apiError, ErrorCode } from '../errors.ts';
import type { Limits } from '../limits.ts';

/**
 * Typical lengths of lists that take no `first` (they are per meeting, item or relation): the
 * model's estimate for each relation's list fields (src/graph/model.ts `cost`), then these, for
 * lists derived from several relations.
 */
const LIST_ESTIMATE: Record<string, number> = {
  ...relationListEstimates(),
  attendees: 25, members: 15, items: 15, apologies: 5, participation: 10, about: 5,
  presenters: 3, introducers: 2, requests: 3, deferrals: 2, strategies: 3, topics: 3,
  evidence: 2, sources: 1, roles: 3, holders: 5, chairedBy: 2, reportsTo: 2, reportedToBy: 3,
  approved: 3, approvals: 2, represents: 2,
};
const DEFAULT_LIST_ESTIMATE = 10;

/** Field name → the largest typical edge count the model gives any relation list field of that name. */
function relationListEstimates(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const rel of REL_TYPE_NAMES) {
    const { graphql, cost } = REL_TYPES[rel];
    for (const f of graphql) if (f.many && !f.paged) out[f.name] = Math.max(out[f.name] ?? 0, cost[f.dir]);
  }
  return out;
}

export interface Analysis {
  depth: number;
  aliases: number;
  cost: number;
}

interface State {
  schema: GraphQLSchema;
  limits: Limits;
  variables: Record<string, unknown>;
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
  aliases: number;
  maxDepth: number;
}

export function analyseOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Record<string, unknown> | undefined,
  limits: Limits,
): Analysis {
  const root = schema.getRootType(operation.operation);
  if (!root) return { depth: 0, aliases: 0, cost: 0 };
  const state: State = {
    schema,
    limits,
    variables: variables ?? {},
    operation,
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    aliases: 0,
    maxDepth: 0,
  };
  const cost = selectionCost(state, operation.selectionSet, root, 0, { inIntrospection: false, subgraphSize: 0 });
  if (cost > limits.maxCost) {
    throw apiError(
      ErrorCode.COST_LIMIT_EXCEEDED,
      `This query would cost about ${Math.round(cost)}, above the limit of ${limits.maxCost}: ask for fewer items per list (first), nest fewer lists, or lower depth/maxHops, and page with offset.`,
    );
  }
  return { depth: state.maxDepth, aliases: state.aliases, cost };
}

interface Scope {
  inIntrospection: boolean;
  /** Expected length of Subgraph.nodes/edges below a neighbourhood or path. */
  subgraphSize: number;
}

function selectionCost(s: State, set: SelectionSetNode, parent: GraphQLNamedType, depth: number, scope: Scope): number {
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      const t = sel.typeCondition ? s.schema.getType(sel.typeCondition.name.value) : parent;
      if (t) cost += selectionCost(s, sel.selectionSet, t, depth, scope);
    } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const f = s.fragments.get(sel.name.value);
      const t = f && s.schema.getType(f.typeCondition.name.value);
      if (f && t) cost += selectionCost(s, f.selectionSet, t, depth, scope);
    } else {
      cost += fieldCost(s, sel, parent, depth, scope);
    }
  }
  return cost;
}

function fieldCost(s: State, field: FieldNode, parent: GraphQLNamedType, depth: number, scope: Scope): number {
  const name = field.name.value;
  if (field.alias) {
    s.aliases++;
    if (s.aliases > s.limits.maxAliases) {
      throw apiError(ErrorCode.ALIAS_LIMIT_EXCEEDED, `More than ${s.limits.maxAliases} aliases in one query; split it into several requests.`);
    }
  }
  if (name === '__typename') return 0;
  // `ofType` chains unwrap List/NonNull wrappers: the schema bounds them, not the client.
  const here = name === 'ofType' ? depth : depth + 1;
  if (here > s.limits.maxDepth) {
    throw apiError(ErrorCode.DEPTH_LIMIT_EXCEEDED, `Fields nest deeper than ${s.limits.maxDepth} levels; ask for less at once and follow up with a query from the entity's id.`);
  }
  s.maxDepth = Math.max(s.maxDepth, here);

  const def = fieldDef(s.schema, parent, name);
  if (!def) return 0;
  // Introspection costs nothing here: graphql-js's MaxIntrospectionDepthRule (which Apollo
  // runs in validation) already refuses the nested type walks that could make it expensive.
  const inIntrospection = scope.inIntrospection || name === '__schema' || name === '__type';

  let subgraphSize = scope.subgraphSize;
  let traversal = 0;
  if (parent.name === s.schema.getQueryType()?.name) {
    if (name === 'neighbourhood') {
      const d = intArg(s, field, def, 'depth', 1);
      checkRange('depth', d, 1, s.limits.neighbourhoodMaxDepth);
      subgraphSize = Math.min(s.limits.neighbourhoodNodeLimit, 10 ** d);
      traversal = 2 * subgraphSize;
    } else if (name === 'path') {
      const h = intArg(s, field, def, 'maxHops', 4);
      checkRange('maxHops', h, 1, s.limits.pathMaxHops);
      subgraphSize = h + 1;
      traversal = 10 * 3 ** h;
    }
  }

  const child = field.selectionSet
    ? selectionCost(s, field.selectionSet, getNamedType(def.type), here, { inIntrospection, subgraphSize })
    : 0;
  if (inIntrospection) return child;

  let size = 1;
  if (isList(def.type)) {
    if (def.args.some((a) => a.name === 'first')) {
      size = intArg(s, field, def, 'first', 100);
      checkRange('first', size, 0, s.limits.maxFirst);
    } else if ((name === 'nodes' || name === 'edges') && getNamedType(parent)?.name === 'Subgraph') {
      size = subgraphSize;
    } else {
      size = LIST_ESTIMATE[name] ?? DEFAULT_LIST_ESTIMATE;
    }
  }
  return traversal + (field.selectionSet ? size * (1 + child) : 0);
}

function checkRange(name: string, v: number, min: number, max: number) {
  if (!Number.isFinite(v) || v < min || v > max) {
    throw apiError(
      ErrorCode.BAD_USER_INPUT,
      name === 'first'
        ? `first must be between ${min} and ${max} (got ${v}); fetch more with offset, ${max} at a time.`
        : `${name} must be between ${min} and ${max} (got ${v}).`,
    );
  }
}

type FieldDef = Pick<GraphQLField<unknown, unknown>, 'type' | 'args'>;

function fieldDef(schema: GraphQLSchema, parent: GraphQLNamedType, name: string): FieldDef | undefined {
  if (parent === schema.getQueryType()) {
    const meta = name === '__schema' ? schema.getType('__Schema') : name === '__type' ? schema.getType('__Type') : null;
    if (meta) return { type: meta as GraphQLOutputType, args: [] };
  }
  const withFields = parent as { getFields?: () => Record<string, GraphQLField<unknown, unknown>> };
  return typeof withFields.getFields === 'function' ? withFields.getFields()[name] : undefined;
}

/** `[T]`, `[T]!`, `[T!]!`: a list, whatever the nullability. */
function isList(t: GraphQLType): boolean {
  return /^\[.*\]!?$/.test(String(t));
}

function getNamedType(t: GraphQLType): GraphQLNamedType {
  let inner = t as { ofType?: GraphQLType };
  while (inner.ofType) inner = inner.ofType as { ofType?: GraphQLType };
  return inner as GraphQLNamedType;
}

/** An Int argument's value: literal, variable, the variable's default, or the schema default. */
function intArg(s: State, field: FieldNode, def: FieldDef, name: string, fallback: number): number {
  const node = field.arguments?.find((a) => a.name.value === name)?.value;
  let v: unknown = undefined;
  if (node) v = valueOf(s, node);
  if (v == null) v = def.args.find((a) => a.name === name)?.defaultValue;
  return typeof v === 'number' ? v : fallback;
}

function valueOf(s: State, node: ValueNode): unknown {
  if (node.kind === Kind.VARIABLE) {
    const n = node.name.value;
    if (s.variables[n] !== undefined) return s.variables[n];
    const d = s.operation.variableDefinitions?.find((v) => v.variable.name.value === n)?.defaultValue;
    return d ? valueFromASTUntyped(d) : undefined;
  }
  return valueFromASTUntyped(node);
}
