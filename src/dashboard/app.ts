/**
 * The dashboard controller: turns what the analyst does into fetches, changes to the
 * on-screen graph, and actions on the one state (state/store.ts). It draws nothing itself:
 * render.ts draws the whole page from the state after every change.
 */
import { ApiQueryError, ApiUnreachableError, type GraphQLClient } from './api/client.ts';
import type { CorrectionInput } from './api/generated.ts';
import {
  fetchDetails,
  fetchFeatures,
  fetchHome,
  fetchNeighbourhood,
  fetchPath,
  fetchRecord,
  fetchSource,
  fetchTimeline,
  submitCorrection,
} from './api/queries.ts';
import { fetchLedger } from './api/ledger.ts';
import type { Evidence, SourceDoc, VSubgraph } from './api/types.ts';
import { toGraphML } from './graph/graphml.ts';
import { runLayout, stopLayout } from './graph/layout.ts';
import { createGraph, mergeSubgraph, removeNodes } from './graph/model.ts';
import { download, renderPng } from './graph/png.ts';
import { REL_TYPE_NAMES } from '../graph/model.ts';
import { GraphView } from './graph/view.ts';
import { createRenderer, findElements, type Elements } from './render.ts';
import { failed, initialState, loading, ready, Store, type PathStep, type Status } from './state/store.ts';
import { decodeState, emptyState, encodeState, type View, type ViewState } from './state/view-state.ts';
import { tableCsv } from './tables/csv.ts';
import { bodyTables } from './tables/body.ts';
import type { TableModel, Cell, EntityTables } from './tables/model.ts';
import { personTables } from './tables/person.ts';
import { strategyTables } from './tables/strategy.ts';
import type { EvidenceContext } from './ui/evidence.ts';
import { TABLE_TYPES } from './ui/panel.ts';

export class App {
  readonly graph = createGraph();
  readonly view: GraphView;
  readonly store = new Store(initialState(decodeState(location.hash)));
  readonly el: Elements;
  /** The last export, for the download's test (what was written, not how). */
  lastExport: { kind: 'png' | 'graphml' | 'csv'; bytes: number; text?: string } | null = null;
  private loadToken = 0;
  private detailsToken = 0;
  private sources = new Map<string, Promise<SourceDoc | null>>();
  private retry: (() => void) | null = null;
  private urlTimer = 0;

  constructor(readonly api: GraphQLClient) {
    this.el = findElements();
    this.view = new GraphView(this.graph, this.el.graph, {
      clickNode: (id) => this.selectNode(id),
      doubleClickNode: (id) => void this.expand(id),
      clickEdge: (key) => this.selectEdge(key),
      clickStage: () => this.clearSelection(),
      dropNode: (id) => this.pin(id, true),
      cameraMoved: () => this.scheduleCamera(),
    });
    const render = createRenderer(this);
    this.store.subscribe((state, previous) => {
      render(state, previous);
      if (state.url !== previous.url) this.writeUrl();
    });
    render(this.store.state, initialState(emptyState()));
    this.bindChrome();
  }

  get state() {
    return this.store.state;
  }

  private patch(patch: Partial<ViewState>): void {
    this.store.dispatch({ type: 'url', patch });
  }

  private setStatus(status: Status, err?: unknown, retry?: () => void): void {
    this.retry = retry ?? null;
    const failure = err
      ? { message: (err as Error).message, down: err instanceof ApiUnreachableError, code: err instanceof ApiQueryError ? err.code : null }
      : null;
    this.store.dispatch({ type: 'status', status, failure });
  }

  retryLast(): void {
    this.retry?.();
  }

  // ---------------------------------------------------------------- lifecycle

  async start(): Promise<void> {
    void fetchFeatures(this.api)
      .then((features) => this.store.dispatch({ type: 'capabilities', features }))
      .catch(() => undefined);
    const initial = this.state.url;
    if (initial.open) await this.restore(initial);
    else {
      await this.home();
      // The ledger is of the whole graph: it opens without an entity.
      if (initial.view === 'ledger') this.showView('ledger');
    }
  }

