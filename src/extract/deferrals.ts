/**
 * Business moved to a later meeting: "be moved to March 2026", "be delayed from today's
 * meeting and be presented to December's meeting", "would be deferred until the next meeting
 * on 20th September 17", "would be approved at the next business meeting in September".
 */
import type { SegmentedDocument } from '../segment/types.ts';
import { MONTH_PATTERN, monthNumber } from '../lexicon/months.ts';
import { findDates, nextMonthOnOrAfter } from '../text/dates.ts';
import { sentenceText, splitSentences } from '../text/sentences.ts';
import type { DeferralClaim } from './types.ts';

const MOVE = /\b(?:be|being|was|were|would be|had been|to be)\s+(moved|deferred|postponed|delayed|rescheduled|carried forward|put back|re-scheduled)\b/i;
const LATER_APPROVAL = /\b(?:would|will|to)\s+be\s+(approved|considered|agreed|signed)\s+at\s+(?:the|a)\s+(?:next|future|later|subsequent)\s+(?:business\s+)?meeting\b/i;
const FUTURE = /\b(?:a|the)\s+(?:future|later)\s+meeting\b/i;
const MONTH_MEETING = new RegExp(`\\b(${MONTH_PATTERN})(?:'s)?\\s+meeting\\b|\\bmeeting\\s+in\\s+(${MONTH_PATTERN})\\b`);
const SUBJECT_START = /(?:^|\bthat\s+|\bagreed\s+that\s+|\bsuggested\s+that\s+|\brequested\s+that\s+|;\s*|:\s*)(?!.*\bthat\s)/i;

/** The reference for months named without a year: the meeting date, else the municipal year. */
export function referenceDate(meetingDate: string | null, text: string): string | null {
  if (meetingDate) return meetingDate;
  const municipal = /\b(20\d{2})\s*\/\s*(?:20)?(\d{2})\b/.exec(text);
  if (municipal) return `${municipal[1]}-05-01`;
  return null;
}

function targetOf(clause: string, reference: string | null): { to: string | null; found: boolean } {
  const dates = findDates(clause);
  if (dates.length > 0) return { to: dates[dates.length - 1]!.iso, found: true };
  const month = MONTH_MEETING.exec(clause);
  if (month) {
    const n = monthNumber(month[1] ?? month[2]!);
    return { to: n ? nextMonthOnOrAfter(n, reference) : null, found: true };
  }
  if (FUTURE.test(clause) || /\bnext meeting\b/i.test(clause)) return { to: null, found: true };
  return { to: null, found: false };
}

function subjectOf(beforeVerb: string): string {
  const tail = beforeVerb.slice(-300);
  const m = SUBJECT_START.exec(tail);
  const from = m ? m.index + m[0].length : 0;
  return tail
    .slice(from)
    .replace(/^(?:-\s*)?(?:it was agreed that|it was suggested that|as a result,?)\s*/i, '')
    .replace(/\s+(?:scheduled|planned|due)\s+for\s+[^,]+,?\s*$/i, '')
    .replace(/\s+(?:were noted at this stage and|was noted at this stage and)\s*$/i, '')
    .replace(/^(?:the|that)\s+/i, '')
    .replace(/[\s,]+$/, '')
    .replace(/^.*?\s(?=(?:the|a)\s+(?:notes|minutes|report|item|update|consideration|review)\b)/i, '')
    .replace(/^(?:the|that)\s+/i, '')
    .trim();
}

export function findDeferrals(text: string, doc: SegmentedDocument, meetingDate: string | null, body: string | null): DeferralClaim[] {
  const out: DeferralClaim[] = [];
  const reference = referenceDate(meetingDate, text);
  for (const item of doc.items) {
    const seen = new Set<string>();
    for (const sentence of splitSentences(text, item.bodyStart, item.span.end)) {
      const s = sentenceText(text, sentence);
      const move = MOVE.exec(s);
      const later = move ? null : LATER_APPROVAL.exec(s);
      const verb = move ?? later;
      if (!verb) continue;
      const after = s.slice(verb.index + verb[0].length);
      const target = targetOf(later ? s.slice(verb.index) : after, reference);
      if (!target.found) continue;
      // "at the next meeting of the Corporate Parenting Panel": another body's business.
      const otherBody = /\bnext (?:business )?meeting of the ([A-Z][\w' -]+)/.exec(s);
      if (otherBody && body && !body.toLowerCase().includes(otherBody[1]!.trim().toLowerCase())) continue;
      let subject = subjectOf(s.slice(0, verb.index));
      if (/^(?:This|That|It|These|Those)\b/.test(subject)) continue;
      if (later && subject) subject = `${later[1] === 'approved' || later[1] === 'agreed' || later[1] === 'signed' ? 'approval' : 'consideration'} of ${subject}`;
      if (subject.split(/\s+/).length < 2) continue;
      const words = new Set(subject.toLowerCase().split(/\W+/).filter((w) => w.length > 3));
      const key = `${target.to}|${[...words].sort().slice(0, 3).join(' ')}`;
      if ([...seen].some((k) => k.split('|')[0] === `${target.to}` && [...words].filter((w) => k.includes(w)).length >= 2) || seen.has(key)) continue;
      seen.add(key);
      const by = /^(?:-\s*)?([A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|and|of|for|the))*)\s+requested\b/.exec(s)?.[1] ?? body;
      out.push({ item: item.ordinal, subject, to: target.to, by, sentence });
    }
  }
  return out;
}
