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
import { catalogue, loadStatements } from '../../src/graph/stores/queries.ts';
import { kuzuSchema, neo4jSchema, schemaPath } from '../../src/graph/stores/schema.ts';
import { tempDir } from '../graph/helpers.ts';

describe('schema files', () => {
  it('equal what the model generates (regenerate: npx tsx src/graph/stores/schema.ts --write)', () => {
    expect(readFileSync(schemaPath('kuzu'), 'utf8')).toBe(kuzuSchema());
    expect(readFileSync(schemaPath('neo4j'), 'utf8')).toBe(neo4jSchema());
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
    expect(neo4jDdl).toContain('CREATE FULLTEXT INDEX councilgraph_search');
  });
});

describe('Kuzu statements', () => {
  const dir = tempDir();
  let db: InstanceType<typeof kuzu.Database>;
  let conn: InstanceType<typeof kuzu.Connection>;

  beforeAll(async () => {
    db = new kuzu.Database(join(dir.path, 'db'));
    conn = new kuzu.Connection(db);
    for (const s of loadStatements('kuzu', 'schema')) await conn.query(s);
  });
  afterAll(async () => {
    await db.close();
    dir.remove();
  });

  const statements = catalogue('kuzu').filter((s) => !s.name.startsWith('schema#'));
  it.each(statements.map((s) => [s.name, s] as const))('%s binds in Kuzu', async (_name, s) => {
    const ps = await conn.prepare(s.text);
    expect(ps.isSuccess() ? '' : ps.getErrorMessage()).toBe('');
  });
});
