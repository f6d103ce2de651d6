/**
 * The WebGL view: one sigma renderer over the graph, with every visual rule (filters,
 * selection, path highlight, hover, relation styles by kind) applied in reducers, so changing
 * a filter never rebuilds the graph, only re-renders it. What the view shows is set from the
 * dashboard's state by `apply` (render.ts calls it); the view keeps only what the mouse does.
 */
import Sigma from 'sigma';
import { EdgeArrowProgram, type EdgeProgramType } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { inDateRange, type Selection } from '../state/view-state.ts';
import { DashedArrowProgram } from './dashed-edge.ts';
import { fitCamera } from './fit.ts';
import { createLabelDrawer, drawHoverRing, type Box } from './labels.ts';
import type { EdgeAttrs, NodeAttrs, ViewGraph } from './model.ts';
import { DIM_EDGE, DIM_NODE, HIGHLIGHT, SELECTED_EDGE, relLabel, relStyle } from './palette.ts';

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

/** What the view draws, from the dashboard's state. */
export interface ViewModel {
  filters: ViewFilters;
  selection: Selection;
  root: string | null;
  pathNodes: ReadonlySet<string>;
  pathEdges: ReadonlySet<string>;
}

export const LABEL_FONT = 'Inter, system-ui, -apple-system, "Segoe UI", sans-serif';
export const LABEL_SIZE = 12;

export class GraphView {
  readonly renderer: Sigma<NodeAttrs, EdgeAttrs>;
  private model: ViewModel = {
    filters: { hiddenNodeTypes: new Set(), hiddenRelTypes: new Set(), from: null, to: null },
    selection: null,
    root: null,
    pathNodes: new Set(),
    pathEdges: new Set(),
  };
  /** Nodes the selection keeps in full colour; computed once per change, not once per node. */
  private activeCache: Set<string> | null | undefined = undefined;
  private hovered: string | null = null;
  private hoveredEdge: string | null = null;
  private dragged: string | null = null;
  private dragMoved = false;

  private readonly labels: ReturnType<typeof createLabelDrawer<NodeAttrs, EdgeAttrs>>;