  async home(): Promise<void> {
    this.loadToken++;
    stopLayout();
    this.graph.clear();
    this.store.dispatch({ type: 'graph' });
    this.store.dispatch({ type: 'reader', reader: null });
    this.patch({ ...emptyState(), hiddenNodeTypes: this.state.url.hiddenNodeTypes, hiddenRelTypes: this.state.url.hiddenRelTypes });
    this.store.dispatch({ type: 'details', details: null });
    this.store.dispatch({ type: 'path', path: null });
    if (this.state.home?.state === 'ready') {
      this.setStatus('home');
      return;
    }
    this.store.dispatch({ type: 'home', home: loading });
    this.setStatus('loading');
    try {
      const home = await fetchHome(this.api);
      this.store.dispatch({ type: 'home', home: ready(home) });
      this.store.dispatch({ type: 'capabilities', corrections: home.corrections });
      if (!this.state.url.open) this.setStatus('home');
    } catch (err) {
      this.store.dispatch({ type: 'home', home: failed(err) });
      this.setStatus('error', err, () => void this.home());
    }
  }

  /** Opens an entity as a fresh view (filters and the chosen view are kept: they are the analyst's lens). */
  async open(id: string): Promise<void> {
    const next: ViewState = {
      ...this.state.url,
      open: id,
      expanded: [],
      removed: [],
      pinned: [],
      selected: { kind: 'node', id },
      path: null,
      pathAbsences: false,
      reading: null,
      camera: null,
    };
    history.pushState(null, '', `${location.pathname}${location.search}${encodeState(next)}`);
    this.store.dispatch({ type: 'reader', reader: null });
    await this.restore(next);
  }

  /** Rebuilds the view a state describes: open, expansions, removals, pins, path, selection, reader. */
  async restore(target: ViewState): Promise<void> {
    const token = ++this.loadToken;
    stopLayout();
    this.setStatus('loading');
    this.graph.clear();
    this.store.dispatch({ type: 'path', path: null });
    // A link that opens an entity and selects nothing shows that entity's panel.
    const selected = target.selected ?? (target.open ? { kind: 'node' as const, id: target.open } : null);
    this.patch({ ...target, selected });
    const root = target.open!;
    try {
      const first = await fetchNeighbourhood(this.api, root);
      if (token !== this.loadToken) return;
      performance.mark('councilgraph:api-answer');
      let truncated = first.truncated;
      mergeSubgraph(this.graph, first, root);
      if (!first.nodes.some((n) => n.id === root)) {
        this.store.dispatch({ type: 'graph', truncated: false });
        this.setStatus('ready');
        this.selectNode(root, true);
        return;
      }
      this.graph.setNodeAttribute(root, 'expanded', true);
      for (const id of target.expanded) {
        const sub = await fetchNeighbourhood(this.api, id);
        if (token !== this.loadToken) return;
        mergeSubgraph(this.graph, sub, id);
        if (this.graph.hasNode(id)) this.graph.setNodeAttribute(id, 'expanded', true);
        truncated ||= sub.truncated;
      }
      removeNodes(this.graph, target.removed);
      for (const p of target.pinned) {
        if (this.graph.hasNode(p.id)) this.graph.mergeNodeAttributes(p.id, { x: p.x, y: p.y, fixed: true });
      }
      const t0 = performance.now();
      runLayout(this.graph, 'full');
      performance.measure('councilgraph:layout', { start: t0, end: performance.now() });
      this.store.dispatch({ type: 'graph', truncated });
      if (target.path) await this.loadPath(target.path[0], target.path[1], target.pathAbsences, token, false);
      if (token !== this.loadToken) return;
      this.view.renderer.setCustomBBox(null);
      this.view.refresh();
      if (target.camera) this.view.renderer.getCamera().setState({ ...target.camera, angle: 0 });
      else this.view.fit(false);
      await this.afterFrame();
      if (token !== this.loadToken) return;
      performance.mark('councilgraph:interactive');
      this.setStatus('ready');
      if (selected?.kind === 'node' && !target.path) this.selectNode(selected.id, true);
      else if (selected?.kind === 'edge' && this.graph.hasEdge(selected.key)) this.selectEdge(selected.key);
      if (target.view !== 'graph') this.showView(target.view, false);
      if (target.reading) void this.readSpan(target.reading.doc, target.reading.start, target.reading.end);
    } catch (err) {
      if (token !== this.loadToken) return;
      this.setStatus('error', err, () => void this.restore(target));
    }
  }

