/**
 * Business moved to a later meeting. Each family of phrasing is a rule (DEFERRAL_RULES):
 *
 *   "That consideration of X be deferred to the September 2025 meeting."   deferral.passive
 *   "X would be held over to a future meeting." / "the matter be deferred."  deferral.passive
 *   "it was agreed to defer X until the next meeting on 20th September"    deferral.active
 *   "X would be dealt with at the next Town Council meeting"               deferral.dealt-with-later
 *   "business adjourned until the next ordinary meeting of the Panel"  deferral.passive (adjourned)
 *   "X would be approved at the next business meeting in September"        deferral.later-approval
 *
 * The target is a date ("to 3 July 2025"), a month ("to the November meeting", placed after the
 * meeting date or in the municipal year), or none ("a future meeting", "the next meeting": null).
 * "The X had been deferred from the meeting on …" says where business came from: no deferral.
 */
import type { SegmentedDocument, SegmentedItem } from '../segment/types.ts';
import { ITEM_REFERENCE } from '../segment/unprinted.ts';
import { MONTH_PATTERN, monthNumber } from '../lexicon/months.ts';
import { hits, rule, type Rule } from '../rules/engine.ts';
import { findDates, nextMonthOnOrAfter } from '../text/dates.ts';
import { sentenceText, splitSentences } from '../text/sentences.ts';
import { namedDocumentsIn } from './strategies.ts';
import type { DeferralClaim } from './types.ts';

/** A bracket, with one bracket inside it at most, read as one piece. */
const BRACKET = String.raw`\([^()]*(?:\([^()]*\)[^()]*)*\)`;
const MOVED = '(?:deferred|postponed|delayed|rescheduled|re-scheduled|carried forward|put back|moved|held over|adjourned|brought back|referred)';

export const DEFERRAL_RULES: Rule[] = [
  rule({
    id: 'deferral.passive',
    produces: 'deferral',
    reason: 'business that "be / was / would be deferred, postponed, held over, carried forward, moved, adjourned, brought back or referred" (to a later meeting or month, or with no target: a future meeting)',
    pattern: new RegExp(`\\b(?<aux>be|being|was|were|would\\s+be|should\\s+be|will\\s+be|had\\s+been|has\\s+been|to\\s+be|is|are)\\s+(?:now\\s+)?(?<verb>${MOVED})(?<after>(?:(?!,?\\s+and\\s+that\\s)[^.;]){0,240})`, 'gi'),
    examples: [
      { text: 'That consideration of the Harbour Plan be deferred to the September 2025 meeting.', groups: { verb: 'deferred' } },
      { text: 'That the joint review be held over to a future meeting.', groups: { verb: 'held over' } },
      { text: 'Resolved that the matter be deferred.', groups: { verb: 'deferred' } },
      // A second business in the same sentence ("…, and that X be moved to …") is its own clause.
      { text: 'The Ferry Review would be deferred to May, and that the Pier Strategy would be moved to June.', groups: { verb: 'deferred', after: ' to May' } },
    ],
    counterexamples: ['The plan had been deferred from the meeting on 24 June 2025.', 'Annual statements to 1,214 deferred members were delayed.'],
  }),
  rule({
    id: 'deferral.active',
    produces: 'deferral',
    reason: '"agreed / decided / resolved / asked to defer X (to|until) Y", "defer X to Y"',
    // A bracket in what is moved is read whole ("Item 6 (Budget report (April to March))"), and a
    // point between digits ("at 6.00pm on 28 July") does not end the target.
    pattern: new RegExp(`\\b(?:to\\s+)?(?<verb>defer|postpone|hold\\s+over|carry\\s+forward|adjourn)\\s+(?<what>(?:consideration\\s+of\\s+)?(?:${BRACKET}|[^.;()]){3,240}?)\\s+(?:to|until)\\s+(?<after>(?:[^.;]|\\.(?=\\d)){3,200})`, 'gi'),
    examples: [
      { text: 'It was decided to defer the Harbour Update to an extra meeting on Thursday 28 July 2026.', groups: { verb: 'defer', what: 'the Harbour Update' } },
      { text: 'it was agreed to defer Item 4 (Rents (April to March)) to the meeting at 6.30pm on 2 May 2026.', groups: { verb: 'defer', what: 'Item 4 (Rents (April to March))', after: 'the meeting at 6.30pm on 2 May 2026' } },
    ],
    counterexamples: ['Members agreed to defer to the Chair on the matter.'],
  }),
  rule({
    id: 'deferral.headless',
    produces: 'deferral',
    reason: 'an item whose minute is only the move, with no subject: "Deferred to the Council meeting on 25 September.", "Held over to the May meeting." The item\'s own business moved',
    pattern: new RegExp(`^(?:-\\s*)?(?:(?:This\\s+)?[Ii]tem\\s+)?(?<verb>Deferred|Held\\s+over|Postponed|Carried\\s+forward|Adjourned|Rescheduled|Re-scheduled)\\b(?<after>[^.;]{0,200})`, 'g'),
    examples: [
      { text: 'Deferred to the Council meeting on 25 September 2019.', groups: { verb: 'Deferred', after: ' to the Council meeting on 25 September 2019' } },
      { text: 'Held over to the May meeting.', groups: { verb: 'Held over' } },
    ],
    counterexamples: ['The item was deferred.', 'Members deferred to the Chair.', 'Moved by the Mayor, seconded by the Deputy Mayor and RESOLVED that the minutes be approved.'],
  }),
  rule({
    id: 'deferral.elliptical',
    produces: 'deferral',
    reason: 'a second passive with its auxiliary left out: "the sitting was closed and consideration of business adjourned until the next meeting"',
    pattern: /\band\s+(?<what>(?:the\s+)?(?:consideration|discussion|determination|approval|remaining business|the remaining items|business)(?:\s+of\s+[^,.;]{2,80}?)?)\s+(?<verb>deferred|adjourned|postponed|held\s+over|carried\s+forward)\s+(?<after>(?:to|until)\s+[^.;]{3,160})/gi,
    examples: [{ text: 'The sitting was closed and consideration of business adjourned until the next ordinary meeting.', groups: { what: 'consideration of business', verb: 'adjourned' } }],
    counterexamples: ['The Chair thanked officers and the meeting adjourned.'],
  }),
  rule({
    id: 'deferral.dealt-with-later',
    produces: 'deferral',
    reason: 'business that "would be dealt with, considered, taken or discussed at the next / a future / a later meeting"',
    pattern: /\b(?:would|will|to|should|could)\s+be\s+(?<verb>dealt\s+with|considered|taken|discussed|looked\s+at|picked\s+up|revisited)\s+(?<after>at\s+(?:the|a|an)\s+(?:next|future|later|subsequent|extra|special|[A-Z][a-z]+)\b[^.;]{0,160}?\bmeeting\b[^.;]{0,80})/gi,
    examples: [{ text: 'The nomination would be dealt with at the next Town Council meeting.', groups: { verb: 'dealt with' } }],
    counterexamples: ['The report would be considered by Cabinet.'],
  }),
  rule({
    id: 'deferral.later-approval',
    produces: 'deferral',
    reason: 'business to be approved, agreed or signed at the next or a future meeting',
    pattern: /\b(?:would|will|to)\s+be\s+(?<verb>approved|considered|agreed|signed)\s+(?<after>at\s+(?:the|a)\s+(?:next|future|later|subsequent)\s+(?:business\s+)?meeting\b[^.;]{0,120})/gi,
    examples: [{ text: 'The notes would be approved at the next business meeting in September.', groups: { verb: 'approved' } }],
    counterexamples: ['The notes were approved at the meeting.'],
  }),
];

