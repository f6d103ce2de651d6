/**
 * The page as a function of the state: `render(state, previous)` redraws each region whose
 * part of the state changed (by reference: the reducer makes new objects only for what
 * changed), and sets what the graph view draws. Regions hold no state of their own beyond
 * what the browser keeps (focus, scroll, a search box's text).
 */
import type { App } from './app.ts';
import { nodeColour, relLabel } from './graph/palette.ts';
import type { AppState } from './state/store.ts';
import { append, clear, h } from './ui/dom.ts';
import { renderCorrection } from './ui/correction.ts';
import { renderFilters } from './ui/filters.ts';
import { renderHome } from './ui/home.ts';
import { renderLedger } from './ui/ledger.ts';
import { renderEdgePanel, renderIntroPanel, renderNodePanel, renderPathPanel, type EdgeSummary, type PanelActions } from './ui/panel.ts';
import { renderReader } from './ui/reader.ts';
import { createSearchBox } from './ui/search.ts';
import { renderTables } from './ui/tables.ts';
import { renderTimeline } from './ui/timeline.ts';
import { typesPresent } from './graph/model.ts';
import { loading } from './state/store.ts';

export interface Elements {
  searchSlot: HTMLElement;
  filters: HTMLElement;
  home: HTMLElement;
  graph: HTMLElement;
  tables: HTMLElement;
  timeline: HTMLElement;
  ledger: HTMLElement;
  pathbar: HTMLElement;
  overlay: HTMLElement;
  statusbar: HTMLElement;
  announcer: HTMLElement;
  panel: HTMLElement;
  reader: HTMLElement;
  correction: HTMLElement;
  toast: HTMLElement;
  zoom: HTMLElement;
}

const $ = (selector: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`index.html is missing ${selector}; the dashboard bundle and its page are out of step.`);
  return el;
};

export function findElements(): Elements {
  return {
    searchSlot: $('#search-slot'),
    filters: $('#filters'),
    home: $('#home'),
    graph: $('#graph'),
    tables: $('#tables'),
    timeline: $('#timeline'),
    ledger: $('#ledger'),
    pathbar: $('#pathbar'),
    overlay: $('#overlay'),
    statusbar: $('#statusbar'),
    announcer: $('#announcer'),
    panel: $('#panel'),
    reader: $('#reader'),
    correction: $('#correction'),
    toast: $('#toast'),
    zoom: $('#zoom'),
  };
}