  /** One frame after the synchronous render: the picture is on screen and handlers are live. */
  private afterFrame(): Promise<void> {
    return new Promise((resolve) => requestAnimationFrame(() => resolve()));
  }

  async expand(id: string): Promise<void> {
    if (!this.graph.hasNode(id) && !this.state.url.open) return;
    const token = this.loadToken;
    this.toast(`Adding the neighbours of ${this.labelOf(id)}…`);
    try {
      const sub = await fetchNeighbourhood(this.api, id);
      if (token !== this.loadToken) return;
      const url = this.state.url;
      const removed = new Set(url.removed);
      const kept: VSubgraph = { nodes: sub.nodes.filter((n) => !removed.has(n.id) || n.id === id), edges: sub.edges };
      const added = mergeSubgraph(this.graph, kept, this.graph.hasNode(id) ? id : url.open);
      if (this.graph.hasNode(id)) this.graph.setNodeAttribute(id, 'expanded', true);
      if (added.length) runLayout(this.graph, 'touch-up');
      this.view.renderer.setCustomBBox(null);
      this.store.dispatch({ type: 'graph', truncated: this.state.truncated || sub.truncated });
      this.patch({ removed: url.removed.filter((r) => r !== id), expanded: url.expanded.includes(id) ? url.expanded : [...url.expanded, id] });
      if (added.length) this.view.fit();
      this.toast(added.length ? `Added ${added.length} node${added.length === 1 ? '' : 's'}.` : `No further neighbours of ${this.labelOf(id)}.`);
    } catch (err) {
      this.toast(`Could not expand: ${(err as Error).message}`);
    }
  }

  remove(id: string): void {
    if (!this.graph.hasNode(id)) return;
    const label = this.labelOf(id);
    removeNodes(this.graph, [id]);
    const url = this.state.url;
    const sel = url.selected;
    const lost = (sel?.kind === 'node' && sel.id === id) || (sel?.kind === 'edge' && !this.graph.hasEdge(sel.key));
    this.store.dispatch({ type: 'graph' });
    this.patch({ removed: [...url.removed, id], pinned: url.pinned.filter((p) => p.id !== id), ...(lost ? { selected: null } : {}) });
    if (lost) this.store.dispatch({ type: 'details', details: null });
    this.toast(`Removed ${label} from the view.`);
  }

  pin(id: string, on: boolean): void {
    if (!this.graph.hasNode(id)) return;
    this.graph.setNodeAttribute(id, 'fixed', on);
    const { x, y } = this.graph.getNodeAttributes(id);
    const pinned = this.state.url.pinned.filter((p) => p.id !== id);
    this.store.dispatch({ type: 'graph' });
    this.patch({ pinned: on ? [...pinned, { id, x, y }] : pinned });
  }

  togglePin(id: string): void {
    if (this.graph.hasNode(id)) this.pin(id, !this.graph.getNodeAttribute(id, 'fixed'));
  }

  // ---------------------------------------------------------------- selection

  /** Select a node on screen, or add it (with its neighbourhood) when it is not. */
  show(id: string): void {
    if (this.graph.hasNode(id)) {
      this.showView('graph');
      this.selectNode(id);
      this.view.focusNode(id);
    } else if (!this.state.url.open) {
      void this.open(id);
    } else {
      void this.expand(id).then(() => {
        if (this.graph.hasNode(id)) {
          this.selectNode(id);
          this.view.focusNode(id);
        } else void this.open(id);
      });
    }
  }

