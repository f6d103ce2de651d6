/**
 * Item titles: cleaning printed ones ("... pdf icon PDF 113 KB"), telling a heading line from
 * prose, and inferring a title where the published text prints none, from the standard
 * business of English committee meetings ("There were no declarations of interest" is the
 * Declarations of Interest item wherever it is minuted).
 */
import { capitalisedRatio } from '../text/case.ts';
import { isGivenName } from '../lexicon/given-names.ts';

export type { BusinessKind } from '../lexicon/standard-items.ts';
import { STANDARD_ITEMS, type BusinessKind } from '../lexicon/standard-items.ts';
import { DOCUMENT_NAME } from '../lexicon/documents.ts';

const NOISE = /\s*(?:pdf icon\s*)?PDF\s+\d+(?:\.\d+)?\s*[KM]B\b|\s*Additional documents:?\s*$/gi;

export function cleanTitle(raw: string): string {
  return raw.replace(NOISE, '').replace(/\s+/g, ' ').trim();
}

export function standardKind(title: string): BusinessKind | null {
  const t = cleanTitle(title);
  for (const s of STANDARD_ITEMS) if (s.title.test(t)) return s.kind;
  return null;
}

export function openerKind(sentence: string): BusinessKind | null {
  const t = sentence.replace(/^(?:-\s*|\d+(?:\.\d+)*\s+)/, '');
  for (const s of STANDARD_ITEMS) if (s.openers.some((o) => o.test(t))) return s.kind;
  return null;
}

export function standardTitle(kind: BusinessKind): string {
  return STANDARD_ITEMS.find((s) => s.kind === kind)!.inferred;
}

const PROSE_START = /^(?:To|This|That|These|There|It|Its|He|She|They|We|Resolved|RESOLVED|Further|Following|In|At|On|Subject|Any|Agenda Item|Members|Consideration|Discussion|Reference|Also|Introductions around|Minutes:|Decision)\b/;
const VERB = /\b(?:was|were|is|are|had|has|have|would|will|be|been|being|noted|agreed|resolved|received|advised|explained|confirmed|reported|welcomed|asked|enquired|stated|introduced|presented|thanked|requested|highlighted)\b/;

