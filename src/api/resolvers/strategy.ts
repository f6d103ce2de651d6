/** Strategy and Topic: the items that discuss them over time, and approvals. */
import type { NodeOf } from '../../graph/model.ts';
import type { Evidence } from '../../graph/model.ts';
import type { ApiContext } from '../context.ts';
import { itemMeeting } from './item.ts';
import { compareDates, evidenceOf, groupRows, page, type PageArgs, slice, sortItems } from './shared.ts';

type Strategy = NodeOf<'Strategy'>;

/** Items about a strategy or topic, oldest meeting first, with the sentences that say so. */
async function discussed(id: string, ctx: ApiContext) {
  const groups = groupRows(await ctx.loaders.related(id, 'ABOUT', 'in')).filter((g) => g.type === 'Item');
  return sortItems(
    ctx,
    groups.map((g) => ({ item: g.props as NodeOf<'Item'>, evidence: evidenceOf(g.rows) })),
    'asc',
  );
}

async function approvals(s: Strategy, ctx: ApiContext) {
  return groupRows(await ctx.loaders.related(s.id, 'APPROVED_BY', 'out')).map((g) => ({
    strategy: s,
    body: g.props,
    date: g.rows.map((r) => r.edge.props.date).find((d) => d) ?? null,
    evidence: evidenceOf(g.rows),
  }));
}

interface StrategyEvent {
  date: string | null;
  kind: 'DISCUSSED' | 'APPROVED';
  meeting: NodeOf<'Meeting'> | null;
  item: NodeOf<'Item'> | null;
  body: unknown;
  evidence: Evidence[];
}

async function history(s: Strategy, ctx: ApiContext): Promise<StrategyEvent[]> {
  const [items, approved] = await Promise.all([discussed(s.id, ctx), approvals(s, ctx)]);
  const events: StrategyEvent[] = [];
  for (const e of items) {
    const meeting = await itemMeeting(e.item, ctx);
    const body = await meetingBody(meeting, ctx);
    events.push({ date: meeting.date, kind: 'DISCUSSED', meeting, item: e.item, body, evidence: e.evidence });
  }
  for (const a of approved) {
    events.push({ date: a.date, kind: 'APPROVED', meeting: null, item: null, body: a.body, evidence: a.evidence });
  }
  // Stable: discussions keep their minute order within a date; an approval follows them.
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => compareDates(a.e.date, b.e.date, 'asc') || a.i - b.i)
    .map((x) => x.e);
}

async function meetingBody(m: NodeOf<'Meeting'>, ctx: ApiContext) {
  const rows = await ctx.loaders.related(m.id, 'HELD_BY', 'out');
  return rows.find((r) => r.node.type === 'Body')?.node.props ?? null;
}

export const strategyResolvers = {
  Strategy: {
    async items(s: Strategy, args: PageArgs, ctx: ApiContext) {
      const pg = page(ctx, args);
      return slice(await discussed(s.id, ctx), pg).map((e) => e.item);
    },
    async history(s: Strategy, args: PageArgs, ctx: ApiContext) {
      const pg = page(ctx, args);
      return slice(await history(s, ctx), pg);
    },
    approvals: (s: Strategy, _: unknown, ctx: ApiContext) => approvals(s, ctx),
    async firstSeen(s: Strategy, _: unknown, ctx: ApiContext) {
      const dates = await discussionDates(s.id, ctx);
      return dates[0] ?? null;
    },
    async lastSeen(s: Strategy, _: unknown, ctx: ApiContext) {
      const dates = await discussionDates(s.id, ctx);
      return dates[dates.length - 1] ?? null;
    },
  },
  Topic: {
    async items(t: NodeOf<'Topic'>, args: PageArgs, ctx: ApiContext) {
      const pg = page(ctx, args);
      return slice(await discussed(t.id, ctx), pg).map((e) => e.item);
    },
  },
};

async function discussionDates(id: string, ctx: ApiContext): Promise<string[]> {
  const items = await discussed(id, ctx);
  const meetings = await Promise.all(items.map((e) => itemMeeting(e.item, ctx)));
  return meetings.map((m) => m.date).filter((d): d is string => d != null).sort();
}
