/**
 * The WebGL view: one sigma renderer over the graph, with every visual rule (filters,
 * selection, path highlight, hover) applied in reducers, so changing a filter never
 * rebuilds the graph, only re-renders it.
 */
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { inDateRange, type Selection } from '../state/view-state.ts';
import { createLabelDrawer } from './labels.ts';
import type { EdgeAttrs, NodeAttrs, ViewGraph } from './model.ts';
import { DIM_EDGE, DIM_NODE, EDGE_COLOUR, HIGHLIGHT, SELECTED_EDGE, relLabel } from './palette.ts';

export interface ViewFilters {
  hiddenNodeTypes: Set<string>;
  hiddenRelTypes: Set<string>;
  from: string | null;
  to: string | null;
}

export interface ViewHandlers {
  clickNode(id: string): void;
  doubleClickNode(id: string): void;
  clickEdge(key: string): void;
  clickStage(): void;
  /** A node was dragged and dropped: it is pinned where it was dropped. */
  dropNode(id: string): void;
  cameraMoved(): void;
}

const MAX_LABEL = 42;
const shorten = (label: string): string => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

export class GraphView {
  readonly renderer: Sigma<NodeAttrs, EdgeAttrs>;
  filters: ViewFilters = { hiddenNodeTypes: new Set(), hiddenRelTypes: new Set(), from: null, to: null };
  private selected: Selection = null;
  /** Nodes the selection keeps in full colour; computed once per change, not once per node. */
  private activeCache: Set<string> | null | undefined = undefined;
  root: string | null = null;
  pathNodes = new Set<string>();
  pathEdges = new Set<string>();
  private hovered: string | null = null;
  private dragged: string | null = null;
  private dragMoved = false;

