/**
 * What the body decided, one claim per numbered part of each resolution: "RESOLVED – (1) That …
 * (2) That …", "Resolved:- That the Panel: a) noted …; b) agreed …", "It was agreed that …",
 * "The Committee agreed to …", "RECOMMENDED to Cabinet that …". Each part gets the outcome its
 * wording makes clear (the first outcome phrase it holds; none when it holds none), who moved and
 * seconded the motion where the minutes say, and the vote where it is printed ("For 7, Against 2,
 * Abstentions 1", "by 6 votes to 4", "carried unanimously", which sets `unanimous` and leaves the
 * counts unknown).
 *
 * A resolution opened by a label runs over the lines that belong to it: its stem ("That the
 * Panel:"), its numbered, lettered or bulleted parts and their continuations, and the lines that
 * record its vote; the first line of plain prose after that ends it. Statements of movers and of
 * votes belong to the resolution they stand in, else to the one they follow on the next line or
 * in brackets, else to the next one in the item.
 */
import type { SegmentedDocument, SegmentedItem, Span } from '../segment/types.ts';
import { alt, hits, rule, type Hit, type Rule } from '../rules/engine.ts';
import {
  DECIDING_SUBJECTS,
  MOVING_PHRASES,
  NUMBER_WORDS,
  OUTCOME_PHRASES,
  RECOMMENDING_LABELS,
  RESOLUTION_LABELS,
  UNANIMOUS_PHRASES,
  VOTES_ABSTAINED,
  VOTES_AGAINST,
  VOTES_FOR,
  type DecisionOutcome,
} from '../lexicon/decisions.ts';
import { lowerBound } from '../text/search.ts';
import { splitSentences } from '../text/sentences.ts';
import { firstWho, subjectsOf } from './clauses.ts';
import type { Mention, MentionIndex } from './mentions.ts';
import type { DecisionClaim, Who } from './types.ts';

const AFTER_LABEL = `(?:\\s*\\((?:unanimously|nem\\.?\\s*con\\.?)\\))?(?:\\*\\*|__)?[ \\t]*(?<punct>:\\s*-|:-|:|–|—|-(?=\\s)|\\.(?=\\s)|(?=[ \\t]*\\n)|(?=[ \\t]+(?:That|that|To|to|\\([a-z0-9]{1,4}\\)|[a-z0-9]{1,3}\\))\\s)|(?=[ \\t]+(?:to|by)[ \\t]+(?:Cabinet|Council|the[ \\t])))`;

