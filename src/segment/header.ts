/**
 * The meeting's header: which body met, when, and where. The date comes only from the header
 * ("Improving Lives Select Commission - Tuesday 10 February 2026 10.00 a.m.", a printed
 * "IMPROVING LIVES SELECT COMMISSION / Tuesday 4 November 2025"): the other dates in minutes
 * are other meetings', so a document without a header has no date.
 */
import { findDates } from '../text/dates.ts';
import { titleCase } from '../text/case.ts';
import type { Header, Span } from './types.ts';

const HEADER_WINDOW = 1500;
const BODY_HEAD = '(?:Commission|Committee|Sub-Committee|Panel|Board|Cabinet|Council|Forum|Group|Partnership|Assembly|Executive|Meeting)';
const DATED_TITLE = /^(?:The\s+Former\s+)?(.{3,120}?)\s+-\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4})/m;
const PRINTED_TITLE = /^([A-Z][A-Z ,&'()-]{5,100})\n+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4})\s*$/m;
const VENUE = /^Venue:\s*(.+)$/m;
const MET_AT = /\bmet at (?:the )?([^.\n]{3,80})\./;
const CONTACT = /^Contact:\s*(.+)$/m;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/;

/** Phrases that name the body whose minutes these are, when there is no header. */
const BODY_IN_TEXT = [
  new RegExp(`\\bmeetings? of the ((?:[A-Z][\\w'-]*\\s+|and\\s+|of\\s+|for\\s+|&\\s+){0,10}${BODY_HEAD})\\b`, 'g'),
  new RegExp(`\\b[Mm]inutes of the ((?:[A-Z][\\w'-]*\\s+|and\\s+|of\\s+|for\\s+|&\\s+){0,10}${BODY_HEAD}) meeting\\b`, 'g'),
  new RegExp(`^((?:[A-Z][\\w'-]*\\s+|and\\s+|of\\s+|for\\s+|&\\s+){0,10}${BODY_HEAD}) - Sub and Project Group Updates`, 'gm'),
  new RegExp(`\\b(?:The|the) ((?:[A-Z][\\w'-]*\\s+|and\\s+|of\\s+|for\\s+|&\\s+){1,10}${BODY_HEAD})(?:\\s+\\([A-Z]{2,6}\\))? (?:unanimously )?(?:agreed|resolved|considered|noted|received)\\b`, 'g'),
];

function span(start: number, length: number): Span {
  return { start, end: start + length };
}

function councilFromPlace(place: string): string | null {
  const beforePostcode = place.split(POSTCODE)[0] ?? place;
  const parts = beforePostcode
    .split(/[,.]/)
    .map((p) => p.trim())
    .filter((p) => p && !/\b(?:room|hall|centre|chamber|antechamber|extension|suite|annex|street|road|house|office|building|directions|floor|level|\\d)\b/i.test(p));
  const town = parts[parts.length - 1];
  if (!town || town.length > 40 || !/^[A-Za-z][A-Za-z' -]+$/.test(town)) return null;
  return titleCase(town.toLowerCase());
}

/** How strongly each pattern says "this is our body": approving its own minutes says most. */
const BODY_WEIGHTS = [1, 3, 3, 1];
const PREVIOUS_MINUTES = /minutes of the (?:previous )?meeting of the /i;

function bodyFromText(text: string): { name: string; span: Span } | null {
  const counts = new Map<string, { n: number; span: Span }>();
  for (const [p, pattern] of BODY_IN_TEXT.entries()) {
    for (const m of text.matchAll(pattern)) {
      const weight = PREVIOUS_MINUTES.test(text.slice(Math.max(0, m.index - 40), m.index + 30)) ? 3 : BODY_WEIGHTS[p]!;
      const name = m[1]!.replace(/\s+/g, ' ').trim();
      if (/^(?:Previous|Next|Last|Same|This|Full)\b/.test(name)) continue;
      const start = m.index + m[0].indexOf(m[1]!);
      const entry = counts.get(name) ?? { n: 0, span: span(start, m[1]!.length) };
      entry.n += weight;
      counts.set(name, entry);
    }
  }
  // "the Commission", "the Commission's remit": the body's own head noun used alone.
  for (const [name, entry] of counts) {
    const head = name.split(' ').pop()!;
    const alone = text.match(new RegExp(`\\b[Tt]he ${head}(?:'s)?\\b(?! of)`, 'g'))?.length ?? 0;
    entry.n += 0.5 * Math.max(0, alone - entry.n);
  }
  let best: { name: string; span: Span; n: number } | null = null;
  for (const [name, { n, span: s }] of counts) if (!best || n > best.n) best = { name, span: s, n };
  return best ? { name: best.name, span: best.span } : null;
}

export function parseHeader(text: string): Header {
  const head = text.slice(0, HEADER_WINDOW);
  let body: string | null = null;
  let bodySpan: Span | null = null;
  let date: string | null = null;
  let dateSpan: Span | null = null;

  const dated = DATED_TITLE.exec(head) ?? PRINTED_TITLE.exec(head);
  if (dated && !/^(?:Venue|Contact|Minutes)\b/.test(dated[1]!)) {
    const found = findDates(dated[2]!)[0];
    if (found) {
      const raw = dated[1]!.trim();
      body = /[a-z]/.test(raw) ? raw : titleCase(raw.toLowerCase());
      bodySpan = span(dated.index + dated[0].indexOf(dated[1]!), dated[1]!.length);
      date = found.iso;
      dateSpan = span(dated.index + dated[0].indexOf(dated[2]!), dated[2]!.length);
    }
  }
  // "# Northbridge Health and Wellbeing Board" / "Minutes of the meeting held on Tuesday 24 June 2025 …"
  const opening = /^(?:.*\n){0,3}?Minutes of the meeting held on ((?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4})/.exec(head.slice(0, 600));
  if (!date && opening) {
    const found = findDates(opening[1]!)[0];
    if (found) {
      date = found.iso;
      const at = opening.index + opening[0].length - opening[1]!.length;
      dateSpan = span(at, opening[1]!.length);
    }
  }
  const titleLine = new RegExp(`^((?:[A-Z][\\w'’-]*\\s+|and\\s+|of\\s+|for\\s+|&\\s+){0,10}${BODY_HEAD})\\s*$`, 'm').exec(head.slice(0, 300));
  if (!body && titleLine) {
    body = titleLine[1]!.trim();
    bodySpan = span(titleLine.index, titleLine[1]!.length);
  }
  if (!body) {
    const fromText = bodyFromText(text);
    if (fromText) ({ name: body, span: bodySpan } = fromText);
  }

  const venue = VENUE.exec(head);
  const met = MET_AT.exec(head);
  const council = venue ? councilFromPlace(venue[1]!) : met ? councilFromPlace(met[1]!) : null;

  const contactMatch = CONTACT.exec(head);
  const contact = contactMatch
    ? { text: contactMatch[1]!, span: span(contactMatch.index + contactMatch[0].indexOf(contactMatch[1]!), contactMatch[1]!.length) }
    : null;

  return { body, bodySpan, date, dateSpan, council, contact };
}
