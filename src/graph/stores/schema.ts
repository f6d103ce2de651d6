/**
 * The stores' schemas, generated from the graph model (src/graph/model.ts) and kept as
 * cypher/kuzu/schema.cypher and cypher/neo4j/schema.cypher, which the stores load. A test
 * checks the files equal what this generates, so they cannot drift from the model.
 * Regenerate with `npx tsx src/graph/stores/schema.ts --write`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NODE_TYPES, NODE_TYPE_NAMES, REL_TYPES, REL_TYPE_NAMES, type PropType } from '../model.ts';
import { kuzuType, quote } from './dialect.ts';
import { CYPHER_DIR } from './paths.ts';
import { join } from 'node:path';
import type { Dialect } from './dialect.ts';

export function schemaPath(dialect: Dialect): string {
  return join(CYPHER_DIR, dialect, 'schema.cypher');
}

/** Properties every relation carries: its evidence, keyed by the source document. */
export const EVIDENCE_PROPS: Record<string, PropType> = {
  doc: 'string',
  item: 'string?',
  start: 'int',
  end: 'int',
  sentence: 'string',
  rule: 'string?',
};

/**
 * Bookkeeping the stores keep beside the model (never exported, never served):
 *
 * - on a Document: the ids its facts touched (to find its old facts without a scan), how many
 *   facts it has (the consistency check compares), what it contributed to shared nodes
 *   (`claims`), the extraction it was built from and the cross-document resolution used, the
 *   lookup keys and tallies it contributes to cross-document resolution, the write batch
 *   that last wrote it (for crash repair), and its text as ingested with its page starts
 *   (`text`, packed: what the API serves as `Source.text` for the source viewer);
 * - on every other node: `claims`, the multiset of what each supporting document says about
 *   it ("count\tprops"), from which its properties are derived whatever the order documents
 *   arrived in, and recomputed when one is removed.
 */
export const INTERNAL_NODE_PROPS: Partial<Record<keyof typeof NODE_TYPES, Record<string, PropType>>> = {
  Document: {
    touched: 'string[]',
    facts: 'int?',
    claims: 'string?',
    extraction: 'string?',
    summary: 'string?',
    resolution: 'string?',
    council: 'string?',
    meeting: 'string?',
    keys: 'string[]',
    tallies: 'string[]',
    batch: 'string?',
    graph: 'string?',
    model: 'string?',
    text: 'string?',
  },
};

/** Every model node type but Document carries its claims. */
export const CLAIMS_PROP = 'claims';

export function nodeProps(type: keyof typeof NODE_TYPES): Record<string, PropType> {
  const claims: Record<string, PropType> = type === 'Document' ? {} : { [CLAIMS_PROP]: 'string[]' };
  return { ...NODE_TYPES[type].props, ...claims, ...(INTERNAL_NODE_PROPS[type] ?? {}) } as Record<string, PropType>;
}

/**
 * Internal tables: the lookup keys of cross-document resolution (a key's documents through
 * HAS_KEY, its tallies in `counts`, JSON), and one StoreInfo row recording the model version
 * the store was written with and a write batch whose bulk copy is not yet known durable.
 */
export const INTERNAL_TABLES = {
  IndexKey: { id: 'string', counts: 'string?' },
  StoreInfo: { id: 'string', model: 'string', version: 'int', pending: 'string?', written: 'string?' },
} as const satisfies Record<string, Record<string, PropType>>;
export const HAS_KEY = 'HAS_KEY';
export const HAS_KEY_PROPS: Record<string, PropType> = { doc: 'string' };

export function relProps(type: keyof typeof REL_TYPES): Record<string, PropType> {
  return { ...EVIDENCE_PROPS, ...REL_TYPES[type].props };
}

const HEADER = (dialect: string) =>
  `// Generated from src/graph/model.ts by src/graph/stores/schema.ts (${dialect}). Do not edit:\n` +
  `// change the model and run \`npx tsx src/graph/stores/schema.ts --write\`.\n`;

