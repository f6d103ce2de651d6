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
import { openStore } from '../../src/graph/stores/open.ts';
import { silentLogger } from '../../src/api/logger.ts';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function serveGraphs(graphs: DocumentGraph[]): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'councilgraph-dash-'));
  const store = await openStore({ db: join(dir, 'db') });
  await store.init();
  for (const g of graphs) await store.writeDocument(g);
  const api = await createApi(store, { logger: silentLogger() });
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
