/**
 * The record of a meeting, resolved within its document: decisions with their movers and
 * seconders, declarations of interest, substitutions, and the sentences that refer back to
 * earlier business. Claims name occurrences, posts or the Chair; here they become people of the
 * document, and a claim whose person cannot be placed loses that person (a decision keeps its
 * text without a mover) or is dropped (a declaration or substitution needs its person).
 */
import type { Evidence } from '../graph/model.ts';
import type { Extraction, Who } from '../extract/types.ts';
import type { Span } from '../segment/types.ts';
import type { BackReference, PersonRef, ResolvedDecision, ResolvedDeclaration, ResolvedSubstitution } from './types.ts';

type MakeEvidence = (span: Span, item: number | null, rule?: string | null) => Evidence;
type WhoToKey = (who: Who, item: number | null) => string | null;

export interface ResolvedRecord {
  decisions: Map<number, ResolvedDecision[]>;
  references: Map<number, BackReference[]>;
  declarations: ResolvedDeclaration[];
  substitutions: ResolvedSubstitution[];
}

export function resolveRecord(x: Extraction, docId: string, whoToKey: WhoToKey, evidence: MakeEvidence): ResolvedRecord {
  const decisions = new Map<number, ResolvedDecision[]>();
  for (const d of x.decisions ?? []) {
    const ref = (p: { who: Who; sentence: Span; rule: string } | null): PersonRef | null => {
      if (!p) return null;
      const person = whoToKey(p.who, d.item);
      return person ? { person, evidence: evidence(p.sentence, d.item, p.rule) } : null;
    };
    const list = decisions.get(d.item) ?? [];
    list.push({
      text: d.text,
      outcome: d.outcome,
      movedBy: ref(d.movedBy),
      secondedBy: ref(d.secondedBy),
      votesFor: d.votesFor,
      votesAgainst: d.votesAgainst,
      abstentions: d.abstentions,
      unanimous: d.unanimous,
      evidence: evidence(d.sentence, d.item, d.rule),
    });
    decisions.set(d.item, list);
  }
  for (const list of decisions.values()) list.sort((a, b) => a.evidence.start - b.evidence.start);

  const declarations: ResolvedDeclaration[] = [];
  const seenDeclarations = new Set<string>();
  for (const c of x.declarations ?? []) {
    const person = whoToKey(c.who, c.item);
    if (!person) continue;
    const item = c.about === null ? null : `${docId}#${c.about}`;
    const key = `${person}|${item}|${c.kind}|${c.interest.toLowerCase()}`;
    if (seenDeclarations.has(key)) continue;
    seenDeclarations.add(key);
    declarations.push({ person, item, interest: c.interest, kind: c.kind, evidence: evidence(c.sentence, c.item, c.rule) });
  }

  const substitutions: ResolvedSubstitution[] = [];
  const seenSubstitutions = new Map<string, ResolvedSubstitution>();
  for (const c of x.substitutions) {
    const person = whoToKey(c.who, null);
    if (!person) continue;
    const forKey = c.for ? whoToKey(c.for, null) : null;
    if (forKey === person) continue;
    const known = seenSubstitutions.get(person);
    // One substitution per person: a named member beats "a substitute" with no one named.
    if (known && (known.for !== null || forKey === null)) continue;
    const s = { person, for: forKey, evidence: evidence(c.sentence, null, c.rule) };
    if (known) substitutions[substitutions.indexOf(known)] = s;
    else substitutions.push(s);
    seenSubstitutions.set(person, s);
  }

  const references = new Map<number, BackReference[]>();
  for (const r of x.references ?? []) {
    const list = references.get(r.item) ?? [];
    list.push({ kind: r.kind, date: r.date, previous: r.previous, evidence: evidence(r.sentence, r.item, r.rule) });
    references.set(r.item, list);
  }
  return { decisions, references, declarations, substitutions };
}
