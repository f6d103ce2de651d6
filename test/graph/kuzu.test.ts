import { join } from 'node:path';
import { CypherStore } from '../../src/graph/stores/cypher-store.ts';
import { KuzuRunner } from '../../src/graph/stores/kuzu.ts';
import { FaultyRunner } from './faulty-runner.ts';
import { tempDir } from './helpers.ts';
import { recordContract } from './record-contract.ts';
import { storeContract, type ContractStore } from './store-contract.ts';
import { describe, expect, it } from 'vitest';
import { dumpGraph } from '../../src/export/dump.ts';
import { readDocumentFromText } from '../../src/load/read.ts';
import { extractDocument } from '../../src/pipeline.ts';
import { KUZU_COPY_THRESHOLD } from '../../src/graph/stores/queries.ts';
import { generateCorpus } from '../generate/corpus.ts';
import { buildAll } from './helpers.ts';

async function openKuzu(): Promise<ContractStore> {
  const dir = tempDir();
  const runner = new FaultyRunner(await KuzuRunner.open(join(dir.path, 'nested', 'store')));
  const store = new CypherStore('kuzu', runner);
  await store.init();
  return {
    store,
    failNextWriteAt: (n) => runner.failNextWriteAt(n),
    cleanup: async () => {
      await store.close();
      dir.remove();
    },
  };
}

storeContract('Kuzu', openKuzu);
recordContract('Kuzu', openKuzu);

describe('Kuzu bulk writes', () => {
  it('gives the same graph whether relations are copied in bulk or written one by one', async () => {
    const docs = generateCorpus({ meetings: 40, seed: 5 }).map((d) => extractDocument(readDocumentFromText(d.name, d.text)));
    const graphs = await buildAll(docs);
    const relations = graphs.reduce((n, g) => n + g.relations.length, 0);
    expect(relations).toBeGreaterThanOrEqual(KUZU_COPY_THRESHOLD);
    const dir = tempDir();
    const bulk = new CypherStore('kuzu', await KuzuRunner.open(join(dir.path, 'bulk')));
    const single = new CypherStore('kuzu', await KuzuRunner.open(join(dir.path, 'single')));
    try {
      await Promise.all([bulk.init(), single.init()]);
      for (const r of await bulk.writeDocuments(graphs)) expect(r).not.toBeInstanceOf(Error);
      for (const g of graphs) await single.writeDocument(g);
      const [a, b] = [await dumpGraph(bulk), await dumpGraph(single)];
      expect(a.edges.length).toBe(relations);
      expect(a).toEqual(b);

      // New versions of every document, replaced in bulk over the old ones, end as a clean load.
      const revisedDocs = docs.map((d) => ({ ...d, source: { ...d.source, sha256: `${d.source.sha256}-v2` }, items: d.items.slice(0, -1) }));
      const revisedGraphs = await buildAll(revisedDocs);
      expect(revisedGraphs.reduce((n, g) => n + g.relations.length, 0)).toBeGreaterThanOrEqual(KUZU_COPY_THRESHOLD);
      for (const r of await bulk.writeDocuments(revisedGraphs)) expect(r).not.toBeInstanceOf(Error);
      const fresh = new CypherStore('kuzu', await KuzuRunner.open(join(dir.path, 'fresh')));
      await fresh.init();
      await fresh.writeDocuments(revisedGraphs);
      expect(await dumpGraph(bulk)).toEqual(await dumpGraph(fresh));
      await fresh.close();
    } finally {
      await Promise.all([bulk.close(), single.close()]);
      dir.remove();
    }
  }, 180_000);
});