export function createRenderer(app: App): (state: AppState, previous: AppState) => void {
  const el = app.el;
  const actions: PanelActions = {
    show: (id) => app.show(id),
    open: (id) => void app.open(id),
    expand: (id) => void app.expand(id),
    togglePin: (id) => app.togglePin(id),
    remove: (id) => app.remove(id),
    pathFrom: (id) => app.startPath(id),
    timeline: (id) => {
      app.selectNode(id);
      app.showView('timeline');
    },
    table: (id) => {
      app.selectNode(id);
      app.showView('table');
    },
    selectEdge: (key) => app.selectEdge(key),
    clearPath: () => app.clearPath(),
    pathAbsences: (on) => app.setPathAbsences(on),
    read: (entries, index, context) => app.read(entries, index, context),
  };
  const withCorrections = (state: AppState): PanelActions =>
    state.corrections
      ? { ...actions, correct: (ev, context) => app.correctEvidence(ev, context.relation), correctEntity: (id, label) => app.correctEntity(id, label) }
      : actions;

  const search = createSearchBox({
    api: app.api,
    placeholder: 'Search people, bodies, meetings…',
    label: 'Search the council record',
    testId: 'search',
    onPick: (hit) => void app.open(hit.id),
  });
  el.searchSlot.append(search.root);
  bindChrome(app);

  let toastTimer = 0;
  let pathSearch: ReturnType<typeof createSearchBox> | null = null;

  return (state, prev) => {
    const url = state.url;
    const first = prev.status === 'booting' && prev.graphVersion === 0 && prev.home === null;
    document.body.dataset.status = state.status;
    // The ledger is of the whole graph: it shows without an entity open.
    const screen = url.open || url.view === 'ledger' ? url.view : 'home';
    document.body.dataset.screen = screen;

    if (first || url.view !== prev.url.view || url.open !== prev.url.open) {
      const view = screen;
      el.home.hidden = view !== 'home';
      // Hidden by visibility, not display: sigma needs the container's size at all times.
      el.graph.style.visibility = url.open ? '' : 'hidden';
      el.zoom.hidden = view !== 'graph';
      el.tables.hidden = view !== 'table';
      el.timeline.hidden = view !== 'timeline';
      el.ledger.hidden = view !== 'ledger';
      for (const tab of Array.from(document.querySelectorAll<HTMLElement>('.tab[data-view]'))) {
        const on = tab.dataset.view === view;
        tab.classList.toggle('active', on);
        tab.setAttribute('aria-pressed', String(on));
        (tab as HTMLButtonElement).disabled = !url.open && tab.dataset.view !== 'home' && tab.dataset.view !== 'ledger';
      }
    }

    if (first || state.status !== prev.status || state.failure !== prev.failure) renderOverlay(el.overlay, state, () => app.retryLast());
    if (first || state.home !== prev.home) renderHome(el.home, state.home, (id) => void app.open(id));

    const graphChanged = state.graphVersion !== prev.graphVersion;
    const filtersChanged =
      url.hiddenNodeTypes !== prev.url.hiddenNodeTypes || url.hiddenRelTypes !== prev.url.hiddenRelTypes || url.from !== prev.url.from || url.to !== prev.url.to;
    if (first || graphChanged || filtersChanged || url.selected !== prev.url.selected || url.open !== prev.url.open || state.path !== prev.path) {
      const steps = state.path?.steps.state === 'ready' ? (state.path.steps.value ?? []) : [];
      app.view.apply({
        filters: {
          hiddenNodeTypes: new Set(url.hiddenNodeTypes),
          hiddenRelTypes: new Set(url.hiddenRelTypes),
          from: url.from,
          to: url.to,
        },
        selection: url.selected,
        root: url.open,
        pathNodes: new Set(steps.map((s) => s.node.id)),
        pathEdges: new Set(steps.flatMap((s) => (s.edge ? [s.edge.key] : []))),
      });
    }
    if (first || graphChanged || filtersChanged) {
      renderFilterRail(app, state);
      renderStatusbar(app, state);
    } else if (state.truncated !== prev.truncated) renderStatusbar(app, state);

    if (
      first ||
      url.selected !== prev.url.selected ||
      state.details !== prev.details ||
      state.path !== prev.path ||
      state.corrections !== prev.corrections ||
      url.pathAbsences !== prev.url.pathAbsences ||
      (graphChanged && url.selected?.kind === 'edge')
    ) {
      renderPanel(app, state, withCorrections(state));
    }

    if (state.pathStart !== prev.pathStart) {
      clear(el.pathbar);
      el.pathbar.hidden = !state.pathStart;
      pathSearch = null;
      if (state.pathStart) {
        const from = state.pathStart;
        pathSearch = createSearchBox({
          api: app.api,
          placeholder: 'to… (type a name)',
          label: 'Path destination',
          testId: 'path-search',
          onPick: (hit) => void app.findPath(from, hit.id),
        });
        append(
          el.pathbar,
          h('span', { class: 'pathbar-label' }, 'Path from'),
          h('span', { class: 'chip static', style: `--chip:${nodeColour(app.graph.hasNode(from) ? app.graph.getNodeAttribute(from, 'nodeType') : '')}` }, app.labelOf(from)),
          pathSearch.root,
          h('button', { type: 'button', class: 'btn small', onClick: (() => app.cancelPath()) as EventListener }, 'Cancel'),
        );
        pathSearch.input.focus();
      }
    }

    if (state.tables !== prev.tables || state.sorts !== prev.sorts || (url.view === 'table' && url.view !== prev.url.view)) {
      renderTables(el.tables, state.tables?.data ?? null, state.sorts, {
        show: (id) => app.show(id),
        read: (entries, index, context) => app.read(entries, index, context),
        sort: (table, key) => app.sortTable(table, key),
        download: (table, rows, file) => app.downloadCsv(table, rows, file),
      });
    }
    if (state.timeline !== prev.timeline) {
      const id = state.timeline?.id ?? null;
      const title = id ? `Meetings of ${app.labelOf(id)}` : 'Timeline';
      renderTimeline(el.timeline, title, state.timeline?.data ?? null, (meetingId) => app.show(meetingId));
    }
    if (state.ledger !== prev.ledger) {
      renderLedger(el.ledger, state.ledger, (itemId) => {
        app.showView('graph');
        app.show(itemId);
      });
    }
    if (state.reader !== prev.reader) {
      renderReader(el.reader, state.reader, {
        step: (d) => app.stepReader(d),
        close: () => app.closeReader(),
        ...(state.corrections ? { correct: (ev) => app.correctEvidence(ev, state.reader?.relation ?? null) } : {}),
      });
    }
    if (state.correction !== prev.correction) {
      renderCorrection(el.correction, state.correction, app.api, {
        submit: (input) => void app.submitCorrection(input),
        close: () => app.closeCorrection(),
        label: (id) => app.labelOf(id),
        type: (id) => app.typeOf(id),
      });
    }
    if (state.toast !== prev.toast) {
      window.clearTimeout(toastTimer);
      el.toast.textContent = state.toast?.message ?? '';
      el.toast.hidden = !state.toast;
      if (state.toast) toastTimer = window.setTimeout(() => (el.toast.hidden = true), 3000);
    }
  };
}

