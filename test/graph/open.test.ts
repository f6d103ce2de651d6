import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/graph/stores/kuzu.ts';
import { describeStore, openStore } from '../../src/graph/stores/open.ts';
import { tempDir } from './helpers.ts';

const dir = tempDir('councilgraph-open-');
afterAll(() => dir.remove());

describe('openStore', () => {
  it('creates the embedded store, parent folders included, and reopens it', async () => {
    const path = join(dir.path, 'a', 'b', 'data');
    const store = await openStore({ db: path }, {});
    expect(store.kind).toBe('kuzu');
    expect(existsSync(join(path, DATABASE_FILE))).toBe(true);
    await store.close();
    const again = await openStore({ db: path }, {});
    expect((await again.counts()).documents).toBe(0);
    await again.close();
  });

  it('takes the location from COUNCILGRAPH_DB when --db is absent', async () => {
    const path = join(dir.path, 'from-env');
    const store = await openStore({}, { COUNCILGRAPH_DB: path });
    expect(existsSync(join(path, DATABASE_FILE))).toBe(true);
    await store.close();
    expect(describeStore({}, { COUNCILGRAPH_DB: path })).toBe(`Kuzu at ${resolve(path)}`);
    expect(describeStore({}, {})).toBe(`Kuzu at ${resolve('data')}`);
  });

  it('chooses Neo4j for a bolt URI and says clearly when it cannot reach it', async () => {
    expect(describeStore({ neo4j: 'bolt://db:7687' }, {})).toBe('Neo4j at bolt://db:7687');
    expect(describeStore({}, { NEO4J_URI: 'bolt://x:7687' })).toBe('Neo4j at bolt://x:7687');
    await expect(openStore({ neo4j: 'bolt://127.0.0.1:1' }, {})).rejects.toThrow(/could not reach Neo4j at bolt:\/\/127\.0\.0\.1:1.*docker compose up/);
  });

  it('says which file is locked when another process holds the store', async () => {
    const path = join(dir.path, 'locked');
    const first = await openStore({ db: path }, {});
    try {
      const { spawnSync } = await import('node:child_process');
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', '-e', `import('./src/graph/stores/open.ts').then(m => m.openStore({ db: ${JSON.stringify(path)} }, {})).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`],
        { cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8' },
      );
      expect(child.status).toBe(3);
      expect(child.stderr).toContain(join(path, DATABASE_FILE));
    } finally {
      await first.close();
    }
  });
});
