/**
 * The one thing a store's driver has to provide: run a statement with parameters and hand back
 * rows whose graph values are already in a driver-neutral shape. Everything above this
 * (writes, reads, traversal) is shared by the Kuzu and Neo4j stores.
 */

/** A node as the drivers return it: a driver-internal reference, its label, its properties. */
export interface NodeValue {
  kind: 'node';
  ref: string;
  label: string;
  props: Record<string, unknown>;
}

export interface RelValue {
  kind: 'rel';
  type: string;
  /** Driver-internal references of the start and end nodes. */
  start: string;
  end: string;
  props: Record<string, unknown>;
}

export type Value = null | boolean | number | string | NodeValue | RelValue | Value[] | { [key: string]: Value };
export type Row = Record<string, Value>;
export type Params = Record<string, unknown>;

export interface Tx {
  run(statement: string, params?: Params): Promise<Row[]>;
}

export interface Runner extends Tx {
  /** Opened read-only: no schema changes, no writes (a second process reading a store). */
  readonly readOnly?: boolean;
  /** Runs `work` in one write transaction: all of it is committed, or none of it. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs schema statements (outside any transaction where the database requires it). */
  schema(statements: string[]): Promise<void>;
  close(): Promise<void>;
}

export function isNode(v: unknown): v is NodeValue {
  return typeof v === 'object' && v !== null && (v as NodeValue).kind === 'node';
}

export function isRel(v: unknown): v is RelValue {
  return typeof v === 'object' && v !== null && (v as RelValue).kind === 'rel';
}
