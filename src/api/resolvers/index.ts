/** All resolvers, keyed by GraphQL type, for schema.graphql. */
import { bodyResolvers } from './body.ts';
import { evidenceResolvers } from './evidence.ts';
import { itemResolvers } from './item.ts';
import { meetingResolvers } from './meeting.ts';
import { personResolvers } from './person.ts';
import { queryResolvers } from './query.ts';
import { recordResolvers } from './record.ts';
import { mergeResolvers, relationResolvers, type ResolverMap } from './relations.ts';
import { strategyResolvers } from './strategy.ts';
import { subgraphResolvers } from './subgraph.ts';

/** Generic relation fields from the model first; hand-written resolvers win where both exist. */
export const resolvers = mergeResolvers(
  relationResolvers(),
  ...([queryResolvers, meetingResolvers, itemResolvers, personResolvers, bodyResolvers, strategyResolvers, evidenceResolvers, subgraphResolvers, recordResolvers] as ResolverMap[]),
);
