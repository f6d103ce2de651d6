/**
 * The graph as a Cypher script that recreates it in an empty Neo4j database (cypher-shell -f
 * or Neo4j Browser): the schema from cypher/neo4j/schema.cypher, then the nodes and relations
 * in batches of UNWIND over literal lists. Values are written as Cypher string literals with
 * every special character escaped, so no text from the minutes can break out of a literal.
 */
import { NODE_TYPE_NAMES, REL_TYPES, type NodeType, type RelType } from '../graph/model.ts';
import { typeOfId } from '../graph/ids.ts';
import { loadStatements } from '../graph/stores/queries.ts';
import type { GraphDump } from './dump.ts';

const BATCH = 500;

/** A Cypher literal for a JSON-like value. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `\`${k.replace(/`/g, '')}\`: ${literal(v)}`)
      .join(', ')}}`;
  }
  // JSON string escapes (\" \\ \n \uXXXX) are valid Cypher string escapes.
  return JSON.stringify(String(value));
}

export function toCypherScript(graph: GraphDump): string {
  const out: string[] = ['// councilgraph export: recreates the graph in an empty Neo4j 5 database.', ''];
  for (const s of loadStatements('neo4j', 'schema')) out.push(`${s};`);
  out.push('');
  for (const type of NODE_TYPE_NAMES) {
    const rows = graph.nodes.filter((n) => n.type === type).map((n) => n.props);
    for (let i = 0; i < rows.length; i += BATCH) {
      out.push(`UNWIND ${literal(rows.slice(i, i + BATCH))} AS row\nMERGE (n:\`${type}\` {id: row.id})\nSET n += row;`);
    }
  }
  const groups = new Map<string, GraphDump['edges']>();
  for (const e of graph.edges) {
    const key = `${e.type}|${typeOfId(e.from)}|${typeOfId(e.to)}`;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  for (const [key, edges] of groups) {
    const [type, from, to] = key.split('|') as [RelType, NodeType, NodeType];
    if (!REL_TYPES[type].pairs.some(([a, b]) => a === from && b === to)) continue;
    const rows = edges.map((e) => ({ src: e.from, dst: e.to, props: { ...e.evidence, ...e.props } }));
    for (let i = 0; i < rows.length; i += BATCH) {
      out.push(
        `UNWIND ${literal(rows.slice(i, i + BATCH))} AS row\n` +
          `MATCH (a:\`${from}\` {id: row.src})\nMATCH (b:\`${to}\` {id: row.dst})\n` +
          `CREATE (a)-[r:\`${type}\`]->(b)\nSET r = row.props;`,
      );
    }
  }
  return out.join('\n') + '\n';
}
