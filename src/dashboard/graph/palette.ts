/**
 * Colours and names per node and relation type. Colours are chosen to stay apart for the
 * common colour-vision deficiencies (Okabe–Ito based) since type is what colour encodes.
 */

import { NODE_TYPES, NODE_TYPE_NAMES, REL_TYPES, REL_TYPE_NAMES } from '../../graph/model.ts';

/** Node colours and names come from the model's entries (src/graph/model.ts, `dashboard`). */
export const NODE_COLOURS: Record<string, string> = Object.fromEntries(NODE_TYPE_NAMES.map((t) => [t, NODE_TYPES[t].dashboard.colour]));

export const NODE_TYPE_LABELS: Record<string, string> = Object.fromEntries(NODE_TYPE_NAMES.map((t) => [t, NODE_TYPES[t].dashboard.plural]));

/** Order of the legend and of search-result groups: what analysts look for first. */
export const NODE_TYPE_ORDER = [
  'Person',
  'Body',
  'Strategy',
  'Meeting',
  'Item',
  'Decision',
  'Topic',
  'Role',
  'Request',
  'Deferral',
  'Document',
];

/** Relation names and colours, from the model's entries. */
export const REL_LABELS: Record<string, string> = Object.fromEntries(REL_TYPE_NAMES.map((t) => [t, REL_TYPES[t].dashboard.label]));
export const REL_COLOURS: Record<string, string> = Object.fromEntries(REL_TYPE_NAMES.map((t) => [t, REL_TYPES[t].dashboard.colour]));

export const FALLBACK_COLOUR = '#6B7280';
export const DIM_NODE = '#E3E6EA';
export const DIM_EDGE = '#EEF0F3';
export const EDGE_COLOUR = '#C4CAD3';
export const HIGHLIGHT = '#F0B400';
export const SELECTED_EDGE = '#1F2937';

export function nodeColour(type: string): string {
  return NODE_COLOURS[type] ?? FALLBACK_COLOUR;
}

export function nodeTypeLabel(type: string): string {
  return NODE_TYPE_LABELS[type] ?? type;
}

export function relColour(type: string): string {
  return REL_COLOURS[type] ?? EDGE_COLOUR;
}

export function relLabel(type: string): string {
  return REL_LABELS[type] ?? type.toLowerCase().replace(/_/g, ' ');
}

export function typeRank(type: string): number {
  const i = NODE_TYPE_ORDER.indexOf(type);
  return i < 0 ? NODE_TYPE_ORDER.length : i;
}
