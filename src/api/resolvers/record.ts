/**
 * The record of meetings: decisions, declarations of interest, substitutions, and the ledger of
 * follow-through (requests answered or open, deferrals landed or overdue). Plain traversals come
 * from the model (./relations.ts); what is here are views of edges (a Declaration is a
 * DECLARED_INTEREST edge with its interest and kind) and what is computed when asked: a request's
 * status, whether a deferral is overdue, and the root lists with their filters.
 */
import { createHash } from 'node:crypto';
import type { NodeOf, NodeType, RelType } from '../../graph/model.ts';
import type { RelatedRow } from '../../graph/store.ts';
import type { ApiContext } from '../context.ts';
import { bodiesNamed } from './query.ts';
import { itemMeeting } from './item.ts';
import { byMeetingDate, dateRange, evidenceOf, groupRows, inRange, nodesOfType, page, type PageArgs, slice } from './shared.ts';

type Item = NodeOf<'Item'>;
type Meeting = NodeOf<'Meeting'>;
type Person = NodeOf<'Person'>;

/** Everything of one type, page by page (the root lists filter what the store cannot). */
async function everything<T extends NodeType>(ctx: ApiContext, type: T, search?: string | null): Promise<NodeOf<T>[]> {
  const out: NodeOf<T>[] = [];
  for (let offset = 0; ; offset += 1000) {
    ctx.checkDeadline();
    const batch = await ctx.store.list(type, { ...(search ? { search } : {}), first: 1000, offset });
    out.push(...batch);
    if (batch.length < 1000) return out;
  }
}

/* ------------------------------------------------------------------ views of edges */

