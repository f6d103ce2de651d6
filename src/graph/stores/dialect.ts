/**
 * What differs between the two Cypher dialects at the level of single expressions: column
 * types and how a parameter value is given its type. Whole queries that differ live in
 * cypher/kuzu and cypher/neo4j; everything else in cypher/common.
 */
import type { PropType } from '../model.ts';

export type Dialect = 'kuzu' | 'neo4j';

const KUZU_TYPES: Record<PropType, string> = {
  string: 'STRING',
  'string?': 'STRING',
  int: 'INT64',
  'int?': 'INT64',
  'bool?': 'BOOL',
  'string[]': 'STRING[]',
};

export function kuzuType(type: PropType): string {
  return KUZU_TYPES[type];
}

/**
 * A parameter value as a typed expression. Kuzu infers a parameter's type from its value, so
 * a column of nulls or an empty list would bind as the wrong type; the cast pins it.
 */
export function typedValue(dialect: Dialect, expr: string, type: PropType): string {
  return dialect === 'kuzu' ? `CAST(${expr} AS ${KUZU_TYPES[type]})` : expr;
}

/** Property names are quoted everywhere: `start` and `end` are keywords in Kuzu. */
export function quote(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a safe property name: ${name}`);
  return `\`${name}\``;
}
