/**
 * `store.search` over the in-memory snapshot: the same words (vocabulary.ts: misspelt and
 * half-typed words expanded against the words the graph holds) and the same order (ranking.ts:
 * how many searched words a hit holds, how much of its text they make up, then a BM25-like
 * score), from an inverted index of the searchable properties' words instead of the store's
 * full-text indexes (nine Kuzu full-text queries a search, ~13 ms of CPU; this is well under one).
 *
 * The stores' full-text indexes stem with Porter's English stemmer; this index keys words by
 * lightStem, the stemming ranking.ts already judges hits by, so a hit found here is one the
 * ranking counts as matching. Where a store would return only its BM25 top few per node type,
 * every node holding a searched word is a candidate here, so a strong hit is never cut off
 * before ranking.
 */
import { NODE_TYPES, type GraphNode } from '../model.ts';
import { rankHits, searchableText } from '../stores/ranking.ts';
import { Vocabulary } from '../stores/vocabulary.ts';
import { lightStem, words } from '../../text/words.ts';

/** Candidates handed to rankHits for each hit asked for (it re-reads each candidate's text). */
const RANKED_PER_HIT = 3;

export class SearchIndex {
  private readonly vocabulary: Vocabulary;
  /** Stem → positions in `nodes`, one entry per occurrence (ascending). */
  private readonly postings = new Map<string, number[]>();
  /** Words of each node's searchable text. */
  private readonly lengths: Uint16Array;
  private readonly nodes: GraphNode[];

  constructor(all: readonly GraphNode[]) {
    this.nodes = all.filter((n) => n.type !== 'Document' && (NODE_TYPES[n.type].searchable as string[]).length > 0);
    this.lengths = new Uint16Array(this.nodes.length);
    const values: string[] = [];
    this.nodes.forEach((node, i) => {
      let count = 0;
      for (const text of searchableText(node)) {
        values.push(text);
        for (const w of words(text)) {
          count++;
          const stem = lightStem(w);
          const list = this.postings.get(stem);
          if (list) list.push(i);
          else this.postings.set(stem, [i]);
        }
      }
      this.lengths[i] = Math.min(count, 0xffff);
    });
    this.vocabulary = Vocabulary.fromValues(values);
  }

  search(text: string, first: number): { node: GraphNode; score: number }[] {
    const groups = this.vocabulary.expand(text);
    if (groups.length === 0 || first <= 0) return [];
    const stems = groups.map((g) => [...new Set(g.map(lightStem))]);
    const covered = new Map<number, number>();
    const matched = new Map<number, number>();
    const weight = new Map<number, number>();
    const n = this.nodes.length;
    const seenStem = new Set<string>();
    for (const group of stems) {
      const inGroup = new Set<number>();
      for (const stem of group) {
        const list = this.postings.get(stem);
        if (!list) continue;
        const fresh = !seenStem.has(stem);
        seenStem.add(stem);
        const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
        for (const i of list) {
          inGroup.add(i);
          if (fresh) {
            matched.set(i, (matched.get(i) ?? 0) + 1);
            weight.set(i, (weight.get(i) ?? 0) + idf);
          }
        }
      }
      for (const i of inGroup) covered.set(i, (covered.get(i) ?? 0) + 1);
    }
    if (covered.size === 0) return [];
    // The ranking's own score, less its BM25 part, picks the candidates; rankHits then orders
    // them exactly as it orders a store's hits.
    const scored: { i: number; score: number }[] = [];
    for (const [i, c] of covered) {
      const bm25 = weight.get(i)!;
      scored.push({ i, score: c / stems.length + (0.1 * matched.get(i)!) / Math.max(1, this.lengths[i]!) + 0.01 * (bm25 / (1 + bm25)) });
    }
    scored.sort((a, b) => b.score - a.score || (this.nodes[a.i]!.props.id < this.nodes[b.i]!.props.id ? -1 : 1));
    const hits = scored.slice(0, Math.max(first, 1) * RANKED_PER_HIT).map((s) => ({ node: this.nodes[s.i]!, score: weight.get(s.i)! }));
    return rankHits(hits, groups, first);
  }
}
