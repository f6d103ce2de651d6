/** All resolvers, keyed by GraphQL type, for schema.graphql, each behind the request's pacing. */
import { readFileSync } from 'node:fs';
import { pagedLists, SCHEMA_PATH } from '../conventions.ts';
import type { ApiContext } from '../context.ts';
import { bodyResolvers } from './body.ts';
import { correctResolvers } from './correct.ts';
import { overviewResolvers } from './overview.ts';
import { countResolvers, kindResolvers } from './conventions.ts';
import { evidenceResolvers } from './evidence.ts';
import { itemResolvers } from './item.ts';
import { meetingResolvers } from './meeting.ts';
import { personResolvers } from './person.ts';
import { queryResolvers } from './query.ts';
import { recordResolvers } from './record.ts';
import { mergeResolvers, relationResolvers, type ResolverMap } from './relations.ts';
import { strategyResolvers } from './strategy.ts';
import { subgraphResolvers } from './subgraph.ts';

type Resolver = (parent: unknown, args: unknown, ctx: ApiContext, info: unknown) => unknown;

/**
 * A resolver that first lets the event loop breathe when this request has run resolvers for
 * longer than its slice (ApiContext.pace): answered from the read cache, a large query would
 * otherwise run start to finish in one synchronous stretch and hold up every other request.
 */
function paced(fn: Resolver): Resolver {
  return (parent, args, ctx, info) => {
    const wait = ctx.pace();
    return wait ? wait.then(() => fn(parent, args, ctx, info)) : fn(parent, args, ctx, info);
  };
}

function pacedAll<T extends Record<string, Record<string, unknown>>>(types: T): T {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [type, fields] of Object.entries(types)) {
    out[type] = Object.fromEntries(
      // `__resolveType` and friends are not field resolvers: graphql-js calls them synchronously.
      Object.entries(fields).map(([name, f]) => [name, typeof f === 'function' && !name.startsWith('__') ? paced(f as Resolver) : f]),
    );
  }
  return out as T;
}

/** Generic relation fields from the model first; hand-written resolvers win where both exist. */
const lists = mergeResolvers(
  relationResolvers(),
  ...([
    queryResolvers,
    overviewResolvers,
    correctResolvers,
    meetingResolvers,
    itemResolvers,
    personResolvers,
    bodyResolvers,
    strategyResolvers,
    evidenceResolvers,
    subgraphResolvers,
    recordResolvers,
    kindResolvers,
  ] as ResolverMap[]),
);

/** …and a count beside every paged list (conventions.ts), each through its list's resolver. */
export const resolvers = pacedAll(mergeResolvers(lists, countResolvers(lists, pagedLists(readFileSync(SCHEMA_PATH, 'utf8')))));