function renderOverlay(root: HTMLElement, state: AppState, retry: () => void): void {
  clear(root);
  if (state.status === 'loading' && state.url.open) {
    root.append(h('div', { class: 'card loading', 'data-state': 'loading', role: 'status' }, h('div', { class: 'spinner' }), h('p', {}, 'Loading the neighbourhood…')));
  } else if (state.status === 'error') {
    const f = state.failure;
    const down = f?.down ?? false;
    root.append(
      h(
        'div',
        { class: 'card error', 'data-state': 'error', 'data-testid': 'error', role: 'alert' },
        h('h1', {}, down ? 'The councilgraph API is not answering' : 'The API could not answer that'),
        h('p', {}, f?.message ?? ''),
        down
          ? h('p', { class: 'muted' }, 'Start it with ', h('code', {}, 'npx councilgraph serve'), ' (or ', h('code', {}, 'npm start'), '), then retry.')
          : f?.code
            ? h('p', { class: 'muted' }, `Error code: ${f.code}`)
            : null,
        h('button', { type: 'button', class: 'btn primary', 'data-testid': 'retry', onClick: retry as EventListener }, 'Retry'),
      ),
    );
  }
  root.hidden = !root.firstChild;
}

function renderFilterRail(app: App, state: AppState): void {
  const { nodes, edges } = typesPresent(app.graph);
  const dates: string[] = [];
  app.graph.forEachNode((_n, a) => {
    if (a.date && a.nodeType === 'Meeting') dates.push(a.date);
  });
  dates.sort();
  const url = state.url;
  renderFilters(
    app.el.filters,
    {
      nodeCounts: nodes,
      edgeCounts: edges,
      hiddenNodeTypes: new Set(url.hiddenNodeTypes),
      hiddenRelTypes: new Set(url.hiddenRelTypes),
      from: url.from,
      to: url.to,
      dateExtent: dates.length ? [dates[0]!, dates[dates.length - 1]!] : null,
    },
    (change) => app.changeFilters(change),
  );
}

function renderStatusbar(app: App, state: AppState): void {
  const { nodes, edges } = app.view.visibleCounts();
  const total = app.graph.order;
  const bar = app.el.statusbar;
  clear(bar);
  bar.hidden = !total;
  if (!total) return;
  append(
    bar,
    h('span', { 'data-testid': 'counts' }, `${nodes} node${nodes === 1 ? '' : 's'} · ${edges} relation${edges === 1 ? '' : 's'}`),
    nodes < total ? h('span', { class: 'muted' }, ` (${total - nodes} hidden by filters)`) : null,
    state.truncated ? h('span', { class: 'warn' }, ' · neighbourhood cut at the server’s node limit') : null,
  );
}

