/**
 * The yardstick: what a general NLP library finds with no knowledge of minutes. compromise's
 * `.people()` over the whole text, scored on person mentions like the `people` field.
 */
import nlp from 'compromise';

export const BASELINE_METHOD = "compromise nlp(text).people() on the whole text, scored as 'people'";

/** Distinct person mentions, trimmed of the punctuation compromise leaves attached ("Sweaton,"). */
export function compromisePeople(text: string): string[] {
  const found = nlp(text).people().out('array') as string[];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of found) {
    const name = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/\.$/u, '').trim();
    if (!name || seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}
