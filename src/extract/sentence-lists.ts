/**
 * Lists of people that a sentence introduces rather than a label: "Apologies for absence were
 * received from Councillors Vale and Marsh, Jo Bell and Ravi Shah.", "Apologies had been
 * received from Mr Reidy and Mrs Dean for whom Mr Lee was present as substitute.", "The following
 * members had sent their apologies:" followed by one name a line. The object of the sentence is
 * read as a list (src/extract/lists.ts), so the list vouches for names a lexicon does not know
 * ("and Maveen Pereira"), and bracketed notes inside it ("(Ms Horne attended as substitute)")
 * stay notes instead of becoming apologies.
 */
import type { AttendanceBlock } from '../segment/blocks.ts';
import type { SegmentedDocument } from '../segment/types.ts';
import { hits, rule } from '../rules/engine.ts';
import { splitSentences } from '../text/sentences.ts';

export const SENTENCE_LIST_RULES = {
  apologiesFrom: rule({
    id: 'apologies.received-from',
    produces: 'apologies',
    reason: 'apologies received, submitted, tendered, intimated or noted from or on behalf of a list of people',
    pattern: /\b[Aa]pologies(?:\s+for\s+(?:absence|lateness|non-attendance))?\s+(?:(?:had|have|has)\s+been\s+|were\s+|was\s+|are\s+)?(?:(?:received|submitted|tendered|intimated|noted|given|reported|presented|sent|recorded|offered|accepted)\s+)?(?:from|on\s+behalf\s+of|by)\b\s*:?-?\s*/g,
    examples: [
      { text: 'Apologies for absence were received from Councillors Vale and Marsh.' },
      { text: 'Apologies were intimated on behalf of Mr S Lee.' },
      { text: 'Apologies had been received from Mr Reidy and Mrs Dean.' },
    ],
    counterexamples: ['There were no apologies for absence.', 'Apologies for Absence'],
  }),
  followingSent: rule({
    id: 'apologies.following-list',
    produces: 'apologies',
    reason: 'a sentence that announces a list of apologies and ends in a colon, the names following one a line',
    pattern: /\b(?:the\s+following\s+(?:[\w-]+\s+){0,3}(?:had|have|has)\s+(?:sent|submitted|tendered|given)\s+(?:their\s+)?apologies|apologies\s+(?:for\s+absence\s+)?(?:were|had\s+been|have\s+been)\s+(?:received|submitted|tendered)(?:\s+(?:from|on\s+behalf\s+of)\s+the\s+following)?)\s*:\s*-?\s*$/gim,
    needs: /apologies/i,
    examples: [{ text: 'The following Committee Members had sent their apologies:' }],
    counterexamples: ['The following members were present:'],
  }),
};

/** Where the list in the object of a sentence stops: a clause about someone else. */
const CLAUSE_CUT = /\s+(?:for\s+whom|whom|who\s+(?:was|were|had|has)\s+(?:substituted|represented|replaced|deputised)|with\s+(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\b[^.]*?\b(?:attending|substituting|present)|but\s+(?:he|she|they)\b|however\b)/;

/** Where the item (or the preamble) holding `at` ends. */
function regionEnd(doc: SegmentedDocument, at: number, textEnd: number): number {
  for (const item of doc.items) if (item.span.start <= at && at < item.span.end) return item.span.end;
  const next = doc.items.find((i) => i.span.start > at);
  return next ? next.span.start : textEnd;
}

export function findSentenceLists(text: string, doc: SegmentedDocument): AttendanceBlock[] {
  const out: AttendanceBlock[] = [];
  const labelled = doc.blocks.filter((b) => b.kind === 'apologies').map((b) => b.content);
  const inLabelled = (at: number) => labelled.some((s) => at >= s.start - 40 && at < s.end);
  for (const h of hits(SENTENCE_LIST_RULES.followingSent, text)) {
    if (inLabelled(h.start)) continue;
    // The names follow, one a line; the list reader finds where they stop (prose, a heading).
    const start = h.end;
    const end = Math.min(regionEnd(doc, start, text.length), start + 6000);
    out.push({ kind: 'apologies', sub: false, label: text.slice(h.start, h.end).trim(), labelSpan: { start: h.start, end: h.end }, content: { start, end }, rule: h.rule.id });
  }
  for (const h of hits(SENTENCE_LIST_RULES.apologiesFrom, text)) {
    if (inLabelled(h.start) || out.some((b) => h.start >= b.labelSpan.start && h.start < b.content.end)) continue;
    // "Apologies were received from:" then one name a line.
    if (/:\s*-?\s*$/.test(text.slice(h.start, h.end)) && /^[ \t]*\n/.test(text.slice(h.end, h.end + 40))) {
      out.push({ kind: 'apologies', sub: false, label: 'apologies', labelSpan: { start: h.start, end: h.end }, content: { start: h.end, end: Math.min(regionEnd(doc, h.end, text.length), h.end + 6000) }, rule: h.rule.id });
      continue;
    }
    const sentence = splitSentences(text, h.end, Math.min(text.length, h.end + 1200))[0];
    let end = sentence ? sentence.end : h.end;
    const cut = CLAUSE_CUT.exec(text.slice(h.end, end));
    if (cut) end = h.end + cut.index;
    out.push({ kind: 'apologies', sub: false, label: 'apologies', labelSpan: { start: h.start, end: h.end }, content: { start: h.end, end }, rule: h.rule.id });
  }
  return out;
}
