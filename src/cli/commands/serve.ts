/**
 * `councilgraph serve`: the GraphQL API, its playground and the dashboard over a store,
 * until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startHttpServer } from '../../api/http.ts';
import { createApi } from '../../api/server.ts';
import { describeStore, openStore } from '../../graph/stores/open.ts';
import type { GraphStore } from '../../graph/store.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';
import { portArg, STORE_OPTIONS, STORE_USAGE, storeOptions } from './store-args.ts';

/** How stale a Neo4j answer may be: others may ingest into the database while we serve. */
const NEO4J_CACHE_TTL_MS = 5_000;
const USAGE = 'councilgraph serve [--db PATH | --neo4j URI] [--port 4000] [--host 127.0.0.1]';

/** COUNCILGRAPH_CACHE: full (default: data and whole responses), data (no response cache), off. */
function cacheMode(store: GraphStore) {
  const mode = process.env.COUNCILGRAPH_CACHE ?? 'full';
  if (!['full', 'data', 'off'].includes(mode)) {
    throw new CliError(`COUNCILGRAPH_CACHE must be full, data or off (got "${mode}")`);
  }
  if (mode === 'off') return false as const;
  return { ttlMs: store.kind === 'neo4j' ? NEO4J_CACHE_TTL_MS : null, responses: mode === 'full' };
}

/**
 * COUNCILGRAPH_INDEX: on (default for the embedded store) serves reads from an in-memory index
 * of the graph, built at start and after every write (src/graph/memory); off reads the store.
 */
function indexMode(store: GraphStore): boolean {
  const mode = process.env.COUNCILGRAPH_INDEX ?? 'on';
  if (!['on', 'off'].includes(mode)) throw new CliError(`COUNCILGRAPH_INDEX must be on or off (got "${mode}")`);
  return mode === 'on' && store.kind === 'kuzu';
}

export interface ServeOptions {
  port: number;
  host: string;
  /** What the store is, for the banner ("Kuzu at /…/data"). */
  label: string;
}

/** Serves `store` until SIGINT/SIGTERM, then closes everything; resolves to the exit code. */
export async function serveStore(store: GraphStore, options: ServeOptions): Promise<number> {
  // Nothing else can write an embedded store we hold open; a Neo4j database can change under us.
  const api = await createApi(store, { cache: cacheMode(store), index: indexMode(store) });
  let running;
  try {
    running = await startHttpServer(api, { port: options.port, host: options.host });
  } catch (err) {
    await api.stop();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new CliError(`port ${options.port} on ${options.host} is already in use: stop the other server or pass --port`);
    if (e.code === 'EACCES') throw new CliError(`not allowed to listen on port ${options.port}: pick a port above 1023 with --port`);
    throw err;
  }
  const { url } = running;
  const index = api.index?.stats;
  console.log(`councilgraph is serving ${options.label}${api.production ? ' (production mode)' : ''}${index ? `
  index       ${index.nodes} nodes, ${index.edges} relations in memory (~${Math.round(index.bytes / 1024 / 1024)} MB, built in ${index.seconds.toFixed(1)} s)` : ''}
  dashboard   ${url}/
  playground  ${url}/graphql
  GraphQL     POST ${url}/graphql
  health      ${url}/healthz
Press Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  console.log('stopping…');
  await running.close();
  await api.stop();
  return 0;
}

export const command: Command = {
  summary: 'serve the GraphQL API, its playground (/graphql) and the dashboard (/)',
  usage: `${USAGE}

${STORE_USAGE}
  --port N      port to listen on (default: $PORT or 4000; 0 picks a free one)
  --host ADDR   address to listen on (default: $HOST or 127.0.0.1; 0.0.0.0 for all interfaces)

Set NODE_ENV=production to hide internal error details from clients.
Reads are cached in memory (the API is read-only; an embedded store cannot change under a
running server; Neo4j answers are at most ${NEO4J_CACHE_TTL_MS / 1000} s stale). COUNCILGRAPH_CACHE=data caches
store reads but not whole responses; COUNCILGRAPH_CACHE=off caches nothing.
The embedded store's graph is also held in memory as an index (rebuilt after every write, reads
going to the store meanwhile); COUNCILGRAPH_INDEX=off reads the store for every request.`,
  async run(args) {
    let values;
    try {
      values = parseArgs({
        args,
        options: { ...STORE_OPTIONS, port: { type: 'string' }, host: { type: 'string' } },
        strict: true,
        allowPositionals: false,
      }).values;
    } catch (err) {
      throw new CliError(`${(err as Error).message}\nusage: ${USAGE}`);
    }
    const opts = storeOptions(values);
    const port = portArg(values.port ?? process.env.PORT, 4000);
    const host = values.host ?? process.env.HOST ?? '127.0.0.1';
    let store: GraphStore;
    try {
      store = await openStore(opts);
    } catch (err) {
      throw new CliError((err as Error).message);
    }
    try {
      return await serveStore(store, { port, host, label: describeStore(opts) });
    } finally {
      await store.close();
    }
  },
};
