/**
 * `npm run bench:api`: the GraphQL server under load on a synthetic corpus.
 *
 * 1. Generates ≥ 2,000 meetings (test/generate) and ingests them with ingestPaths into a
 *    temporary Kuzu store (or reuses one given with --db).
 * 2. Picks the busiest presenter, the synthetic corpus's Helen Sweaton, and checks the query
 *    answers their items.
 * 3. Starts `councilgraph serve` on that store in a child process (production mode), so the
 *    server and the load generator each get a core.
 * 4. Drives the Helen-Sweaton-shaped query (person by name → presented items → meeting and
 *    body) over HTTP with autocannon: 50 connections for 20 s, each connection cycling through
 *    the 20 busiest presenters' names. Prints requests/s, p50, p99 and errors.
 *    Target: p99 under 25 ms, zero errors, for the server as `serve` runs it.
 *
 * It runs once per cache mode (COUNCILGRAPH_CACHE, see `councilgraph serve --help`):
 *   full  as served: store reads and whole responses cached (the target applies here)
 *   data  store reads cached, every request parsed, checked and executed
 *   off   every request goes to Kuzu (add it with --modes full,data,off)
 *
 *   npm run bench:api [-- --meetings 2000 --seed 1 --connections 50 --duration 20 --db PATH --modes full,data]
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../../test/generate/corpus.ts';
import { openStore } from '../graph/stores/open.ts';
import type { GraphStore } from '../graph/store.ts';
import { formatSummary, ingestPaths } from '../ingest/ingest.ts';
import { autocannon, startServe, stopServe } from './serve.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET_P99_MS = 25;

/** The question "which items did Helen Sweaton present?", as the API is asked it. */
export const HEADLINE_QUERY = `query ItemsPresentedBy($name: String!) {
  person(name: $name) {
    name
    presented { number title meeting { date body { name } } }
  }
}`;

const { values } = parseArgs({
  options: {
    meetings: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '20' },
    db: { type: 'string' },
    modes: { type: 'string', default: 'full,data' },
    names: { type: 'string', default: '20' },
  },
});
const modes = values.modes.split(',').map((m) => m.trim());
const meetings = Number(values.meetings);
const connections = Number(values.connections);
const duration = Number(values.duration);

const work = join(tmpdir(), `councilgraph-bench-api-${process.pid}`);
const db = values.db ?? join(work, 'kuzu');

async function buildStore(): Promise<void> {
  if (values.db && existsSync(values.db)) {
    console.log(`store: reusing ${values.db}`);
    return;
  }
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  let t = performance.now();
  const docs = generateCorpus({ meetings, seed: Number(values.seed) });
  let bytes = 0;
  for (const d of docs) {
    writeFileSync(join(corpusDir, d.name), d.text);
    bytes += Buffer.byteLength(d.text);
  }
  console.log(`corpus: ${meetings} meetings → ${docs.length} documents, ${(bytes / 1024 / 1024).toFixed(1)} MB (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  t = performance.now();
  const store = await openStore({ db });
  try {
    const summary = await ingestPaths(store, [corpusDir], { progress: Boolean(process.stderr.isTTY) });
    console.log(`ingested into Kuzu in ${((performance.now() - t) / 1000).toFixed(1)} s: ${formatSummary(summary, 0).split('\n').slice(0, 2).join('; ')}`);
    if (summary.documents.ingested === 0) throw new Error('nothing was ingested; see the failures above');
  } finally {
    await store.close();
  }
}

/** The people who presented most items: the corpus's counterparts of Helen Sweaton. */
async function busiestPresenters(store: GraphStore, n: number): Promise<{ name: string; items: number }[]> {
  // Distinct items: a meeting published twice states the same presentation twice.
  const counts = new Map<string, { name: string; items: Set<string> }>();
  const nameCount = new Map<string, number>();
  for (let offset = 0; ; offset += 1000) {
    const people = await store.list('Person', { first: 1000, offset });
    if (!people.length) break;
    for (const p of people) nameCount.set(p.name, (nameCount.get(p.name) ?? 0) + 1);
    const rows = await store.related(people.map((p) => p.id), 'PRESENTED', 'out');
    const names = new Map(people.map((p) => [p.id, p.name]));
    for (const r of rows) {
      const c = counts.get(r.from) ?? { name: names.get(r.from)!, items: new Set<string>() };
      c.items.add(String(r.node.props.id));
      counts.set(r.from, c);
    }
  }
  // A name two councils share is ambiguous by name alone: leave those out of the rotation.
  const best = [...counts.values()].filter((c) => nameCount.get(c.name) === 1).sort((a, b) => b.items.size - a.items.size || a.name.localeCompare(b.name)).slice(0, n);
  if (!best.length) throw new Error('no one presented anything in this corpus; the extractor found no presenters');
  return best.map((b) => ({ name: b.name, items: b.items.size }));
}

async function post(url: string, body: string): Promise<{ data?: any; errors?: unknown[] }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

/** One load run against a fresh server in `cacheMode`; returns whether the target was met. */
async function run(cacheMode: string, targets: { name: string; items: number }[]): Promise<boolean> {
  const started = await startServe(db, { COUNCILGRAPH_CACHE: cacheMode });
  server = started.child;
  try {
    const bodies = targets.map((t) => JSON.stringify({ query: HEADLINE_QUERY, variables: { name: t.name } }));
    for (const [i, t] of targets.entries()) {
      const check = await post(started.url, bodies[i]!);
      const items = check.data?.person?.presented;
      if (check.errors || !Array.isArray(items) || items.length !== t.items) {
        throw new Error(`the headline query did not answer ${t.items} items for ${t.name}: ${JSON.stringify(check).slice(0, 500)}`);
      }
    }
    for (let i = 0; i < 200; i++) await post(started.url, bodies[i % bodies.length]!); // warm the JIT and caches
    const r = await autocannon({
      url: `${started.url}/graphql`,
      connections,
      duration,
      requests: bodies.map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })),
    });
    const errors = r.errors + r.timeouts + r.non2xx;
    const ok = r.latency.p99 < TARGET_P99_MS && errors === 0;
    console.log(`\ncache ${cacheMode}${cacheMode === 'full' ? ' (as served)' : ''}`);
    console.log(`  requests/s  ${r.requests.average.toFixed(0)}  (${r.requests.total} requests)`);
    console.log(`  latency     p50 ${r.latency.p50} ms   p90 ${r.latency.p90} ms   p99 ${r.latency.p99} ms   max ${r.latency.max} ms`);
    console.log(`  errors      ${errors}  (${r.errors} connection errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx)`);
    console.log(`  target      p99 < ${TARGET_P99_MS} ms and zero errors: ${ok ? 'met' : 'not met'}`);
    return ok;
  } finally {
    await stopServe(started.child);
  }
}

let server: ChildProcess | undefined;
try {
  await buildStore();
  const store = await openStore({ db });
  const targets = await busiestPresenters(store, Number(values.names));
  await store.close();
  const top = targets[0]!;
  console.log(`query: person(name: "${top.name}") → ${top.items} presented items with meeting and body, and ${targets.length - 1} other busy presenters in turn`);
  console.log(`load: ${connections} connections for ${duration} s per run (${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)})`);
  const results = new Map<string, boolean>();
  for (const mode of modes) results.set(mode, await run(mode, targets));
  process.exitCode = (results.get('full') ?? results.get(modes[0]!)) ? 0 : 1;
} finally {
  if (server) await stopServe(server);
  // The generated corpus always goes; the store too unless --db asked to keep it.
  rmSync(work, { recursive: true, force: true });
}
