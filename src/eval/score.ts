/**
 * FORMAT.md "Scoring": per document each field is a set (entries that match each other count
 * once), paired one-to-one greedily, and TP/FP/FN are summed over documents into P, R and F1.
 */
import type { GoldDocument, GoldItem, GoldPerson } from './gold.ts';
import {
  deferralScore,
  exactScore,
  itemScore,
  nameScore,
  personScore,
  rolePairScore,
  textScore,
  type RolePair,
} from './match.ts';

export const FIELDS = [
  'meeting.body',
  'meeting.date',
  'chair',
  'members_present',
  'apologies',
  'people',
  'roles',
  'items',
  'attendees',
  'presenters',
  'introducers',
  'requests',
  'deferrals',
  'strategies',
] as const;
export type Field = (typeof FIELDS)[number];

export const ITEM_LIST_FIELDS = [
  'attendees',
  'presenters',
  'introducers',
  'requests',
  'deferrals',
  'strategies',
] as const satisfies readonly Field[];
type ItemListField = (typeof ITEM_LIST_FIELDS)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface FieldScore extends Counts {
  /** null when nothing was predicted (tp + fp = 0): precision is undefined, not 0 or 1. */
  precision: number | null;
  /** null when the gold has nothing (tp + fn = 0). */
  recall: number | null;
  /**
   * 2tp / (2tp + fp + fn): the harmonic mean of P and R where both exist, 0 when either side
   * has entries but none match, and null ("n/a") when neither gold nor prediction has any
   * entry at all, so a field with nothing to find neither helps nor hurts the macro mean.
   */
  f1: number | null;
}

export type DocumentCounts = Record<Field, Counts>;

/** Scores higher than 0 mean "match"; see ./match.ts. */
export type Scorer<G, P = G> = (gold: G, pred: P) => number;

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/**
 * Keeps the first of every group of entries that match each other. "Each other" means both
 * ways round, which matters for the one asymmetric rule (deferral dates): `2025-12` and
 * `2025-12-02` are not duplicates of each other.
 */
export function dedupeIndices<T>(entries: readonly T[], score: Scorer<T>): { kept: number[]; owner: number[] } {
  const kept: number[] = [];
  const owner: number[] = [];
  entries.forEach((entry, i) => {
    const dup = kept.find((k) => score(entries[k]!, entry) > 0 && score(entry, entries[k]!) > 0);
    if (dup === undefined) {
      kept.push(i);
      owner.push(i);
    } else {
      owner.push(dup);
    }
  });
  return { kept, owner };
}

export function dedupe<T>(entries: readonly T[], score: Scorer<T>): T[] {
  return dedupeIndices(entries, score).kept.map((i) => entries[i]!);
}

/**
 * Greedy one-to-one pairing: all matching (gold, predicted) pairs, best score first (ties in
 * document order), each entry used at most once.
 */
export function greedyPairs<G, P>(gold: readonly G[], pred: readonly P[], score: Scorer<G, P>): [number, number][] {
  const candidates: { g: number; p: number; s: number }[] = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      const s = score(g, p);
      if (s > 0) candidates.push({ g: gi, p: pi, s });
    }),
  );
  candidates.sort((a, b) => b.s - a.s || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of candidates) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    pairs.push([c.g, c.p]);
  }
  return pairs;
}

/** Compares two lists as sets: dedupe each side, pair greedily, count. */
export function compareSets<T>(gold: readonly T[], pred: readonly T[], score: Scorer<T>): Counts {
  const g = dedupe(gold, score);
  const p = dedupe(pred, score);
  const tp = greedyPairs(g, p, score).length;
  return { tp, fp: p.length - tp, fn: g.length - tp };
}

function oneOrNone<T>(value: T | null): T[] {
  return value === null ? [] : [value];
}

function personNames(p: GoldPerson): string[] {
  return [p.name, ...p.aliases];
}

export function rolePairs(people: readonly GoldPerson[]): RolePair[] {
  return people.flatMap((p) => p.roles.map((role) => ({ person: personNames(p), role })));
}

const ITEM_LIST_SCORERS: { [F in ItemListField]: Scorer<GoldItem[F][number]> } = {
  attendees: nameScore,
  presenters: nameScore,
  introducers: nameScore,
  requests: textScore,
  deferrals: deferralScore,
  strategies: textScore,
};

/**
 * Items that match each other are one item; the lists of the ones dropped are added to the one
 * kept (and deduped there with the rest), so a split or repeated item neither loses nor
 * double-counts its entries.
 */
