/**
 * `npm run bench:api`: the GraphQL server under load, at several corpus sizes, beside its floor.
 *
 * For each size (default 200, 2,000 and 20,000 synthetic meetings from test/generate):
 *  1. a store holding that corpus: ingested into a temporary Kuzu store, or kept under
 *     `--stores DIR` (as DIR/kuzu-<meetings>) and reused by later runs; with `--neo4j URI`, the
 *     Neo4j database there, grown size by size (the first N meetings of a larger corpus are the
 *     corpus of N);
 *  2. the questions of api-queries.ts, each request with other variables (the busiest
 *     presenters, the longest meetings, the most discussed strategies, pairs of presenters);
 *  3. one server per mode in a child process, 50 connections per question for `--duration` s:
 *       kuzu   COUNCILGRAPH_INDEX=off COUNCILGRAPH_CACHE=off: every read goes to the store
 *       off    COUNCILGRAPH_CACHE=off: nothing cached; reads from the in-memory index of the
 *              graph the server builds at start and after each write (src/graph/memory)
 *       data   COUNCILGRAPH_CACHE=data: store reads cached, every request executed
 *       full   as `serve` runs by default: whole responses cached too
 *       floor  graphql-js `execute` over the same graph as plain objects behind node:http (floor.ts)
 *     The answers of every mode are compared with the first mode's before the load (bytes for
 *     the headline, meeting and strategy questions; sizes for the others).
 *  4. a table per question: requests/s (p50 / p99 ms) per mode and size, errors, server memory,
 *     and the targets beside them.
 *
 *   npm run bench:api [-- --sizes 200,2000,20000 --modes kuzu,off,data,floor --duration 10
 *                        --connections 50 --stores DIR --queries headline,meeting --neo4j URI
 *                        --server-root DIR --json FILE]
 *
 * `--server-root` runs another checkout's `bin/councilgraph.js` (before/after comparisons).
 */
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../../test/generate/corpus.ts';
import { GraphSnapshot } from '../graph/memory/snapshot.ts';
import type { IngestStore } from '../graph/store.ts';
import { openStore } from '../graph/stores/open.ts';
import { closeSharedPool } from '../ingest/extract-pool.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import { benchQueries, QUERY_NAMES, type BenchQuery, type QueryName } from './api-queries.ts';
import { cpuSeconds, load, post, rssMB, startServer, stopServer, type LoadResult, type Running } from './serve.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MODES = ['kuzu', 'off', 'data', 'full', 'floor'] as const;
type Mode = (typeof MODES)[number];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '200,2000,20000' },
    seed: { type: 'string', default: '1' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    modes: { type: 'string', default: 'kuzu,off,data,floor' },
    queries: { type: 'string', default: QUERY_NAMES.join(',') },
    stores: { type: 'string' },
    neo4j: { type: 'string' },
    'server-root': { type: 'string' },
    json: { type: 'string' },
    names: { type: 'string', default: '20' },
  },
});
const sizes = values.sizes.split(',').map(Number).sort((a, b) => a - b);
const modes = values.modes.split(',').map((m) => m.trim()) as Mode[];
for (const m of modes) if (!MODES.includes(m)) throw new Error(`unknown mode "${m}": use ${MODES.join(', ')}`);
const wanted = new Set(values.queries.split(',').map((q) => q.trim()));
const connections = Number(values.connections);
const duration = Number(values.duration);
const serverRoot = resolve(values['server-root'] ?? ROOT);
const neo4j = values.neo4j;
const work = join(tmpdir(), `councilgraph-bench-api-${process.pid}`);

