/**
 * Every named person in the document, where they are named, and the posts and organisations
 * written beside their names.
 */
import { itemLocator } from '../segment/locate.ts';
import { lowerBound } from '../text/search.ts';
import type { SegmentedDocument, Span } from '../segment/types.ts';
import { findPersonMentions, type PersonMention } from './names.ts';
import { parseList, type ListEntry } from './lists.ts';
import type { AttendanceBlock } from '../segment/blocks.ts';
import { statedRoles } from './role-rules.ts';
import { roleAfterName, roleBeforeName, splitCombinedRoles } from './roles.ts';
import { titleIsPost } from '../lexicon/address.ts';
import type { PersonOccurrence } from './types.ts';


/** A name inside an opening phrase: "In response to a question from X,", "Following a query by X,". */
const OPENING_PHRASE = /(?:^|[.;:]\s+|\n)\s*(?:In response to|Responding to|Following|After|Further to|In answer to)\b[^.;\n]*\b(?:from|by)\s+$/;
const ANSWERING = /^\s+(?:explained|said|replied|advised|confirmed|responded|stated|noted|added|reported|informed|clarified|agreed|undertook|assured|answered|outlined|indicated)\b/;

/** Line boundaries by binary search over the newline offsets, so long lines cost nothing extra. */
function lineIndex(text: string): (at: number) => Span {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (at) => {
    const lo = lowerBound(breaks.length, (i) => breaks[i]! < at);
    return { start: lo === 0 ? 0 : breaks[lo - 1]! + 1, end: lo < breaks.length ? breaks[lo]! : text.length };
  };
}

/** The contact line: "Natasha Aucott, Governance Advisor Tel: …", "Christine Rothwell Senior Governance Officer". */
function contactRole(text: string, nameEnd: number, contactEnd: number): { title: string; span: Span } | null {
  const rest = text.slice(nameEnd, contactEnd);
  const m = /^\s*,?\s*((?:[A-Z][\w'&-]*|of|for|and|the|to|in)(?:\s+(?:[A-Z][\w'&-]*|of|for|and|the|to|in)){0,10})/.exec(rest);
  if (!m) return null;
  const title = m[1]!.replace(/\s+(?:Tel|Telephone|Email|E-mail|Phone|Tel\.)\b.*$/, '').replace(/\s+(?:of|for|and|the|to|in)$/, '').trim();
  if (!/\b(?:Officer|Advisor|Adviser|Manager|Clerk|Secretary|Lead|Director|Head|Co-ordinator|Coordinator|Assistant|Support)\b/.test(title)) return null;
  const start = nameEnd + m.index + m[0].indexOf(m[1]!);
  return { title, span: { start, end: start + title.length } };
}


export interface BlockPeople {
  block: AttendanceBlock;
  entries: { occurrence: number; span: Span; chair: Span | null; substituteFor: number | null; substitutedBy: number | null }[];
}

export interface People {
  occurrences: PersonOccurrence[];
  blocks: BlockPeople[];
}

/**
 * Everyone the document names: the entries of its attendance lists first (the list vouches for
 * them and says what each note means), then names in running text outside those lists.
 */
