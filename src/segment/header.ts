/**
 * The meeting's header: which body met, when, and where. The date comes only from the header,
 * never from the minutes' running text: the other dates in minutes are other meetings' (the
 * previous meeting's minutes, the next meeting), so a document without a header has no date.
 *
 * The families, each a rule below: a dated title line ("Harbour Scrutiny Panel – 19 March 2013");
 * the body on one line and the date on the next ("Families Overview and Scrutiny Committee /
 * Thursday, 20th June, 2019 1.30 pm"); the opening sentence ("Minutes of the meeting of Thirsk
 * Town Council held on Monday 16 April 2012", "A meeting of the X was held on", "The X met at …
 * on"); a labelled date ("Date: Wednesday, 14th April, 2010", "Date of decision: 16/10/2013").
 * Where no header names the body, the text's own references to it decide ("Resolved that the
 * minutes of the Scrutiny Programme Committee held on … be approved", "The Cabinet welcomed").
 */
import { isFurniture } from '../lexicon/furniture.ts';
import { BODY_HEADS } from '../lexicon/bodies.ts';
import { alt, firstHit, hits, rule, type Hit } from '../rules/engine.ts';
import { titleCase } from '../text/case.ts';
import { findDates } from '../text/dates.ts';
import { MONTH_PATTERN } from '../lexicon/months.ts';
import type { Header, Span } from './types.ts';

const HEADER_WINDOW = 1500;
const HEAD = alt(BODY_HEADS);
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun|MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)(?:day|DAY),?\\s+)?';
const DATE = `${WEEKDAY}\\d{1,2}(?:st|nd|rd|th|ST|ND|RD|TH)?\\s+(?:of\\s+)?${MONTH_PATTERN},?\\s+\\d{4}`;
/** Text that may run between "held" and "on DATE": a venue, wrapped over a line or two. */
const VENUE_RUN = '(?:[^\\n]|\\n(?!\\s*\\n)){0,200}?';
const NUMERIC_DATE = '\\d{1,2}/\\d{1,2}/\\d{2,4}';
/** A body's name: capitalised words (and the small words between them) ending in a body word. */
const NAME = `(?:[A-Z][\\w'’&()/.-]*,?\\s+|and\\s+|of\\s+|for\\s+|the\\s+|on\\s+|&\\s+|-\\s+){0,12}${HEAD}(?:\\s+(?:on|for)\\s+[A-Z][\\w'’&-]*(?:\\s+(?:and\\s+)?[A-Z][\\w'’&-]*){0,4})?(?:\\s+\\([A-Za-z' ]{2,60}\\))?(?:\\s+-\\s+[A-Z][\\w'’&]*(?:\\s+(?:and|&|of)?\\s*[A-Z][\\w'’&]*){0,5})?`;
const UPPER_HEAD = alt(BODY_HEADS.map((h) => h.toUpperCase()));
/** A body's name in capitals: it still ends in a body word ("… SCRUTINY COMMITTEE (SACRE)"). */
const UPPER_NAME = `[A-Z][A-Z0-9'’&().,/ -]{0,120}?${UPPER_HEAD}(?:\\s+(?:ON|FOR)\\s+[A-Z][A-Z'’&-]*(?:\\s+(?:AND\\s+)?[A-Z][A-Z'’&-]*){0,4})?(?:\\s+\\([A-Z0-9 &]{2,30}\\))?`;

