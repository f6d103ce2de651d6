/** Helpers the resolvers share: paging, evidence gathering, ordering by meeting date. */
import type { Evidence, NodeOf, NodeType } from '../../graph/model.ts';
import type { NodeOrder, RelatedRow } from '../../graph/store.ts';
import type { ApiContext } from '../context.ts';
import { apiError, ErrorCode } from '../errors.ts';

export interface PageArgs {
  first?: number | null;
  offset?: number | null;
}

/** Validates `first`/`offset` against the cap; the message says how to page instead. */
export function page(ctx: ApiContext, args: PageArgs, fallbackFirst = 100): { first: number; offset: number } {
  const first = args.first ?? fallbackFirst;
  const offset = args.offset ?? 0;
  if (first < 0 || first > ctx.limits.maxFirst) {
    throw apiError(
      ErrorCode.BAD_USER_INPUT,
      `first must be between 0 and ${ctx.limits.maxFirst} (got ${first}); fetch more with offset, ${ctx.limits.maxFirst} at a time.`,
    );
  }
  if (offset < 0 || offset > ctx.limits.maxOffset) {
    throw apiError(ErrorCode.BAD_USER_INPUT, `offset must be between 0 and ${ctx.limits.maxOffset} (got ${offset}); narrow the list with its filters instead of paging that deep.`);
  }
  return { first, offset };
}

export function slice<T>(list: readonly T[], p: { first: number; offset: number }): T[] {
  return list.slice(p.offset, p.offset + p.first);
}

export function uniqueBy<T>(list: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const x of list) {
    const k = key(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

/** Distinct evidence of some edges (the same sentence stated twice counts once). */
export function evidenceOf(rows: readonly { edge: { evidence: Evidence } }[]): Evidence[] {
  return uniqueBy(
    rows.map((r) => r.edge.evidence),
    (e) => `${e.doc}\u0000${e.start}\u0000${e.end}`,
  );
}

/** The nodes across some rows, first occurrence kept, with the evidence for each. */
export function groupRows(rows: readonly RelatedRow[]): { id: string; props: Record<string, unknown>; type: NodeType; rows: RelatedRow[] }[] {
  const groups = new Map<string, { id: string; props: Record<string, unknown>; type: NodeType; rows: RelatedRow[] }>();
  for (const row of rows) {
    const id = String(row.node.props.id);
    const g = groups.get(id);
    if (g) g.rows.push(row);
    else groups.set(id, { id, props: row.node.props as Record<string, unknown>, type: row.node.type, rows: [row] });
  }
  return [...groups.values()];
}

export function nodesOfType<T extends NodeType>(rows: readonly RelatedRow[], type: T): NodeOf<T>[] {
  return uniqueBy(
    rows.filter((r) => r.node.type === type).map((r) => r.node.props as NodeOf<T>),
    (n) => n.id,
  );
}

/** People in a stable order whatever order the store returns them in. */
export function byName<T extends { name: string; id: string }>(people: T[]): T[] {
  return people.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Unknown dates sort after known ones whichever the direction. */
export function compareDates(a: string | null | undefined, b: string | null | undefined, order: 'asc' | 'desc'): number {
  if (a === b) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  return order === 'asc' ? (a < b ? -1 : 1) : a < b ? 1 : -1;
}

export function sortMeetings(meetings: NodeOf<'Meeting'>[], order: 'asc' | 'desc'): NodeOf<'Meeting'>[] {
  return [...meetings].sort((a, b) => compareDates(a.date, b.date, order) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Items by their meeting's date, then meeting, then their place in the minutes, then id (a total order: every store answers alike). */
export function byMeetingDate(order: 'asc' | 'desc') {
  return (a: { item: NodeOf<'Item'>; date: string | null }, b: { item: NodeOf<'Item'>; date: string | null }) =>
    compareDates(a.date, b.date, order) ||
    (a.item.meeting < b.item.meeting ? -1 : a.item.meeting > b.item.meeting ? 1 : 0) ||
    a.item.ordinal - b.item.ordinal ||
    (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);
}

/** byMeetingDate('asc') as an order a store holding the graph in memory keeps its lists in. */
export const ITEMS_OLDEST_FIRST: NodeOrder = {
  key: 'items by meeting date, oldest first',
  type: 'Item',
  compare(a, b, node) {
    const date = (i: NodeOf<'Item'>) => {
      const m = node(i.meeting);
      return m && m.type === 'Meeting' ? ((m.props as NodeOf<'Meeting'>).date ?? null) : null;
    };
    const ia = a.props as NodeOf<'Item'>;
    const ib = b.props as NodeOf<'Item'>;
    return byMeetingDate('asc')({ item: ia, date: date(ia) }, { item: ib, date: date(ib) });
  },
};

/** Items ordered by their meeting's date, then by their place in the minutes. */
export async function sortItems<T extends { item: NodeOf<'Item'> }>(ctx: ApiContext, entries: T[], order: 'asc' | 'desc'): Promise<T[]> {
  const meetings = await Promise.all(entries.map((e) => ctx.loaders.node('Meeting', e.item.meeting)));
  const keyed = entries.map((e, i) => ({ e, item: e.item, date: meetings[i]?.date ?? null }));
  return keyed.sort(byMeetingDate(order)).map((k) => k.e);
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Inclusive bounds from `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, comparable with stored dates. */
export function dateRange(from?: string | null, to?: string | null): { from?: string; to?: string } {
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (v != null && !DATE.test(v)) {
      throw apiError(ErrorCode.BAD_USER_INPUT, `${name} must be YYYY, YYYY-MM or YYYY-MM-DD (got "${v}").`);
    }
  }
  const range: { from?: string; to?: string } = {};
  if (from) range.from = from;
  // "to 2025-12" includes every day of December: pad to the end of the period.
  if (to) range.to = to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to;
  return range;
}

export function inRange(date: string | null, range: { from?: string; to?: string }): boolean {
  if (!range.from && !range.to) return true;
  if (date == null) return false;
  if (range.from && date < range.from) return false;
  if (range.to && date > range.to) return false;
  return true;
}

/** GraphQL type name of a model node (documents are `Source`s in the API). */
export function typename(type: NodeType): string {
  return type === 'Document' ? 'Source' : type;
}

export function tagged(type: NodeType, props: object): Record<string, unknown> {
  return { ...props, __typename: typename(type) };
}

/** A name or title to show for any node. */
export function labelOf(type: NodeType, props: Record<string, unknown>): string {
  const s = (k: string) => (typeof props[k] === 'string' ? (props[k] as string) : '');
  switch (type) {
    case 'Meeting':
      return s('title') || [s('body'), s('date')].filter(Boolean).join(', ') || s('id');
    case 'Item':
      return s('number') ? `${s('number')}. ${s('title')}` : s('title');
    case 'Role':
      return s('title');
    case 'Request':
      return s('text');
    case 'Deferral':
      return s('subject');
    case 'Decision':
      return s('text');
    default:
      return s('name') || s('id');
  }
}
