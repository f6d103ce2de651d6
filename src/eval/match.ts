/**
 * The matching rules of FORMAT.md ("Names", "Texts", "Items", "Roles", "Deferrals").
 *
 * Every matcher returns a score: 0 means "no match", anything above 0 is a match, and a higher
 * score is a closer match. The score only orders candidates for the greedy one-to-one pairing
 * in ./score.ts; whether two entries match at all is decided exactly by the FORMAT.md rules.
 */
import type { GoldDeferral, GoldItem } from './gold.ts';

/** Titles FORMAT.md says to ignore in names. */
export const NAME_TITLES: ReadonlySet<string> = new Set([
  'councillor', 'cllr', 'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame',
  'deputy', 'alderman', 'mayor', 'county', 'rt', 'hon', 'lord', 'lady', 'provost', 'bailie',
  'verderer', 'baroness', 'baron', 'canon', 'rev', 'revd', 'reverend',
]);

/** Honours FORMAT.md says to ignore after a name ("M J Hill OBE" is "M J Hill"). */
export const NAME_HONOURS: ReadonlySet<string> = new Set([
  'obe', 'mbe', 'cbe', 'kbe', 'dbe', 'bem', 'jp', 'dl', 'am', 'ms', 'mp', 'msp', 'mla', 'mep',
  'qpm', 'qc', 'kc', 'phd', 'frcp', 'frcs',
]);

/** Words FORMAT.md says to drop before comparing texts. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'the', 'of', 'and', 'a', 'an', 'to', 'for', 'on', 'in', 'be', 'that', 'with', 'by', 'at',
  'from', 'its', 'it', 'as', 'is', 'was', 'were', 'any',
]);

/**
 * Apostrophes (straight, curly, modifier letter, prime, grave, acute) are deleted rather than
 * turned into a break, so "Children's", "Children’s" and "Childrens" are one word and
 * "O'Brien" stays one surname.
 */
const APOSTROPHES = /['\u2018\u2019\u201B\u02BC\u0060\u00B4\u2032]/gu;
/**
 * Every other character that is not a letter, mark or digit separates words: hyphens and en or
 * em dashes ("Cary- Anne" = "Cary-Anne" = "Cary Anne"; "2023- 2027" = "2023–2027"), full stops
 * ("T. Collingham"), slashes, brackets, quotes, "&", and encoding debris such as "post?16".
 */
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/u;

/** Lower-cased words with punctuation removed (NFKC first, so ligatures and full-width forms fold). */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .split(SEPARATORS)
    .filter((w) => w.length > 0);
}

/**
 * A name's tokens with leading titles and trailing honours removed ("County Councillor Susan
 * Prynn" → susan prynn, "Councillor Mrs Bromby" → bromby, "M J Hill OBE" → m j hill). At least
 * one token always stays, because it is the surname even when it is also a title or an honour
 * word ("Jane Lord", "Councillor Lord", "Councillor Am").
 */
export function nameTokens(name: string): string[] {
  const all = words(name);
  let end = all.length;
  while (end > 1 && NAME_HONOURS.has(all[end - 1]!)) end--;
  let start = 0;
  while (start < end - 1 && NAME_TITLES.has(all[start]!)) start++;
  return all.slice(start, end);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** An initial ("t") agrees with a first name that starts with it ("tom"). */
function firstNamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 && b.startsWith(a)) return true;
  return b.length === 1 && a.startsWith(b);
}

/**
 * FORMAT.md "Names": equal token lists match; otherwise the surnames (last tokens) must be equal
 * and either side is a surname alone or the first names agree.
 * Scores: 1 identical, 0.9 same first name, 0.8 initial, 0.7 surname only.
 */
export function nameScore(a: string, b: string): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  if (sameList(ta, tb)) return 1;
  if (ta[ta.length - 1] !== tb[tb.length - 1]) return 0;
  if (ta.length === 1 || tb.length === 1) return 0.7;
  const fa = ta[0]!;
  const fb = tb[0]!;
  if (!firstNamesAgree(fa, fb)) return 0;
  return fa === fb ? 0.9 : 0.8;
}

export function namesMatch(a: string, b: string): boolean {
  return nameScore(a, b) > 0;
}

/** A person matches by any of their names or aliases: the best pairing counts. */
export function personScore(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, nameScore(x, y));
  return best;
}