  selectNode(id: string, force = false): void {
    const sel = this.state.url.selected;
    const same = sel?.kind === 'node' && sel.id === id && this.state.details?.id === id && this.state.details.data.state !== 'error';
    this.patch({ selected: { kind: 'node', id } });
    if (!same || force) {
      const token = ++this.detailsToken;
      this.store.dispatch({ type: 'details', details: { id, data: loading } });
      fetchDetails(this.api, id)
        .then((d) => token === this.detailsToken && this.store.dispatch({ type: 'details', details: { id, data: ready(d) } }))
        .catch((err) => token === this.detailsToken && this.store.dispatch({ type: 'details', details: { id, data: failed(err) } }));
    }
    const v = this.state.url.view;
    if (v !== 'graph') this.showView(v, false);
  }

  selectEdge(key: string): void {
    if (!this.graph.hasEdge(key)) return;
    this.detailsToken++;
    this.patch({ selected: { kind: 'edge', key } });
  }

  clearSelection(): void {
    if (!this.state.url.selected) return;
    this.detailsToken++;
    this.patch({ selected: null });
    this.store.dispatch({ type: 'details', details: null });
  }

  /** Keyboard: the next (or previous) visible node by importance becomes the selection. */
  stepSelection(delta: number): void {
    const nodes = this.graph.filterNodes((n) => this.view.isNodeVisible(n));
    if (!nodes.length) return;
    nodes.sort((a, b) => this.graph.getNodeAttribute(b, 'importance') - this.graph.getNodeAttribute(a, 'importance') || (a < b ? -1 : 1));
    const sel = this.state.url.selected;
    const at = sel?.kind === 'node' ? nodes.indexOf(sel.id) : -1;
    const next = nodes[(at + delta + nodes.length) % nodes.length]!;
    this.selectNode(next);
    this.view.focusNode(next);
  }

