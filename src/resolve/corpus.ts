/**
 * Cross-document resolution: which nodes of one document are the same entities as those of
 * other documents. It is a function of the SET of documents, never of the order or grouping
 * in which they arrived:
 *
 * - A document's council is the one it names; where it names none, the one council whose
 *   documents name its body (when exactly one does).
 * - One meeting published twice is one Meeting: a dated document's meeting is its council, body
 *   and date. An undated document is the dated meeting (same council, same body when it names
 *   one) whose items match most of its substantive item titles, among the meetings it shares at
 *   least one exact title signature with (ties: the smaller meeting id).
 * - An item without a number takes the id of the best-matching numbered item of another
 *   publication of its meeting (ties: the smaller id).
 * - People of one council who are one person spelled two ways ("Helen Sweaton" / "Helen Sweeton":
 *   same given name, surnames one letter apart) or linked by a document's own aliases ("Dick
 *   Madden" / "Mr Madden", where exactly one full name of the council claims that surname) are
 *   one Person; its id is the spelling most documents use (ties: the smaller key). People of
 *   different councils never merge.
 *
 * These rules read a few lookup structures: tallies ("how many documents of this council use the
 * full name k", "which councils name this body") and keyed document sets ("documents with this
 * title signature", "documents of this meeting"). They are answered by a `ResolutionSource` (the
 * store, or memory), so resolving one new document reads only the documents it can depend on, and
 * `planResolution` finds exactly the stored documents whose resolution a change can alter.
 */
import { councilKey, ids, personKey, slug } from '../graph/ids.ts';
import type { ResolvedDocument } from './types.ts';
import { followKey, followSummaryOf, followThrough, type FollowDoc, type FollowLink, type FollowSummary } from './follow.ts';


/* ------------------------------------------------------------------ what a document says */

/** The parts of a document cross-document resolution reads (stored with the document). */
export interface DocSummary {
  /** The Document node's id (`doc:` + the path under the ingest root). */
  id: string;
  /** councilKey of the council the document names, or null. */
  named: string | null;
  body: string | null;
  date: string | null;
  items: { n: string | null; t: string }[];
  people: { name: string; aliases: string[] }[];
  /** Requests, deferrals and back-references: what follow-through across meetings reads. */
  follow?: FollowSummary;
}

export function summarise(doc: ResolvedDocument): DocSummary {
  const follow = followSummaryOf(doc);
  return {
    id: ids.document(doc.source.id),
    named: doc.meeting.council ? councilKey(doc.meeting.council) : null,
    body: doc.meeting.body?.trim() || null,
    date: doc.meeting.date,
    items: doc.items.map((i) => ({ n: i.number, t: i.title })),
    people: doc.people.map((p) => ({ name: p.name, aliases: p.aliases })),
    ...(follow ? { follow } : {}),
  };
}

/** How a document was resolved: what its graph is built with (stored with the document). */
export interface Resolution {
  council: string;
  /** Null when the minutes do not say whose meeting it was. */
  bodyName: string | null;
  meetingId: string;
  meetingDate: string | null;
  mergedInto: string | null;
  /** Item ids, in the document's item order. */
  items: string[];
  /** Person ids, in the document's people order. */
  people: string[];
  /** Follow-through this document owns: requests it answers, deferrals that land in it (src/resolve/follow.ts). */
  links?: FollowLink[];
}

export interface PersonResolution {
  id: string;
  /** The spelling this document uses (the node's name is derived from every document's). */
  name: string;
  /** This document's other spellings of the person. */
  aliases: string[];
}

/** A Resolution keyed the way the graph builder reads it. */
export interface DocResolution {
  council: string;
  /** Null when neither the document nor a publication it was merged with names the body. */
  bodyName: string | null;
  meetingId: string;
  meetingDate: string | null;
  mergedInto: string | null;
  /** ResolvedItem.key → Item id. */
  items: Map<string, string>;
  /** ResolvedPerson.key → person. */
  people: Map<string, PersonResolution>;
  links: FollowLink[];
}

