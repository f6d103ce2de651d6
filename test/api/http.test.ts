/**
 * The HTTP front: POST/GET /graphql, the playground page, /healthz, the dashboard's static
 * files (or the page saying how to build it), limits on bodies, and responsiveness while
 * hostile queries are being refused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from '../../src/api/http.ts';
import { createApi, type Api } from '../../src/api/server.ts';
import { ID, fixtureGraphs } from './fixture.ts';
import { MemoryStore, memoryStoreWith } from './memory-store.ts';
import { capturingLogger } from './harness.ts';
import { silentLogger } from '../../src/api/logger.ts';

const HELEN = `query($name: String!) { person(name: $name) { name presented { title meeting { date body { name } } } } }`;

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any, headers: res.headers };
}

describe('HTTP server', () => {
  const capture = capturingLogger();
  let dir: string;
  let store: MemoryStore;
  let api: Api;
  let server: RunningServer;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'councilgraph-http-'));
    mkdirSync(join(dir, 'playground/assets'), { recursive: true });
    writeFileSync(join(dir, 'playground/index.html'), '<!doctype html><html><head><title>pg</title></head><body>playground</body></html>');
    writeFileSync(join(dir, 'playground/assets/app-123.js'), 'console.log(1)');
    // As `npm run build:web` leaves a bundle: Brotli and gzip copies beside each file.
    const bundle = `export const big = ${JSON.stringify('graphiql '.repeat(5000))};`;
    writeFileSync(join(dir, 'playground/assets/big-456.js'), bundle);
    writeFileSync(join(dir, 'playground/assets/big-456.js.br'), brotliCompressSync(bundle));
    writeFileSync(join(dir, 'playground/assets/big-456.js.gz'), gzipSync(bundle));
    mkdirSync(join(dir, 'dashboard/assets'), { recursive: true });
    writeFileSync(join(dir, 'dashboard/index.html'), '<!doctype html><title>dash</title>dashboard app');
    writeFileSync(join(dir, 'dashboard/assets/main-abc.js'), 'export {}');
    writeFileSync(join(dir, 'secret.txt'), 'not for the web');
    store = await memoryStoreWith(fixtureGraphs());
    api = await createApi(store, { logger: capture.logger });
    server = await startHttpServer(api, { port: 0, playgroundDir: join(dir, 'playground'), dashboardDir: join(dir, 'dashboard') });
    url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the headline question over POST /graphql', async () => {
    const r = await post(url, { query: HELEN, variables: { name: 'Helen Sweatton' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/(graphql-response\+)?json/);
    expect(r.json.data.person.name).toBe('Helen Sweaton');
    expect(r.json.data.person.presented.map((i: { title: string }) => i.title)).toEqual([
      "Children's and Young People's Service Annual Outturn Performance Report 2024-2025",
      "The Looked After Children's Sufficiency Strategy 2023-2027 Update",
      'Draft SEND Sufficiency Strategy 2026-2029 Update',
    ]);
  });

  it('answers GET /graphql?query=… for scripts (with the CSRF-safe header)', async () => {
    const q = encodeURIComponent('{ person(name: "Helen Sweaton") { id } }');
    const res = await fetch(`${url}/graphql?query=${q}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.person.id).toBe(ID.helen);
  });

  it('serves the playground at GET /graphql in a browser, with examples filled from the graph', async () => {
    const res = await fetch(`${url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await res.text();
    expect(html).toContain('playground');
    const json = /<script type="application\/json" id="councilgraph-examples">(.*?)<\/script>/s.exec(html)?.[1];
    const examples = JSON.parse(json!.replace(/\\u003c/g, '<'));
    expect(examples.map((e: { title: string }) => e.title)).toEqual([
      'Which items did Helen Sweaton present?',
      'A meeting with its attendees',
      "A strategy's history",
      'A path between two people',
      'People with their posts and dates (Popolo-shaped)',
    ]);
    expect(examples[0].variables).toEqual({ name: 'Helen Sweaton' });
    expect(examples[1].variables.id).toBe(ID.m2); // the latest meeting
    expect(examples[3].variables.from).toBe(ID.helen);
    // Every example runs and finds something on this graph.
    for (const e of examples) {
      const r = await post(url, { query: e.query, variables: e.variables });
      expect(r.json.errors, e.title).toBeUndefined();
      expect(JSON.stringify(r.json.data), e.title).not.toMatch(/^\{"[a-z]+":(null|\[\])\}$/);
    }
    const asset = await fetch(`${url}/playground/assets/app-123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('serves bundles compressed when the client accepts it, with ETags and 304s', async () => {
    const path = `${url}/playground/assets/big-456.js`;
    const br = await fetch(path, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('cache-control')).toMatch(/immutable/);
    const etag = br.headers.get('etag');
    expect(etag).toBeTruthy();
    // fetch decodes Brotli itself; the raw length is the compressed file's.
    expect(Number(br.headers.get('content-length'))).toBeLessThan(2000);
    expect(await br.text()).toContain('graphiql graphiql');
    const gz = await fetch(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(path, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBeGreaterThan(40_000);
    const again = await fetch(path, { headers: { 'accept-encoding': 'br, gzip', 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(brotliDecompressSync(brotliCompressSync('x')).toString()).toBe('x');
  });

  it('logs one JSON line per request with its id, status, duration and cost; the id comes back in a header and on errors', async () => {
    const ok = await post(url, { query: HELEN, variables: { name: 'Helen Sweaton' } }, { 'x-request-id': 'test-request-1' });
    expect(ok.headers.get('x-request-id')).toBe('test-request-1');
    const bad = await post(url, { query: '{ people(first: 5000) { name } }' });
    const id = bad.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(bad.json.errors[0].extensions.requestId).toBe(id);
    await new Promise((r) => setTimeout(r, 50));
    const lines = capture.lines.map((l) => JSON.parse(l));
    const line = lines.find((l) => l.requestId === 'test-request-1');
    expect(line).toMatchObject({ msg: 'request', method: 'POST', path: '/graphql', status: 200 });
    expect(line.ms).toBeGreaterThan(0);
    expect(line.cost).toBeGreaterThan(0);
    expect(lines.find((l) => l.requestId === id)).toMatchObject({ status: 400 });
  });

  it('reports liveness and store reachability at /healthz', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: { kind: 'kuzu', reachable: true } });
  });

  it('serves the dashboard at / with client-side routes, and refuses paths outside it', async () => {
    const root = await fetch(`${url}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('dashboard app');
    expect((await fetch(`${url}/assets/main-abc.js`)).status).toBe(200);
    expect(await (await fetch(`${url}/person/abc?x=1`)).text()).toContain('dashboard app');
    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
    for (const evil of ['/..%2Fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2F..%2Fsecret.txt']) {
      const res = await fetch(`${url}${evil}`);
      expect(await res.text(), evil).not.toContain('not for the web');
    }
  });

  it('refuses oversized bodies and malformed JSON with a GraphQL-shaped error', async () => {
    const big = await post(url, { query: `{ stats { documents } }`, variables: { pad: 'x'.repeat(200_000) } });
    expect(big.status).toBe(413);
    expect(big.json.errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
    const long = await post(url, { query: `{ stats { documents } } #${'x'.repeat(25_000)}` });
    expect(long.json.errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
    const bad = await post(url, '{"query": ');
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('stays responsive for a normal query while hostile ones are refused', async () => {
    const fields = Array.from({ length: 40 }, (_, i) => `a${i}: stats { documents }`).join(' ');
    const hostile = [
      '{ meetings(first: 1000) { items { presenters { presented(first: 1000) { meeting { items { title } } } } } } }',
      `{ person(name: "x") { ${'presented(first: 1) { meeting { chair { '.repeat(6)}id${' } } }'.repeat(6)} } }`,
      `{ ${fields} }`,
      '{ people(first: 100000) { name } }',
      '{ neighbourhood(id: "x", depth: 50) { nodes { id } } }',
      '{ path(from: "a", to: "b", maxHops: 99) { nodes { id } } }',
      'mutation { correct(input: { kind: MERGE, ids: ["a", "b"] }) { id } }',
      `{ ${'__typename '.repeat(5000)} }`.slice(0, 19_000),
    ];
    // Ten attackers send hostile queries back to back while a user asks the headline question
    // ten times in a row. (Client and server share this process and its core.)
    const refused: { json: any; ms: number }[] = [];
    let attacking = true;
    const attacker = async (k: number) => {
      for (let i = k; attacking; i++) {
        const started = performance.now();
        const r = await post(url, { query: hostile[i % hostile.length] });
        refused.push({ json: r.json, ms: performance.now() - started });
      }
    };
    const attackers = Array.from({ length: 10 }, (_, k) => attacker(k));
    await new Promise((r) => setTimeout(r, 200));
    const normalMs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const normal = await post(url, { query: HELEN, variables: { name: 'Helen Sweaton' } });
      normalMs.push(performance.now() - started);
      expect(normal.json.data.person.presented).toHaveLength(3);
    }
    attacking = false;
    await Promise.all(attackers);
    normalMs.sort((a, b) => a - b);
    expect(refused.length).toBeGreaterThan(50);
    // Loose: client, ten attackers and server share one process on a loaded 2-core machine; a
    // stall (a hostile query holding the event loop) shows as seconds, not hundreds of ms.
    expect(normalMs[5]!, `normal query latencies under attack: ${normalMs.map((m) => m.toFixed(0)).join(', ')} ms`).toBeLessThan(600);
    expect(normalMs[9]!).toBeLessThan(1000);
    for (const r of refused) {
      expect(r.json.data ?? null).toBeNull();
      expect(typeof r.json.errors?.[0]?.extensions?.code).toBe('string');
      expect(r.ms).toBeLessThan(1000);
    }
    const codes = new Set(refused.map((r) => r.json.errors[0].extensions.code));
    expect(codes).toEqual(new Set(['COST_LIMIT_EXCEEDED', 'DEPTH_LIMIT_EXCEEDED', 'ALIAS_LIMIT_EXCEEDED', 'BAD_USER_INPUT', 'READ_ONLY', 'GRAPHQL_PARSE_FAILED']));
  });
});

describe('HTTP server without built bundles or a working store', () => {
  class DownStore extends MemoryStore {
    override async list(): Promise<never> {
      throw new Error('connection refused');
    }
  }

  it('explains how to build the dashboard and playground, and reports the store unreachable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'councilgraph-http-'));
    const api = await createApi(new DownStore(), { logger: silentLogger() });
    const server = await startHttpServer(api, { port: 0, playgroundDir: join(dir, 'none'), dashboardDir: join(dir, 'none') });
    try {
      const root = await fetch(`${server.url}/`);
      expect(root.status).toBe(200);
      const text = await root.text();
      expect(text).toContain('npm run build:web');
      expect(text).toContain('href="/graphql"');
      const pg = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(pg.status).toBe(503);
      expect(await pg.text()).toContain('npm run build:web');
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'unavailable', store: { reachable: false, error: 'connection refused' } });
    } finally {
      await server.close();
      await api.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('HTTP request timeout', () => {
  it('answers 503 REQUEST_TIMEOUT when the store is too slow, without waiting for it', async () => {
    const store = await memoryStoreWith(fixtureGraphs());
    store.delayMs = 500;
    const api = await createApi(store, { limits: { timeoutMs: 100 }, logger: silentLogger() });
    const server = await startHttpServer(api, { port: 0 });
    try {
      const started = performance.now();
      const r = await post(server.url, { query: HELEN, variables: { name: 'Helen Sweaton' } });
      expect(performance.now() - started).toBeLessThan(400);
      expect(r.status).toBe(503);
      expect(r.json.errors[0].extensions.code).toBe('REQUEST_TIMEOUT');
      expect(r.json.errors[0].message).toMatch(/longer than the 100 ms allowed/);
    } finally {
      await server.close();
      await api.stop();
    }
  });
});
