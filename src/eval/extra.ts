/**
 * The project's extension of the answer key (test/fixtures/KEY-FORMAT.md): decisions, their
 * movers and votes, declarations of interest, substitutions, and who asked or spoke. They are
 * scored only where a key has them (a key in the shared FORMAT.md shape has none, and is then
 * neither helped nor hurt), reported beside the FORMAT.md fields and never in their macro F1.
 *
 * Matching, as KEY-FORMAT.md says:
 * - decision texts: texts match (FORMAT.md "Texts"); `decisions` needs the whole record to agree
 *   as well (outcome, mover, seconder, counts, unanimous; null only equals null);
 * - movers: (decision text, moved or seconded, person) triples;
 * - votes: the decisions a key gives a vote for (a count or `unanimous`), text and vote agreeing;
 * - declarations: person and kind agree, the item agrees (by number, else title; null only with
 *   null), and the interest texts match where the key gives one;
 * - substitutions: the substitute matches, and the member replaced (null only with null);
 * - asked: names, per item.
 */
import type { GoldDecision, GoldDeclaration, GoldDocument, GoldItem, GoldSubstitution } from './gold.ts';
import { itemNumbersMatch, itemScore, nameScore, textScore } from './match.ts';
import { addCounts, compareSets, dedupeIndices, emptyCounts, greedyPairs, type Counts, type Scorer } from './score.ts';

export const EXTRA_FIELDS = ['decisions', 'decision texts', 'movers', 'votes', 'declarations', 'substitutions', 'asked'] as const;
export type ExtraField = (typeof EXTRA_FIELDS)[number];
/** Undefined: the key does not give the field for that document, so it is not scored there. */
export type ExtraCounts = Partial<Record<ExtraField, Counts>>;

const nullableName = (a: string | null, b: string | null) => (a === null || b === null ? a === b : nameScore(a, b) > 0);

function sameVote(g: GoldDecision, p: GoldDecision): boolean {
  return g.votes_for === p.votes_for && g.votes_against === p.votes_against && g.abstentions === p.abstentions && g.unanimous === p.unanimous;
}

const decisionText: Scorer<GoldDecision> = (g, p) => textScore(g.text, p.text);
const wholeDecision: Scorer<GoldDecision> = (g, p) => {
  const t = textScore(g.text, p.text);
  if (t === 0 || g.outcome !== p.outcome || !nullableName(g.moved_by, p.moved_by) || !nullableName(g.seconded_by, p.seconded_by) || !sameVote(g, p)) return 0;
  return t;
};
const votedDecision: Scorer<GoldDecision> = (g, p) => (sameVote(g, p) ? textScore(g.text, p.text) : 0);
const hasVote = (d: GoldDecision) => d.votes_for !== null || d.votes_against !== null || d.abstentions !== null || d.unanimous !== null;

interface Mover {
  text: string;
  role: 'moved' | 'seconded';
  person: string;
}
const moverScore: Scorer<Mover> = (g, p) => {
  if (g.role !== p.role) return 0;
  const n = nameScore(g.person, p.person);
  const t = textScore(g.text, p.text);
  return n > 0 && t > 0 ? n + t : 0;
};
const moversOf = (ds: readonly GoldDecision[]): Mover[] =>
  ds.flatMap((d) => [
    ...(d.moved_by ? [{ text: d.text, role: 'moved' as const, person: d.moved_by }] : []),
    ...(d.seconded_by ? [{ text: d.text, role: 'seconded' as const, person: d.seconded_by }] : []),
  ]);

/** Item reference of a declaration: number against number (FORMAT.md numbers), else titles as texts. */
function sameItem(g: string | null, p: string | null, items: { gold: GoldItem[]; pred: GoldItem[] }): boolean {
  if (g === null || p === null) return g === p;
  if (itemNumbersMatch(g, p)) return true;
  if (textScore(g, p) > 0) return true;
  // A key that names the item by number, a prediction that names it by title (or the reverse).
  const gi = items.gold.find((i) => (i.number && itemNumbersMatch(i.number, g)) || textScore(i.title, g) > 0);
  const pi = items.pred.find((i) => (i.number && itemNumbersMatch(i.number, p)) || textScore(i.title, p) > 0);
  return Boolean(gi && pi && itemScore(gi, pi) > 0);
}

