/**
 * Stable node ids, derived from the canonical entity rather than from the document that
 * mentioned it, so the same person, body, meeting or item read from two documents lands on
 * the same node, and re-reading a document reproduces exactly the same ids.
 *
 * Every id starts with its node type's prefix: the stores use it to pick the node table
 * (Kuzu) or label (Neo4j) without a scan over every type.
 */
import { createHash } from 'node:crypto';
import type { NodeType } from './model.ts';

const PREFIX: Record<NodeType, string> = {
  Person: 'person',
  Role: 'role',
  Body: 'body',
  Meeting: 'meeting',
  Item: 'item',
  Strategy: 'strategy',
  Topic: 'topic',
  Request: 'request',
  Deferral: 'deferral',
  Decision: 'decision',
  Document: 'doc',
};
const TYPE_BY_PREFIX = new Map(Object.entries(PREFIX).map(([type, prefix]) => [prefix, type as NodeType]));

/** The node type an id belongs to, or null for an id that no builder made. */
export function typeOfId(id: string): NodeType | null {
  const colon = id.indexOf(':');
  return colon > 0 ? (TYPE_BY_PREFIX.get(id.slice(0, colon)) ?? null) : null;
}

/** Lower-case words joined by '-', accents folded: "Children's & Young People" → "childrens-young-people". */
export function slug(text: string, max = 80): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (s.length > max ? s.slice(0, max).replace(/-+$/, '') : s) || 'x';
}

export function shortHash(text: string, length = 10): string {
  return createHash('sha1').update(text).digest('hex').slice(0, length);
}

/** Forms of address that are not part of anyone's name. */
const TITLES =
  /^(?:councillors?|cllrs?|county|councillor|mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|rt|hon|lord|lady|the|alderman|mayor|deputy)\.?$/i;

/** The words of a person's name with forms of address removed. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // "Cary- Anne" (a hyphen broken across a line) is one name.
    .replace(/\s*-\s*/g, '-')
    .split(/\s+/)
    .map((t) => t.replace(/[^A-Za-z'’-]/g, ''))
    .filter((t) => t.length > 0 && !TITLES.test(t));
}

/**
 * A person's identity key: the name without titles, letters only, doubled letters collapsed.
 * Spelling slips that only double or un-double a letter ("Sweatton"/"Sweaton") and broken
 * hyphenation ("Cary- Anne"/"Cary-Anne") give the same key, whatever order documents arrive in.
 */
export function personKey(name: string): string {
  const letters = nameTokens(name)
    .map((t) => t.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean)
    .join('-');
  return letters.replace(/([a-z])\1+/g, '$1') || slug(name);
}

/**
 * A strategy's identity key: one document however it is written. Year ranges are one form
 * ("2023 - 2027", "2023-2027", "2023–27", "2023/27" are 2023-2027), a leading "the" and
 * apostrophes go, and words are singular ("Threshold(s) of Need(s)", "Thresholds of Needs" and
 * "Threshold of Need" are one). Different editions keep different years, so they stay apart.
 */
export function strategyKey(name: string): string {
  const years = name
    .normalize('NFKD')
    .replace(/\b((?:19|20)\d{2})\s*[-–—/]\s*(\d{4}|\d{2})\b/g, (_all, from: string, to: string) => `${from}-${to.length === 2 ? from.slice(0, 2) + to : to}`);
  const words = slug(years.replace(/\(s\)/gi, ''), 200)
    .split('-')
    .filter(Boolean);
  if (words[0] === 'the' && words.length > 1) words.shift();
  const singular = words.map((w) => (w.length <= 3 || /\d/.test(w) || /(?:ss|us|is)$/.test(w) ? w : w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.replace(/s$/, '')));
  return slug(singular.join(' ')) || slug(name);
}

/** Councils namespace people, bodies, roles and strategies: two councils' "Cabinet" are two bodies. */
export function councilKey(council: string | null): string {
  if (!council) return 'unknown';
  const words = slug(council)
    .split('-')
    .filter((w) => !['metropolitan', 'borough', 'city', 'county', 'district', 'council', 'of', 'the', 'and'].includes(w));
  return words.join('-') || slug(council);
}

export const ids = {
  person: (council: string, name: string) => `person:${council}:${personKey(name)}`,
  body: (council: string, name: string) => `body:${council}:${slug(name)}`,
  role: (council: string, title: string) => `role:${council}:${slug(title)}`,
  strategy: (council: string, name: string) => `strategy:${council}:${strategyKey(name)}`,
  topic: (name: string) => `topic:${slug(name)}`,
  /**
   * A dated meeting is its body and date; an undated one, or one whose body the text does not
   * name, stays apart, keyed by its document (a readable slug of the document's id, and a hash
   * of it, so `a/b.txt` and `a-b.txt` stay apart).
   */
  meeting: (council: string, body: string | null, date: string | null, docId: string) => {
    const byDoc = `${slug(docId.replace(/^doc:/, ''), 48)}-${shortHash(docId, 8)}`;
    return body ? `meeting:${council}:${slug(body)}:${date ?? `undated-${byDoc}`}` : `meeting:${council}:-:${date ?? 'undated'}-${byDoc}`;
  },
  /** An item is its meeting and printed number, or its title when it has no number. */
  item: (meetingId: string, number: string | null, title: string) =>
    `item:${meetingId.slice('meeting:'.length)}:${number ? `n${slug(number, 20)}` : `t-${slug(title, 60)}`}`,
  request: (itemId: string, text: string) =>
    `request:${itemId.slice('item:'.length)}:${shortHash(text.toLowerCase().replace(/\s+/g, ' ').trim())}`,
  deferral: (itemId: string, subject: string, to: string | null) =>
    `deferral:${itemId.slice('item:'.length)}:${shortHash(`${subject.toLowerCase().replace(/\s+/g, ' ').trim()}|${to ?? ''}`)}`,
  /** A decision is its item and its text: two publications of one resolution are one Decision. */
  decision: (itemId: string, text: string) =>
    `decision:${itemId.slice('item:'.length)}:${shortHash(text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim())}`,
  document: (sourceId: string) => `doc:${sourceId}`,
};

/**
 * The properties a document claims for a Request or a Deferral node. Built in one place because
 * a later document that answers the request (or where the deferred business lands) claims the
 * same node with the same properties (src/resolve/follow.ts), and claims must agree exactly.
 */
export function requestProps(itemId: string, text: string): { id: string; text: string; item: string } {
  return { id: ids.request(itemId, text), text, item: itemId };
}

export function deferralProps(
  itemId: string,
  d: { subject: string; to: string | null; from: string | null; next?: boolean },
): { id: string; subject: string; to: string | null; from: string | null; item: string; next: boolean | null } {
  return { id: ids.deferral(itemId, d.subject, d.to), subject: d.subject, to: d.to, from: d.from, item: itemId, next: d.next ? true : null };
}
