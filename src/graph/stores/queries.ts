/**
 * Loads the `.cypher` files in cypher/ and fills their `{{SLOTS}}`. Slots only ever receive
 * names from the graph model (labels, relation types, property names) or expressions built
 * from them, never values: every value travels as a query parameter.
 *
 * A query is looked up in cypher/<dialect>/ first and then in cypher/common/, so a dialect
 * file exists only where the dialects differ.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR } from './paths.ts';
import {
  NODE_TYPES,
  NODE_TYPE_NAMES,
  REL_TYPES,
  REL_TYPE_NAMES,
  type NodeType,
  type RelType,
} from '../model.ts';
import { quote, typedValue, type Dialect } from './dialect.ts';
import type { PropType } from '../model.ts';
import type { DegreeSpec } from '../store.ts';
import { EVIDENCE_PROPS, HAS_KEY, HAS_KEY_PROPS, nodeProps, relProps } from './schema.ts';


export function cypherPath(dialect: Dialect, name: string): string {
  const own = join(CYPHER_DIR, dialect, `${name}.cypher`);
  return existsSync(own) ? own : join(CYPHER_DIR, 'common', `${name}.cypher`);
}

const cache = new Map<string, string>();

/** The .cypher files loaded so far (tests check that the catalogue reaches all of them). */
export function loadedFiles(): string[] {
  return [...cache.keys()];
}

/** A query file's text without its `//` comment lines. */
export function loadQuery(dialect: Dialect, name: string): string {
  const path = cypherPath(dialect, name);
  let text = cache.get(path);
  if (text === undefined) {
    if (!existsSync(path)) throw new Error(`missing Cypher file ${path} (looked in cypher/${dialect} and cypher/common)`);
    text = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//'))
      .join('\n')
      .trim();
    cache.set(path, text);
  }
  return text;
}

/** The statements of a multi-statement file (schema), split at `;` line ends. */
export function loadStatements(dialect: Dialect, name: string): string[] {
  return loadQuery(dialect, name)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function fill(text: string, slots: Record<string, string>, where = 'query'): string {
  const out = text.replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => {
    const value = slots[key];
    if (value === undefined) throw new Error(`${where}: no value for slot {{${key}}}`);
    return value;
  });
  return out;
}

export function query(dialect: Dialect, name: string, slots: Record<string, string> = {}): string {
  return fill(loadQuery(dialect, name), slots, `cypher/${name}.cypher`);
}

/* ---- instantiations used by the stores ---- */

const ROW_KEY: Record<string, string> = { start: 'spanStart', end: 'spanEnd' };
/** The key a property travels under in a $rows entry (`start`/`end` are keywords in Kuzu). */
export function rowKey(prop: string): string {
  return ROW_KEY[prop] ?? prop;
}

/** Property assignments from `row`, typed for the dialect. */
function rowProps(dialect: Dialect, props: Record<string, PropType>): [string, string][] {
  return Object.entries(props).map(([name, t]) => [name, typedValue(dialect, `row.${quote(rowKey(name))}`, t)]);
}

export function createNodesQuery(dialect: Dialect, type: NodeType): string {
  const props = rowProps(dialect, nodeProps(type))
    .map(([name, value]) => `${quote(name)}: ${value}`)
    .join(', ');
  return query(dialect, 'create-nodes', { LABEL: type, PROPS: props });
}

export function updateNodesQuery(dialect: Dialect, type: NodeType): string {
  const set = rowProps(dialect, nodeProps(type))
    .filter(([name]) => name !== 'id')
    .map(([name, value]) => `n.${quote(name)} = ${value}`)
    .join(', ');
  return query(dialect, 'update-nodes', { LABEL: type, SET: set });
}

/**
 * How a batch of relations is written: `rows` (UNWIND over $rows; Neo4j always), `copy` (Kuzu,
 * large batches) or `row` (Kuzu, one relation per execution). See cypher/kuzu/ for why.
 */
export type RelationWrite = 'rows' | 'copy' | 'row';

/** Relations in one transaction from which Kuzu's COPY (and its checkpoint) pays off. */
export const KUZU_COPY_THRESHOLD = 2000;

