/**
 * Cross-document resolution: which nodes of one document are the same entities as those of
 * other documents (already stored, or in the same batch).
 *
 * - One meeting published twice is one Meeting: same council, body and date give the same id;
 *   an undated document whose item titles nearly all match a dated meeting of the same body is
 *   that meeting (its items take the dated publication's item ids).
 * - Spelling variants of one person merge within a council ("Helen Sweatton"/"Helen Sweaton":
 *   see `personKey`; one-letter slips in a full name's surname by a close match), with the
 *   variants kept as aliases. People of different councils never merge.
 *
 * The index is filled with every document of a batch (and what the store already holds)
 * before any of them is resolved, so the answer does not depend on the order files arrive in.
 */
import { councilKey, ids, nameTokens, personKey, slug } from '../graph/ids.ts';
import type { NodeOf } from '../graph/model.ts';
import type { ResolvedDocument } from './types.ts';

interface ItemRecord {
  id: string;
  number: string | null;
  /** Every title the item has been seen with (publications word them differently). */
  titles: Set<string>[];
}

interface MeetingRecord {
  id: string;
  council: string;
  body: string | null;
  date: string | null;
  items: ItemRecord[];
}

interface PersonRecord {
  id: string;
  name: string;
  first: string;
  last: string;
  full: boolean;
}

export interface PersonResolution {
  id: string;
  /** The canonical name the corpus uses for this person. */
  name: string;
  /** This document's other spellings of the person (including its own name when not canonical). */
  aliases: string[];
}

export interface DocResolution {
  council: string;
  /** Null when neither the document nor a publication it was merged with names the body. */
  bodyName: string | null;
  meetingId: string;
  /** The meeting's date: the document's own, or the dated publication's it was merged with. */
  meetingDate: string | null;
  /** Set when an undated document was recognised as a dated meeting's other publication. */
  mergedInto: string | null;
  /** ResolvedItem.key → Item id. */
  items: Map<string, string>;
  /** ResolvedPerson.key → person. */
  people: Map<string, PersonResolution>;
}

const STOPWORDS = new Set(
  'the of and a an to for on in be that with by at from its it as is was were any update report'.split(' '),
);

