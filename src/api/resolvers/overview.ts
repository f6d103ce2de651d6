/**
 * Where an analyst starts: the busiest bodies, the latest meetings, the most active people and
 * strategies. Ranked by the store in one query per list (never a walk over every node), then
 * counted in detail for the few shown.
 */
import type { NodeOf } from '../../graph/model.ts';
import type { ApiContext } from '../context.ts';
import { apiError, ErrorCode } from '../errors.ts';
import { OVERVIEW_MAX_FIRST as MAX_OVERVIEW } from '../limits.ts';
import { itemMeeting } from './item.ts';
import { nodesOfType, sortMeetings, uniqueBy } from './shared.ts';


async function rankedNodes<T extends 'Person' | 'Body' | 'Strategy'>(
  ctx: ApiContext,
  type: T,
  ranked: { id: string; count: number }[],
): Promise<{ node: NodeOf<T>; count: number }[]> {
  const nodes = await Promise.all(ranked.map((r) => ctx.loaders.node(type, r.id)));
  return ranked.flatMap((r, i) => (nodes[i] ? [{ node: nodes[i] as NodeOf<T>, count: r.count }] : []));
}

export const overviewResolvers = {
  Query: {
    async overview(_: unknown, args: { first?: number | null }, ctx: ApiContext) {
      const first = args.first ?? 8;
      if (first < 0 || first > MAX_OVERVIEW) {
        throw apiError(ErrorCode.BAD_USER_INPUT, `first must be between 0 and ${MAX_OVERVIEW} (got ${first}).`);
      }
      ctx.checkDeadline();
      const [bodies, people, strategies, latest] = await Promise.all([
        ctx.store.ranked('Body', ['HELD_BY'], 'in', first),
        ctx.store.ranked('Person', ['ATTENDED', 'CHAIRED', 'PRESENTED', 'INTRODUCED'], 'out', first),
        ctx.store.ranked('Strategy', ['ABOUT'], 'in', first),
        ctx.store.list('Meeting', { range: { prop: 'date', descending: true }, first, offset: 0 }),
      ]);
      return {
        bodies: (await rankedNodes(ctx, 'Body', bodies)).map(({ node, count }) => ({ body: node, meetings: count })),
        latestMeetings: latest,
        people: (await rankedNodes(ctx, 'Person', people)).map(({ node }) => ({ person: node })),
        strategies: (await rankedNodes(ctx, 'Strategy', strategies)).map(({ node, count }) => ({ strategy: node, items: count })),
      };
    },
    capabilities(_: unknown, __: unknown, ctx: ApiContext) {
      return { corrections: ctx.corrections !== null };
    },
  },
  BodyActivity: {
    async lastMet(a: { body: NodeOf<'Body'> }, _: unknown, ctx: ApiContext) {
      const meetings = nodesOfType(await ctx.loaders.related(a.body.id, 'HELD_BY', 'in'), 'Meeting');
      return sortMeetings(meetings, 'desc')[0]?.date ?? null;
    },
  },
  PersonActivity: {
    async meetings(a: { person: NodeOf<'Person'> }, _: unknown, ctx: ApiContext) {
      const rows = await ctx.loaders.relatedMany(a.person.id, ['ATTENDED', 'CHAIRED'], 'out');
      return uniqueBy(nodesOfType(rows, 'Meeting'), (m) => m.id).length;
    },
    async items(a: { person: NodeOf<'Person'> }, _: unknown, ctx: ApiContext) {
      const rows = await ctx.loaders.relatedMany(a.person.id, ['PRESENTED', 'INTRODUCED'], 'out');
      return uniqueBy(nodesOfType(rows, 'Item'), (i) => i.id).length;
    },
  },
  StrategyActivity: {
    async lastSeen(a: { strategy: NodeOf<'Strategy'> }, _: unknown, ctx: ApiContext) {
      const items = nodesOfType(await ctx.loaders.related(a.strategy.id, 'ABOUT', 'in'), 'Item');
      const meetings = await Promise.all(items.map((i) => itemMeeting(i, ctx)));
      return sortMeetings(meetings, 'desc')[0]?.date ?? null;
    },
  },
};
