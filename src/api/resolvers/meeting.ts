/** Meeting: its body, chair, people present, items and sources, each read through the loaders. */
import type { NodeOf, RelType } from '../../graph/model.ts';
import type { ApiContext } from '../context.ts';
import { byName, evidenceOf, groupRows, nodesOfType, page, type PageArgs, slice, uniqueBy } from './shared.ts';

type Meeting = NodeOf<'Meeting'>;

export const MEETING_RELATIONS = ['CHAIRED', 'ATTENDED', 'SENT_APOLOGIES'] as const;
export const ITEM_PEOPLE_RELATIONS = ['ATTENDED_ITEM', 'PRESENTED', 'INTRODUCED'] as const;

async function people(m: Meeting, rel: RelType, ctx: ApiContext) {
  return byName(nodesOfType(await ctx.loaders.related(m.id, rel, 'in'), 'Person'));
}

export async function meetingItems(m: Meeting, ctx: ApiContext): Promise<NodeOf<'Item'>[]> {
  const items = nodesOfType(await ctx.loaders.related(m.id, 'HAS_ITEM', 'out'), 'Item');
  // Two sources of one meeting number their items from the same ordinals: the id breaks the
  // tie, so that every store (and the in-memory index) answers in the same order.
  return items.sort((a, b) => a.ordinal - b.ordinal || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The body whose meeting it was; null when the minutes do not say (the meeting then has no HELD_BY). */
async function meetingBody(m: Meeting, ctx: ApiContext): Promise<NodeOf<'Body'> | null> {
  return nodesOfType(await ctx.loaders.related(m.id, 'HELD_BY', 'out'), 'Body')[0] ?? null;
}

export const meetingResolvers = {
  Meeting: {
    body(m: Meeting, _: unknown, ctx: ApiContext) {
      const held = ctx.loaders.relatedNow(m.id, 'HELD_BY', 'out')?.find((r) => r.node.type === 'Body');
      return held ? held.node.props : meetingBody(m, ctx);
    },
    async chair(m: Meeting, _: unknown, ctx: ApiContext) {
      return (await people(m, 'CHAIRED', ctx))[0] ?? null;
    },
    members: (m: Meeting, _: unknown, ctx: ApiContext) => people(m, 'ATTENDED', ctx),
    apologies: (m: Meeting, _: unknown, ctx: ApiContext) => people(m, 'SENT_APOLOGIES', ctx),
    async attendees(m: Meeting, _: unknown, ctx: ApiContext) {
      const [chair, members, items] = await Promise.all([
        people(m, 'CHAIRED', ctx),
        people(m, 'ATTENDED', ctx),
        meetingItems(m, ctx),
      ]);
      const itemPeople = await Promise.all(
        items.map((i) => ctx.loaders.relatedMany(i.id, ITEM_PEOPLE_RELATIONS, 'in')),
      );
      const fromItems = byName(itemPeople.flatMap((rows) => nodesOfType(rows, 'Person')));
      return uniqueBy([...chair, ...members, ...fromItems], (p) => p.id);
    },
    async items(m: Meeting, args: PageArgs, ctx: ApiContext) {
      const pg = page(ctx, args);
      return slice(await meetingItems(m, ctx), pg);
    },
    mentioned: (m: Meeting, _: unknown, ctx: ApiContext) => people(m, 'MENTIONED_IN', ctx),
    async sources(m: Meeting, _: unknown, ctx: ApiContext) {
      return nodesOfType(await ctx.loaders.related(m.id, 'SOURCED_FROM', 'out'), 'Document');
    },
    title: (m: Meeting) => m.title,
    async participation(m: Meeting, args: { relation?: string | null }, ctx: ApiContext) {
      const rels = args.relation ? [args.relation as (typeof MEETING_RELATIONS)[number]] : MEETING_RELATIONS;
      const out = [];
      for (const rel of rels) {
        for (const g of groupRows(await ctx.loaders.related(m.id, rel, 'in'))) {
          out.push({ person: g.props, meeting: m, relation: rel, evidence: evidenceOf(g.rows) });
        }
      }
      return out;
    },
    async evidence(m: Meeting, _: unknown, ctx: ApiContext) {
      return evidenceOf(await ctx.loaders.related(m.id, 'HELD_BY', 'out'));
    },
  },
};
