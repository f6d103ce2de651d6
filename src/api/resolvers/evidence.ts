/** Evidence and what it points at (source documents), and the facts items produce. */
import type { Evidence, NodeOf } from '../../graph/model.ts';
import type { ApiContext } from '../context.ts';
import { itemMeeting } from './item.ts';
import { evidenceOf, nodesOfType } from './shared.ts';

/** The page (from 1) holding an offset, given each page's start offset. */
export function pageOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

async function itemOf(id: string, ctx: ApiContext) {
  const item = await ctx.loaders.node('Item', id);
  if (!item) throw new Error(`Item "${id}" is not in the store; re-ingest the document it came from.`);
  return item;
}

export const evidenceResolvers = {
  Evidence: {
    async source(e: Evidence, _: unknown, ctx: ApiContext) {
      const doc = await ctx.loaders.node('Document', e.doc);
      if (!doc) throw new Error(`Source document "${e.doc}" is not in the store; re-ingest it.`);
      return doc;
    },
    async item(e: Evidence, _: unknown, ctx: ApiContext) {
      return e.item ? ctx.loaders.node('Item', e.item) : null;
    },
    async meeting(e: Evidence, _: unknown, ctx: ApiContext) {
      const item = e.item ? await ctx.loaders.node('Item', e.item) : null;
      if (item) return itemMeeting(item, ctx);
      // One document records one meeting (several documents may record the same one).
      return nodesOfType(await ctx.loaders.related(e.doc, 'SOURCED_FROM', 'in'), 'Meeting')[0] ?? null;
    },
    async page(e: Evidence, _: unknown, ctx: ApiContext) {
      const doc = await ctx.loaders.node('Document', e.doc);
      if (doc?.format !== 'pdf') return null;
      const starts = (await ctx.loaders.sourceText(e.doc))?.pages;
      return starts?.length ? pageOf(starts, e.start) : null;
    },
  },
  Source: {
    async meetings(d: NodeOf<'Document'>, _: unknown, ctx: ApiContext) {
      return nodesOfType(await ctx.loaders.related(d.id, 'SOURCED_FROM', 'in'), 'Meeting');
    },
    url: (d: NodeOf<'Document'>) => d.url ?? null,
    async text(d: NodeOf<'Document'>, _: unknown, ctx: ApiContext) {
      return (await ctx.loaders.sourceText(d.id))?.text ?? null;
    },
    async pageStarts(d: NodeOf<'Document'>, _: unknown, ctx: ApiContext) {
      return (await ctx.loaders.sourceText(d.id))?.pages ?? null;
    },
  },
  Request: {
    async by(r: NodeOf<'Request'>, _: unknown, ctx: ApiContext) {
      return nodesOfType(await ctx.loaders.related(r.id, 'REQUESTED', 'in'), 'Body')[0] ?? null;
    },
    item: (r: NodeOf<'Request'>, _: unknown, ctx: ApiContext) => itemOf(r.item, ctx),
    async evidence(r: NodeOf<'Request'>, _: unknown, ctx: ApiContext) {
      const [by, inItem] = await Promise.all([
        ctx.loaders.related(r.id, 'REQUESTED', 'in'),
        ctx.loaders.related(r.id, 'IN', 'out'),
      ]);
      return evidenceOf([...by, ...inItem]);
    },
  },
  Deferral: {
    item: (d: NodeOf<'Deferral'>, _: unknown, ctx: ApiContext) => itemOf(d.item, ctx),
    async evidence(d: NodeOf<'Deferral'>, _: unknown, ctx: ApiContext) {
      const [deferred, inItem] = await Promise.all([
        ctx.loaders.related(d.id, 'DEFERRED_TO', 'in'),
        ctx.loaders.related(d.id, 'IN', 'out'),
      ]);
      return evidenceOf([...deferred, ...inItem]);
    },
    async by(d: NodeOf<'Deferral'>, _: unknown, ctx: ApiContext) {
      const rows = await ctx.loaders.related(d.id, 'DEFERRED_TO', 'in');
      return rows.map((r) => r.edge.props.by).find((b) => b) ?? null;
    },
  },
};
