/**
 * The typed half of the checks before execution (the untyped half, shape.ts, ran before
 * validation): every argument against its bounds, and an estimate of the work the operation
 * asks for. Runs per request, since both depend on the variables.
 *
 * Cost model: a leaf costs nothing; an object field costs 1 + its selection; a list multiplies
 * that by its size: `first` where the field takes one (no more than the store's estimate for
 * that list, or than a root type holds), otherwise the store's estimate (estimates.ts).
 * `neighbourhood` and `path` add their traversal, which grows geometrically with `depth` and
 * `maxHops`, and size their node/edge lists accordingly. A `…Count` costs its list's estimated size. A fragment is costed once per scope
 * and the result reused at every spread, so the work is linear in the document.
 *
 * Types are inspected structurally, not with graphql's `isListType` & co.: those use
 * `instanceof`, which fails when the schema comes from another copy of graphql-js (Apollo's
 * CommonJS build next to an ES module build, as under Vite/Vitest).
 */
import {
  type ArgumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
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
import { apiError, ErrorCode } from '../errors.ts';
import type { Limits } from '../limits.ts';
import { FALLBACK_ESTIMATES, type ListEstimates } from './estimates.ts';

export interface Analysis {
  cost: number;
}

interface State {
  schema: GraphQLSchema;
  limits: Limits;
  estimates: ListEstimates;
  variables: Record<string, unknown>;
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
  memo: Map<string, number>;
}

interface Scope {
  inIntrospection: boolean;
  /** Expected length of Subgraph.nodes/edges below a neighbourhood or path. */
  subgraphSize: number;
}

export function analyseOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Record<string, unknown> | undefined,
  limits: Limits,
  estimates: ListEstimates = FALLBACK_ESTIMATES,
): Analysis {
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0 };
  const state: State = {
    schema,
    limits,
    estimates,
    variables: variables ?? {},
    operation,
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    memo: new Map(),
  };
  const cost = selectionCost(state, operation.selectionSet, root, { inIntrospection: false, subgraphSize: 0 });
  if (limits.maxCost !== null && cost > limits.maxCost) {
    throw apiError(
      ErrorCode.COST_LIMIT_EXCEEDED,
      `This query would cost about ${Math.round(cost)}, above the limit of ${limits.maxCost}: ask for fewer items per list (first), nest fewer lists, or lower depth/maxHops, and page with offset.`,
    );
  }
  return { cost };
}

function selectionCost(s: State, set: SelectionSetNode, parent: GraphQLNamedType, scope: Scope): number {
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      const t = sel.typeCondition ? s.schema.getType(sel.typeCondition.name.value) : parent;
      if (t) cost += selectionCost(s, sel.selectionSet, t, scope);
    } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      cost += fragmentCost(s, sel.name.value, scope);
    } else {
      cost += fieldCost(s, sel, parent, scope);
    }
  }
  return cost;
}

function fragmentCost(s: State, name: string, scope: Scope): number {
  const key = `${name}|${scope.inIntrospection ? 1 : 0}|${scope.subgraphSize}`;
  const known = s.memo.get(key);
  if (known !== undefined) return known;
  // Guard against recursion (validation refuses it; this keeps the analysis total anyway).
  s.memo.set(key, 0);
  const f = s.fragments.get(name);
  const t = f && s.schema.getType(f.typeCondition.name.value);
  const cost = f && t ? selectionCost(s, f.selectionSet, t, scope) : 0;
  s.memo.set(key, cost);
  return cost;
}