/** The store for `meetings` meetings, ingested if it is not there yet. */
async function storeFor(meetings: number): Promise<{ db?: string; neo4j?: string }> {
  const target = neo4j ? { neo4j } : { db: values.stores ? resolve(values.stores, `kuzu-${meetings}`) : join(work, `kuzu-${meetings}`) };
  if (target.db && existsSync(target.db)) {
    console.log(`store: ${target.db} (kept from an earlier run)`);
    return target;
  }
  const corpus = join(work, `corpus-${meetings}`);
  mkdirSync(corpus, { recursive: true });
  const docs = generateCorpus({ meetings, seed: Number(values.seed) });
  for (const d of docs) writeFileSync(join(corpus, d.name), d.text);
  const store = (await openStore(target)) as IngestStore;
  try {
    if (neo4j) {
      const names = new Set(docs.map((d) => `doc:${d.name}`));
      const foreign = (await store.storedDocuments()).filter((d) => !names.has(d.id));
      if (foreign.length) throw new Error(`the Neo4j database at ${neo4j} holds ${foreign.length} document(s) that are not this bench's (${foreign[0]!.path}…): give the bench an empty database`);
    }
    const t = performance.now();
    const s = await ingestPaths(store, [corpus], { root: corpus });
    console.log(`store: ${meetings} meetings, ${s.documents.ingested} documents ingested (${s.documents.skipped} already there) in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    if (s.documents.failed) throw new Error(`${s.documents.failed} documents failed to ingest: ${s.failures[0]?.error}`);
  } finally {
    await store.close();
    rmSync(corpus, { recursive: true, force: true });
  }
  return target;
}

function startMode(mode: Mode, target: { db?: string; neo4j?: string }): Promise<Running> {
  const storeArgs = target.neo4j ? ['--neo4j', target.neo4j] : ['--db', target.db!];
  if (mode === 'floor') {
    return startServer(['--import', 'tsx', join(ROOT, 'src/bench/floor.ts'), ...storeArgs], {}, /floor POST (http:\/\/\S+)\/graphql/, { cwd: ROOT });
  }
  const env = {
    NODE_ENV: 'production',
    COUNCILGRAPH_CACHE: mode === 'kuzu' ? 'off' : mode,
    COUNCILGRAPH_INDEX: mode === 'kuzu' ? 'off' : 'on',
  };
  return startServer([join(serverRoot, 'bin/councilgraph.js'), 'serve', ...storeArgs, '--port', '0'], env, /GraphQL\s+POST (http:\/\/\S+)\/graphql/);
}

interface Cell extends LoadResult {
  rssMB: number | null;
  /** Server CPU per request (ms): less sensitive than requests/s to what else the machine runs. */
  cpuMs: number | null;
  mismatches: number;
  graphqlErrors: number;
}

/** Compares answers with the reference (bytes, or sizes where stores may choose differently). */
function sameAnswer(q: BenchQuery, a: unknown, b: unknown): boolean {
  if (q.exact) return JSON.stringify(a) === JSON.stringify(b);
  const size = (x: any) => {
    const d = x?.data;
    const v = d?.neighbourhood ?? d?.path ?? d?.search;
    // A neighbourhood cut at the node limit may keep other edges, walked in another order.
    return JSON.stringify([v?.nodes?.length ?? (Array.isArray(v) ? v.length : null), v?.truncated ? null : (v?.edges?.length ?? null)]);
  };
  return size(a) === size(b);
}

async function runMode(mode: Mode, target: { db?: string; neo4j?: string }, queries: BenchQuery[], reference: Map<string, unknown>): Promise<Map<QueryName, Cell>> {
  const server = await startMode(mode, target);
  const out = new Map<QueryName, Cell>();
  try {
    const note = server.banner.split('\n').find((l) => /index |floor: /.test(l));
    if (note) console.log(`  ${mode}: ${note.trim()}`);
    for (const q of queries) {
      const bodies = q.variables.map((v) => JSON.stringify({ query: q.query, variables: v }));
      let mismatches = 0;
      let graphqlErrors = 0;
      for (const [i, body] of bodies.entries()) {
        const answer = await post(server.url, body);
        if (answer.errors) graphqlErrors++;
        const key = `${q.name}#${i}`;
        if (!reference.has(key)) reference.set(key, answer);
        else if (!sameAnswer(q, reference.get(key), answer)) mismatches++;
      }
      if (mismatches) console.log(`  ${mode} ${q.name}: ${mismatches} of ${bodies.length} answers differ from the first mode's`);
      if (graphqlErrors) console.log(`  ${mode} ${q.name}: ${graphqlErrors} of ${bodies.length} answers have errors`);
      for (let i = 0; i < 100; i++) await post(server.url, bodies[i % bodies.length]!); // warm the JIT
      const cpu0 = cpuSeconds(server.child.pid);
      const r = await load(server.url, bodies, connections, duration);
      const cpu1 = cpuSeconds(server.child.pid);
      const cpuMs = cpu0 !== null && cpu1 !== null && r.total > 0 ? ((cpu1 - cpu0) * 1000) / r.total : null;
      out.set(q.name as QueryName, { ...r, rssMB: rssMB(server.child.pid), cpuMs, mismatches, graphqlErrors });
      console.log(`  ${mode.padEnd(5)} ${q.name.padEnd(13)} ${fmt(r)}  ${cpuMs === null ? '' : `${cpuMs.toFixed(2)} ms CPU/request  `}errors ${r.errors + r.timeouts + r.non2xx}; load average ${loadavg()[0]!.toFixed(1)}`);
    }
  } finally {
    await stopServer(server.child);
  }
  return out;
}

function fmt(r: LoadResult | undefined): string {
  if (!r) return '—';
  return `${String(Math.round(r.rps)).padStart(6)} (${r.p50} / ${r.p99})`;
}

