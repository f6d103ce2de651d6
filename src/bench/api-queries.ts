/**
 * The traversal questions `npm run bench:api` asks, and the variables each request takes:
 * every request a different person, meeting, strategy or pair, chosen from the corpus so that
 * each has something to answer (the busiest presenters, the longest meetings, the most discussed
 * strategies). The headline is "which items did Helen Sweaton present?".
 */
import { GraphSnapshot } from '../graph/memory/snapshot.ts';
import { shortestPath } from '../graph/memory/traverse.ts';
import type { NodeType } from '../graph/model.ts';

export interface BenchQuery {
  name: string;
  title: string;
  query: string;
  /** One variables object per request, used in turn. */
  variables: Record<string, unknown>[];
  /** Whether two servers must return the same bytes for it (the floor's equality check). */
  exact: boolean;
}

export const QUERIES = {
  headline: `query ItemsPresentedBy($name: String!) {
  person(name: $name) { name presented { number title meeting { date body { name } } } }
}`,
  meeting: `query Meeting($id: ID!) {
  meeting(id: $id) { date title body { name } chair { name } attendees { name } items { number title presenters { name } } }
}`,
  strategy: `query StrategyHistory($id: ID!) {
  strategy(id: $id) { name history { date kind meeting { date } item { title } body { name } } }
}`,
  neighbourhood: `query Around($id: ID!) {
  neighbourhood(id: $id, depth: 2) { nodes { id type label } edges { type from to } truncated }
}`,
  path: `query Path($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxHops: 4) { nodes { id type label } edges { type from to } }
}`,
  search: `query Search($text: String!) {
  search(text: $text, first: 20) { id type label score }
}`,
} as const;

export type QueryName = keyof typeof QUERIES;
export const QUERY_NAMES = Object.keys(QUERIES) as QueryName[];

const TITLES: Record<QueryName, string> = {
  headline: 'headline: a person by name, the items they presented, each with its meeting and body',
  meeting: 'a meeting with its body, chair, attendees and items (with presenters)',
  strategy: "a strategy's history (meetings, items, bodies)",
  neighbourhood: 'neighbourhood(depth: 2) of a busy presenter',
  path: 'path(maxHops: 4) between two presenters of one council',
  search: 'search(first: 20) for a surname',
};

function degree(g: GraphSnapshot, type: NodeType, rel: Parameters<GraphSnapshot['edgesOf']>[1], dir: 'out' | 'in') {
  const out: { id: string; n: number }[] = [];
  g.nodes.forEach((node, i) => {
    if (node.type === type) out.push({ id: node.props.id, n: g.edgesOf(i, rel, dir).length });
  });
  return out.filter((x) => x.n > 0).sort((a, b) => b.n - a.n || (a.id < b.id ? -1 : 1));
}

/** The questions over one store's graph, `count` variable sets each. */
export function benchQueries(g: GraphSnapshot, count = 20): BenchQuery[] {
  const nameOf = (id: string) => String((g.node(id)!.props as { name?: string }).name);
  const people = g.nodes.filter((n) => n.type === 'Person');
  // A name two councils share is ambiguous by name alone: those are left out of the rotation,
  // titles set aside ("Councillor Ann Bell" is found as Ann Bell, as person(name:) finds her).
  const bare = (id: string) => nameOf(id).toLowerCase().replace(/^(?:councillor|cllr\.?|mr|mrs|ms|miss|dr)\s+/, '');
  const nameCount = new Map<string, number>();
  for (const p of people) nameCount.set(bare(p.props.id), (nameCount.get(bare(p.props.id)) ?? 0) + 1);
  const presenters = degree(g, 'Person', 'PRESENTED', 'out').filter((p) => nameCount.get(bare(p.id)) === 1).slice(0, count);
  if (presenters.length === 0) throw new Error('no one presented anything in this corpus; the extractor found no presenters');
  const meetings = degree(g, 'Meeting', 'HAS_ITEM', 'out').slice(0, count);
  const strategies = degree(g, 'Strategy', 'ABOUT', 'in').slice(0, count);
  const pairs: { from: string; to: string }[] = [];
  const byCouncil = new Map<string, string[]>();
  for (const p of degree(g, 'Person', 'PRESENTED', 'out').slice(0, count * 10)) {
    const council = p.id.split(':')[1]!;
    byCouncil.set(council, [...(byCouncil.get(council) ?? []), p.id]);
  }
  for (const list of byCouncil.values()) {
    for (let i = 0; i + 1 < list.length && pairs.length < count; i++) {
      if (shortestPath(g, list[i]!, list[i + 1]!, 4)) pairs.push({ from: list[i]!, to: list[i + 1]! });
    }
  }
  const surnames = [...new Set(presenters.map((p) => nameOf(p.id).split(' ').pop()!))];
  const make = (name: QueryName, variables: Record<string, unknown>[], exact = true): BenchQuery => ({ name, title: TITLES[name], query: QUERIES[name], variables, exact });
  return [
    make('headline', presenters.map((p) => ({ name: nameOf(p.id) }))),
    make('meeting', meetings.map((m) => ({ id: m.id }))),
    make('strategy', strategies.map((s) => ({ id: s.id }))),
    // Equally short paths, and neighbourhoods cut at the node limit, may differ between stores.
    make('neighbourhood', presenters.map((p) => ({ id: p.id })), false),
    make('path', pairs.length ? pairs : presenters.slice(0, 1).map((p) => ({ from: p.id, to: p.id })), false),
    make('search', surnames.map((text) => ({ text })), false),
  ];
}