const FUTURE = /\b(?:a|the)\s+(?:future|later|subsequent)\s+(?:meeting|date)\b|\bin\s+due\s+course\b/i;
const NEXT = /\bnext\s+(?:\w+\s+){0,3}meeting\b/i;
const MONTH_MEETING = new RegExp(`\\b(${MONTH_PATTERN})(?:'s)?\\s+(?:\\d{4}\\s+)?meeting\\b|\\bmeeting\\s+(?:in|of)\\s+(${MONTH_PATTERN})\\b|\\b(?:to|until|in)\\s+(${MONTH_PATTERN})\\b(?!\\s+\\d)`);
const SUBJECT_START = /(?:^|\bthat,?\s+|\bagreed\s+that\s+|\bsuggested\s+that\s+|\brequested\s+that\s+|;\s*|:\s*|\b[a-z0-9]{1,2}\)\s*)(?!.*\bthat,?\s)/i;
/** Subjects that stand for the item's own business: read as the item's title. */
const ITEM_ITSELF = /^(?:the\s+|this\s+)?(?:matter|item|report|decision|application|update|presentation|paper|issue|it|business|consideration(?:\s+of\s+(?:the|this)\s+(?:item|matter|report|application))?)$/i;

/** The reference for months named without a year: the meeting date, else the municipal year. */
export function referenceDate(meetingDate: string | null, text: string): string | null {
  if (meetingDate) return meetingDate;
  const municipal = /\b(20\d{2})\s*\/\s*(?:20)?(\d{2})\b/.exec(text);
  if (municipal) return `${municipal[1]}-05-01`;
  return null;
}

