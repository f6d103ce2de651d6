import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocumentGraph } from '../../src/graph/build.ts';
import type { DocumentGraph } from '../../src/graph/model.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { CorpusIndex } from '../../src/resolve/corpus.ts';
import type { ResolvedDocument } from '../../src/resolve/types.ts';

/** Builds document graphs the way ingestion does: every document indexed before any is built. */
export function buildAll(docs: ResolvedDocument[], index = new CorpusIndex()): DocumentGraph[] {
  for (const d of docs) index.add(d);
  return docs.map((d) => buildDocumentGraph(d, index.resolve(d)).graph);
}

export async function writeAll(store: GraphStore, docs: ResolvedDocument[]): Promise<void> {
  for (const g of buildAll(docs)) await store.writeDocument(g);
}

/** A fresh folder under the OS temp dir; removed by the returned function. */
export function tempDir(prefix = 'councilgraph-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