export const HEADER_RULES = {
  titleLine: rule({
    id: 'meeting.dated-title',
    produces: 'meeting.date',
    reason: 'a title line naming the body, a dash, and the date: ModernGov pages, printed headers',
    pattern: new RegExp(`^(?:The\\s+Former\\s+)?(?<body>[^\\n]{3,140}?)\\s+[-–]\\s+(?<date>${DATE})`, 'm'),
    examples: [
      { text: 'Harbour Scrutiny Panel - Tuesday 3 March 2026 10.00 a.m.', groups: { body: 'Harbour Scrutiny Panel', date: 'Tuesday 3 March 2026' } },
      { text: 'Licensing Committee – 19 March 2013', groups: { body: 'Licensing Committee', date: '19 March 2013' } },
    ],
    counterexamples: ['Minutes - see the attached report'],
  }),
  titleComma: rule({
    id: 'meeting.dated-title-comma',
    produces: 'meeting.date',
    reason: 'a title line "Meeting of X, DATE" or "X, DATE" where X ends in a body word',
    pattern: new RegExp(`^(?:Meeting of\\s+(?:the\\s+)?)?(?<body>${NAME}),\\s+(?<date>${DATE})`, 'm'),
    examples: [{ text: 'Meeting of Harbour Wellbeing Board, Wednesday, 24th September, 2025 2.00 pm', groups: { body: 'Harbour Wellbeing Board', date: 'Wednesday, 24th September, 2025' } }],
    counterexamples: ['The Board, on 4 March 2025, agreed'],
  }),
  dateFirstLine: rule({
    id: 'meeting.date-first-line',
    produces: 'meeting.date',
    reason: 'the page opens with the date and the time: "11 September 2018 at 6.00pm at the Council House"',
    pattern: new RegExp(`^[ \\t]*(?<date>${DATE})\\s+(?:at\\s+)?\\d{1,2}[.:]?\\d{0,2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)`, 'i'),
    examples: [{ text: '11 September 2018 at 6.00pm at the Council House,', groups: { date: '11 September 2018' } }],
    counterexamples: ['The Committee met on 11 September 2018 at 6pm'],
  }),
  meetingLabel: rule({
    id: 'meeting.body-label',
    produces: 'meeting.body',
    reason: 'a labelled field naming the body: "Meeting: X", "Committee: X", "Meeting of: X"',
    pattern: new RegExp(`^(?:Meeting|Committee|Body|Meeting of|Board|Panel)\\s*:[ \\t]*(?<body>[^\\n]{3,140}?)[ \\t]*$`, 'm'),
    examples: [{ text: 'Meeting:  Audit and Governance Committee', groups: { body: 'Audit and Governance Committee' } }],
    counterexamples: ['Meeting: 4 March 2026'],
  }),
  upperBeforePresent: rule({
    id: 'meeting.name-before-present',
    produces: 'meeting.body',
    reason: 'a body\'s name in capitals running straight into the attendance: "AUDIT AND GOVERNANCE COMMITTEE PRESENT:" (text whose line breaks were lost)',
    pattern: new RegExp(`(?<body>(?:[A-Z][A-Z'’&,-]*\\s+){0,10}${alt(BODY_HEADS.map((h) => h.toUpperCase()))})\\s+(?:PRESENT|Present)\\s*:`),
    examples: [{ text: 'DRAFT MINUTES – subject to confirmation AUDIT AND GOVERNANCE COMMITTEE PRESENT: Councillor Ash', groups: { body: 'AUDIT AND GOVERNANCE COMMITTEE' } }],
    counterexamples: ['The Committee Present: noted'],
  }),
  bodyThenDate: rule({
    id: 'meeting.body-line-then-date',
    produces: 'meeting.date',
    reason: 'the body on its own line and the date on the next (or after a blank line), perhaps with a time before or after it',
    pattern: new RegExp(`^(?<body>(?:${NAME})(?:\\s+Minutes)?|${UPPER_NAME})[ \\t]*\\n(?:[ \\t]*\\n){0,3}(?:[ \\t]*(?:Minutes|MINUTES|Draft Minutes|Agenda and minutes)[ \\t]*\\n(?:[ \\t]*\\n){0,2})?[ \\t]*(?:\\d{1,2}[.:]\\d{2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?\\s*[-–]?\\s*)?(?<date>${DATE})`, 'm'),
    examples: [
      { text: 'Families Overview and Scrutiny Committee\nThursday, 20th June, 2019 1.30 pm', groups: { body: 'Families Overview and Scrutiny Committee', date: 'Thursday, 20th June, 2019' } },
      { text: 'Harbour Panel\n\n4.00pm6 March 2023', groups: { body: 'Harbour Panel', date: '6 March 2023' } },
    ],
    counterexamples: ['The Committee\nnoted the report on 3 March 2026'],
  }),
  bodyAndDateLine: rule({
    id: 'meeting.body-date-line',
    produces: 'meeting.date',
    reason: 'the body and the date on one line with no dash: "Corporate Parenting Board 24 June 2010"',
    pattern: new RegExp(`^(?<body>${NAME})[ \\t]+(?<date>${DATE})[ \\t]*$`, 'm'),
    examples: [{ text: 'Harbour Safety Board 24 June 2010', groups: { body: 'Harbour Safety Board', date: '24 June 2010' } }],
    counterexamples: ['Resolved that the Board note the report of 24 June 2010'],
  }),
  opening: rule({
    id: 'meeting.opening-sentence',
    produces: 'meeting.date',
    reason: 'the opening sentence: "Minutes of (a/the) meeting of X held at … on DATE", "MINUTE of MEETING of X held in …", "A meeting of the X was held on", "The X met at … on"; the venue may wrap over lines',
    pattern: new RegExp(
      `(?:^|[.\\n*]\\s*|(?<!(?:approve|confirm|sign|agree|receive|note|adopt|of)\\s(?:the\\s)?)\\s)(?:\\d+\\s+)?(?:(?:MINUTES|Minutes|Minute|MINUTE)\\s+(?:OF|of)\\s+(?!(?:the\\s+|THE\\s+)?(?:previous|last|earlier|PREVIOUS|LAST|Previous|Last)\\b)(?:(?:a|an|the|A|AN|THE)\\s+)?(?:(?:annual|extraordinary|special|ordinary|reconvened|ANNUAL|EXTRAORDINARY|SPECIAL|Annual|Extraordinary|Special|Ordinary)\\s+)?(?:(?:Meeting|MEETING|meeting|hearing|Hearing|HEARING|session|Session)\\s+(?:of|OF)\\s+)?(?:(?:the|THE)\\s+)?(?<body1>[A-Z][^\\n]{1,160}?)\\s+(?:(?:PUBLIC\\s+|public\\s+)?(?:MEETING|Meeting|meeting)\\s+)?(?:HELD|[Hh]eld)\\b${VENUE_RUN}(?:\\b(?:ON|on)\\s+|\\n\\s*)(?<date1>${DATE})|A\\s+meeting\\s+of\\s+(?:the\\s+)?(?<body2>[A-Z][^\\n]{2,120}?)\\s+was\\s+held\\b${VENUE_RUN}\\bon\\s+(?<date2>${DATE})|The\\s+(?<body3>[A-Z][^\\n]{2,120}?)\\s+met\\s+(?:at|in)\\b${VENUE_RUN}\\bon\\s+(?<date3>${DATE}))`,
    ),
    examples: [
      { text: 'Minutes of the Meeting of Ashby Town Council held on Monday 16 April 2012 at the Town Hall.', groups: { body1: 'Ashby Town Council', date1: 'Monday 16 April 2012' } },
      { text: 'MINUTES of a meeting of the Fenby Scrutiny Committee held in\nCommittee Room A, Fenby Town Hall, on Tuesday 17 June 2025 at 6.00 pm', groups: { body1: 'Fenby Scrutiny Committee', date1: 'Tuesday 17 June 2025' } },
      { text: 'MINUTES OF THE ANNUAL MEETING OF THE AUTHORITY HELD AT THE FIRE STATION, ALDERBY ON FRIDAY 20 JUNE 2025', groups: { body1: 'AUTHORITY', date1: 'FRIDAY 20 JUNE 2025' } },
      { text: 'A meeting of the Harbour Safety Board was held on 24 June 2010.', groups: { body2: 'Harbour Safety Board', date2: '24 June 2010' } },
      { text: 'The County Council of Westmoor met at County Hall, Kirkby on 20 June 2019', groups: { body3: 'County Council of Westmoor', date3: '20 June 2019' } },
      { text: 'Minutes of the Meeting of the Board held in Public\nThursday 19 June 2025, 10:00', groups: { body1: 'Board', date1: 'Thursday 19 June 2025' } },
    ],
    counterexamples: ['To approve the minutes of the meeting held on 4 March 2025.', 'Minutes of the Previous Meeting held on 2nd December, 2025'],
  }),
  openingNoBody: rule({
    id: 'meeting.opening-no-body',
    produces: 'meeting.date',
    reason: 'a header sentence that gives the date with a time or venue but no body: "Minutes of the meeting held on Tuesday 4 February 2025 at 1.30 pm, Council Chamber"',
    pattern: new RegExp(`^[*#\\s]*(?:Minutes|MINUTES) (?:of|OF) (?:the|a|THE|A) (?:meeting|MEETING|hearing|HEARING|Meeting|Hearing) (?:held|HELD)(?: (?:at|in|AT|IN) [^\\n]{3,120}?)?(?:\\s+(?:on|ON))?\\s+(?<date>${DATE})(?:,)?\\s+(?:(?:at|AT|commencing at)\\s+\\d|(?:at|in|AT|IN)\\s+(?:the|THE)\\s+[A-Z]|\\d{1,2}[.:]\\d{2})`, 'm'),
    examples: [
      { text: '**Minutes of the meeting held on Tuesday 4 February 2025 at 1.30 pm, Council Chamber', groups: { date: 'Tuesday 4 February 2025' } },
      { text: 'MINUTES OF THE MEETING HELD ON TUESDAY 7 OCTOBER 2025 AT 4.30 PM IN THE', groups: { date: 'TUESDAY 7 OCTOBER 2025' } },
      { text: 'Minutes of a hearing held at the Council Offices, Mill Street, Ashby on\nWednesday 6 August 2025 commencing at 10.00 am', groups: { date: 'Wednesday 6 August 2025' } },
    ],
    counterexamples: ['Minutes of the meeting held on 4 March 2025 pdf icon PDF 100 KB', 'To approve the minutes of the meeting held on 4 March 2025 at 2 pm'],
  }),
  dateLabel: rule({
    id: 'meeting.date-label',
    produces: 'meeting.date',
    reason: 'a labelled date in a header: "Date: …", "Date of meeting:", "Meeting date:", "Date of decision: 16/10/2013", "Date Time Venue Thursday, 27 June 2019"',
    pattern: new RegExp(`(?:(?:^|\\n|\\s{2}|\\t)(?:Date(?: of (?:meeting|decision))?|Meeting date|Date and time)\\s*:?|(?:^|\\s)(?:Date(?: of (?:meeting|decision))?|Meeting date|Date and time)\\s*:|(?:^|\\s)Date\\s+Time(?:\\s+Venue)?)[ \\t]*\\n?[ \\t]*(?<date>${DATE}|${NUMERIC_DATE})`),
    examples: [
      { text: 'Date:\nWednesday, 14th April, 2010', groups: { date: 'Wednesday, 14th April, 2010' } },
      { text: 'Date of decision: 16/10/2013', groups: { date: '16/10/2013' } },
    ],
    counterexamples: ['The date of the next meeting is 4 March 2026'],
  }),
  decidedAt: rule({
    id: 'meeting.decided-at',
    produces: 'meeting.body',
    reason: 'a decision record naming the meeting: "Decided at meeting: 16/10/2013 - Council Assembly"',
    pattern: new RegExp(`Decided at meeting:\\s*(?<date>${NUMERIC_DATE}|${DATE})\\s*[-–]\\s*(?<body>[^\\n]{3,120})`),
    examples: [{ text: 'Decided at meeting: 16/10/2013 - Council Assembly', groups: { date: '16/10/2013', body: 'Council Assembly' } }],
    counterexamples: ['Decision Maker: Cabinet'],
  }),
  colonMinutes: rule({
    id: 'meeting.name-colon-minutes',
    produces: 'meeting.body',
    reason: 'a page title "X: Minutes" or "X Minutes"',
    pattern: new RegExp(`^(?:\\d+\\s+)?(?<body>${NAME}):?\\s+Minutes\\b`, 'm'),
    examples: [{ text: 'Fenland and Wisbech Combined Authority: Minutes Date: Wednesday 24 March 2021', groups: { body: 'Fenland and Wisbech Combined Authority' } }],
    counterexamples: ['The Committee noted the minutes'],
  }),
  nameLine: rule({
    id: 'meeting.name-line',
    produces: 'meeting.body',
    reason: 'a line near the top that is only a body\'s name',
    pattern: new RegExp(`^[ \\t#*|]*(?<body>${NAME}|${UPPER_NAME})[ \\t*|]*$`, 'gm'),
    examples: [{ text: 'Harbour Scrutiny Panel\n', groups: { body: 'Harbour Scrutiny Panel' } }, { text: '| Wyndham Health and Wellbeing Board | | |\n', groups: { body: 'Wyndham Health and Wellbeing Board' } }, { text: '       STANDING ADVISORY COUNCIL ON RELIGIOUS EDUCATION (SACRE)\n', groups: { body: 'STANDING ADVISORY COUNCIL ON RELIGIOUS EDUCATION (SACRE)' } }],
    counterexamples: ['The Panel noted the report.'],
  }),
};