export const DECISION_OPENERS: Rule[] = [
  rule({
    id: 'decision.label',
    produces: 'decision',
    reason: 'a resolution opened by a label at the start of a line or after "Minutes:": "RESOLVED –", "Resolved:-", "DECISION:", "AGREED:", "**Resolved:**", "RECOMMENDED to Cabinet that"',
    pattern: new RegExp(`(?:^|(?<=\\n|Minutes:\\s{0,3}|[.|]\\s{1,3}))[ \\t]*(?:[-•·*>][ \\t]*)?(?:\\*\\*|__)?(?<label>${alt(RESOLUTION_LABELS)})${AFTER_LABEL}`, 'g'),
    examples: [
      { text: 'Resolved:- That the report be noted.', groups: { label: 'Resolved' } },
      { text: 'RESOLVED – (1) That the plan be approved.', groups: { label: 'RESOLVED' } },
      { text: 'Minutes: Resolved: - That the Panel noted the update.', groups: { label: 'Resolved' } },
      { text: 'AGREED: That a site visit be arranged.', groups: { label: 'AGREED' } },
      { text: 'RECOMMENDED to Cabinet that the strategy be adopted.', groups: { label: 'RECOMMENDED' } },
    ],
    counterexamples: ['The matter was resolved by the service.', 'Decision type: Key', 'Recommendation: that members note the report'],
  }),
  rule({
    id: 'decision.inline-label',
    produces: 'decision',
    reason: 'a resolution label in capitals inside a sentence: "and it was RESOLVED that", "it was unanimously RESOLVED –", "was AGREED:"',
    pattern: new RegExp(`(?<=[a-z,]\\s{1,3})(?<label>RESOLVED|AGREED|DECIDED|RECOMMENDED)(?:\\s+UNANIMOUSLY)?${AFTER_LABEL}`, 'g'),
    needs: /RESOLVED|AGREED|DECIDED|RECOMMENDED/,
    examples: [{ text: 'On being put to the vote it was RESOLVED that the report be noted.', groups: { label: 'RESOLVED' } }],
    counterexamples: ['RESOLVED: That the report be noted.'],
  }),
  rule({
    id: 'decision.proposal-agreed',
    produces: 'decision',
    reason: 'a proposal then its acceptance: "The Chair proposed that … . This was agreed.", "… proposed that … ; the proposal was carried"',
    pattern: /\bproposed\s+(?<punct>that)\s+[^.;]{5,400}[.;]\s+(?:This|The\s+proposal|The\s+motion|This\s+proposal|which)\s+was\s+(?:unanimously\s+|duly\s+)?(?:agreed|carried|supported|accepted|AGREED|CARRIED)\b[^.]{0,80}\.?/g,
    examples: [{ text: 'The Chair proposed that the item be deferred to May. This was agreed.', groups: { punct: 'that' } }],
    counterexamples: ['The Chair proposed that the item be deferred to May.'],
  }),
  rule({
    id: 'decision.agreed-clause',
    produces: 'decision',
    reason: 'an agreement recorded in running text: "It was agreed that …", "The Committee agreed to …", "Members unanimously resolved that …"',
    pattern: new RegExp(`\\b(?:(?:It|it)\\s+was\\s+(?:(?:unanimously|further|also|therefore|then|subsequently|duly)\\s+)?(?:agreed|resolved|decided)(?:\\s+unanimously)?|(?:The|the)\\s+(?<subject>${alt(DECIDING_SUBJECTS)})\\s+(?:(?:unanimously|then|therefore|also|further|duly)\\s+)?(?:agreed|resolved|decided)(?:\\s+unanimously)?|(?:Members|members|Councillors)\\s+(?:(?:unanimously|then|therefore|also|further)\\s+)?(?:agreed|resolved|decided)(?:\\s+unanimously)?)\\s+(?<punct>that|to)\\s`, 'g'),
    // Every branch holds one of the three verbs, in lower case.
    needs: /agreed|resolved|decided/,
    examples: [
      { text: 'It was agreed that the report be deferred to March.', groups: { punct: 'that' } },
      { text: 'The Committee agreed to hold a workshop in the spring.', groups: { subject: 'Committee', punct: 'to' } },
      { text: 'Members unanimously agreed that the visit go ahead.', groups: { punct: 'that' } },
    ],
    counterexamples: ['The Board had agreed to add a new priority.', 'Members agreed with the officers.', 'It was agreed by the partners.'],
  }),
];

const WHO = '(?<who>[^.;()\\n]{2,160}?)';
const WHO_END = '(?=\\s*(?:,|;|\\.|\\)|\\n|$)|\\s+(?:and|that|who|it\\s+was|with|to|the\\s+(?:motion|recommendations?|resolution|amendment)|on\\s+being|upon\\s+being|seconded|Seconded)\\b)';

interface PersonRule {
  rule: Rule;
  take: 'group' | 'subject';
  role: 'moved' | 'seconded';
}