/** Is this line an item heading rather than prose? */
export function isTitleLike(line: string): boolean {
  const raw = line.trim();
  if (raw.length < 3 || raw.length > 200) return false;
  const hasNoise = /\bpdf icon\b|\bPDF\s+\d+\s*KB\b/i.test(raw);
  const t = cleanTitle(raw);
  if (t.length < 3 || !/^[A-Z0-9'"(]/.test(t)) return false;
  if (/^-\s/.test(t) || /[:;,-]$/.test(t)) return false;
  const standard = standardKind(t) !== null;
  if (t.endsWith('.') && !(standard && t.split(/\s+/).length <= 8) && !hasNoise) return false;
  if (hasNoise) return true;
  if (PROSE_START.test(t)) return false;
  if (VERB.test(t)) return false;
  if (looksLikePersonLine(t)) return false;
  if (t.split(/\s+/).length > 25) return false;
  return standard || capitalisedRatio(t) >= 0.6;
}

/**
 * A title for an item that prints none, from its agenda or minutes wording:
 * "To consider and approve the Commission's Work Programme" → "Work Programme";
 * "This item will provide a high-level overview of the Draft SEND Sufficiency Strategy
 * 2026-2029 via ..." → "Draft SEND Sufficiency Strategy 2026-2029 Update".
 */
/**
 * The subject of a page that prints no heading at all (an excerpt of a decision page, a single
 * item's page): the document a resolution or an approval names ("That the Corporate Parenting
 * Strategy set out in Appendix 1 be approved", "sought approval of the Harbour Plan 2024-27"),
 * the fullest form the page gives it (with its years).
 */
export function inferPageTitle(text: string): string | null {
  const head = text.slice(0, 4000);
  const named = [...head.matchAll(new RegExp(`\\b(?:approval of|adoption of|approve|adopt|endorse|That|that)\\s+(?:the\\s+)?(?:proposed\\s+|draft\\s+|revised\\s+|refreshed\\s+|new\\s+)?(${DOCUMENT_NAME})`, 'g'))].map((m) => m[1]!.trim());
  if (named.length === 0) return null;
  const words = (s: string) => s.toLowerCase().replace(/\b(?:19|20)\d{2}(?:[-–/]\d{2,4})?\b/g, '').split(/\W+/).filter(Boolean).join(' ');
  const base = words(named[0]!);
  // The fullest form of the first document named: with its years where the page gives them.
  const forms = [...head.matchAll(new RegExp(DOCUMENT_NAME, 'g'))].map((m) => m[0].trim().replace(/^(?:(?:and|of|for|on|the|in|to|&)\s+)+/, '')).filter((f) => words(f) === base || words(f).endsWith(base));
  const withYears = forms.find((f) => /(?:19|20)\d{2}/.test(f));
  const pick = withYears ?? named[0]!;
  // "2013-16 Children and Young People's Plan" reads as "Children and Young People's Plan 2013-16".
  const lead = /^((?:19|20)\d{2}(?:[-–/]\d{2,4})?)\s+(.+)$/.exec(pick);
  return lead ? `${lead[2]} ${lead[1]}` : pick;
}

export function inferTitle(text: string): string | null {
  const first = text.trim().slice(0, 600);
  const kind = openerKind(first);
  if (kind === 'minutes') {
    // "That the minutes of the previous meeting held on 4 March 2025 be approved": a table dump's row.
    const held = /^(?:resolved:?\s*[-–]?\s*)?(?:that\s+)?(?:to (?:consider and )?approve (?:and sign )?)?the minutes of the (?:previous )?meeting[^.]*?held on ((?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}))/i.exec(first);
    return held ? `Minutes of the previous meeting held on ${held[1]}` : standardTitle('minutes');
  }
  if (kind) return standardTitle(kind);
  // "The Board to receive the Health and Wellbeing Strategy.": an agenda line naming its subject.
  const receive = /^(?:the\s+)?(?:board|committee|panel|commission|cabinet|council|forum|members)\s+(?:is\s+asked\s+)?to\s+(?:receive|consider|note|approve|agree|review|scrutinise)\s+(?:the\s+|a\s+|an\s+)?((?:[A-Z0-9(][\w'’()/-]*(?:[ \t]+|(?=[.,;\n]|$))|(?:and|of|for|on|the|in|to|&)[ \t]+){1,16})/i.exec(first);
  if (receive) {
    const phrase = receive[1]!.trim().replace(/\s+(?:and|of|for|on|the|in|to|&)$/, '').replace(/[.,;]$/, '');
    if (phrase.split(/\s+/).length >= 2) return phrase;
  }
  const subject = /\b(?:update|overview|report|information)(?: and progress)? (?:on|of) (?:the |a |an )?((?:[A-Z0-9(][\w'()/-]*(?:\s+|$)|(?:and|of|for|on|the|in|to|&)\s+){1,16})/.exec(first);
  if (subject) {
    const phrase = subject[1]!.trim().replace(/\s+(?:and|of|for|on|the|in|to|&)$/, '');
    if (phrase.split(/\s+/).length >= 2) return `${phrase} Update`;
  }
  return null;
}

const PERSON_TITLE = /^(?:County Councillor|Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]/;

/** "Cllr Jon Ashby", "Mark Ellery": a line that is a person's name, not a heading. */
export function looksLikePersonLine(line: string): boolean {
  const t = line.trim();
  if (PERSON_TITLE.test(t)) return t.split(/\s+/).length <= 6;
  const words = t.split(/\s+/);
  return words.length >= 2 && words.length <= 4 && isGivenName(words[0]!) && words.every((w) => /^[A-Z][a-z'-]+$|^[a-z]{2,3}$/.test(w));
}
