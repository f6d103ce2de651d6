/**
 * The side panel: what the selected node or edge is, and how we know. For a relation its
 * evidence sentences with source document and item; for a person the items they presented.
 */
import type { Evidence, ItemRef, NodeDetails } from '../api/types.ts';
import { nodeColour, relLabel, REL_LABELS } from '../graph/palette.ts';
import { clear, h } from './dom.ts';
import { recordSections } from './record.ts';

export interface PanelActions {
  /** Select the node if it is on screen, otherwise open it as a new view. */
  show(id: string): void;
  open(id: string): void;
  expand(id: string): void;
  togglePin(id: string): void;
  remove(id: string): void;
  pathFrom(id: string): void;
  timeline(id: string): void;
  selectEdge(key: string): void;
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

export interface EdgeSummary {
  key: string;
  type: string;
  from: { id: string; label: string; type: string };
  to: { id: string; label: string; type: string };
  evidence: Evidence[];
}

const TIMELINE_TYPES = new Set(['Person', 'Body', 'Meeting', 'Strategy', 'Topic']);

const chip = (type: string): HTMLElement =>
  h('span', { class: 'type-chip', style: `--chip:${nodeColour(type)}` }, type === 'Document' ? 'Source' : type);

const section = (title: string, ...body: (Node | null)[]): HTMLElement =>
  h('section', { class: 'panel-section' }, h('h3', {}, title), ...body);

const linkButton = (text: string, onClick: () => void, testId?: string): HTMLElement =>
  h('button', { class: 'link', type: 'button', 'data-testid': testId, onClick: onClick as EventListener }, text);

export function evidenceList(evidence: Evidence[]): HTMLElement {
  if (!evidence.length) return h('p', { class: 'muted' }, 'No evidence sentence recorded.');
  return h(
    'ol',
    { class: 'evidence', 'data-testid': 'evidence-list' },
    evidence.map((ev) =>
      h(
        'li',
        {},
        h('blockquote', {}, ev.sentence),
        h(
          'div',
          { class: 'evidence-source' },
          h('span', { class: 'evidence-doc', title: 'Source document' }, ev.source),
          ev.item
            ? h(
                'span',
                { class: 'evidence-item', title: 'Agenda item' },
                `Item ${ev.item.number ? `${ev.item.number} ` : ''}· ${ev.item.title}`,
              )
            : null,
        ),
      ),
    ),
  );
}

function itemList(items: ItemRef[], actions: PanelActions, testId: string): HTMLElement {
  return h(
    'ul',
    { class: 'item-list', 'data-testid': testId },
    items.map((i) =>
      h(
        'li',
        {},
        h('span', { class: 'item-date' }, i.date ?? 'undated'),
        h(
          'div',
          {},
          linkButton(`${i.number ? `${i.number}. ` : ''}${i.title}`, () => actions.show(i.id)),
          i.body ? h('div', { class: 'muted small' }, i.body) : null,
        ),
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
    node.onScreen ? btn(node.pinned ? 'Unpin' : 'Pin', 'action-pin', () => actions.togglePin(node.id), 'Keep it where it is while the layout runs') : null,
    node.onScreen ? btn('Remove', 'action-remove', () => actions.remove(node.id), 'Remove it from the view') : null,
    btn('Path from here…', 'action-path', () => actions.pathFrom(node.id), 'Find how it connects to another entity'),
    TIMELINE_TYPES.has(node.type) ? btn('Timeline', 'action-timeline', () => actions.timeline(node.id), 'Its meetings along a date axis') : null,
  );
}

export function renderNodePanel(
  root: HTMLElement,
  node: NodeSummary,
  details: NodeDetails | 'loading' | Error | null,
  actions: PanelActions,
): void {
  clear(root);
  root.dataset.kind = 'node';
  root.append(
    h(
      'header',
      { class: 'panel-header' },
      chip(node.type),
      h('h2', { 'data-testid': 'panel-title' }, details && typeof details === 'object' && !(details instanceof Error) ? details.label : node.label),
      node.onScreen ? h('div', { class: 'muted small' }, `${node.degree} connection${node.degree === 1 ? '' : 's'} on screen`) : null,
    ),
    actionBar(node, actions),
  );
  if (details === 'loading') {
    root.append(h('div', { class: 'panel-loading', 'data-state': 'loading' }, h('div', { class: 'spinner' }), 'Loading details…'));
    return;
  }
  if (details instanceof Error) {
    root.append(h('div', { class: 'notice error', 'data-state': 'error' }, `Could not load details: ${details.message}`));
    return;
  }
  if (!details) {
    root.append(h('div', { class: 'notice', 'data-state': 'missing' }, 'This entity is no longer in the graph.'));
    return;
  }
  if (details.facts.length) {
    root.append(
      h(
        'dl',
        { class: 'facts' },
        details.facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
      ),
    );
  }
  root.append(...recordSections(details, { section, linkButton, show: actions.show }));
  if (details.aliases.length) {
    root.append(section('Also written as', h('p', { 'data-testid': 'aliases' }, details.aliases.join(' · '))));
  }
  if (details.type === 'Person') {
    root.append(
      section(
        'Roles',
        details.roles.length
          ? h(
              'ul',
              { class: 'roles', 'data-testid': 'roles' },
              details.roles.map((r) =>
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
        `Items presented (${details.presented.length})`,
        details.presented.length
          ? itemList(details.presented, actions, 'presented-items')
          : h('p', { class: 'muted' }, 'Presented no items in the minutes read.'),
      ),
    );
  }
  for (const group of details.people) {
    root.append(
      section(
        `${group.heading} (${group.names.length})`,
        h(
          'ul',
          { class: 'people' },
          group.names.map((p) => h('li', {}, linkButton(p.name, () => actions.show(p.id)))),
        ),
      ),
    );
  }
  if (details.items.length) {
    const heading = details.type === 'Meeting' ? 'Agenda items' : details.type === 'Deferral' || details.type === 'Request' ? 'Raised in' : 'Discussed in';
    root.append(section(`${heading} (${details.items.length})`, itemList(details.items, actions, 'items')));
  }
  if (details.meetings.length) {
    root.append(
      section(
        details.type === 'Body' ? `Meetings, newest first (${details.meetings.length}${details.meetings.length === 50 ? '+' : ''})` : `Meetings (${details.meetings.length})`,
        h(
          'ul',
          { class: 'item-list', 'data-testid': 'meetings' },
          details.meetings.map((m) =>
            h('li', {}, h('span', { class: 'item-date' }, m.date ?? 'undated'), h('div', {}, linkButton(m.body ?? 'Meeting', () => actions.show(m.id)))),
          ),
        ),
      ),
    );
  }
  if (details.evidence.length) root.append(section('Evidence', evidenceList(details.evidence)));
}

export function renderEdgePanel(root: HTMLElement, edge: EdgeSummary, actions: PanelActions): void {
  clear(root);
  root.dataset.kind = 'edge';
  const end = (n: EdgeSummary['from']): HTMLElement =>
    h('div', { class: 'edge-end' }, chip(n.type), linkButton(n.label, () => actions.show(n.id)));
  root.append(
    h(
      'header',
      { class: 'panel-header' },
      h('span', { class: 'type-chip relation' }, 'Relation'),
      h('h2', { 'data-testid': 'panel-title' }, relLabel(edge.type)),
      h('div', { class: 'muted small' }, REL_LABELS[edge.type] ? edge.type : ''),
    ),
    h('div', { class: 'edge-ends' }, end(edge.from), h('div', { class: 'edge-arrow' }, `↓ ${relLabel(edge.type)}`), end(edge.to)),
    section(`How we know (${edge.evidence.length})`, evidenceList(edge.evidence)),
  );
}

export interface PathStep {
  node: { id: string; label: string; type: string };
  /** The relation leading to the next node, with its direction as stored. */
  edge: { key: string; type: string; forward: boolean } | null;
}

export function renderPathPanel(
  root: HTMLElement,
  from: string,
  to: string,
  steps: PathStep[] | 'loading' | Error | null,
  actions: PanelActions,
  clearPath: () => void,
): void {
  clear(root);
  root.dataset.kind = 'path';
  root.append(
    h('header', { class: 'panel-header' }, h('span', { class: 'type-chip relation' }, 'Path'), h('h2', { 'data-testid': 'panel-title' }, `${from} → ${to}`)),
  );
  if (steps === 'loading') {
    root.append(h('div', { class: 'panel-loading', 'data-state': 'loading' }, h('div', { class: 'spinner' }), 'Finding the shortest connection…'));
    return;
  }
  if (steps instanceof Error) {
    root.append(h('div', { class: 'notice error', 'data-state': 'error' }, `Path search failed: ${steps.message}`));
  } else if (!steps) {
    root.append(h('div', { class: 'notice', 'data-state': 'empty', 'data-testid': 'path-none' }, 'No connection within 6 hops.'));
  } else {
    root.append(
      h(
        'ol',
        { class: 'path-steps', 'data-testid': 'path-steps' },
        steps.map((s) =>
          h(
            'li',
            {},
            h('div', { class: 'edge-end' }, chip(s.node.type), linkButton(s.node.label, () => actions.show(s.node.id))),
            s.edge
              ? h(
                  'div',
                  { class: 'path-rel' },
                  linkButton(`${s.edge.forward ? '↓' : '↑'} ${relLabel(s.edge.type)}`, () => actions.selectEdge(s.edge!.key), 'path-edge'),
                )
              : null,
          ),
        ),
      ),
      h('p', { class: 'muted small' }, 'Click a relation to see the sentence it rests on.'),
    );
  }
  root.append(h('div', { class: 'panel-actions' }, h('button', { type: 'button', class: 'btn small', 'data-testid': 'path-clear', onClick: clearPath as EventListener }, 'Clear path')));
}

export function renderIntroPanel(root: HTMLElement): void {
  clear(root);
  root.dataset.kind = 'intro';
  root.append(
    h('header', { class: 'panel-header' }, h('h2', {}, 'Details')),
    h(
      'ul',
      { class: 'howto' },
      h('li', {}, h('strong', {}, 'Click'), ' a node or a line to see what it is and the sentence it comes from.'),
      h('li', {}, h('strong', {}, 'Double-click'), ' a node to add its neighbours.'),
      h('li', {}, h('strong', {}, 'Drag'), ' a node to pin it; scroll to zoom, drag the background to pan.'),
      h('li', {}, 'Use the filters on the left to hide types or limit dates.'),
    ),
  );
}
