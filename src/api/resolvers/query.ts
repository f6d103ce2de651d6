/** The root queries: lists with filters and paging, lookups by id or name, search and traversal. */
import { typeOfId } from '../../graph/ids.ts';
import { NODE_TYPE_NAMES, type NodeType } from '../../graph/model.ts';
import type { ApiContext } from '../context.ts';
import { apiError, ErrorCode } from '../errors.ts';
import { findPerson } from '../person-match.ts';
import { bodyMeetings } from './body.ts';
import { dateRange, page, type PageArgs, tagged } from './shared.ts';
import { checkTypes, searchHit, subgraphOut } from './subgraph.ts';

type Search = PageArgs & { search?: string | null };

function listOf(type: NodeType) {
  return async (_: unknown, args: Search, ctx: ApiContext) => {
    const pg = page(ctx, args);
    ctx.checkDeadline();
    return ctx.store.list(type, { ...(args.search ? { search: args.search } : {}), ...pg });
  };
}

/** Bodies a `body` argument names: an id, else exact names, else names containing it. */
export async function bodiesNamed(name: string, ctx: ApiContext): Promise<string[]> {
  const byId = await ctx.loaders.node('Body', name);
  if (byId) return [byId.id];
  ctx.checkDeadline();
  const found = await ctx.store.list('Body', { search: name, first: ctx.limits.maxFirst, offset: 0 });
  const wanted = name.trim().toLowerCase();
  const exact = found.filter((b) => b.name.toLowerCase() === wanted);
  return (exact.length ? exact : found).map((b) => b.id);
}

function byId(type: NodeType) {
  return (_: unknown, args: { id: string }, ctx: ApiContext) => ctx.loaders.node(type, args.id);
}

export const queryResolvers = {
  Query: {
    async meetings(
      _: unknown,
      args: PageArgs & { body?: string | null; from?: string | null; to?: string | null },
      ctx: ApiContext,
    ) {
      if (args.body) return bodyMeetings(await bodiesNamed(args.body, ctx), args, ctx);
      const pg = page(ctx, args);
      const range = dateRange(args.from, args.to);
      ctx.checkDeadline();
      // A range, even an open one, makes the store order by date: chronological paging.
      return ctx.store.list('Meeting', { range: { prop: 'date', ...range }, ...pg });
    },
    meeting: byId('Meeting'),
    people: listOf('Person'),
    async person(_: unknown, args: { name: string }, ctx: ApiContext) {
      if (args.name.length > 200) throw apiError(ErrorCode.BAD_USER_INPUT, 'name is longer than 200 characters; give a person\'s name.');
      ctx.checkDeadline();
      return findPerson(ctx.store, args.name);
    },
    bodies: listOf('Body'),
    strategies: listOf('Strategy'),
    topics: listOf('Topic'),
    async search(_: unknown, args: { text: string; first?: number | null }, ctx: ApiContext) {
      const { first } = page(ctx, { first: args.first ?? 20 });
      const text = args.text.trim();
      if (!text) throw apiError(ErrorCode.BAD_USER_INPUT, 'search text is empty; give a word to look for.');
      if (text.length > 200) throw apiError(ErrorCode.BAD_USER_INPUT, 'search text is longer than 200 characters.');
      ctx.checkDeadline();
      const hits = await ctx.store.search(text, first);
      return hits.map((h) => searchHit(h.node as { type: NodeType; props: Record<string, unknown> }, h.score));
    },
    async neighbourhood(_: unknown, args: { id: string; depth?: number | null; types?: string[] | null }, ctx: ApiContext) {
      const depth = args.depth ?? 1;
      const max = ctx.limits.neighbourhoodMaxDepth;
      if (depth < 1 || depth > max) {
        throw apiError(ErrorCode.BAD_USER_INPUT, `depth must be between 1 and ${max} (got ${depth}); expand further from a node of the result.`);
      }
      const types = checkTypes(args.types);
      ctx.checkDeadline();
      const limit = ctx.limits.neighbourhoodNodeLimit;
      return subgraphOut(await ctx.store.neighbourhood(args.id, depth, types, limit), limit);
    },
    async path(_: unknown, args: { from: string; to: string; maxHops?: number | null }, ctx: ApiContext) {
      const hops = args.maxHops ?? 4;
      const max = ctx.limits.pathMaxHops;
      if (hops < 1 || hops > max) {
        throw apiError(ErrorCode.BAD_USER_INPUT, `maxHops must be between 1 and ${max} (got ${hops}).`);
      }
      ctx.checkDeadline();
      const found = await ctx.store.shortestPath(args.from, args.to, hops);
      return found ? subgraphOut(found) : null;
    },
    async entity(_: unknown, args: { id: string }, ctx: ApiContext) {
      // Ids carry their type's prefix; an id from elsewhere is looked up under every type.
      const known = typeOfId(args.id);
      const types = known ? [known] : NODE_TYPE_NAMES;
      const found = await Promise.all(types.map((t) => ctx.loaders.node(t, args.id)));
      const i = found.findIndex((n) => n !== null);
      return i < 0 ? null : tagged(types[i]!, found[i]!);
    },
    body: byId('Body'),
    item: byId('Item'),
    strategy: byId('Strategy'),
    topic: byId('Topic'),
    async stats(_: unknown, __: unknown, ctx: ApiContext) {
      ctx.checkDeadline();
      const c = await ctx.store.counts();
      const rows = (r: Partial<Record<string, number>>) =>
        Object.entries(r).map(([type, count]) => ({ type: type === 'Document' ? 'Source' : type, count: count ?? 0 }));
      return { documents: c.documents, nodes: rows(c.nodes), relations: rows(c.relations) };
    },
  },
};
