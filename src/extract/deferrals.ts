/**
 * Business moved to a later meeting: "be moved to March 2026", "be delayed from today's
 * meeting and be presented to January's meeting", "would be deferred until the next meeting
 * on 20th September 17", "would be approved at the next business meeting in September".
 */
import type { SegmentedDocument } from '../segment/types.ts';
import { MONTH_PATTERN, monthNumber } from '../lexicon/months.ts';
import { findDates, nextMonthOnOrAfter } from '../text/dates.ts';
import { sentenceText, splitSentences } from '../text/sentences.ts';
import { namedDocumentsIn } from './strategies.ts';
import type { DeferralClaim } from './types.ts';

const MOVE = /\b(?:be|being|was|were|would be|had been|to be)\s+(moved|deferred|postponed|delayed|rescheduled|carried forward|put back|re-scheduled)\b/gi;
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

function targetOf(clause: string, reference: string | null): { to: string | null; found: boolean; next?: boolean } {
  const dates = findDates(clause);
  if (dates.length > 0) return { to: dates[dates.length - 1]!.iso, found: true };
  // "until the next meeting on 20th September": a day and month, in the year the meeting looks ahead to.
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN})\\b`).exec(clause);
  if (dayMonth) {
    const n = monthNumber(dayMonth[2]!);
    const ym = n ? nextMonthOnOrAfter(n, reference) : null;
    if (ym) return { to: `${ym}-${dayMonth[1]!.padStart(2, '0')}`, found: true };
  }
  const month = MONTH_MEETING.exec(clause);
  if (month) {
    const n = monthNumber(month[1] ?? month[2]!);
    return { to: n ? nextMonthOnOrAfter(n, reference) : null, found: true };
  }
  if (FUTURE.test(clause)) return { to: null, found: true };
  if (/\bnext meeting\b/i.test(clause)) return { to: null, found: true, next: true };
  return { to: null, found: false };
}

function subjectOf(beforeVerb: string): string {
  const tail = beforeVerb.slice(-300);
  const m = SUBJECT_START.exec(tail);
  const from = m ? m.index + m[0].length : 0;
  return tail
    .slice(from)
    .replace(/^(?:-\s*)?(?:it was agreed that|it was suggested that|as a result,?)\s*/i, '')
    .replace(/^(?:-\s*)?at the request of [^,]{3,120},\s*/i, '')
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
    let previous = '';
    for (const sentence of splitSentences(text, item.bodyStart, item.span.end)) {
      const s = sentenceText(text, sentence);
      if (!/\b(?:moved|deferred|postponed|delayed|rescheduled|re-scheduled|carried forward|put back|approved at|considered at|agreed at|signed at)\b/.test(s)) {
        previous = s;
        continue;
      }
      const moves = [...s.matchAll(MOVE)];
      const later = moves.length === 0 ? LATER_APPROVAL.exec(s) : null;
      const verbs: { index: number; end: number; later: RegExpExecArray | null }[] = later
        ? [{ index: later.index, end: later.index + later[0].length, later }]
        : moves.map((m) => ({ index: m.index, end: m.index + m[0].length, later: null }));
      let clauseStart = 0;
      for (const [k, verb] of verbs.entries()) {
        // One sentence may move two things: "X would be deferred until …, and that Y would be moved to …".
        const nextVerb = verbs[k + 1]?.index ?? s.length;
        const afterText = s.slice(verb.end, nextVerb);
        const clauseEnd = /,?\s+and\s+that\s|;\s/.exec(afterText);
        const after = clauseEnd ? afterText.slice(0, clauseEnd.index) : afterText;
        const target = targetOf(verb.later ? s.slice(verb.index, verb.end) + after : after, reference);
        const before = s.slice(clauseStart, verb.index);
        clauseStart = verb.end + (clauseEnd ? clauseEnd.index + clauseEnd[0].length : after.length);
        if (!target.found) continue;
        // "at the next meeting of the Corporate Parenting Panel": another body's business.
        const otherBody = /\bnext (?:business )?meeting of the ([A-Z][\w' -]+)/.exec(s);
        if (otherBody && body && !body.toLowerCase().includes(otherBody[1]!.trim().toLowerCase())) continue;
        let subject = subjectOf(before);
        if (/^(?:This|That|It|These|Those)\b/.test(subject)) continue;
        // "It was agreed that the report be moved …": the report the sentence before named.
        if (/^(?:report|item|update|strategy|plan|policy|paper)$/i.test(subject)) {
          const named = namedDocumentsIn(previous, { start: 0, end: previous.length });
          if (named.length === 0) continue;
          subject = named[named.length - 1]!.name;
        }
        if (verb.later && subject) subject = `${/approv|agree|sign/.test(verb.later[1]!) ? 'approval' : 'consideration'} of ${subject}`;
        if (subject.split(/\s+/).length < 2 && !/^[A-Z]/.test(subject)) continue;
        const words = new Set(subject.toLowerCase().split(/\W+/).filter((w) => w.length > 3));
        if ([...seen].some((k2) => k2.split('|')[0] === `${target.to}` && [...words].filter((w) => k2.includes(w)).length >= 2)) continue;
        seen.add(`${target.to}|${[...words].sort().slice(0, 3).join(' ')}`);
      const by = /^(?:-\s*)?([A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|and|of|for|the))*)\s+requested\b/.exec(s)?.[1] ?? body;
        out.push({ item: item.ordinal, subject, to: target.to, ...(target.next ? { next: true } : {}), by, sentence });
      }
      previous = s;
    }
  }
  return out;
}
