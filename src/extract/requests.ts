/**
 * What the body asked for: "Requested that additional information be provided to the
 * Panel on the dredging programme", "Members requested that …", and resolutions that arrange
 * something ("That a date be arranged to enable the panel to conduct a site visit …").
 */
import type { SegmentedDocument } from '../segment/types.ts';
import { sentenceText, splitSentences } from '../text/sentences.ts';
import { looksLikeOrg } from '../lexicon/roles.ts';
import type { RequestClaim } from './types.ts';

const REQUESTED = /\b(?:([A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|and|of|for|the))*)\s+)?[Rr]equested\s+(?:that\s+)?(?!by\b|in\b|at\b|from\b|to\b|on\b|for\b)(.+)$/;
const ARRANGED = /(?:^|[;(]\s*|\b[a-z]\)\s*)[Tt]hat\s+((?:a|an|the|further|additional)\s+[^;]{3,300}?\s+be\s+(?:arranged|provided|circulated|submitted|brought|scheduled|prepared|produced|shared|sought)\b[^;]*)/;
/** Phrases that say how, not what: "be provided to the Commission", "be arranged". */
const HOW = /\s+be\s+(?:provided|arranged|circulated|made available|shared|submitted|sent)(?:\s+to\s+(?:the\s+)?(?:Commission|Committee|Panel|Board|members(?:\s+of\s+the\s+\w+)?|Members(?:\s+of\s+the\s+\w+)?))?/;
const PURPOSE = /^.*?\bto enable the (?:panel|committee|commission|board|members|council)\s+to\s+(?:conduct|undertake|carry out|receive|hold|consider|make)\s+/i;

function tidy(text: string): string {
  return text
    .replace(/,?\s*(?:and\s+)?\([a-z0-9]{1,3}\)\s.*$/, '')
    .replace(HOW, '')
    .replace(PURPOSE, '')
    .replace(/\s+at its [A-Z][a-z]+ \d{4} meeting$/, '')
    .replace(/^(?:the|that)\s+/i, '')
    .replace(/[\s.;:,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function findRequests(text: string, doc: SegmentedDocument, body: string | null): RequestClaim[] {
  const out: RequestClaim[] = [];
  for (const item of doc.items) {
    const seen = new Set<string>();
    for (const sentence of splitSentences(text, item.bodyStart, item.span.end)) {
      const s = sentenceText(text, sentence);
      if (!/equested|\bbe (?:arranged|provided|circulated|submitted|brought|scheduled|prepared|produced|shared|sought)\b/.test(s)) continue;
      const requested = /equested/.test(s) ? REQUESTED.exec(s) : null;
      const arranged = requested ? null : ARRANGED.exec(s);
      const raw = requested?.[2] ?? arranged?.[1];
      if (!raw) continue;
      const requestText = tidy(raw);
      if (requestText.split(/\s+/).length < 2 || seen.has(requestText.toLowerCase())) continue;
      seen.add(requestText.toLowerCase());
      const subject = requested?.[1]?.trim();
      const by = subject && looksLikeOrg(subject) ? subject : body;
      out.push({ item: item.ordinal, text: requestText, by, sentence });
    }
  }
  return out;
}
