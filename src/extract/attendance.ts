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
import type { BlockPeople } from './people.ts';

const APOLOGIES = /\bapologies\b[^.\n]{0,80}?\b(?:from|on behalf of)\b\s*:?-?\s*|^Apologies(?: for absence)?\s*:-?\s*(?=\S)/gim;
const NAME_LINE = /^(?:-\s*)?(?:(?:County Councillor|Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}(?:\s*\([^)]*\))?[.;,]?$/;
const IN_THE_CHAIR = /^\s*,?\s*\(?\s*in the chair\s*\)?|^\s*\((?:Chair|Chairman|Chairwoman|Chairperson)\)|^\s*,?\s*presiding\b/i;
/** "Chair: Councillor Abbot", "Chairman:- Cllr Dyer" */
const CHAIR_LINE = /^\s*(?:Chair|Chairman|Chairwoman|Chairperson)\s*:-?\s*$/i;
const CHAIR_OF = /^\s*,\s*(?:the\s+)?Chair(?:man)? of (?:the\s+)?([A-Z][\w' &-]*?)(?=,|\s+(?:welcomed|opened|introduced|thanked|advised))/;
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
      if (block.kind === 'apologies') out.apologies.push(claim(`${block.rule}/apologies`));
      if (e.chair && (block.kind === 'present' || block.kind === 'others')) out.chair.push(claim(`${block.rule}/chair`));
      if (e.substituteFor !== null) out.substitutions.push({ who, for: { kind: 'person', occurrence: e.substituteFor }, sentence, rule: 'substitute.list-note' });
      if (e.substitutedBy !== null) out.substitutions.push({ who: { kind: 'person', occurrence: e.substitutedBy }, for: who, sentence, rule: 'substitute.list-note' });
      if (block.kind === 'substitutes' && e.substituteFor === null) out.substitutions.push({ who, for: null, sentence, rule: `${block.rule}/substitutes` });
    }
  }
  return out;
}

export function findApologies(text: string, doc: SegmentedDocument, index: MentionIndex, blocks: BlockPeople[] = []): Claim[] {
  const out: Claim[] = [];
  const itemAt = itemLocator(doc);
  const listed = blocks.filter((b) => b.block.kind === 'apologies').map((b) => b.block.content);
  for (const m of text.matchAll(APOLOGIES)) {
    if (listed.some((s) => m.index >= s.start - 20 && m.index < s.end)) continue;
    const start = m.index + m[0].length;
    const item = itemAt(m.index);
    let end: number;
    const restOfLine = text.slice(start, text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start)).trim();
    if (/:\s*-?\s*$/.test(m[0]) && (restOfLine === '' || /:[ \t]*-?[ \t]*\n/.test(m[0]))) {
      // "Apologies were received from:" followed by one name a line.
      end = start;
      const lines = text.slice(start, start + 2000).split('\n');
      let offset = start;
      for (const line of lines) {
        const trimmed = line.trim();
        if (trimmed !== '' && !NAME_LINE.test(trimmed)) break;
        offset += line.length + 1;
        if (trimmed !== '') end = offset;
      }
    } else {
      const sentences = splitSentences(text, start, Math.min(text.length, start + 600));
      end = sentences[0]?.end ?? start;
    }
    const sentence = { start: m.index, end };
    for (const c of claimsFor(index, { start, end }, item)) out.push({ ...c, sentence });
  }
  return out;
}