  constructor(
    readonly graph: ViewGraph,
    private readonly container: HTMLElement,
    private readonly handlers: ViewHandlers,
  ) {
    const labels = createLabelDrawer<NodeAttrs, EdgeAttrs>(() => ({ width: container.clientWidth, height: container.clientHeight }));
    this.labels = labels;
    this.renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
      defaultDrawNodeLabel: labels.draw,
      defaultDrawNodeHover: drawHoverRing,
      defaultEdgeType: 'arrow',
      // Programs are generic over attributes they never read: the casts only restate that.
      edgeProgramClasses: { arrow: EdgeArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>, dashed: DashedArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs> },
      enableEdgeEvents: true,
      renderEdgeLabels: true,
      labelFont: LABEL_FONT,
      labelSize: LABEL_SIZE,
      labelWeight: '500',
      labelColor: { color: '#1f2937' },
      edgeLabelSize: 11,
      edgeLabelColor: { color: '#374151' },
      // The drawer places labels clear of each other; the grid only thins what it considers.
      labelDensity: 3,
      labelGridCellSize: 60,
      labelRenderedSizeThreshold: 3,
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 12,
      stagePadding: 30,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    this.renderer.on('beforeRender', () => labels.newFrame(this.discs()));
    this.bindEvents();
    for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared', 'edgesCleared'] as const) {
      graph.on(event, () => (this.activeCache = undefined));
    }
  }

  get selection(): Selection {
    return this.model.selection;
  }

  get pathNodes(): ReadonlySet<string> {
    return this.model.pathNodes;
  }

  get pathEdges(): ReadonlySet<string> {
    return this.model.pathEdges;
  }

  /** The discs labels keep clear of: every visible node drawn bigger than a dot. */
  private discs(): Box[] {
    const r = this.renderer;
    const out: Box[] = [];
    this.graph.forEachNode((id) => {
      const d = r.getNodeDisplayData(id);
      if (!d || d.hidden) return;
      const size = r.scaleSize(d.size);
      if (size < 5) return;
      const p = r.framedGraphToViewport(d);
      out.push({ x1: p.x - size, y1: p.y - size, x2: p.x + size, y2: p.y + size });
    });
    return out;
  }

  /** Where the labels of the last frame were drawn (CSS pixels in the container): none overlaps, none leaves it. */
  labelBoxes(): readonly Box[] {
    return this.labels.drawn();
  }

  /** Sets what the view shows and redraws. */
  apply(model: ViewModel): void {
    this.model = model;
    this.activeCache = undefined;
    this.refresh();
  }

  isNodeVisible(id: string): boolean {
    const a = this.graph.getNodeAttributes(id);
    const f = this.model.filters;
    if (f.hiddenNodeTypes.has(a.nodeType)) return false;
    return inDateRange(a.date, f.from, f.to);
  }

  isEdgeVisible(key: string): boolean {
    if (this.model.filters.hiddenRelTypes.has(this.graph.getEdgeAttribute(key, 'relType'))) return false;
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
    this.renderer.refresh();
  }

  focusNode(id: string): void {
    if (!this.graph.hasNode(id)) return;
    const pos = this.renderer.getNodeDisplayData(id);
    if (!pos) return;
    void this.renderer.getCamera().animate({ x: pos.x, y: pos.y, ratio: Math.min(this.renderer.getCamera().ratio, 0.6) }, { duration: 400 });
  }

  /** The camera that shows every visible node and the labels of the important ones inside the container. */
  fittedCamera(): { x: number; y: number; ratio: number; angle: number } {
    const nodes: { id: string; size: number; label: string; importance: number }[] = [];
    this.graph.forEachNode((id, a) => {
      if (this.isNodeVisible(id)) nodes.push({ id, size: a.size, label: a.label, importance: a.importance + (id === this.model.root ? 1e6 : 0) });
    });
    return fitCamera(this.renderer, nodes, { font: `500 ${LABEL_SIZE}px ${LABEL_FONT}`, labelSize: LABEL_SIZE });
  }

  /** Fits the view to the visible area (animated unless asked otherwise). */
  fit(animate = true): void {
    const camera = this.fittedCamera();
    if (animate) void this.renderer.getCamera().animate(camera, { duration: 300 });
    else this.renderer.getCamera().setState(camera);
  }

  private activeNeighbourhood(): Set<string> | null {
    if (this.activeCache === undefined) this.activeCache = this.computeActive();
    return this.activeCache;
  }

  private computeActive(): Set<string> | null {
    const sel = this.model.selection;
    if (sel?.kind === 'node' && this.graph.hasNode(sel.id)) {
      return new Set([sel.id, ...this.graph.neighbors(sel.id)]);
    }
    if (sel?.kind === 'edge' && this.graph.hasEdge(sel.key)) {
      return new Set(this.graph.extremities(sel.key));
    }
    return null;
  }

  private reduceNode(node: string, data: NodeAttrs): Partial<NodeDisplayData> {
    const out: Partial<NodeDisplayData> = { ...data, label: data.label };
    if (!this.isNodeVisible(node)) return { ...out, hidden: true };
    if (data.fixed) out.label = `${out.label} (pinned)`;
    if (node === this.model.root) {
      out.forceLabel = true;
      out.zIndex = 2;
    }
    const active = this.activeNeighbourhood();
    const path = this.model.pathNodes;
    if (path.size) {
      if (path.has(node)) {
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
      } else if (!path.has(node)) {
        out.color = DIM_NODE;
        out.label = '';
        out.zIndex = 0;
      }
    }
    const sel = this.model.selection;
    if ((sel?.kind === 'node' && sel.id === node) || (sel?.kind === 'edge' && active?.has(node))) {
      out.forceLabel = true;
      out.highlighted = true;
      out.zIndex = 4;
    }
    if (node === this.hovered) {
      out.highlighted = true;
      out.forceLabel = true;
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
    const style = relStyle(data.relType);
    const out: Partial<EdgeDisplayData> = { size: style.width, color: style.colour, label: null, type: style.dashed ? 'dashed' : 'arrow' };
    const sel = this.model.selection;
    const [source, target] = this.graph.extremities(edge);
    // Labels only where the analyst looks: a hovered line or node, the selection, the path.
    const hovered = edge === this.hoveredEdge || source === this.hovered || target === this.hovered;
    if (hovered) Object.assign(out, { label: this.edgeLabel(edge, source, target), zIndex: 5, size: style.width + 1 });
    if (this.model.pathNodes.size) {
      if (this.model.pathEdges.has(edge)) return { ...out, color: HIGHLIGHT, size: 4, zIndex: 3, label: relLabel(data.relType) };
      if (!hovered) out.color = DIM_EDGE;
    }
    if (sel?.kind === 'edge') {
      const [a, b] = this.graph.hasEdge(sel.key) ? this.graph.extremities(sel.key) : ['', ''];
      if ((source === a && target === b) || (source === b && target === a)) {
        return { ...out, color: SELECTED_EDGE, size: Math.max(3, style.width + 1.5), zIndex: 4, label: this.edgeLabel(edge, source, target) };
      }
      if (!hovered) out.color = DIM_EDGE;
    } else if (sel?.kind === 'node') {
      if (source === sel.id || target === sel.id) {
        // Relation names on every spoke of a hub would be unreadable; the panel lists them.
        const label = out.label ?? (this.graph.degree(sel.id) <= 8 ? this.edgeLabel(edge, source, target) : null);
        return { ...out, zIndex: 2, label };
      }
      if (!hovered) out.color = DIM_EDGE;
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
    r.on('enterEdge', ({ edge }) => {
      this.hoveredEdge = edge;
      r.getContainer().style.cursor = 'pointer';
      r.refresh({ skipIndexation: true });
    });
    r.on('leaveEdge', () => {
      this.hoveredEdge = null;
      r.getContainer().style.cursor = '';
      r.refresh({ skipIndexation: true });
    });

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