export function findPeople(text: string, doc: SegmentedDocument, sentenceLists: AttendanceBlock[] = []): People {
  const itemAt = itemLocator(doc);
  const listed: { mention: PersonMention; entry: ListEntry | null; block: number; role?: string }[] = [];
  const taken: Span[] = [];
  const blockEntries: { block: AttendanceBlock; entries: { entry: ListEntry; sub: { for: PersonMention | null; by: PersonMention | null } }[] }[] = [];
  [...doc.blocks, ...sentenceLists].forEach((block, b) => {
    if (block.kind === 'chair') return;
    // "Councillors: Abbott, Brown and Cole": a plural title as the label gives every entry its title.
    const inherited = /^(?:County\s+)?(?:Councillors|Cllrs)$/i.test(block.label) ? 'Councillor' : null;
    const list = parseList(text, block.content, block.kind, inherited);
    if (list.entries.length === 0) return;
    taken.push({ start: block.content.start, end: list.end });
    const entries: (typeof blockEntries)[number]['entries'] = [];
    for (const entry of list.entries) {
      const mention: PersonMention = { start: entry.name.start, end: entry.name.end, parts: entry.name.parts, councillor: entry.name.councillor, rule: 'name.list-entry' };
      listed.push({ mention, entry, block: b });
      const other = (note: { text: string; span: Span } | null): PersonMention | null => {
        if (!note) return null;
        const local = findPersonMentions(text.slice(note.span.start, note.span.end))[0];
        const m = local ? { ...local, start: local.start + note.span.start, end: local.end + note.span.start } : null;
        if (m) listed.push({ mention: { ...m, rule: 'name.list-entry' }, entry: null, block: b });
        return m;
      };
      entries.push({ entry, sub: { for: other(entry.substituteFor), by: other(entry.substitutedBy) } });
    }
    blockEntries.push({ block, entries });
  });
  taken.sort((a, b) => a.start - b.start);
  const inList = (m: PersonMention) => {
    const lo = lowerBound(taken.length, (i) => taken[i]!.end <= m.start);
    return lo < taken.length && taken[lo]!.start <= m.start;
  };
  const running = findPersonMentions(text, listed.map((l) => l.mention.parts)).filter((m) => !inList(m));
  const all = [...listed.map((l) => ({ ...l, listed: true })), ...running.map((m) => ({ mention: m, entry: null as ListEntry | null, block: -1, listed: false }))];
  // One occurrence per place: a name inside a note read twice keeps its first reading.
  all.sort((a, b) => a.mention.start - b.mention.start || (b.listed ? 1 : 0) - (a.listed ? 1 : 0));
  const unique: typeof all = [];
  const seen = new Set<number>();
  for (const x of all) {
    if (seen.has(x.mention.start)) continue;
    seen.add(x.mention.start);
    unique.push(x);
  }
  const occurrences = occurrencesOf(text, doc, unique.map((u) => u.mention), itemAt);
  const idAt = new Map<number, number>();
  unique.forEach((u, k) => idAt.set(u.mention.start, k));
  unique.forEach((u, k) => {
    if (!u.entry) return;
    const o = occurrences[k]!;
    // The list has read this entry's notes: they replace what running-text rules found.
    o.roles = [];
    o.represents = [];
    if (u.mention.parts.title && titleIsPost(u.mention.parts.title)) o.roles.push({ title: u.mention.parts.title, body: null, span: { start: u.mention.start, end: u.mention.end } });
    for (const r of u.entry.roles) for (const title of splitCombinedRoles(r.title)) o.roles.push({ title, body: null, span: r.span });
    for (const r of u.entry.represents) o.represents.push({ body: r.body, span: r.span });
  });
  const blocks: BlockPeople[] = blockEntries.map(({ block, entries }) => ({
    block,
    entries: entries.map(({ entry, sub }) => ({
      occurrence: idAt.get(entry.name.start)!,
      span: { start: entry.name.start, end: Math.max(entry.name.end, ...[...entry.roles, ...entry.represents].map((r) => r.span.end), entry.chair?.end ?? 0, entry.substituteFor?.span.end ?? 0, entry.substitutedBy?.span.end ?? 0) },
      chair: entry.chair,
      substituteFor: sub.for ? (idAt.get(sub.for.start) ?? null) : null,
      substitutedBy: sub.by ? (idAt.get(sub.by.start) ?? null) : null,
    })),
  }));
  return { occurrences, blocks };
}

/**
 * Just after the last sentence or clause stop ([.;:!?] followed by a space) in text[from, to), the
 * stop's space inside the span too; -1 when there is none. A scan back from the name, as every
 * name asks it over the 200 characters before it.
 */
function lastStopBefore(text: string, from: number, to: number): number {
  for (let k = to - 2; k >= from; k--) {
    const c = text.charCodeAt(k);
    // . ; : ! ?
    if ((c === 46 || c === 59 || c === 58 || c === 33 || c === 63) && WHITE.test(text[k + 1]!)) return k + 1;
  }
  return -1;
}
const WHITE = /\s/;

