/**
 * The graph on screen: a graphology MultiDirectedGraph (two people can both attend and chair
 * the same meeting, so parallel edges of different types are normal), fed from API
 * subgraphs. Positions of new nodes are seeded deterministically from their ids so that a
 * shared URL replays to the same picture.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Evidence, VEdge, VNode, VSubgraph } from '../api/types.ts';
import { meetingLabel, nodeLabel } from './names.ts';
import { nodeColour, relStyle } from './palette.ts';

export interface NodeAttrs {
  /** The label drawn: meetings lead with their date, long titles are shortened. */
  label: string;
  /** The full name or title (panels, tooltips, exports). */
  fullLabel: string;
  nodeType: string;
  /** Own date, or for an agenda item the date of its meeting when that meeting is on screen. */
  date: string | null;
  x: number;
  y: number;
  size: number;
  color: string;
  /** Read by ForceAtlas2: a pinned node stays where the user put it. */
  fixed: boolean;
  expanded: boolean;
  /** Weighted degree in the view (relations that say more weigh more); sizes the node. */
  importance: number;
}

export interface EdgeAttrs {
  relType: string;
  evidence: Evidence[];
  size: number;
}

export type ViewGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;

export function createGraph(): ViewGraph {
  return new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
}

/** FNV-1a: a cheap stable hash, so seeding positions needs no randomness. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function seedPosition(id: string, cx: number, cy: number, radius: number): { x: number; y: number } {
  const h = hash(id);
  const angle = ((h & 0xffff) / 0x10000) * Math.PI * 2;
  const r = radius * (0.55 + 0.45 * (((h >>> 16) & 0xffff) / 0x10000));
  return { x: cx + Math.cos(angle) * r, y: cy + Math.sin(angle) * r };
}

/**
 * Adds a subgraph's nodes and edges (keeping what is there), placing new nodes around
 * `anchor` when it is on screen. Returns the ids of nodes that were new.
 */
export function mergeSubgraph(graph: ViewGraph, sub: VSubgraph, anchor: string | null): string[] {
  const added: string[] = [];
  let cx = 0;
  let cy = 0;
  if (anchor && graph.hasNode(anchor)) {
    cx = graph.getNodeAttribute(anchor, 'x');
    cy = graph.getNodeAttribute(anchor, 'y');
  }
  const fresh = sub.nodes.filter((n) => !graph.hasNode(n.id));
  const radius = 10 + 4 * Math.sqrt(fresh.length);
  for (const n of sub.nodes) {
    if (graph.hasNode(n.id)) {
      // Keep the richer label/date if a later answer carries one.
      if (n.date && !graph.getNodeAttribute(n.id, 'date')) graph.setNodeAttribute(n.id, 'date', n.date);
      continue;
    }
    const pos = n.id === anchor ? { x: cx, y: cy } : seedPosition(n.id, cx, cy, radius);
    graph.addNode(n.id, nodeAttrs(n, pos));
    added.push(n.id);
  }
  for (const e of sub.edges) addEdge(graph, e);
  deriveItemDates(graph);
  sizeByImportance(graph);
  return added;
}

function nodeAttrs(n: VNode, pos: { x: number; y: number }): NodeAttrs {
  const full = n.type === 'Meeting' && n.date ? meetingLabel(n.date, n.body ?? null, n.label, false) : n.label;
  return {
    label: n.type === 'Meeting' && n.date ? meetingLabel(n.date, n.body ?? null, n.label) : nodeLabel(n.label),
    fullLabel: full,
    nodeType: n.type,
    date: n.date,
    x: pos.x,
    y: pos.y,
    size: 4,
    color: nodeColour(n.type),
    fixed: false,
    expanded: false,
    importance: 0,
  };
}

function addEdge(graph: ViewGraph, e: VEdge): void {
  if (!graph.hasNode(e.from) || !graph.hasNode(e.to)) return;
  if (graph.hasEdge(e.key)) {
    const known = graph.getEdgeAttribute(e.key, 'evidence');
    const seen = new Set(known.map((ev) => `${ev.sourceId ?? ev.source}|${ev.sentence}`));
    const more = e.evidence.filter((ev) => !seen.has(`${ev.sourceId ?? ev.source}|${ev.sentence}`));
    if (more.length) graph.setEdgeAttribute(e.key, 'evidence', [...known, ...more]);
    return;
  }
  graph.addDirectedEdgeWithKey(e.key, e.from, e.to, { relType: e.type, evidence: e.evidence, size: 1.2 });
}

/** Items carry no date of their own; their meeting's date is what a date filter means for them. */
function deriveItemDates(graph: ViewGraph): void {
  graph.forEachEdge((_key, attrs, source, target, sAttrs, tAttrs) => {
    if (attrs.relType === 'HAS_ITEM' && sAttrs.date && !tAttrs.date) {
      graph.setNodeAttribute(target, 'date', sAttrs.date);
    }
  });
}

/**
 * Size by importance in the view: each relation adds its kind's weight to both ends (presenting
 * counts more than being named), on a square-root scale so hubs stand out without swallowing
 * the view.
 */
export function sizeByImportance(graph: ViewGraph): void {
  // Thousands of full-size discs would cover each other; big views draw everything smaller.
  const scale = graph.order > 2000 ? 0.5 : graph.order > 500 ? 0.75 : 1;
  const weight = new Map<string, number>();
  graph.forEachEdge((_k, a, s, t) => {
    const w = relStyle(a.relType).weight;
    weight.set(s, (weight.get(s) ?? 0) + w);
    weight.set(t, (weight.get(t) ?? 0) + w);
  });
  graph.forEachNode((node) => {
    const importance = weight.get(node) ?? 0;
    graph.mergeNodeAttributes(node, {
      importance,
      size: scale * Math.min(24, 4.5 + 2.6 * Math.sqrt(Math.max(0, importance - 0.5))),
    });
  });
}

export function removeNodes(graph: ViewGraph, ids: Iterable<string>): void {
  for (const id of ids) if (graph.hasNode(id)) graph.dropNode(id);
  sizeByImportance(graph);
}

export function typesPresent(graph: ViewGraph): { nodes: Map<string, number>; edges: Map<string, number> } {
  const nodes = new Map<string, number>();
  const edges = new Map<string, number>();
  graph.forEachNode((_n, a) => nodes.set(a.nodeType, (nodes.get(a.nodeType) ?? 0) + 1));
  graph.forEachEdge((_e, a) => edges.set(a.relType, (edges.get(a.relType) ?? 0) + 1));
  return { nodes, edges };
}
