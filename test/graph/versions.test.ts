/**
 * Stores record the model version they were written with. An older model's store is migrated
 * in place where the new model only adds to it (and its documents are rebuilt by the next
 * ingest of their files); anything else is refused with a message saying what to do.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import kuzu from 'kuzu';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/graph/stores/kuzu.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import { MODEL_VERSION } from '../../src/graph/stores/versions.ts';
import { closeSharedPool } from '../../src/ingest/extract-pool.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { tempDir } from './helpers.ts';

const dir = tempDir('councilgraph-versions-');
afterAll(async () => {
  await closeSharedPool();
  dir.remove();
});

async function raw(path: string, statements: string[]): Promise<void> {
  const db = new kuzu.Database(join(path, DATABASE_FILE));
  const conn = new kuzu.Connection(db);
  for (const s of statements) {
    const r = await conn.query(s);
    for (const x of Array.isArray(r) ? r : [r]) x.close();
  }
  await db.close();
}

const MINUTES = 'MINUTES OF THE CABINET\nMonday 1 March 2025\n\nPresent: Councillor Hartley (in the Chair).\n\n1. THE X REPORT\n\nThe report was noted.\n';

describe('store versions', () => {
  it('records the model version, and refuses a store from before versions, naming its documents and what to do', async () => {
    const fresh = join(dir.path, 'fresh');
    const store = await openStore({ db: fresh }, {});
    await store.close();
    const old = join(dir.path, 'old');
    mkdirSync(old);
    await raw(old, [
      'CREATE NODE TABLE Document(id STRING, path STRING, name STRING, sha256 STRING, format STRING, touched STRING[], PRIMARY KEY(id))',
      "CREATE (:Document {id: 'doc:minutes.txt', path: '/home/clerk/minutes/minutes.txt', name: 'minutes.txt', sha256: 'x', format: 'text'})",
    ]);
    await expect(openStore({ db: old }, {})).rejects.toThrow(
      /written by an earlier councilgraph, from before stores recorded their version.*councilgraph ingest --db NEW_PATH --root DIR.*came from: \/home\/clerk\/minutes\/minutes\.txt/,
    );
  });

  it('migrates an older model that the current one only adds to, and the next ingest rebuilds its documents', async () => {
    const path = join(dir.path, 'older');
    const corpus = join(dir.path, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'cabinet.txt'), MINUTES);
    let store = await openStore({ db: path }, {});
    await ingestPaths(store, [corpus], { root: dir.path });
    await store.close();
    // As if written by a model without the CHAIRED_BY relation and Document.model.
    await raw(path, ["MATCH (s:StoreInfo) SET s.model = 'older-model'", 'DROP TABLE CHAIRED_BY', 'ALTER TABLE Document DROP model']);
    store = await openStore({ db: path }, {});
    expect((await store.counts()).relations.CHAIRED_BY).toBe(0);
    const again = await ingestPaths(store, [corpus], { root: dir.path });
    expect(again.documents).toMatchObject({ ingested: 1, skipped: 0, failed: 0 });
    const third = await ingestPaths(store, [corpus], { root: dir.path });
    expect(third.documents).toMatchObject({ ingested: 0, skipped: 1 });
    await store.close();
    expect(MODEL_VERSION).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses a store whose columns changed type, or from a newer councilgraph', async () => {
    const changed = join(dir.path, 'changed');
    await (await openStore({ db: changed }, {})).close();
    await raw(changed, ["MATCH (s:StoreInfo) SET s.model = 'other-model'", 'ALTER TABLE Topic DROP name', 'ALTER TABLE Topic ADD name INT64']);
    await expect(openStore({ db: changed }, {})).rejects.toThrow(/Topic\.name is INT64, not STRING, so it cannot be migrated in place.*--db NEW_PATH/);
    const newer = join(dir.path, 'newer');
    await (await openStore({ db: newer }, {})).close();
    await raw(newer, ['MATCH (s:StoreInfo) SET s.version = 99']);
    await expect(openStore({ db: newer }, {})).rejects.toThrow(/written by a newer councilgraph \(store format 99/);
  });
});
