/**
 * Finding one person from a name as a user types it: with or without titles, by an alias,
 * misspelt by a letter or two, or by surname alone when only one person has it. The rules
 * follow the gold standard's name matching (test/../shared/gold/FORMAT.md) so the API and
 * the evaluation agree on who "Cllr Cusworth" is.
 */
import type { NodeOf } from '../graph/model.ts';
import type { GraphStore, NodeKeys } from '../graph/store.ts';
import { editDistance } from '../text/edit-distance.ts';

export { editDistance };

const TITLES = new Set([
  'councillor', 'cllr', 'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'deputy',
  'alderman', 'mayor', 'county', 'rt', 'hon', 'lord', 'lady',
]);

/** Lower-case name tokens without titles, accents or punctuation ("Cary- Anne" → "caryanne"). */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s*[-\u2010-\u2015]\s*/g, '')
    .replace(/['\u2019.]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((t) => t && !TITLES.has(t));
}

/** Edits tolerated for a name of this many letters: none for short names. */
function tolerance(letters: number): number {
  return letters >= 10 ? 2 : letters >= 5 ? 1 : 0;
}

/**
 * How far a candidate name is from the query: 0 same name, 1 same surname with compatible
 * first names (or one side a surname alone), 1 + edits for a near spelling; null when no match.
 */
export function nameDistance(query: string[], candidate: string[]): number | null {
  if (query.length === 0 || candidate.length === 0) return null;
  const q = query.join(' ');
  const c = candidate.join(' ');
  if (q === c) return 0;
  const qLast = query[query.length - 1]!;
  const cLast = candidate[candidate.length - 1]!;
  if (qLast === cLast) {
    if (query.length === 1 || candidate.length === 1) return 1;
    const qf = query[0]!;
    const cf = candidate[0]!;
    if (qf === cf || (qf.length === 1 && cf.startsWith(qf)) || (cf.length === 1 && qf.startsWith(cf))) return 1;
  }
  const allowed = tolerance(q.replace(/ /g, '').length);
  if (allowed === 0) return null;
  const d = editDistance(q, c, allowed);
  return d <= allowed ? 1 + d : null;
}

/** People by their names' and aliases' tokens joined, as `findPerson` matches them at distance 0. */
const PERSON_NAMES: NodeKeys = {
  key: 'person name tokens',
  type: 'Person',
  keys: (n) => {
    const p = n.props as NodeOf<'Person'>;
    return [p.name, ...(p.aliases ?? [])].map((x) => nameTokens(x).join(' '));
  },
};

const CANDIDATES = 200;
const WIDE_CANDIDATES = 1000;
/** Ranks between an exact name (0) and a compatible form (1). */
const TITLE_ONLY = 0.25;
const ALIAS_EXACT = 0.5;

/**
 * The one person `name` refers to, or null when nobody (or more than one person equally) fits.
 * The name as typed beats the same name with other titles, which beats an alias, which beats
 * a compatible form (a surname alone, an initial) or a near spelling.
 */
export async function findPerson(store: GraphStore, name: string): Promise<NodeOf<'Person'> | null> {
  const query = nameTokens(name);
  if (query.length === 0) return null;

  const typed = plain(name);
  // Fastest: a store holding the graph in memory keeps people by their names' tokens. Only the
  // people found there can be at distance 0 (titles and aliases ranked within it), so when one
  // of them wins, the wider candidates below could not change the answer.
  const keyed = store.peekKeyed?.(PERSON_NAMES, query.join(' '));
  if (keyed && keyed.length > 0) {
    const exact = best(query, keyed.map((n) => n.props as NodeOf<'Person'>), typed);
    if (exact && exact.distance <= ALIAS_EXACT && !exact.ambiguous) return exact.person;
  }

  // Fast path: the name as typed is a stored name or alias (one store round trip).
  const direct = await store.list('Person', { search: query.join(' '), first: CANDIDATES, offset: 0 });
  const exact = best(query, direct, typed);
  if (exact && exact.distance <= ALIAS_EXACT && !exact.ambiguous) return exact.person;

  // Otherwise widen: everyone sharing the first name, or either half of the surname (one
  // slip leaves a half intact), then rank them all by name distance.
  const last = query[query.length - 1]!;
  const probes = new Set([last]);
  if (last.length >= 5) {
    const half = Math.max(3, Math.floor(last.length / 2));
    probes.add(last.slice(0, half));
    probes.add(last.slice(-half));
  }
  if (query.length > 1 && query[0]!.length >= 3) probes.add(query[0]!);
  const lists = await Promise.all(
    [...probes].map((search) => store.list('Person', { search, first: WIDE_CANDIDATES, offset: 0 })),
  );
  const found = best(query, [...direct, ...lists.flat()], typed);
  return found && !found.ambiguous ? found.person : null;
}

/** Lower case, single spaces, no punctuation, one spelling per title: "Cllr.  Smith" → "councillor smith". */
function plain(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\b(cllrs?|councillors)\b/g, 'councillor');
}

function best(query: string[], people: NodeOf<'Person'>[], typed: string) {
  let top: { person: NodeOf<'Person'>; distance: number; ambiguous: boolean } | null = null;
  const seen = new Set<string>();
  for (const person of people) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    let distance: number | null = null;
    for (const [i, n] of [person.name, ...(person.aliases ?? [])].entries()) {
      const d = nameDistance(query, nameTokens(n));
      // Exactly as typed (titles too) beats the same name under another title, which beats
      // the same spelling as someone's alias.
      const ranked = d !== 0 ? d : i > 0 ? ALIAS_EXACT : plain(n) === typed ? 0 : TITLE_ONLY;
      if (ranked !== null && (distance === null || ranked < distance)) distance = ranked;
    }
    if (distance === null) continue;
    if (!top || distance < top.distance) top = { person, distance, ambiguous: false };
    else if (distance === top.distance && person.id !== top.person.id) {
      // Two people equally near: the same name twice keeps the lowest id (stable); anything
      // looser, an alias included, is a guess.
      top.ambiguous = distance >= ALIAS_EXACT;
      if (distance < ALIAS_EXACT && person.id < top.person.id) top.person = person;
    }
  }
  return top;
}