function renderPanel(app: App, state: AppState, actions: PanelActions): void {
  const panel = app.el.panel;
  const sel = state.url.selected;
  const g = app.graph;
  if (sel?.kind === 'edge' && g.hasEdge(sel.key)) {
    const [s, t] = g.extremities(sel.key);
    const end = (id: string) => ({ id, label: app.labelOf(id), type: g.getNodeAttribute(id, 'nodeType') });
    const keys = [...new Set([...g.edges(s, t), ...g.edges(t, s)])];
    const summary: EdgeSummary = {
      selected: sel.key,
      a: end(s),
      b: end(t),
      relations: keys
        .map((k) => ({ key: k, type: g.getEdgeAttribute(k, 'relType'), from: end(g.source(k)), to: end(g.target(k)), evidence: g.getEdgeAttribute(k, 'evidence') }))
        // The relation clicked first, then the others by name.
        .sort((x, y) => (x.key === sel.key ? -1 : y.key === sel.key ? 1 : relLabel(x.type).localeCompare(relLabel(y.type)))),
    };
    renderEdgePanel(panel, summary, actions);
    announce(app, `Selected: ${summary.relations.map((r) => relLabel(r.type)).join(', ')} between ${summary.a.label} and ${summary.b.label}`);
    return;
  }
  if (sel?.kind === 'node') {
    const on = g.hasNode(sel.id);
    const a = on ? g.getNodeAttributes(sel.id) : null;
    const details = state.details?.id === sel.id ? state.details.data : loading;
    renderNodePanel(
      panel,
      {
        id: sel.id,
        type: a?.nodeType ?? (details.state === 'ready' ? (details.value?.type ?? '') : ''),
        label: a?.fullLabel ?? sel.id,
        pinned: a?.fixed ?? false,
        expanded: a?.expanded ?? false,
        onScreen: on,
        degree: on ? g.degree(sel.id) : 0,
      },
      details,
      actions,
    );
    if (a) announce(app, `Selected: ${a.fullLabel}`);
    return;
  }
  if (state.path) {
    renderPathPanel(panel, app.labelOf(state.path.from), app.labelOf(state.path.to), state.path.steps, state.url.pathAbsences, actions);
    return;
  }
  renderIntroPanel(panel);
}

function announce(app: App, text: string): void {
  if (app.el.announcer.textContent !== text) app.el.announcer.textContent = text;
}

/** The page's own buttons and the graph's keyboard use. */
function bindChrome(app: App): void {
  for (const tab of Array.from(document.querySelectorAll<HTMLElement>('.tab[data-view]'))) {
    tab.addEventListener('click', () => {
      const view = tab.dataset.view;
      if (view === 'home') void app.home();
      else if (view === 'graph' || view === 'table' || view === 'timeline' || view === 'ledger') app.showView(view);
    });
  }
  document.querySelector('[data-testid=brand]')?.addEventListener('click', () => void app.home());
  for (const btn of Array.from(document.querySelectorAll<HTMLElement>('[data-zoom]'))) {
    btn.addEventListener('click', () => {
      const camera = app.view.renderer.getCamera();
      if (btn.dataset.zoom === 'in') void camera.animatedZoom({ duration: 200 });
      else if (btn.dataset.zoom === 'out') void camera.animatedUnzoom({ duration: 200 });
      else app.view.fit();
    });
  }
  $('[data-testid="export-png"]').addEventListener('click', () => void app.exportPng());
  $('[data-testid="export-graphml"]').addEventListener('click', () => app.exportGraphML());
  $('[data-testid="share"]').addEventListener('click', () => void app.share());
  app.el.graph.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') app.stepSelection(1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') app.stepSelection(-1);
    else if (e.key === 'Enter') {
      const sel = app.state.url.selected;
      if (sel?.kind === 'node') void app.expand(sel.id);
      else app.stepSelection(1);
    } else if (e.key === '+' || e.key === '=') void app.view.renderer.getCamera().animatedZoom({ duration: 200 });
    else if (e.key === '-') void app.view.renderer.getCamera().animatedUnzoom({ duration: 200 });
    else return;
    e.preventDefault();
  });
}
