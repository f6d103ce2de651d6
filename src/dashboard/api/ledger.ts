/**
 * The ledger query: every request and deferral with where it went (answered in, came back in,
 * overdue), mapped into rows for ui/ledger.ts. The query is `Ledger` in operations.graphql.
 */
import type { GraphQLClient } from './client.ts';
import { itemRef } from './queries.ts';
import type { ItemRef } from './types.ts';

/** One row of the ledger: a request or a deferral, with where it went. */
export interface LedgerEntry {
  id: string;
  kind: 'request' | 'deferral';
  text: string;
  body: string | null;
  date: string | null;
  item: ItemRef;
  /** OPEN, ANSWERED (requests); LANDED, OVERDUE, PENDING (deferrals). */
  status: 'OPEN' | 'ANSWERED' | 'LANDED' | 'OVERDUE' | 'PENDING';
  /** Where it was answered or came back. */
  outcome: ItemRef | null;
  /** Deferrals: the target month or date, "the next meeting", or null for a future meeting. */
  target: string | null;
}

/** The ledger: every request and deferral with where it went, oldest meeting first. */
export async function fetchLedger(api: GraphQLClient, signal?: AbortSignal): Promise<LedgerEntry[]> {
  const data = await api.run('Ledger', {}, signal);
  const requests: LedgerEntry[] = data.requests.map((r) => ({
    id: r.id,
    kind: 'request',
    text: r.text,
    body: r.meeting?.body?.name ?? null,
    date: r.meeting?.date ?? null,
    item: itemRef(r.item),
    status: r.status,
    outcome: r.answeredIn ? itemRef(r.answeredIn) : null,
    target: null,
  }));
  const deferrals: LedgerEntry[] = data.deferrals.map((d) => ({
    id: d.id,
    kind: 'deferral',
    text: d.subject,
    body: d.meeting?.body?.name ?? null,
    date: d.meeting?.date ?? null,
    item: itemRef(d.item),
    status: d.landedIn ? 'LANDED' : d.overdue ? 'OVERDUE' : 'PENDING',
    outcome: d.landedIn ? itemRef(d.landedIn) : null,
    target: d.to ?? (d.next ? 'the next meeting' : null),
  }));
  const when = (e: LedgerEntry): string => e.date ?? '9999';
  return [...requests, ...deferrals].sort((a, b) => when(a).localeCompare(when(b)));
}
