/**
 * One item names a strategy several ways ("the SEND Sufficiency Strategy", "the draft SEND
 * Sufficiency Strategy 2026-2029", "the new SEND Sufficiency Strategy"): cluster the mentions
 * and keep the most specific name (with its years, then the longest).
 */
import type { StrategyClaim } from '../extract/types.ts';

const STOP = new Set(['the', 'of', 'and', 'a', 'an', 'to', 'for', 'on', 'in', 'be', 'that', 'with', 'by', 'at', 'from', 'its', 'it', 'as', 'is', 'was', 'were', 'any']);

/** "Special Educational Needs and Disabilities (SEND) Strategy" → "SEND Strategy", for comparison only. */
function collapseAcronyms(name: string): string {
  return name.replace(/((?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|the|&)\s+)?){2,10})\(([A-Z]{2,8})\)/g, (whole, words: string, acronym: string) => {
    const initials = words.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
    return initials.endsWith(acronym) || initials === acronym ? `${words.split(/\s+/).filter(Boolean).slice(0, initials.length - acronym.length).join(' ')} ${acronym}` : whole;
  });
}

function wordSet(name: string): Set<string> {
  return new Set(
    collapseAcronyms(name)
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !STOP.has(w)),
  );
}

function similar(a: Set<string>, b: Set<string>): boolean {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  if (union === 0) return false;
  const subset = inter === Math.min(a.size, b.size);
  return subset || inter / union > 0.5;
}

/** Years first, then length; a name the text itself uses beats one derived from the item title. */
function specificity(s: StrategyClaim): number {
  return (/\d{4}/.test(s.name) ? 1000 : 0) + s.name.length - (s.fromTitle ? 500 : 0);
}

function overlap(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

/**
 * Most specific names first; each later mention joins the cluster whose name it fits best,
 * so a vague "SEND Strategy" cannot chain two different strategies into one.
 */
export function clusterStrategies(claims: StrategyClaim[]): StrategyClaim[] {
  const sorted = [...claims].sort((a, b) => specificity(b) - specificity(a));
  const clusters: { set: Set<string>; sets: Set<string>[]; best: StrategyClaim; members: StrategyClaim[] }[] = [];
  for (const c of sorted) {
    const set = wordSet(c.name);
    if (set.size === 0) continue;
    // Members are all more specific than `c`, so matching any of them cannot chain two strategies.
    const fits = clusters.filter((cl) => cl.sets.some((s) => similar(s, set)));
    if (fits.length === 0) {
      clusters.push({ set, sets: [set], best: c, members: [c] });
      continue;
    }
    const best = fits.sort((a, b) => overlap(b.set, set) - overlap(a.set, set))[0]!;
    best.members.push(c);
    best.sets.push(set);
  }
  const order = (c: StrategyClaim) => claims.indexOf(c);
  return clusters
    .sort((a, b) => Math.min(...a.members.map(order)) - Math.min(...b.members.map(order)))
    .map((cl) => {
      // The item's title names the document in full where the text only shortens it.
      const fuller = cl.members.find((m) => m.fromTitle && [...cl.set].every((w) => wordSet(m.name).has(w)) && wordSet(m.name).size > cl.set.size);
      if (fuller) cl.best = fuller;
      const approved = cl.members.find((m) => m.approvedBy);
      return { ...cl.best, approvedBy: cl.best.approvedBy ?? approved?.approvedBy ?? null };
    });
}
