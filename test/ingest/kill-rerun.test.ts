/**
 * Kill the ingest in the middle, run it again: the store ends exactly as after one clean run.
 * A child process ingests a synthetic corpus (16 documents per transaction) and is SIGKILLed as
 * soon as its first documents are committed (so later ones are mid-transaction or not yet written); a second run finishes
 * the job and is compared, node by node and edge by edge, with a clean run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpGraph } from '../../src/export/dump.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { generateCorpus } from '../generate/corpus.ts';
import { tempDir } from '../graph/helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = tempDir('councilgraph-kill-');
afterAll(() => dir.remove());

function ingestUntilFirstCommit(db: string, corpus: string): Promise<{ killed: boolean; committed: number; total: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'councilgraph.js'), 'ingest', '--group', '16', '--db', db, corpus], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let buffer = '';
    let killed = false;
    let committed = 0;
    let total = 0;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      buffer += chunk;
      const m = /^\[(\d+)\/(\d+)\] .*: ingested/m.exec(buffer);
      if (m && !killed) {
        committed = Number(m[1]);
        total = Number(m[2]);
        killed = child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ killed, committed, total }));
  });
}

describe('kill and rerun', () => {
  it('ends exactly as one clean run', async () => {
    const corpus = join(dir.path, 'corpus');
    mkdirSync(corpus);
    for (const doc of generateCorpus({ meetings: 150, seed: 11 })) writeFileSync(join(corpus, doc.name), doc.text);

    const interrupted = join(dir.path, 'interrupted');
    const first = await ingestUntilFirstCommit(interrupted, corpus);
    expect(first.killed).toBe(true);
    expect(first.committed).toBeLessThan(first.total);

    const store = await openStore({ db: interrupted }, {});
    const partial = (await store.counts()).documents;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(first.total);
    const rerun = await ingestPaths(store, [corpus], { group: 16 });
    expect(rerun.failures).toEqual([]);
    expect(rerun.documents.skipped).toBe(partial);
    expect(rerun.documents.ingested).toBe(first.total - partial);

    const clean = await openStore({ db: join(dir.path, 'clean') }, {});
    await ingestPaths(clean, [corpus], {});
    const [a, b] = [await dumpGraph(store), await dumpGraph(clean)];
    expect(a.nodes.length).toBeGreaterThan(100);
    const key = (x: unknown) => JSON.stringify(x);
    const [na, nb] = [new Set(a.nodes.map(key)), new Set(b.nodes.map(key))];
    expect([...na].filter((n) => !nb.has(n))).toEqual([]);
    expect([...nb].filter((n) => !na.has(n))).toEqual([]);
    expect(a).toEqual(b);
    await Promise.all([store.close(), clean.close()]);
  }, 300_000);
});
