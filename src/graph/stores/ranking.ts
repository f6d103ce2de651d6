/**
 * One order for search hits whatever the store scored them with: first how many of the
 * searched words (or their alternatives, see vocabulary.ts) a hit's text holds, then how much
 * of its text they make up (a short name that is all query beats a long title that mentions
 * it), and only then the store's own BM25 score. The two stores' BM25 scores differ (Kuzu
 * keeps one index per node type, Neo4j one for all), so this is what makes them agree on the
 * top hit.
 */
import { NODE_TYPES, type GraphNode } from '../model.ts';
import { lightStem, words } from '../../text/words.ts';

export interface ScoredHit {
  node: GraphNode;
  score: number;
}

/** The text a node is found by: its searchable properties. */
export function searchableText(node: GraphNode): string[] {
  const props = node.props as Record<string, unknown>;
  return (NODE_TYPES[node.type].searchable as string[]).map((p) => props[p]).filter((v): v is string => typeof v === 'string');
}

export function rankHits(hits: ScoredHit[], groups: string[][], first: number): ScoredHit[] {
  const stems = groups.map((g) => new Set(g.map(lightStem)));
  const ranked = hits.map((h) => {
    const own = searchableText(h.node).flatMap(words).map(lightStem);
    const ownSet = new Set(own);
    const covered = stems.filter((g) => [...g].some((s) => ownSet.has(s))).length;
    const matched = own.filter((w) => stems.some((g) => g.has(w))).length;
    const coverage = stems.length ? covered / stems.length : 0;
    const tightness = own.length ? matched / own.length : 0;
    const bm25 = Math.max(0, h.score);
    return { node: h.node, score: coverage + 0.1 * tightness + 0.01 * (bm25 / (1 + bm25)) };
  });
  const unique = new Map<string, ScoredHit>();
  for (const h of ranked) {
    const before = unique.get(h.node.props.id);
    if (!before || before.score < h.score) unique.set(h.node.props.id, h);
  }
  return [...unique.values()]
    .sort((a, b) => b.score - a.score || a.node.props.id.localeCompare(b.node.props.id))
    .slice(0, first);
}