export function relationWrite(dialect: Dialect, relationsInBatch: number): RelationWrite {
  if (dialect !== 'kuzu') return 'rows';
  return relationsInBatch >= KUZU_COPY_THRESHOLD ? 'copy' : 'row';
}

export function writeRelationsQuery(dialect: Dialect, type: RelType | typeof HAS_KEY, from: string, to: string, form: RelationWrite = 'rows'): string {
  const props = Object.entries(type === HAS_KEY ? HAS_KEY_PROPS : relProps(type));
  const value = (name: string, t: PropType) =>
    form === 'row' ? typedValue(dialect, `$${rowKey(name)}`, t) : typedValue(dialect, `row.${quote(rowKey(name))}`, t);
  return query(dialect, form === 'row' ? 'write-relation' : 'write-relations', {
    FROM: from,
    TO: to,
    TYPE: type,
    PROPS: props.map(([name, t]) => `${quote(name)}: ${value(name, t)}`).join(', '),
    COLUMNS: ['row.src', 'row.dst', ...props.map(([name, t]) => value(name, t))].join(', '),
  });
}

export function labelQuery(dialect: Dialect, name: string, label: NodeType): string {
  return query(dialect, name, { LABEL: label });
}

export function typeQuery(dialect: Dialect, name: string, type: RelType, label?: NodeType): string {
  return query(dialect, name, { TYPE: type, LABEL: label ?? 'Document' });
}

/** One node by id (a primary-key lookup; the batch form is find-nodes). */
export function findNodeQuery(dialect: Dialect, label: NodeType): string {
  return query(dialect, 'find-node', { LABEL: label });
}

/**
 * Edges of `type` leaving (`out`) or arriving at (`in`) nodes of `label`, with the node across.
 * {{OTHER}} names the tables the far end can be in (from the model), which Kuzu reads instead of
 * every node table's columns; the shared Neo4j form does not use it.
 */
export function relatedQuery(dialect: Dialect, dir: 'out' | 'in', type: RelType, label: NodeType): string {
  const others = [
    ...new Set(REL_TYPES[type].pairs.filter(([from, to]) => (dir === 'out' ? from : to) === label).map(([from, to]) => (dir === 'out' ? to : from))),
  ];
  if (others.length === 0) throw new Error(`${type} has no ${dir === 'out' ? 'start' : 'end'} of type ${label} (see src/graph/model.ts)`);
  // Kuzu reads `(b:A:B)` as "in table A or B".
  const other = others.map((t) => `:\`${t}\``).join('');
  return query(dialect, dir === 'out' ? 'related-out' : 'related-in', { TYPE: type, LABEL: label, OTHER: other });
}