function occurrencesOf(text: string, doc: SegmentedDocument, mentions: PersonMention[], itemAt: (at: number) => number | null): PersonOccurrence[] {
  const contact = doc.header.contact;
  const out: PersonOccurrence[] = [];
  const lineOf = lineIndex(text);
  const perLine = new Map<number, number>();
  // The phrase below is rare: one search of the document spares the pattern at every name.
  const mayRepresent = text.includes('in attendance to represent');
  for (const m of mentions) {
    const start = lineOf(m.start).start;
    perLine.set(start, (perLine.get(start) ?? 0) + 1);
  }
  mentions.forEach((m, i) => {
    const next = mentions[i + 1]?.start ?? text.length;
    const line = lineOf(m.start);
    const soleInLine =
      perLine.get(line.start) === 1 && text.startsWith('- ', line.start) && /[;.]\s*$/.test(text.slice(Math.max(line.start, line.end - 4), line.end));
    const occurrence: PersonOccurrence = {
      id: i,
      parts: m.parts,
      councillor: m.councillor,
      rule: m.rule,
      span: { start: m.start, end: m.end },
      item: itemAt(m.start),
      roles: [],
      represents: [],
    };
    // "Chief Inspector Ruth Ambler", "Mayor K Brand", "Provost Morag Lindsay": the title is the post.
    if (m.parts.title && titleIsPost(m.parts.title)) {
      occurrence.roles.push({ title: m.parts.title, body: null, span: { start: m.start, end: m.end } });
    }
    const inContact = contact && m.start >= contact.span.start && m.start < contact.span.end;
    let role = inContact ? null : roleAfterName(text, m.end, next, soleInLine);
    // "In response to a question from Councillor X, the Head of Service explained …": the post
    // after the comma opens the main clause; it is whoever answered, not X.
    if (role?.title && OPENING_PHRASE.test(text.slice(Math.max(line.start, m.start - 160), m.start)) && ANSWERING.test(text.slice(role.span.end, role.span.end + 40))) role = null;
    if (inContact) {
      const c = contactRole(text, m.end, contact.span.end);
      if (c) occurrence.roles.push({ title: c.title, body: null, span: c.span });
    } else if (role) {
      if (role.title) for (const title of splitCombinedRoles(role.title)) occurrence.roles.push({ title, body: role.body, span: role.span });
      if (role.represents) occurrence.represents.push({ body: role.represents, span: role.span });
    } else {
      const before = roleBeforeName(text, m.start);
      if (before) occurrence.roles.push({ title: before.title, body: null, span: before.span });
    }
    // Posts the sentence states: "be elected as the Chair", "declared an interest as a governor of …",
    // "The Chair of the Partnership, Councillor X". A post written beside the name comes first.
    const prevEnd = mentions[i - 1]?.end ?? 0;
    const clauseStart = Math.max(prevEnd, line.start, lastStopBefore(text, Math.max(prevEnd, m.start - 200), m.start));
    // "former Police, Fire and Crime Commissioner Ann Rye": the office the name opens with
    // ends the post written before it, so the post is read up to the end of that title.
    const office = /^(?:Commissioner|Mayor|Provost|Leader|Sheriff|High Sheriff|Convener|Convenor|Chairman|Chairwoman|Bailie|Alderman)\s+/.exec(text.slice(m.start, m.end));
    const stated = inContact ? [] : statedRoles(text, clauseStart, m.start, m.end, next, clauseStart === prevEnd && prevEnd > 0);
    if (office && !inContact) {
      const before = statedRoles(text, clauseStart, m.start + office[0].length, m.end, m.end, false).filter((r) => r.rule === 'role.before-name' && r.span.start < m.start && /\s/.test(text.slice(r.span.start, m.start)));
      stated.push(...before);
    }
    for (const r of stated) {
      if (occurrence.roles.some((o) => o.span.start < r.span.end && r.span.start < o.span.end)) continue;
      occurrence.roles.push({ title: r.title, body: null, span: r.span, rule: r.rule });
    }
    // "who was in attendance to represent and share the voice of Rotherham Parent Carers"
    const rep = mayRepresent && /^[^.;\n]{0,200}?\bin attendance to represent\b(?:\s+and\s+share\s+the\s+voice\s+of)?\s+(?:the\s+)?([A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|of|and|for|the)){0,8})/.exec(text.slice(m.end, next));
    if (rep) occurrence.represents.push({ body: rep[1]!.replace(/\s+(?:of|and|for|the)$/, ''), span: { start: m.end, end: m.end + rep[0].length } });
    out.push(occurrence);
  });
  return out;
}