function fieldCost(s: State, field: FieldNode, parent: GraphQLNamedType, scope: Scope): number {
  const name = field.name.value;
  if (name === '__typename') return 0;
  const def = fieldDef(s.schema, parent, name);
  if (!def) return 0;
  // Introspection costs nothing here: graphql-js's MaxIntrospectionDepthRule (which Apollo
  // runs in validation) refuses the nested type walks that could make it expensive.
  const inIntrospection = scope.inIntrospection || name === '__schema' || name === '__type';
  if (!inIntrospection) checkArguments(s, field, def);

  let subgraphSize = scope.subgraphSize;
  let traversal = 0;
  const atRoot = parent.name === s.schema.getQueryType()?.name;
  if (atRoot) {
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

  const named = getNamedType(def.type);
  const child = field.selectionSet ? selectionCost(s, field.selectionSet, named, { inIntrospection, subgraphSize }) : 0;
  if (inIntrospection) return child;

  // A `…Count` reads its whole list (resolvers/conventions.ts): it costs what listing every entry would.
  const counted = !isList(def.type) && name.endsWith('Count') ? fieldDef(s.schema, parent, name.slice(0, -'Count'.length)) : undefined;
  if (counted && isList(counted.type)) {
    const estimate = atRoot ? s.estimates.typeCount(getNamedType(counted.type).name) : s.estimates.listSize(parent.name, name.slice(0, -'Count'.length));
    return estimate ?? 10;
  }

  let size = 1;
  if (isList(def.type)) {
    const estimate = atRoot ? s.estimates.typeCount(named.name) : s.estimates.listSize(parent.name, name);
    if (def.args.some((a) => a.name === 'first')) {
      const first = intArg(s, field, def, 'first', 100);
      size = estimate === undefined ? first : Math.min(first, Math.max(1, estimate));
    } else if ((name === 'nodes' || name === 'edges') && parent.name === 'Subgraph') {
      size = subgraphSize;
    } else {
      size = estimate ?? 10;
    }
  }
  return traversal + (field.selectionSet ? size * (1 + child) : 0);
}

/** Every argument within its bounds: paging numbers, traversal sizes, string lengths. */
function checkArguments(s: State, field: FieldNode, def: FieldDef): void {
  for (const arg of def.args) {
    const value = argValue(s, field, arg);
    if (value == null) continue;
    if (arg.name === 'first') checkRange('first', value, 0, s.limits.maxFirst);
    else if (arg.name === 'offset') checkRange('offset', value, 0, s.limits.maxOffset);
    const isId = getNamedType(arg.type).name === 'ID';
    const max = isId ? s.limits.maxIdChars : s.limits.maxStringChars;
    const strings = Array.isArray(value) ? value : [value];
    for (const v of strings) {
      if (typeof v === 'string' && v.length > max) {
        throw apiError(
          ErrorCode.BAD_USER_INPUT,
          `${field.name.value}(${arg.name}:) is ${v.length} characters long, above the limit of ${max}; ${isId ? 'ids are shorter: take one from a search or person(name:)' : 'give a shorter name or search'}.`,
        );
      }
    }
  }
}

export function checkRange(name: string, v: unknown, min: number, max: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw apiError(
      ErrorCode.BAD_USER_INPUT,
      name === 'first'
        ? `first must be between ${min} and ${max} (got ${String(v)}); fetch more with offset, ${max} at a time.`
        : name === 'offset'
          ? `offset must be between ${min} and ${max} (got ${String(v)}); narrow the list with its filters (search, body, from/to) instead of paging that deep.`
          : `${name} must be between ${min} and ${max} (got ${String(v)}).`,
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

/** An argument's value: literal, variable, the variable's default, or the schema default. */
function argValue(s: State, field: FieldNode, arg: Pick<GraphQLArgument, 'name' | 'defaultValue' | 'type'>): unknown {
  const node = field.arguments?.find((a: ArgumentNode) => a.name.value === arg.name)?.value;
  const v = node ? valueOf(s, node) : undefined;
  return v ?? arg.defaultValue;
}

function intArg(s: State, field: FieldNode, def: FieldDef, name: string, fallback: number): number {
  const arg = def.args.find((a) => a.name === name);
  const v = arg ? argValue(s, field, arg) : undefined;
  return typeof v === 'number' ? v : fallback;
}

function valueOf(s: State, node: ValueNode): unknown {
  if (node.kind === Kind.VARIABLE) {
    const n = node.name.value;
    if (s.variables[n] !== undefined) return s.variables[n];
    const d = s.operation.variableDefinitions?.find((v) => v.variable.name.value === n)?.defaultValue;
    return d ? valueFromASTUntyped(d) : undefined;
  }
  if (node.kind === Kind.LIST) return node.values.map((v) => valueOf(s, v));
  return valueFromASTUntyped(node, s.variables);
}
