/**
 * Given names, from compromise's English lexicon (about 3,000 first names). A general
 * resource of the language, not a list of the people in any minutes: it tells "Helen Sweaton"
 * (a person) from "Special Guardianship" (not one) when no title or role says so.
 */
import nlp from 'compromise';

let names: Set<string> | null = null;

function load(): Set<string> {
  const set = new Set<string>();
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  for (const [word, tag] of Object.entries(lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) set.add(word);
  }
  return set;
}

export function isGivenName(word: string): boolean {
  names ??= load();
  return names.has(word.toLowerCase());
}
