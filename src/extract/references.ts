/**
 * Sentences that point back at an earlier meeting's business: "Further to the request made at
 * the meeting on 5 March 2025, the Head of Service presented …", "as requested by the Panel",
 * "The plan had been deferred from the meeting on 24 June", "As agreed at the last meeting".
 * The date is the earlier meeting's (a day and month take their year from this meeting's date:
 * the most recent such day before it); "the last meeting" is the body's meeting just before.
 * Follow-through across meetings (src/resolve/follow.ts) links requests and deferrals on them.
 */
import type { SegmentedDocument } from '../segment/types.ts';
import { alt, firstHit, rule, type Rule } from '../rules/engine.ts';
import { ANSWERING_PHRASES, COMPLETING_PHRASES, NOT_DONE, PREVIOUS_MEETING, RECALLING_PHRASES, RETURNING_PHRASES } from '../lexicon/followups.ts';
import { MONTH_PATTERN, monthNumber } from '../lexicon/months.ts';
import { findDates } from '../text/dates.ts';
import { splitSentences, sentenceText } from '../text/sentences.ts';
import type { ReferenceClaim } from './types.ts';

export const REFERENCE_RULES: { rule: Rule; kind: ReferenceClaim['kind'] }[] = [
  { kind: 'request', rule: rule({
    id: 'reference.request',
    produces: 'request',
    reason: 'an item answering an earlier request: "Further to the request made at the meeting on …", "as requested by the Panel", "at the request of the Committee"',
    pattern: new RegExp(`(?<phrase>\\b${alt(ANSWERING_PHRASES)})\\b`, 'gi'),
    examples: [{ text: 'Further to the request made at the meeting on 5 March 2025, the Head of Service presented the figures.', groups: { phrase: 'Further to the request' } }],
    counterexamples: ['Members requested a further report.'],
  }) },
  { kind: 'deferral', rule: rule({
    id: 'reference.deferral',
    produces: 'deferral',
    reason: 'business returning after a deferral: "had been deferred from the meeting on 24 June", "held over from the last meeting"',
    pattern: new RegExp(`(?<phrase>\\b${alt(RETURNING_PHRASES)})\\b`, 'gi'),
    examples: [{ text: 'The plan had been deferred from the meeting on 24 June 2025.', groups: { phrase: 'had been deferred from' } }],
    counterexamples: ['The plan was deferred to the next meeting.'],
  }) },
  { kind: 'either', rule: rule({
    id: 'reference.recalled',
    produces: 'deferral',
    reason: 'an item recalling an earlier agreement: "As agreed at the meeting on 24 June", "as previously agreed"',
    pattern: new RegExp(`(?<phrase>\\b${alt(RECALLING_PHRASES)})\\b`, 'gi'),
    examples: [{ text: 'As agreed at the meeting on 24 June 2025, the evaluation was presented.', groups: { phrase: 'As agreed at the meeting' } }],
    counterexamples: ['The Panel agreed the report.'],
  }) },
  { kind: 'request', rule: rule({
    id: 'reference.completed',
    produces: 'request',
    reason: 'an action log or matters-arising entry saying what was asked for was done: "the breakdown … was circulated", "a visit had been arranged"',
    pattern: new RegExp(`(?<phrase>\\b${alt(COMPLETING_PHRASES)})\\b`, 'gi'),
    examples: [{ text: 'The breakdown of enquiries by ward had been circulated to members.', groups: { phrase: 'had been circulated' } }],
    counterexamples: ['The report would be presented in March.'],
  }) },
];

const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN})\\b(?!\\s*,?\\s*\\d{2,4})`);
const MONTH_MEETING = new RegExp(`\\b(?:the\\s+)?(${MONTH_PATTERN})(?:\\s+(\\d{4}))?(?:'s|’s)?\\s+meeting\\b|\\bmeeting\\s+(?:held\\s+)?in\\s+(${MONTH_PATTERN})(?:\\s+(\\d{4}))?`);
const PREVIOUS = new RegExp(`\\b${alt(PREVIOUS_MEETING)}\\b`, 'i');

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The year of a day and month said without one: the latest such date before `meeting`. */
function yearBefore(month: number, day: number | null, meeting: string | null): number | null {
  if (!meeting) return null;
  const [y, m, d] = meeting.split('-').map(Number) as [number, number, number];
  const before = month < m || (month === m && (day === null || day < (d ?? 32)));
  return before ? y : y - 1;
}

/** The earlier meeting a reference points at, read from the text after its phrase. */
export function referencedMeeting(rest: string, meetingDate: string | null): { date: string | null; previous: boolean } {
  const window = rest.slice(0, 160);
  const full = findDates(window).find((d) => d.iso.length === 10);
  if (full && (!meetingDate || full.iso < meetingDate)) return { date: full.iso, previous: false };
  const dm = DAY_MONTH.exec(window);
  if (dm) {
    const month = monthNumber(dm[2]!);
    const day = Number(dm[1]);
    const year = month ? yearBefore(month, day, meetingDate) : null;
    if (month && year) return { date: `${year}-${pad(month)}-${pad(day)}`, previous: false };
  }
  const mm = MONTH_MEETING.exec(window);
  if (mm) {
    const month = monthNumber(mm[1] ?? mm[3]!);
    const stated = mm[2] ?? mm[4];
    const year = stated ? Number(stated) : month ? yearBefore(month, null, meetingDate) : null;
    if (month && year) return { date: `${year}-${pad(month)}`, previous: false };
  }
  return { date: null, previous: PREVIOUS.test(window) };
}

export function findReferences(text: string, doc: SegmentedDocument): ReferenceClaim[] {
  const out: ReferenceClaim[] = [];
  const date = doc.header.date;
  for (const item of doc.items) {
    const body = text.slice(item.bodyStart, item.span.end);
    if (!/request|defer|held over|carried forward|postpon|agreed at|previously agreed|brought back|withdrawn from|asked|circulated|provided|shared|attached|appended|sent|arranged|took place|taken place|held|distributed|emailed|issued|completed|answered/i.test(body)) continue;
    for (const sentence of splitSentences(text, item.bodyStart, item.span.end)) {
      const s = sentenceText(text, sentence);
      for (const { rule: r, kind } of REFERENCE_RULES) {
        const h = firstHit(r, s);
        if (!h) continue;
        // "had not yet been provided": nothing was answered.
        if (r.id === 'reference.completed' && NOT_DONE.test(s)) continue;
        const at = referencedMeeting(s.slice(h.end), date);
        out.push({ item: item.ordinal, kind, date: at.date, previous: at.previous, sentence, rule: r.id });
        break;
      }
    }
  }
  return out;
}