export const MOVER_RULES: PersonRule[] = [
  { take: 'group', role: 'moved', rule: rule({
    id: 'mover.by',
    produces: 'mover',
    reason: 'the mover after "moved by", "proposed by", "on the motion of"',
    pattern: new RegExp(`\\b${alt(MOVING_PHRASES)}\\s+${WHO}${WHO_END}`, 'g'),
    needs: /oved|ropos|motion/,
    examples: [
      { text: 'It was moved by Councillor Hale and seconded by Councillor Osei that the plan be approved.', groups: { who: 'Councillor Hale' } },
      { text: 'On the motion of the Chair, seconded by Councillor Osei, it was RESOLVED that the report be noted.', groups: { who: 'the Chair' } },
    ],
    counterexamples: ['The report was moved to March.'],
  }) },
  { take: 'group', role: 'seconded', rule: rule({
    id: 'seconder.by',
    produces: 'seconder',
    reason: 'the seconder after "seconded by"',
    pattern: new RegExp(`\\bseconded\\s+by\\s+${WHO}${WHO_END}`, 'gi'),
    needs: /seconded/i,
    examples: [{ text: 'moved by Councillor Hale, seconded by Councillor Osei, and carried.', groups: { who: 'Councillor Osei' } }],
    counterexamples: ['The motion was seconded.'],
  }) },
  { take: 'group', role: 'moved', rule: rule({
    id: 'mover.label',
    produces: 'mover',
    reason: 'a mover line or note: "Proposed: Cllr A", "Proposed Cllr A, seconded Cllr B", "(Mover: Councillor A)"',
    pattern: new RegExp(`(?:^|(?<=\\n|\\(|;\\s{0,2}|\\.\\s{1,3}))[ \\t]*(?:Proposed|Proposer|Mover|Moved)(?:\\s+by)?[ \\t]*(?::|–|—|-)?[ \\t]*${WHO}${WHO_END}`, 'g'),
    needs: /Propose|Move/,
    examples: [
      { text: 'Proposed: Councillor Hale\nSeconded: Councillor Osei', groups: { who: 'Councillor Hale' } },
      { text: 'Proposed Cllr Vale, seconded Cllr Marsh, and agreed.', groups: { who: 'Cllr Vale' } },
    ],
    counterexamples: ['The proposed changes were noted.'],
  }) },
  { take: 'group', role: 'seconded', rule: rule({
    id: 'seconder.label',
    produces: 'seconder',
    reason: 'a seconder line or note: "Seconded: Cllr B", ", seconded Cllr B", "Seconder – Councillor B"',
    pattern: new RegExp(`(?:(?:^|(?<=\\n|\\(|;\\s{0,2}|\\.\\s{1,3}))[ \\t]*(?:Seconded|Seconder)|,\\s*seconded)[ \\t]*(?::|–|—|-)?[ \\t]*(?!by\\b)${WHO}${WHO_END}`, 'g'),
    needs: /Seconde|seconded/,
    examples: [
      { text: 'Proposed: Councillor Hale\nSeconded: Councillor Osei', groups: { who: 'Councillor Osei' } },
      { text: 'Proposed Cllr Vale, seconded Cllr Marsh, and agreed.', groups: { who: 'Cllr Marsh' } },
    ],
    counterexamples: ['The motion was seconded.'],
  }) },
  { take: 'subject', role: 'moved', rule: rule({
    id: 'mover.subject',
    produces: 'mover',
    reason: 'the mover as the subject: "Councillor Hale moved the recommendations", "Cllr A proposed, and Cllr B seconded, that …"',
    pattern: /(?<verb>\b(?:formally\s+|duly\s+)?(?:moved|proposed))(?=\s+(?:that|the|an|a|acceptance|approval|adoption|and|,|an\s+amendment)\b|,)/g,
    needs: /moved|proposed/,
    examples: [{ text: 'Councillor Hale moved the recommendations in the report.', groups: { verb: 'moved' } }],
    counterexamples: ['The item was moved to March.'],
  }) },
  { take: 'subject', role: 'seconded', rule: rule({
    id: 'seconder.subject',
    produces: 'seconder',
    reason: 'the seconder as the subject: "Councillor Osei seconded the motion", "and Cllr B seconded"',
    pattern: /(?<verb>\b(?:formally\s+|duly\s+)?seconded)(?!\s+by\b)(?=\s+(?:that|the|it|this)\b|[,.;]|\s+and\b)/g,
    needs: /seconded/,
    examples: [{ text: 'Councillor Osei seconded the motion.', groups: { verb: 'seconded' } }],
    counterexamples: ['The motion was seconded by Councillor Osei.'],
  }) },
];

