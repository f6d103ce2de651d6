/**
 * The words a store's full-text index holds, and what a searched word becomes against them.
 * Neither store's full-text search forgives a misspelling (Kuzu's FTS has no fuzzy option;
 * Lucene's `~` would behave differently from Kuzu), so both stores expand the query here, the
 * same way: a word the index does not hold gains the indexed words one or two edits away
 * (two only for long words), and the last word, as typed into a search box, gains the words
 * it begins. The expanded words are OR-ed into one ranked query.
 */
import { editDistance } from '../../text/edit-distance.ts';
import { words } from '../../text/words.ts';

/** Words of a query that are looked at (the rest are dropped): enough for any title. */
export const MAX_QUERY_WORDS = 12;
/** Alternatives added per word. */
const MAX_EXPANSIONS = 5;

export class Vocabulary {
  private readonly byLength = new Map<number, string[]>();

  /** `counts`: each indexed word and how many values hold it. */
  constructor(private readonly counts: ReadonlyMap<string, number>) {
    for (const w of counts.keys()) {
      const list = this.byLength.get(w.length);
      if (list) list.push(w);
      else this.byLength.set(w.length, [w]);
    }
  }

  static fromValues(values: Iterable<string>): Vocabulary {
    const counts = new Map<string, number>();
    for (const v of values) for (const w of new Set(words(v))) counts.set(w, (counts.get(w) ?? 0) + 1);
    return new Vocabulary(counts);
  }

  get size(): number {
    return this.counts.size;
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  /**
   * Each query word with its alternatives (the word itself first). `prefixLast`: the query is
   * being typed, so its last word may be the start of a word.
   */
  expand(query: string, prefixLast = true): string[][] {
    const ws = words(query).slice(0, MAX_QUERY_WORDS);
    return ws.map((w, i) => {
      if (this.counts.has(w)) return [w];
      const near = this.near(w);
      const starts = prefixLast && i === ws.length - 1 ? this.startingWith(w) : [];
      return [w, ...new Set([...near, ...starts])].slice(0, 1 + MAX_EXPANSIONS);
    });
  }

  /** Indexed words within the edits a word of this length tolerates, nearest and commonest first. */
  private near(w: string): string[] {
    const allowed = w.length >= 8 ? 2 : w.length >= 4 ? 1 : 0;
    if (allowed === 0) return [];
    const found: { word: string; d: number }[] = [];
    for (let len = w.length - allowed; len <= w.length + allowed; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        const d = editDistance(w, candidate, allowed);
        if (d <= allowed) found.push({ word: candidate, d });
      }
    }
    return found
      .sort((a, b) => a.d - b.d || (this.counts.get(b.word) ?? 0) - (this.counts.get(a.word) ?? 0) || a.word.localeCompare(b.word))
      .slice(0, MAX_EXPANSIONS)
      .map((f) => f.word);
  }

  private startingWith(w: string): string[] {
    if (w.length < 2) return [];
    const found: string[] = [];
    for (const [len, list] of this.byLength) {
      if (len <= w.length) continue;
      for (const candidate of list) if (candidate.startsWith(w)) found.push(candidate);
    }
    return found
      .sort((a, b) => (this.counts.get(b) ?? 0) - (this.counts.get(a) ?? 0) || a.localeCompare(b))
      .slice(0, MAX_EXPANSIONS);
  }
}
