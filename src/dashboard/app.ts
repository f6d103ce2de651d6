/**
 * The dashboard controller: owns the view state (mirrored in the URL), loads subgraphs from
 * the API into the on-screen graph, and keeps the panels in step with selection and filters.
 */
import { ApiQueryError, ApiUnreachableError, type GraphQLClient } from './api/client.ts';
import { fetchLedger } from './api/ledger.ts';
import { fetchDetails, fetchNeighbourhood, fetchPath, fetchSuggestions, fetchTimeline, type Suggestions } from './api/queries.ts';
import type { NodeDetails, VSubgraph } from './api/types.ts';
import { toGraphML } from './graph/graphml.ts';
import { isLayoutRunning, runLayout, stopLayout } from './graph/layout.ts';
import { createGraph, mergeSubgraph, removeNodes, typesPresent, type ViewGraph } from './graph/model.ts';
import { nodeColour, nodeTypeLabel } from './graph/palette.ts';
import { download, renderPng } from './graph/png.ts';
import { GraphView } from './graph/view.ts';
import { decodeState, encodeState, type ViewState } from './state/view-state.ts';
import { append, clear, h } from './ui/dom.ts';
import { renderFilters, type FilterChange } from './ui/filters.ts';
import {
  renderEdgePanel,
  renderIntroPanel,
  renderNodePanel,
  renderPathPanel,
  type PanelActions,
  type PathStep,
} from './ui/panel.ts';
import { createSearchBox } from './ui/search.ts';
import { renderLedger } from './ui/ledger.ts';
import { renderTimeline } from './ui/timeline.ts';

export type Status = 'booting' | 'welcome' | 'loading' | 'ready' | 'error';

interface Elements {
  searchSlot: HTMLElement;
  filters: HTMLElement;
  graph: HTMLElement;
  timeline: HTMLElement;
  ledger: HTMLElement;
  pathbar: HTMLElement;
  overlay: HTMLElement;
  statusbar: HTMLElement;
  panel: HTMLElement;
  toast: HTMLElement;
}

const $ = (selector: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`index.html is missing ${selector}; the dashboard bundle and its page are out of step.`);
  return el;
};

/** What tests and the benchmark read instead of pixels. */
export interface TestHooks {
  app: App;
  graph: ViewGraph;
  renderer: GraphView['renderer'];
  status(): Status;
  state(): ViewState;
  visibleCounts(): { nodes: number; edges: number };
  /** Viewport coordinates (CSS pixels, relative to the graph container) of a node. */
  nodePosition(id: string): { x: number; y: number } | null;
  /** Viewport coordinates of a point on an edge that no node covers. */
  edgePosition(key: string): { x: number; y: number } | null;
  timings: { apiAnswer: number | null; interactive: number | null; steps: Record<string, number> };
  /** True while a large view is still being refined by the layout worker. */
  layoutRunning(): boolean;
  lastExport: { kind: 'png' | 'graphml'; bytes: number } | null;
}

declare global {
  interface Window {
    __councilgraph?: TestHooks;
  }
}

export class App {
  readonly graph = createGraph();
  readonly view: GraphView;
  private state: ViewState = decodeState('');
  private status: Status = 'booting';
  private readonly el: Elements;
  private loadToken = 0;
  private truncated = false;
  private detailsToken = 0;
  private suggestions: Suggestions | null = null;
  private urlTimer = 0;
  private readonly timings: TestHooks['timings'] = { apiAnswer: null, interactive: null, steps: {} };
  private lastExport: TestHooks['lastExport'] = null;
  private readonly actions: PanelActions;

  constructor(private readonly api: GraphQLClient) {
    this.el = {
      searchSlot: $('#search-slot'),
      filters: $('#filters'),
      graph: $('#graph'),
      timeline: $('#timeline'),
      ledger: $('#ledger'),
      pathbar: $('#pathbar'),
      overlay: $('#overlay'),
      statusbar: $('#statusbar'),
      panel: $('#panel'),
      toast: $('#toast'),
    };
    this.view = new GraphView(this.graph, this.el.graph, {
      clickNode: (id) => this.selectNode(id),
      doubleClickNode: (id) => void this.expand(id),
      clickEdge: (key) => this.selectEdge(key),
      clickStage: () => this.clearSelection(),
      dropNode: (id) => this.pin(id, true),
      cameraMoved: () => this.scheduleUrl(),
    });
    this.actions = {
      show: (id) => this.show(id),
      open: (id) => void this.open(id),
      expand: (id) => void this.expand(id),
      togglePin: (id) => this.pin(id, !this.graph.getNodeAttribute(id, 'fixed')),
      remove: (id) => this.remove(id),
      pathFrom: (id) => this.startPath(id),
      timeline: (id) => this.showTimeline(id),
      selectEdge: (key) => this.selectEdge(key),
    };
    const search = createSearchBox({
      api,
      placeholder: 'Search people, bodies, strategies, meetings…',
      label: 'Search the council graph',
      testId: 'search',
      onPick: (hit) => void this.open(hit.id),
    });
    this.el.searchSlot.append(search.root);
    this.bindChrome();
    window.__councilgraph = this.hooks();
  }

