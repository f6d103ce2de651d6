/**
 * A node shared by several documents (a person, a body, an item published twice) gets its
 * properties from all of them, not from whichever was written last: each supporting document
 * claims the properties it read, the node keeps the multiset of claims ("count\tprops"), and its
 * properties are a function of that multiset. So the node is the same whatever order the
 * documents arrived in, and removing a document takes exactly its claim away.
 *
 * Per property: a value beats null; then the value most documents give; then the smaller (as
 * JSON). Lists (a person's aliases) are the union. A person's name is the spelling preferred by
 * the documents that saw several (then by most documents); every other spelling becomes an alias.
 */
import { NODE_TYPES, type NodeType, type PropType } from './model.ts';

export type Claims = Map<string, number>;

export function parseClaims(list: readonly string[] | null | undefined): Claims {
  const out: Claims = new Map();
  for (const entry of list ?? []) {
    const tab = entry.indexOf('\t');
    out.set(entry.slice(tab + 1), (out.get(entry.slice(tab + 1)) ?? 0) + Number(entry.slice(0, tab)));
  }
  return out;
}

export function formatClaims(claims: Claims): string[] {
  return [...claims.entries()]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([props, n]) => `${n}\t${props}`);
}

/** The JSON a document claims for a node: its model properties in the model's order. */
export function claimOf(type: NodeType, props: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(NODE_TYPES[type].props)) out[name] = props[name] ?? null;
  return JSON.stringify(out);
}

function choose(values: Map<string, number>): unknown {
  let best: string | null = null;
  let bestCount = 0;
  for (const [json, n] of values) {
    if (json === 'null') continue;
    if (n > bestCount || (n === bestCount && best !== null && json < best)) {
      best = json;
      bestCount = n;
    }
  }
  return best === null ? null : JSON.parse(best);
}

export function propsFromClaims(type: NodeType, claims: Claims): Record<string, unknown> {
  const parsed = [...claims.entries()].filter(([, n]) => n > 0).map(([json, n]) => ({ props: JSON.parse(json) as Record<string, unknown>, n }));
  const out: Record<string, unknown> = {};
  for (const [name, t] of Object.entries(NODE_TYPES[type].props) as [string, PropType][]) {
    if (t === 'string[]') {
      const all = new Set<string>();
      for (const { props } of parsed) for (const v of (props[name] as string[] | null) ?? []) all.add(v);
      out[name] = [...all].sort();
      continue;
    }
    const values = new Map<string, number>();
    for (const { props, n } of parsed) {
      const json = JSON.stringify(props[name] ?? null);
      values.set(json, (values.get(json) ?? 0) + n);
    }
    out[name] = choose(values);
  }
  if (type === 'Person') {
    // The name: the spelling preferred by the documents that saw more than one (they resolved
    // the variants themselves), then by the most documents, then the smaller.
    const informed = new Map<string, number>();
    const named = new Map<string, number>();
    for (const { props, n } of parsed) {
      const json = JSON.stringify(props.name);
      named.set(json, (named.get(json) ?? 0) + n);
      if (((props.aliases as string[] | null) ?? []).length > 0) informed.set(json, (informed.get(json) ?? 0) + n);
    }
    out.name = choose(informed.size ? informed : named);
    const spellings = new Set<string>(out.aliases as string[]);
    for (const { props } of parsed) spellings.add(props.name as string);
    spellings.delete(out.name as string);
    out.aliases = [...spellings].sort();
  }
  return out;
}