export function mergeDuplicateItems(items: readonly GoldItem[]): GoldItem[] {
  const { kept, owner } = dedupeIndices(items, itemScore);
  const merged = new Map<number, GoldItem>(kept.map((k) => [k, cloneItem(items[k]!)]));
  items.forEach((item, i) => {
    const into = owner[i]!;
    if (into === i) return;
    const target = merged.get(into)!;
    for (const f of ITEM_LIST_FIELDS) (target[f] as unknown[]).push(...item[f]);
  });
  return kept.map((k) => merged.get(k)!);
}

function cloneItem(item: GoldItem): GoldItem {
  return {
    ...item,
    attendees: [...item.attendees],
    presenters: [...item.presenters],
    introducers: [...item.introducers],
    requests: [...item.requests],
    deferrals: [...item.deferrals],
    strategies: [...item.strategies],
  };
}

function itemListCounts(field: ItemListField, gold: GoldItem | null, pred: GoldItem | null): Counts {
  const score = ITEM_LIST_SCORERS[field] as Scorer<unknown>;
  return compareSets<unknown>(gold ? gold[field] : [], pred ? pred[field] : [], score);
}

/** Scores one document's prediction (already projected to the gold shape) against its gold. */
export function scoreDocument(gold: GoldDocument, pred: GoldDocument): DocumentCounts {
  const counts = {} as DocumentCounts;
  counts['meeting.body'] = compareSets(oneOrNone(gold.meeting.body), oneOrNone(pred.meeting.body), textScore);
  counts['meeting.date'] = compareSets(oneOrNone(gold.meeting.date), oneOrNone(pred.meeting.date), exactScore);
  counts.chair = compareSets(oneOrNone(gold.chair), oneOrNone(pred.chair), nameScore);
  counts.members_present = compareSets(gold.members_present, pred.members_present, nameScore);
  counts.apologies = compareSets(gold.apologies, pred.apologies, nameScore);
  counts.people = compareSets(gold.people.map(personNames), pred.people.map(personNames), personScore);
  counts.roles = compareSets(rolePairs(gold.people), rolePairs(pred.people), rolePairScore);

  const goldItems = mergeDuplicateItems(gold.items);
  const predItems = mergeDuplicateItems(pred.items);
  const pairs = greedyPairs(goldItems, predItems, itemScore);
  counts.items = { tp: pairs.length, fp: predItems.length - pairs.length, fn: goldItems.length - pairs.length };

  const pairedGold = new Set(pairs.map(([g]) => g));
  const pairedPred = new Set(pairs.map(([, p]) => p));
  for (const field of ITEM_LIST_FIELDS) {
    let c = emptyCounts();
    for (const [g, p] of pairs) c = addCounts(c, itemListCounts(field, goldItems[g]!, predItems[p]!));
    goldItems.forEach((item, i) => {
      if (!pairedGold.has(i)) c = addCounts(c, itemListCounts(field, item, null));
    });
    predItems.forEach((item, i) => {
      if (!pairedPred.has(i)) c = addCounts(c, itemListCounts(field, null, item));
    });
    counts[field] = c;
  }
  return counts;
}

/** The baseline's unit: person mentions (plain strings) against the gold `people`. */
export function scorePersonMentions(gold: readonly GoldPerson[], mentions: readonly string[]): Counts {
  return compareSets(gold.map(personNames), mentions.map((m) => [m]), personScore);
}

export function summarise(c: Counts): FieldScore {
  const predicted = c.tp + c.fp;
  const expected = c.tp + c.fn;
  const all = 2 * c.tp + c.fp + c.fn;
  return {
    ...c,
    precision: predicted === 0 ? null : c.tp / predicted,
    recall: expected === 0 ? null : c.tp / expected,
    f1: all === 0 ? null : (2 * c.tp) / all,
  };
}

export function sumDocuments(docs: readonly DocumentCounts[]): DocumentCounts {
  const total = {} as DocumentCounts;
  for (const f of FIELDS) total[f] = docs.reduce((acc, d) => addCounts(acc, d[f]), emptyCounts());
  return total;
}

/** Mean of the F1s that exist; null when no field has anything to score. */
export function macroF1(scores: readonly FieldScore[]): number | null {
  const f1s = scores.map((s) => s.f1).filter((f): f is number => f !== null);
  return f1s.length === 0 ? null : f1s.reduce((a, b) => a + b, 0) / f1s.length;
}
