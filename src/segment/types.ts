/** The segmentation stage's output: a header and the items of one meeting. */

export type Layout = 'numbered-web' | 'printed' | 'table' | 'loose';

export interface Span {
  start: number;
  end: number;
}

export interface Header {
  /** Committee or board, as the header (or, failing that, the text) names it. */
  body: string | null;
  bodySpan: Span | null;
  /** ISO date of the meeting, from the header only: other dates in minutes are other meetings'. */
  date: string | null;
  dateSpan: Span | null;
  council: string | null;
  /** "Contact: Natasha Aucott, Governance Advisor" */
  contact: { text: string; span: Span } | null;
}

export interface SegmentedItem {
  ordinal: number;
  number: string | null;
  title: string;
  /** True when the text prints no title and it was inferred from the item's wording. */
  titleInferred: boolean;
  /** The whole item, title included (normalised offsets). */
  span: Span;
  /** Where the item's own text starts (after the title line). */
  bodyStart: number;
  /** Start of the minutes proper ("Minutes:" marker), when the layout separates agenda text. */
  minutesStart: number | null;
  /** A person named on the line under the title (ModernGov's lead member or officer). */
  lead: Span | null;
  /** The published text was cut off ("... view the full minutes text for item 14"). */
  truncated: boolean;
}

export type { AttendanceBlock } from './blocks.ts';
import type { AttendanceBlock } from './blocks.ts';

export interface SegmentedDocument {
  layout: Layout;
  header: Header;
  /** Labelled lists of people: in the preamble, and items whose whole body is such a list. */
  blocks: AttendanceBlock[];
  /** Text before the first item: header, Present and Apologies blocks. */
  preamble: Span;
  items: SegmentedItem[];
  warnings: string[];
}
