import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocumentGraph } from '../../src/graph/build.ts';
import type { DocumentGraph } from '../../src/graph/model.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { CorpusIndex } from '../../src/resolve/corpus.ts';
import type { ResolvedDocument } from '../../src/resolve/types.ts';

/**
 * Builds document graphs the way ingestion resolves them: `docs` resolved within the set of
 * `base` (the versions of the same documents in `docs` replacing theirs) and `docs`.
 */
export async function buildAll(docs: ResolvedDocument[], base: ResolvedDocument[] = []): Promise<DocumentGraph[]> {
  const index = await (await CorpusIndex.of(base)).with(docs);
  return docs.map((d) => buildDocumentGraph(d, index.resolve(d)).graph);
}

export async function writeAll(store: GraphStore, docs: ResolvedDocument[]): Promise<void> {
  for (const g of await buildAll(docs)) await store.writeDocument(g);
}

/** A fresh folder under the OS temp dir; removed by the returned function. */
export function tempDir(prefix = 'councilgraph-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
