/**
 * The side panel: what the selected node, edge or path is, and how we know. Between two nodes
 * joined by several relations (attended and presented), every relation is listed with its own
 * evidence.
 */
import type { Evidence, ItemRef, NodeDetails } from '../api/types.ts';
import { nodeColour, relLabel, relStyle } from '../graph/palette.ts';
import type { Loadable, PathStep } from '../state/store.ts';
import { clear, h } from './dom.ts';
import { recordSections } from './record.ts';
import { evidenceList, type EvidenceActions, type EvidenceContext } from './evidence.ts';

export interface PanelActions extends EvidenceActions {
  /** Select the node if it is on screen, otherwise open it as a new view. */
  show(id: string): void;
  open(id: string): void;
  expand(id: string): void;
  togglePin(id: string): void;
  remove(id: string): void;
  pathFrom(id: string): void;
  timeline(id: string): void;
  table(id: string): void;
  selectEdge(key: string): void;
  clearPath(): void;
  pathAbsences(on: boolean): void;
  /** Opens the correction form about an entity (merge, split, rename). */
  correctEntity?(id: string, label: string): void;
}

export interface NodeSummary {
  id: string;
  type: string;
  label: string;
  pinned: boolean;
  expanded: boolean;
  onScreen: boolean;
  degree: number;
}

export interface EdgeEnd {
  id: string;
  label: string;
  type: string;
}

/** Every relation between two nodes, each with its direction and evidence. */
export interface EdgeSummary {
  selected: string;
  a: EdgeEnd;
  b: EdgeEnd;
  relations: { key: string; type: string; from: EdgeEnd; to: EdgeEnd; evidence: Evidence[] }[];
}

const TIMELINE_TYPES = new Set(['Person', 'Body', 'Meeting', 'Strategy', 'Topic']);
export const TABLE_TYPES = new Set(['Person', 'Body', 'Strategy']);

const chip = (type: string): HTMLElement =>
  h('span', { class: 'type-chip', style: `--chip:${nodeColour(type)}` }, type === 'Document' ? 'Source' : type);

const section = (title: string, ...body: (Node | null)[]): HTMLElement =>
  h('section', { class: 'panel-section' }, h('h3', {}, title), ...body);

const linkButton = (text: string, onClick: () => void, testId?: string): HTMLElement =>
  h('button', { class: 'link', type: 'button', 'data-testid': testId, onClick: onClick as EventListener }, text);

function itemList(items: ItemRef[], actions: PanelActions, testId: string): HTMLElement {
  return h(
    'ul',
    { class: 'item-list', 'data-testid': testId },
    items.map((i) =>
      h(
        'li',
        {},
        h('span', { class: 'item-date' }, i.date ?? 'undated'),
        h('div', {}, linkButton(`${i.number ? `${i.number}. ` : ''}${i.title}`, () => actions.show(i.id)), i.body ? h('div', { class: 'muted small' }, i.body) : null),
      ),
    ),
  );
}

function actionBar(node: NodeSummary, actions: PanelActions): HTMLElement {
  const btn = (text: string, testId: string, onClick: () => void, title: string): HTMLElement =>
    h('button', { type: 'button', class: 'btn small', 'data-testid': testId, title, onClick: onClick as EventListener }, text);
  return h(
    'div',
    { class: 'panel-actions' },
    node.onScreen
      ? btn(node.expanded ? 'Expanded' : 'Expand', 'action-expand', () => actions.expand(node.id), 'Add its neighbours (or double-click the node)')
      : btn('Open', 'action-open', () => actions.open(node.id), 'Open its neighbourhood'),
    TABLE_TYPES.has(node.type) ? btn('Table', 'action-table', () => actions.table(node.id), 'Its record as tables, with a CSV download') : null,
    TIMELINE_TYPES.has(node.type) ? btn('Timeline', 'action-timeline', () => actions.timeline(node.id), 'Its meetings along a date axis') : null,
    btn('Path from here…', 'action-path', () => actions.pathFrom(node.id), 'Find how it connects to another entity'),
    node.onScreen ? btn(node.pinned ? 'Unpin' : 'Pin', 'action-pin', () => actions.togglePin(node.id), 'Keep it where it is while the layout runs') : null,
    node.onScreen ? btn('Remove', 'action-remove', () => actions.remove(node.id), 'Remove it from the view') : null,
    actions.correctEntity && ['Person', 'Body', 'Strategy'].includes(node.type)
      ? btn('Report a mistake', 'action-correct', () => actions.correctEntity!(node.id, node.label), 'Say that this is two entities, the same as another, or misspelt')
      : null,
  );
}

