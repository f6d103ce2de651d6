/**
 * Who is who within one document: occurrences of a name become people. "Helen Sweatton" and
 * "Helen Sweaton" are one person (same given name, surnames one letter apart), "Mr Madden" is
 * the "Dick Madden" named earlier, "Sue Prynn" the "Susan Prynn"; "Councillor Elliot" and
 * "Councillor M. Elliott" stay two people.
 */
import { displayName, type NameParts } from '../extract/names.ts';
import type { PersonOccurrence } from '../extract/types.ts';

export interface PersonGroup {
  key: string;
  occurrences: PersonOccurrence[];
  parts: NameParts;
  /** The distinct spellings seen, so a repeated name costs one comparison, not one per mention. */
  variants?: Map<string, NameParts>;
  /** The distinct initials its mentions give, for the same reason. */
  initials?: Set<string>;
}

/**
 * Grouping compares every spelling with every candidate's, so the same few names are normalised
 * many times: each answer is kept (the cache is emptied when it grows large).
 */
const NORMED = new Map<string, string>();
const NORMED_MAX = 50_000;

function norm(s: string): string {
  let n = NORMED.get(s);
  if (n === undefined) {
    n = s.toLowerCase().replace(/[\s'’.-]+/g, '');
    if (NORMED.size >= NORMED_MAX) NORMED.clear();
    NORMED.set(s, n);
  }
  return n;
}

export function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function sameGiven(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  // "Sue" / "Susan", "Jo" / "Joanne": a short form that starts the full one.
  return x.length >= 2 && y.length >= 2 && x.slice(0, 2) === y.slice(0, 2) && (x.startsWith(y.slice(0, 3)) || y.startsWith(x.slice(0, 3)) || Math.min(x.length, y.length) <= 3);
}

function fullMatch(a: NameParts, b: NameParts): boolean {
  if (!a.first || !b.first) return false;
  const sa = norm(a.surname);
  const sb = norm(b.surname);
  const surnameOk = sa === sb || (sa.length >= 5 && sb.length >= 5 && editDistanceAtMostOne(sa, sb) && norm(a.first) === norm(b.first));
  return surnameOk && sameGiven(a.first, b.first);
}

function initialsAgree(short: NameParts, full: NameParts): boolean {
  const initials = short.initials.replace(/[.\s]/g, '');
  if (!initials) return true;
  const given = full.first ?? full.initials.replace(/[.\s]/g, '');
  return given.length > 0 && given[0]!.toUpperCase() === initials[0]!.toUpperCase();
}

/**
 * "Ms E Ferris" and "Ms Ferris", "Mr N Adair" and "Mr Adair": a name without initials is the
 * person with them; "J Smith" and "K Smith" are two people; "J Smith" and "J R Smith" one.
 */
function initialsCompatible(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  return x === '' || y === '' || x.startsWith(y) || y.startsWith(x);
}

/** Groups occurrences into people; returns occurrence id → group. */
export function groupPeople(occurrences: PersonOccurrence[]): { groups: PersonGroup[]; byOccurrence: Map<number, PersonGroup> } {
  const groups: PersonGroup[] = [];
  const byOccurrence = new Map<number, PersonGroup>();
  const full = occurrences.filter((o) => o.parts.first);
  const partial = occurrences.filter((o) => !o.parts.first);
  // Candidates share a given name's first two letters: index on them to stay linear.
  const byGiven = new Map<string, PersonGroup[]>();
  for (const o of full) {
    const bucket = norm(o.parts.first!).slice(0, 2);
    const list = byGiven.get(bucket) ?? [];
    const spelling = `${o.parts.first}|${o.parts.surname}`;
    const g = list.find((x) => x.variants!.has(spelling) || [...x.variants!.values()].some((v) => fullMatch(v, o.parts)));
    if (g) {
      g.occurrences.push(o);
      g.variants!.set(spelling, o.parts);
    } else {
      const created: PersonGroup = { key: '', occurrences: [o], parts: o.parts, variants: new Map([[spelling, o.parts]]) };
      groups.push(created);
      list.push(created);
      byGiven.set(bucket, list);
    }
  }
  const bySurname = new Map<string, PersonGroup[]>();
  for (const g of groups) bySurname.set(norm(g.parts.surname), [...(bySurname.get(norm(g.parts.surname)) ?? []), g]);
  for (const o of partial) {
    const surname = norm(o.parts.surname);
    const candidates = (bySurname.get(surname) ?? []).filter(
      (g) => norm(g.parts.surname) === surname && (g.parts.first ? initialsAgree(o.parts, g.parts) : [...(g.initials ?? [g.parts.initials])].every((x) => initialsCompatible(x, o.parts.initials))),
    );
    // A titled surname attaches to the one person of that surname; two candidates: don't guess.
    const councillorFirst = candidates.filter((g) => g.occurrences.some((x) => x.councillor) === o.councillor);
    const pick = candidates.length === 1 ? candidates[0] : councillorFirst.length === 1 ? councillorFirst[0] : undefined;
    const chosen = pick ?? candidates[0];
    if (chosen) {
      chosen.occurrences.push(o);
      chosen.initials?.add(o.parts.initials);
    } else {
      const created: PersonGroup = { key: '', occurrences: [o], parts: o.parts, initials: new Set([o.parts.initials]) };
      groups.push(created);
      bySurname.set(surname, [...(bySurname.get(surname) ?? []), created]);
    }
  }
  for (const g of groups) {
    g.parts = canonicalParts(g.occurrences);
    g.key = personKey(g.parts, g.occurrences.some((o) => o.councillor));
    for (const o of g.occurrences) byOccurrence.set(o.id, g);
  }
  return { groups, byOccurrence };
}

/** The fullest name: a full first name over an initial, the most frequent surname spelling, the shorter on a tie. */
function canonicalParts(occ: PersonOccurrence[]): NameParts {
  const withFirst = occ.filter((o) => o.parts.first);
  const pool = withFirst.length > 0 ? withFirst : occ;
  const firsts = new Map<string, number>();
  const surnames = new Map<string, number>();
  for (const o of pool) {
    if (o.parts.first) firsts.set(o.parts.first, (firsts.get(o.parts.first) ?? 0) + 1);
    surnames.set(o.parts.surname, (surnames.get(o.parts.surname) ?? 0) + 1);
  }
  const pickBy = (m: Map<string, number>, prefer: (a: string, b: string) => number) =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || prefer(a[0], b[0]))[0]?.[0] ?? null;
  const first = pickBy(firsts, (a, b) => b.length - a.length);
  const surname = pickBy(surnames, (a, b) => a.length - b.length) ?? pool[0]!.parts.surname;
  const councillor = occ.find((o) => o.councillor);
  const base = councillor?.parts ?? pool[0]!.parts;
  // "Councillor R. Singh Bhatti": an initial before a first name is part of the fullest form.
  const initials = first
    ? (pool.find((o) => o.parts.first === first && o.parts.initials)?.parts.initials ?? '')
    : (occ.find((o) => o.parts.initials)?.parts.initials ?? '');
  return { title: councillor ? 'Councillor' : base.title, courtesy: occ.find((o) => o.parts.courtesy)?.parts.courtesy ?? null, first, initials, surname };
}

export function personKey(parts: NameParts, councillor: boolean): string {
  const given = parts.first ? norm(parts.first) : norm(parts.initials);
  return `${councillor ? 'cllr:' : ''}${given ? `${given}.` : ''}${norm(parts.surname)}`;
}

export function nameOf(g: PersonGroup): string {
  return displayName(g.parts);
}
