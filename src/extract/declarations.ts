/**
 * Declarations of interest: "Councillor Hale declared a non-pecuniary interest in item 7 as a
 * governor of Larkfield Primary School", "A personal interest was declared by Cllr Osei",
 * "Cllr Vale – item 5 – other registrable interest (trustee of the Larkfield Trust)". Each names
 * who declared, the kind where stated (src/lexicon/interests.ts), what the interest is, and the
 * item it is about: the item the text names by number or title, or the item the declaration
 * stands in when that is not the standing "declarations of interest" item. "There were no
 * declarations" gives none.
 */
import type { SegmentedDocument, SegmentedItem, Span } from '../segment/types.ts';
import { alt, hits, rule, type Rule } from '../rules/engine.ts';
import { INTEREST_AFTERMATH, INTEREST_BECAUSE, INTEREST_KIND_WORDS, type InterestKind } from '../lexicon/interests.ts';
import { splitSentences, sentenceText } from '../text/sentences.ts';
import { mentionsIn, subjectsOf } from './clauses.ts';
import type { Mention, MentionIndex } from './mentions.ts';
import type { DeclarationClaim } from './types.ts';

const KIND = `(?<kind>${alt(INTEREST_KIND_WORDS.map(([w]) => w))})`;
const KIND_WORDS = alt(INTEREST_KIND_WORDS.map(([w]) => w));
const KIND_BY_WORD = new Map(INTEREST_KIND_WORDS.map(([w, k]) => [w.toLowerCase().replace(/\s+/g, ' '), k]));

export const DECLARATION_RULES: { rule: Rule; take: 'subject' | 'group' }[] = [
  { take: 'subject', rule: rule({
    id: 'declaration.declared',
    produces: 'declaration',
    reason: 'the declarer as the subject of declaring an interest: "X declared a personal interest in item 7", "X declared an interest", "X disclosed a disclosable pecuniary interest", "X made a declaration of a non-pecuniary interest"',
    pattern: new RegExp(`(?<verb>\\b(?:declared|disclosed|registered|made\\s+a\\s+declaration\\s+of|made\\s+declarations\\s+of|declare))\\s+(?:(?:an?|their|his|her|the\\s+following)\\s+)?(?:${KIND}\\s+)?(?:(?:and\\s+)?${KIND_WORDS}\\s+)?(?:interests?|connections?)\\b`, 'gi'),
    examples: [
      { text: 'Councillor Hale declared a non-pecuniary interest in item 7.', groups: { verb: 'declared', kind: 'non-pecuniary' } },
      { text: 'Cllr Osei declared an interest in the item.', groups: { verb: 'declared' } },
      { text: 'Councillor Vale disclosed a disclosable pecuniary interest.', groups: { kind: 'disclosable pecuniary' } },
    ],
    counterexamples: ['Members were invited to declare any interests.', 'The Committee declared the meeting open.'],
  }) },
  { take: 'group', rule: rule({
    id: 'declaration.passive',
    produces: 'declaration',
    reason: 'the declarer after "declared by": "A personal interest was declared by Cllr Osei", "Declarations of interest were made by X and Y"',
    pattern: new RegExp(`\\b(?:(?:an?\\s+)?(?:${KIND}\\s+)?interests?\\s+(?:was|were)\\s+declared|declarations?\\s+(?:of\\s+(?:${KIND_WORDS}\\s+)?interests?\\s+)?(?:was|were)\\s+made)\\s+by\\s+(?<who>[^.;]{2,300}?)(?=[.;]|\\s+(?:in|as|who|which|because|on|regarding|relating)\\b|$)`, 'gi'),
    examples: [{ text: 'A personal interest was declared by Councillor Osei in item 6.', groups: { kind: 'personal', who: 'Councillor Osei' } }],
    counterexamples: ['No interests were declared.'],
  }) },
  { take: 'group', rule: rule({
    id: 'declaration.list-entry',
    produces: 'declaration',
    reason: 'an entry of a list or table of declarations: "Cllr Vale – item 5 – other registrable interest", "Councillor Hale: personal interest, item 7 (governor)"',
    pattern: new RegExp(`(?:^|\\n|\\|)[ \\t]*(?:[-•·*][ \\t]*)?(?<who>(?:(?:County\\s+)?Councillor|Cllr\\.?|Mr|Mrs|Ms|Miss|Dr|Professor)\\s+[^\\n|:–—,;-]{2,80}?)[ \\t]*(?:[:–—|,;-][ \\t]*)+(?=[^\\n]{0,160}\\binterests?\\b)(?![^\\n]{0,40}\\bno\\s+interests?\\b)`, 'g'),
    examples: [{ text: 'Cllr Vale – item 5 – other registrable interest as a trustee.', groups: { who: 'Cllr Vale' } }],
    counterexamples: ['Cllr Vale – no interests to declare.'],
  }) },
];

