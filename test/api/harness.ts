/**
 * Runs the API tests against every store that works here: the in-memory double always, and
 * the real embedded Kuzu store (the one `npm start` uses) over the same fixture.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormattedExecutionResult } from 'graphql';
import { type Api, type ApiOptions, createApi } from '../../src/api/server.ts';
import type { DocumentGraph } from '../../src/graph/model.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { fixtureGraphs, fixtureTexts } from './fixture.ts';
import { memoryStoreWith } from './memory-store.ts';
import { pino } from 'pino';
import { type Logger, silentLogger } from '../../src/api/logger.ts';

export interface OpenedStore {
  store: GraphStore;
  close(): Promise<void>;
}

export interface StoreCase {
  name: string;
  open(graphs?: DocumentGraph[]): Promise<OpenedStore>;
  /** How the API is created over it (the served configuration adds the read cache). */
  apiOptions?: ApiOptions;
}

export const memoryCase: StoreCase = {
  name: 'memory',
  async open(graphs = fixtureGraphs()) {
    const store = await memoryStoreWith(graphs);
    for (const [id, text] of fixtureTexts()) store.texts.set(id, { text, pages: null });
    return { store, close: () => store.close() };
  },
};

export const kuzuCase: StoreCase = {
  name: 'kuzu',
  async open(graphs = fixtureGraphs()) {
    const { openStore } = await import('../../src/graph/stores/open.ts');
    const dir = mkdtempSync(join(tmpdir(), 'councilgraph-api-'));
    const store = await openStore({ db: join(dir, 'db') });
    const { packSourceText } = await import('../../src/graph/stores/pack.ts');
    const texts = fixtureTexts();
    await store.commit(
      graphs.map((graph) => ({ graph, text: texts.has(graph.doc.id) ? packSourceText({ text: texts.get(graph.doc.id)! }) : null })),
      [],
    );
    return {
      store,
      close: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** Kuzu behind the read cache, as `serve` runs it: every query is asked twice (cold, then warm). */
export const cachedKuzuCase: StoreCase = { ...kuzuCase, name: 'kuzu+cache', apiOptions: { cache: { ttlMs: null } } };

/** Kuzu served from the in-memory index (src/graph/memory), as `serve` runs the embedded store. */
export const indexedKuzuCase: StoreCase = { ...kuzuCase, name: 'kuzu+index', apiOptions: { index: true } };

export const STORE_CASES: StoreCase[] = [memoryCase, kuzuCase, cachedKuzuCase, indexedKuzuCase];

/** An API over a store, plus a `run` that fails the test on unexpected errors. */
export async function apiOver(store: GraphStore, options: ApiOptions = {}) {
  const api = await createApi(store, { logger: silentLogger(), ...options });
  return {
    api,
    /** Data of a query expected to succeed. */
    async data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const r = await api.execute({ query, ...(variables ? { variables } : {}) });
      if (r.errors?.length) throw new Error(`query failed: ${JSON.stringify(r.errors)}`);
      if (options.cache) {
        // Warm, resolvers answer from the cache synchronously where they can: same answer.
        const again = await api.execute({ query, ...(variables ? { variables } : {}) });
        if (JSON.stringify(again) !== JSON.stringify(r)) {
          throw new Error(`warm answer differs from cold:\n${JSON.stringify(r)}\n${JSON.stringify(again)}`);
        }
      }
      return r.data as T;
    },
    /** The whole response, errors included. */
    run(query: string, variables?: Record<string, unknown>): Promise<FormattedExecutionResult> {
      return api.execute({ query, ...(variables ? { variables } : {}) });
    },
  };
}

export type ApiHarness = Awaited<ReturnType<typeof apiOver>> & { api: Api };

/** A logger whose JSON lines land in `lines`, to assert on what the server logs. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }), lines };
}

export const names = (list: { name: string }[]) => list.map((p) => p.name);
export const sorted = (list: string[]) => [...list].sort();