const COUNT = `(?:\\d{1,3}(?!\\d)|${alt(Object.keys(NUMBER_WORDS))})`;
const SEP = '\\s*(?::|–|—|-|=)?\\s*';

export const VOTE_RULES: Rule[] = [
  rule({
    id: 'vote.labelled-counts',
    produces: 'vote',
    reason: 'counts after their labels: "For 7, Against 2, Abstentions 1", "(For: 8; Against: 1)", "In favour 6 Against 3 Abstained 1"',
    pattern: new RegExp(`\\b${alt(VOTES_FOR)}${SEP}(?<for>${COUNT})[,;]?\\s*(?:and\\s+)?${alt(VOTES_AGAINST)}${SEP}(?<against>${COUNT})(?:[,;]?\\s*(?:and\\s+|with\\s+)?${alt(VOTES_ABSTAINED)}${SEP}(?<abstained>${COUNT}))?`, 'g'),
    examples: [
      { text: 'The motion was carried (For 7, Against 2, Abstentions 1).', groups: { for: '7', against: '2', abstained: '1' } },
      { text: 'For: 8; Against: 1', groups: { for: '8', against: '1' } },
    ],
    counterexamples: ['For 2025, against expectations'],
  }),
  rule({
    id: 'vote.counts-labelled',
    produces: 'vote',
    reason: 'counts before their labels: "7 for, 2 against, 1 abstention", "six in favour and three against"',
    pattern: new RegExp(`\\b(?<for>${COUNT})\\s+(?:votes?\\s+)?(?:for|in\\s+favour)[,;]?\\s*(?:and\\s+|with\\s+)?(?<against>${COUNT})\\s+(?:votes?\\s+)?against(?:[,;]?\\s*(?:and\\s+|with\\s+)?(?<abstained>${COUNT})\\s+(?:abstentions?|abstaining|abstained|abstain))?`, 'gi'),
    needs: /against/i,
    examples: [{ text: 'carried by 7 for, 2 against, with 1 abstention', groups: { for: '7', against: '2', abstained: '1' } }],
    counterexamples: ['2 for the record'],
  }),
  rule({
    id: 'vote.by-votes',
    produces: 'vote',
    reason: 'a majority written "by 6 votes to 4", "by nine votes to two with one abstention"',
    pattern: new RegExp(`\\bby\\s+(?<for>${COUNT})\\s+votes?\\s+to\\s+(?<against>${COUNT})(?:[,;]?\\s*(?:and\\s+|with\\s+)?(?<abstained>${COUNT})\\s+(?:abstentions?|abstaining|abstained|abstain))?`, 'gi'),
    needs: /vote/i,
    examples: [{ text: 'The motion was carried by 6 votes to 4.', groups: { for: '6', against: '4' } }],
    counterexamples: ['by 6 June'],
  }),
  rule({
    id: 'vote.unanimous',
    produces: 'vote',
    reason: 'a vote without dissent: "carried unanimously", "it was unanimously RESOLVED", "with all in favour", "nem con"',
    pattern: new RegExp(`(?<![\\w-])(?<unanimous>${alt(UNANIMOUS_PHRASES)})(?![\\w-])`, 'g'),
    examples: [{ text: 'The recommendation was carried unanimously.', groups: { unanimous: 'unanimously' } }],
    counterexamples: ['The vote was split.'],
  }),
];