const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_PATTERN})\\b`);

/** Where the business goes: a date, a month, or no date; `found` false when the clause names no later meeting. */
function targetOf(clause: string, reference: string | null, verb: string, aux = 'be'): { to: string | null; found: boolean; next?: boolean } {
  // "deferred from the meeting on 24 June": where business came from, unless it goes on somewhere.
  if (/^\s*from\b/i.test(clause)) {
    const onward = /\b(?:and\s+(?:be\s+)?(?:presented|brought|considered|moved|taken|submitted)\s+)?(?:to|until|at)\s+(?!the\s+(?:meeting|committee|panel|board)\s+on\b)(.+)$/i.exec(clause.replace(/^\s*from\s+\S+(?:\s+\S+){0,3}?\s+meeting\b/i, ''));
    if (!onward || !/\band\b|\bto\s+(?:the\s+)?(?:\w+\s+){0,2}meeting|\bto\s+\w+['’]s\s+meeting/i.test(clause)) return { to: null, found: false };
    clause = onward[0];
  }
  const dates = findDates(clause).filter((d) => d.iso.length >= 7);
  if (dates.length > 0) return { to: dates[dates.length - 1]!.iso, found: true };
  // "until the next meeting on 20th September": a day and month, in the year the meeting looks ahead to.
  const dayMonth = DAY_MONTH.exec(clause);
  if (dayMonth) {
    const n = monthNumber(dayMonth[2]!);
    const ym = n ? nextMonthOnOrAfter(n, reference) : null;
    if (ym) return { to: `${ym}-${dayMonth[1]!.padStart(2, '0')}`, found: true };
  }
  const month = MONTH_MEETING.exec(clause);
  if (month) {
    const n = monthNumber(month[1] ?? month[2] ?? month[3]!);
    return { to: n ? nextMonthOnOrAfter(n, reference) : null, found: true };
  }
  if (NEXT.test(clause)) return { to: null, found: true, next: true };
  if (FUTURE.test(clause)) return { to: null, found: true };
  // "be deferred", "be held over", "was adjourned": no target is a future meeting. "Moved",
  // "brought back" and "referred" need one to be a move at all.
  // "That the matter be deferred", "asked that the item be held over": a resolution with no target
  // is a future meeting; "had been delayed until 2026" (a Bill, an outside body) is no move of ours.
  if (/^(?:deferred|held over|adjourned)$/i.test(verb) && /^(?:be|to be|should be|would be|will be)$/i.test(aux.replace(/\s+/g, ' ')) && !/\b(?:until|to)\s+\d{4}\b/.test(clause)) return { to: null, found: true };
  return { to: null, found: false };
}

function subjectOf(beforeVerb: string): string {
  const tail = beforeVerb.slice(-300);
  const m = SUBJECT_START.exec(tail);
  const from = m ? m.index + m[0].length : 0;
  return tail
    .slice(from)
    .replace(/^(?:-\s*)?(?:it was (?:agreed|suggested|resolved|requested) that|as a result,?)\s*/i, '')
    .replace(/^(?:-\s*)?at the request of [^,]{3,120},\s*/i, '')
    .replace(/,?\s+(?:originally|previously|initially)\s+(?:programmed|scheduled|planned|due)\s+for\s+[^,]+,?\s*$/i, '')
    .replace(/\s+(?:scheduled|planned|due)\s+for\s+[^,]+,?\s*$/i, '')
    .replace(/\s+(?:were noted at this stage and|was noted at this stage and)\s*$/i, '')
    .replace(/^(?:the|that),?\s+/i, '')
    .replace(/[\s,]+$/, '')
    .replace(/^.*?\s(?=(?:the|a)\s+(?:notes|minutes|report|item|update|consideration|review)\b)/i, '')
    .replace(/^(?:the|that)\s+/i, '')
    .trim();
}

/** Items a clause names by number and title ("Item 5 (Leader's Update) and Item 6 (…)"). */
function itemsNamedIn(clause: string, doc: SegmentedDocument): SegmentedItem[] {
  const out: SegmentedItem[] = [];
  for (const h of hits(ITEM_REFERENCE, clause)) {
    const number = h.text.number!.toLowerCase();
    const it = doc.items.find((i) => i.number !== null && (/(\d+[a-z]?)\W*$/i.exec(i.number)?.[1]?.toLowerCase() ?? '') === number);
    if (it && !out.includes(it)) out.push(it);
  }
  return out;
}

export function findDeferrals(text: string, doc: SegmentedDocument, meetingDate: string | null, body: string | null): DeferralClaim[] {
  const out: DeferralClaim[] = [];
  const reference = referenceDate(meetingDate, text);
  // The preamble is read for business it moves by item number ("defer Item 5 (…) to …"), which
  // is recorded against the items it names; an item's own text for anything it moves.
  const scopes: { item: SegmentedItem | null; start: number; end: number }[] = [
    { item: null, start: doc.preamble.start, end: doc.preamble.end },
    ...doc.items.map((item) => ({ item, start: item.bodyStart, end: item.span.end })),
  ];
  for (const { item: scopeItem, start, end } of scopes) {
    const seen = new Set<string>();
    let previous = '';
    for (const sentence of splitSentences(text, start, end)) {
      const s = sentenceText(text, sentence);
      if (!/\b(?:deferr?|postpon|delay|reschedul|carried forward|put back|moved|held over|adjourn|brought back|referred|dealt with|considered at|approved at|agreed at|signed at|taken at|discussed at)/i.test(s)) {
        previous = s;
        continue;
      }
      let clauseStart = 0;
      const found = DEFERRAL_RULES.flatMap((r) => hits(r, s).map((h) => ({ r, h }))).sort((a, b) => a.h.start - b.h.start);
      for (const [k, { r, h }] of found.entries()) {
        if (found.some((o, j) => j < k && o.h.start <= h.start && h.start < o.h.end)) continue;
        const verb = h.text.verb!.replace(/\s+/g, ' ').toLowerCase();
        const nextStart = found[k + 1]?.h.start ?? s.length;
        let after = (h.text.after ?? '').slice(0, Math.max(0, nextStart - (h.groups.after?.start ?? h.end)));
        const clauseEnd = /,?\s+and\s+that\s|;\s/.exec(after);
        if (clauseEnd) after = after.slice(0, clauseEnd.index);
        const target = targetOf(after, reference, verb, h.text.aux ?? 'be');
        const before = h.text.what ?? s.slice(clauseStart, h.start);
        clauseStart = h.end;
        if (!target.found) continue;
        const named = itemsNamedIn(before, doc);
        if (named.length > 0) {
          for (const it of named) {
            if (out.some((d) => d.item === it.ordinal && d.sentence.start === sentence.start)) continue;
            out.push({ item: it.ordinal, subject: it.title, to: target.to, ...(target.next ? { next: true } : {}), by: body, sentence, rule: r.id });
          }
          continue;
        }
        if (!scopeItem) continue;
        const item = scopeItem;
        // "at the next meeting of the Corporate Parenting Panel": another body's business.
        const otherBody = /\bnext (?:business |ordinary |regular )?meeting of the ([A-Z][\w' -]+)/.exec(s);
        if (otherBody && body && !body.toLowerCase().includes(otherBody[1]!.trim().toLowerCase()) && !/^(?:Committee|Panel|Board|Commission|Council|Cabinet|Sub-Committee|Forum)$/.test(otherBody[1]!.trim())) continue;
        let subject = subjectOf(before);
        if (/^(?:This|That|It|These|Those)\b/.test(subject) && !ITEM_ITSELF.test(subject)) continue;
        // "consideration of the motion", "the Masterplan": a short reference to the item's own subject.
        const short = subject.replace(/^(?:consideration|approval|determination)\s+of\s+/i, '').replace(/^(?:the|this)\s+/i, '');
        const last = short.split(/\s+/).pop()?.toLowerCase() ?? '';
        if (short.split(/\s+/).length <= 2 && last.length > 3 && item.title.toLowerCase().includes(last)) subject = item.title;
        // "the matter be deferred": the item's own business.
        if (ITEM_ITSELF.test(subject) || subject === '') {
          const named = /^(?:report|strategy|plan|policy|paper)$/i.test(subject.replace(/^the\s+/i, '')) ? namedDocumentsIn(previous, { start: 0, end: previous.length }) : [];
          subject = named.length > 0 ? named[named.length - 1]!.name : item.title;
        }
        if (r.id === 'deferral.later-approval' && subject) subject = `${/approv|agree|sign/.test(verb) ? 'approval' : 'consideration'} of ${subject}`;
        if (subject.split(/\s+/).length < 2 && !/^[A-Z]/.test(subject)) continue;
        if (subject.length > 250) continue;
        const words = new Set(subject.toLowerCase().split(/\W+/).filter((w) => w.length > 3));
        if ([...seen].some((k2) => k2.split('|')[0] === `${target.to}` && [...words].filter((w) => k2.includes(w)).length >= 2)) continue;
        seen.add(`${target.to}|${[...words].sort().slice(0, 3).join(' ')}`);
        const by = /^(?:-\s*)?([A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|and|of|for|the))*)\s+requested\b/.exec(s)?.[1] ?? body;
        // One sentence, one business, read twice (to a date and to "a future meeting"): keep the date.
        const same = out.findIndex((d) => d.sentence.start === sentence.start && d.subject === subject);
        if (same >= 0) {
          if (out[same]!.to === null && target.to !== null) out[same] = { ...out[same]!, to: target.to, ...(target.next ? { next: true } : {}), rule: r.id };
          continue;
        }
        out.push({ item: item.ordinal, subject, to: target.to, ...(target.next ? { next: true } : {}), by, sentence, rule: r.id });
      }
      previous = s;
    }
  }
  return out;
}
