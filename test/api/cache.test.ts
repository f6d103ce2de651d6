/**
 * The caches `serve` runs with: store reads shared across requests, and whole responses to
 * identical POSTs. They must never answer from before a write, must not keep failures, and a
 * TTL bounds staleness where others can write (Neo4j).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from '../../src/api/http.ts';
import { ReadCache } from '../../src/api/read-cache.ts';
import { createApi, type Api } from '../../src/api/server.ts';
import { fixtureGraphs, ID } from './fixture.ts';
import { MemoryStore, memoryStoreWith } from './memory-store.ts';
import { silentLogger } from '../../src/api/logger.ts';

const HELEN = '{ person(name: "Helen Sweaton") { presented { title } } }';

describe('ReadCache', () => {
  it('reads each id once across calls, and only the ids not yet read', async () => {
    const store = await memoryStoreWith(fixtureGraphs());
    const cache = new ReadCache(store, { ttlMs: null });
    await cache.related([ID.helen], 'PRESENTED', 'out');
    await cache.related([ID.helen, ID.mark], 'PRESENTED', 'out');
    const rows = await cache.related([ID.helen, ID.mark], 'PRESENTED', 'out');
    expect(rows.map((r) => r.from).sort()).toEqual([ID.helen, ID.helen, ID.helen, ID.mark]);
    expect(store.calls.get('related:PRESENTED:out')).toBe(2);
    const nodes = await cache.nodes('Person', [ID.mark, ID.helen, 'person:nobody', ID.mark]);
    expect(nodes.map((n) => n.id)).toEqual([ID.mark, ID.helen, ID.mark]);
    await cache.nodes('Person', ['person:nobody']);
    expect(store.calls.get('nodes:Person')).toBe(1);
  });

  it('shares one store call between concurrent misses', async () => {
    const store = await memoryStoreWith(fixtureGraphs());
    store.delayMs = 20;
    const cache = new ReadCache(store, { ttlMs: null });
    await Promise.all([cache.list('Person', { first: 5, offset: 0 }), cache.list('Person', { first: 5, offset: 0 })]);
    expect(store.calls.get('list:Person')).toBe(1);
  });

  it('forgets everything on a write through it, and entries older than the TTL', async () => {
    const store = await memoryStoreWith(fixtureGraphs());
    const cache = new ReadCache(store, { ttlMs: 50 });
    await cache.counts();
    await cache.counts();
    expect(store.calls.get('counts')).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    await cache.counts();
    expect(store.calls.get('counts')).toBe(2);
    const generation = cache.generation;
    await cache.removeDocument(ID.doc4);
    expect(cache.generation).toBe(generation + 1);
    expect((await cache.counts()).documents).toBe(3);
  });

  it('is bounded by bytes, not entries: the least recently used go first', async () => {
    const store = await memoryStoreWith(fixtureGraphs());
    const cache = new ReadCache(store, { ttlMs: null, maxBytes: 20_000 });
    for (let i = 0; i < 200; i++) await cache.list('Person', { search: `name ${i}`, first: 5, offset: 0 });
    await cache.list('Person', { first: 100, offset: 0 });
    expect(cache.bytes).toBeLessThanOrEqual(20_000);
    expect(cache.size).toBeLessThan(200);
    // The most recent entry is still there.
    const calls = store.calls.get('list:Person');
    await cache.list('Person', { first: 100, offset: 0 });
    expect(store.calls.get('list:Person')).toBe(calls);
  });

  it('does not keep a failed read', async () => {
    class Flaky extends MemoryStore {
      fail = true;
      override async counts() {
        if (this.fail) throw new Error('down');
        return super.counts();
      }
    }
    const store = new Flaky();
    const cache = new ReadCache(store, { ttlMs: null });
    await expect(cache.counts()).rejects.toThrow('down');
    store.fail = false;
    await expect(cache.counts()).resolves.toMatchObject({ documents: 0 });
  });
});

describe('response cache over HTTP', () => {
  let api: Api;
  let server: RunningServer;
  afterEach(async () => {
    await server?.close();
    await api?.stop();
  });

  async function post(body: string) {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return (await res.json()) as any;
  }

  it('answers an identical POST from memory until the data changes', async () => {
    const store = await memoryStoreWith(fixtureGraphs());
    api = await createApi(store, { cache: { ttlMs: null }, logger: silentLogger() });
    server = await startHttpServer(api, { port: 0 });
    const body = JSON.stringify({ query: HELEN });
    const first = await post(body);
    store.resetCalls();
    expect(await post(body)).toEqual(first);
    expect(store.calls.size).toBe(0);
    expect(api.responseCache!.hits).toBe(1);
    // A write through the API's store (the only writer an embedded store can have) invalidates.
    await api.store.removeDocument(ID.doc2);
    const after = await post(body);
    expect(after.data.person.presented).toHaveLength(1);
  });

  it('never keeps errors', async () => {
    const store = await memoryStoreWith(fixtureGraphs());
    api = await createApi(store, { cache: { ttlMs: null }, logger: silentLogger() });
    server = await startHttpServer(api, { port: 0 });
    const body = JSON.stringify({ query: '{ people(first: 5000) { name } }' });
    await post(body);
    await post(body);
    expect(api.responseCache!.hits).toBe(0);
    expect(api.responseCache!.size).toBe(0);
  });

  it('can be left out (COUNCILGRAPH_CACHE=data)', async () => {
    const store = await memoryStoreWith(fixtureGraphs());
    api = await createApi(store, { cache: { ttlMs: null, responses: false }, logger: silentLogger() });
    expect(api.responseCache).toBeNull();
    expect(api.readCache).not.toBeNull();
  });
});
