/**
 * The GraphQL API over a GraphStore: Apollo Server built from schema.graphql and the
 * resolvers, with the protection (gate before parsing, plugin before execution) and masked
 * internal errors. Transport-free: the HTTP server (http.ts) and the query CLI both run
 * operations through it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloServer, type GraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { IndexedStore } from '../graph/memory/indexed-store.ts';
import type { GraphStore } from '../graph/store.ts';
import { type ApiContext, createContext, timeoutError } from './context.ts';
import { DirectExecutor } from './direct.ts';
import type { CorrectionSink } from './corrections.ts';
import { SCHEMA_PATH, servedTypeDefs } from './conventions.ts';
import { ErrorCode } from './errors.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { createLogger, type Logger } from './logger.ts';
import { FALLBACK_ESTIMATES, estimatesFrom, type ListEstimates } from './protection/estimates.ts';
import { QueryGate } from './protection/gate.ts';
import { protectionPlugin } from './protection/plugin.ts';
import { ReadCache, type ReadCacheOptions } from './read-cache.ts';
import { ResponseCache, type ResponseCacheOptions } from './response-cache.ts';
import { resolvers } from './resolvers/index.ts';
import { executableSchema } from './schema.ts';

export { SCHEMA_PATH };

export interface ApiOptions {
  limits?: Partial<Limits>;
  /**
   * Hides internal error messages and stack traces from clients (they go to the log, under the
   * request's id). The default, unless NODE_ENV=development; `serve --dev` turns it off.
   */
  production?: boolean;
  logger?: Logger;
  /**
   * A read cache shared by all requests (read-cache.ts) and, over HTTP, whole responses to
   * identical requests (response-cache.ts); off unless asked for.
   */
  cache?: (ReadCacheOptions & { responses?: boolean | ResponseCacheOptions }) | false;
  /** How often to re-read list-size estimates when nothing tells us the store changed (Neo4j). */
  estimatesRefreshMs?: number | null;
  /** Where `Mutation.correct` records corrections (see corrections.ts); without one the API is read-only. */
  corrections?: CorrectionSink;
  /**
   * Serve reads from an in-memory index of the whole graph (src/graph/memory), rebuilt after
   * every write (storeChanged); only for a store that changes only through this server (embedded Kuzu).
   */
  index?: boolean;
}

export interface Api {
  apollo: ApolloServer<ApiContext>;
  /** What resolvers read: the store, behind the read cache when one was asked for. */
  store: GraphStore;
  readCache: ReadCache | null;
  /** The in-memory index reads go through, when one was asked for. */
  index: IndexedStore | null;
  responseCache: ResponseCache | null;
  /** Executes plain JSON queries without Apollo's pipeline (direct.ts); Apollo answers the rest. */
  direct: DirectExecutor;
  gate: QueryGate;
  limits: Limits;
  production: boolean;
  logger: Logger;
  /** List sizes the cost analysis uses (from the store; refreshed when it changes). */
  estimates(): ListEstimates;
  refreshEstimates(): Promise<void>;
  /** Tells the API the store was written (by an ingest through this server): caches and estimates are renewed. */
  storeChanged(): void;
  newContext(requestId?: string): ApiContext;
  /** Runs one operation within the request timeout; never throws for query errors. */
  execute(request: { query: string; variables?: Record<string, unknown>; operationName?: string }, requestId?: string): Promise<FormattedExecutionResult>;
  stop(): Promise<void>;
}

/** The schema as served: schema.graphql with the model's descriptions filled in (conventions.ts). */
export function loadTypeDefs(): string {
  return servedTypeDefs(readFileSync(SCHEMA_PATH, 'utf8'));
}

/** After a burst of writes, estimates are re-read once things have settled this long. */
const ESTIMATES_SETTLE_MS = 1_000;