const results = new Map<number, Map<Mode, Map<QueryName, Cell>>>();
try {
  console.log(`bench:api  ${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}; ${connections} connections, ${duration} s per question and mode; server ${serverRoot === ROOT ? 'this checkout' : serverRoot}`);
  for (const meetings of sizes) {
    console.log(`\n== ${meetings} meetings`);
    const target = await storeFor(meetings);
    const store = await openStore(target);
    const snapshot = await GraphSnapshot.build(store);
    await store.close();
    const queries = benchQueries(snapshot, Number(values.names)).filter((q) => wanted.has(q.name));
    console.log(`graph: ${snapshot.stats.nodes} nodes, ${snapshot.stats.edges} relations; load average ${loadavg()[0]!.toFixed(1)}`);
    const reference = new Map<string, unknown>();
    const byMode = new Map<Mode, Map<QueryName, Cell>>();
    for (const mode of modes) byMode.set(mode, await runMode(mode, target, queries, reference));
    results.set(meetings, byMode);
  }
} finally {
  await closeSharedPool();
  rmSync(work, { recursive: true, force: true });
}

/* ---- the tables ---- */
const TITLE: Record<Mode, string> = {
  kuzu: 'councilgraph, every read to the store (INDEX=off, CACHE=off)',
  off: 'councilgraph, nothing cached (CACHE=off; in-memory index)',
  data: 'councilgraph, read cache only (CACHE=data)',
  full: 'councilgraph, response cache (as shipped)',
  floor: 'floor: graphql-js execute over plain objects, node:http',
};
console.log(`\nrequests/s (p50 / p99 ms) and server CPU ms per request, ${connections} connections, ${neo4j ? `Neo4j at ${neo4j}` : 'embedded Kuzu'}; load average now ${loadavg()[0]!.toFixed(1)}`);
let failed = false;
for (const q of QUERY_NAMES.filter((n) => wanted.has(n))) {
  console.log(`\n${q}`);
  console.log(`| ${'mode'.padEnd(62)} | ${sizes.map((s) => `${s} meetings`.padEnd(28)).join(' | ')} |`);
  for (const mode of modes) {
    const cells = sizes.map((s) => results.get(s)?.get(mode)?.get(q));
    const errs = cells.reduce((n, c) => n + (c ? c.errors + c.timeouts + c.non2xx : 0), 0);
    console.log(`| ${TITLE[mode].padEnd(62)} | ${cells.map((c) => `${fmt(c)}${c?.cpuMs != null ? ` ${c.cpuMs.toFixed(2)}` : ''}`.padEnd(28)).join(' | ')} |${errs ? ` ${errs} errors/timeouts` : ''}`);
  }
  const cell = (mode: Mode, size: number) => results.get(size)?.get(mode)?.get(q);
  const checks: [string, boolean | null][] = [];
  const mid = sizes.find((s) => s === 2000) ?? sizes[Math.floor(sizes.length / 2)]!;
  const off = (s: number) => cell('off', s);
  if (modes.includes('off')) {
    const m = off(mid);
    checks.push([`nothing cached: p99 ≤ 25 ms at ${mid}`, m ? m.p99 <= 25 : null]);
    checks.push([`nothing cached: ≥ 1,500 req/s at ${mid}`, m ? m.rps >= 1500 : null]);
    const lo = off(sizes[0]!);
    const hi = off(sizes[sizes.length - 1]!);
    checks.push([`nothing cached: p50 at ${sizes[sizes.length - 1]} ≤ 1.5 × p50 at ${sizes[0]}`, lo && hi ? hi.p50 <= 1.5 * Math.max(lo.p50, 1) : null]);
    checks.push(['nothing cached: zero errors and timeouts', sizes.every((s) => off(s)) ? sizes.every((s) => off(s)!.errors + off(s)!.timeouts + off(s)!.non2xx === 0) : null]);
  }
  if (modes.includes('data') && modes.includes('floor')) {
    const ratios = sizes.map((s) => (cell('data', s) && cell('floor', s) ? cell('data', s)!.rps / cell('floor', s)!.rps : null));
    checks.push([`read cache ≥ 0.7 × floor at every size (${ratios.map((r) => (r === null ? '—' : r.toFixed(2))).join(', ')})`, ratios.every((r) => r !== null) ? ratios.every((r) => r! >= 0.7) : null]);
  }
  for (const [label, ok] of checks) {
    console.log(`  target  ${label}: ${ok === null ? 'not measured' : ok ? 'met' : 'NOT met'}`);
    if (q === 'headline' && ok === false) failed = true;
  }
}
console.log('\nserver memory (RSS MB after the load, per mode): ' + sizes.map((s) => `${s}: ${modes.map((m) => `${m} ${Math.round([...(results.get(s)?.get(m)?.values() ?? [])].at(-1)?.rssMB ?? 0)}`).join(', ')}`).join('; '));
if (neo4j) console.log('(Neo4j figures are for the server named; the README says where each was measured.)');
if (values.json) writeFileSync(values.json, JSON.stringify({ sizes, modes, connections, duration, results: Object.fromEntries([...results].map(([s, m]) => [s, Object.fromEntries([...m].map(([k, v]) => [k, Object.fromEntries(v)]))])) }, null, 2));
process.exitCode = failed ? 1 : 0;