/** Phrases in running text that name the body whose minutes these are, each with its weight. */
const BODY_IN_TEXT: [RegExp, number][] = [
  [new RegExp(`\\b[Mm]inutes of (?:the (?:previous |last )?)?(?:meeting of )?(?:the )?(${NAME})(?: meeting)?(?:,)? held on\\b`, 'g'), 3],
  [new RegExp(`\\b[Mm]inutes of the (${NAME}) meeting\\b`, 'g'), 3],
  [new RegExp(`\\bmeetings? of the (${NAME})\\b`, 'g'), 1],
  [new RegExp(`^(${NAME}) - Sub and Project Group Updates`, 'gm'), 3],
  [new RegExp(`\\b(?:The|the) (${NAME})(?:\\s+\\([A-Z]{2,6}\\))? (?:unanimously )?(?:agreed|resolved|considered|noted|received|welcomed|was informed|were informed|to receive|discussed|approved|endorsed|requested|thanked)\\b`, 'g'), 1],
];

const GENERIC_BODY = /^(?:the\s+)?(?:committee|board|panel|commission|council|forum|group|meeting|sub-committee|partnership|authority|executive)$/i;
const NOT_A_BODY = /^(?:Previous|Next|Last|Same|This|Any|Each|Every|Other|Relevant|Appropriate|Above|Following|Minutes|Agenda|Members|Date|Chair|Vice|Deputy|Forward Plan|Work Programme|Report)\b|\b(?:held|meeting of|minutes of)\b|,\s+(?:the|a)\s/i;