export function kuzuSchema(): string {
  const lines: string[] = [];
  for (const type of NODE_TYPE_NAMES) {
    const cols = Object.entries(nodeProps(type)).map(([name, t]) => `${quote(name)} ${kuzuType(t)}`);
    lines.push(`CREATE NODE TABLE IF NOT EXISTS \`${type}\`(${cols.join(', ')}, PRIMARY KEY(\`id\`));`);
  }
  for (const type of REL_TYPE_NAMES) {
    const pairs = REL_TYPES[type].pairs.map(([a, b]) => `FROM \`${a}\` TO \`${b}\``);
    const cols = Object.entries(relProps(type)).map(([name, t]) => `${quote(name)} ${kuzuType(t)}`);
    lines.push(`CREATE REL TABLE IF NOT EXISTS \`${type}\`(${[...pairs, ...cols].join(', ')});`);
  }
  for (const [table, props] of Object.entries(INTERNAL_TABLES)) {
    const cols = Object.entries(props).map(([name, t]) => `${quote(name)} ${kuzuType(t)}`);
    lines.push(`CREATE NODE TABLE IF NOT EXISTS \`${table}\`(${cols.join(', ')}, PRIMARY KEY(\`id\`));`);
  }
  const keyCols = Object.entries(HAS_KEY_PROPS).map(([name, t]) => `${quote(name)} ${kuzuType(t)}`);
  lines.push(`CREATE REL TABLE IF NOT EXISTS \`${HAS_KEY}\`(FROM \`Document\` TO \`IndexKey\`, ${keyCols.join(', ')});`);
  return HEADER('Kuzu') + lines.join('\n') + '\n';
}

export const FULLTEXT_INDEX = 'councilgraph_text';
/** The index earlier versions made (no stemming); dropped so only one index is kept up to date. */
const OLD_FULLTEXT_INDEX = 'councilgraph_search';

export function fullTextIndexesPath(): string {
  return join(CYPHER_DIR, 'kuzu', 'full-text-indexes.cypher');
}

/**
 * Kuzu's full-text indexes: one per node type with searchable properties (documents are not
 * searched), BM25 over English-stemmed words. The store rebuilds them after writes (see
 * CypherStore.beforeWrite: Kuzu 0.11.3 mis-indexes batched inserts).
 */
export function kuzuFullTextIndexes(): string {
  const lines: string[] = [];
  for (const type of NODE_TYPE_NAMES) {
    if (type === 'Document') continue;
    const props = (NODE_TYPES[type].searchable as string[]).map((p) => `'${p}'`).join(', ');
    lines.push(`CALL CREATE_FTS_INDEX('${type}', '${type.toLowerCase()}_text', [${props}], stemmer := 'english');`);
  }
  return HEADER('Kuzu') + lines.join('\n') + '\n';
}

export function neo4jSchema(): string {
  const lines: string[] = [];
  const searchProps = new Set<string>();
  for (const type of NODE_TYPE_NAMES) {
    const lower = type.toLowerCase();
    lines.push(`CREATE CONSTRAINT ${lower}_id IF NOT EXISTS FOR (n:\`${type}\`) REQUIRE n.id IS UNIQUE;`);
    for (const prop of NODE_TYPES[type].searchable) {
      lines.push(`CREATE INDEX ${lower}_${prop} IF NOT EXISTS FOR (n:\`${type}\`) ON (n.${quote(prop)});`);
      searchProps.add(prop);
    }
    if ('date' in NODE_TYPES[type].props) {
      lines.push(`CREATE INDEX ${lower}_date IF NOT EXISTS FOR (n:\`${type}\`) ON (n.\`date\`);`);
    }
  }
  // Relations are found by their document when it is replaced.
  for (const type of REL_TYPE_NAMES) {
    lines.push(
      `CREATE INDEX rel_${type.toLowerCase()}_doc IF NOT EXISTS FOR ()-[r:\`${type}\`]-() ON (r.\`doc\`);`,
    );
  }
  for (const table of Object.keys(INTERNAL_TABLES)) {
    lines.push(`CREATE CONSTRAINT ${table.toLowerCase()}_id IF NOT EXISTS FOR (n:\`${table}\`) REQUIRE n.id IS UNIQUE;`);
  }
  lines.push(`CREATE INDEX document_batch IF NOT EXISTS FOR (n:\`Document\`) ON (n.\`batch\`);`);
  const labels = NODE_TYPE_NAMES.filter((t) => t !== 'Document').map((t) => `\`${t}\``);
  const props = [...searchProps].sort().map((p) => `n.${quote(p)}`);
  lines.push(`DROP INDEX ${OLD_FULLTEXT_INDEX} IF EXISTS;`);
  // The English analyser stems and drops stop words, as Kuzu's FTS does: both rank alike.
  lines.push(
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${labels.join('|')}) ON EACH [${props.join(', ')}] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'english'}};`,
  );
  return HEADER('Neo4j') + lines.join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  writeFileSync(schemaPath('kuzu'), kuzuSchema());
  writeFileSync(schemaPath('neo4j'), neo4jSchema());
  writeFileSync(fullTextIndexesPath(), kuzuFullTextIndexes());
  console.log('wrote cypher/kuzu/schema.cypher, cypher/kuzu/full-text-indexes.cypher and cypher/neo4j/schema.cypher');
}