const ITEM_REFERENCE = /\b(?:agenda\s+)?(?:item|minute|minutes|min\.?)\s+(?:no\.?\s*|number\s+)?(?<n>[A-Z]{0,6}\s?\d{1,6}(?:\s?[./]\s?\d{1,4})*[a-z]?)\b/i;
const BECAUSE = new RegExp(`(?:^|[\\s,(])(?:${alt(INTEREST_BECAUSE)})\\s+(?<what>[^;]{3,240}?)(?=\\s+${alt(INTEREST_AFTERMATH)}\\b|[;)]|\\.(?:\\s|$)|$)`, 'i');
/** The standing item where members are asked to declare: declarations there are about other items. */
const DECLARATIONS_ITEM = /\b(?:declarations?|disclosures?)\s+(?:of\s+)?(?:\w+\s+)?(?:interests?|pecuniary)\b|\binterests?\b/i;

function normaliseNumber(n: string): string {
  return n.toLowerCase().replace(/[^a-z0-9/.]+/g, '').replace(/[./]+$/, '');
}

interface ItemIndex {
  /** Normalised number → ordinals. */
  exact: Map<string, number[]>;
  /** Every tail of a number that starts after a separator ("CAB/7" under "cab/7" and "7"). */
  tails: Map<string, number[]>;
  titles: { ordinal: number; words: Set<string>; declarations: boolean }[];
}

/**
 * Built once per document: a declaration looks its item up by number or title, and a long
 * document has many of both (looking each up by scanning every item was quadratic).
 */
const indexes = new WeakMap<readonly SegmentedItem[], ItemIndex>();
function itemIndex(items: readonly SegmentedItem[]): ItemIndex {
  let index = indexes.get(items);
  if (index) return index;
  index = { exact: new Map(), tails: new Map(), titles: [] };
  const add = (map: Map<string, number[]>, key: string, ordinal: number) => {
    const list = map.get(key) ?? [];
    if (!list.includes(ordinal)) list.push(ordinal);
    map.set(key, list);
  };
  for (const i of items) {
    index.titles.push({ ordinal: i.ordinal, words: words(i.title), declarations: DECLARATIONS_ITEM.test(i.title) });
    if (!i.number) continue;
    const norm = normaliseNumber(i.number);
    add(index.exact, norm, i.ordinal);
    for (let p = 0; p < norm.length; p++) if (p === 0 || !/[0-9]/.test(norm[p - 1]!)) add(index.tails, norm.slice(p), i.ordinal);
  }
  indexes.set(items, index);
  return index;
}

function itemByNumber(items: readonly SegmentedItem[], n: string): number | null {
  const want = normaliseNumber(n);
  const index = itemIndex(items);
  const exact = index.exact.get(want) ?? [];
  if (exact.length === 1) return exact[0]!;
  // "item 7" against "7/24", "CAB/7": a number ending with it after a separator.
  const tail = index.tails.get(want) ?? [];
  return tail.length === 1 ? tail[0]! : null;
}