const OUTCOME_ORDER = Object.keys(OUTCOME_PHRASES) as Exclude<DecisionOutcome, 'OTHER'>[];
const OUTCOME_PATTERNS = OUTCOME_ORDER.map((o) => [o, new RegExp(`(?<![\\w-])${alt(OUTCOME_PHRASES[o])}(?![\\w-])`, 'i')] as const);
/** A part that asks for something has no outcome of its own: "Requested that … be approved by Cabinet". */
const REQUEST_FIRST = /^(?:that\s+)?(?:(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+)?(?:requested|requests|request|asked|asks|sought|seeks|instructed|instructs|invited|invites)\b/i;
const RECOMMENDING = new Set<string>(RECOMMENDING_LABELS);

/** The outcome the wording of a part makes clear: its first outcome phrase in text order. */
export function outcomeOf(text: string): DecisionOutcome | null {
  if (REQUEST_FIRST.test(text.trim())) return null;
  let best: DecisionOutcome | null = null;
  let at = Infinity;
  for (const [o, re] of OUTCOME_PATTERNS) {
    const m = re.exec(text);
    if (m && m.index < at) {
      at = m.index;
      best = o;
    }
  }
  return best;
}

/** Where a part starts: "(1)", "1.", "1)", "(a)", "a)", "(iii)", a bullet. */
const MARKER = /^(?:\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,5})\s*\)|(?:\d{1,2}|[a-z]|[ivx]{1,5})\s*[.)](?=\s)|[-•·*▪◦➢>](?=\s))\s*/i;
const INLINE_MARKER = /(?:^|(?<=\s))(?:\((?:\d{1,2}|[a-z]|[ivx]{1,5})\)|(?:\d{1,2}|[a-z]|[ivx]{1,4})\)|[·•▪])(?=\s)/g;
/** A line recording the vote or the motion, which belongs to the resolution above it. */
const VOTE_LINE = /^\(?\s*(?:For\b|Against\b|Abstentions?\b|Abstained\b|In favour\b|Votes?\b|Voting\b|Carried\b|CARRIED\b|Lost\b|LOST\b|Unanimous|Proposed\b|Seconded\b|Moved\b|Mover\b|Seconder\b|Proposer\b|\d{1,3}\s+(?:for|votes?|in favour)\b)/;

interface Part {
  text: string;
  span: Span;
}
interface Block {
  rule: string;
  label: string;
  /** From the opener to the end of its last line. */
  span: Span;
  parts: Part[];
  recommending: boolean;
}

function trimPart(text: string, start: number, end: number): Part | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  const marker = MARKER.exec(text.slice(s, Math.min(e, s + 12)));
  if (marker) s += marker[0].length;
  while (e > s && /[\s;,]/.test(text[e - 1]!)) e--;
  let body = text.slice(s, e);
  const and = /[,;]?\s+(?:and|or|and\/or)$/.exec(body);
  if (and) {
    e -= and[0].length;
    body = text.slice(s, e);
  }
  if (body.split(/\s+/).filter(Boolean).length < 2) return null;
  return { text: body.replace(/\s+/g, ' ').trim(), span: { start: s, end: e } };
}

/** Splits one stretch at inline part markers ("(a) That … and (b) that …", "That the Panel: · Noted · Agreed"). */
function splitInline(text: string, span: Span): Span[] {
  const slice = text.slice(span.start, span.end);
  const cuts: number[] = [];
  INLINE_MARKER.lastIndex = 0;
  for (let m = INLINE_MARKER.exec(slice); m; m = INLINE_MARKER.exec(slice)) cuts.push(m.index);
  if (cuts.length === 0) return [span];
  const head = slice.slice(0, cuts[0]).trim();
  const stem = head === '' || /:\s*-?$/.test(head) || /^(?:that|the|to)$/i.test(head);
  // One marker in prose ("the options in paragraph (a) below") splits nothing; after a stem it is a list of one.
  if (cuts.length < 2 && !(stem && head !== '')) return [span];
  const parts: Span[] = [];
  if (!stem) parts.push({ start: span.start, end: span.start + cuts[0]! });
  cuts.forEach((c, i) => parts.push({ start: span.start + c, end: i + 1 < cuts.length ? span.start + cuts[i + 1]! : span.end }));
  return parts;
}

/** "That the report be noted. That Cabinet be asked …": sentences that each begin "That" are parts. */
function splitThatSentences(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const slice = text.slice(span.start, span.end);
  const re = /\.\s+(?=That\s)/g;
  let from = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    out.push({ start: span.start + from, end: span.start + m.index + 1 });
    from = m.index + m[0].length;
  }
  out.push({ start: span.start + from, end: span.end });
  return out;
}

