/** Person: roles over time, and the items and meetings they took part in, oldest first. */
import type { NodeOf, RelType } from '../../graph/model.ts';
import type { RelatedRow } from '../../graph/store.ts';
import type { ApiContext } from '../context.ts';
import { ITEM_PEOPLE_RELATIONS, MEETING_RELATIONS } from './meeting.ts';
import {
  byMeetingDate,
  compareDates,
  evidenceOf,
  groupRows,
  ITEMS_OLDEST_FIRST,
  nodesOfType,
  page,
  type PageArgs,
  slice,
  sortItems,
  sortMeetings,
  uniqueBy,
} from './shared.ts';

type Person = NodeOf<'Person'>;

/** Items oldest meeting first, synchronously when the read cache holds everything needed. */
function items(p: Person, rel: RelType, args: PageArgs, ctx: ApiContext) {
  const pg = page(ctx, args);
  const ordered = ctx.loaders.orderedNow(p.id, rel, 'out', ITEMS_OLDEST_FIRST);
  if (ordered) return slice(ordered, pg).map((n) => n.props as NodeOf<'Item'>);
  const rows = ctx.loaders.relatedNow(p.id, rel, 'out');
  if (rows) {
    const list = nodesOfType(rows, 'Item');
    const dates = list.map((i) => ctx.loaders.nodeNow('Meeting', i.meeting));
    if (dates.every((m) => m)) {
      const keyed = list.map((item, k) => ({ item, date: dates[k]!.date }));
      return slice(keyed.sort(byMeetingDate('asc')), pg).map((e) => e.item);
    }
  }
  return itemsAsync(p, rel, pg, ctx);
}

async function itemsAsync(p: Person, rel: RelType, pg: { first: number; offset: number }, ctx: ApiContext) {
  const list = nodesOfType(await ctx.loaders.related(p.id, rel, 'out'), 'Item');
  const sorted = await sortItems(ctx, list.map((item) => ({ item })), 'asc');
  return slice(sorted, pg).map((e) => e.item);
}

async function meetings(p: Person, rels: readonly RelType[], args: PageArgs, ctx: ApiContext) {
  const pg = page(ctx, args);
  const list = nodesOfType(await ctx.loaders.relatedMany(p.id, rels, 'out'), 'Meeting');
  return slice(sortMeetings(list, 'asc'), pg);
}

export const personResolvers = {
  Person: {
    aliases: (p: Person) => p.aliases ?? [],
    async roles(p: Person, _: unknown, ctx: ApiContext) {
      return groupRows(await ctx.loaders.related(p.id, 'HOLDS_ROLE', 'out'))
        .filter((g) => g.type === 'Role')
        .map((g) => tenure(g.props as NodeOf<'Role'>, g.rows));
    },
    presented: (p: Person, args: PageArgs, ctx: ApiContext) => items(p, 'PRESENTED', args, ctx),
    introduced: (p: Person, args: PageArgs, ctx: ApiContext) => items(p, 'INTRODUCED', args, ctx),
    async attended(p: Person, args: PageArgs, ctx: ApiContext) {
      const pg = page(ctx, args);
      const [direct, itemRows] = await Promise.all([
        ctx.loaders.relatedMany(p.id, ['CHAIRED', 'ATTENDED'], 'out'),
        ctx.loaders.relatedMany(p.id, ITEM_PEOPLE_RELATIONS, 'out'),
      ]);
      const viaItems = await ctx.loaders.nodesOf(
        'Meeting',
        uniqueBy(nodesOfType(itemRows, 'Item').map((i) => i.meeting), (m) => m),
      );
      const all = uniqueBy([...nodesOfType(direct, 'Meeting'), ...viaItems], (m) => m.id);
      return slice(sortMeetings(all, 'asc'), pg);
    },
    chaired: (p: Person, args: PageArgs, ctx: ApiContext) => meetings(p, ['CHAIRED'], args, ctx),
    apologies: (p: Person, args: PageArgs, ctx: ApiContext) => meetings(p, ['SENT_APOLOGIES'], args, ctx),
    async itemParticipation(p: Person, args: PageArgs & { relation?: string | null }, ctx: ApiContext) {
      const pg = page(ctx, args);
      const rels = args.relation ? [args.relation as RelType] : ITEM_PEOPLE_RELATIONS;
      const entries = [];
      for (const rel of rels) {
        for (const g of groupRows(await ctx.loaders.related(p.id, rel, 'out'))) {
          if (g.type !== 'Item') continue;
          entries.push({ person: p, item: g.props as NodeOf<'Item'>, relation: rel, evidence: evidenceOf(g.rows) });
        }
      }
      return slice(await sortItems(ctx, entries, 'asc'), pg);
    },
    async meetingParticipation(p: Person, args: PageArgs & { relation?: string | null }, ctx: ApiContext) {
      const pg = page(ctx, args);
      const rels = args.relation ? [args.relation as RelType] : MEETING_RELATIONS;
      const entries = [];
      for (const rel of rels) {
        for (const g of groupRows(await ctx.loaders.related(p.id, rel, 'out'))) {
          if (g.type !== 'Meeting') continue;
          entries.push({ person: p, meeting: g.props as NodeOf<'Meeting'>, relation: rel, evidence: evidenceOf(g.rows) });
        }
      }
      entries.sort((a, b) => compareDates(a.meeting.date, b.meeting.date, 'asc'));
      return slice(entries, pg);
    },
    async represents(p: Person, _: unknown, ctx: ApiContext) {
      return groupRows(await ctx.loaders.related(p.id, 'REPRESENTS', 'out')).map((g) => ({
        body: g.props,
        evidence: evidenceOf(g.rows),
      }));
    },
  },
  RoleTenure: {
    async body(t: { role: NodeOf<'Role'> }, _: unknown, ctx: ApiContext) {
      return nodesOfType(await ctx.loaders.related(t.role.id, 'OF', 'out'), 'Body')[0] ?? null;
    },
  },
};

/** First and last seen come from the `seen` dates on the HOLDS_ROLE edges. */
function tenure(role: NodeOf<'Role'>, rows: RelatedRow[]) {
  const seen = rows.map((r) => r.edge.props.seen).filter((d): d is string => typeof d === 'string' && d !== '');
  seen.sort();
  return {
    title: role.title,
    role,
    firstSeen: seen[0] ?? null,
    lastSeen: seen[seen.length - 1] ?? null,
    evidence: evidenceOf(rows),
  };
}
