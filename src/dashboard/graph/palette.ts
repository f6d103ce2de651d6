/**
 * Colours and names per node and relation type. Colours are chosen to stay apart for the
 * common colour-vision deficiencies (Okabe–Ito based) since type is what colour encodes.
 * Relations are drawn by kind (taking part, absence, structure…). The relation types are the
 * model's (src/graph/model.ts): one added there is drawn, filtered, labelled (from its name)
 * and used in paths without an edit here; a label or kind below only refines how it reads.
 */
import { REL_TYPES, type RelType } from '../../graph/model.ts';

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

/** Where a relation's name does not read well in lower case on its own. */
export const REL_LABELS: Partial<Record<RelType, string>> = {
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
  MENTIONED_IN: 'named in',
};

/** How a relation reads in the picture: what it says about the two it joins. */
export type RelKind = 'contribution' | 'attendance' | 'absence' | 'mention' | 'role' | 'subject' | 'business' | 'structure';

export const REL_KIND: Partial<Record<RelType, RelKind>> = {
  PRESENTED: 'contribution',
  INTRODUCED: 'contribution',
  CHAIRED: 'contribution',
  ATTENDED: 'attendance',
  ATTENDED_ITEM: 'attendance',
  REPRESENTS: 'attendance',
  SENT_APOLOGIES: 'absence',
  MENTIONED_IN: 'mention',
  HOLDS_ROLE: 'role',
  OF: 'role',
  CHAIRED_BY: 'role',
  ABOUT: 'subject',
  APPROVED_BY: 'subject',
  REQUESTED: 'business',
  IN: 'business',
  DEFERRED_TO: 'business',
  HELD_BY: 'structure',
  HAS_ITEM: 'structure',
  SOURCED_FROM: 'structure',
  REPORTS_TO: 'structure',
};

export interface RelStyle {
  colour: string;
  /** Line width in pixels at the default zoom. */
  width: number;
  dashed: boolean;
  /** What the legend says the style means. */
  legend: string;
  /** How much a relation of this kind makes its ends matter (node size). */
  weight: number;
}

export const REL_STYLES: Record<RelKind, RelStyle> = {
  contribution: { colour: '#3a6ea5', width: 2.2, dashed: false, legend: 'presented, introduced, chaired', weight: 2 },
  attendance: { colour: '#8a94a3', width: 1.4, dashed: false, legend: 'attended', weight: 1 },
  absence: { colour: '#c2410c', width: 1.4, dashed: true, legend: 'sent apologies (an absence: left out of paths)', weight: 0.3 },
  mention: { colour: '#c3c9d2', width: 0.8, dashed: false, legend: 'named in', weight: 0.3 },
  role: { colour: '#7c5cbf', width: 1.4, dashed: false, legend: 'roles and chairs of bodies', weight: 1 },
  subject: { colour: '#b25b8c', width: 1.6, dashed: false, legend: 'what an item is about, approvals', weight: 1.5 },
  business: { colour: '#8a6d1f', width: 1.4, dashed: false, legend: 'requests and deferrals', weight: 1 },
  structure: { colour: '#c4cad3', width: 1, dashed: false, legend: 'meetings, items, sources, reporting lines', weight: 0.6 },
};

/**
 * A relation's kind: as listed above; else, for a relation the model starts at a person (a
 * person's part in the record), drawn like attendance; else as structure.
 */
export function relKind(type: string): RelKind {
  const listed = REL_KIND[type as RelType];
  if (listed) return listed;
  const def = (REL_TYPES as Record<string, { pairs: readonly (readonly [string, string])[] }>)[type];
  return def?.pairs.every(([from]) => from === 'Person') ? 'attendance' : 'structure';
}

export function relStyle(type: string): RelStyle {
  return REL_STYLES[relKind(type)];
}

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
  return REL_LABELS[type as RelType] ?? type.toLowerCase().replace(/_/g, ' ');
}

export function typeRank(type: string): number {
  const i = NODE_TYPE_ORDER.indexOf(type);
  return i < 0 ? NODE_TYPE_ORDER.length : i;
}