  private hooks(): TestHooks {
    const self = this;
    const renderer = this.view.renderer;
    const toViewport = (p: { x: number; y: number }): { x: number; y: number } => renderer.framedGraphToViewport(p);
    return {
      app: this,
      graph: this.graph,
      renderer,
      status: () => this.status,
      state: () => structuredClone(this.state),
      visibleCounts: () => this.view.visibleCounts(),
      nodePosition: (id) => {
        const d = renderer.getNodeDisplayData(id);
        return d && !d.hidden ? toViewport(d) : null;
      },
      edgePosition: (key) => {
        if (!this.graph.hasEdge(key)) return null;
        const [s, t] = this.graph.extremities(key);
        const a = renderer.getNodeDisplayData(s);
        const b = renderer.getNodeDisplayData(t);
        if (!a || !b) return null;
        const pa = toViewport(a);
        const pb = toViewport(b);
        // Pick the point along the segment farthest from every node disc and every other line,
        // so a click there lands on this edge and nothing else.
        const discs: { x: number; y: number; r: number }[] = [];
        this.graph.forEachNode((n) => {
          const d = renderer.getNodeDisplayData(n);
          if (d && !d.hidden) discs.push({ ...toViewport(d), r: renderer.scaleSize(d.size) });
        });
        const others: [{ x: number; y: number }, { x: number; y: number }][] = [];
        this.graph.forEachEdge((k, _a, src, dst) => {
          if (k === key || !this.view.isEdgeVisible(k)) return;
          if ((src === s && dst === t) || (src === t && dst === s)) return;
          const u = renderer.getNodeDisplayData(src);
          const v = renderer.getNodeDisplayData(dst);
          if (u && v) others.push([toViewport(u), toViewport(v)]);
        });
        const segmentDistance = (p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number => {
          const dx = b.x - a.x;
          const dy = b.y - a.y;
          const len = dx * dx + dy * dy || 1;
          const f = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
          return Math.hypot(p.x - (a.x + f * dx), p.y - (a.y + f * dy));
        };
        let best: { x: number; y: number } | null = null;
        let bestClearance = -Infinity;
        for (let i = 1; i < 60; i++) {
          const f = i / 60;
          const p = { x: pa.x + (pb.x - pa.x) * f, y: pa.y + (pb.y - pa.y) * f };
          let clearance = Infinity;
          for (const d of discs) clearance = Math.min(clearance, Math.hypot(d.x - p.x, d.y - p.y) - d.r);
          for (const [a, b] of others) clearance = Math.min(clearance, segmentDistance(p, a, b) * 2);
          if (clearance > bestClearance) {
            bestClearance = clearance;
            best = p;
          }
        }
        return best;
      },
      timings: this.timings,
      layoutRunning: () => isLayoutRunning(),
      get lastExport() {
        return self.lastExport;
      },
    };
  }

  private bindChrome(): void {
    for (const tab of Array.from(document.querySelectorAll<HTMLElement>('[data-view]'))) {
      tab.addEventListener('click', () => {
        if (tab.dataset.view === 'timeline') this.showTimeline(this.timelineSubject());
        else if (tab.dataset.view === 'ledger') this.showLedger();
        else this.showGraph();
      });
    }
    for (const btn of Array.from(document.querySelectorAll<HTMLElement>('[data-zoom]'))) {
      btn.addEventListener('click', () => {
        const camera = this.view.renderer.getCamera();
        if (btn.dataset.zoom === 'in') void camera.animatedZoom({ duration: 200 });
        else if (btn.dataset.zoom === 'out') void camera.animatedUnzoom({ duration: 200 });
        else this.view.fit(this.homeRatio());
      });
    }
    $('[data-testid="export-png"]').addEventListener('click', () => void this.exportPng());
    $('[data-testid="export-graphml"]').addEventListener('click', () => this.exportGraphML());
    $('[data-testid="share"]').addEventListener('click', () => void this.share());
    window.addEventListener('hashchange', () => {
      if (location.hash !== encodeState(this.state)) void this.restore(decodeState(location.hash));
    });
    document.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select')) return;
      if (e.key === 'Escape') this.clearSelection();
      const sel = this.state.selected;
      if ((e.key === 'Delete' || e.key === 'Backspace') && sel?.kind === 'node' && this.graph.hasNode(sel.id)) {
        this.remove(sel.id);
      }
    });
  }

  // ---------------------------------------------------------------- lifecycle

  async start(): Promise<void> {
    renderIntroPanel(this.el.panel);
    this.renderFilters();
    const initial = decodeState(location.hash);
    if (initial.open) await this.restore(initial);
    else await this.welcome();
  }

  private setStatus(status: Status): void {
    this.status = status;
    document.body.dataset.status = status;
  }

  private async welcome(): Promise<void> {
    this.setStatus('loading');
    this.overlay('loading', 'Connecting to the councilgraph API…');
    try {
      this.suggestions ??= await fetchSuggestions(this.api);
    } catch (err) {
      this.fail(err, () => void this.welcome());
      return;
    }
    const s = this.suggestions;
    const chips = (title: string, list: { id: string; name: string }[], type: string): HTMLElement | null =>
      list.length
        ? h(
            'div',
            { class: 'suggest-group' },
            h('h3', {}, title),
            h(
              'div',
              { class: 'chips' },
              list.map((e) =>
                h(
                  'button',
                  { type: 'button', class: 'chip', style: `--chip:${nodeColour(type)}`, onClick: (() => void this.open(e.id)) as EventListener },
                  e.name,
                ),
              ),
            ),
          )
        : null;
    const empty = !s.people.length && !s.bodies.length && !s.strategies.length;
    this.showOverlay(
      h(
        'div',
        { class: 'card welcome', 'data-state': empty ? 'empty' : 'welcome' },
        h('h1', {}, 'Explore the council graph'),
        empty
          ? h('p', {}, 'The graph is empty: no minutes have been ingested yet. Run ', h('code', {}, 'councilgraph ingest'), ' and reload.')
          : h(
              'p',
              {},
              `People, bodies, meetings and strategies from ${s.documents} set${s.documents === 1 ? '' : 's'} of minutes. Search above, or start from one of these:`,
            ),
        chips('People', s.people, 'Person'),
        chips('Bodies', s.bodies, 'Body'),
        chips('Strategies', s.strategies, 'Strategy'),
      ),
    );
    renderIntroPanel(this.el.panel);
    this.renderFilters();
    this.renderStatusbar();
    this.setStatus('welcome');
  }

  private fail(err: unknown, retry: () => void): void {
    const down = err instanceof ApiUnreachableError;
    this.setStatus('error');
    this.showOverlay(
      h(
        'div',
        { class: 'card error', 'data-state': 'error', 'data-testid': 'error' },
        h('h1', {}, down ? 'The councilgraph API is not answering' : 'The API could not answer that'),
        h('p', {}, (err as Error).message),
        down
          ? h('p', { class: 'muted' }, 'Start it with ', h('code', {}, 'npx councilgraph serve'), ' (or ', h('code', {}, 'npm start'), '), then retry.')
          : err instanceof ApiQueryError && err.code
            ? h('p', { class: 'muted' }, `Error code: ${err.code}`)
            : null,
        h('button', { type: 'button', class: 'btn primary', 'data-testid': 'retry', onClick: retry as EventListener }, 'Retry'),
      ),
    );
  }

  private overlay(kind: 'loading', message: string): void {
    this.showOverlay(h('div', { class: 'card loading', 'data-state': kind }, h('div', { class: 'spinner' }), h('p', {}, message)));
  }

  private showOverlay(content: HTMLElement | null): void {
    clear(this.el.overlay);
    if (content) this.el.overlay.append(content);
    this.el.overlay.hidden = !content;
  }

  // ------------------------------------------------------------ loading views

  /** Opens an entity as a fresh view (filters are kept: they are the analyst's lens). */
  async open(id: string): Promise<void> {
    const next: ViewState = {
      ...this.state,
      open: id,
      expanded: [],
      removed: [],
      pinned: [],
      selected: { kind: 'node', id },
      path: null,
      view: 'graph',
      camera: null,
    };
    await this.restore(next, true);
  }

  /** Rebuilds the view a state describes: open, expansions, removals, pins, path, selection. */
  async restore(target: ViewState, push = false): Promise<void> {
    const token = ++this.loadToken;
    stopLayout();
    // 'loading' first: the URL must carry the target's camera, not the outgoing view's.
    this.setStatus('loading');
    this.state = structuredClone(target);
    this.writeUrl(push);
    this.view.pathNodes.clear();
    this.view.pathEdges.clear();
    this.view.selection = null;
    this.graph.clear();
    this.view.root = target.open;
    this.applyFilters();
    this.renderFilters();
    this.renderStatusbar();
    this.setStatus('loading');
    this.overlay('loading', 'Loading the neighbourhood…');
    if (!target.open) {
      await this.welcome();
      return;
    }
    try {
      const root = await fetchNeighbourhood(this.api, target.open);
      if (token !== this.loadToken) return;
      this.timings.apiAnswer = performance.now();
      if (!root.nodes.some((n) => n.id === target.open)) {
        this.setStatus('ready');
        this.showOverlay(
          h(
            'div',
            { class: 'card', 'data-state': 'empty', 'data-testid': 'not-found' },
            h('h1', {}, 'Nothing found'),
            h('p', {}, `No entity with id “${target.open}” is in the graph. It may have been removed when the minutes were re-ingested.`),
            h('p', { class: 'muted' }, 'Search above to find it again.'),
          ),
        );
        renderIntroPanel(this.el.panel);
        return;
      }
      this.truncated = root.truncated;
      mergeSubgraph(this.graph, root, target.open);
      this.graph.setNodeAttribute(target.open, 'expanded', true);
      const replay = target.expanded.length || target.path;
      if (!replay) {
        // The common case, and the one the speed target is about: one answer, one picture.
        this.afterLoad(target);
        await this.markInteractive(token);
      }
      for (const id of target.expanded) {
        const sub = await fetchNeighbourhood(this.api, id);
        if (token !== this.loadToken) return;
        mergeSubgraph(this.graph, sub, id);
        if (this.graph.hasNode(id)) this.graph.setNodeAttribute(id, 'expanded', true);
        this.truncated ||= sub.truncated;
      }
      if (target.path) {
        const path = await fetchPath(this.api, target.path[0], target.path[1]);
        if (token !== this.loadToken) return;
        this.applyPath(path, target.path[0], target.path[1]);
      }
      if (replay) {
        this.afterLoad(target);
        await this.markInteractive(token);
      }
    } catch (err) {
      if (token !== this.loadToken) return;
      this.fail(err, () => void this.restore(target));
    }
  }

  /**
   * Shows a subgraph handed over directly, exactly as if the API had answered it. The
   * benchmark uses it for a 5,000-node view, more than one API neighbourhood holds.
   */
  async loadSubgraph(sub: VSubgraph, root: string): Promise<void> {
    const token = ++this.loadToken;
    stopLayout();
    this.state = { ...decodeState(''), open: root };
    this.view.pathNodes.clear();
    this.view.pathEdges.clear();
    this.view.selection = null;
    this.graph.clear();
    this.view.root = root;
    this.applyFilters();
    this.timings.apiAnswer = performance.now();
    mergeSubgraph(this.graph, sub, root);
    this.afterLoad(this.state);
    await this.markInteractive(token);
  }

  /** Removals, pins, layout, camera, panels: the synchronous part of showing a loaded view. */
  private afterLoad(target: ViewState): void {
    const t0 = performance.now();
    removeNodes(this.graph, target.removed);
    for (const id of target.removed) this.view.pathNodes.delete(id);
    // Pins first, so the layout arranges everything else around them.
    for (const p of target.pinned) {
      if (this.graph.hasNode(p.id)) this.graph.mergeNodeAttributes(p.id, { x: p.x, y: p.y, fixed: true });
    }
    runLayout(this.graph, 'full');
    const t1 = performance.now();
    this.view.renderer.setCustomBBox(null);
    this.view.refresh();
    const camera = this.view.renderer.getCamera();
    // Sigma stretches any graph to the stage; a handful of nodes would end up on its edges with
    // their labels cut off, so small views start zoomed out.
    camera.setState(target.camera ? { ...target.camera, angle: 0 } : { x: 0.5, y: 0.5, ratio: this.homeRatio(), angle: 0 });
    const t2 = performance.now();
    this.showOverlay(null);
    this.renderFilters();
    this.renderStatusbar();
    const sel = target.selected;
    if (sel?.kind === 'edge' && this.graph.hasEdge(sel.key)) this.selectEdge(sel.key);
    else if (sel?.kind === 'node' && this.graph.hasNode(sel.id)) this.selectNode(sel.id, false);
    else if (target.path && this.view.pathNodes.size) this.renderPath();
    else renderIntroPanel(this.el.panel);
    if (target.view === 'timeline') this.showTimeline(this.timelineSubject());
    else if (target.view === 'ledger') this.showLedger();
    else this.showGraph();
    this.timings.steps = { merge: t0 - (this.timings.apiAnswer ?? t0), layout: t1 - t0, render: t2 - t1, panels: performance.now() - t2 };
  }

  private async markInteractive(token: number): Promise<void> {
    // One frame after the synchronous render: the picture is on screen and handlers are live.
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    if (token !== this.loadToken) return;
    this.timings.interactive = performance.now();
    this.setStatus('ready');
  }

  async expand(id: string): Promise<void> {
    if (!this.graph.hasNode(id) && !this.state.open) return;
    const token = this.loadToken;
    this.toast(`Adding the neighbours of ${this.labelOf(id)}…`, true);
    try {
      const sub = await fetchNeighbourhood(this.api, id);
      if (token !== this.loadToken) return;
      const removed = new Set(this.state.removed);
      const kept: VSubgraph = { nodes: sub.nodes.filter((n) => !removed.has(n.id) || n.id === id), edges: sub.edges };
      if (removed.has(id)) this.state.removed = this.state.removed.filter((r) => r !== id);
      const added = mergeSubgraph(this.graph, kept, this.graph.hasNode(id) ? id : this.state.open);
      if (this.graph.hasNode(id)) this.graph.setNodeAttribute(id, 'expanded', true);
      this.truncated ||= sub.truncated;
      if (!this.state.expanded.includes(id)) this.state.expanded.push(id);
      if (added.length) runLayout(this.graph, 'touch-up');
      this.view.renderer.setCustomBBox(null);
      this.view.refresh();
      this.renderFilters();
      this.renderStatusbar();
      this.writeUrl(false);
      this.toast(added.length ? `Added ${added.length} node${added.length === 1 ? '' : 's'}.` : `No further neighbours of ${this.labelOf(id)}.`);
      if (this.state.selected?.kind === 'node' && this.state.selected.id === id) this.selectNode(id, false);
    } catch (err) {
      this.toast(`Could not expand: ${(err as Error).message}`);
    }
  }

  remove(id: string): void {
    if (!this.graph.hasNode(id)) return;
    const label = this.labelOf(id);
    removeNodes(this.graph, [id]);
    this.state.removed.push(id);
    this.state.pinned = this.state.pinned.filter((p) => p.id !== id);
    const sel = this.state.selected;
    if ((sel?.kind === 'node' && sel.id === id) || (sel?.kind === 'edge' && !this.graph.hasEdge(sel.key))) this.clearSelection();
    this.view.pathNodes.delete(id);
    this.view.refresh();
    this.renderFilters();
    this.renderStatusbar();
    this.writeUrl(false);
    this.toast(`Removed ${label} from the view.`);
  }

  pin(id: string, on: boolean): void {
    if (!this.graph.hasNode(id)) return;
    this.graph.setNodeAttribute(id, 'fixed', on);
    const { x, y } = this.graph.getNodeAttributes(id);
    this.state.pinned = this.state.pinned.filter((p) => p.id !== id);
    if (on) this.state.pinned.push({ id, x, y });
    this.view.refresh();
    this.writeUrl(false);
    if (this.state.selected?.kind === 'node' && this.state.selected.id === id) this.selectNode(id, false);
  }

  // ---------------------------------------------------------------- selection

  /** Select a node on screen, or add it (with its neighbourhood) when it is not. */
  show(id: string): void {
    if (this.graph.hasNode(id)) {
      this.showGraph();
      this.selectNode(id);
      this.view.focusNode(id);
    } else {
      void this.expand(id).then(() => {
        if (this.graph.hasNode(id)) {
          this.showGraph();
          this.selectNode(id);
          this.view.focusNode(id);
        }
      });
    }
  }

  selectNode(id: string, write = true): void {
    this.state.selected = { kind: 'node', id };
    this.view.selection = this.state.selected;
    this.view.refresh();
    if (write) this.writeUrl(false);
    const a = this.graph.getNodeAttributes(id);
    const summary = {
      id,
      type: a.nodeType,
      label: a.label,
      pinned: a.fixed,
      expanded: a.expanded,
      onScreen: true,
      degree: this.graph.degree(id),
    };
    renderNodePanel(this.el.panel, summary, 'loading', this.actions);
    const token = ++this.detailsToken;
    fetchDetails(this.api, id)
      .then((details: NodeDetails | null) => {
        if (token === this.detailsToken && this.graph.hasNode(id)) {
          renderNodePanel(this.el.panel, { ...summary, degree: this.graph.degree(id) }, details, this.actions);
        }
      })
      .catch((err: Error) => {
        if (token === this.detailsToken) renderNodePanel(this.el.panel, summary, err, this.actions);
      });
    if (this.state.view === 'timeline') this.showTimeline(id);
  }

  selectEdge(key: string): void {
    if (!this.graph.hasEdge(key)) return;
    this.detailsToken++;
    this.state.selected = { kind: 'edge', key };
    this.view.selection = this.state.selected;
    this.view.refresh();
    this.writeUrl(false);
    const [s, t] = this.graph.extremities(key);
    const a = this.graph.getEdgeAttributes(key);
    const end = (id: string) => ({ id, label: this.labelOf(id), type: this.graph.getNodeAttribute(id, 'nodeType') });
    renderEdgePanel(this.el.panel, { key, type: a.relType, from: end(s), to: end(t), evidence: a.evidence }, this.actions);
  }

  clearSelection(): void {
    if (!this.state.selected) return;
    this.detailsToken++;
    this.state.selected = null;
    this.view.selection = null;
    this.view.refresh();
    this.writeUrl(false);
    if (this.view.pathNodes.size) this.renderPath();
    else renderIntroPanel(this.el.panel);
  }

  private labelOf(id: string): string {
    return this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, 'label') : id;
  }

  // -------------------------------------------------------------------- path

  private startPath(from: string): void {
    const bar = this.el.pathbar;
    clear(bar);
    const search = createSearchBox({
      api: this.api,
      placeholder: 'to… (type a name)',
      label: 'Path destination',
      testId: 'path-search',
      onPick: (hit) => {
        bar.hidden = true;
        void this.findPath(from, hit.id, hit.label);
      },
    });
    bar.append(
      h('span', { class: 'pathbar-label' }, 'Path from'),
      h('span', { class: 'chip static', style: `--chip:${nodeColour(this.graph.hasNode(from) ? this.graph.getNodeAttribute(from, 'nodeType') : '')}` }, this.labelOf(from)),
      search.root,
      h('button', { type: 'button', class: 'btn small', onClick: (() => (bar.hidden = true)) as EventListener }, 'Cancel'),
    );
    bar.hidden = false;
    this.showGraph();
    search.input.focus();
  }

  async findPath(from: string, to: string, toLabel = this.labelOf(to)): Promise<void> {
    this.state.path = [from, to];
    this.state.selected = null;
    this.view.selection = null;
    this.writeUrl(false);
    renderPathPanel(this.el.panel, this.labelOf(from), toLabel, 'loading', this.actions, () => this.clearPath());
    try {
      const path = await fetchPath(this.api, from, to);
      this.applyPath(path, from, to);
      if (path) {
        runLayout(this.graph, 'touch-up');
        this.view.renderer.setCustomBBox(null);
      }
      this.view.refresh();
      this.renderFilters();
      this.renderStatusbar();
      this.renderPath();
    } catch (err) {
      renderPathPanel(this.el.panel, this.labelOf(from), toLabel, err as Error, this.actions, () => this.clearPath());
    }
  }

  private pathSteps: PathStep[] | null = null;

  private applyPath(path: VSubgraph | null, from: string, to: string): void {
    this.view.pathNodes.clear();
    this.view.pathEdges.clear();
    this.pathSteps = null;
    if (!path) return;
    mergeSubgraph(this.graph, path, this.graph.hasNode(from) ? from : this.state.open);
    for (const n of path.nodes) this.view.pathNodes.add(n.id);
    // Walk the path's edges from `from` so the panel can list the steps in order.
    const steps: PathStep[] = [];
    const visited = new Set<string>();
    let at: string | undefined = from;
    while (at) {
      const here: string = at;
      const node = path.nodes.find((n) => n.id === here);
      if (!node) break;
      visited.add(here);
      // The next step leads to a node not yet on the walk (parallel edges must not walk back).
      const next =
        here === to
          ? undefined
          : path.edges.find((e) => (e.from === here && !visited.has(e.to)) || (e.to === here && !visited.has(e.from)));
      steps.push({ node: { id: node.id, label: node.label, type: node.type }, edge: next ? { key: next.key, type: next.type, forward: next.from === here } : null });
      if (!next) break;
      this.view.pathEdges.add(next.key);
      at = next.from === here ? next.to : next.from;
    }
    this.pathSteps = steps;
  }

  private renderPath(): void {
    const [from, to] = this.state.path ?? ['', ''];
    renderPathPanel(this.el.panel, this.labelOf(from), this.labelOf(to), this.pathSteps, this.actions, () => this.clearPath());
  }

  private clearPath(): void {
    this.state.path = null;
    this.pathSteps = null;
    this.view.pathNodes.clear();
    this.view.pathEdges.clear();
    this.view.refresh();
    this.writeUrl(false);
    renderIntroPanel(this.el.panel);
  }

  // ---------------------------------------------------------------- timeline

  private timelineSubject(): string | null {
    const sel = this.state.selected;
    return sel?.kind === 'node' ? sel.id : this.state.open;
  }

  private timelineToken = 0;

  showTimeline(id: string | null): void {
    this.state.view = 'timeline';
    this.writeUrl(false);
    this.setTab('timeline');
    this.el.ledger.hidden = true;
    this.el.timeline.hidden = false;
    const title = id ? `Meetings of ${this.labelOf(id)}` : 'Timeline';
    const pick = (meetingId: string): void => this.show(meetingId);
    if (!id) {
      renderTimeline(this.el.timeline, title, null, pick);
      return;
    }
    const token = ++this.timelineToken;
    renderTimeline(this.el.timeline, title, 'loading', pick);
    fetchTimeline(this.api, id)
      .then((entries) => {
        if (token !== this.timelineToken) return;
        const type = this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, 'nodeType') : '';
        if (entries && !entries.length && !['Person', 'Body', 'Meeting', 'Strategy', 'Topic'].includes(type)) {
          renderTimeline(this.el.timeline, `${nodeTypeLabel(type)} have no timeline: choose a person, body, meeting, strategy or topic.`, [], pick);
          return;
        }
        renderTimeline(this.el.timeline, title, entries, pick);
      })
      .catch((err: Error) => {
        if (token === this.timelineToken) renderTimeline(this.el.timeline, title, err, pick);
      });
  }

  private showGraph(): void {
    if (this.state.view !== 'graph') {
      this.state.view = 'graph';
      this.writeUrl(false);
    }
    this.setTab('graph');
    this.el.timeline.hidden = true;
    this.el.ledger.hidden = true;
  }

  // ------------------------------------------------------------------ ledger

  private ledgerToken = 0;

  /** Requests and deferrals per body, with where each went; picking an item opens it. */
  showLedger(): void {
    this.state.view = 'ledger';
    this.writeUrl(false);
    this.setTab('ledger');
    this.el.timeline.hidden = true;
    this.el.ledger.hidden = false;
    const token = ++this.ledgerToken;
    const pick = (itemId: string): void => {
      this.showGraph();
      this.show(itemId);
    };
    renderLedger(this.el.ledger, 'loading', pick);
    fetchLedger(this.api)
      .then((entries) => {
        if (token === this.ledgerToken) renderLedger(this.el.ledger, entries, pick);
      })
      .catch((err: Error) => {
        if (token === this.ledgerToken) renderLedger(this.el.ledger, err, pick);
      });
  }

  private setTab(view: 'graph' | 'timeline' | 'ledger'): void {
    for (const tab of Array.from(document.querySelectorAll<HTMLElement>('[data-view]'))) {
      tab.classList.toggle('active', tab.dataset.view === view);
      tab.setAttribute('aria-pressed', String(tab.dataset.view === view));
    }
  }

  // ----------------------------------------------------------------- filters

  private applyFilters(): void {
    this.view.filters = {
      hiddenNodeTypes: new Set(this.state.hiddenNodeTypes),
      hiddenRelTypes: new Set(this.state.hiddenRelTypes),
      from: this.state.from,
      to: this.state.to,
    };
  }

  private changeFilters(change: FilterChange): void {
    const toggle = (list: string[], value: string): string[] =>
      list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
    if (change.reset) {
      Object.assign(this.state, { hiddenNodeTypes: [], hiddenRelTypes: [], from: null, to: null });
    }
    if (change.toggleNodeType) this.state.hiddenNodeTypes = toggle(this.state.hiddenNodeTypes, change.toggleNodeType);
    if (change.toggleRelType) this.state.hiddenRelTypes = toggle(this.state.hiddenRelTypes, change.toggleRelType);
    if ('from' in change) this.state.from = change.from ?? null;
    if ('to' in change) this.state.to = change.to ?? null;
    this.applyFilters();
    this.view.refresh();
    this.renderFilters();
    this.renderStatusbar();
    this.writeUrl(false);
  }

  private renderFilters(): void {
    const { nodes, edges } = typesPresent(this.graph);
    const dates: string[] = [];
    this.graph.forEachNode((_n, a) => {
      if (a.date && a.nodeType === 'Meeting') dates.push(a.date);
    });
    dates.sort();
    renderFilters(
      this.el.filters,
      {
        nodeCounts: nodes,
        edgeCounts: edges,
        hiddenNodeTypes: new Set(this.state.hiddenNodeTypes),
        hiddenRelTypes: new Set(this.state.hiddenRelTypes),
        from: this.state.from,
        to: this.state.to,
        dateExtent: dates.length ? [dates[0]!, dates[dates.length - 1]!] : null,
      },
      (change) => this.changeFilters(change),
    );
  }

  private renderStatusbar(): void {
    const { nodes, edges } = this.view.visibleCounts();
    const total = this.graph.order;
    clear(this.el.statusbar);
    if (!total) return;
    append(
      this.el.statusbar,
      h('span', { 'data-testid': 'counts' }, `${nodes} node${nodes === 1 ? '' : 's'} · ${edges} relation${edges === 1 ? '' : 's'}`),
      nodes < total ? h('span', { class: 'muted' }, ` (${total - nodes} hidden by filters)`) : null,
      this.truncated ? h('span', { class: 'warn' }, ' · neighbourhood cut at the server’s node limit') : null,
    );
  }

  // ------------------------------------------------------------ URL, export

  private writeUrl(push: boolean): void {
    window.clearTimeout(this.urlTimer);
    this.syncCamera();
    const hash = encodeState(this.state);
    const url = `${location.pathname}${location.search}${hash}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  private syncCamera(): void {
    if (!this.graph.order || this.status === 'loading') return;
    const c = this.view.renderer.getCamera().getState();
    const home = Math.abs(c.x - 0.5) < 1e-3 && Math.abs(c.y - 0.5) < 1e-3 && Math.abs(c.ratio - this.homeRatio()) < 1e-3;
    this.state.camera = home ? null : { x: c.x, y: c.y, ratio: c.ratio };
    for (const p of this.state.pinned) {
      if (this.graph.hasNode(p.id)) Object.assign(p, { x: this.graph.getNodeAttribute(p.id, 'x'), y: this.graph.getNodeAttribute(p.id, 'y') });
    }
  }

  private homeRatio(): number {
    const n = this.graph.order;
    return n <= 3 ? 2 : n <= 12 ? 1.4 : n <= 40 ? 1.15 : 1;
  }

  private scheduleUrl(): void {
    window.clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(() => this.writeUrl(false), 250);
  }

  private fileStem(): string {
    const base = this.state.open ? this.labelOf(this.state.open) : 'councilgraph';
    return `councilgraph-${base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  }

  private async exportPng(): Promise<void> {
    if (!this.graph.order) return this.toast('Nothing to export yet: open an entity first.');
    const title = `councilgraph · ${this.state.open ? this.labelOf(this.state.open) : ''}`;
    const blob = await renderPng(this.view.renderer, title);
    this.lastExport = { kind: 'png', bytes: blob.size };
    download(blob, `${this.fileStem()}.png`);
  }

  private exportGraphML(): void {
    if (!this.graph.order) return this.toast('Nothing to export yet: open an entity first.');
    const xml = toGraphML(
      this.graph,
      (id) => this.view.isNodeVisible(id),
      (key) => this.view.isEdgeVisible(key),
    );
    const blob = new Blob([xml], { type: 'application/graphml+xml' });
    this.lastExport = { kind: 'graphml', bytes: blob.size };
    download(blob, `${this.fileStem()}.graphml`);
  }

  private async share(): Promise<void> {
    this.writeUrl(false);
    try {
      await navigator.clipboard.writeText(location.href);
      this.toast('Link copied: it reopens this view.');
    } catch {
      this.toast('Copy the address bar: it reopens this view.');
    }
  }

  private toastTimer = 0;

  private toast(message: string, sticky = false): void {
    window.clearTimeout(this.toastTimer);
    this.el.toast.textContent = message;
    this.el.toast.hidden = false;
    if (!sticky) this.toastTimer = window.setTimeout(() => (this.el.toast.hidden = true), 2500);
  }
}

