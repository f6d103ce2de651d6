/**
 * `npm run bench:ingest`: the whole ingest pipeline (read → extract → resolve → build → write)
 * over a synthetic corpus from test/generate, into every store this machine can reach: the
 * embedded Kuzu store always, Neo4j when NEO4J_URI (or --neo4j) names one. Prints documents/s,
 * MB/s and relations/s, then the rate of a second, unchanged run (all skipped).
 *
 *   npm run bench:ingest [-- --meetings 2000 --seed 1 --group 256 --neo4j bolt://localhost:7687]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../../test/generate/corpus.ts';
import { openStore } from '../graph/stores/open.ts';
import type { IngestStore } from '../graph/store.ts';
import { ingestPaths, type IngestSummary } from '../ingest/ingest.ts';

const { values } = parseArgs({
  options: {
    meetings: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    neo4j: { type: 'string' },
    group: { type: 'string' },
  },
});
const group = values.group === undefined ? undefined : Number(values.group);
const meetings = Number(values.meetings);
const seed = Number(values.seed);
const neo4jUri = values.neo4j ?? process.env.NEO4J_URI;

const work = join(tmpdir(), `councilgraph-bench-ingest-${process.pid}`);
const corpusDir = join(work, 'corpus');
mkdirSync(corpusDir, { recursive: true });

function line(label: string, s: IngestSummary): string {
  const mb = s.bytes / 1024 / 1024;
  const docs = s.documents.ingested + s.documents.skipped;
  return (
    `${label.padEnd(26)} ${String(docs).padStart(5)} docs  ${(docs / s.seconds).toFixed(1).padStart(7)} docs/s  ` +
    `${(mb / s.seconds).toFixed(2).padStart(6)} MB/s  ${(s.added.relations / s.seconds).toFixed(0).padStart(7)} relations/s  ` +
    `(${s.seconds.toFixed(1)} s, ${s.documents.failed} failed)`
  );
}

async function bench(name: string, open: () => Promise<IngestStore>): Promise<void> {
  const store = await open();
  try {
    const first = await ingestPaths(store, [corpusDir], { root: work, progress: Boolean(process.stderr.isTTY), group });
    console.log(line(`${name}, first ingest`, first));
    console.log(
      `${''.padEnd(26)} added ${first.added.meetings} meetings, ${first.added.people} people, ${first.added.items} items, ${first.added.relations} relations`,
    );
    console.log(
      `${''.padEnd(26)} stages: read+extract ${first.stages.read.toFixed(1)} s, resolve ${first.stages.resolve.toFixed(1)} s, ` +
        `build+write ${first.stages.write.toFixed(1)} s (${(first.bytes / 1024 / 1024 / first.stages.write).toFixed(2)} MB/s, ` +
        `${(first.added.relations / first.stages.write).toFixed(0)} relations/s into the store)`,
    );
    if (first.failures.length) console.log(`  first failure: ${first.failures[0]!.error}`);
    const again = await ingestPaths(store, [corpusDir], { root: work });
    console.log(line(`${name}, unchanged rerun`, again));
  } finally {
    await store.close();
  }
}

try {
  const t0 = performance.now();
  const docs = generateCorpus({ meetings, seed });
  let bytes = 0;
  for (const d of docs) {
    writeFileSync(join(corpusDir, d.name), d.text);
    bytes += Buffer.byteLength(d.text);
  }
  console.log(
    `corpus: ${meetings} meetings → ${docs.length} documents, ${(bytes / 1024 / 1024).toFixed(2)} MB (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const os = await import('node:os');
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}; ${group ?? 'default'} documents per transaction`);
  await bench('Kuzu (embedded)', () => openStore({ db: join(work, 'kuzu') }));
  if (neo4jUri) await bench('Neo4j', () => openStore({ neo4j: neo4jUri }));
  else console.log('Neo4j: skipped (no server: set NEO4J_URI=bolt://… or pass --neo4j to include it)');
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