export function renderNodePanel(root: HTMLElement, node: NodeSummary, details: Loadable<NodeDetails | null>, actions: PanelActions): void {
  clear(root);
  root.dataset.kind = 'node';
  const d = details.state === 'ready' ? details.value : null;
  root.append(
    h(
      'header',
      { class: 'panel-header' },
      chip(node.type),
      h('h2', { 'data-testid': 'panel-title', tabindex: '-1' }, d?.label ?? node.label),
      node.onScreen ? h('div', { class: 'muted small' }, `${node.degree} connection${node.degree === 1 ? '' : 's'} on screen`) : null,
    ),
    actionBar(node, actions),
  );
  if (details.state === 'loading') {
    root.append(h('div', { class: 'panel-loading', 'data-state': 'loading', role: 'status' }, h('div', { class: 'spinner' }), 'Loading details…'));
    return;
  }
  if (details.state === 'error') {
    root.append(h('div', { class: 'notice error', 'data-state': 'error', role: 'alert' }, `Could not load details: ${details.message}`));
    return;
  }
  if (!d) {
    root.append(h('div', { class: 'notice', 'data-state': 'missing', 'data-testid': 'not-found' }, 'This entity is not in the graph (any more).'));
    return;
  }
  if (d.facts.length) root.append(h('dl', { class: 'facts' }, d.facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
  for (const l of d.links) root.append(h('p', {}, h('a', { class: 'link', href: l.url, target: '_blank', rel: 'noopener noreferrer' }, `${l.label} ↗`)));
  root.append(...recordSections(d, { section, linkButton, show: actions.show }));
  if (d.aliases.length) root.append(section('Also written as', h('p', { 'data-testid': 'aliases' }, d.aliases.join(' · '))));
  if (d.type === 'Person') {
    root.append(
      section(
        'Roles',
        d.roles.length
          ? h(
              'ul',
              { class: 'roles', 'data-testid': 'roles' },
              d.roles.map((r) =>
                h(
                  'li',
                  {},
                  h('strong', {}, r.title),
                  r.body ? h('span', {}, `, ${r.body}`) : null,
                  h(
                    'div',
                    { class: 'muted small' },
                    r.firstSeen || r.lastSeen
                      ? r.firstSeen === r.lastSeen || !r.lastSeen || !r.firstSeen
                        ? `seen ${r.firstSeen ?? r.lastSeen}`
                        : `seen ${r.firstSeen} to ${r.lastSeen}`
                      : 'dates not stated',
                  ),
                ),
              ),
            )
          : h('p', { class: 'muted' }, 'No role recorded in the minutes.'),
      ),
      section(
        `Items presented (${d.presented.length})`,
        d.presented.length ? itemList(d.presented, actions, 'presented-items') : h('p', { class: 'muted' }, 'Presented no items in the minutes read.'),
      ),
    );
    if (d.introduced.length) root.append(section(`Items introduced (${d.introduced.length})`, itemList(d.introduced, actions, 'introduced-items')));
  }
  for (const group of d.people) {
    root.append(
      section(`${group.heading} (${group.names.length})`, h('ul', { class: 'people' }, group.names.map((p) => h('li', {}, linkButton(p.name, () => actions.show(p.id)))))),
    );
  }
  if (d.items.length) {
    const heading = d.type === 'Meeting' ? 'Agenda items' : d.type === 'Deferral' || d.type === 'Request' ? 'Raised in' : 'Discussed in';
    root.append(section(`${heading} (${d.items.length})`, itemList(d.items, actions, 'items')));
  }
  if (d.meetings.length) {
    root.append(
      section(
        d.type === 'Body' ? `Meetings, newest first (${d.meetings.length}${d.meetings.length === 50 ? '+' : ''})` : `Meetings (${d.meetings.length})`,
        h(
          'ul',
          { class: 'item-list', 'data-testid': 'meetings' },
          d.meetings.map((m) => h('li', {}, h('span', { class: 'item-date' }, m.date ?? 'undated'), h('div', {}, linkButton(m.body ?? m.title, () => actions.show(m.id))))),
        ),
      ),
    );
  }
  if (d.evidence.length) root.append(section('Evidence', evidenceList(d.evidence, { subject: d.label, relation: null }, actions)));
}

export function renderEdgePanel(root: HTMLElement, edge: EdgeSummary, actions: PanelActions): void {
  clear(root);
  root.dataset.kind = 'edge';
  const end = (n: EdgeEnd): HTMLElement => h('div', { class: 'edge-end' }, chip(n.type), linkButton(n.label, () => actions.show(n.id)));
  const names = [...new Set(edge.relations.map((r) => relLabel(r.type)))];
  root.append(
    h(
      'header',
      { class: 'panel-header' },
      h('span', { class: 'type-chip relation' }, edge.relations.length > 1 ? `${edge.relations.length} relations` : 'Relation'),
      h('h2', { 'data-testid': 'panel-title', tabindex: '-1' }, names.join(' · ')),
    ),
    h('div', { class: 'edge-ends' }, end(edge.a), end(edge.b)),
  );
  for (const r of edge.relations) {
    const context: EvidenceContext = {
      subject: `${r.from.label} · ${relLabel(r.type)} · ${r.to.label}`,
      relation: { type: r.type, from: r.from.id, to: r.to.id },
    };
    const style = relStyle(r.type);
    root.append(
      h(
        'section',
        { class: `panel-section relation-section${r.key === edge.selected ? ' selected' : ''}`, 'data-testid': 'relation', 'data-rel-type': r.type },
        h(
          'h3',
          {},
          h('span', { class: `rel-swatch${style.dashed ? ' dashed' : ''}`, style: `--rel:${style.colour}`, 'aria-hidden': 'true' }),
          `${r.from.label} ${relLabel(r.type)} ${r.to.label}`,
        ),
        h('p', { class: 'muted small' }, `How we know (${r.evidence.length})`),
        evidenceList(r.evidence, context, actions),
      ),
    );
  }
}

export function renderPathPanel(
  root: HTMLElement,
  from: string,
  to: string,
  steps: Loadable<PathStep[] | null>,
  absences: boolean,
  actions: PanelActions,
): void {
  clear(root);
  root.dataset.kind = 'path';
  root.append(h('header', { class: 'panel-header' }, h('span', { class: 'type-chip relation' }, 'Path'), h('h2', { 'data-testid': 'panel-title', tabindex: '-1' }, `${from} → ${to}`)));
  const toggle = h('input', { type: 'checkbox', id: 'path-absences', 'data-testid': 'path-absences', checked: absences });
  toggle.addEventListener('change', () => actions.pathAbsences(toggle.checked));
  root.append(h('p', { class: 'small' }, h('label', { for: 'path-absences', class: 'inline-check' }, toggle, 'Count “sent apologies” as a connection')));
  if (steps.state === 'loading') {
    root.append(h('div', { class: 'panel-loading', 'data-state': 'loading', role: 'status' }, h('div', { class: 'spinner' }), 'Finding the shortest connection…'));
  } else if (steps.state === 'error') {
    root.append(h('div', { class: 'notice error', 'data-state': 'error', role: 'alert' }, `Path search failed: ${steps.message}`));
  } else if (!steps.value) {
    root.append(
      h(
        'div',
        { class: 'notice', 'data-state': 'empty', 'data-testid': 'path-none' },
        absences ? 'No connection within 6 hops.' : 'No connection within 6 hops that does not run through an absence.',
      ),
    );
  } else {
    root.append(
      h(
        'ol',
        { class: 'path-steps', 'data-testid': 'path-steps' },
        steps.value.map((s) =>
          h(
            'li',
            {},
            h('div', { class: 'edge-end' }, chip(s.node.type), linkButton(s.node.label, () => actions.show(s.node.id))),
            s.edge ? h('div', { class: 'path-rel' }, linkButton(`${s.edge.forward ? '↓' : '↑'} ${relLabel(s.edge.type)}`, () => actions.selectEdge(s.edge!.key), 'path-edge')) : null,
          ),
        ),
      ),
      h('p', { class: 'muted small' }, 'Choose a relation to see the sentences it rests on.'),
    );
  }
  root.append(h('div', { class: 'panel-actions' }, h('button', { type: 'button', class: 'btn small', 'data-testid': 'path-clear', onClick: (() => actions.clearPath()) as EventListener }, 'Clear path')));
}

export function renderIntroPanel(root: HTMLElement): void {
  clear(root);
  root.dataset.kind = 'intro';
  root.append(
    h('header', { class: 'panel-header' }, h('h2', {}, 'Details')),
    h(
      'ul',
      { class: 'howto' },
      h('li', {}, h('strong', {}, 'Click'), ' a node or a line to see what it is and the sentences it comes from; ', h('strong', {}, 'Read in the minutes'), ' opens the text there.'),
      h('li', {}, h('strong', {}, 'Double-click'), ' a node to add its neighbours.'),
      h('li', {}, h('strong', {}, 'Drag'), ' a node to pin it; scroll to zoom, drag the background to pan.'),
      h('li', {}, 'The ', h('strong', {}, 'Table'), ' view lists the same facts row by row, for screen readers and spreadsheets.'),
    ),
  );
}