  constructor(
    readonly graph: ViewGraph,
    container: HTMLElement,
    private readonly handlers: ViewHandlers,
  ) {
    const labels = createLabelDrawer<NodeAttrs, EdgeAttrs>();
    this.renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
      defaultDrawNodeLabel: labels.draw,
      defaultEdgeType: 'arrow',
      enableEdgeEvents: true,
      renderEdgeLabels: true,
      labelFont: 'Inter, system-ui, -apple-system, "Segoe UI", sans-serif',
      labelSize: 12,
      labelWeight: '500',
      labelColor: { color: '#1f2937' },
      edgeLabelSize: 11,
      edgeLabelColor: { color: '#4b5563' },
      // The label grid keeps one label per cell (the biggest node wins): labels never pile up.
      labelDensity: 1,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 4,
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 12,
      stagePadding: 60,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.renderer.on('beforeRender', () => labels.newFrame());
    this.bindEvents();
    for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared', 'edgesCleared'] as const) {
      graph.on(event, () => (this.activeCache = undefined));
    }
  }

  get selection(): Selection {
    return this.selected;
  }

  set selection(selection: Selection) {
    this.selected = selection;
    this.activeCache = undefined;
  }

  isNodeVisible(id: string): boolean {
    const a = this.graph.getNodeAttributes(id);
    if (this.filters.hiddenNodeTypes.has(a.nodeType)) return false;
    return inDateRange(a.date, this.filters.from, this.filters.to);
  }

  isEdgeVisible(key: string): boolean {
    if (this.filters.hiddenRelTypes.has(this.graph.getEdgeAttribute(key, 'relType'))) return false;
    return this.isNodeVisible(this.graph.source(key)) && this.isNodeVisible(this.graph.target(key));
  }

  /** Nodes and edges currently drawn (after filters), as tests and the status bar count them. */
  visibleCounts(): { nodes: number; edges: number } {
    let nodes = 0;
    let edges = 0;
    this.graph.forEachNode((id) => {
      if (this.isNodeVisible(id)) nodes++;
    });
    this.graph.forEachEdge((key) => {
      if (this.isEdgeVisible(key)) edges++;
    });
    return { nodes, edges };
  }

  refresh(): void {
    // On big views, drawing only nodes while the camera moves keeps panning fluid on weak GPUs.
    const big = this.graph.order > 2000;
    if (this.renderer.getSetting('hideEdgesOnMove') !== big) this.renderer.setSetting('hideEdgesOnMove', big);
    // Sigma's edge picking draws every edge a second time each frame; on big views clicks on
    // lines are found by edgeNear() instead, which costs nothing until a click.
    if (this.renderer.getSetting('enableEdgeEvents') !== !big) this.renderer.setSetting('enableEdgeEvents', !big);
    // Wider label cells once labels compete for room, so long names do not overprint.
    const cell = this.graph.order > 300 ? 130 : 90;
    if (this.renderer.getSetting('labelGridCellSize') !== cell) this.renderer.setSetting('labelGridCellSize', cell);
    this.renderer.refresh();
  }

  focusNode(id: string): void {
    if (!this.graph.hasNode(id)) return;
    const pos = this.renderer.getNodeDisplayData(id);
    if (!pos) return;
    void this.renderer.getCamera().animate({ x: pos.x, y: pos.y, ratio: Math.min(this.renderer.getCamera().ratio, 0.6) }, { duration: 400 });
  }

  fit(ratio = 1): void {
    void this.renderer.getCamera().animate({ x: 0.5, y: 0.5, ratio, angle: 0 }, { duration: 300 });
  }

  private activeNeighbourhood(): Set<string> | null {
    if (this.activeCache === undefined) this.activeCache = this.computeActive();
    return this.activeCache;
  }

  private computeActive(): Set<string> | null {
    const sel = this.selection;
    if (sel?.kind === 'node' && this.graph.hasNode(sel.id)) {
      return new Set([sel.id, ...this.graph.neighbors(sel.id)]);
    }
    if (sel?.kind === 'edge' && this.graph.hasEdge(sel.key)) {
      return new Set(this.graph.extremities(sel.key));
    }
    return null;
  }

  private reduceNode(node: string, data: NodeAttrs): Partial<NodeDisplayData> {
    const out: Partial<NodeDisplayData> = { ...data, label: shorten(data.label) };
    if (!this.isNodeVisible(node)) return { ...out, hidden: true };
    if (data.fixed) out.label = `${out.label} (pinned)`;
    if (node === this.root) {
      out.forceLabel = true;
      out.zIndex = 2;
    }
    const active = this.activeNeighbourhood();
    if (this.pathNodes.size) {
      if (this.pathNodes.has(node)) {
        out.forceLabel = true;
        out.highlighted = true;
        out.zIndex = 3;
      } else if (!active?.has(node)) {
        out.color = DIM_NODE;
        out.label = '';
        out.zIndex = 0;
      }
    }
    if (active) {
      if (active.has(node)) {
        out.zIndex = Math.max(out.zIndex ?? 0, 2);
      } else if (!this.pathNodes.has(node)) {
        out.color = DIM_NODE;
        out.label = '';
        out.zIndex = 0;
      }
    }
    const sel = this.selection;
    if ((sel?.kind === 'node' && sel.id === node) || (sel?.kind === 'edge' && active?.has(node))) {
      out.forceLabel = true;
      out.highlighted = true;
      out.label = data.label + (data.fixed ? ' (pinned)' : '');
      out.zIndex = 4;
    }
    if (node === this.hovered) {
      out.highlighted = true;
      out.label = data.label;
      out.zIndex = 5;
    }
    return out;
  }

  /**
   * Parallel edges (attended and chaired, between the same two nodes) are drawn on top of
   * each other; their names are joined on the first so the labels do not overprint.
   */
  private edgeLabel(edge: string, source: string, target: string): string | null {
    const between = [...new Set([...this.graph.edges(source, target), ...this.graph.edges(target, source)])].filter((k) =>
      this.isEdgeVisible(k),
    );
    if (between.length <= 1) return relLabel(this.graph.getEdgeAttribute(edge, 'relType'));
    if (between[0] !== edge) return null;
    return [...new Set(between.map((k) => relLabel(this.graph.getEdgeAttribute(k, 'relType'))))].join(' · ');
  }

  private reduceEdge(edge: string, data: EdgeAttrs): Partial<EdgeDisplayData> {
    if (!this.isEdgeVisible(edge)) return { hidden: true };
    const out: Partial<EdgeDisplayData> = { size: data.size, color: EDGE_COLOUR, label: null };
    const sel = this.selection;
    const [source, target] = this.graph.extremities(edge);
    if (this.pathNodes.size) {
      if (this.pathEdges.has(edge)) {
        return { ...out, color: HIGHLIGHT, size: 4, zIndex: 3, label: relLabel(data.relType) };
      }
      out.color = DIM_EDGE;
    }
    if (sel?.kind === 'edge') {
      if (sel.key === edge) return { ...out, color: SELECTED_EDGE, size: 4.5, zIndex: 4, label: relLabel(data.relType) };
      out.color = DIM_EDGE;
    } else if (sel?.kind === 'node') {
      if (source === sel.id || target === sel.id) {
        // Relation names on every spoke of a hub would be unreadable; the panel lists them.
        const label = this.graph.degree(sel.id) <= 12 ? this.edgeLabel(edge, source, target) : null;
        return { ...out, color: '#6b7280', size: 2, zIndex: 2, label };
      }
      out.color = DIM_EDGE;
    }
    return out;
  }

  private bindEvents(): void {
    const r = this.renderer;
    r.on('clickNode', ({ node }) => {
      if (!this.dragMoved) this.handlers.clickNode(node);
    });
    r.on('doubleClickNode', (e) => {
      // Sigma would zoom in on a double-click; here it means "expand".
      e.preventSigmaDefault();
      this.handlers.doubleClickNode(e.node);
    });
    r.on('clickEdge', ({ edge }) => this.handlers.clickEdge(edge));
    r.on('clickStage', ({ event }) => {
      // Lines are one or two pixels wide: a click that just misses one still means that line.
      const near = this.edgeNear(event.x, event.y, 6);
      if (near) this.handlers.clickEdge(near);
      else this.handlers.clickStage();
    });
    r.on('enterNode', ({ node }) => {
      this.hovered = node;
      r.getContainer().style.cursor = 'pointer';
      r.refresh({ skipIndexation: true });
    });
    r.on('leaveNode', () => {
      this.hovered = null;
      r.getContainer().style.cursor = '';
      r.refresh({ skipIndexation: true });
    });
    r.on('enterEdge', () => (r.getContainer().style.cursor = 'pointer'));
    r.on('leaveEdge', () => (r.getContainer().style.cursor = ''));

    // Drag to move a node; where it is dropped it stays (pinned), as analysts expect.
    r.on('downNode', ({ node }) => {
      this.dragged = node;
      this.dragMoved = false;
      if (!r.getCustomBBox()) r.setCustomBBox(r.getBBox());
    });
    r.getMouseCaptor().on('mousemovebody', (e) => {
      if (!this.dragged) return;
      this.dragMoved = true;
      const pos = r.viewportToGraph(e);
      this.graph.mergeNodeAttributes(this.dragged, { x: pos.x, y: pos.y, fixed: true });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    r.getMouseCaptor().on('mouseup', () => {
      const node = this.dragged;
      this.dragged = null;
      if (node && this.dragMoved) this.handlers.dropNode(node);
      // Let the click that follows mouseup see dragMoved, then reset it.
      setTimeout(() => (this.dragMoved = false), 0);
    });
    r.getCamera().on('updated', () => this.handlers.cameraMoved());
  }

  /** The visible edge closest to a viewport point, if one passes within `tolerance` pixels. */
  edgeNear(x: number, y: number, tolerance: number): string | null {
    const r = this.renderer;
    let best: string | null = null;
    let bestDistance = tolerance;
    this.graph.forEachEdge((key, _attrs, source, target) => {
      if (!this.isEdgeVisible(key)) return;
      const a = r.getNodeDisplayData(source);
      const b = r.getNodeDisplayData(target);
      if (!a || !b) return;
      const p = r.framedGraphToViewport(a);
      const q = r.framedGraphToViewport(b);
      const dx = q.x - p.x;
      const dy = q.y - p.y;
      const length = dx * dx + dy * dy || 1;
      const f = Math.max(0, Math.min(1, ((x - p.x) * dx + (y - p.y) * dy) / length));
      const distance = Math.hypot(x - (p.x + f * dx), y - (p.y + f * dy));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = key;
      }
    });
    return best;
  }

  kill(): void {
    this.renderer.kill();
  }
}
