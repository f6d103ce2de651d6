/**
 * The ledger nobody else keeps: per body, every request (open, or answered and where) and every
 * deferral (landed and where, overdue, or pending), with the dates of the meetings involved.
 * Clicking an item opens it in the graph.
 */
import type { LedgerEntry } from '../api/ledger.ts';
import type { ItemRef } from '../api/types.ts';
import type { Loadable } from '../state/store.ts';
import { clear, h } from './dom.ts';

const STATUS_LABEL: Record<LedgerEntry['status'], string> = {
  OPEN: 'Open',
  ANSWERED: 'Answered',
  LANDED: 'Came back',
  OVERDUE: 'Overdue',
  PENDING: 'Pending',
};

function itemLink(i: ItemRef, onPick: (id: string) => void, testId: string): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'link', 'data-testid': testId, 'data-item': i.id, onClick: (() => onPick(i.id)) as EventListener },
    `${i.date ?? 'undated'} · ${i.number ? `${i.number}. ` : ''}${i.title}`,
  );
}

function table(entries: LedgerEntry[], kind: LedgerEntry['kind'], onPick: (id: string) => void): HTMLElement {
  const rows = entries.filter((e) => e.kind === kind);
  if (rows.length === 0) return h('p', { class: 'muted small' }, kind === 'request' ? 'No requests recorded.' : 'No deferrals recorded.');
  return h(
    'table',
    { class: 'ledger-table', 'data-testid': `ledger-${kind}s` },
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, 'Meeting'), h('th', {}, kind === 'request' ? 'Request' : 'Deferred'), ...(kind === 'deferral' ? [h('th', {}, 'To')] : []), h('th', {}, 'Status'), h('th', {}, kind === 'request' ? 'Answered in' : 'Came back in')),
    ),
    h(
      'tbody',
      {},
      rows.map((e) =>
        h(
          'tr',
          { 'data-testid': 'ledger-row', 'data-status': e.status, 'data-id': e.id },
          h('td', { class: 'ledger-date' }, itemLink(e.item, onPick, 'ledger-raised')),
          h('td', {}, e.text),
          ...(kind === 'deferral' ? [h('td', { class: 'muted' }, e.target ?? 'a future meeting')] : []),
          h('td', {}, h('span', { class: `ledger-status status-${e.status.toLowerCase()}`, 'data-testid': 'ledger-status' }, STATUS_LABEL[e.status])),
          h('td', {}, e.outcome ? itemLink(e.outcome, onPick, 'ledger-outcome') : h('span', { class: 'muted' }, '—')),
        ),
      ),
    ),
  );
}

export function renderLedger(root: HTMLElement, data: Loadable<LedgerEntry[]> | null, onPick: (itemId: string) => void): void {
  clear(root);
  root.append(h('h2', { class: 'timeline-title', 'data-testid': 'ledger-title' }, 'Ledger: requests and deferrals, by body'));
  if (!data || data.state === 'loading') {
    root.append(h('div', { class: 'panel-loading', 'data-state': 'loading', role: 'status' }, h('div', { class: 'spinner' }), 'Loading the ledger…'));
    return;
  }
  if (data.state === 'error') {
    root.append(h('div', { class: 'notice error', 'data-state': 'error', role: 'alert' }, `Could not load the ledger: ${data.message}`));
    return;
  }
  const entries = data.value;
  if (entries.length === 0) {
    root.append(h('div', { class: 'notice', 'data-state': 'empty' }, 'No requests or deferrals in the graph yet.'));
    return;
  }
  const bodies = [...new Set(entries.map((e) => e.body ?? 'Body not named'))].sort();
  for (const body of bodies) {
    const mine = entries.filter((e) => (e.body ?? 'Body not named') === body);
    const open = mine.filter((e) => e.status === 'OPEN').length;
    const overdue = mine.filter((e) => e.status === 'OVERDUE').length;
    root.append(
      h(
        'section',
        { class: 'ledger-body', 'data-testid': 'ledger-body', 'data-body': body },
        h('h3', {}, body, h('span', { class: 'muted small' }, ` · ${open} open request${open === 1 ? '' : 's'}, ${overdue} overdue deferral${overdue === 1 ? '' : 's'}`)),
        h('h4', {}, 'Requests'),
        table(mine, 'request', onPick),
        h('h4', {}, 'Deferrals'),
        table(mine, 'deferral', onPick),
      ),
    );
  }
}