/** A label's resolution ends at the first sentence of other prose on its own line. */
function cutProse(text: string, span: Span): Span {
  const slice = text.slice(span.start, span.end);
  const m = /\.\s+(?=[A-Z])(?!That\b|To\b|\(|[A-Z]\)|\d)/.exec(slice);
  return m ? { start: span.start, end: span.start + m.index + 1 } : span;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  let at = from;
  while (at < to) {
    let nl = text.indexOf('\n', at);
    if (nl < 0 || nl > to) nl = to;
    const raw = text.slice(at, nl);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ start: at + lead, end: at + lead + t.length, text: t });
    at = nl + 1;
  }
  return out;
}

function isStem(line: string): boolean {
  return /:\s*-?$/.test(line) && !MARKER.test(line) && line.split(/\s+/).length <= 14;
}

/** The parts of a labelled resolution whose text starts at `from`. */
function readLabelled(text: string, from: number, to: number, openers: number[]): { parts: Span[]; end: number } {
  const parts: Span[] = [];
  let end = from;
  let first = true;
  for (const line of linesOf(text, from, to)) {
    if (!first) {
      const o = openers[lowerBound(openers.length, (i) => openers[i]! < line.start)];
      if (o !== undefined && o < line.end) break;
    }
    const lineText = line.text.replace(/^\*\*|\*\*$/g, '');
    if (first) {
      first = false;
      end = line.end;
      if (isStem(lineText)) continue;
      const inline = splitInline(text, line);
      for (const p of inline) parts.push(...(inline.length === 1 ? splitThatSentences(text, cutProse(text, p)) : [p]));
      if (inline.length === 1) end = parts[parts.length - 1]!.end;
      continue;
    }
    if (MARKER.test(lineText) && !VOTE_LINE.test(lineText.replace(MARKER, ''))) {
      parts.push(...splitInline(text, { start: line.start, end: line.end }));
      end = line.end;
      continue;
    }
    if (VOTE_LINE.test(lineText)) {
      end = line.end;
      continue;
    }
    const previous = parts[parts.length - 1];
    // A part broken over lines: the previous part does not end its sentence, or this line starts in lower case.
    if (previous && (/^[a-z]/.test(lineText) || !/[.;:]$/.test(text.slice(previous.start, previous.end).trim())) && !isStem(lineText) && line.start - previous.end < 4) {
      previous.end = line.end;
      end = line.end;
      continue;
    }
    if (parts.length === 0 && isStem(lineText)) {
      end = line.end;
      continue;
    }
    if (parts.length === 0) {
      // "Resolved:" then "To approve the Forward Work Programme, as amended."
      parts.push(...splitThatSentences(text, cutProse(text, { start: line.start, end: line.end })));
      end = line.end;
      continue;
    }
    break;
  }
  return { parts, end };
}

/** The rest of the sentence after an agreement clause, or its list when the sentence ends in a colon. */
function readClause(text: string, from: number, sentenceEnd: number, to: number, openers: number[]): { parts: Span[]; end: number } {
  const own = text.slice(from, sentenceEnd).trim();
  if (/:\s*-?$/.test(own)) {
    const listed = readLabelled(text, sentenceEnd, to, openers);
    if (listed.parts.length > 0) return listed;
  }
  return { parts: [{ start: from, end: sentenceEnd }], end: sentenceEnd };
}

function headNoun(body: string | null): string | null {
  return body ? body.trim().split(/\s+/).pop()!.toLowerCase() : null;
}

interface Statement {
  at: Span;
  rule: string;
}

function countOf(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const n = /^\d+$/.test(raw) ? Number(raw) : NUMBER_WORDS[raw.toLowerCase()];
  return n === undefined ? null : n;
}

/**
 * The block a statement at `at` belongs to, and how far it stands from it: the one it stands in;
 * else the one it follows on the same line, in brackets or on a vote line; else the next one;
 * else the last one before it.
 */
