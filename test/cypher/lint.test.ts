/**
 * Every Neo4j-dialect statement the store can run (schema, writes, reads, every instantiation
 * of every template) is linted by Neo4j's own language support with the model's labels,
 * relation types, property keys and the statement's parameters declared: zero diagnostics.
 * This is how the Neo4j side is checked on machines without a Neo4j server.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES, NODE_TYPE_NAMES, REL_TYPE_NAMES } from '../../src/graph/model.ts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, loadedFiles } from '../../src/graph/stores/queries.ts';
import { CYPHER_DIR } from '../../src/graph/stores/paths.ts';
import { CLAIMS_PROP, HAS_KEY, HAS_KEY_PROPS, INTERNAL_NODE_PROPS, INTERNAL_TABLES, EVIDENCE_PROPS } from '../../src/graph/stores/schema.ts';
import { REL_TYPES } from '../../src/graph/model.ts';

// The package's ESM build has extension-less imports that Node cannot resolve; its CJS build works.
const require = createRequire(import.meta.url);
const { lintCypherQuery, testData } = require('@neo4j-cypher/language-support') as typeof import('@neo4j-cypher/language-support');

const propertyKeys = new Set<string>(Object.keys(EVIDENCE_PROPS));
for (const t of NODE_TYPE_NAMES) for (const p of Object.keys(NODE_TYPES[t].props)) propertyKeys.add(p);
for (const extra of Object.values(INTERNAL_NODE_PROPS)) for (const p of Object.keys(extra ?? {})) propertyKeys.add(p);
for (const t of REL_TYPE_NAMES) for (const p of Object.keys(REL_TYPES[t].props)) propertyKeys.add(p);
// The stores' own bookkeeping, declared beside the model (src/graph/stores/schema.ts).
for (const props of Object.values(INTERNAL_TABLES)) for (const p of Object.keys(props)) propertyKeys.add(p);
for (const p of Object.keys(HAS_KEY_PROPS)) propertyKeys.add(p);
propertyKeys.add(CLAIMS_PROP);
const labels = [...NODE_TYPE_NAMES, ...Object.keys(INTERNAL_TABLES)];
const relationshipTypes = [...REL_TYPE_NAMES, HAS_KEY];

const statements = catalogue('neo4j');

describe('Neo4j Cypher lint', () => {
  it('covers the schema, writes and reads', () => {
    expect(statements.length).toBeGreaterThan(200);
    expect(statements.some((s) => s.name.startsWith('schema#'))).toBe(true);
  });

  it.each(statements.map((s) => [s.name, s] as const))('%s has zero diagnostics', (_name, s) => {
    const diagnostics = lintCypherQuery(s.text, {
      labels,
      relationshipTypes,
      propertyKeys: [...propertyKeys],
      parameters: Object.fromEntries(s.params.map((p) => [p, p === 'rows' || p === 'ids' || p === 'touched' ? [] : ''])),
      functions: testData.mockSchema.functions,
      procedures: testData.mockSchema.procedures,
    });
    expect(diagnostics.map((d) => `${d.message} @${d.offsets.start}: ${s.text.slice(d.offsets.start, d.offsets.end)}`)).toEqual([]);
  });

  it('reaches every Neo4j-dialect and shared .cypher file', () => {
    const files = ['common', 'neo4j'].flatMap((d) => readdirSync(join(CYPHER_DIR, d)).map((f) => join(CYPHER_DIR, d, f)));
    expect(files.filter((f) => !loadedFiles().includes(f))).toEqual([]);
  });

  it('catches a real mistake (the linter is live)', () => {
    const diagnostics = lintCypherQuery('MATCH (n:Persn) RETURN n.id, $missing', {
      labels: NODE_TYPE_NAMES,
      relationshipTypes: REL_TYPE_NAMES,
      parameters: {},
      functions: testData.mockSchema.functions,
      procedures: testData.mockSchema.procedures,
    });
    expect(diagnostics.length).toBeGreaterThanOrEqual(2);
  });
});
