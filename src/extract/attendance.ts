/**
 * Who was there: the Present list, apologies for absence, and who was in the Chair
 * ("Councillor Brent (in the Chair)", "Cllr Jacqui Lay, in the Chair, made …",
 * "County Councillor Sue Prynn is the Chair of the Board").
 */
import { itemLocator } from '../segment/locate.ts';
import type { SegmentedDocument, Span } from '../segment/types.ts';
import { splitSentences } from '../text/sentences.ts';
import type { MentionIndex } from './mentions.ts';
import type { Claim, PersonOccurrence } from './types.ts';

const PRESENT_HEADING = /^(?:PRESENT|Present)\b\s*:?-?\s*/m;
const APOLOGIES = /\bapologies\b[^.\n]{0,80}?\b(?:from|on behalf of)\b\s*:?-?\s*|^Apologies(?: for absence)?\s*:-?\s*(?=\S)/gim;
const NAME_LINE = /^(?:-\s*)?(?:(?:County Councillor|Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}(?:\s*\([^)]*\))?[.;,]?$/;
const NOT_MEMBERS = /^(?:Officers? in attendance|In attendance|Also (?:in attendance|present)|Officers present|Apologies)\b/i;
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

/** The "Present:-" block: paragraphs of names after the heading, up to the first without any. */
export function findPresent(text: string, doc: SegmentedDocument, index: MentionIndex): Claim[] {
  const region = text.slice(doc.preamble.start, doc.preamble.end);
  const heading = PRESENT_HEADING.exec(region);
  if (!heading) return [];
  const out: Claim[] = [];
  let pos = doc.preamble.start + heading.index;
  for (let guard = 0; guard < 6; guard++) {
    const blank = text.indexOf('\n\n', pos);
    const end = Math.min(blank < 0 ? doc.preamble.end : blank, doc.preamble.end);
    const span = { start: pos, end };
    if (NOT_MEMBERS.test(text.slice(pos, end).trim())) break;
    const claims = claimsFor(index, span, null);
    if (claims.length === 0) break;
    out.push(...claims);
    if (end >= doc.preamble.end) break;
    pos = end + 2;
  }
  return out;
}

export function findApologies(text: string, doc: SegmentedDocument, index: MentionIndex): Claim[] {
  const out: Claim[] = [];
  const itemAt = itemLocator(doc);
  for (const m of text.matchAll(APOLOGIES)) {
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