export function titleWords(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .replace(/['’]/g, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0 && !STOPWORDS.has(w)),
  );
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

const SAME_TITLE = 0.5;

/** Standing agenda items of English local-government meetings. */
const PROCEDURAL =
  /^\s*(?:\d+[.)]?\s*)?(?:apologies|declarations? of (?:interest|pecuniary)|minutes of the (?:previous|last) meeting|(?:confirmation of )?(?:the )?minutes|urgent (?:business|items?)|(?:any )?other (?:urgent )?business|work ?programme|forward plan|questions? (?:from|by) (?:members of the public|the public|members)|public questions|exclusion of the press|date,? (?:time and place|and time) of (?:the )?next meeting|chair(?:man|'s|’s)? (?:announcements|communications)|announcements)\b/i;
/** Share of an undated document's items that must match a dated meeting's for them to be one. */
const SAME_MEETING_SHARE = 0.6;
const SAME_MEETING_MIN_ITEMS = 2;

export class CorpusIndex {
  private readonly meetings = new Map<string, MeetingRecord>();
  private readonly bodyCouncils = new Map<string, Set<string>>();
  private readonly people = new Map<string, Map<string, PersonRecord>>();

  /** What the store already holds, so new documents resolve against it. */
  seed(stored: { meetings: NodeOf<'Meeting'>[]; items: NodeOf<'Item'>[]; people: NodeOf<'Person'>[] }): void {
    for (const m of stored.meetings) {
      const council = m.id.split(':')[1] ?? 'unknown';
      this.noteBody(m.body, council);
      this.meetingRecord(m.id, council, m.body, m.date);
    }
    for (const item of stored.items) {
      const meeting = this.meetings.get(item.meeting);
      if (meeting) noteItem(meeting, item.id, item.number, item.title);
    }
    for (const p of stored.people) {
      const council = p.id.split(':')[1] ?? 'unknown';
      this.notePerson(council, p.id, p.name);
      for (const alias of p.aliases) this.notePerson(council, p.id, alias);
    }
  }

  /** Registers a document's meeting, items and people. Call for every document before resolving. */
  add(doc: ResolvedDocument): void {
    if (doc.meeting.body && doc.meeting.council) this.noteBody(doc.meeting.body, councilKey(doc.meeting.council));
    const r = this.resolve(doc);
    const meeting = this.meetingRecord(r.meetingId, r.council, r.bodyName, r.meetingDate);
    for (const item of doc.items) {
      const id = r.items.get(item.key);
      if (id) noteItem(meeting, id, item.number, item.title);
    }
    for (const p of doc.people) {
      const resolved = r.people.get(p.key);
      if (!resolved) continue;
      this.notePerson(r.council, resolved.id, p.name);
      for (const alias of p.aliases) this.notePerson(r.council, resolved.id, alias);
    }
  }

  resolve(doc: ResolvedDocument): DocResolution {
    let bodyName = doc.meeting.body?.trim() || null;
    const council = this.councilOf(doc, bodyName);
    const docSlug = doc.source.id;
    let meetingId = ids.meeting(council, bodyName, doc.meeting.date, docSlug);
    let meetingDate = doc.meeting.date;
    let mergedInto: string | null = null;
    if (!doc.meeting.date) {
      const twin = this.datedTwin(doc, council, bodyName);
      if (twin) {
        meetingId = twin.id;
        meetingDate = twin.date;
        mergedInto = twin.id;
        // The dated publication names the body when this one does not.
        bodyName = twin.body;
      }
    }
    const meeting = this.meetings.get(meetingId);
    const items = new Map<string, string>();
    const used = new Set<string>();
    for (const item of doc.items) {
      let id = ids.item(meetingId, item.number, item.title);
      if (!item.number && meeting) {
        const twin = bestTitleMatch(meeting.items, titleWords(item.title), (i) => i.number !== null);
        if (twin) id = twin.id;
      }
      // Two items of one document with the same title (or number) stay two items.
      let unique = id;
      for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
      used.add(unique);
      items.set(item.key, unique);
    }
    const people = new Map<string, PersonResolution>();
    for (const p of doc.people) {
      const found = this.findPerson(council, p.name) ?? p.aliases.map((a) => this.findPerson(council, a)).find(Boolean);
      const id = found?.id ?? ids.person(council, p.name);
      const name = found?.name ?? p.name;
      const aliases = [...new Set([p.name, ...p.aliases])].filter((a) => a !== name);
      people.set(p.key, { id, name, aliases });
    }
    return { council, bodyName, meetingId, meetingDate, mergedInto, items, people };
  }

  /** The document's council; where it names none, the one council known to have its body. */
  private councilOf(doc: ResolvedDocument, bodyName: string | null): string {
    if (doc.meeting.council) return councilKey(doc.meeting.council);
    if (!bodyName) return 'unknown';
    const known = this.bodyCouncils.get(slug(bodyName));
    return known && known.size === 1 ? [...known][0]! : 'unknown';
  }

  private datedTwin(doc: ResolvedDocument, council: string, bodyName: string | null): MeetingRecord | null {
    // Standing items ("Declarations of Interest", "Work Programme") recur at every meeting of a
    // body, so only the substantive items say which meeting a document records.
    const titles = doc.items
      .filter((i) => !PROCEDURAL.test(i.title))
      .map((i) => titleWords(i.title))
      .filter((w) => w.size > 0);
    if (titles.length < SAME_MEETING_MIN_ITEMS) return null;
    const bodyKnown = bodyName !== null;
    let best: { record: MeetingRecord; share: number } | null = null;
    for (const record of this.meetings.values()) {
      if (!record.date || record.council !== council) continue;
      if (bodyKnown && (!record.body || slug(record.body) !== slug(bodyName))) continue;
      const matched = titles.filter((t) => bestTitleMatch(record.items, t, () => true)).length;
      const share = matched / titles.length;
      // Without a body to go on, ask for more agreement before calling two documents one meeting.
      const needed = bodyKnown ? SAME_MEETING_SHARE : 0.8;
      if (matched >= SAME_MEETING_MIN_ITEMS && share >= needed && (!best || share > best.share)) {
        best = { record, share };
      }
    }
    return best?.record ?? null;
  }

  private findPerson(council: string, name: string): PersonRecord | null {
    const people = this.people.get(council);
    if (!people) return null;
    const exact = people.get(personKey(name));
    if (exact) return exact;
    const tokens = nameTokens(name).map((t) => t.toLowerCase());
    // Only full names: a bare surname ("Councillor Bower") one letter from another is another person.
    if (tokens.length < 2) return null;
    const first = tokens[0]!;
    const last = tokens[tokens.length - 1]!.replace(/[^a-z]/g, '');
    if (last.length < 5) return null;
    const candidates = [...people.values()].filter(
      (p) => p.full && p.first === first && p.last !== last && editDistanceAtMostOne(p.last, last),
    );
    const distinct = new Set(candidates.map((c) => c.id));
    return distinct.size === 1 ? candidates[0]! : null;
  }

  private notePerson(council: string, id: string, name: string): void {
    let people = this.people.get(council);
    if (!people) this.people.set(council, (people = new Map()));
    const key = personKey(name);
    if (people.has(key)) return;
    const tokens = nameTokens(name).map((t) => t.toLowerCase());
    const existing = [...people.values()].find((p) => p.id === id);
    people.set(key, {
      id,
      name: existing?.name ?? name,
      first: tokens[0] ?? '',
      last: (tokens[tokens.length - 1] ?? '').replace(/[^a-z]/g, ''),
      full: tokens.length >= 2,
    });
  }

  private noteBody(body: string | null, council: string): void {
    if (council === 'unknown' || !body) return;
    const key = slug(body);
    let councils = this.bodyCouncils.get(key);
    if (!councils) this.bodyCouncils.set(key, (councils = new Set()));
    councils.add(council);
  }

  private meetingRecord(id: string, council: string, body: string | null, date: string | null): MeetingRecord {
    let record = this.meetings.get(id);
    if (!record) this.meetings.set(id, (record = { id, council, body, date, items: [] }));
    return record;
  }
}

function noteItem(meeting: MeetingRecord, id: string, number: string | null, title: string): void {
  const words = titleWords(title);
  const known = meeting.items.find((i) => i.id === id);
  if (!known) {
    meeting.items.push({ id, number, titles: [words] });
    return;
  }
  known.number ??= number;
  const key = [...words].sort().join(' ');
  if (!known.titles.some((t) => [...t].sort().join(' ') === key)) known.titles.push(words);
}

function bestTitleMatch(
  items: ItemRecord[],
  words: Set<string>,
  accept: (item: ItemRecord) => boolean,
): ItemRecord | null {
  let best: ItemRecord | null = null;
  let bestScore = SAME_TITLE;
  for (const item of items) {
    if (!accept(item)) continue;
    const score = Math.max(...item.titles.map((t) => jaccard(t, words)));
    if (score >= bestScore) {
      best = item;
      bestScore = score;
    }
  }
  return best;
}

/** True when a and b differ by one insertion, deletion, substitution or adjacent swap. */
export function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
