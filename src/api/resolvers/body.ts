/** Body and Role: meetings over time, reporting lines, chairs, requests and approvals. */
import type { NodeOf } from '../../graph/model.ts';
import type { ApiContext } from '../context.ts';
import { itemMeeting } from './item.ts';
import {
  byName,
  compareDates,
  dateRange,
  evidenceOf,
  groupRows,
  inRange,
  nodesOfType,
  page,
  type PageArgs,
  slice,
  sortMeetings,
} from './shared.ts';

type Body = NodeOf<'Body'>;

/** A body's meetings in a date range, oldest first (as `Query.meetings` pages them). */
export async function bodyMeetings(
  bodyIds: readonly string[],
  args: PageArgs & { from?: string | null; to?: string | null },
  ctx: ApiContext,
): Promise<NodeOf<'Meeting'>[]> {
  const pg = page(ctx, args);
  const range = dateRange(args.from, args.to);
  const rows = await Promise.all(bodyIds.map((id) => ctx.loaders.related(id, 'HELD_BY', 'in')));
  const meetings = nodesOfType(rows.flat(), 'Meeting').filter((m) => inRange(m.date, range));
  return slice(sortMeetings(meetings, 'asc'), pg);
}

function links(rows: Awaited<ReturnType<ApiContext['loaders']['related']>>) {
  return groupRows(rows).map((g) => ({ body: g.props, evidence: evidenceOf(g.rows) }));
}

export const bodyResolvers = {
  Body: {
    meetings: (b: Body, args: PageArgs & { from?: string; to?: string }, ctx: ApiContext) =>
      bodyMeetings([b.id], args, ctx),
    reportsTo: async (b: Body, _: unknown, ctx: ApiContext) => links(await ctx.loaders.related(b.id, 'REPORTS_TO', 'out')),
    reportedToBy: async (b: Body, _: unknown, ctx: ApiContext) => links(await ctx.loaders.related(b.id, 'REPORTS_TO', 'in')),
    async chairedBy(b: Body, _: unknown, ctx: ApiContext) {
      return groupRows(await ctx.loaders.related(b.id, 'CHAIRED_BY', 'out')).map((g) => ({
        person: g.type === 'Person' ? g.props : null,
        role: g.type === 'Role' ? g.props : null,
        evidence: evidenceOf(g.rows),
      }));
    },
    async requests(b: Body, args: PageArgs, ctx: ApiContext) {
      const pg = page(ctx, args);
      const requests = nodesOfType(await ctx.loaders.related(b.id, 'REQUESTED', 'out'), 'Request');
      const withItems = await Promise.all(
        requests.map(async (r) => {
          const item = await ctx.loaders.node('Item', r.item);
          const meeting = item ? await itemMeeting(item, ctx) : null;
          return { r, date: meeting?.date ?? null };
        }),
      );
      withItems.sort((a, b2) => compareDates(a.date, b2.date, 'desc'));
      return slice(withItems, pg).map((x) => x.r);
    },
    async approved(b: Body, _: unknown, ctx: ApiContext) {
      return groupRows(await ctx.loaders.related(b.id, 'APPROVED_BY', 'in')).map((g) => ({
        strategy: g.props,
        body: b,
        date: g.rows.map((r) => r.edge.props.date).find((d) => d) ?? null,
        evidence: evidenceOf(g.rows),
      }));
    },
    async roles(b: Body, _: unknown, ctx: ApiContext) {
      return nodesOfType(await ctx.loaders.related(b.id, 'OF', 'in'), 'Role');
    },
  },
  Role: {
    async body(r: NodeOf<'Role'>, _: unknown, ctx: ApiContext) {
      return nodesOfType(await ctx.loaders.related(r.id, 'OF', 'out'), 'Body')[0] ?? null;
    },
    async holders(r: NodeOf<'Role'>, _: unknown, ctx: ApiContext) {
      return byName(nodesOfType(await ctx.loaders.related(r.id, 'HOLDS_ROLE', 'in'), 'Person'));
    },
  },
};