function ownerOf(text: string, blocks: readonly Block[], at: Span): { block: Block; distance: number } | null {
  // Blocks are disjoint and in text order: the last one starting at or before the statement.
  const k = lowerBound(blocks.length, (i) => blocks[i]!.span.start <= at.start) - 1;
  const candidate = k >= 0 ? blocks[k]! : null;
  if (candidate && at.start < candidate.span.end) return { block: candidate, distance: 0 };
  const before = candidate;
  const after = blocks[lowerBound(blocks.length, (i) => blocks[i]!.span.start < at.end)] ?? null;
  if (before) {
    const gap = text.slice(before.span.end, at.start);
    const lineStart = text.lastIndexOf('\n', at.start) + 1;
    const line = text.slice(lineStart, at.end).trim();
    if (!gap.includes('\n') || /^\(/.test(line) || VOTE_LINE.test(line) || !after) return { block: before, distance: at.start - before.span.end };
  }
  return after ? { block: after, distance: after.span.start - at.end } : null;
}

/** A statement about a lost amendment says nothing about the resolution. */
const AMENDMENT_LOST = /\bamendment\b[^.]*\b(?:lost|fell|defeated|not carried|was not agreed|withdrawn)\b|\b(?:lost|fell|defeated)\b[^.]*\bamendment\b/i;

function overlapsAny(spans: readonly Span[], s: Span): boolean {
  const k = lowerBound(spans.length, (i) => spans[i]!.end <= s.start);
  return k < spans.length && spans[k]!.start < s.end;
}

/** Keeps `spans` sorted and disjoint (callers only insert spans that overlap none). */
function insertSpan(spans: Span[], s: Span): void {
  spans.splice(lowerBound(spans.length, (i) => spans[i]!.start < s.start), 0, s);
}

function partOf(block: Block, at: Span): Part[] {
  const own = block.parts.filter((p) => at.start >= p.span.start && at.start <= p.span.end + 2);
  return own.length === 1 && block.parts.length > 1 ? own : block.parts;
}

function itemsOf(doc: SegmentedDocument): SegmentedItem[] {
  return doc.items;
}

export function findDecisions(text: string, doc: SegmentedDocument, index: MentionIndex): DecisionClaim[] {
  const out: DecisionClaim[] = [];
  const bodyHead = headNoun(doc.header.body);
  for (const item of itemsOf(doc)) {
    const from = Math.max(item.bodyStart, item.minutesStart ?? item.bodyStart);
    const to = item.span.end;
    if (to <= from) continue;
    // Openers, in text order, one per place.
    const found: { hit: Hit; clause: boolean }[] = [];
    const taken: Span[] = [];
    for (const r of DECISION_OPENERS) {
      for (const h of hits(r, text, from, to)) {
        if (overlapsAny(taken, { start: h.start - 3, end: h.end })) continue;
        // "The Board agreed that …" is this meeting's decision only when it is this body (or its members).
        const subject = h.text.subject;
        if (subject && bodyHead && !/^(?:Members|members|Councillors|the meeting|the Meeting)$/.test(subject) && headNoun(subject) !== bodyHead) continue;
        found.push({ hit: h, clause: r.id !== 'decision.label' && r.id !== 'decision.inline-label' });
        insertSpan(taken, { start: h.start, end: h.end });
      }
    }
    found.sort((a, b) => a.hit.start - b.hit.start);
    if (found.length === 0) continue;
    const openerStarts = found.map((f) => f.hit.start);
    const sentences = splitSentences(text, from, to);
    const sentenceAt = (at: number): Span => {
      const s = sentences[lowerBound(sentences.length, (i) => sentences[i]!.end <= at)];
      return s && s.start <= at ? s : { start: at, end: at };
    };
    const blocks: Block[] = [];
    for (const { hit, clause } of found) {
      const last = blocks[blocks.length - 1];
      if (last && hit.start < last.span.end) continue;
      const label = hit.text.label ?? '';
      let read: { parts: Span[]; end: number };
      if (hit.rule.id === 'decision.proposal-agreed') {
        const partStart = hit.groups.punct!.start;
        const stop = text.slice(partStart, hit.end).search(/[.;]\s/);
        read = { parts: [{ start: partStart, end: stop < 0 ? hit.end : partStart + stop + 1 }], end: hit.end };
      } else if (clause) {
        const partStart = hit.groups.punct!.start;
        const sentence = sentenceAt(hit.start);
        read = readClause(text, partStart, sentence?.end ?? hit.end, to, openerStarts);
      } else {
        read = readLabelled(text, hit.end, to, openerStarts);
      }
      const parts = read.parts.map((p) => trimPart(text, p.start, p.end)).filter((p): p is Part => p !== null);
      if (parts.length === 0) continue;
      blocks.push({ rule: hit.rule.id, label, span: { start: hit.start, end: Math.max(read.end, parts[parts.length - 1]!.span.end) }, parts, recommending: RECOMMENDING.has(label) });
    }
    if (blocks.length === 0) continue;
    const claims = new Map<Part, DecisionClaim>();
    for (const b of blocks) {
      for (const p of b.parts) {
        claims.set(p, {
          item: item.ordinal,
          text: p.text,
          sentence: p.span,
          outcome: b.recommending ? 'RECOMMENDED' : outcomeOf(p.text),
          movedBy: null,
          secondedBy: null,
          votesFor: null,
          votesAgainst: null,
          abstentions: null,
          unanimous: null,
          rule: b.rule,
        });
      }
    }
    // Who moved and seconded, and the vote: the statement nearest each resolution wins.
    const distances = new Map<string, number>();
    const nearer = (c: DecisionClaim, slot: string, d: number) => {
      const key = `${c.sentence.start}|${slot}`;
      const old = distances.get(key);
      if (old !== undefined && old <= d) return false;
      distances.set(key, d);
      return true;
    };
    for (const pr of MOVER_RULES) {
      for (const h of hits(pr.rule, text, from, to)) {
        const sentence = sentenceAt(h.start);
        if (AMENDMENT_LOST.test(text.slice(sentence.start, sentence.end))) continue;
        const who = whoOf(text, pr, h, index.within(sentence.start, sentence.end), sentence);
        const owner = who ? ownerOf(text, blocks, { start: h.start, end: h.end }) : null;
        if (!who || !owner) continue;
        const slot = pr.role === 'moved' ? 'movedBy' : 'secondedBy';
        for (const p of partOf(owner.block, { start: h.start, end: h.end })) {
          const c = claims.get(p)!;
          if (nearer(c, slot, owner.distance)) c[slot] = { who, sentence, rule: pr.rule.id };
        }
      }
    }
    for (const r of VOTE_RULES) {
      for (const h of hits(r, text, from, to)) {
        const sentence = sentenceAt(h.start);
        if (AMENDMENT_LOST.test(text.slice(sentence.start, sentence.end))) continue;
        const owner = ownerOf(text, blocks, { start: h.start, end: h.end });
        if (!owner) continue;
        for (const p of partOf(owner.block, { start: h.start, end: h.end })) {
          const c = claims.get(p)!;
          if (r.id === 'vote.unanimous') {
            if (c.unanimous === null && nearer(c, 'unanimous', owner.distance)) c.unanimous = true;
            continue;
          }
          if (!nearer(c, 'counts', owner.distance)) continue;
          c.votesFor = countOf(h.text.for);
          c.votesAgainst = countOf(h.text.against);
          c.abstentions = countOf(h.text.abstained);
          c.unanimous = c.votesAgainst !== null && c.votesAgainst > 0 ? false : c.unanimous === false ? null : c.unanimous;
        }
      }
    }
    out.push(...claims.values());
  }
  return out;
}

function whoOf(text: string, pr: PersonRule, h: Hit, mentions: readonly Mention[], sentence: Span): Who | null {
  if (pr.take === 'group') return firstWho(mentions, h.groups.who);
  const subjects = subjectsOf(text, mentions, sentence, h.groups.verb?.start ?? h.start);
  return subjects[subjects.length - 1]?.who ?? null;
}
