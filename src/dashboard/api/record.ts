/**
 * The record of an item or meeting as the side panel shows it: decisions (outcome, mover,
 * seconder, vote) and declarations of interest. Kept apart from queries.ts so the record's
 * fields can grow without touching the shared details mapping; the fields read are the
 * DecisionParts and DeclarationParts fragments of operations.graphql.
 */
import type { DecisionPartsFragment, DeclarationPartsFragment } from './generated.ts';
import type { DecisionView, DeclarationView } from './types.ts';

export function voteOf(d: Pick<DecisionPartsFragment, 'votesFor' | 'votesAgainst' | 'abstentions' | 'unanimous'>): string | null {
  const counts = [
    d.votesFor != null ? `for ${d.votesFor}` : null,
    d.votesAgainst != null ? `against ${d.votesAgainst}` : null,
    d.abstentions != null ? `${d.abstentions} abstaining` : null,
  ].filter(Boolean);
  if (counts.length) return counts.join(', ');
  return d.unanimous === true ? 'carried unanimously' : null;
}

export function decisionView(d: DecisionPartsFragment): DecisionView {
  return { id: d.id, text: d.text, outcome: d.outcome ?? null, movedBy: d.movedBy ?? null, secondedBy: d.secondedBy ?? null, vote: voteOf(d) };
}

export function declarationView(d: DeclarationPartsFragment): DeclarationView {
  return { person: d.person, kind: d.kind, interest: d.interest, item: d.item ?? null };
}