/**
 * The word set a text is compared on: words minus the stop-words. A text made only of
 * stop-words keeps them, so it can still equal itself.
 */
export function textWordSet(text: string): Set<string> {
  const all = words(text);
  const content = all.filter((w) => !STOP_WORDS.has(w));
  return new Set(content.length > 0 ? content : all);
}

/** Jaccard index of the two texts' word sets; 0 when either has no words at all. */
export function jaccard(a: string, b: string): number {
  const sa = textWordSet(a);
  const sb = textWordSet(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  return shared / (sa.size + sb.size - shared);
}

export const TEXT_THRESHOLD = 0.5;
/** "their titles share at least a fifth of their words", read as Jaccard ≥ 0.2. */
export const NUMBERED_TITLE_THRESHOLD = 0.2;

/** FORMAT.md "Texts": Jaccard of word sets ≥ 0.5. Score is the Jaccard index. */
export function textScore(a: string, b: string): number {
  const j = jaccard(a, b);
  return j >= TEXT_THRESHOLD ? j : 0;
}

export function textsMatch(a: string, b: string): boolean {
  return textScore(a, b) > 0;
}

/**
 * FORMAT.md: numbers compare without case, spaces and punctuation other than `/` and `.`
 * ("14", "14." and "(14)" are one number; a trailing full stop is punctuation, not part of it).
 */
export function normaliseItemNumber(n: string): string {
  return n
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/.]+/gu, '')
    .replace(/[./]+$/, '')
    .replace(/^[./]+/, '');
}

/**
 * FORMAT.md: a number matches a longer one that ends with it after a non-digit ("CYP 1/10"
 * matches "1/10"; "11/10" does not match "1/10"). Compared after normalisation, so the
 * separator may have been a space ("CYP 1/10" → "cyp1/10"): the character before the shorter
 * number in the longer one must not be a digit.
 */
export function itemNumbersMatch(a: string, b: string): boolean {
  const x = normaliseItemNumber(a);
  const y = normaliseItemNumber(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (!long.endsWith(short)) return false;
  return !/\p{N}/u.test(long[long.length - short.length - 1]!);
}

/**
 * FORMAT.md "Items": by number when both have one (titles must also share a fifth of their
 * words); otherwise by title. Number matches score above 1 so they are paired before any
 * title-only match.
 */
export function itemScore(gold: Pick<GoldItem, 'number' | 'title'>, pred: Pick<GoldItem, 'number' | 'title'>): number {
  const j = jaccard(gold.title, pred.title);
  if (gold.number !== null && pred.number !== null) {
    if (!itemNumbersMatch(gold.number, pred.number)) return 0;
    // An exact number pairs before a suffix match ("1/10" before "CYP 1/10").
    const exact = normaliseItemNumber(gold.number) === normaliseItemNumber(pred.number) ? 0.5 : 0;
    return j >= NUMBERED_TITLE_THRESHOLD ? 1 + exact + j : 0;
  }
  return j >= TEXT_THRESHOLD ? j : 0;
}

/**
 * `to` agrees to the precision the gold gives: gold `2025-12` accepts `2025-12` and
 * `2025-12-02`; gold `2025-12-02` accepts only itself; gold null accepts only null.
 */
export function deferralDateAgrees(gold: string | null, pred: string | null): boolean {
  if (gold === null || pred === null) return gold === pred;
  return pred === gold || pred.startsWith(`${gold}-`);
}

/** FORMAT.md "Deferrals": subjects match as texts and the dates agree. Not symmetric. */
export function deferralScore(gold: GoldDeferral, pred: GoldDeferral): number {
  if (!deferralDateAgrees(gold.to, pred.to)) return 0;
  const s = textScore(gold.subject, pred.subject);
  // An exact date beats a date that only agrees to the month, when both subjects match.
  return s > 0 ? s + (gold.to === pred.to ? 0.01 : 0) : 0;
}

/** A (person, role) pair: the person by all their names, the role as a text. */
export interface RolePair {
  person: string[];
  role: string;
}

/** FORMAT.md "Roles": the person matches and the role title matches as a text. */
export function rolePairScore(gold: RolePair, pred: RolePair): number {
  const p = personScore(gold.person, pred.person);
  if (p === 0) return 0;
  const r = textScore(gold.role, pred.role);
  return r === 0 ? 0 : p + r;
}

/** meeting.date is exact. */
export function exactScore(a: string, b: string): number {
  return a === b ? 1 : 0;
}
