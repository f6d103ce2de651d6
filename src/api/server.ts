/**
 * The GraphQL API over a GraphStore: Apollo Server built from schema.graphql and the
 * resolvers, with the protection plugin and production-safe errors. Transport-free: the HTTP
 * server (http.ts) and the query CLI both run operations through `execute`.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloServer, type GraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { IndexedStore } from '../graph/memory/indexed-store.ts';
import type { GraphStore } from '../graph/store.ts';
import { type ApiContext, createContext, timeoutError } from './context.ts';
import { ErrorCode } from './errors.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { protectionPlugin } from './protection/plugin.ts';
import { ReadCache, type ReadCacheOptions } from './read-cache.ts';
import { ResponseCache } from './response-cache.ts';
import { resolvers } from './resolvers/index.ts';

export const SCHEMA_PATH = new URL('../../schema.graphql', import.meta.url);

export interface ApiOptions {
  limits?: Partial<Limits>;
  /** Hides internal error messages and stack traces; defaults to NODE_ENV === 'production'. */
  production?: boolean;
  /** Where internal errors are logged (with the reference the client sees). */
  log?: (line: string) => void;
  /**
   * A read cache shared by all requests (read-cache.ts) and, over HTTP, whole responses to
   * identical requests (response-cache.ts); off unless asked for.
   */
  cache?: (ReadCacheOptions & { responses?: boolean }) | false;
  /**
   * Serve reads from an in-memory index of the whole graph (src/graph/memory), rebuilt after
   * every write through the API's store; only for a store nothing else writes (embedded Kuzu).
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
  limits: Limits;
  production: boolean;
  newContext(): ApiContext;
  /** Runs one operation within the request timeout; never throws for query errors. */
  execute(request: { query: string; variables?: Record<string, unknown>; operationName?: string }): Promise<FormattedExecutionResult>;
  stop(): Promise<void>;
}

export function loadTypeDefs(): string {
  return readFileSync(SCHEMA_PATH, 'utf8');
}

export async function createApi(backing: GraphStore, options: ApiOptions = {}): Promise<Api> {
  const log = options.log ?? ((line: string) => console.error(line));
  const index = options.index ? await IndexedStore.open(backing, { onError: (err) => log(`in-memory index: could not rebuild it, reading the store instead: ${err instanceof Error ? err.message : String(err)}`) }) : null;
  const readCache = options.cache ? new ReadCache(index ?? backing, options.cache) : null;
  const store = readCache ?? index ?? backing;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const production = options.production ?? process.env.NODE_ENV === 'production';

  const apollo = new ApolloServer<ApiContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    // Cache-control hints would wrap every field resolver for headers we never send.
    plugins: [protectionPlugin(limits), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
    parseOptions: { maxTokens: limits.maxTokens },
    includeStacktraceInErrorResponses: !production,
    introspection: true,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false,
    logger: quietLogger(log),
    formatError: (formatted, error) => formatError(formatted, error, production, log),
  });
  await apollo.start();

  const api: Api = {
    apollo,
    store,
    readCache,
    index,
    responseCache: readCache && options.cache && options.cache.responses !== false ? new ResponseCache(readCache) : null,
    limits,
    production,
    newContext: () => createContext(store, limits),
    async execute(request) {
      const text = request.query ?? '';
      if (text.length > limits.maxQueryChars) {
        return { errors: [queryTooLarge(text.length, limits)] };
      }
      const contextValue = api.newContext();
      const run = apollo.executeOperation(request as GraphQLRequest, { contextValue }).then((r) => {
        if (r.body.kind !== 'single') throw new Error('incremental delivery is not supported');
        return r.body.singleResult as FormattedExecutionResult;
      });
      return withTimeout(run, limits.timeoutMs, () => ({
        errors: [{ message: timeoutError(limits.timeoutMs).message, extensions: { code: ErrorCode.REQUEST_TIMEOUT } }],
      }));
    },
    stop: () => apollo.stop(),
  };
  return api;
}

export function queryTooLarge(chars: number, limits: Limits): GraphQLFormattedError {
  return {
    message: `The query is ${chars} characters long, above the limit of ${limits.maxQueryChars}; send a shorter query.`,
    extensions: { code: ErrorCode.QUERY_TOO_LARGE },
  };
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

function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  production: boolean,
  log: (line: string) => void,
): GraphQLFormattedError {
  const code = formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
  if (code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // A refused or mistaken query: the message says what to change; a stack trace adds nothing.
    const { stacktrace: _, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const ref = randomUUID().slice(0, 8);
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  log(`graphql error ${ref} at ${formatted.path?.join('.') ?? '(no path)'}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
  if (!production) return { ...formatted, extensions: { ...formatted.extensions, code, ref } };
  const { locations, path } = formatted;
  return {
    message: `Internal server error (reference ${ref}); the server log has the details.`,
    ...(locations ? { locations } : {}),
    ...(path ? { path } : {}),
    extensions: { code, ref },
  };
}

function quietLogger(log: (line: string) => void) {
  return {
    debug: () => {},
    info: () => {},
    warn: (msg: unknown) => log(`apollo warning: ${String(msg)}`),
    error: (msg: unknown) => log(`apollo error: ${String(msg)}`),
  };
}
