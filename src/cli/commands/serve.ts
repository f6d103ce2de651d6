/**
 * `councilgraph serve`: the GraphQL API, its playground and the dashboard over a store,
 * until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startHttpServer } from '../../api/http.ts';
import { createLogger } from '../../api/logger.ts';
import { createApi } from '../../api/server.ts';
import { describeStore, kuzuPath } from '../../graph/stores/open.ts';
import { shareStore } from '../../graph/stores/shared.ts';
import type { GraphStore, IngestStore } from '../../graph/store.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';
import { correctionsPath } from '../../ingest/corrections-file.ts';
import { CORRECTION_OPTIONS } from './correction-args.ts';
import { fileCorrectionSink } from './correction-sink.ts';
import { openFor } from './open-store.ts';
import { portArg, STORE_OPTIONS, STORE_USAGE, storeOptions } from './store-args.ts';

/** How stale a Neo4j answer may be: others may ingest into the database while we serve. */
const NEO4J_CACHE_TTL_MS = 5_000;
/** How often list-size estimates are re-read from a Neo4j database others may write to. */
const NEO4J_ESTIMATES_MS = 5 * 60_000;
const USAGE = 'councilgraph serve [--db PATH | --neo4j URI] [--port 4000] [--host 127.0.0.1] [--corrections FILE | --no-corrections] [--dev]';

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
  /** The embedded store's path: ingests and queries from other processes reach it through us. */
  sharePath: string | null;
  /** Error messages and stack traces to clients (`--dev` or NODE_ENV=development). */
  dev: boolean;
  /** The corrections file analysts' corrections (Mutation.correct) go to; null: read-only. */
  corrections: string | null;
}

export function devMode(flag: boolean | undefined): boolean {
  return flag === true || process.env.NODE_ENV === 'development';
}

/** Serves `store` until SIGINT/SIGTERM, then closes everything; resolves to the exit code. */
export async function serveStore(store: IngestStore, options: ServeOptions): Promise<number> {
  // Nothing else can write an embedded store we hold open (other processes write through us);
  // a Neo4j database can change under us.
  const logger = createLogger();
  const api = await createApi(store, {
    cache: cacheMode(store),
    index: indexMode(store),
    production: !options.dev,
    logger,
    estimatesRefreshMs: store.kind === 'neo4j' ? NEO4J_ESTIMATES_MS : null,
    ...(options.corrections ? { corrections: fileCorrectionSink(store, options.corrections, options.sharePath) } : {}),
  });
  let running;
  let shared;
  try {
    shared = options.sharePath ? await shareStore(store, options.sharePath, () => api.storeChanged()) : null;
    running = await startHttpServer(api, { port: options.port, host: options.host });
  } catch (err) {
    await shared?.close();
    await api.stop();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new CliError(`port ${options.port} on ${options.host} is already in use: stop the other server or pass --port`);
    if (e.code === 'EACCES') throw new CliError(`not allowed to listen on port ${options.port}: pick a port above 1023 with --port`);
    throw err;
  }
  const { url } = running;
  const index = api.index?.stats;
  console.log(`councilgraph is serving ${options.label}${api.production ? '' : ' (development mode: error details go to clients)'}${index ? `
  index       ${index.nodes} nodes, ${index.edges} relations in memory (~${Math.round(index.bytes / 1024 / 1024)} MB, built in ${index.seconds.toFixed(1)} s)` : ''}
  corrections ${options.corrections ?? 'off (read-only)'}
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
  await shared?.close();
  await running.close();
  await api.stop();
  logger.flush();
  return 0;
}

export const command: Command = {
  summary: 'serve the GraphQL API, its playground (/graphql) and the dashboard (/)',
  usage: `${USAGE}

${STORE_USAGE}
  --port N      port to listen on (default: $PORT or 4000; 0 picks a free one)
  --host ADDR   address to listen on (default: $HOST or 127.0.0.1; 0.0.0.0 for all interfaces)

  --corrections FILE  where analysts' corrections from the dashboard go, applied at once and by
                every later ingest (default: $COUNCILGRAPH_CORRECTIONS, else corrections.yaml
                beside the store; see \`councilgraph correct --help\`)
  --no-corrections    serve read-only: the dashboard offers no corrections
  --dev         send internal error messages and stack traces to clients (also NODE_ENV=development);
                by default clients get a request id and the log has the details

The store must exist (\`councilgraph ingest\` creates it). While serving, \`councilgraph ingest\`
and \`councilgraph query\` on the same store work through this server, and new documents are
served as soon as they are in.
Logs are JSON lines on stderr (pretty on a terminal; LOG_LEVEL=debug|info|warn|error), one
per request with its duration, status, estimated cost and request id.
Reads are cached in memory (the API writes only corrections; an embedded store changes only through this
server; Neo4j answers are at most ${NEO4J_CACHE_TTL_MS / 1000} s stale). COUNCILGRAPH_CACHE=data caches
store reads but not whole responses; COUNCILGRAPH_CACHE=off caches nothing.
The embedded store's graph is also held in memory as an index (rebuilt after every write, reads
going to the store meanwhile); COUNCILGRAPH_INDEX=off reads the store for every request.`,
  async run(args) {
    let values;
    try {
      values = parseArgs({
        args,
        options: { ...STORE_OPTIONS, ...CORRECTION_OPTIONS, port: { type: 'string' }, host: { type: 'string' }, dev: { type: 'boolean' } },
        strict: true,
        allowPositionals: false,
      }).values;
    } catch (err) {
      throw new CliError(`${(err as Error).message}\nusage: ${USAGE}`);
    }
    const opts = storeOptions(values);
    const port = portArg(values.port ?? process.env.PORT, 4000);
    const host = values.host ?? process.env.HOST ?? '127.0.0.1';
    if (values['no-corrections'] && values.corrections) throw new CliError('give either --corrections FILE or --no-corrections, not both');
    const corrections = values['no-corrections'] ? null : correctionsPath({ ...opts, ...(values.corrections ? { corrections: values.corrections } : {}) });
    const opened = await openFor('serve', opts, (line) => console.error(`councilgraph serve: ${line}`));
    try {
      // Search indexes a store made elsewhere may lack (Kuzu).
      await opened.store.refresh?.();
      return await serveStore(opened.store, { port, host, label: describeStore(opts), sharePath: kuzuPath(opts), dev: devMode(values.dev), corrections });
    } finally {
      await opened.close();
    }
  },
};
