/**
 * The extraction stage: segmented document → mentions and claims. Pure: the same text always
 * gives the same claims, with their places in the normalised text.
 */
import type { SegmentedDocument } from '../segment/types.ts';
import { parseDate } from '../text/dates.ts';
import { blockClaims, civicHeadChair, findApologies, findChair } from './attendance.ts';
import { findBodyRelations } from './bodies.ts';
import { findDecisions } from './decisions.ts';
import { findDeclarations } from './declarations.ts';
import { findDeferrals } from './deferrals.ts';
import { MentionIndex } from './mentions.ts';
import { findParticipation } from './participation.ts';
import { findPeople } from './people.ts';
import { findReferences } from './references.ts';
import { findRequests } from './requests.ts';
import { findStrategies } from './strategies.ts';
import { findSubstitutions } from './substitutions.ts';
import { findTopics } from './topics.ts';
import type { Extraction } from './types.ts';
import { findSentenceLists } from './sentence-lists.ts';

export function extract(text: string, doc: SegmentedDocument): Extraction {
  const body = doc.header.body;
  const found = findPeople(text, doc, findSentenceLists(text, doc));
  const people = found.occurrences;
  const index = new MentionIndex(text, people);
  const fromBlocks = blockClaims(text, found.blocks);
  const participation = findParticipation(text, doc, index);
  const bodies = findBodyRelations(text, doc, index);
  const chair = [...fromBlocks.chair, ...findChair(text, people, body)];
  if (chair.length === 0) chair.push(...civicHeadChair(text, people, fromBlocks.present, body));
  return {
    people,
    substitutions: [...fromBlocks.substitutions, ...findSubstitutions(text, doc, index, fromBlocks.substitutions)],
    chair,
    present: fromBlocks.present,
    apologies: [...fromBlocks.apologies, ...findApologies(text, doc, index, found.blocks)],
    ...participation,
    requests: findRequests(text, doc, body),
    deferrals: findDeferrals(text, doc, doc.header.date, body),
    decisions: findDecisions(text, doc, index),
    declarations: findDeclarations(text, doc, index),
    references: findReferences(text, doc),
    strategies: findStrategies(text, doc, parseDate),
    topics: findTopics(text, doc),
    bodies: bodies.relations,
    roleHolders: bodies.roleHolders,
  };
}
