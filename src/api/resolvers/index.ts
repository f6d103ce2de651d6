/** All resolvers, keyed by GraphQL type, for schema.graphql. */
import { bodyResolvers } from './body.ts';
import { correctResolvers } from './correct.ts';
import { overviewResolvers } from './overview.ts';
import { evidenceResolvers } from './evidence.ts';
import { itemResolvers } from './item.ts';
import { meetingResolvers } from './meeting.ts';
import { personResolvers } from './person.ts';
import { queryResolvers } from './query.ts';
import { strategyResolvers } from './strategy.ts';
import { subgraphResolvers } from './subgraph.ts';

export const resolvers = {
  Query: { ...queryResolvers.Query, ...overviewResolvers.Query },
  ...correctResolvers,
  BodyActivity: overviewResolvers.BodyActivity,
  PersonActivity: overviewResolvers.PersonActivity,
  StrategyActivity: overviewResolvers.StrategyActivity,
  ...meetingResolvers,
  ...itemResolvers,
  ...personResolvers,
  ...bodyResolvers,
  ...strategyResolvers,
  ...evidenceResolvers,
  ...subgraphResolvers,
};