  labelOf(id: string): string {
    return this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, 'fullLabel') : id;
  }

  // -------------------------------------------------------------------- path

  startPath(from: string): void {
    this.showView('graph');
    this.store.dispatch({ type: 'path-start', from });
  }

  cancelPath(): void {
    this.store.dispatch({ type: 'path-start', from: null });
  }

  async findPath(from: string, to: string, absences = this.state.url.pathAbsences): Promise<void> {
    this.store.dispatch({ type: 'path-start', from: null });
    this.detailsToken++;
    this.patch({ path: [from, to], pathAbsences: absences, selected: null });
    await this.loadPath(from, to, absences, this.loadToken, true);
  }

  private async loadPath(from: string, to: string, absences: boolean, token: number, relayout: boolean): Promise<void> {
    this.store.dispatch({ type: 'path', path: { from, to, steps: loading } });
    try {
      // Absences are left out unless asked for: null lets the API apply its default.
      const relations = absences ? REL_TYPES_WITH_ABSENCE : null;
      const path = await fetchPath(this.api, from, to, relations);
      if (token !== this.loadToken) return;
      let steps: PathStep[] | null = null;
      if (path) {
        mergeSubgraph(this.graph, path, this.graph.hasNode(from) ? from : this.state.url.open);
        steps = pathSteps(path, from, to).map((st) => ({ ...st, node: { ...st.node, label: this.labelOf(st.node.id) } }));
        if (relayout) {
          runLayout(this.graph, 'touch-up');
          this.view.renderer.setCustomBBox(null);
        }
        this.store.dispatch({ type: 'graph' });
        if (relayout) this.view.fit();
      }
      this.store.dispatch({ type: 'path', path: { from, to, steps: ready(steps) } });
    } catch (err) {
      this.store.dispatch({ type: 'path', path: { from, to, steps: failed(err) } });
    }
  }

  setPathAbsences(on: boolean): void {
    const p = this.state.url.path;
    if (p) void this.findPath(p[0], p[1], on);
  }

  clearPath(): void {
    this.patch({ path: null, pathAbsences: false });
    this.store.dispatch({ type: 'path', path: null });
  }

  // ------------------------------------------------------------- other views

  private subject(): string | null {
    const sel = this.state.url.selected;
    return sel?.kind === 'node' ? sel.id : this.state.url.open;
  }

  showView(view: View, write = true): void {
    if (write && this.state.url.view !== view) this.patch({ view });
    const id = this.subject();
    if (view === 'timeline') this.loadTimeline(id);
    if (view === 'table') this.loadTables(id);
    if (view === 'ledger') this.loadLedger();
  }

  private ledgerToken = 0;

  private loadLedger(force = false): void {
    if (!force && this.state.ledger && this.state.ledger.state !== 'error') return;
    const token = ++this.ledgerToken;
    this.store.dispatch({ type: 'ledger', ledger: loading });
    fetchLedger(this.api)
      .then((entries) => token === this.ledgerToken && this.store.dispatch({ type: 'ledger', ledger: ready(entries) }))
      .catch((err) => token === this.ledgerToken && this.store.dispatch({ type: 'ledger', ledger: failed(err) }));
  }

  private timelineToken = 0;

  private loadTimeline(id: string | null): void {
    if (this.state.timeline?.id === id && this.state.timeline.data.state !== 'error') return;
    const token = ++this.timelineToken;
    if (!id) return this.store.dispatch({ type: 'timeline', timeline: { id, data: ready(null) } });
    this.store.dispatch({ type: 'timeline', timeline: { id, data: loading } });
    fetchTimeline(this.api, id)
      .then((entries) => token === this.timelineToken && this.store.dispatch({ type: 'timeline', timeline: { id, data: ready(entries) } }))
      .catch((err) => token === this.timelineToken && this.store.dispatch({ type: 'timeline', timeline: { id, data: failed(err) } }));
  }

  /** An entity's node type: from the graph on screen, else from its id's prefix. */
  typeOf(id: string): string {
    return this.graph.hasNode(id) ? (this.graph.getNodeAttribute(id, 'nodeType') as string) : typeFromId(id);
  }

  private tablesToken = 0;

  private loadTables(id: string | null, force = false): void {
    if (!force && this.state.tables?.id === id && this.state.tables.data.state !== 'error') return;
    const token = ++this.tablesToken;
    if (!id) return this.store.dispatch({ type: 'tables', tables: null });
    const type = this.typeOf(id);
    if (!TABLE_TYPES.has(type)) return this.store.dispatch({ type: 'tables', tables: { id, data: ready(null) } });
    this.store.dispatch({ type: 'tables', tables: { id, data: loading } });
    fetchRecord(this.api, id, type)
      .then((record) => {
        if (token !== this.tablesToken) return;
        const f = this.state.features;
        const tables: EntityTables | null = !record
          ? null
          : record.type === 'Person'
            ? personTables(record.data, f)
            : record.type === 'Body'
              ? bodyTables(record.data, f)
              : strategyTables(record.data, f);
        this.store.dispatch({ type: 'tables', tables: { id, data: ready(tables) } });
      })
      .catch((err) => token === this.tablesToken && this.store.dispatch({ type: 'tables', tables: { id, data: failed(err) } }));
  }

  sortTable(table: string, key: string): void {
    this.store.dispatch({ type: 'sort', table, key });
  }

  downloadCsv(table: TableModel, rows: Cell[][], file: string): void {
    const text = tableCsv(table, rows);
    const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
    this.lastExport = { kind: 'csv', bytes: blob.size, text };
    download(blob, file);
  }

  // ----------------------------------------------------------- source viewer

  read(entries: Evidence[], index: number, context: EvidenceContext): void {
    if (!entries[index]) return;
    this.store.dispatch({ type: 'reader', reader: { entries, index, subject: context.subject, relation: context.relation, doc: loading } });
    void this.loadReaderDoc();
  }

  /** Opens a span from a link (no list to step through): the statement is read from the text itself. */
  private async readSpan(doc: string, start: number, end: number): Promise<void> {
    const entry: Evidence = { sentence: '', sourceId: doc, source: doc, url: null, format: '', start, end, page: null, item: null, meeting: null };
    this.store.dispatch({ type: 'reader', reader: { entries: [entry], index: 0, subject: 'A statement in the minutes', relation: null, doc: loading } });
    const d = await this.loadReaderDoc();
    if (d && this.state.reader) {
      const filled: Evidence = { ...entry, sentence: d.text?.slice(start, end) ?? '', source: d.name, url: d.url, format: d.format, meeting: d.meeting };
      this.store.dispatch({ type: 'reader', reader: { ...this.state.reader, entries: [filled], doc: ready(d) } });
    }
  }

  private async loadReaderDoc(): Promise<SourceDoc | null> {
    const r = this.state.reader;
    const ev = r?.entries[r.index];
    if (!ev) return null;
    let doc = this.sources.get(ev.sourceId);
    if (!doc) {
      doc = fetchSource(this.api, ev.sourceId);
      this.sources.set(ev.sourceId, doc);
      doc.catch(() => this.sources.delete(ev.sourceId));
    }
    try {
      const d = await doc;
      if (this.state.reader?.entries[this.state.reader.index] === ev) this.store.dispatch({ type: 'reader-doc', doc: ready(d) });
      return d;
    } catch (err) {
      if (this.state.reader?.entries[this.state.reader.index] === ev) this.store.dispatch({ type: 'reader-doc', doc: failed(err) });
      return null;
    }
  }

  stepReader(delta: number): void {
    const r = this.state.reader;
    if (!r) return;
    const index = Math.max(0, Math.min(r.entries.length - 1, r.index + delta));
    if (index === r.index) return;
    const same = r.entries[index]!.sourceId === r.entries[r.index]!.sourceId && r.doc.state === 'ready';
    this.store.dispatch({ type: 'reader', reader: { ...r, index, doc: same ? r.doc : loading } });
    if (!same) void this.loadReaderDoc();
  }

  closeReader(): void {
    this.store.dispatch({ type: 'reader', reader: null });
  }

  // ------------------------------------------------------------- corrections

  correctEvidence(evidence: Evidence | null, relation: { type: string; from: string; to: string } | null): void {
    this.store.dispatch({ type: 'correction', correction: { evidence, relation, subject: null, outcome: { state: 'editing' } } });
  }

  correctEntity(id: string, label: string): void {
    this.store.dispatch({ type: 'correction', correction: { evidence: null, relation: null, subject: { id, label }, outcome: { state: 'editing' } } });
  }

  async submitCorrection(input: CorrectionInput): Promise<void> {
    const c = this.state.correction;
    if (!c) return;
    this.store.dispatch({ type: 'correction', correction: { ...c, outcome: { state: 'sending' } } });
    try {
      const receipt = await submitCorrection(this.api, input);
      const message = receipt.applied ? `${receipt.message} The graph now shows it.` : `${receipt.message} It applies from the next ingest.`;
      this.store.dispatch({ type: 'correction', correction: { ...c, outcome: { state: 'done', message, applied: receipt.applied } } });
      if (receipt.applied && this.state.ledger) {
        // The ledger is read again when next shown (now, if it is on screen).
        this.store.dispatch({ type: 'ledger', ledger: null });
        if (this.state.url.view === 'ledger') this.loadLedger(true);
      }
      if (receipt.applied && this.state.url.open) {
        // See the graph change: the same view, read again.
        this.sources.clear();
        await this.restore(this.state.url);
        this.loadTables(this.subject(), true);
      }
    } catch (err) {
      this.store.dispatch({ type: 'correction', correction: { ...c, outcome: { state: 'error', message: (err as Error).message } } });
    }
  }

  closeCorrection(): void {
    this.store.dispatch({ type: 'correction', correction: null });
  }

  // ----------------------------------------------------------------- filters

  changeFilters(change: { toggleNodeType?: string; toggleRelType?: string; from?: string | null; to?: string | null; reset?: true }): void {
    const url = this.state.url;
    const toggle = (list: string[], value: string): string[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
    const next: Partial<ViewState> = change.reset ? { hiddenNodeTypes: [], hiddenRelTypes: [], from: null, to: null } : {};
    if (change.toggleNodeType) next.hiddenNodeTypes = toggle(url.hiddenNodeTypes, change.toggleNodeType);
    if (change.toggleRelType) next.hiddenRelTypes = toggle(url.hiddenRelTypes, change.toggleRelType);
    if ('from' in change) next.from = change.from ?? null;
    if ('to' in change) next.to = change.to ?? null;
    this.patch(next);
  }

  // ------------------------------------------------------------ URL, export

  private writeUrl(): void {
    const hash = encodeState(this.state.url);
    if (location.hash !== hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }

  /** The camera goes into the URL once it rests (a pan fires many updates). */
  private scheduleCamera(): void {
    window.clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(() => {
      if (this.state.status !== 'ready' || !this.graph.order) return;
      const c = this.view.renderer.getCamera().getState();
      const fitted = this.view.fittedCamera();
      const home = Math.abs(c.x - fitted.x) < 1e-3 && Math.abs(c.y - fitted.y) < 1e-3 && Math.abs(c.ratio - fitted.ratio) < 1e-3;
      const camera = home ? null : { x: c.x, y: c.y, ratio: c.ratio };
      const pinned = this.state.url.pinned.map((p) => (this.graph.hasNode(p.id) ? { id: p.id, x: this.graph.getNodeAttribute(p.id, 'x'), y: this.graph.getNodeAttribute(p.id, 'y') } : p));
      this.patch({ camera, pinned });
    }, 250);
  }

  private fileStem(): string {
    const base = this.state.url.open ? this.labelOf(this.state.url.open) : 'councilgraph';
    return `councilgraph-${base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
  }

  async exportPng(): Promise<void> {
    if (!this.graph.order) return this.toast('Nothing to export yet: open an entity first.');
    const title = `councilgraph · ${this.state.url.open ? this.labelOf(this.state.url.open) : ''}`;
    const blob = await renderPng(this.view.renderer, title);
    this.lastExport = { kind: 'png', bytes: blob.size };
    download(blob, `${this.fileStem()}.png`);
  }

  exportGraphML(): void {
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

  async share(): Promise<void> {
    this.writeUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      this.toast('Link copied: it reopens this view.');
    } catch {
      this.toast('Copy the address bar: it reopens this view.');
    }
  }

  toast(message: string): void {
    this.store.dispatch({ type: 'toast', message });
  }

  private bindChrome(): void {
    window.addEventListener('popstate', () => {
      const target = decodeState(location.hash);
      if (encodeState(target) === encodeState(this.state.url)) return;
      if (target.open) void this.restore(target);
      else void this.home();
    });
    document.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (e.key === 'Escape') {
        if (this.state.correction) return this.closeCorrection();
        if (this.state.reader) return this.closeReader();
      }
      if (target.closest('input, textarea, select')) return;
      if (e.key === 'Escape') this.clearSelection();
      const sel = this.state.url.selected;
      if (target.closest('#graph') && (e.key === 'Delete' || e.key === 'Backspace') && sel?.kind === 'node' && this.graph.hasNode(sel.id)) this.remove(sel.id);
    });
  }
}

/** Every relation type, absences included (what `path(relations:)` gets when they may be used). */
const REL_TYPES_WITH_ABSENCE: string[] = REL_TYPE_NAMES;

/** Ids carry their type: `person:…`, `body:…`, `doc:…` (src/graph/ids.ts). */
function typeFromId(id: string): string {
  const prefix = id.slice(0, id.indexOf(':'));
  return prefix === 'doc' ? 'Document' : prefix.charAt(0).toUpperCase() + prefix.slice(1);
}

/** Walks a path's edges from `from`, so the panel can list its steps in order. */
export function pathSteps(path: VSubgraph, from: string, to: string): PathStep[] {
  const steps: PathStep[] = [];
  const visited = new Set<string>();
  let at: string | undefined = from;
  while (at) {
    const here: string = at;
    const node = path.nodes.find((n) => n.id === here);
    if (!node) break;
    visited.add(here);
    // The next step leads to a node not yet on the walk (parallel edges must not walk back).
    const next = here === to ? undefined : path.edges.find((e) => (e.from === here && !visited.has(e.to)) || (e.to === here && !visited.has(e.from)));
    steps.push({ node: { id: node.id, label: node.label, type: node.type }, edge: next ? { key: next.key, type: next.type, forward: next.from === here } : null });
    if (!next) break;
    at = next.from === here ? next.to : next.from;
  }
  return steps;
}
