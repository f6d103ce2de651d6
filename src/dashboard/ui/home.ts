/**
 * Where an analyst starts: the bodies, the latest meetings, and the most active people and
 * strategies, each one click from its picture and tables.
 */
import type { HomeData } from '../api/types.ts';
import { nodeColour } from '../graph/palette.ts';
import type { Loadable } from '../state/store.ts';
import { clear, h } from './dom.ts';

export function renderHome(root: HTMLElement, home: Loadable<HomeData> | null, open: (id: string) => void): void {
  clear(root);
  if (!home || home.state === 'loading') {
    root.append(h('div', { class: 'panel-loading', 'data-state': 'loading', role: 'status' }, h('div', { class: 'spinner' }), 'Connecting to the councilgraph API…'));
    return;
  }
  if (home.state === 'error') return;
  const d = home.value;
  const empty = !d.bodies.length && !d.people.length && !d.meetings.length;
  const entry = (id: string, type: string, label: string, detail: string, testId: string) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'home-entry', 'data-id': id, 'data-testid': testId, onClick: (() => open(id)) as EventListener },
        h('span', { class: 'dot', style: `background:${nodeColour(type)}`, 'aria-hidden': 'true' }),
        h('span', { class: 'home-label' }, label),
        h('span', { class: 'home-detail' }, detail),
      ),
    );
  const card = (title: string, testId: string, items: HTMLElement[], none: string) =>
    h('section', { class: 'home-card', 'data-testid': testId, 'aria-labelledby': `${testId}-title` }, h('h2', { id: `${testId}-title` }, title), items.length ? h('ul', {}, items) : h('p', { class: 'muted' }, none));
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  root.append(
    h(
      'div',
      { class: 'home', 'data-state': empty ? 'empty' : 'home' },
      h('h1', { class: 'home-title' }, 'The council record'),
      empty
        ? h('p', {}, 'The graph is empty: no minutes have been ingested yet. Run ', h('code', {}, 'councilgraph ingest'), ' and reload.')
        : h('p', { class: 'muted' }, `${plural(d.documents, 'set')} of minutes. Search above, or start from a body, a meeting, a person or a strategy.`),
      h(
        'div',
        { class: 'home-grid' },
        card('Bodies', 'home-bodies', d.bodies.map((b) => entry(b.id, 'Body', b.name, `${plural(b.meetings, 'meeting')}${b.lastMet ? `, last ${b.lastMet}` : ''}`, 'home-body')), 'No bodies yet.'),
        card('Latest meetings', 'home-meetings', d.meetings.map((m) => entry(m.id, 'Meeting', `${m.date ?? 'undated'} · ${m.body ?? m.title}`, '', 'home-meeting')), 'No dated meetings yet.'),
        card('Most active people', 'home-people', d.people.map((p) => entry(p.id, 'Person', p.name, `${plural(p.meetings, 'meeting')}, ${plural(p.items, 'item')} presented or introduced`, 'home-person')), 'No people yet.'),
        card('Strategies most discussed', 'home-strategies', d.strategies.map((s) => entry(s.id, 'Strategy', s.name, `${plural(s.items, 'item')}${s.lastSeen ? `, last ${s.lastSeen}` : ''}`, 'home-strategy')), 'No strategies yet.'),
      ),
    ),
  );
}
