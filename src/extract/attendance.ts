/**
 * Who was there: the Present list, apologies for absence, and who was in the Chair
 * ("Councillor Brent (in the Chair)", "Cllr Jacqui Lay, in the Chair, made …",
 * "County Councillor Sue Prynn is the Chair of the Board").
 */
import { itemLocator } from '../segment/locate.ts';
import type { SegmentedDocument, Span } from '../segment/types.ts';
import { splitSentences } from '../text/sentences.ts';
import type { MentionIndex } from './mentions.ts';
import type { Claim, PersonOccurrence, SubstitutionClaim, Who } from './types.ts';
import { hits, rule } from '../rules/engine.ts';
import type { BlockPeople } from './people.ts';

const IN_THE_CHAIR = /^\s*,?\s*\(?\s*in the chair\s*\)?|^\s*\((?:Chair|Chairman|Chairwoman|Chairperson)\)|^\s*,?\s*presiding\b/i;
/** "Chair: Councillor Abbot", "Chairman:- Cllr Dyer" */
const CHAIR_LINE = /^\s*(?:Chair|Chairman|Chairwoman|Chairperson)\s*:-?\s*$/i;
const CHAIR_OF = /^\s*,\s*(?:the\s+)?Chair(?:man|person)? of (?:the\s+)?([A-Z][\w' &-]*?)(?=,|\s+(?!(?:of|for|and|the|on|in)\b)[a-z])/;
const IS_THE_CHAIR = /^\s+(?:is|was|be|had been (?:appointed|elected) as)\s+the\s+Chair(?:man)?\s+of\s+the\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)/;

function headNoun(name: string | null): string | null {
  return name ? name.trim().split(/\s+/).pop()!.toLowerCase() : null;
}

function sameBody(named: string, body: string | null): boolean {
  if (!body) return false;
  const a = named.toLowerCase().replace(/^the\s+/, '');
  const b = body.toLowerCase();
  return a === b || a === headNoun(body) || b.includes(a) || a.includes(b);
}

function claimsFor(index: MentionIndex, span: Span, item: number | null): Claim[] {
  return index
    .within(span.start, span.end)
    .filter((m) => m.who.kind === 'person')
    .map((m) => ({ who: m.who, item, sentence: span }));
}

export function findChair(text: string, people: PersonOccurrence[], body: string | null): Claim[] {
  const out: Claim[] = [];
  for (const p of people) {
    const after = text.slice(p.span.end, p.span.end + 160);
    const sentence = { start: p.span.start, end: p.span.end + Math.max(0, after.search(/[.;\n]/)) };
    // Only the 40 characters before a name can hold "Chair:" on its line.
    const before = text.slice(Math.max(0, p.span.start - 40), p.span.start);
    const nl = before.lastIndexOf('\n');
    const lineHead = nl >= 0 ? before.slice(nl + 1) : p.span.start <= 40 ? before : null;
    if (IN_THE_CHAIR.test(after) || (lineHead !== null && CHAIR_LINE.test(lineHead))) {
      out.push({ who: { kind: 'person', occurrence: p.id }, item: p.item, sentence });
    }
    const chairOf = CHAIR_OF.exec(after) ?? IS_THE_CHAIR.exec(after);
    if (chairOf && sameBody(chairOf[1]!, body)) out.push({ who: { kind: 'person', occurrence: p.id }, item: p.item, sentence });
  }
  return out;
}

/** The evidence sentence for a list entry: its label and the entry when they are near, else the entry's line. */
function entrySentence(text: string, labelStart: number, entry: Span): Span {
  if (entry.start - labelStart <= 240) return { start: labelStart, end: entry.end };
  const lineStart = text.lastIndexOf('\n', entry.start) + 1;
  return { start: Math.max(lineStart, entry.start - 120), end: entry.end };
}

/** Members present, chairs, apologies and substitutions read from attendance blocks. */
export function blockClaims(text: string, blocks: BlockPeople[]): { present: Claim[]; chair: Claim[]; apologies: Claim[]; substitutions: SubstitutionClaim[] } {
  const out = { present: [] as Claim[], chair: [] as Claim[], apologies: [] as Claim[], substitutions: [] as SubstitutionClaim[] };
  for (const { block, entries } of blocks) {
    for (const e of entries) {
      const who: Who = { kind: 'person', occurrence: e.occurrence };
      const sentence = entrySentence(text, block.labelSpan.start, e.span);
      const claim = (rule: string): Claim => ({ who, item: null, sentence, rule });
      if (block.kind === 'present') out.present.push(claim(`${block.rule}/present`));
      // "Cllr Lee attended as a substitute for Cllr Ash" inside an apologies list: Lee came.
      if (block.kind === 'apologies' && e.substituteFor === null) out.apologies.push(claim(`${block.rule}/apologies`));
      if (e.chair && (block.kind === 'present' || block.kind === 'others')) out.chair.push(claim(`${block.rule}/chair`));
      if (e.substituteFor !== null) out.substitutions.push({ who, for: { kind: 'person', occurrence: e.substituteFor }, sentence, rule: 'substitute.list-note' });
      if (e.substitutedBy !== null) out.substitutions.push({ who: { kind: 'person', occurrence: e.substitutedBy }, for: who, sentence, rule: 'substitute.list-note' });
      if (block.kind === 'substitutes' && e.substituteFor === null) out.substitutions.push({ who, for: null, sentence, rule: `${block.rule}/substitutes` });
    }
  }
  return out;
}

export const APOLOGY_RULES = {
  subjectSent: rule({
    id: 'apologies.subject-sent',
    produces: 'apologies',
    reason: 'people as the subject of sending apologies: "X sent apologies", "X had also sent his apologies", "X submitted her apologies", "X\'s apologies were noted"',
    pattern: /(?<verb>(?:['’]s)?\s+(?:(?:had|has|have)\s+)?(?:also\s+)?(?:sent|submitted|tendered|gave|given|offered|forwarded|passed on)\s+(?:his|her|their|its)?\s*apologies\b|(?:['’]s)?\s+apologies\s+(?:were|was|had been)\s+(?:received|submitted|noted|tendered|given|recorded))/g,
    examples: [
      { text: 'Councillors Ash and Vale sent apologies.' },
      { text: 'Councillor Paul Ash had also sent his apologies in advance.' },
      { text: 'Cllr Dadds apologies were submitted.' },
    ],
    counterexamples: ['The Chair sent a letter.'],
  }),
};

/** Apologies said of their senders ("X sent apologies"); lists of apologies are read as lists. */
export function findApologies(text: string, doc: SegmentedDocument, index: MentionIndex, blocks: BlockPeople[] = []): Claim[] {
  const out: Claim[] = [];
  const itemAt = itemLocator(doc);
  const listed = blocks.filter((b) => b.block.kind === 'apologies').map((b) => b.block.content);
  for (const h of hits(APOLOGY_RULES.subjectSent, text)) {
    if (listed.some((s) => h.start >= s.start && h.start < s.end)) continue;
    // The senders: the names just before, joined by commas or "and", back to the sentence start.
    const lineStart = Math.max(text.lastIndexOf('\n', h.start) + 1, text.lastIndexOf('. ', h.start) + 2, h.start - 300);
    const before = index.within(lineStart, h.start).filter((m) => m.who.kind === 'person');
    const subjects: typeof before = [];
    let at = h.start;
    for (let i = before.length - 1; i >= 0; i--) {
      const m = before[i]!;
      const gap = text.slice(m.span.end, at);
      if (!/^(?:\s*|\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s*\([^()]{0,80}\)\s*)$/.test(gap) && at !== h.start) break;
      if (at === h.start && !/^\s*(?:\([^()]{0,80}\))?\s*$/.test(gap)) break;
      subjects.push(m);
      at = m.span.start;
    }
    const sentence = { start: subjects.length > 0 ? subjects[subjects.length - 1]!.span.start : h.start, end: h.end };
    for (const m of subjects) out.push({ who: m.who, item: itemAt(m.span.start), sentence, rule: h.rule.id });
  }
  return out;
}
