/**
 * Colours and names per node and relation type. Colours are chosen to stay apart for the
 * common colour-vision deficiencies (Okabe–Ito based) since type is what colour encodes.
 */

export const NODE_COLOURS: Record<string, string> = {
  Person: '#0072B2',
  Body: '#D55E00',
  Meeting: '#009E73',
  Item: '#8C8C8C',
  Strategy: '#CC79A7',
  Topic: '#E69F00',
  Role: '#56B4E9',
  Request: '#7A5195',
  Deferral: '#B8860B',
  Document: '#4D4D4D',
};

export const NODE_TYPE_LABELS: Record<string, string> = {
  Person: 'People',
  Body: 'Bodies',
  Meeting: 'Meetings',
  Item: 'Agenda items',
  Strategy: 'Strategies',
  Topic: 'Topics',
  Role: 'Roles',
  Request: 'Requests',
  Deferral: 'Deferrals',
  Document: 'Documents',
};

/** Order of the legend and of search-result groups: what analysts look for first. */
export const NODE_TYPE_ORDER = [
  'Person',
  'Body',
  'Strategy',
  'Meeting',
  'Item',
  'Topic',
  'Role',
  'Request',
  'Deferral',
  'Document',
];

export const REL_LABELS: Record<string, string> = {
  HELD_BY: 'held by',
  HAS_ITEM: 'has item',
  SOURCED_FROM: 'sourced from',
  ATTENDED: 'attended',
  SENT_APOLOGIES: 'sent apologies',
  CHAIRED: 'chaired',
  ATTENDED_ITEM: 'attended item',
  PRESENTED: 'presented',
  INTRODUCED: 'introduced',
  HOLDS_ROLE: 'holds role',
  OF: 'post of',
  REPRESENTS: 'represents',
  REQUESTED: 'requested',
  IN: 'raised in',
  DEFERRED_TO: 'deferred to',
  ABOUT: 'about',
  APPROVED_BY: 'approved by',
  REPORTS_TO: 'reports to',
  CHAIRED_BY: 'chaired by',
};

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

export function relLabel(type: string): string {
  return REL_LABELS[type] ?? type.toLowerCase().replace(/_/g, ' ');
}

export function typeRank(type: string): number {
  const i = NODE_TYPE_ORDER.indexOf(type);
  return i < 0 ? NODE_TYPE_ORDER.length : i;
}
