/** The root queries: lists with filters and paging, lookups by id or name, search and traversal. */
import { typeOfId } from '../../graph/ids.ts';
import { NODE_TYPE_NAMES, type NodeType, REL_TYPE_NAMES, type RelType } from '../../graph/model.ts';
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

/** Any node by id: ids carry their type's prefix; an id from elsewhere is looked up under every type. */
export async function findEntity(id: string, ctx: ApiContext): Promise<{ type: NodeType; node: object } | null> {
  const known = typeOfId(id);
  const types = known ? [known] : NODE_TYPE_NAMES;
  const found = await Promise.all(types.map((t) => ctx.loaders.node(t, id)));
  const i = found.findIndex((n) => n !== null);
  return i < 0 ? null : { type: types[i]!, node: found[i]! };
}

/** An absence is not a connection: paths avoid SENT_APOLOGIES unless asked to use it. */
export const DEFAULT_PATH_RELATIONS: RelType[] = REL_TYPE_NAMES.filter((t) => t !== 'SENT_APOLOGIES');

function pathRelations(given: readonly string[] | null | undefined): RelType[] {
  if (given == null) return DEFAULT_PATH_RELATIONS;
  const unknown = given.filter((t) => !(REL_TYPE_NAMES as string[]).includes(t));
  if (unknown.length || given.length === 0) {
    throw apiError(
      ErrorCode.BAD_USER_INPUT,
      `${given.length === 0 ? 'relations is empty' : `Unknown relation type(s) ${unknown.map((t) => JSON.stringify(t)).join(', ')} in relations`}; use some of ${REL_TYPE_NAMES.join(', ')}.`,
    );
  }
  return [...new Set(given)] as RelType[];
}

async function entityById(_: unknown, args: { id: string }, ctx: ApiContext) {
  const found = await findEntity(args.id, ctx);
  return found ? tagged(found.type, found.node) : null;
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
      if (text.length > ctx.limits.maxStringChars) throw apiError(ErrorCode.BAD_USER_INPUT, `search text is longer than ${ctx.limits.maxStringChars} characters.`);
      ctx.checkDeadline();
      // The person `person(name:)` would answer with comes first: titles, aliases and near
      // spellings resolve as they do there ("Cllr Cusworth" is Councillor Cusworth).
      const [person, hits] = await Promise.all([findPerson(ctx.store, text), ctx.store.search(text, first)]);
      const out = hits.map((h) => searchHit(h.node as { type: NodeType; props: Record<string, unknown> }, h.score));
      if (!person || first === 0) return out;
      const top = Math.max(1, ...out.map((h) => h.score)) + 1;
      return [searchHit({ type: 'Person', props: person }, top), ...out.filter((h) => h.id !== person.id)].slice(0, first);
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
    async path(_: unknown, args: { from: string; to: string; maxHops?: number | null; relations?: string[] | null }, ctx: ApiContext) {
      const hops = args.maxHops ?? 4;
      const max = ctx.limits.pathMaxHops;
      if (hops < 1 || hops > max) {
        throw apiError(ErrorCode.BAD_USER_INPUT, `maxHops must be between 1 and ${max} (got ${hops}).`);
      }
      const relations = pathRelations(args.relations);
      ctx.checkDeadline();
      const [from, to] = await Promise.all([findEntity(args.from, ctx), findEntity(args.to, ctx)]);
      const missing = [['from', args.from, from], ['to', args.to, to]].filter(([, , found]) => !found);
      if (missing.length) {
        throw apiError(
          ErrorCode.BAD_USER_INPUT,
          `${missing.map(([name, id]) => `${String(name)}: no entity has the id ${JSON.stringify(id)}`).join('; ')}. Take ids from person(name: "…") { id } or search(text: "…") { id type label }.`,
        );
      }
      const found = await ctx.store.shortestPath(args.from, args.to, hops, relations);
      return found ? subgraphOut(found) : null;
    },
    entity: entityById,
    // The Node interface's refetch: the same lookup, typed by the interface.
    node: entityById,
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
