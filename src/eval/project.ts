/**
 * Projects the extractor's `ResolvedDocument` into the answer-key shape, so that scoring
 * compares two values of one type. Only what FORMAT.md scores survives: evidence, kinds,
 * topics and body relations are the graph's business, not the key's.
 */
import type { PersonRef, ResolvedDocument, ResolvedItem, ResolvedPerson } from '../resolve/types.ts';
import type { GoldDecision, GoldDeclaration, GoldDocument, GoldItem, GoldPerson } from './gold.ts';

export interface Projection {
  doc: GoldDocument;
  /** Inconsistencies in the extraction that the projection had to paper over. */
  warnings: string[];
}

function uniqueExact(values: readonly string[], except: string | null = null): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = v.trim();
    if (!t || t === except || seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out;
}

export function projectDocument(doc: ResolvedDocument): Projection {
  const warnings: string[] = [];
  const byKey = new Map<string, ResolvedPerson>(doc.people.map((p) => [p.key, p]));

  // A ref to a person the document does not list is an extractor bug; scoring it under its key
  // (a normalised name) keeps it visible as a likely FP instead of dropping it silently.
  const nameOf = (ref: PersonRef): string => {
    const person = byKey.get(ref.person);
    if (person) return person.name;
    warnings.push(`${doc.source.id}: person ref '${ref.person}' is not in the document's people`);
    return ref.person;
  };
  const names = (refs: readonly PersonRef[]): string[] => uniqueExact(refs.map(nameOf));

  const substitutions = (doc.substitutions ?? []).map((s) => ({
    person: nameOf({ person: s.person, evidence: s.evidence }),
    for: s.for ? nameOf({ person: s.for, evidence: s.evidence }) : null,
  }));
  const people: GoldPerson[] = withSubstituteRoles(
    doc.people.map((p) => ({
      name: p.name,
      aliases: uniqueExact(p.aliases, p.name),
      roles: uniqueExact(p.roles.map((r) => r.title)),
    })),
    substitutions,
  );

  const items: GoldItem[] = [...doc.items]
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((item: ResolvedItem) => ({
      number: item.number,
      title: item.title,
      attendees: names(item.attendees),
      presenters: names(item.presenters),
      introducers: names(item.introducers),
      requests: item.requests.map((r) => r.text),
      deferrals: item.deferrals.map((d) => ({ subject: d.subject, to: d.to })),
      strategies: item.strategies.map((s) => s.name),
      decisions: (item.decisions ?? []).map((d) => ({
        text: d.text,
        outcome: (d.outcome as GoldDecision['outcome']) ?? null,
        moved_by: d.movedBy ? nameOf(d.movedBy) : null,
        seconded_by: d.secondedBy ? nameOf(d.secondedBy) : null,
        votes_for: d.votesFor,
        votes_against: d.votesAgainst,
        abstentions: d.abstentions,
        unanimous: d.unanimous,
      })),
      asked: names(item.askedBy),
    }));
  const itemRef = (key: string | null): string | null => {
    const item = key === null ? null : doc.items.find((i) => i.key === key);
    return item ? (item.number ?? item.title) : null;
  };

  return {
    doc: {
      source: doc.source.id,
      meeting: { body: doc.meeting.body, date: doc.meeting.date },
      chair: doc.chair ? nameOf(doc.chair) : null,
      members_present: names(doc.membersPresent),
      apologies: names(doc.apologies),
      people,
      items,
      declarations: (doc.declarations ?? []).map((d) => ({
        person: nameOf({ person: d.person, evidence: d.evidence }),
        item: itemRef(d.item),
        interest: d.interest,
        kind: d.kind as GoldDeclaration['kind'],
      })),
      substitutions,
    },
    warnings,
  };
}

/**
 * FORMAT.md's roles are "the roles or job titles the document gives" a person, and a key gives
 * "substitute for Councillor Y" as one. The graph holds that as a SUBSTITUTED_FOR relation, not a
 * post (a substitute holds no office): both stages score it under roles from there.
 */
export function withSubstituteRoles(people: GoldPerson[], substitutions: readonly { person: string; for: string | null }[]): GoldPerson[] {
  const extra = new Map<string, string[]>();
  for (const s of substitutions) if (s.for) extra.set(s.person, [...(extra.get(s.person) ?? []), `substitute for ${s.for}`]);
  return people.map((p) => (extra.has(p.name) ? { ...p, roles: [...new Set([...p.roles, ...extra.get(p.name)!])] } : p));
}
