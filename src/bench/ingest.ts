/**
 * `npm run bench:ingest`: the whole ingest pipeline (read → extract → resolve → build → write)
 * over synthetic corpora from test/generate, at each size asked for (default 200, 2,000 and
 * 20,000 meetings), into the embedded Kuzu store (and Neo4j when NEO4J_URI or --neo4j names
 * one). For each size it prints MB/s end to end, time per document, peak memory (RSS), Kuzu's
 * own load time for the same graph (src/bench/kuzu-load.ts: the faster of COPY FROM CSV and one
 * transaction of UNWIND), and the targets beside them.
 *
 * Each size runs in processes of its own, so one size's peak memory is not another's and the
 * corpus generator's is not the ingest's: one writes the corpus, one ingests it (twice: the
 * second run is the unchanged rerun, all skipped), one measures Kuzu's own load.
 *
 *   npm run bench:ingest [-- --meetings 200,2000,20000 --seed 1 --group 4096 --neo4j bolt://localhost:7687]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../graph/stores/open.ts';
import type { IngestStore } from '../graph/store.ts';
import { closeSharedPool } from '../ingest/extract-pool.ts';
import { ingestPaths, type IngestSummary } from '../ingest/ingest.ts';
import type { KuzuLoad } from './kuzu-load.ts';

const { values } = parseArgs({
  options: {
    meetings: { type: 'string', default: '200,2000,20000' },
    seed: { type: 'string', default: '1' },
    neo4j: { type: 'string' },
    group: { type: 'string' },
    /** Internal: the step one child process runs. */
    step: { type: 'string' },
    work: { type: 'string' },
  },
});

/** The targets for ingest (issue 13). */
const TARGET = { mbPerS: 1, peakMb: 1536, overKuzu: 1.5, perDocGrowth: 1.3 };

interface SizeResult {
  meetings: number;
  documents: number;
  mb: number;
  first: IngestSummary;
  rerun: IngestSummary;
  peakMb: number;
  load: [number, number];
  neo4j?: IngestSummary;
}

const mbOf = (bytes: number) => bytes / 1024 / 1024;
const load1 = () => loadavg()[0]!;

function line(label: string, s: IngestSummary): string {
  const mb = mbOf(s.bytes);
  const docs = s.documents.ingested + s.documents.skipped;
  return (
    `${label.padEnd(26)} ${String(docs).padStart(5)} docs  ${(docs / s.seconds).toFixed(1).padStart(7)} docs/s  ` +
    `${(mb / s.seconds).toFixed(2).padStart(6)} MB/s  ${(s.added.relations / s.seconds).toFixed(0).padStart(7)} relations/s  ` +
    `(${s.seconds.toFixed(1)} s, ${s.documents.failed} failed)`
  );
}

/** Child step: writes the generated corpus of `meetings` to `work`/corpus. */
async function generateStep(work: string, meetings: number, seed: number): Promise<void> {
  const { generateCorpus } = await import('../../test/generate/corpus.ts');
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  for (const d of generateCorpus({ meetings, seed })) writeFileSync(join(corpusDir, d.name), d.text);
}

async function ingestInto(store: IngestStore, work: string, group: number | undefined): Promise<[IngestSummary, IngestSummary]> {
  try {
    const first = await ingestPaths(store, [join(work, 'corpus')], { root: work, progress: Boolean(process.stderr.isTTY), group });
    const again = await ingestPaths(store, [join(work, 'corpus')], { root: work });
    return [first, again];
  } finally {
    await store.close();
  }
}

/** Child step: ingests `work`/corpus into a new Kuzu store at `work`/kuzu, then again unchanged. */
async function ingestStep(work: string, group: number | undefined, neo4jUri: string | undefined): Promise<void> {
  const before = load1();
  try {
    const [first, rerun] = await ingestInto(await openStore({ db: join(work, 'kuzu') }), work, group);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const neo4j = neo4jUri ? (await ingestInto(await openStore({ neo4j: neo4jUri }), work, group))[0] : undefined;
    console.log(JSON.stringify({ first, rerun, peakMb, load: [before, load1()], neo4j }));
  } finally {
    // The extraction workers: the process exits once they are stopped.
    await closeSharedPool();
  }
}

/** Runs one step in a child process (the same tsx loader), returning its last stdout line. */
function child(step: string, work: string, extra: string[] = []): string {
  const args = [...process.execArgv, process.argv[1]!, '--step', step, '--work', work, ...extra];
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench:ingest: the ${step} step failed (exit ${r.status ?? r.signal}); its errors are above`);
  return r.stdout.trim().split('\n').at(-1) ?? '';
}

function kuzuLoad(work: string): KuzuLoad {
  const args = [...process.execArgv, new URL('./kuzu-load.ts', import.meta.url).pathname, join(work, 'kuzu'), join(work, 'own-load')];
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench:ingest: measuring Kuzu's own load failed (exit ${r.status ?? r.signal}); its errors are above`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as KuzuLoad;
}

