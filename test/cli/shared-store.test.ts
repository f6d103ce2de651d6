/**
 * One embedded store, several processes: `query` and `ingest` against a store that `serve`
 * holds open (through the server, which shows the new documents at once); two ingests take
 * turns; `query` never creates a store.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireIngestLock, lockPath } from '../../src/graph/stores/ingest-lock.ts';
import { fixtureGraphs } from '../api/fixture.ts';
import { CLI, kuzuWith, postQuery, ROOT, runCli, servedFixture } from './helpers.ts';

const SAMPLES = join(ROOT, 'ingest');

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('one store shared by serve, query and ingest', () => {
  const ctx = servedFixture();

  it('query answers through the running server', async () => {
    const r = await runCli(['query', '--db', ctx.store.db, '{ stats { documents } }']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).data.stats.documents).toBe(fixtureGraphs().length);
  });

  it('ingest goes in through the running server, which serves the new document straight away', async () => {
    const folder = join(ctx.store.dir, 'new');
    mkdirSync(folder);
    copyFileSync(join(SAMPLES, 'eastholme-childrens-select-2025-10-06.txt'), join(folder, 'eastholme-childrens-select-2025-10-06.txt'));
    const r = await runCli(['ingest', '--db', ctx.store.db, '--root', ctx.store.dir, folder]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/through the server that serves it \(process \d+\)/);
    expect(r.stdout).toMatch(/documents: 1 ingested/);
    const served2 = await postQuery(ctx.served.url, `{ stats { documents } meetings(from: "2025-10-06", to: "2025-10-06") { date } }`);
    expect(served2.data.stats.documents).toBe(fixtureGraphs().length + 1);
    expect(served2.data.meetings.map((m: { date: string }) => m.date)).toContain('2025-10-06');
    // Searchable within a few seconds (the server rebuilds its search indexes after writes).
    await until('the new meeting in search', async () => {
      const s = await postQuery(ctx.served.url, '{ search(text: "Eastholme", first: 5) { type label } }');
      return s.data?.search?.length > 0;
    });
    const viaCli = await runCli(['query', '--db', ctx.store.db, '{ stats { documents } }']);
    expect(JSON.parse(viaCli.stdout).data.stats.documents).toBe(fixtureGraphs().length + 1);
  }, 120_000);

  it('serialises ingests into one store; one that finds another running says it is waiting', async () => {
    const b = join(ctx.store.dir, 'b');
    mkdirSync(b);
    copyFileSync(join(SAMPLES, 'eastholme-corporate-parenting-2024-07-15.txt'), join(b, 'eastholme-corporate-parenting-2024-07-15.txt'));
    // This process holds the lock as a running ingest would, for as long as the test likes.
    const release = await acquireIngestLock(ctx.store.db, () => undefined);
    const child = spawn(process.execPath, [CLI, 'ingest', '--db', ctx.store.db, '--root', ctx.store.dir, b], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    const done = new Promise<number | null>((resolve) => child.once('close', resolve));
    await until('the second ingest to say it waits', async () => /waiting for it to finish/.test(stderr));
    expect(stderr).toMatch(new RegExp(`another ingest \\(process ${process.pid}, since .*\\) is writing to .*; waiting for it to finish`));
    const before = await postQuery(ctx.served.url, '{ stats { documents } }');
    expect(before.data.stats.documents).toBe(fixtureGraphs().length + 1);
    release();
    expect(await done, stderr).toBe(0);
    const after = await postQuery(ctx.served.url, '{ stats { documents } }');
    expect(after.data.stats.documents).toBe(fixtureGraphs().length + 2);
    expect(existsSync(lockPath(ctx.store.db))).toBe(false);
  }, 120_000);

  it('two ingests started together both go in, one after the other', async () => {
    const dirs = ['c', 'd'].map((n) => join(ctx.store.dir, n));
    const files = ['northbridge-cyp-2025-09-16.txt', 'northbridge-health-wellbeing-board-2025-06-24.md'];
    dirs.forEach((d, i) => {
      mkdirSync(d);
      copyFileSync(join(SAMPLES, files[i]!), join(d, files[i]!));
    });
    const results = await Promise.all(dirs.map((d) => runCli(['ingest', '--db', ctx.store.db, '--root', ctx.store.dir, d])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const r = await postQuery(ctx.served.url, '{ stats { documents } }');
    expect(r.data.stats.documents).toBe(fixtureGraphs().length + 4);
  }, 120_000);
});

describe('commands that need a store', () => {
  it('query on a path without a store says so, exits 1, and creates nothing', async () => {
    const store = await kuzuWith([]);
    try {
      const nowhere = join(store.dir, 'no-store-here');
      const r = await runCli(['query', '--db', nowhere, '{ stats { documents } }']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/there is no councilgraph store at .*no-store-here.*councilgraph ingest --db/);
      expect(existsSync(nowhere)).toBe(false);
      const serve = await runCli(['serve', '--db', nowhere, '--port', '0']);
      expect(serve.code).toBe(1);
      expect(serve.stderr).toMatch(/there is no councilgraph store at/);
      expect(existsSync(nowhere)).toBe(false);
    } finally {
      store.remove();
    }
  });
});
