/**
 * Tables next to the graph: what a person, body or strategy did, row by row, each row with
 * its date and the evidence it rests on. Built by pure functions (person.ts, body.ts,
 * strategy.ts) from the API's records; ui/table.ts draws them, sortable, with a CSV download.
 */
import type { Evidence } from '../api/types.ts';

export type ColumnKind = 'date' | 'text' | 'number';

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

export interface Cell {
  text: string;
  /** Opens this entity when the cell is clicked. */
  link?: string;
  /** The statements the row rests on (the evidence column). */
  evidence?: Evidence[];
  /** Attendance matrix cells: present, apologies, absent, or not recorded (the minutes list no one). */
  mark?: 'present' | 'apologies' | 'absent' | 'unrecorded';
}

export interface TableModel {
  /** Stable id (URL-safe): `person-items`, `attendance-2025-26`… */
  id: string;
  title: string;
  /** Says what a row is and, for the matrix, what the marks mean. */
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** Shown when there are no rows. */
  empty: string;
  /** Matrix tables: the first column heads its row (a member). */
  rowHeaders?: boolean;
}

/** A part of an entity's tables that the graph cannot fill yet, and says why. */
export interface PendingSection {
  id: string;
  title: string;
  message: string;
}

export interface EntityTables {
  id: string;
  type: 'Person' | 'Body' | 'Strategy';
  title: string;
  sections: (TableModel | PendingSection)[];
}

export const isTable = (s: TableModel | PendingSection): s is TableModel => 'rows' in s;

/** The text evidence cells export to CSV: each statement with where it is. */
export function evidenceText(evidence: readonly Evidence[]): string {
  return evidence.map((e) => `"${e.sentence.replace(/\s+/g, ' ').trim()}" (${[e.meeting?.date, e.source, e.page ? `p. ${e.page}` : null].filter(Boolean).join(', ')})`).join(' | ');
}

export function evidenceCell(evidence: readonly Evidence[]): Cell {
  return { text: evidenceText(evidence), evidence: [...evidence] };
}

/** Sorts rows by one column; dates and numbers compare as such, empty cells last either way. */
export function sortRows(table: TableModel, key: string, direction: 'asc' | 'desc'): Cell[][] {
  const index = table.columns.findIndex((c) => c.key === key);
  if (index < 0) return table.rows;
  const kind = table.columns[index]!.kind;
  const value = (row: Cell[]): string | number | null => {
    const text = row[index]?.text ?? '';
    if (!text) return null;
    if (kind === 'number') {
      const n = Number(text);
      return Number.isFinite(n) ? n : null;
    }
    return kind === 'date' ? text : text.toLocaleLowerCase('en-GB');
  };
  const sign = direction === 'asc' ? 1 : -1;
  return table.rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((a, b) => {
      if (a.v === b.v) return a.i - b.i;
      if (a.v === null) return 1;
      if (b.v === null) return -1;
      return (a.v < b.v ? -1 : 1) * sign;
    })
    .map((x) => x.row);
}