export function forBuilder(doc: ResolvedDocument, r: Resolution): DocResolution {
  const items = new Map<string, string>();
  doc.items.forEach((item, i) => {
    const id = r.items[i];
    if (id) items.set(item.key, id);
  });
  const people = new Map<string, PersonResolution>();
  doc.people.forEach((p, i) => {
    const id = r.people[i];
    if (id) people.set(p.key, { id, name: p.name, aliases: [...new Set(p.aliases)].filter((a) => a !== p.name) });
  });
  return { council: r.council, bodyName: r.bodyName, meetingId: r.meetingId, meetingDate: r.meetingDate, mergedInto: r.mergedInto, items, people, links: r.links ?? [] };
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
const SAME_MEETING_SHARE_NO_BODY = 0.8;
const SAME_MEETING_MIN_ITEMS = 2;

/**
 * Computed once per summary (a summary is never changed once made): an undated document is
 * compared with every candidate meeting's items, and each stored summary is read by many.
 */
const substantiveCache = new WeakMap<DocSummary, Set<string>[]>();
const itemWordsCache = new WeakMap<DocSummary, Set<string>[]>();

/** The substantive item titles of a document (standing items recur at every meeting). */
function substantiveTitles(s: DocSummary): Set<string>[] {
  let titles = substantiveCache.get(s);
  if (!titles) {
    titles = s.items
      .filter((i) => !PROCEDURAL.test(i.t))
      .map((i) => titleWords(i.t))
      .filter((w) => w.size > 0);
    substantiveCache.set(s, titles);
  }
  return titles;
}

/** The words of every item title of a document, in item order. */
function itemWords(s: DocSummary): Set<string>[] {
  let words = itemWordsCache.get(s);
  if (!words) itemWordsCache.set(s, (words = s.items.map((i) => titleWords(i.t))));
  return words;
}

/** A title's signature: its words, sorted. Two publications of an item mostly share it exactly. */
export function signature(words: Set<string>): string {
  return [...words].sort().join(' ');
}

const isFull = (key: string) => key.includes('-');
const firstOf = (key: string) => key.slice(0, key.indexOf('-'));
const lastOf = (key: string) => key.slice(key.lastIndexOf('-') + 1);

/** The person keys of each person of the document: its name's key first, then its aliases'. */
function personKeys(s: DocSummary): string[][] {
  return s.people.map((p) => [...new Set([personKey(p.name), ...p.aliases.map((a) => personKey(a))])]);
}

/* ------------------------------------------------------------------ lookups */

export type Counter = Record<string, number>;

/** What resolution reads, in batches. Answers reflect the store as committed. */
export interface ResolutionSource {
  /** Stored documents (with summary and resolution), by id; absent ids are left out. */
  documents(ids: string[]): Promise<StoredResolution[]>;
  /** Documents holding each lookup key. */
  docsWithKeys(keys: string[]): Promise<Map<string, string[]>>;
  /** Documents whose facts are sourced into each meeting. */
  docsOfMeetings(meetingIds: string[]): Promise<Map<string, string[]>>;
  /** Documents with a fact touching each node. */
  docsReferencing(nodeIds: string[]): Promise<Map<string, string[]>>;
  /** Tallies by key. */
  tallies(keys: string[]): Promise<Map<string, Counter>>;
}

export interface StoredResolution {
  id: string;
  summary: DocSummary;
  resolution: Resolution;
  keys: string[];
  tallies: string[];
}

/** The keys and tallies a document contributes, given the council it resolved to. */
export function contributions(s: DocSummary, council: string): { keys: string[]; tallies: string[] } {
  const keys = new Set<string>();
  // Dated documents hold `t|` (the candidates an undated one may join), undated ones `v|` (the
  // ones a dated document's change may move): each side finds the other without reading its own kind.
  const kind = s.date ? 't' : 'v';
  for (const words of substantiveTitles(s)) keys.add(`${kind}|${council}|${signature(words)}`);
  const bodySlug = s.body ? slug(s.body) : null;
  if (!s.named && bodySlug) keys.add(`u|${bodySlug}`);
  const series = followKey(council, s.body, s.date);
  if (series) keys.add(series);
  const tallies = new Set<string>();
  if (s.named && bodySlug) tallies.add(tally(`b|${bodySlug}`, s.named));
  for (const keysOfPerson of personKeys(s)) {
    const full = keysOfPerson.filter(isFull);
    const bare = keysOfPerson.filter((k) => !isFull(k));
    for (const f of full) tallies.add(tally(`f|${council}|${firstOf(f)}`, f));
    for (const f of full) for (const g of full) if (f !== g) tallies.add(tally(`l|${council}|${f}`, g));
    for (const b of bare) for (const f of full) tallies.add(tally(`a|${council}|${b}`, f));
  }
  return { keys: [...keys].sort(), tallies: [...tallies].sort() };
}

/**
 * The scheme of the keys above, part of the model's version: a store whose documents hold keys
 * of another scheme has them rebuilt by the next ingest (each document records its model).
 * 2: undated documents' title signatures under `v|`, apart from dated ones' `t|`.
 */
export const KEY_SCHEME = 2;

const SEP = '\u0001';
const tally = (key: string, entry: string) => `${key}${SEP}${entry}`;
export function splitTally(t: string): [string, string] {
  const i = t.indexOf(SEP);
  return [t.slice(0, i), t.slice(i + 1)];
}

/* ------------------------------------------------------------------ the world resolution reads */

type MissingKind = 'doc' | 'key' | 'meeting' | 'tally';

/**
 * A view of the set of documents: the committed store, with a set of documents whose new state
 * overrides it (added, changed, re-resolved) and a set removed. A lookup not loaded yet is
 * recorded as missing and answered empty; the planner discards that answer, loads everything
 * the batch missed at once, and runs again.
 */
class World {
  readonly summaries = new Map<string, DocSummary>();
  readonly storedDocs = new Map<string, StoredResolution>();
  readonly absent = new Set<string>();
  private readonly keyDocs = new Map<string, string[]>();
  private readonly meetingDocs = new Map<string, string[]>();
  private readonly storedTallies = new Map<string, Counter>();
  /** Documents whose state here overrides the store: their council, meeting, keys, tallies. */
  readonly overrides = new Map<string, { council: string; meetingId: string | null; keys: string[]; tallies: string[] } | null>();
  private readonly tallyDelta = new Map<string, Counter>();
  private readonly keyAdded = new Map<string, Set<string>>();
  private readonly keyRemoved = new Map<string, Set<string>>();
  /** Overridden documents by the meeting they now resolve to (docsOfMeeting stays O(its documents)). */
  private readonly overrideMeetings = new Map<string, Set<string>>();
  misses = 0;
  readonly missing: Record<MissingKind, Set<string>> = { doc: new Set(), key: new Set(), meeting: new Set(), tally: new Set() };

  constructor(readonly useOverrides: boolean) {}

  private miss(kind: MissingKind, id: string): void {
    this.misses++;
    this.missing[kind].add(id);
  }

  loadDoc(d: StoredResolution): void {
    this.storedDocs.set(d.id, d);
    if (!this.summaries.has(d.id)) this.summaries.set(d.id, d.summary);
  }
  loadKey(key: string, docs: string[]): void {
    this.keyDocs.set(key, docs);
  }
  loadMeeting(id: string, docs: string[]): void {
    this.meetingDocs.set(id, docs);
  }
  loadTally(key: string, c: Counter): void {
    this.storedTallies.set(key, c);
  }

  summary(id: string): DocSummary {
    const s = this.summaries.get(id);
    if (s) return s;
    this.miss('doc', id);
    return { id, named: null, body: null, date: null, items: [], people: [] };
  }

  stored(id: string): StoredResolution | null {
    if (this.storedDocs.has(id)) return this.storedDocs.get(id)!;
    if (!this.absent.has(id)) this.miss('doc', id);
    return null;
  }

  /** The state of a document in this world: council and meeting it resolves to. */
  state(id: string): { council: string; meetingId: string | null } | null {
    if (this.useOverrides && this.overrides.has(id)) return this.overrides.get(id) ?? null;
    const d = this.stored(id);
    return d ? { council: d.resolution.council, meetingId: d.resolution.meetingId } : null;
  }

  docsWithKey(key: string): string[] {
    const cached = this.keyCache.get(key);
    if (cached) return cached;
    const value = this.computeKey(key);
    if (this.keyDocs.has(key)) this.keyCache.set(key, value);
    return value;
  }

  private computeKey(key: string): string[] {
    const stored = this.keyDocs.get(key);
    if (!stored) {
      this.miss('key', key);
      return [];
    }
    if (!this.useOverrides) return stored;
    const removed = this.keyRemoved.get(key);
    const out = new Set(stored.filter((d) => !removed?.has(d)));
    for (const d of this.keyAdded.get(key) ?? []) out.add(d);
    return [...out].sort();
  }

  docsOfMeeting(meetingId: string): string[] {
    const stored = this.meetingDocs.get(meetingId);
    if (!stored) {
      this.miss('meeting', meetingId);
      return [];
    }
    const out = new Set<string>();
    for (const d of stored) {
      if (this.useOverrides && this.overrides.has(d)) continue;
      out.add(d);
    }
    if (this.useOverrides) for (const d of this.overrideMeetings.get(meetingId) ?? []) out.add(d);
    return [...out].sort();
  }

  /** Computed answers, dropped when a document's contributions to that key change. */
  private readonly tallyCache = new Map<string, Counter>();
  private readonly keyCache = new Map<string, string[]>();

  tallyOf(key: string): Counter {
    const cached = this.tallyCache.get(key);
    if (cached) return cached;
    const value = this.computeTally(key);
    if (this.storedTallies.has(key)) this.tallyCache.set(key, value);
    return value;
  }

  private computeTally(key: string): Counter {
    const stored = this.storedTallies.get(key);
    if (!stored) {
      this.miss('tally', key);
      return {};
    }
    const delta = this.useOverrides ? this.tallyDelta.get(key) : undefined;
    if (!delta) return stored;
    const out: Counter = { ...stored };
    for (const [k, n] of Object.entries(delta)) {
      const v = (out[k] ?? 0) + n;
      if (v > 0) out[k] = v;
      else delete out[k];
    }
    return out;
  }

  /** Replaces a document's contributions in this world (old ones from the store, if any). */
  override(id: string, next: { council: string; meetingId: string | null; keys: string[]; tallies: string[] } | null): void {
    const before = this.overrides.has(id) ? this.overrides.get(id) : this.storedContribution(id);
    this.apply(id, before ?? null, -1);
    this.apply(id, next, +1);
    const old = this.overrides.get(id)?.meetingId;
    if (old) this.overrideMeetings.get(old)?.delete(id);
    this.overrides.set(id, next);
    if (next?.meetingId) this.indexMeeting(id, next.meetingId);
  }

  setMeeting(id: string, meetingId: string): void {
    const o = this.overrides.get(id);
    if (!o) return;
    if (o.meetingId) this.overrideMeetings.get(o.meetingId)?.delete(id);
    o.meetingId = meetingId;
    this.indexMeeting(id, meetingId);
  }

  private indexMeeting(id: string, meetingId: string): void {
    let set = this.overrideMeetings.get(meetingId);
    if (!set) this.overrideMeetings.set(meetingId, (set = new Set()));
    set.add(id);
  }

  private storedContribution(id: string): { keys: string[]; tallies: string[] } | null {
    const d = this.storedDocs.get(id);
    return d ? { keys: d.keys, tallies: d.tallies } : null;
  }

  private apply(id: string, c: { keys: string[]; tallies: string[] } | null, sign: 1 | -1): void {
    if (!c) return;
    for (const key of c.keys) {
      this.keyCache.delete(key);
      const [add, del] = sign > 0 ? [this.keyAdded, this.keyRemoved] : [this.keyRemoved, this.keyAdded];
      del.get(key)?.delete(id);
      let set = add.get(key);
      if (!set) add.set(key, (set = new Set()));
      set.add(id);
    }
    for (const t of c.tallies) {
      const [key, entry] = splitTally(t);
      this.tallyCache.delete(key);
      let delta = this.tallyDelta.get(key);
      if (!delta) this.tallyDelta.set(key, (delta = {}));
      delta[entry] = (delta[entry] ?? 0) + sign;
    }
  }

  /** Tally keys whose counts this world changes. */
  changedTallies(): string[] {
    return [...this.tallyDelta.entries()].filter(([, d]) => Object.values(d).some((n) => n !== 0)).map(([k]) => k);
  }
}

/* ------------------------------------------------------------------ the rules */

function uniqueCouncil(c: Counter): string | null {
  const councils = Object.keys(c).filter((k) => (c[k] ?? 0) > 0 && k !== 'unknown');
  return councils.length === 1 ? councils[0]! : null;
}

function councilOf(w: World, s: DocSummary): string {
  if (s.named) return s.named;
  if (!s.body) return 'unknown';
  return uniqueCouncil(w.tallyOf(`b|${slug(s.body)}`)) ?? 'unknown';
}

interface MeetingChoice {
  meetingId: string;
  meetingDate: string | null;
  /** Null when neither the document nor a publication it was merged with names the body. */
  bodyName: string | null;
  mergedInto: string | null;
}

function meetingOf(w: World, s: DocSummary, council: string): MeetingChoice {
  const bodyName = s.body || null;
  if (s.date) return { meetingId: ids.meeting(council, bodyName, s.date, s.id), meetingDate: s.date, bodyName, mergedInto: null };
  const undated = { meetingId: ids.meeting(council, bodyName, null, s.id), meetingDate: null, bodyName, mergedInto: null };
  const titles = substantiveTitles(s);
  if (titles.length < SAME_MEETING_MIN_ITEMS) return undated;
  const bodyKnown = s.body !== null;
  // Candidate meetings: dated documents of the council sharing an exact title signature.
  const candidates = new Set<string>();
  for (const sig of new Set(titles.map(signature))) {
    for (const other of w.docsWithKey(`t|${council}|${sig}`)) {
      if (other === s.id) continue;
      const x = w.summary(other);
      if (!x.date) continue;
      if (bodyKnown && (!x.body || slug(x.body) !== slug(bodyName!))) continue;
      const st = w.state(other);
      if (st?.council === council && st.meetingId) candidates.add(st.meetingId);
    }
  }
  let best: { id: string; share: number; date: string; body: string | null } | null = null;
  for (const m of [...candidates].sort()) {
    const dated = w.docsOfMeeting(m).map((d) => w.summary(d)).filter((x) => x.date);
    if (dated.length === 0) continue;
    const items = dated.flatMap(itemWords);
    const matched = titles.filter((t) => items.some((i) => jaccard(i, t) >= SAME_TITLE)).length;
    const share = matched / titles.length;
    const needed = bodyKnown ? SAME_MEETING_SHARE : SAME_MEETING_SHARE_NO_BODY;
    if (matched >= SAME_MEETING_MIN_ITEMS && share >= needed && (!best || share > best.share)) {
      const first = dated.sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
      best = { id: m, share, date: first.date!, body: first.body || null };
    }
  }
  if (!best) return undated;
  // The dated publication names the body when this one does not.
  return { meetingId: best.id, meetingDate: best.date, bodyName: best.body, mergedInto: best.id };
}

function itemsOf(w: World, s: DocSummary, meetingId: string): string[] {
  let numbered: Map<string, Set<string>[]> | null = null;
  const numberedItems = () => {
    if (numbered) return numbered;
    const found = new Map<string, Set<string>[]>();
    numbered = found;
    for (const other of w.docsOfMeeting(meetingId)) {
      if (other === s.id) continue;
      const summary = w.summary(other);
      const words = itemWords(summary);
      summary.items.forEach((i, k) => {
        if (!i.n) return;
        const id = ids.item(meetingId, i.n, i.t);
        const list = found.get(id) ?? [];
        list.push(words[k]!);
        found.set(id, list);
      });
    }
    return numbered;
  };
  const used = new Set<string>();
  return s.items.map((item) => {
    let id = ids.item(meetingId, item.n, item.t);
    if (!item.n) {
      const words = titleWords(item.t);
      let bestId: string | null = null;
      let bestScore = SAME_TITLE;
      for (const [candidate, titles] of [...numberedItems().entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const score = Math.max(...titles.map((t) => jaccard(t, words)));
        if (score > bestScore || (score === bestScore && bestId === null)) {
          bestId = candidate;
          bestScore = score;
        }
      }
      if (bestId) id = bestId;
    }
    // Two items of one document with the same title (or number) stay two items.
    let unique = id;
    for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
    used.add(unique);
    return unique;
  });
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

/** Full keys one spelling slip apart: same given name, surnames of 5+ letters one edit apart. */
function slipApart(a: string, b: string): boolean {
  const la = lastOf(a);
  const lb = lastOf(b);
  return la !== lb && la.length >= 5 && lb.length >= 5 && editDistanceAtMostOne(la, lb);
}

/** The full keys that are one person with `key`, in this council. */
function clusterOf(w: World, council: string, key: string): string[] {
  const seen = new Set([key]);
  const queue = [key];
  while (queue.length > 0) {
    const k = queue.shift()!;
    const neighbours = Object.keys(w.tallyOf(`l|${council}|${k}`));
    for (const other of Object.keys(w.tallyOf(`f|${council}|${firstOf(k)}`))) {
      if (other !== k && slipApart(k, other)) neighbours.push(other);
    }
    for (const n of neighbours) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return [...seen].sort();
}

/** The key a cluster is known by: the one most documents use, then the smaller. */
function representative(w: World, council: string, cluster: string[]): string {
  let best = cluster[0]!;
  let bestCount = -1;
  for (const k of cluster) {
    const count = w.tallyOf(`f|${council}|${firstOf(k)}`)[k] ?? 0;
    if (count > bestCount || (count === bestCount && k < best)) {
      best = k;
      bestCount = count;
    }
  }
  return best;
}

function personIdFor(w: World, council: string, keys: string[]): string {
  const full = keys.filter(isFull);
  if (full.length > 0) return `person:${council}:${representative(w, council, clusterOf(w, council, full[0]!))}`;
  const linked = new Set<string>();
  for (const b of keys) for (const f of Object.keys(w.tallyOf(`a|${council}|${b}`))) linked.add(f);
  if (linked.size === 1) {
    const f = [...linked][0]!;
    return `person:${council}:${representative(w, council, clusterOf(w, council, f))}`;
  }
  return `person:${council}:${keys[0]}`;
}

function peopleOf(w: World, s: DocSummary, council: string): string[] {
  return personKeys(s).map((keys) => personIdFor(w, council, keys));
}

function resolveIn(w: World, s: DocSummary): Resolution {
  const council = councilOf(w, s);
  const m = meetingOf(w, s, council);
  return { council, ...m, items: itemsOf(w, s, m.meetingId), people: peopleOf(w, s, council) };
}

/* ------------------------------------------------------------------ planning a change */

export interface Change {
  id: string;
  /** The new version's summary; null when the document is removed. */
  next: DocSummary | null;
}

export interface PlannedDocument {
  id: string;
  summary: DocSummary;
  resolution: Resolution;
  keys: string[];
  tallies: string[];
}

export interface ResolutionPlan {
  /** New resolutions of the changed documents (removed ones left out). */
  changed: PlannedDocument[];
  /** Stored documents whose resolution the change alters: they must be rebuilt in the same commit. */
  rewrite: PlannedDocument[];
  /** Stored documents read to decide (for reports). */
  examined: number;
}

/** Loads what the last round missed, in one batch per kind. */
async function load(w: World, source: ResolutionSource): Promise<void> {
  const { doc, key, meeting, tally: tallyKeys } = w.missing;
  const taken = { doc: [...doc], key: [...key], meeting: [...meeting], tally: [...tallyKeys] };
  for (const set of Object.values(w.missing)) set.clear();
  if (taken.key.length) {
    const found = await source.docsWithKeys(taken.key);
    for (const k of taken.key) w.loadKey(k, found.get(k) ?? []);
  }
  if (taken.meeting.length) {
    const found = await source.docsOfMeetings(taken.meeting);
    for (const m of taken.meeting) w.loadMeeting(m, found.get(m) ?? []);
  }
  if (taken.tally.length) {
    const found = await source.tallies(taken.tally);
    for (const k of taken.tally) w.loadTally(k, found.get(k) ?? {});
  }
  if (taken.doc.length) {
    const found = await source.documents(taken.doc);
    const got = new Set(found.map((d) => d.id));
    for (const d of found) w.loadDoc(d);
    for (const id of taken.doc) if (!got.has(id)) w.absent.add(id);
  }
}

/**
 * Runs `work` for every id; what all of them miss is loaded in one batch per round and the
 * ones that missed something run again, so thousands of documents cost a few store round trips.
 */
async function forEachLoaded<T>(w: World, source: ResolutionSource, idsToDo: readonly string[], work: (id: string) => T): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  let todo = [...idsToDo];
  for (let round = 0; todo.length > 0; round++) {
    const next: string[] = [];
    for (const id of todo) {
      const before = w.misses;
      const result = work(id);
      if (w.misses === before) out.set(id, result);
      else next.push(id);
    }
    if (next.length === 0) break;
    if (round > 1000) throw new Error('cross-document resolution did not settle: a lookup is never satisfied');
    await load(w, source);
    todo = next;
  }
  return out;
}

/**
 * Plans a change to the set of stored documents (added, changed, removed): the resolution of
 * every changed document, and every stored document whose resolution changes with it. Writing
 * all of them in one transaction keeps the store equal, after every commit, to a clean ingest of
 * the documents it holds.
 */
export async function planResolution(source: ResolutionSource, changes: Change[]): Promise<ResolutionPlan> {
  const after = new World(true);
  const before = new World(false);
  const changedIds = new Set(changes.map((c) => c.id));
  const loadBoth = (docs: StoredResolution[]) => {
    for (const d of docs) {
      after.loadDoc(d);
      before.loadDoc(d);
    }
  };
  // The stored versions of the changed documents.
  const stored = await source.documents([...changedIds]);
  loadBoth(stored);
  const storedById = new Map(stored.map((d) => [d.id, d]));
  for (const c of changes) {
    if (!storedById.has(c.id)) {
      after.absent.add(c.id);
      before.absent.add(c.id);
    }
    if (c.next) after.summaries.set(c.id, c.next);
  }

  // Stratum 0, councils. Which councils name a body does not depend on resolution: apply the
  // changed documents' body tallies first, then see whose inferred council that moves.
  for (const c of changes) {
    const tallies = c.next?.named ? contributions(c.next, c.next.named).tallies.filter((t) => t.startsWith('b|')) : [];
    after.override(c.id, c.next ? { council: c.next.named ?? 'unknown', meetingId: null, keys: [], tallies } : null);
  }
  const bodies = new Set<string>();
  for (const c of changes) for (const s of [storedById.get(c.id)?.summary, c.next]) if (s?.named && s.body) bodies.add(slug(s.body));
  const councilMoved = new Set<string>();
  if (bodies.size) {
    const bodyKeys = [...bodies].map((b) => `b|${b}`);
    const tallies = await source.tallies(bodyKeys);
    for (const k of bodyKeys) {
      after.loadTally(k, tallies.get(k) ?? {});
      before.loadTally(k, tallies.get(k) ?? {});
    }
    const moving = [...bodies].filter((b) => uniqueCouncil(before.tallyOf(`b|${b}`)) !== uniqueCouncil(after.tallyOf(`b|${b}`)));
    for (const [, docs] of await source.docsWithKeys(moving.map((b) => `u|${b}`))) for (const d of docs) if (!changedIds.has(d)) councilMoved.add(d);
  }
  loadBoth(await source.documents([...councilMoved]));
  // Documents re-resolved from here on: the changed ones and those whose council may move.
  const reresolve = new Set<string>([...changes.filter((c) => c.next).map((c) => c.id), ...councilMoved]);
  const councils = await forEachLoaded(after, source, [...reresolve], (id) => councilOf(after, after.summary(id)));
  for (const id of reresolve) {
    const s = after.summary(id);
    const council = councils.get(id)!;
    const { keys, tallies } = contributions(s, council);
    const meetingId = s.date ? ids.meeting(council, s.body || null, s.date, s.id) : null;
    after.override(id, { council, meetingId, keys, tallies });
  }

  // Stratum 1, undated documents' meetings. One may change when a dated document it shares a
  // title signature with changes, or any dated publication of a meeting it could join.
  const touchedMeetings = new Set<string>();
  const datedVersions: { council: string; summary: DocSummary }[] = [];
  for (const id of [...changedIds, ...councilMoved]) {
    const old = after.storedDocs.get(id);
    if (old?.summary.date) {
      datedVersions.push({ council: old.resolution.council, summary: old.summary });
      touchedMeetings.add(old.resolution.meetingId);
    }
    const s = after.summaries.get(id);
    const o = after.overrides.get(id);
    if (s?.date && o?.meetingId) {
      datedVersions.push({ council: o.council, summary: s });
      touchedMeetings.add(o.meetingId);
    }
  }
  const ofTouched = await source.docsOfMeetings([...touchedMeetings]);
  const meetingPeers = [...new Set([...ofTouched.values()].flat())].filter((d) => !after.storedDocs.has(d));
  loadBoth(await source.documents(meetingPeers));
  for (const docs of ofTouched.values()) {
    for (const d of docs) {
      const peer = after.storedDocs.get(d);
      if (peer?.summary.date && !changedIds.has(d)) datedVersions.push({ council: peer.resolution.council, summary: peer.summary });
    }
  }
  const sigKeys = new Set<string>();
  for (const d of datedVersions) for (const words of substantiveTitles(d.summary)) sigKeys.add(`v|${d.council}|${signature(words)}`);
  const undated = new Set<string>([...ofTouched.values()].flat());
  for (const docs of (await source.docsWithKeys([...sigKeys])).values()) for (const d of docs) undated.add(d);
  loadBoth(await source.documents([...undated].filter((d) => !after.storedDocs.has(d))));
  for (const d of undated) {
    const doc = after.storedDocs.get(d);
    if (!doc || doc.summary.date || reresolve.has(d) || changedIds.has(d)) continue;
    reresolve.add(d);
    after.override(d, { council: doc.resolution.council, meetingId: doc.resolution.meetingId, keys: doc.keys, tallies: doc.tallies });
  }
  const toDecide = [...reresolve].filter((id) => !after.summary(id).date);
  const meetings = await forEachLoaded(after, source, toDecide, (id) => meetingOf(after, after.summary(id), after.overrides.get(id)!.council));
  for (const [id, m] of meetings) after.setMeeting(id, m.meetingId);

  // Stratum 2, item ids: every document of a meeting that a re-resolved document left or joined.
  const itemMeetings = new Set<string>();
  for (const id of [...reresolve, ...changedIds]) {
    const old = after.storedDocs.get(id);
    if (old) itemMeetings.add(old.resolution.meetingId);
    const m = after.overrides.get(id)?.meetingId;
    if (m) itemMeetings.add(m);
  }
  const others = new Set<string>();
  for (const docs of (await source.docsOfMeetings([...itemMeetings])).values()) for (const d of docs) if (!reresolve.has(d) && !changedIds.has(d)) others.add(d);

  // Stratum 3, people: ids that move because the tallies of their council changed.
  for (const docs of (await source.docsReferencing([...(await changedPersonIds(before, after, source))])).values()) {
    for (const d of docs) if (!reresolve.has(d) && !changedIds.has(d)) others.add(d);
  }
  loadBoth(await source.documents([...others].filter((id) => !after.storedDocs.has(id))));

  const all = [...new Set([...reresolve, ...others])].sort();
  const resolutions = await forEachLoaded(after, source, all, (id) => resolveIn(after, after.summary(id)));

  // Stratum 4, follow-through: every body a resolved or removed document was or is of.
  const linked = await planFollowThrough(after, source, changes, resolutions, loadBoth);
  for (const id of linked.keys()) if (!resolutions.has(id)) all.push(id);
  all.sort();

  const plan: ResolutionPlan = { changed: [], rewrite: [], examined: after.storedDocs.size };
  for (const id of all) {
    const resolution = resolutions.get(id) ?? { ...after.storedDocs.get(id)!.resolution };
    const links = linked.get(id);
    if (links !== undefined) {
      if (links.length) resolution.links = links;
      else delete resolution.links;
    }
    const summary = after.summary(id);
    const { keys, tallies } = contributions(summary, resolution.council);
    const planned = { id, summary, resolution, keys, tallies };
    if (changedIds.has(id)) {
      plan.changed.push(planned);
      continue;
    }
    const old = after.storedDocs.get(id);
    const same = old && JSON.stringify(old.resolution) === JSON.stringify(resolution) && old.keys.join('\n') === keys.join('\n') && old.tallies.join('\n') === tallies.join('\n');
    if (!same) plan.rewrite.push(planned);
  }
  return plan;
}

/**
 * The follow-through links of every document of the bodies the change touches (the old and new
 * body of each document resolved, and of each removed one), by document id. Reads the documents
 * of those bodies only (their series key), never the rest of the store.
 */
async function planFollowThrough(
  after: World,
  source: ResolutionSource,
  changes: Change[],
  resolutions: Map<string, Resolution>,
  loadBoth: (docs: StoredResolution[]) => void,
): Promise<Map<string, FollowLink[]>> {
  const removed = new Set(changes.filter((c) => !c.next).map((c) => c.id));
  const seriesKeys = new Set<string>();
  const keyOf = (s: DocSummary | undefined, r: Resolution | undefined) => (s && r ? followKey(r.council, r.bodyName, s.date) : null);
  for (const id of [...resolutions.keys(), ...removed]) {
    const stored = after.storedDocs.get(id);
    for (const k of [keyOf(stored?.summary, stored?.resolution), removed.has(id) ? null : keyOf(after.summaries.get(id), resolutions.get(id))]) if (k) seriesKeys.add(k);
  }
  if (seriesKeys.size === 0) return new Map();
  const members = new Map<string, Set<string>>();
  for (const [k, docs] of await source.docsWithKeys([...seriesKeys])) members.set(k, new Set(docs));
  for (const [id, r] of resolutions) {
    const k = keyOf(after.summaries.get(id), r);
    if (k && seriesKeys.has(k)) members.get(k)?.add(id) ?? members.set(k, new Set([id]));
  }
  const wanted = [...new Set([...members.values()].flatMap((m) => [...m]))].filter((id) => !after.storedDocs.has(id) && !resolutions.has(id));
  loadBoth(await source.documents(wanted));
  const out = new Map<string, FollowLink[]>();
  for (const [k, ids] of members) {
    const docs: FollowDoc[] = [];
    for (const id of [...ids].sort()) {
      if (removed.has(id)) continue;
      const summary = after.summaries.get(id) ?? after.storedDocs.get(id)?.summary;
      const resolution = resolutions.get(id) ?? after.storedDocs.get(id)?.resolution;
      // A member whose new resolution left this body (or lost its date) is not of this series any more.
      if (!summary || !resolution || keyOf(summary, resolution) !== k || !summary.date) continue;
      docs.push({ id, date: summary.date, meetingId: resolution.meetingId, items: resolution.items, titles: summary.items.map((i) => i.t), follow: summary.follow ?? { requests: [], deferrals: [], refs: [] } });
    }
    const links = followThrough(docs);
    for (const d of docs) {
      const now = links.get(d.id) ?? [];
      const before = (resolutions.get(d.id) ? undefined : after.storedDocs.get(d.id)?.resolution.links) ?? [];
      if (resolutions.has(d.id) || JSON.stringify(now) !== JSON.stringify(before)) out.set(d.id, now);
    }
  }
  return out;
}

/** Person ids (as stored) whose documents resolve differently after the change. */
async function changedPersonIds(before: World, after: World, source: ResolutionSource): Promise<Set<string>> {
  const changedKeys = after.changedTallies().filter((t) => /^[fla]\|/.test(t));
  const was = await forEachLoaded(before, source, changedKeys, (k) => before.tallyOf(k));
  const now = await forEachLoaded(after, source, changedKeys, (k) => after.tallyOf(k));
  // The person keys whose tallies moved.
  const seeds = new Set<string>();
  for (const t of changedKeys) {
    const [kind, council, rest] = t.split('|') as [string, string, string];
    if (kind === 'f') {
      const a = was.get(t) ?? {};
      const b = now.get(t) ?? {};
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if ((a[k] ?? 0) !== (b[k] ?? 0)) seeds.add(`${council}|${k}`);
    } else seeds.add(`${council}|${rest}`);
  }
  const split = (s: string) => {
    const i = s.indexOf('|');
    return { council: s.slice(0, i), key: s.slice(i + 1) };
  };
  // Every member of their clusters, before and after: a merge or split moves them all.
  const keys = new Set(seeds);
  for (const w of [before, after]) {
    const clusters = await forEachLoaded(w, source, [...seeds], (s) => {
      const { council, key } = split(s);
      return isFull(key) ? clusterOf(w, council, key) : [key];
    });
    for (const [s, members] of clusters) for (const m of members) keys.add(`${split(s).council}|${m}`);
  }
  const idBefore = await forEachLoaded(before, source, [...keys], (s) => personIdFor(before, split(s).council, [split(s).key]));
  const idAfter = await forEachLoaded(after, source, [...keys], (s) => personIdFor(after, split(s).council, [split(s).key]));
  const changed = new Set<string>();
  for (const k of keys) if (idBefore.get(k) !== idAfter.get(k)) changed.add(idBefore.get(k)!);
  return changed;
}

/* ------------------------------------------------------------------ in memory */

/** A ResolutionSource over documents held in memory (tests; an empty store). */
export class MemorySource implements ResolutionSource {
  readonly docs = new Map<string, StoredResolution>();

  async documents(idsWanted: string[]): Promise<StoredResolution[]> {
    return idsWanted.flatMap((id) => (this.docs.has(id) ? [this.docs.get(id)!] : []));
  }
  async docsWithKeys(keys: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const k of keys) out.set(k, [...this.docs.values()].filter((d) => d.keys.includes(k)).map((d) => d.id).sort());
    return out;
  }
  async docsOfMeetings(meetingIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const m of meetingIds) out.set(m, [...this.docs.values()].filter((d) => d.resolution.meetingId === m).map((d) => d.id).sort());
    return out;
  }
  async docsReferencing(nodeIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const n of nodeIds) out.set(n, [...this.docs.values()].filter((d) => d.resolution.people.includes(n)).map((d) => d.id).sort());
    return out;
  }
  async tallies(keys: string[]): Promise<Map<string, Counter>> {
    const out = new Map<string, Counter>();
    for (const k of keys) out.set(k, {});
    for (const d of this.docs.values()) {
      for (const t of d.tallies) {
        const [key, entry] = splitTally(t);
        const c = out.get(key);
        if (c) c[entry] = (c[entry] ?? 0) + 1;
      }
    }
    return out;
  }

  apply(plan: ResolutionPlan, removed: string[] = []): void {
    for (const id of removed) this.docs.delete(id);
    for (const d of [...plan.changed, ...plan.rewrite]) this.docs.set(d.id, d);
  }
}

