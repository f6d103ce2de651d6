/**
 * The schema files follow from the graph model, and every Kuzu statement the store can run
 * binds against a real Kuzu database (Kuzu checks labels, properties and types when it
 * prepares a statement, so this is Kuzu's own lint).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import kuzu from 'kuzu';
import { NODE_TYPE_NAMES, NODE_TYPES, REL_TYPE_NAMES, REL_TYPES } from '../../src/graph/model.ts';
import { catalogue, fullTextIndexes, loadStatements } from '../../src/graph/stores/queries.ts';
import { fullTextIndexesPath, kuzuFullTextIndexes, kuzuSchema, neo4jSchema, schemaPath } from '../../src/graph/stores/schema.ts';
import { tempDir } from '../graph/helpers.ts';

describe('schema files', () => {
  it('equal what the model generates (regenerate: npx tsx src/graph/stores/schema.ts --write)', () => {
    expect(readFileSync(schemaPath('kuzu'), 'utf8')).toBe(kuzuSchema());
    expect(readFileSync(schemaPath('neo4j'), 'utf8')).toBe(neo4jSchema());
    expect(readFileSync(fullTextIndexesPath(), 'utf8')).toBe(kuzuFullTextIndexes());
  });

  it('declare every node type, relation type and pair of the model', () => {
    const kuzuDdl = loadStatements('kuzu', 'schema').join('\n');
    const neo4jDdl = loadStatements('neo4j', 'schema').join('\n');
    for (const type of NODE_TYPE_NAMES) {
      expect(kuzuDdl).toContain(`CREATE NODE TABLE IF NOT EXISTS \`${type}\``);
      expect(neo4jDdl).toContain(`FOR (n:\`${type}\`) REQUIRE n.id IS UNIQUE`);
      for (const prop of Object.keys(NODE_TYPES[type].props)) expect(kuzuDdl).toMatch(new RegExp(`\`${type}\`\\([^\\n]*\`${prop}\` `));
    }
    for (const type of REL_TYPE_NAMES) {
      for (const [from, to] of REL_TYPES[type].pairs) {
        expect(kuzuDdl).toMatch(new RegExp(`\`${type}\`\\([^\\n]*FROM \`${from}\` TO \`${to}\``));
      }
    }
    expect(neo4jDdl).toMatch(/CREATE FULLTEXT INDEX councilgraph_text .*fulltext\.analyzer`: 'english'/);
  });
});

describe('Kuzu statements', () => {
  const dir = tempDir();
  let db: InstanceType<typeof kuzu.Database>;
  let conn: InstanceType<typeof kuzu.Connection>;

  beforeAll(async () => {
    db = new kuzu.Database(join(dir.path, 'db'));
    conn = new kuzu.Connection(db);
    for (const s of [...loadStatements('kuzu', 'schema'), ...loadStatements('kuzu', 'full-text-indexes')]) await conn.query(s);
  });
  afterAll(async () => {
    await db.close();
    dir.remove();
  });

  const statements = catalogue('kuzu').filter((s) => !s.name.startsWith('schema#'));
  it.each(statements.map((s) => [s.name, s] as const))('%s binds in Kuzu', async (name, s) => {
    if (name.startsWith('drop-full-text-index ')) {
      // Kuzu cannot prepare DROP_FTS_INDEX: run it, and make the index again for the others.
      const index = fullTextIndexes().find((i) => name.endsWith(` ${i.label}`))!;
      (await conn.query(s.text) as { close(): void }).close();
      (await conn.query(index.statement) as { close(): void }).close();
      return;
    }
    const ps = await conn.prepare(s.text);
    expect(ps.isSuccess() ? '' : ps.getErrorMessage()).toBe('');
  });
});