function declarationScorer(items: { gold: GoldItem[]; pred: GoldItem[] }): Scorer<GoldDeclaration> {
  return (g, p) => {
    const n = nameScore(g.person, p.person);
    if (n === 0 || g.kind !== p.kind || !sameItem(g.item, p.item, items)) return 0;
    if (g.interest.trim() === '') return n;
    const t = textScore(g.interest, p.interest);
    return t > 0 ? n + t : 0;
  };
}

const substitutionScore: Scorer<GoldSubstitution> = (g, p) => {
  const n = nameScore(g.person, p.person);
  return n > 0 && nullableName(g.for, p.for) ? n + (g.for && p.for ? nameScore(g.for, p.for) : 1) : 0;
};

/** Items merged as score.ts merges them (items matching each other are one), with their extra lists. */
function mergeItems(items: readonly GoldItem[]): GoldItem[] {
  const { kept, owner } = dedupeIndices(items, itemScore);
  const merged = new Map<number, GoldItem>(kept.map((k) => [k, { ...items[k]!, decisions: [...(items[k]!.decisions ?? [])], asked: [...(items[k]!.asked ?? [])] }]));
  items.forEach((item, i) => {
    if (owner[i] === i) return;
    const target = merged.get(owner[i]!)!;
    target.decisions!.push(...(item.decisions ?? []));
    target.asked!.push(...(item.asked ?? []));
  });
  return kept.map((k) => merged.get(k)!);
}

/** The extra fields of one document; a field the key does not give is left out. */
export function scoreExtra(gold: GoldDocument, pred: GoldDocument): ExtraCounts {
  const out: ExtraCounts = {};
  const goldItems = mergeItems(gold.items);
  const predItems = mergeItems(pred.items);
  const pairs = greedyPairs(goldItems, predItems, itemScore);
  const pairedG = new Set(pairs.map(([g]) => g));
  const pairedP = new Set(pairs.map(([, p]) => p));
  const perItem = <T>(list: (i: GoldItem) => T[], score: Scorer<T>): Counts => {
    let c = emptyCounts();
    for (const [g, p] of pairs) c = addCounts(c, compareSets(list(goldItems[g]!), list(predItems[p]!), score));
    goldItems.forEach((it, i) => { if (!pairedG.has(i)) c = addCounts(c, compareSets(list(it), [], score)); });
    predItems.forEach((it, i) => { if (!pairedP.has(i)) c = addCounts(c, compareSets([], list(it), score)); });
    return c;
  };
  if (gold.items.some((i) => i.decisions !== undefined)) {
    const ds = (i: GoldItem) => i.decisions ?? [];
    out.decisions = perItem(ds, wholeDecision);
    out['decision texts'] = perItem(ds, decisionText);
    out.movers = perItem((i) => moversOf(ds(i)), moverScore);
    // Votes: what the key gives a vote for, against the predictions that give one.
    out.votes = perItem((i) => ds(i).filter(hasVote), votedDecision);
  }
  if (gold.items.some((i) => i.asked !== undefined)) out.asked = perItem((i) => i.asked ?? [], nameScore);
  if (gold.declarations !== undefined) {
    out.declarations = compareSets(gold.declarations, pred.declarations ?? [], declarationScorer({ gold: gold.items, pred: pred.items }));
  }
  if (gold.substitutions !== undefined) out.substitutions = compareSets(gold.substitutions, pred.substitutions ?? [], substitutionScore);
  return out;
}

export function sumExtra(docs: readonly ExtraCounts[]): ExtraCounts {
  const out: ExtraCounts = {};
  for (const d of docs) for (const f of EXTRA_FIELDS) if (d[f]) out[f] = addCounts(out[f] ?? emptyCounts(), d[f]!);
  return out;
}
