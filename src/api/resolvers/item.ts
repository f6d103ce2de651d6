/** Item: its meeting, the people attending, presenting and introducing, and what it produced. */
import type { NodeOf, RelType } from '../../graph/model.ts';
import type { ApiContext } from '../context.ts';
import { ITEM_PEOPLE_RELATIONS } from './meeting.ts';
import { byName, evidenceOf, groupRows, nodesOfType, tagged, uniqueBy } from './shared.ts';

type Item = NodeOf<'Item'>;

async function people(i: Item, rel: RelType, ctx: ApiContext) {
  return byName(nodesOfType(await ctx.loaders.related(i.id, rel, 'in'), 'Person'));
}

export async function itemMeeting(i: Item, ctx: ApiContext): Promise<NodeOf<'Meeting'>> {
  const byProp = await ctx.loaders.node('Meeting', i.meeting);
  if (byProp) return byProp;
  const viaEdge = nodesOfType(await ctx.loaders.related(i.id, 'HAS_ITEM', 'in'), 'Meeting');
  if (viaEdge[0]) return viaEdge[0];
  throw new Error(`Item ${i.id} names meeting "${i.meeting}", which is not in the store; re-ingest its document.`);
}

export const itemResolvers = {
  Item: {
    meeting: (i: Item, _: unknown, ctx: ApiContext) => ctx.loaders.nodeNow('Meeting', i.meeting) ?? itemMeeting(i, ctx),
    attendees: (i: Item, _: unknown, ctx: ApiContext) => people(i, 'ATTENDED_ITEM', ctx),
    presenters: (i: Item, _: unknown, ctx: ApiContext) => people(i, 'PRESENTED', ctx),
    introducers: (i: Item, _: unknown, ctx: ApiContext) => people(i, 'INTRODUCED', ctx),
    mentioned: (i: Item, _: unknown, ctx: ApiContext) => people(i, 'MENTIONED_IN', ctx),
    async requests(i: Item, _: unknown, ctx: ApiContext) {
      return nodesOfType(await ctx.loaders.related(i.id, 'IN', 'in'), 'Request');
    },
    async deferrals(i: Item, _: unknown, ctx: ApiContext) {
      const [inRows, deferredRows] = await Promise.all([
        ctx.loaders.related(i.id, 'IN', 'in'),
        ctx.loaders.related(i.id, 'DEFERRED_TO', 'out'),
      ]);
      return uniqueBy([...nodesOfType(deferredRows, 'Deferral'), ...nodesOfType(inRows, 'Deferral')], (d) => d.id);
    },
    async strategies(i: Item, _: unknown, ctx: ApiContext) {
      return nodesOfType(await ctx.loaders.related(i.id, 'ABOUT', 'out'), 'Strategy');
    },
    async topics(i: Item, _: unknown, ctx: ApiContext) {
      return nodesOfType(await ctx.loaders.related(i.id, 'ABOUT', 'out'), 'Topic');
    },
    async evidence(i: Item, _: unknown, ctx: ApiContext) {
      return evidenceOf(await ctx.loaders.related(i.id, 'HAS_ITEM', 'in'));
    },
    async participation(i: Item, args: { relation?: string | null }, ctx: ApiContext) {
      const rels = args.relation ? [args.relation as (typeof ITEM_PEOPLE_RELATIONS)[number]] : ITEM_PEOPLE_RELATIONS;
      const out = [];
      for (const rel of rels) {
        for (const g of groupRows(await ctx.loaders.related(i.id, rel, 'in'))) {
          out.push({ person: g.props, item: i, relation: rel, evidence: evidenceOf(g.rows) });
        }
      }
      return out;
    },
    async about(i: Item, _: unknown, ctx: ApiContext) {
      return groupRows(await ctx.loaders.related(i.id, 'ABOUT', 'out')).map((g) => ({
        item: i,
        subject: tagged(g.type, g.props),
        evidence: evidenceOf(g.rows),
      }));
    },
  },
};
