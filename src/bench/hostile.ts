/**
 * `npm run bench:hostile`: how fast a running server refuses hostile queries, and how /healthz
 * answers meanwhile.
 *
 * 1. Ingests the sample minutes (ingest/) into a temporary Kuzu store (or uses --db).
 * 2. Starts `councilgraph serve` on it in a child process, so server and load each get a core.
 * 3. Times /healthz alone, then fires the hostile family (fragments spreading each other ten
 *    times over seven levels, 27 fragments each spreading the next twice, the same under
 *    `__schema`, lists nested under small `first`, aliases multiplied by fragments, one field
 *    900 times, deep offsets, long strings) from --connections connections for --duration
 *    seconds with autocannon, timing /healthz every 10 ms throughout.
 * 4. Prints the refusals' latency (p50, p99, max), the requests/s refused, and /healthz's
 *    latency before and during the attack. Target: both under 50 ms at p99.
 *
 *   npm run bench:hostile [-- --connections 8 --duration 10 --db PATH]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEEP_OFFSETS, FRAGMENT_FAMILY, longStringQueries } from '../../test/api/hostile-queries.ts';
import { openStore } from '../graph/stores/open.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import { autocannon, startServe, stopServe } from './serve.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET_MS = 50;

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '8' },
    duration: { type: 'string', default: '10' },
    db: { type: 'string' },
  },
});

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
}

function fmt(xs: number[]): string {
  return `p50 ${percentile(xs, 0.5).toFixed(1)} ms   p99 ${percentile(xs, 0.99).toFixed(1)} ms   max ${Math.max(...xs).toFixed(1)} ms   (${xs.length} probes)`;
}

/** Times GET /healthz every 10 ms until `stop()` resolves the returned list. */
function probeHealth(url: string): { stop(): Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return times;
    },
  };
}

const work = mkdtempSync(join(tmpdir(), 'councilgraph-bench-hostile-'));
let server: ChildProcess | undefined;
try {
  const db = values.db ?? join(work, 'kuzu');
  if (!values.db) {
    const store = await openStore({ db });
    await ingestPaths(store, [join(ROOT, 'ingest')], {});
    await store.close();
  }
  const started = await startServe(db);
  server = started.child;
  const { url } = started;

  const bodies = [
    ...Object.values(FRAGMENT_FAMILY).map((query) => ({ query })),
    ...DEEP_OFFSETS.map((o) => ({ query: `{ people(first: 10, offset: ${o}) { name } }` })),
    ...longStringQueries('z'.repeat(90_000)),
  ].map((b) => JSON.stringify(b));
  // Every one of them must be refused with a code, or (an offset the API allows, past the
  // end of the list) answered with an empty list.
  for (const body of bodies) {
    const r = (await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as {
      data?: { people?: unknown[] };
      errors?: { extensions?: { code?: string } }[];
    };
    const empty = Array.isArray(r.data?.people) && r.data.people.length === 0;
    if (!r.errors?.[0]?.extensions?.code && !empty) throw new Error(`not refused with a code: ${body.slice(0, 200)} → ${JSON.stringify(r).slice(0, 200)}`);
  }

  const quiet = probeHealth(url);
  await new Promise((r) => setTimeout(r, 2000));
  const before = await quiet.stop();

  const during = probeHealth(url);
  const r = await autocannon({
    url: `${url}/graphql`,
    connections: Number(values.connections),
    duration: Number(values.duration),
    requests: bodies.map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })),
  });
  const underAttack = await during.stop();

  console.log(`hostile family: ${bodies.length} queries in turn, ${values.connections} connections for ${values.duration} s (${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)})`);
  console.log(`  answered     ${r.requests.average.toFixed(0)} requests/s (${r.requests.total} in all; ${r.non2xx} coded 4xx refusals, the rest empty pages; ${r.errors} connection errors, ${r.timeouts} timeouts)`);
  console.log(`  latency      p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   max ${r.latency.max} ms`);
  console.log(`/healthz alone           ${fmt(before)}`);
  console.log(`/healthz under attack    ${fmt(underAttack)}`);
  const ok = r.latency.p99 < TARGET_MS && percentile(underAttack, 0.99) < TARGET_MS && r.errors + r.timeouts === 0;
  console.log(`target: refusals and /healthz under ${TARGET_MS} ms at p99: ${ok ? 'met' : 'not met'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  if (server) await stopServe(server);
  rmSync(work, { recursive: true, force: true });
}
