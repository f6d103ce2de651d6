/**
 * The record of an item or meeting as the side panel shows it: decisions (outcome, mover,
 * seconder, vote) and declarations of interest. Kept apart from queries.ts so the record's
 * fields can grow without touching the shared details mapping.
 */
import type { DecisionView, DeclarationView } from './types.ts';

export const DECISION = `id text outcome movedBy { id name } secondedBy { id name } votesFor votesAgainst abstentions unanimous`;
export const DECLARATION = `person { id name } kind interest item { id number title }`;

export function voteOf(d: any): string | null {
  const counts = [d.votesFor !== null ? `for ${d.votesFor}` : null, d.votesAgainst !== null ? `against ${d.votesAgainst}` : null, d.abstentions !== null ? `${d.abstentions} abstaining` : null].filter(Boolean);
  if (counts.length) return counts.join(', ');
  return d.unanimous === true ? 'carried unanimously' : null;
}

export function decisionView(d: any): DecisionView {
  return { id: d.id, text: d.text, outcome: d.outcome, movedBy: d.movedBy, secondedBy: d.secondedBy, vote: voteOf(d) };
}

export function declarationView(d: any): DeclarationView {
  return { person: d.person, kind: d.kind, interest: d.interest, item: d.item };
}