const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');

async function main(): Promise<void> {
  const seed = Number(values.seed);
  const group = values.group === undefined ? undefined : Number(values.group);
  const neo4jUri = values.neo4j ?? process.env.NEO4J_URI;
  if (values.step === 'generate') return generateStep(values.work!, Number(values.meetings), seed);
  if (values.step === 'ingest') return ingestStep(values.work!, group, neo4jUri);

  const sizes = values.meetings!.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !(Number.isInteger(n) && n > 0))) throw new Error(`--meetings takes sizes separated by commas (200,2000,20000), not '${values.meetings}'`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}; ${group ?? 'default'} documents per transaction`);
  const rows: { r: SizeResult; own: KuzuLoad }[] = [];
  for (const meetings of sizes) {
    const work = join(tmpdir(), `councilgraph-bench-ingest-${process.pid}-${meetings}`);
    rmSync(work, { recursive: true, force: true });
    try {
      const t0 = performance.now();
      child('generate', work, ['--meetings', String(meetings), '--seed', String(seed)]);
      const out = JSON.parse(child('ingest', work, group === undefined ? [] : ['--group', String(group)])) as Omit<SizeResult, 'meetings' | 'documents' | 'mb'>;
      const r: SizeResult = { meetings, documents: out.first.files, mb: mbOf(out.first.bytes), ...out };
      console.log(`\n${meetings} meetings → ${r.documents} documents, ${r.mb.toFixed(2)} MB (generated and ingested in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      console.log(line('Kuzu (embedded), first ingest', r.first));
      const f = r.first;
      console.log(`${''.padEnd(26)} added ${f.added.meetings} meetings, ${f.added.people} people, ${f.added.items} items, ${f.added.relations} relations`);
      console.log(
        `${''.padEnd(26)} stages: read+extract ${f.stages.read.toFixed(1)} s, resolve ${f.stages.resolve.toFixed(1)} s, build+write ${f.stages.write.toFixed(1)} s`,
      );
      if (f.failures.length) console.log(`  first failure: ${f.failures[0]!.error}`);
      console.log(line('Kuzu (embedded), unchanged rerun', r.rerun));
      if (r.neo4j) console.log(line('Neo4j, first ingest', r.neo4j));
      console.log(`peak RSS ${r.peakMb.toFixed(0)} MB; load average ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)}`);
      const own = kuzuLoad(work);
      const fmt = (s: number | null) => (s === null ? 'failed' : `${s.toFixed(1)} s`);
      console.log(`Kuzu's own load of the same ${own.nodes} nodes and ${own.relations} relations: COPY FROM CSV ${fmt(own.csv)}, one-transaction UNWIND ${fmt(own.unwind)}`);
      for (const e of own.errors) console.log(`  ${e}`);
      rows.push({ r, own });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  if (!neo4jUri) console.log('\nNeo4j: skipped (no server: set NEO4J_URI=bolt://… or pass --neo4j to include it)');

  // The table, targets beside.
  const perDoc = (r: SizeResult) => (r.first.seconds * 1000) / r.documents;
  const base = rows[0] ? perDoc(rows[0].r) : 0;
  console.log(`\n| meetings | docs | MB | s | MB/s (≥ ${TARGET.mbPerS}) | ms/doc (× smallest, ≤ ${TARGET.perDocGrowth}) | peak RSS MB (≤ ${TARGET.peakMb}) | Kuzu own load s | × own (≤ ${TARGET.overKuzu}) | load avg |`);
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const { r, own } of rows) {
    const floor = Math.min(own.csv ?? Infinity, own.unwind ?? Infinity);
    const over = r.first.seconds / floor;
    const mbs = r.mb / r.first.seconds;
    const growth = perDoc(r) / base;
    console.log(
      `| ${r.meetings} | ${r.documents} | ${r.mb.toFixed(1)} | ${r.first.seconds.toFixed(1)} | ${mbs.toFixed(2)} ${mark(mbs >= TARGET.mbPerS)} | ` +
        `${perDoc(r).toFixed(1)} (×${growth.toFixed(2)}) ${mark(growth <= TARGET.perDocGrowth)} | ${r.peakMb.toFixed(0)} ${mark(r.peakMb <= TARGET.peakMb)} | ` +
        `${Number.isFinite(floor) ? floor.toFixed(1) : 'failed'} (${own.csv === floor ? 'COPY' : 'UNWIND'}) | ${over.toFixed(2)} ${mark(over <= TARGET.overKuzu)} | ` +
        `${r.load[0].toFixed(1)}–${r.load[1].toFixed(1)} |`,
    );
  }
  console.log('(MB/s is judged at the largest size; the targets are those of issue 13.)');
}

await main();