function viewId(kind: string, ...parts: string[]): string {
  return `${kind}:${createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;
}

interface DeclarationView {
  id: string;
  person: Person;
  meeting: Meeting;
  item: Item | null;
  interest: string;
  kind: string;
  evidence: ReturnType<typeof evidenceOf>;
}

/** Declarations from DECLARED_INTEREST rows, one per person, place, kind and interest (publications merged). */
async function declarationsFrom(rows: readonly { person: Person; target: { type: NodeType; props: Record<string, unknown> }; row: RelatedRow }[], ctx: ApiContext): Promise<DeclarationView[]> {
  const groups = new Map<string, { person: Person; target: { type: NodeType; props: Record<string, unknown> }; rows: RelatedRow[] }>();
  for (const r of rows) {
    const key = [r.person.id, r.target.props.id, r.row.edge.props.kind ?? '', (r.row.edge.props.interest ?? '').toLowerCase()].join('\u0000');
    const g = groups.get(key);
    if (g) g.rows.push(r.row);
    else groups.set(key, { person: r.person, target: r.target, rows: [r.row] });
  }
  const out: DeclarationView[] = [];
  for (const [key, g] of groups) {
    const item = g.target.type === 'Item' ? (g.target.props as Item) : null;
    const meeting = item ? await itemMeeting(item, ctx) : (g.target.props as Meeting);
    out.push({
      id: viewId('declaration', key),
      person: g.person,
      meeting,
      item,
      interest: g.rows[0]!.edge.props.interest ?? '',
      kind: g.rows[0]!.edge.props.kind ?? 'UNSPECIFIED',
      evidence: evidenceOf(g.rows),
    });
  }
  return out;
}

async function declarationsInto(id: string, target: { type: NodeType; props: Record<string, unknown> }, ctx: ApiContext) {
  const rows = await ctx.loaders.related(id, 'DECLARED_INTEREST', 'in');
  return declarationsFrom(rows.map((row) => ({ person: row.node.props as Person, target, row })), ctx);
}

interface SubstitutionView {
  person: Person;
  for: Person | null;
  meeting: Meeting;
  evidence: ReturnType<typeof evidenceOf>;
}

async function substitutionsFrom(person: Person, rows: readonly RelatedRow[], ctx: ApiContext): Promise<SubstitutionView[]> {
  const out: SubstitutionView[] = [];
  for (const g of groupRows(rows)) {
    const byMeeting = new Map<string, RelatedRow[]>();
    for (const r of g.rows) {
      const m = r.edge.props.meeting ?? (g.type === 'Meeting' ? g.id : '');
      byMeeting.set(m, [...(byMeeting.get(m) ?? []), r]);
    }
    for (const [meetingId, list] of byMeeting) {
      const meeting = await ctx.loaders.node('Meeting', meetingId);
      if (!meeting) continue;
      out.push({ person, for: g.type === 'Person' ? (g.props as Person) : null, meeting, evidence: evidenceOf(list) });
    }
  }
  return out;
}

/** The people a meeting's minutes name: in its preamble, its items, or its lists. */
async function peopleOfMeeting(m: Meeting, ctx: ApiContext): Promise<Person[]> {
  const items = nodesOfType(await ctx.loaders.related(m.id, 'HAS_ITEM', 'out'), 'Item');
  const rows = await Promise.all([
    ctx.loaders.relatedMany(m.id, ['MENTIONED_IN', 'ATTENDED', 'CHAIRED', 'SUBSTITUTED_FOR'], 'in'),
    ...items.map((i) => ctx.loaders.related(i.id, 'MENTIONED_IN', 'in')),
  ]);
  return nodesOfType(rows.flat(), 'Person');
}

/* ------------------------------------------------------------------ follow-through */

async function answeredIn(r: NodeOf<'Request'>, ctx: ApiContext): Promise<Item | null> {
  return nodesOfType(await ctx.loaders.related(r.id, 'ANSWERED_IN', 'out'), 'Item')[0] ?? null;
}

async function meetingOfItemId(itemId: string, ctx: ApiContext): Promise<Meeting | null> {
  const item = await ctx.loaders.node('Item', itemId);
  return item ? itemMeeting(item, ctx) : null;
}

async function bodyOf(m: Meeting, ctx: ApiContext): Promise<NodeOf<'Body'> | null> {
  return nodesOfType(await ctx.loaders.related(m.id, 'HELD_BY', 'out'), 'Body')[0] ?? null;
}

/** The last day a target can mean: "2025-09" is any day of September. */
function endOf(target: string): string {
  return target.length === 7 ? `${target}-31` : target;
}

/**
 * Overdue: not landed, and the body has a later meeting in the graph past the target date (or,
 * for "the next meeting", any later meeting). A deferral to "a future meeting" is never overdue.
 */
export async function isOverdue(d: NodeOf<'Deferral'>, ctx: ApiContext): Promise<boolean> {
  if (!d.to && !d.next) return false;
  if ((await ctx.loaders.related(d.id, 'LANDED_IN', 'out')).length > 0) return false;
  const meeting = await meetingOfItemId(d.item, ctx);
  const from = d.from ?? meeting?.date ?? null;
  if (!meeting || !from) return false;
  const body = await bodyOf(meeting, ctx);
  if (!body) return false;
  const meetings = nodesOfType(await ctx.loaders.related(body.id, 'HELD_BY', 'in'), 'Meeting');
  const past = d.to ? endOf(d.to) : from;
  return meetings.some((m) => m.date !== null && m.date.length === 10 && m.date > past && m.date > from);
}

/* ------------------------------------------------------------------ root lists */

interface Filters extends PageArgs {
  body?: string | null;
  from?: string | null;
  to?: string | null;
}

/** Things raised in items (decisions, requests, deferrals), with their meeting, filtered by body and date. */
async function raisedIn<T extends { id: string; item: string; ordinal?: number }>(
  ctx: ApiContext,
  all: () => Promise<T[]>,
  viaItem: (itemId: string) => Promise<T[]>,
  args: Filters,
): Promise<{ node: T; item: Item; meeting: Meeting }[]> {
  const range = dateRange(args.from, args.to);
  let nodes: T[];
  if (args.body) {
    const bodies = await bodiesNamed(args.body, ctx);
    const meetings = nodesOfType((await Promise.all(bodies.map((b) => ctx.loaders.related(b, 'HELD_BY', 'in')))).flat(), 'Meeting');
    const items = nodesOfType((await Promise.all(meetings.map((m) => ctx.loaders.related(m.id, 'HAS_ITEM', 'out')))).flat(), 'Item');
    nodes = (await Promise.all(items.map((i) => viaItem(i.id)))).flat();
  } else nodes = await all();
  const out: { node: T; item: Item; meeting: Meeting }[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const item = await ctx.loaders.node('Item', node.item);
    if (!item) continue;
    const meeting = await itemMeeting(item, ctx);
    if (!inRange(meeting.date, range)) continue;
    out.push({ node, item, meeting });
  }
  return out.sort((a, b) => byMeetingDate('asc')({ item: a.item, date: a.meeting.date }, { item: b.item, date: b.meeting.date }) || (a.node.ordinal ?? 0) - (b.node.ordinal ?? 0) || (a.node.id < b.node.id ? -1 : 1));
}

const inItem = (type: 'Request' | 'Deferral' | 'Decision', rel: RelType) => (ctx: ApiContext) => async (itemId: string) =>
  nodesOfType(await ctx.loaders.related(itemId, rel, 'in'), type) as never[];

export const recordResolvers = {
  Query: {
    decision: (_: unknown, args: { id: string }, ctx: ApiContext) => ctx.loaders.node('Decision', args.id),
    async decisions(_: unknown, args: Filters & { search?: string | null }, ctx: ApiContext) {
      const pg = page(ctx, args);
      const search = args.search?.trim().toLowerCase() || null;
      const found = await raisedIn<NodeOf<'Decision'>>(ctx, () => everything(ctx, 'Decision', search), inItem('Decision', 'DECIDED_IN')(ctx), args);
      return slice(found.filter((f) => !search || f.node.text.toLowerCase().includes(search)), pg).map((f) => f.node);
    },
    async requests(_: unknown, args: Filters & { status?: 'OPEN' | 'ANSWERED' | null }, ctx: ApiContext) {
      const pg = page(ctx, args);
      const found = await raisedIn<NodeOf<'Request'>>(ctx, () => everything(ctx, 'Request'), inItem('Request', 'IN')(ctx), args);
      const kept = [];
      for (const f of found) {
        const answered = (await answeredIn(f.node, ctx)) !== null;
        if (!args.status || (args.status === 'ANSWERED') === answered) kept.push(f.node);
      }
      return slice(kept, pg);
    },
    async deferrals(_: unknown, args: Filters & { overdue?: boolean | null }, ctx: ApiContext) {
      const pg = page(ctx, args);
      const found = await raisedIn<NodeOf<'Deferral'>>(ctx, () => everything(ctx, 'Deferral'), inItem('Deferral', 'IN')(ctx), args);
      const kept = [];
      for (const f of found) if (args.overdue == null || (await isOverdue(f.node, ctx)) === args.overdue) kept.push(f.node);
      return slice(kept, pg);
    },
  },
  Decision: {
    async evidence(d: NodeOf<'Decision'>, _: unknown, ctx: ApiContext) {
      return evidenceOf(await ctx.loaders.related(d.id, 'DECIDED_IN', 'out'));
    },
    async meeting(d: NodeOf<'Decision'>, _: unknown, ctx: ApiContext) {
      const m = await meetingOfItemId(d.item, ctx);
      if (!m) throw new Error(`Decision ${d.id} names item "${d.item}", which is not in the store; re-ingest its document.`);
      return m;
    },
  },
  Request: {
    async status(r: NodeOf<'Request'>, _: unknown, ctx: ApiContext) {
      return (await answeredIn(r, ctx)) ? 'ANSWERED' : 'OPEN';
    },
    async meeting(r: NodeOf<'Request'>, _: unknown, ctx: ApiContext) {
      return meetingOfItemId(r.item, ctx);
    },
    async answerEvidence(r: NodeOf<'Request'>, _: unknown, ctx: ApiContext) {
      return evidenceOf(await ctx.loaders.related(r.id, 'ANSWERED_IN', 'out'));
    },
  },
  Deferral: {
    overdue: (d: NodeOf<'Deferral'>, _: unknown, ctx: ApiContext) => isOverdue(d, ctx),
    next: (d: NodeOf<'Deferral'>) => d.next === true,
    async meeting(d: NodeOf<'Deferral'>, _: unknown, ctx: ApiContext) {
      return meetingOfItemId(d.item, ctx);
    },
    async landingEvidence(d: NodeOf<'Deferral'>, _: unknown, ctx: ApiContext) {
      return evidenceOf(await ctx.loaders.related(d.id, 'LANDED_IN', 'out'));
    },
  },
  Item: {
    declarations: (i: Item, _: unknown, ctx: ApiContext) => declarationsInto(i.id, { type: 'Item', props: i as unknown as Record<string, unknown> }, ctx),
  },
  Meeting: {
    async declarations(m: Meeting, _: unknown, ctx: ApiContext) {
      const items = nodesOfType(await ctx.loaders.related(m.id, 'HAS_ITEM', 'out'), 'Item').sort((a, b) => a.ordinal - b.ordinal);
      const lists = await Promise.all([
        declarationsInto(m.id, { type: 'Meeting', props: m as unknown as Record<string, unknown> }, ctx),
        ...items.map((i) => declarationsInto(i.id, { type: 'Item', props: i as unknown as Record<string, unknown> }, ctx)),
      ]);
      return lists.flat();
    },
    async substitutions(m: Meeting, _: unknown, ctx: ApiContext) {
      const people = await peopleOfMeeting(m, ctx);
      const out: SubstitutionView[] = [];
      for (const p of people) {
        const rows = (await ctx.loaders.related(p.id, 'SUBSTITUTED_FOR', 'out')).filter((r) => (r.edge.props.meeting ?? r.node.props.id) === m.id);
        out.push(...(await substitutionsFrom(p, rows, ctx)));
      }
      return out.sort((a, b) => a.person.name.localeCompare(b.person.name));
    },
  },
  Person: {
    async declarations(p: Person, args: PageArgs, ctx: ApiContext) {
      const pg = page(ctx, args);
      const rows = await ctx.loaders.related(p.id, 'DECLARED_INTEREST', 'out');
      const views = await declarationsFrom(rows.map((row) => ({ person: p, target: row.node as { type: NodeType; props: Record<string, unknown> }, row })), ctx);
      views.sort((a, b) => (a.meeting.date ?? '9999').localeCompare(b.meeting.date ?? '9999') || (a.item?.ordinal ?? -1) - (b.item?.ordinal ?? -1));
      return slice(views, pg);
    },
    async substitutions(p: Person, args: PageArgs, ctx: ApiContext) {
      const pg = page(ctx, args);
      const views = await substitutionsFrom(p, await ctx.loaders.related(p.id, 'SUBSTITUTED_FOR', 'out'), ctx);
      views.sort((a, b) => (a.meeting.date ?? '9999').localeCompare(b.meeting.date ?? '9999'));
      return slice(views, pg);
    },
  },
};
