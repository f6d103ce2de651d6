/**
 * Item titles: cleaning printed ones ("... pdf icon PDF 113 KB"), telling a heading line from
 * prose, and inferring a title where the published text prints none, from the standard
 * business of English committee meetings ("There were no declarations of interest" is the
 * Declarations of Interest item wherever it is minuted).
 */
import { capitalisedRatio } from '../text/case.ts';
import { isGivenName } from '../lexicon/given-names.ts';

export type BusinessKind =
  | 'apologies'
  | 'declarations'
  | 'minutes'
  | 'questions'
  | 'exclusion'
  | 'urgent'
  | 'work-programme'
  | 'communications'
  | 'public-participation'
  | 'next-meeting'
  | 'chairs-business';

const STANDARD_TITLES: [BusinessKind, RegExp, string][] = [
  ['apologies', /^(?:introductions and )?apologies\b/i, 'Apologies for Absence'],
  ['declarations', /^declarations? of (?:[a-z ]{0,40})?interests?\b/i, 'Declarations of Interest'],
  ['minutes', /^(?:minutes|notes) of the (?:previous )?meeting\b|^minutes$/i, 'Minutes of the Previous Meeting'],
  ['questions', /^(?:public )?questions (?:from|by) (?:members of )?the public\b/i, 'Questions from Members of the Public and the Press'],
  ['exclusion', /^exclusion of the (?:press and public|public and press)\b/i, 'Exclusion of the Press and Public'],
  ['urgent', /^urgent (?:business|items?)\b/i, 'Urgent Business'],
  ['work-programme', /\bwork programme\b/i, 'Work Programme'],
  ['communications', /^communications\b/i, 'Communications'],
  ['public-participation', /^public (?:participation|statements|requests to speak)\b/i, 'Public Participation'],
  ['next-meeting', /^date and time of (?:the )?next meeting\b/i, 'Date and Time of the Next Meeting'],
  ['chairs-business', /^chair(?:man)?'s (?:business|announcements)\b/i, "Chair's Announcements"],
];

/** Sentences that open a standard item when no title is printed. */
const OPENERS: [BusinessKind, RegExp][] = [
  ['declarations', /^(?:there were no|no) declarations of (?:[a-z ]{0,40})?interests?\b|^to (?:receive|note|invite)\b[^.]{0,60}\bdeclar/i],
  ['communications', /^to receive (?:any )?communications\b/i],
  ['apologies', /^to receive (?:any )?apologies\b|^apologies (?:for absence )?were (?:received|noted)\b/i],
  ['minutes', /^(?:resolved:?\s*-?\s*)?that the minutes of the (?:previous )?meeting\b|^to (?:consider and )?approve (?:and sign )?the minutes\b/i],
  ['questions', /^there were no questions from members of the public\b|^to receive questions from (?:members of )?the public\b/i],
  ['exclusion', /^there were no items of business on the agenda that required the exclusion\b/i],
  ['urgent', /^there (?:was|were) no (?:items of )?urgent business\b/i],
  ['public-participation', /^there was no public participation\b/i],
  ['work-programme', /^to consider (?:and approve )?the [^.]{0,60}\bwork programme\b/i],
];

const NOISE = /\s*(?:pdf icon\s*)?PDF\s+\d+(?:\.\d+)?\s*[KM]B\b|\s*Additional documents:?\s*$/gi;

export function cleanTitle(raw: string): string {
  return raw.replace(NOISE, '').replace(/\s+/g, ' ').trim();
}

export function standardKind(title: string): BusinessKind | null {
  const t = cleanTitle(title);
  for (const [kind, pattern] of STANDARD_TITLES) if (pattern.test(t)) return kind;
  return null;
}

export function openerKind(sentence: string): BusinessKind | null {
  for (const [kind, pattern] of OPENERS) if (pattern.test(sentence)) return kind;
  return null;
}

export function standardTitle(kind: BusinessKind): string {
  return STANDARD_TITLES.find(([k]) => k === kind)![2];
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
export function inferTitle(text: string): string | null {
  const first = text.trim().slice(0, 600);
  const kind = openerKind(first);
  if (kind === 'minutes') {
    const held = /minutes of the (?:previous )?meeting[^.]*?held on ((?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}))/i.exec(first);
    return held ? `Minutes of the previous meeting held on ${held[1]}` : standardTitle('minutes');
  }
  if (kind) return standardTitle(kind);
  const subject = /\b(?:update|overview|report|information)(?: and progress)? (?:on|of) (?:the |a |an )?((?:[A-Z0-9(][\w'()/-]*(?:\s+|$)|(?:and|of|for|on|the|in|to|&)\s+){1,16})/.exec(first);
  if (subject) {
    const phrase = subject[1]!.trim().replace(/\s+(?:and|of|for|on|the|in|to|&)$/, '');
    if (phrase.split(/\s+/).length >= 2) return `${phrase} Update`;
  }
  return null;
}

const PERSON_TITLE = /^(?:County Councillor|Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]/;

/** "Cllr Jon Hubbard", "Mark Elliott": a line that is a person's name, not a heading. */
export function looksLikePersonLine(line: string): boolean {
  const t = line.trim();
  if (PERSON_TITLE.test(t)) return t.split(/\s+/).length <= 6;
  const words = t.split(/\s+/);
  return words.length >= 2 && words.length <= 4 && isGivenName(words[0]!) && words.every((w) => /^[A-Z][a-z'-]+$|^[a-z]{2,3}$/.test(w));
}
