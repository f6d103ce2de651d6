/**
 * Colours and names per node and relation type. Colours are chosen to stay apart for the
 * common colour-vision deficiencies (Okabe–Ito based) since type is what colour encodes.
 * Relations are drawn by kind (taking part, absence, structure…: width, dash, weight) in the
 * colour and with the label of the model's entry (src/graph/model.ts, `dashboard`). One added
 * there is drawn, filtered, labelled and used in paths without an edit here; a kind below only
 * refines how it reads, and the labels below stand in where an entry has none.
 */
import { NODE_TYPES, NODE_TYPE_NAMES, REL_TYPES, REL_TYPE_NAMES, type RelType } from '../../graph/model.ts';

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

/** Where a relation's name does not read well in lower case on its own (and the model has no label). */
const FALLBACK_REL_LABELS: Partial<Record<RelType, string>> = {
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

/** Relation names: the model's entries (src/graph/model.ts, `dashboard.label`) first. */
export const REL_LABELS: Partial<Record<RelType, string>> = {
  ...FALLBACK_REL_LABELS,
  ...Object.fromEntries(REL_TYPE_NAMES.flatMap((t) => ((REL_TYPES[t] as { dashboard?: { label?: string } }).dashboard?.label ? [[t, REL_TYPES[t].dashboard.label]] : []))),
};

/** Relation colours from the model's entries; a type without one is coloured by its kind. */
export const REL_COLOURS: Partial<Record<RelType, string>> = Object.fromEntries(
  REL_TYPE_NAMES.flatMap((t) => ((REL_TYPES[t] as { dashboard?: { colour?: string } }).dashboard?.colour ? [[t, REL_TYPES[t].dashboard.colour]] : [])),
);

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
  ASKED_IN: 'contribution',
  MOVED: 'contribution',
  SECONDED: 'contribution',
  SUBSTITUTED_FOR: 'attendance',
  DECLARED_INTEREST: 'business',
  DECIDED_IN: 'subject',
  ANSWERED_IN: 'business',
  LANDED_IN: 'business',
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

const styles = new Map<string, RelStyle>();

/** How a relation is drawn: its kind's width, dash and weight, in the model's colour where it has one. */
export function relStyle(type: string): RelStyle {
  let style = styles.get(type);
  if (!style) {
    const kind = REL_STYLES[relKind(type)];
    const colour = REL_COLOURS[type as RelType];
    style = colour ? { ...kind, colour } : kind;
    styles.set(type, style);
  }
  return style;
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
