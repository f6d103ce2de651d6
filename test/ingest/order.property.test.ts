/**
 * The graph is a function of the set of documents stored: a generated corpus (meetings
 * published twice, officers' names misspelt in some documents, undated fragments) ingested in
 * random orders and random splits, in groups of random sizes, exports byte for byte what one
 * clean ingest of it exports; and removing documents again leaves what a clean ingest of the
 * rest gives.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/export.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import { ingestPaths, removeDocuments } from '../../src/ingest/ingest.ts';
import { generateCorpus } from '../generate/corpus.ts';
import { tempDir } from '../graph/helpers.ts';

const dir = tempDir('councilgraph-order-');
const root = dir.path;
const files: string[] = [];
let clean = '';
let runs = 0;

async function exportOf(batches: string[][], group: number): Promise<string> {
  const store = await openStore({ db: join(dir.path, `store-${++runs}`) }, {});
  for (const batch of batches) {
    const s = await ingestPaths(store, batch, { root, group });
    expect(s.failures).toEqual([]);
  }
  const out = await exportGraph(store, 'json');
  await store.close();
  return out;
}

beforeAll(async () => {
  mkdirSync(join(dir.path, 'corpus'));
  for (const doc of generateCorpus({ meetings: 36, seed: 5, republishRate: 0.35 })) {
    const path = join(dir.path, 'corpus', doc.name);
    writeFileSync(path, doc.text);
    files.push(path);
  }
  clean = await exportOf([files], 4096);
}, 180_000);
afterAll(() => dir.remove());

describe('ingest is independent of order and grouping', () => {
  it('random orders, splits and group sizes export what one clean ingest exports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: files.length, maxLength: files.length }),
        fc.array(fc.boolean(), { minLength: files.length, maxLength: files.length }),
        fc.integer({ min: 1, max: 12 }),
        async (keys, cuts, group) => {
          const order = files.map((f, i) => ({ f, k: keys[i]! })).sort((a, b) => a.k - b.k).map((x) => x.f);
          const batches: string[][] = [];
          order.forEach((f, i) => {
            if (i === 0 || cuts[i]) batches.push([]);
            batches.at(-1)!.push(f);
          });
          expect(await exportOf(batches, group)).toBe(clean);
        },
      ),
      { numRuns: 4 },
    );
  }, 600_000);

  it('removing documents leaves what a clean ingest of the rest gives', async () => {
    const store = await openStore({ db: join(dir.path, 'store-removal') }, {});
    await ingestPaths(store, files, { root });
    const gone = files.filter((_, i) => i % 3 === 0);
    const removed = await removeDocuments(store, gone, { root });
    expect(removed.removed).toHaveLength(gone.length);
    const rest = files.filter((_, i) => i % 3 !== 0);
    expect(await exportGraph(store, 'json')).toBe(await exportOf([rest], 4096));
    await store.close();
  }, 300_000);
});
