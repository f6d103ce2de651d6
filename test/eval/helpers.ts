/**
 * Builders for eval tests: small gold documents, and the inverse of the projection (gold →
 * ResolvedDocument) so a "perfect extractor" can be run through the whole evaluation.
 */
import type { Evidence } from '../../src/graph/model.ts';
import type { RawDocument } from '../../src/load/types.ts';
import type { PersonRef, ResolvedDocument, ResolvedItem, ResolvedPerson } from '../../src/resolve/types.ts';
import type { GoldDocument, GoldItem } from '../../src/eval/gold.ts';
import { namesMatch } from '../../src/eval/match.ts';

export function evidence(doc = 'doc.txt', item: string | null = null): Evidence {
  return { doc, item, start: 0, end: 0, sentence: '' };
}

export function goldItem(partial: Partial<GoldItem> & Pick<GoldItem, 'title'>): GoldItem {
  return {
    number: null,
    attendees: [],
    presenters: [],
    introducers: [],
    requests: [],
    deferrals: [],
    strategies: [],
    ...partial,
  };
}

export function goldDoc(partial: Partial<GoldDocument> = {}): GoldDocument {
  return {
    source: 'doc.txt',
    meeting: { body: null, date: null },
    chair: null,
    members_present: [],
    apologies: [],
    people: [],
    items: [],
    ...partial,
  };
}

/**
 * What a perfect extractor would return for this gold. Names in lists that are not in
 * `people` get a person of their own, as an extractor would have to create one.
 */
export function goldToResolved(gold: GoldDocument, raw?: Pick<RawDocument, 'id' | 'path' | 'sha256' | 'format'>): ResolvedDocument {
  const id = raw?.id ?? gold.source;
  const ev = evidence(id);
  const people: ResolvedPerson[] = gold.people.map((p, i) => ({
    key: `person-${i}`,
    name: p.name,
    aliases: [...p.aliases],
    kind: 'officer',
    roles: p.roles.map((title) => ({ title, body: null, evidence: ev })),
    represents: [],
    mentions: [ev],
  }));
  const ref = (name: string): PersonRef => {
    let person = people.find((p) => p.name === name) ?? people.find((p) => [p.name, ...p.aliases].some((n) => namesMatch(n, name)));
    if (!person) {
      person = { key: `person-${people.length}`, name, aliases: [], kind: 'councillor', roles: [], represents: [], mentions: [ev] };
      people.push(person);
    }
    return { person: person.key, evidence: ev };
  };
  // Refs first (they may add people), then freeze the list.
  const chair = gold.chair === null ? null : ref(gold.chair);
  const membersPresent = gold.members_present.map(ref);
  const apologies = gold.apologies.map(ref);
  const items: ResolvedItem[] = gold.items.map((item, ordinal) => ({
    key: `${id}#${ordinal}`,
    ordinal,
    number: item.number,
    title: item.title,
    start: 0,
    end: 0,
    attendees: item.attendees.map(ref),
    presenters: item.presenters.map(ref),
    introducers: item.introducers.map(ref),
    askedBy: (item.asked ?? []).map(ref),
    requests: item.requests.map((text) => ({ text, by: null, evidence: ev })),
    deferrals: item.deferrals.map((d) => ({ subject: d.subject, to: d.to, from: null, by: null, evidence: ev })),
    strategies: item.strategies.map((name) => ({ name, kind: 'strategy', evidence: ev, approvedBy: null })),
    topics: [],
  }));
  return {
    source: { id, path: raw?.path ?? id, sha256: raw?.sha256 ?? '0'.repeat(64), format: raw?.format ?? 'text' },
    meeting: { body: gold.meeting.body, council: null, date: gold.meeting.date, evidence: null },
    chair,
    membersPresent,
    apologies,
    people,
    items,
    bodies: [],
    bodyRelations: [],
    warnings: [],
  };
}
