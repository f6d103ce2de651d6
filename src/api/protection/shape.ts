/**
 * The shape of a parsed document, measured before graphql-js validates it: fragment spreads,
 * the size of the operation with every fragment expanded, nesting depth, aliases, and repeated
 * fields. Each fragment is measured once and its summary reused wherever it is spread, so the
 * work is linear in the document even when fragments spread each other many times over (27
 * fragments each spreading the next twice expand to 2^27 selections).
 *
 * Why before validation, and why our own code: graphql-js's validation rules walk the
 * expansion too (MaxIntrospectionDepthRule follows every spread below `__schema`; the
 * overlapping-fields rule compares every pair of same-named fields), and so do the cost rules
 * of graphql-armor and graphql-query-complexity, which re-walk a fragment at every spread. A
 * rule run inside validation cannot stop the other rules, so the bound has to come first.
 */
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { apiError, ErrorCode } from '../errors.ts';
import type { Limits } from '../limits.ts';

/** What a selection set (or a fragment) amounts to once every spread in it is expanded. */
interface Summary {
  selections: number;
  /** Deepest field below it (not counting introspection's `ofType`). */
  depth: number;
  aliases: number;
  /** Pairs of same-named fields that validation compares, in it and below it. */
  pairs: number;
  /** Response names at its top level, with how often each occurs (fragments merged in). */
  names: Map<string, number>;
}

export interface Shape {
  selections: number;
  depth: number;
  aliases: number;
  pairs: number;
  /** Fragment spreads written in the document. */
  spreads: number;
}

type ShapeLimits = Pick<Limits, 'maxSpreads' | 'maxExpandedSelections' | 'maxDepth' | 'maxAliases' | 'maxFieldPairs'>;

/** Measures every operation of `doc`; throws a coded GraphQL error at the first limit crossed. */
export function checkShape(doc: DocumentNode, limits: ShapeLimits): Shape {
  const shape: Shape = { selections: 0, depth: 0, aliases: 0, pairs: 0, spreads: countSpreads(doc) };
  // Checked first: it bounds the work of everything below.
  if (shape.spreads > limits.maxSpreads) {
    throw apiError(ErrorCode.QUERY_TOO_COMPLEX, `The query spreads fragments ${shape.spreads} times, above the limit of ${limits.maxSpreads}; inline some of them or split the query.`);
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, Summary>();
  const visiting = new Set<string>();

  const summarise = (set: SelectionSetNode): Summary => {
    const total: Summary = { selections: 0, depth: 0, aliases: 0, pairs: 0, names: new Map() };
    const count = (name: string, n: number) => total.names.set(name, (total.names.get(name) ?? 0) + n);
    const add = (s: Summary, depthOffset: number) => {
      total.selections += s.selections;
      total.aliases += s.aliases;
      total.pairs += s.pairs;
      total.depth = Math.max(total.depth, s.depth + depthOffset);
    };
    const walk = (inner: SelectionSetNode) => {
      for (const sel of inner.selections) {
        total.selections++;
        if (sel.kind === Kind.FIELD) {
          count((sel.alias ?? sel.name).value, 1);
          if (sel.alias) total.aliases++;
          // `ofType` chains unwrap introspection's List/NonNull wrappers: the schema bounds them.
          const own = sel.name.value === 'ofType' ? 0 : 1;
          total.depth = Math.max(total.depth, own);
          if (sel.selectionSet) add(summarise(sel.selectionSet), own);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          // Its fields merge into this selection set: count them together.
          walk(sel.selectionSet);
        } else {
          const f = fragments.get(sel.name.value);
          if (!f) continue;
          const s = fragment(f);
          add(s, 0);
          for (const [name, n] of s.names) count(name, n);
        }
      }
    };
    walk(set);
    // Validation compares every two fields that answer under one name (and their subfields).
    for (const n of total.names.values()) total.pairs += (n * (n - 1)) / 2;
    return total;
  };

  const fragment = (f: FragmentDefinitionNode): Summary => {
    const name = f.name.value;
    const known = memo.get(name);
    if (known) return known;
    if (visiting.has(name)) {
      throw apiError(ErrorCode.GRAPHQL_VALIDATION_FAILED, `Fragment "${name}" spreads itself (directly or through other fragments); fragments cannot be recursive.`);
    }
    visiting.add(name);
    const s = summarise(f.selectionSet);
    visiting.delete(name);
    memo.set(name, s);
    return s;
  };

  // Fragments are measured on their own too: validation walks unused ones as well.
  for (const d of doc.definitions as readonly DefinitionNode[]) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragment(d);
  }
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const s = summarise(d.selectionSet);
    shape.selections = Math.max(shape.selections, s.selections);
    shape.depth = Math.max(shape.depth, s.depth);
    shape.aliases = Math.max(shape.aliases, s.aliases);
    shape.pairs += s.pairs;
  }
  for (const s of memo.values()) shape.selections = Math.max(shape.selections, s.selections);

  if (shape.selections > limits.maxExpandedSelections) {
    throw apiError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `With its fragments expanded the query has about ${formatCount(shape.selections)} selections, above the limit of ${limits.maxExpandedSelections}; fragments that spread other fragments several times multiply. Spread each fragment once.`,
    );
  }
  if (shape.pairs > limits.maxFieldPairs) {
    throw apiError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `The query asks for the same fields over and over (${formatCount(shape.pairs)} pairs of same-named fields, above the limit of ${limits.maxFieldPairs}); ask for each field once per selection.`,
    );
  }
  if (shape.depth > limits.maxDepth) {
    throw apiError(ErrorCode.DEPTH_LIMIT_EXCEEDED, `Fields nest deeper than ${limits.maxDepth} levels; ask for less at once and follow up with a query from the entity's id.`);
  }
  if (shape.aliases > limits.maxAliases) {
    throw apiError(ErrorCode.ALIAS_LIMIT_EXCEEDED, `More than ${limits.maxAliases} aliases in one query (counting each place a fragment is spread); split it into several requests.`);
  }
  return shape;
}

function countSpreads(doc: DocumentNode): number {
  let n = 0;
  const walk = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) n++;
      else if (sel.selectionSet) walk(sel.selectionSet);
    }
  };
  for (const d of doc.definitions) if ('selectionSet' in d && d.selectionSet) walk(d.selectionSet);
  return n;
}

function formatCount(n: number): string {
  return n >= 1e6 ? n.toExponential(1) : String(n);
}
