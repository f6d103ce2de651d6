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
 *
 * Linear in the mentions of an item for repeated names ("The X report." ten thousand times): a
 * mention whose words were placed since the clusters last gained a new word set goes where they
 * went (nothing its choice depends on has changed), each cluster keeps each distinct word set
 * once, and only clusters sharing a word with the mention are compared with it. The cost grows
 * with the distinct names of an item, not with how often they are repeated.
 */
export function clusterStrategies(claims: StrategyClaim[]): StrategyClaim[] {
  const position = new Map(claims.map((c, i) => [c, i] as const));
  const sorted = [...claims].sort((a, b) => specificity(b) - specificity(a) || position.get(a)! - position.get(b)!);
  type Cluster = { set: Set<string>; sets: Map<string, Set<string>>; best: StrategyClaim; members: StrategyClaim[]; order: number };
  const clusters: Cluster[] = [];
  const byWord = new Map<string, Set<Cluster>>();
  const placed = new Map<string, { cluster: Cluster; version: number }>();
  let version = 0;
  const index = (cl: Cluster, set: Set<string>) => {
    for (const w of set) {
      let list = byWord.get(w);
      if (!list) byWord.set(w, (list = new Set()));
      list.add(cl);
    }
  };
  for (const c of sorted) {
    const set = wordSet(c.name);
    if (set.size === 0) continue;
    const key = [...set].sort().join(' ');
    const known = placed.get(key);
    if (known && known.version === version) {
      known.cluster.members.push(c);
      continue;
    }
    // Members are all more specific than `c`, so matching any of them cannot chain two strategies.
    const candidates = new Set<Cluster>();
    for (const w of set) for (const cl of byWord.get(w) ?? []) candidates.add(cl);
    const fits = clusters.filter((cl) => candidates.has(cl) && [...cl.sets.values()].some((s) => similar(s, set)));
    if (fits.length === 0) {
      const created: Cluster = { set, sets: new Map([[key, set]]), best: c, members: [c], order: clusters.length };
      clusters.push(created);
      index(created, set);
      placed.set(key, { cluster: created, version: ++version });
      continue;
    }
    const best = fits.sort((a, b) => overlap(b.set, set) - overlap(a.set, set) || a.order - b.order)[0]!;
    best.members.push(c);
    if (!best.sets.has(key)) {
      best.sets.set(key, set);
      index(best, set);
      version++;
    }
    placed.set(key, { cluster: best, version });
  }
  const first = (cl: Cluster) => Math.min(...cl.members.map((m) => position.get(m)!));
  return clusters
    .sort((a, b) => first(a) - first(b))
    .map((cl) => {
      // The item's title names the document in full where the text only shortens it.
      const fuller = cl.members.find((m) => m.fromTitle && [...cl.set].every((w) => wordSet(m.name).has(w)) && wordSet(m.name).size > cl.set.size);
      if (fuller) cl.best = fuller;
      const approved = cl.members.find((m) => m.approvedBy);
      return { ...cl.best, approvedBy: cl.best.approvedBy ?? approved?.approvedBy ?? null };
    });
}
