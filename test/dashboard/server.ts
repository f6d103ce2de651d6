/**
 * Starts the real API + dashboard server (src/api) over a Kuzu store in a temporary folder
 * filled with the given document graphs: what the benchmark and development tests drive.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttpServer } from '../../src/api/http.ts';
import { createApi } from '../../src/api/server.ts';
import type { DocumentGraph } from '../../src/graph/model.ts';
import type { CorrectionSink } from '../../src/api/corrections.ts';
import { packSourceText } from '../../src/graph/stores/pack.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import type { IngestStore } from '../../src/graph/store.ts';
import { silentLogger } from '../../src/api/logger.ts';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Each document's text, by document id (what the source viewer shows). */
  texts?: ReadonlyMap<string, string>;
  /**
   * Where Mutation.correct records corrections (a test double of issue 9's corrections file),
   * or a function making one from the store it may apply them to.
   */
  corrections?: CorrectionSink | ((store: IngestStore) => CorrectionSink);
}

export async function serveGraphs(graphs: DocumentGraph[], options: ServeOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'councilgraph-dash-'));
  const store = await openStore({ db: join(dir, 'db') });
  await store.init();
  const texts = options.texts ?? new Map<string, string>();
  await store.commit(
    graphs.map((graph) => ({ graph, text: texts.has(graph.doc.id) ? packSourceText({ text: texts.get(graph.doc.id)! }) : null })),
    [],
  );
  const sink = typeof options.corrections === 'function' ? options.corrections(store) : options.corrections;
  const api = await createApi(store, { logger: silentLogger(), ...(sink ? { corrections: sink } : {}) });
  const http = await startHttpServer(api, { port: 0 });
  return {
    url: http.url,
    async close() {
      await http.close();
      await api.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