/**
 * Resolution of a set of documents held in memory, with the rules ingestion applies against the
 * store (tests and tools): `await CorpusIndex.of(docs)`, then `resolve` any of them.
 */
export class CorpusIndex {
  private constructor(
    private readonly docs: Map<string, ResolvedDocument>,
    private readonly resolved: Map<string, Resolution>,
  ) {}

  static async of(docs: readonly ResolvedDocument[]): Promise<CorpusIndex> {
    const byId = new Map(docs.map((d) => [ids.document(d.source.id), d]));
    const plan = await planResolution(new MemorySource(), [...byId.entries()].map(([id, d]) => ({ id, next: summarise(d) })));
    return new CorpusIndex(byId, new Map(plan.changed.map((p) => [p.id, p.resolution])));
  }

  /** The same set with some documents replaced by other versions (or added). */
  async with(docs: readonly ResolvedDocument[]): Promise<CorpusIndex> {
    const merged = new Map(this.docs);
    for (const d of docs) merged.set(ids.document(d.source.id), d);
    return CorpusIndex.of([...merged.values()]);
  }

  /** By source id (the path the document was read as). */
  resolution(sourceId: string): Resolution {
    const r = this.resolved.get(ids.document(sourceId));
    if (!r) throw new Error(`${sourceId} is not in this CorpusIndex`);
    return r;
  }

  resolve(doc: ResolvedDocument): DocResolution {
    return forBuilder(doc, this.resolution(doc.source.id));
  }
}