export async function createApi(backing: GraphStore, options: ApiOptions = {}): Promise<Api> {
  const background = new Set<Promise<unknown>>();
  const inBackground = (work: Promise<unknown>): void => {
    const tracked = work.catch(() => undefined).finally(() => background.delete(tracked));
    background.add(tracked);
  };
  const logger = options.logger ?? createLogger();
  const index = options.index
    ? await IndexedStore.open(backing, { onError: (err) => logger.warn({ err }, 'in-memory index: could not rebuild it; reading the store instead') })
    : null;
  const readCache = options.cache ? new ReadCache(index ?? backing, options.cache) : null;
  const store = readCache ?? index ?? backing;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const production = options.production ?? process.env.NODE_ENV !== 'development';
  let estimates: ListEstimates = FALLBACK_ESTIMATES;

  const schema = executableSchema(loadTypeDefs(), resolvers);
  const apollo = new ApolloServer<ApiContext>({
    schema,
    // Cache-control hints would wrap every field resolver for headers we never send.
    plugins: [protectionPlugin(limits, () => estimates, { corrections: Boolean(options.corrections) }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
    parseOptions: { maxTokens: limits.maxTokens },
    includeStacktraceInErrorResponses: !production,
    // The schema is public (schema.graphql is in the repository) and the playground needs it.
    introspection: true,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false,
    logger: apolloLogger(logger),
    formatError: (formatted) => formatError(formatted, production),
  });
  await apollo.start();

  const responsesOption = options.cache ? options.cache.responses : false;
  let refreshTimer: NodeJS.Timeout | undefined;
  let periodic: NodeJS.Timeout | undefined;
  const api: Api = {
    apollo,
    store,
    readCache,
    index,
    responseCache:
      readCache && responsesOption !== false ? new ResponseCache(readCache, typeof responsesOption === 'object' ? responsesOption : {}) : null,
    direct: new DirectExecutor(schema, { limits, estimates: () => estimates, production, formatError: (formatted) => formatError(formatted, production) }),
    gate: new QueryGate(limits),
    limits,
    production,
    logger,
    estimates: () => estimates,
    async refreshEstimates() {
      try {
        estimates = await estimatesFrom(backing);
      } catch (err) {
        logger.warn({ err }, 'could not read list sizes from the store; costing lists with the built-in estimates');
      }
    },
    storeChanged() {
      void index?.changed();
      readCache?.clear();
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => {
        // Full-text indexes first (Kuzu rebuilds them after writes), then the list sizes.
        inBackground(
          (backing.refresh?.() ?? Promise.resolve())
            .catch((err: unknown) => logger.warn({ err }, 'could not rebuild the search indexes; search falls back to substring matching'))
            .then(() => (limits.maxCost !== null ? api.refreshEstimates() : undefined))
            .then(() => warmSearch(backing)),
        );
      }, ESTIMATES_SETTLE_MS);
      refreshTimer.unref();
    },
    newContext: (requestId = newRequestId()) =>
      createContext(store, limits, requestId, logger, { corrections: options.corrections ?? null, graphChanged: () => api.storeChanged() }),
    async execute(request, requestId = newRequestId()) {
      const refused = api.gate.check(request.query ?? '');
      if (refused) return { errors: [{ ...refused.error, extensions: { ...refused.error.extensions, requestId } }] };
      const contextValue = api.newContext(requestId);
      const run = apollo.executeOperation(request as GraphQLRequest, { contextValue }).then((r) => {
        if (r.body.kind !== 'single') throw new Error('incremental delivery is not supported');
        return r.body.singleResult as FormattedExecutionResult;
      });
      return withTimeout(run, limits.timeoutMs, () => ({
        errors: [{ message: timeoutError(limits.timeoutMs).message, extensions: { code: ErrorCode.REQUEST_TIMEOUT, requestId } }],
      }));
    },
    async stop() {
      clearTimeout(refreshTimer);
      clearInterval(periodic);
      // Background reads (index rebuilds, estimates, search warm-up) finish before the caller
      // closes the store: a native store closed under a running query can crash the process.
      await Promise.allSettled([...background]);
      await apollo.stop();
      await index?.detach();
    },
  };
  // Estimates only price queries against a cost limit: with none (`query --unlimited`, the
  // eval), reading them would be wasted.
  if (limits.maxCost !== null) await api.refreshEstimates();
  if (options.cache) inBackground(warmSearch(backing));
  if (options.estimatesRefreshMs && limits.maxCost !== null) {
    periodic = setInterval(() => void api.refreshEstimates(), options.estimatesRefreshMs);
    periodic.unref();
  }
  return api;
}

/**
 * One search, so that the store reads its search vocabulary now (0.5 s or so on 2,000
 * meetings) rather than during the first user's search after a change.
 */
function warmSearch(store: GraphStore): Promise<void> {
  return store.search('councilgraph', 1).then(
    () => undefined,
    () => undefined,
  );
}

export function newRequestId(): string {
  return randomUUID();
}

/** Resolves to `onTimeout()` if `p` has not settled in `ms`; the timer never holds the process. */
export function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function formatError(formatted: GraphQLFormattedError, production: boolean): GraphQLFormattedError {
  const code = formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
  if (code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // A refused or mistaken query: the message says what to change; a stack trace adds nothing.
    const { stacktrace: _, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // The plugin logs the original error with the request id, which it adds to every error.
  if (!production) return { ...formatted, extensions: { ...formatted.extensions, code } };
  const { locations, path } = formatted;
  return {
    message: 'Internal server error; the server log has the details under this request id (extensions.requestId).',
    ...(locations ? { locations } : {}),
    ...(path ? { path } : {}),
    extensions: { code },
  };
}

function apolloLogger(logger: Logger) {
  return {
    debug: () => {},
    info: () => {},
    warn: (msg: unknown) => logger.warn({ source: 'apollo' }, String(msg)),
    error: (msg: unknown) => logger.error({ source: 'apollo' }, String(msg)),
  };
}