/** The condition matching $search against a type's searchable properties (and aliases). */
export function searchCondition(dialect: Dialect, type: NodeType): string {
  const props = NODE_TYPES[type].props as Record<string, string>;
  const parts = (NODE_TYPES[type].searchable as string[]).map((p) =>
    query(dialect, 'text-match', { EXPR: `n.${quote(p)}` }),
  );
  if (props.aliases === 'string[]') parts.push(query(dialect, 'list-match', { EXPR: 'n.`aliases`' }));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

export interface ListQueryShape {
  search: boolean;
  equals: string[];
  range: string | null;
  /** Newest first over the range property (nodes without a value left out). */
  descending?: boolean;
}

function whereClause(dialect: Dialect, type: NodeType, shape: ListQueryShape): string {
  const props = NODE_TYPES[type].props as Record<string, string>;
  const conditions: string[] = [];
  if (shape.search) conditions.push(searchCondition(dialect, type));
  shape.equals.forEach((prop, i) => {
    if (!(prop in props)) throw new Error(`${type} has no property '${prop}' to filter on`);
    conditions.push(`n.${quote(prop)} = $eq${i}`);
  });
  if (shape.range) {
    if (!(shape.range in props)) throw new Error(`${type} has no property '${shape.range}' to filter on`);
    conditions.push(`($rangeFrom IS NULL OR n.${quote(shape.range)} >= $rangeFrom)`);
    conditions.push(`($rangeTo IS NULL OR n.${quote(shape.range)} <= $rangeTo)`);
  }
  if (shape.range && shape.descending) conditions.push(`n.${quote(shape.range)} IS NOT NULL`);
  return conditions.join(' AND ') || 'true';
}

export function listQuery(dialect: Dialect, type: NodeType, shape: ListQueryShape): string {
  const order = shape.range ? `n.${quote(shape.range)}${shape.descending ? ' DESC' : ''}, n.\`id\`` : 'n.`id`';
  return query(dialect, 'list-nodes', { LABEL: type, WHERE: whereClause(dialect, type, shape), ORDER: order });
}

/** How many nodes a list with this shape has in all (to keep a deep page from reaching Kuzu). */
export function countQuery(dialect: Dialect, type: NodeType, shape: ListQueryShape): string {
  return query(dialect, 'count-matching', { LABEL: type, WHERE: whereClause(dialect, type, shape) });
}

/** Every value of one searchable property (the search vocabulary is built from them). */
export function textValuesQuery(dialect: Dialect, type: NodeType, prop: string): string {
  if (!(NODE_TYPES[type].searchable as string[]).includes(prop)) throw new Error(`${type}.${prop} is not searchable (see src/graph/model.ts)`);
  return query(dialect, 'text-values', { LABEL: type, PROP: quote(prop) });
}

export interface FullTextIndex {
  label: NodeType;
  name: string;
  statement: string;
}

/** Kuzu's full-text indexes, one per searchable node type (cypher/kuzu/full-text-indexes.cypher). */
export function fullTextIndexes(): FullTextIndex[] {
  return loadStatements('kuzu', 'full-text-indexes').map((statement) => {
    const m = /CREATE_FTS_INDEX\('([A-Za-z]+)', '([a-z_]+)'/.exec(statement);
    if (!m) throw new Error(`cypher/kuzu/full-text-indexes.cypher: cannot read "${statement}"`);
    return { label: m[1] as NodeType, name: m[2]!, statement };
  });
}

export function fullTextQuery(index: FullTextIndex): string {
  return query('kuzu', 'full-text-search', { LABEL: index.label, INDEX: index.name });
}

export function dropFullTextQuery(index: FullTextIndex): string {
  return query('kuzu', 'drop-full-text-index', { LABEL: index.label, INDEX: index.name });
}

export function searchQuery(dialect: Dialect, type: NodeType): string {
  return query(dialect, 'search', { LABEL: type, MATCH: searchCondition(dialect, type) });
}

/** Nodes of `label` by the number of distinct nodes they reach over `rels` (see cypher/common/ranked.cypher). */
export function rankedQuery(dialect: Dialect, label: NodeType, rels: readonly RelType[], dir: 'out' | 'in'): string {
  if (rels.length === 0) throw new Error('ranking needs at least one relation type');
  const types = relTypes(rels);
  return query(dialect, 'ranked', { LABEL: label, PATTERN: dir === 'out' ? `-[:${types}]->` : `<-[:${types}]-` });
}

/** Every node of `type` with its model properties (for in-memory indexes of the graph). */
export function scanNodesQuery(dialect: Dialect, type: NodeType): string {
  const columns = Object.keys(NODE_TYPES[type].props).map((p) => `n.${quote(p)} AS ${quote(p)}`);
  return query(dialect, 'scan-nodes', { LABEL: type, COLUMNS: columns.join(', ') });
}

/** Every relation of `type` from `from` to `to`, with its evidence and properties. */
export function scanRelationsQuery(dialect: Dialect, type: RelType, from: NodeType, to: NodeType): string {
  if (!REL_TYPES[type].pairs.some(([a, b]) => a === from && b === to)) throw new Error(`${type} does not join ${from} to ${to} (see src/graph/model.ts)`);
  const columns = Object.keys(relProps(type)).map((p) => `r.${quote(p)} AS ${quote(p)}`);
  return query(dialect, 'scan-relations', { TYPE: type, FROM: from, TO: to, COLUMNS: columns.join(', ') });
}

/** Queries without slots, with the parameters they take. */
export const DOCUMENT_QUERIES: Record<string, string[]> = {
  'delete-document': ['ids'],
  'delete-document-keys': ['ids'],
  'find-documents': ['ids'],
  'document-resolutions': ['ids'],
  'document-extractions': ['ids'],
  'document-text': ['id'],
  'list-documents': [],
  'docs-with-keys': ['ids'],
  'docs-of-meetings': ['ids'],
  'get-tallies': ['ids'],
  'write-keys': ['rows'],
  'delete-keys': ['ids'],
  'store-info': [],
  'set-store-info': ['model', 'version', 'pending', 'written'],
  'set-pending': ['pending'],
  'sum-facts': [],
};

export const MAX_HOPS = 10;

/** `:\`A\`|\`B\``: a relation pattern's type alternatives (both dialects read it the same way). */
function relTypes(types: readonly RelType[]): string {
  for (const t of types) if (!(t in REL_TYPES)) throw new Error(`unknown relation type ${t} (see src/graph/model.ts)`);
  return types.map((t) => `\`${t}\``).join('|');
}

export function shortestPathQuery(dialect: Dialect, from: NodeType, to: NodeType, hops: number, relations: readonly RelType[] = REL_TYPE_NAMES): string {
  if (!Number.isInteger(hops) || hops < 1 || hops > MAX_HOPS) throw new Error(`maxHops must be 1..${MAX_HOPS}, got ${hops}`);
  if (relations.length === 0) throw new Error('a path needs at least one relation type');
  return query(dialect, 'shortest-path', { FROM: from, TO: to, HOPS: String(hops), TYPES: relTypes(relations) });
}

/** The degree histogram for one spec (see GraphStore.degreeHistograms). */
export function degreeHistogramQuery(dialect: Dialect, spec: DegreeSpec): string {
  if (spec.parallel) return query(dialect, 'parallel-histogram');
  if (!spec.label) throw new Error('a degree histogram needs a node type');
  if (spec.groupBy && !(spec.groupBy in NODE_TYPES[spec.label].props)) throw new Error(`${spec.label} has no property '${spec.groupBy}'`);
  return query(dialect, 'degree-histogram', {
    LABEL: spec.label,
    LEFT: spec.dir === 'in' ? '<-' : '-',
    RIGHT: spec.dir === 'in' ? '-' : '->',
    TYPES: relTypes(spec.rels),
    KEY: spec.groupBy ? `a.${quote(spec.groupBy)}` : 'a',
  });
}

/** Every statement a store of this dialect can run, with the parameters it takes (for tests). */
export function catalogue(dialect: Dialect): { name: string; text: string; params: string[] }[] {
  const out: { name: string; text: string; params: string[] }[] = [];
  loadStatements(dialect, 'schema').forEach((text, i) => out.push({ name: `schema#${i}`, text, params: [] }));
  for (const type of NODE_TYPE_NAMES) {
    out.push({ name: `create-nodes ${type}`, text: createNodesQuery(dialect, type), params: ['rows'] });
    out.push({ name: `update-nodes ${type}`, text: updateNodesQuery(dialect, type), params: ['rows'] });
    out.push({ name: `find-node ${type}`, text: findNodeQuery(dialect, type), params: ['id'] });
    out.push({ name: `scan-nodes ${type}`, text: scanNodesQuery(dialect, type), params: [] });
    for (const name of ['find-nodes', 'delete-document-relations', 'delete-nodes', 'find-orphans', 'docs-referencing', 'edges-out', 'edges-in', 'count-nodes']) {
      out.push({ name: `${name} ${type}`, text: labelQuery(dialect, name, type), params: ['ids', 'doc'] });
    }
    const equals = Object.keys(NODE_TYPES[type].props).slice(0, 2);
    const range = Object.keys(NODE_TYPES[type].props).includes('date') ? 'date' : null;
    out.push({ name: `count-matching ${type}`, text: countQuery(dialect, type, { search: true, equals, range }), params: ['search', 'eq0', 'eq1', 'rangeFrom', 'rangeTo'] });
    for (const prop of NODE_TYPES[type].searchable as string[]) {
      out.push({ name: `text-values ${type}.${prop}`, text: textValuesQuery(dialect, type, prop), params: [] });
    }
    out.push({
      name: `list-nodes ${type}`,
      text: listQuery(dialect, type, { search: true, equals, range }),
      params: ['search', 'eq0', 'eq1', 'rangeFrom', 'rangeTo', 'offset', 'first'],
    });
    if (range) {
      out.push({ name: `list-nodes ${type} (newest first)`, text: listQuery(dialect, type, { search: false, equals: [], range, descending: true }), params: ['rangeFrom', 'rangeTo', 'offset', 'first'] });
    }
    out.push({ name: `ranked ${type}`, text: rankedQuery(dialect, type, ['ATTENDED', 'CHAIRED'], 'out'), params: ['first'] });
    out.push({ name: `ranked ${type} (in)`, text: rankedQuery(dialect, type, ['HELD_BY'], 'in'), params: ['first'] });
    for (const to of NODE_TYPE_NAMES) {
      out.push({ name: `shortest-path ${type}-${to}`, text: shortestPathQuery(dialect, type, to, 4), params: ['src', 'dst'] });
    }
    out.push({ name: `shortest-path ${type} (some relations)`, text: shortestPathQuery(dialect, type, type, 2, ['ATTENDED', 'PRESENTED']), params: ['src', 'dst'] });
    out.push({ name: `degree-histogram ${type}`, text: degreeHistogramQuery(dialect, { label: type, rels: ['ABOUT', 'IN'], dir: 'in' }), params: [] });
    if (dialect === 'kuzu') out.push({ name: `search ${type}`, text: searchQuery(dialect, type), params: ['search', 'first'] });
  }
  if (dialect === 'neo4j') out.push({ name: 'search', text: query(dialect, 'search'), params: ['query', 'first'] });
  if (dialect === 'kuzu') {
    out.push({ name: 'show-indexes', text: query(dialect, 'show-indexes'), params: [] });
    for (const index of fullTextIndexes()) {
      out.push({ name: `full-text-search ${index.label}`, text: fullTextQuery(index), params: ['query', 'first'] });
      out.push({ name: `drop-full-text-index ${index.label}`, text: dropFullTextQuery(index), params: [] });
    }
  }
  for (const type of REL_TYPE_NAMES) {
    for (const [from, to] of REL_TYPES[type].pairs) {
      if (dialect === 'kuzu') {
        out.push({ name: `write-relations(copy) ${type} ${from}-${to}`, text: writeRelationsQuery(dialect, type, from, to, 'copy'), params: ['rows'] });
        out.push({ name: `write-relation ${type} ${from}-${to}`, text: writeRelationsQuery(dialect, type, from, to, 'row'), params: [] });
      } else {
        out.push({ name: `write-relations ${type} ${from}-${to}`, text: writeRelationsQuery(dialect, type, from, to), params: ['rows'] });
      }
      out.push({ name: `related-out ${type} ${from}`, text: relatedQuery(dialect, 'out', type, from), params: ['ids'] });
      out.push({ name: `scan-relations ${type} ${from}-${to}`, text: scanRelationsQuery(dialect, type, from, to), params: [] });
      out.push({ name: `related-in ${type} ${to}`, text: relatedQuery(dialect, 'in', type, to), params: ['ids'] });
    }
    out.push({ name: `count-relations ${type}`, text: typeQuery(dialect, 'count-relations', type), params: [] });
    out.push({ name: `count-facts ${type}`, text: typeQuery(dialect, 'count-facts', type), params: [] });
  }
  out.push({ name: 'degree-histogram (grouped)', text: degreeHistogramQuery(dialect, { label: 'Item', rels: ['PRESENTED'], dir: 'in', groupBy: 'meeting' }), params: [] });
  out.push({ name: 'parallel-histogram', text: degreeHistogramQuery(dialect, { label: null, rels: [], dir: 'out', parallel: true }), params: [] });
  if (dialect === 'kuzu') {
    out.push({ name: 'write-relations(copy) HAS_KEY', text: writeRelationsQuery(dialect, HAS_KEY, 'Document', 'IndexKey', 'copy'), params: ['rows'] });
    out.push({ name: 'write-relation HAS_KEY', text: writeRelationsQuery(dialect, HAS_KEY, 'Document', 'IndexKey', 'row'), params: [] });
  } else {
    out.push({ name: 'write-relations HAS_KEY', text: writeRelationsQuery(dialect, HAS_KEY, 'Document', 'IndexKey'), params: ['rows'] });
  }
  for (const [name, params] of Object.entries(DOCUMENT_QUERIES)) out.push({ name, text: query(dialect, name), params });
  return out;
}

export { EVIDENCE_PROPS };
