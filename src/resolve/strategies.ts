/**
 * One item names a strategy several ways ("the SEND Sufficiency Strategy", "the draft SEND
 * Sufficiency Strategy 2026-2029", "the new SEND Sufficiency Strategy"): cluster the mentions
 * and keep the most specific name (with its years, then the longest).
 */
import type { StrategyClaim } from '../extract/types.ts';

const STOP = new Set(['the', 'of', 'and', 'a', 'an', 'to', 'for', 'on', 'in', 'be', 'that', 'with', 'by', 'at', 'from', 'its', 'it', 'as', 'is', 'was', 'were', 'any']);

function wordSet(name: string): Set<string> {
  return new Set(
    name
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

function specificity(s: StrategyClaim): number {
  return (/\d{4}/.test(s.name) ? 1000 : 0) + s.name.length;
}

export function clusterStrategies(claims: StrategyClaim[]): StrategyClaim[] {
  const clusters: { sets: Set<string>[]; members: StrategyClaim[] }[] = [];
  for (const c of claims) {
    const set = wordSet(c.name);
    if (set.size === 0) continue;
    const hit = clusters.find((cl) => cl.sets.some((s) => similar(s, set)));
    if (hit) {
      hit.sets.push(set);
      hit.members.push(c);
    } else clusters.push({ sets: [set], members: [c] });
  }
  return clusters.map((cl) => {
    const best = [...cl.members].sort((a, b) => specificity(b) - specificity(a))[0]!;
    const approved = cl.members.find((m) => m.approvedBy);
    return { ...best, approvedBy: best.approvedBy ?? approved?.approvedBy ?? null };
  });
}