const STOP = new Set('the of and a an to for on in be that with by at from its it as is was were any item report update'.split(' '));
function words(s: string): Set<string> {
  return new Set(s.toLowerCase().replace(/['’]/g, '').split(/[^a-z0-9]+/).filter((w) => w.length > 2 && !STOP.has(w)));
}

/** An item named by title in the sentence ("in the item on School Places", "(Youth Justice Plan)"). */
function itemByTitle(items: readonly SegmentedItem[], sentence: string, except: number | null): number | null {
  const said = words(sentence);
  let best: { ordinal: number; share: number } | null = null;
  for (const i of itemIndex(items).titles) {
    if (i.ordinal === except || i.declarations) continue;
    const t = i.words;
    if (t.size < 2) continue;
    const shared = [...t].filter((w) => said.has(w)).length;
    const share = shared / t.size;
    if (shared >= 2 && share >= 0.75 && (!best || share > best.share)) best = { ordinal: i.ordinal, share };
  }
  return best?.ordinal ?? null;
}

function kindOf(word: string | undefined): InterestKind {
  if (!word) return 'UNSPECIFIED';
  return KIND_BY_WORD.get(word.toLowerCase().replace(/\s+/g, ' ')) ?? 'UNSPECIFIED';
}

/** What the interest is: the clause after "as", "being", "by virtue of", or a bracket. */
function interestOf(sentence: string, after: number): string {
  const rest = sentence.slice(after);
  const m = BECAUSE.exec(rest);
  let what = m?.groups?.what ?? /\((?<what>[^()]{3,200})\)/.exec(rest)?.groups?.what ?? '';
  what = what
    .replace(ITEM_REFERENCE, '')
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/^(?:a|an|the)\s+/i, '')
    .replace(/\s+(?:in|on|for|regarding|relating to|in relation to|in respect of)\s*$/i, '')
    .replace(/[\s,.;:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return what;
}


export function findDeclarations(text: string, doc: SegmentedDocument, index: MentionIndex): DeclarationClaim[] {
  const out: DeclarationClaim[] = [];
  const seen = new Set<string>();
  const push = (claim: DeclarationClaim) => {
    const key = `${claim.sentence.start}|${JSON.stringify(claim.who)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(claim);
  };
  const places: { item: SegmentedItem | null; span: Span }[] = [
    ...(doc.preamble.end > doc.preamble.start ? [{ item: null, span: doc.preamble }] : []),
    ...doc.items.map((i) => ({ item: i, span: { start: i.bodyStart, end: i.span.end } })),
  ];
  for (const place of places) {
    if (!/declar|disclos|interest/i.test(text.slice(place.span.start, place.span.end))) continue;
    const inDeclarationsItem = place.item === null || DECLARATIONS_ITEM.test(place.item.title);
    for (const sentence of splitSentences(text, place.span.start, place.span.end)) {
      const s = sentenceText(text, sentence);
      if (!/interest|connection/i.test(s)) continue;
      const mentions: Mention[] = index.within(sentence.start, sentence.end);
      if (mentions.length === 0) continue;
      for (const { rule: r, take } of DECLARATION_RULES) {
        for (const h of hits(r, text, sentence.start, sentence.start + s.length)) {
          const who = take === 'subject' ? subjectsOf(text, mentions, sentence, h.groups.verb!.start) : mentionsIn(mentions, h.groups.who);
          if (who.length === 0) continue;
          const local = h.end - sentence.start;
          const named = ITEM_REFERENCE.exec(s);
          let about = named ? itemByNumber(doc.items, named.groups!.n!) : null;
          about ??= itemByTitle(doc.items, s, place.item?.ordinal ?? null);
          if (about === null && !inDeclarationsItem) about = place.item!.ordinal;
          const kind = kindOf(h.text.kind ?? KIND_IN.exec(s.slice(h.start - sentence.start))?.groups?.kind);
          const interest = interestOf(s, take === 'group' && r.id === 'declaration.list-entry' ? h.end - sentence.start : local);
          for (const m of who) {
            push({ who: m.who, item: place.item?.ordinal ?? null, about, interest, kind, sentence, rule: r.id });
          }
        }
      }
    }
  }
  return out;
}

const KIND_IN = new RegExp(`\\b${KIND}\\s+(?:interests?|connections?)\\b`, 'i');