function span(start: number, length: number): Span {
  return { start, end: start + length };
}

/** "NHS DERBY AND DERBYSHIRE ICB BOARD PUBLIC MEETING" → "NHS Derby and Derbyshire ICB Board". */
export function cleanBody(raw: string): string {
  let t = raw.replace(/\s+/g, ' ').trim();
  t = t.replace(/^(?:the|THE|The Former)\s+/, '').replace(/\s+(?:public\s+)?(?:meeting|minutes)$/i, '').replace(/[\s:,.;-]+$/, '').replace(/^(?:Minutes?|MINUTES?)\s+of\s+(?:the\s+)?(?:Meeting\s+(?:of\s+)?)?/i, '');
  return /[a-z]/.test(t) ? t : titleCase(t.toLowerCase());
}

const ENDS_IN_HEAD = new RegExp(`${HEAD}(?:\\s+\\([^)]*\\))?(?:\\s+-\\s+.+)?$`, 'i');

/** A body name fit to name a meeting: not a bare head word, not a fragment of a sentence. */
function usableBody(name: string): boolean {
  const t = name.trim();
  if (t.length < 3 || t.length > 140 || NOT_A_BODY.test(t)) return false;
  if (GENERIC_BODY.test(t) && !/^(?:Council|Cabinet|Executive)$/i.test(t)) return false;
  return ENDS_IN_HEAD.test(t) || /^[A-Z][A-Za-z&' ,-]+$/.test(t);
}

/** dd/mm/yyyy as UK minutes print it. */
function numericDate(raw: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(raw);
  if (!m) return null;
  const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const mo = Number(m[2]);
  const d = Number(m[1]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dateOf(raw: string): string | null {
  return numericDate(raw.trim()) ?? findDates(raw)[0]?.iso ?? null;
}

function groupSpan(h: Hit, name: string): Span | null {
  return h.groups[name] ?? null;
}

function bodyFromText(text: string): { name: string; span: Span } | null {
  const counts = new Map<string, { n: number; span: Span }>();
  for (const [pattern, weight] of BODY_IN_TEXT) {
    for (const m of text.matchAll(pattern)) {
      const name = cleanBody(m[1]!);
      if (!usableBody(name)) continue;
      const start = m.index + m[0].indexOf(m[1]!);
      const entry = counts.get(name) ?? { n: 0, span: span(start, m[1]!.length) };
      entry.n += weight;
      counts.set(name, entry);
    }
  }
  // "the Commission", "the Commission's remit": the body's own head noun used alone.
  for (const [name, entry] of counts) {
    const head = name.split(' ').pop()!.replace(/[^\w-]/g, '');
    if (!head) continue;
    const alone = text.match(new RegExp(`\\b[Tt]he ${head}(?:'s)?\\b(?! of)`, 'g'))?.length ?? 0;
    entry.n += 0.5 * Math.max(0, alone - entry.n);
  }
  let best: { name: string; span: Span; n: number } | null = null;
  for (const [name, { n, span: s }] of counts) if (!best || n > best.n || (n === best.n && name.length > best.name.length)) best = { name, span: s, n };
  return best ? { name: best.name, span: best.span } : null;
}

const VENUE = /^(?:Venue|Place|Location):\s*(.+)$/m;
const MET_AT = /\bmet at (?:the )?([^.\n]{3,80})(?:\.|\bon\b)/;
const CONTACT = /^Contact:\s*(.+)$/m;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/;
/** "Stockton-on-Tees Borough Council": a council's name printed above the body's. */
const COUNCIL_LINE = /^[ \t]*(?:The\s+|THE\s+)?(?:[A-Z][\w'’&-]*\s+){1,6}(?:(?:Metropolitan\s+|METROPOLITAN\s+)?(?:Borough|BOROUGH)|City|CITY|County|COUNTY|District|DISTRICT|Town|TOWN|Parish|PARISH|Community|COMMUNITY|Unitary|UNITARY)?\s*(?:Council|COUNCIL)[ \t]*$/m;

function councilFromPlace(place: string): string | null {
  const beforePostcode = place.split(POSTCODE)[0] ?? place;
  const parts = beforePostcode
    .split(/[,.]/)
    .map((p) => p.trim())
    .filter((p) => p && !/\b(?:room|hall|centre|chamber|antechamber|extension|suite|annex|street|road|house|office|offices|building|directions|floor|level|virtual|meeting|teams|zoom|online|\d)\b/i.test(p));
  const town = parts[parts.length - 1];
  if (!town || town.length > 40 || !/^[A-Za-z][A-Za-z' -]+$/.test(town)) return null;
  return titleCase(town.toLowerCase());
}

export function parseHeader(text: string): Header {
  const head = text.slice(0, HEADER_WINDOW);
  // Each rule proposes; the more explicit statement wins (lower rank first), whatever its order.
  let body: { name: string; span: Span | null; rank: number } | null = null;
  let date: { iso: string; span: Span | null; rank: number } | null = null;
  const proposeBody = (raw: string, at: Span | null, rank: number) => {
    const name = cleanBody(raw);
    if (!usableBody(name) || (body && body.rank <= rank)) return;
    body = { name, span: at, rank };
  };
  const proposeDate = (raw: string, at: Span | null, rank: number): boolean => {
    const iso = dateOf(raw);
    if (!iso || iso.length < 10) return false;
    if (!date || date.rank > rank) date = { iso, span: at, rank };
    return true;
  };
  const nameLines = (upTo: number) => hits(HEADER_RULES.nameLine, text.slice(0, upTo)).filter((h) => !isFurniture(h.text.body!) && usableBody(cleanBody(h.text.body!)));

  // 1. The opening sentence: "Minutes of the meeting of X held … on DATE".
  const openingHit = firstHit(HEADER_RULES.opening, head.slice(0, 900));
  // Inside a sentence ("Resolved that the Minutes of the X held on …") it is a previous meeting's.
  const opening = openingHit && !/\b(?:that|the|of|to|approve|approved|confirm|sign|signed|agree|agreed|receive|note|adopt|adopted|and)\s*$/i.test(head.slice(Math.max(0, openingHit.start - 24), openingHit.start + 1)) && (openingHit.start < 300 || /(?:^|[.\n*])\s*$/.test(head.slice(Math.max(0, openingHit.start - 3), openingHit.start + 1))) ? openingHit : null;
  if (opening) {
    for (const k of ['1', '2', '3']) {
      const named = opening.text[`body${k}`];
      if (!named) continue;
      const name = cleanBody(named);
      if (GENERIC_BODY.test(name)) {
        // "of the COUNCIL", "of the Authority": its full name is the name line above ("OXENHOLT BOROUGH COUNCIL").
        const headWord = name.split(/\s+/).pop()!.toLowerCase();
        const line = nameLines(opening.start + 1).map((h) => h.text.body!).find((n) => cleanBody(n).toLowerCase().endsWith(headWord));
        if (line) proposeBody(line, null, 1);
        proposeDate(opening.text[`date${k}`]!, groupSpan(opening, `date${k}`), 2);
      } else if (usableBody(name)) {
        proposeBody(named, groupSpan(opening, `body${k}`), 1);
        proposeDate(opening.text[`date${k}`]!, groupSpan(opening, `date${k}`), 2);
      }
    }
  }
  // 2. A dated title line: "X - Tuesday 3 March 2026", "Meeting of X, Wednesday, 24th September, 2025".
  for (const [r, rank] of [[HEADER_RULES.titleLine, 1], [HEADER_RULES.titleComma, 1], [HEADER_RULES.bodyThenDate, 3], [HEADER_RULES.bodyAndDateLine, 3]] as const) {
    for (const h of hits(r, head)) {
      const rawBody = h.text.body!;
      if (isFurniture(rawBody) || /^(?:Venue|Contact|Date|Time|Place|Held)\b|^Minutes$/i.test(rawBody)) continue;
      if (proposeDate(h.text.date!, groupSpan(h, 'date'), rank)) {
        proposeBody(rawBody, groupSpan(h, 'body'), rank + 1);
        break;
      }
    }
  }
  const noBody = firstHit(HEADER_RULES.openingNoBody, head.slice(0, 400));
  if (noBody) proposeDate(noBody.text.date!, groupSpan(noBody, 'date'), 4);
  const firstLine = firstHit(HEADER_RULES.dateFirstLine, head.slice(0, 200));
  if (firstLine) proposeDate(firstLine.text.date!, groupSpan(firstLine, 'date'), 5);
  // 3. Labelled fields: "Meeting: X", "Date: …"; decision records anywhere on the page.
  const meetingLabel = firstHit(HEADER_RULES.meetingLabel, head);
  if (meetingLabel) proposeBody(meetingLabel.text.body!, groupSpan(meetingLabel, 'body'), 2);
  const decided = firstHit(HEADER_RULES.decidedAt, text.slice(0, 20_000));
  if (decided) {
    proposeBody(decided.text.body!, groupSpan(decided, 'body'), 2);
    proposeDate(decided.text.date!, groupSpan(decided, 'date'), 3);
  }
  const label = firstHit(HEADER_RULES.dateLabel, head) ?? (decided ? firstHit(HEADER_RULES.dateLabel, text.slice(0, 20_000)) : null);
  if (label) proposeDate(label.text.date!, groupSpan(label, 'date'), 3);
  const colon = firstHit(HEADER_RULES.colonMinutes, head.slice(0, 600));
  if (colon) proposeBody(colon.text.body!, groupSpan(colon, 'body'), 4);
  const beforePresent = firstHit(HEADER_RULES.upperBeforePresent, head.slice(0, 500));
  if (beforePresent) proposeBody(beforePresent.text.body!, groupSpan(beforePresent, 'body'), 4);
  // 4. A body's name alone on a line at the top; a council's name gives way to a committee's
  //    below it, and an item's title (a line followed by agenda text) is no body.
  if (!body) {
    const top = head.slice(0, 500);
    const names = nameLines(500).filter((h) => !/^\s*\n*\s*(?:To (?:consider|receive|approve|note|agree)|Minutes:|Report of|The (?:Committee|Board|Panel) (?:is|will))/.test(top.slice(h.end)));
    const committee = names.find((h) => !COUNCIL_LINE.test(h.text.body!.trim()));
    const pick = committee ?? names[0];
    if (pick) proposeBody(pick.text.body!, groupSpan(pick, 'body'), 5);
  }
  // 5. The text's own references to the body.
  if (!body) {
    const fromText = bodyFromText(text);
    if (fromText) proposeBody(fromText.name, fromText.span, 6);
  }
  const b = body as { name: string; span: Span | null } | null;
  const d = date as { iso: string; span: Span | null } | null;
  const bodyName = b?.name ?? null;
  const bodySpan = b?.span ?? null;
  const dateIso = d?.iso ?? null;
  const dateSpan = d?.span ?? null;

  const venue = VENUE.exec(head);
  const met = MET_AT.exec(head);
  const councilLine = COUNCIL_LINE.exec(head.slice(0, 400));
  const council = venue ? councilFromPlace(venue[1]!) : met ? councilFromPlace(met[1]!) : councilLine ? councilLine[0].trim().replace(/^The\s+/, '') : null;

  const contactMatch = CONTACT.exec(head);
  const contact = contactMatch
    ? { text: contactMatch[1]!, span: span(contactMatch.index + contactMatch[0].indexOf(contactMatch[1]!), contactMatch[1]!.length) }
    : null;

  return { body: bodyName, bodySpan, date: dateIso, dateSpan, council, contact };
}
