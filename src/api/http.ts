/**
 * The HTTP front of the API (node:http, no framework):
 *   POST /graphql, GET /graphql?query=…   GraphQL over HTTP (Apollo)
 *   GET  /graphql in a browser            the offline GraphiQL playground (dist/playground)
 *   GET  /healthz                         liveness and store reachability
 *   GET  /, anything else                 the dashboard (dist/dashboard), or a page saying how to build it
 * Every request gets an id (the client's `x-request-id` when it sends a sane one), returned in
 * the `x-request-id` header and on every GraphQL error, and one log line when it ends.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { timeoutError } from './context.ts';
import { DirectExecutor, type DirectResponse } from './direct.ts';
import { ErrorCode } from './errors.ts';
import { resolveExamples } from './playground-examples.ts';
import { ResponseCache } from './response-cache.ts';
import { type Api, newRequestId } from './server.ts';
import { SECURITY_HEADERS, type StaticHandler, staticHandler } from './static.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_PLAYGROUND_DIR = `${ROOT}dist/playground`;
export const DEFAULT_DASHBOARD_DIR = `${ROOT}dist/dashboard`;

const CLOSE_GRACE_MS = 5_000;
const HEALTH_TIMEOUT_MS = 2_000;

export interface HttpOptions {
  port?: number;
  host?: string;
  playgroundDir?: string;
  dashboardDir?: string;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** What the request log line says about one request, filled in as it is handled. */
interface RequestNote {
  id: string;
  cost: number | null;
  cache?: 'hit';
}

/** Everything in the playground comes from this server: the CSP makes a CDN fetch fail loudly. */
const PLAYGROUND_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:";

export async function startHttpServer(api: Api, options: HttpOptions = {}): Promise<RunningServer> {
  const handler = createHandler(api, options);
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const server = createServer((req, res) => {
    inFlight++;
    res.once('close', () => {
      if (--inFlight === 0) drained?.();
    });
    handler(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = Math.max(30_000, api.limits.timeoutMs * 2);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${addr.port}`;
  return {
    server,
    url,
    // Stop accepting, let requests in flight finish (for a while), then drop what is left:
    // the store is closed next, and a request still reading it would fail.
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, CLOSE_GRACE_MS).unref();
        });
      }
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The client's request id when it is a plausible one, else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : newRequestId();
}

export function createHandler(api: Api, options: HttpOptions = {}) {
  const playgroundDir = options.playgroundDir ?? DEFAULT_PLAYGROUND_DIR;
  const dashboardDir = options.dashboardDir ?? DEFAULT_DASHBOARD_DIR;
  const log = api.logger;
  let examples: { at: number; json: string } | null = null;
  const bundles = new Map<string, StaticHandler>();

  /** The bundle's handler once it is built (sirv lists a folder's files when it starts). */
  function bundle(dir: string, single: boolean, extraHeaders?: Record<string, string>): StaticHandler | null {
    const known = bundles.get(dir);
    if (known) return known;
    if (!existsSync(`${dir}/index.html`)) return null;
    const created = staticHandler(dir, { single, ...(extraHeaders ? { extraHeaders } : {}) });
    bundles.set(dir, created);
    return created;
  }

  function errorJson(res: ServerResponse, status: number, note: RequestNote, error: GraphQLFormattedError) {
    json(res, status, JSON.stringify({ errors: [{ ...error, extensions: { ...error.extensions, requestId: note.id } }] }));
  }

  async function playgroundPage(res: ServerResponse) {
    const index = `${playgroundDir}/index.html`;
    if (!existsSync(index)) {
      return html(res, 503, page('Playground not built', `<p>The GraphQL playground has not been built yet. Run <code>npm run build:web</code> (it also runs on <code>npm install</code>), then reload.</p><p>The API itself works: <code>POST /graphql</code>.</p>`));
    }
    if (!examples || Date.now() - examples.at > 60_000) {
      const list = await resolveExamples(api.store).catch((err) => {
        log.warn({ err }, 'could not fill the playground examples from the graph');
        return null;
      });
      if (list) examples = { at: Date.now(), json: JSON.stringify(list).replace(/</g, '\\u003c') };
    }
    const text = (await readFile(index, 'utf8')).replace(
      '</head>',
      `<script type="application/json" id="councilgraph-examples">${examples?.json ?? 'null'}</script></head>`,
    );
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'content-security-policy': PLAYGROUND_CSP, ...SECURITY_HEADERS });
    res.end(text);
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, note: RequestNote) {
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST');
      return errorJson(res, 405, note, { message: 'Use POST /graphql with a JSON body {"query": …}, or GET /graphql?query=….', extensions: { code: ErrorCode.BAD_USER_INPUT } });
    }
    if (req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html')) {
      return playgroundPage(res);
    }
    let body: unknown = undefined;
    let raw = '';
    if (req.method === 'POST') {
      const read = await readBody(req, api.limits.maxBodyBytes);
      if (read === null) {
        return errorJson(res, 413, note, { message: `The request body is larger than ${api.limits.maxBodyBytes} bytes; send a shorter query or fewer variables.`, extensions: { code: ErrorCode.QUERY_TOO_LARGE } });
      }
      raw = read;
    }
    // An identical request answered before, with nothing changed since: the same answer.
    // POSTs only: a GET must pass Apollo's CSRF check (its headers) every time.
    // Never a mutation (a correction): the word is enough to pass the cache by.
    const cache = req.method === 'POST' && !raw.includes('mutation') ? api.responseCache : null;
    const cacheKey = cache ? ResponseCache.key(`${req.method} ${req.headers.accept ?? ''} ${req.headers['content-type'] ?? ''}`, url.search, raw) : '';
    const hit = cache?.get(cacheKey);
    if (hit) {
      note.cache = 'hit';
      note.cost = hit.cost;
      res.writeHead(hit.status, hit.headers);
      return res.end(hit.body);
    }

    let queryText = url.searchParams.get('query') ?? '';
    if (req.method === 'POST') {
      if ((req.headers['content-type'] ?? '').includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          return errorJson(res, 400, note, { message: 'The request body is not valid JSON; send {"query": "…", "variables": {…}}.', extensions: { code: ErrorCode.BAD_USER_INPUT } });
        }
        const q = (body as { query?: unknown } | null)?.query;
        queryText = typeof q === 'string' ? q : '';
      } else {
        body = raw;
      }
    }
    const refused = api.gate.check(queryText);
    if (refused) return errorJson(res, refused.status, note, refused.error);

    const generation = api.readCache?.generation ?? 0;
    const contextValue = api.newContext(note.id);
    // A plain JSON query goes the direct way (direct.ts); what it declines, before running
    // anything, Apollo answers.
    const direct = req.method === 'POST' && body !== undefined && DirectExecutor.acceptsJson(req.headers.accept) ? DirectExecutor.requestOf(body) : null;
    const viaApollo = () =>
      api.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method!, headers: headerMap(req), search: url.search, body },
        context: async () => contextValue,
      });
    const answer = async (): Promise<DirectResponse | HTTPGraphQLResponse> => (direct ? ((await api.direct.run(direct, contextValue)) ?? viaApollo()) : viaApollo());
    const run = answer();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), api.limits.timeoutMs);
    });
    const result = await Promise.race([run, timedOut]).finally(() => clearTimeout(timer));
    note.cost = contextValue.report.cost;
    if (result === null) {
      run.catch(() => {});
      return errorJson(res, 503, note, { message: timeoutError(api.limits.timeoutMs).message, extensions: { code: ErrorCode.REQUEST_TIMEOUT } });
    }
    const outHeaders: Record<string, string> = { ...SECURITY_HEADERS };
    if (typeof result.body === 'string') {
      const answer = result as DirectResponse;
      Object.assign(outHeaders, answer.headers);
      res.writeHead(answer.status, outHeaders);
      cache?.offer(cacheKey, answer.status, outHeaders, answer.body, generation, contextValue.report.cost);
      return res.end(answer.body);
    }
    const apollo = result as HTTPGraphQLResponse;
    for (const [k, v] of apollo.headers) outHeaders[k] = v;
    res.writeHead(apollo.status ?? 200, outHeaders);
    if (apollo.body.kind === 'complete') {
      cache?.offer(cacheKey, apollo.status ?? 200, outHeaders, apollo.body.string, generation, contextValue.report.cost);
      return res.end(apollo.body.string);
    }
    for await (const chunk of apollo.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function health(res: ServerResponse) {
    const started = performance.now();
    const probe = api.store.list('Body', { first: 1, offset: 0 }).then(
      () => null,
      (err: unknown) => (err instanceof Error ? err.message : String(err)),
    );
    let timer: NodeJS.Timeout | undefined;
    const error = await Promise.race([
      probe,
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(`store did not answer within ${HEALTH_TIMEOUT_MS} ms`), HEALTH_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    const store = { kind: api.store.kind, reachable: error === null, latencyMs: Math.round((performance.now() - started) * 10) / 10, ...(error ? { error } : {}) };
    json(res, error ? 503 : 200, JSON.stringify({ status: error ? 'unavailable' : 'ok', store }));
  }

  function dashboard(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain' });
      return res.end('Method not allowed');
    }
    const serve = bundle(dashboardDir, true);
    if (!serve) {
      if (url.pathname !== '/') return html(res, 404, page('Not found', `<p>No page at <code>${escapeHtml(url.pathname)}</code>. Try <a href="/">the start page</a>.</p>`));
      return html(res, 200, page('councilgraph', `<p>The graph dashboard has not been built yet: run <code>npm run build:web</code> (it also runs on <code>npm install</code>), then reload.</p>
<ul><li><a href="/graphql">GraphQL playground</a>: try the preloaded query "which items did Helen Sweaton present?"</li>
<li><code>POST /graphql</code>: the API (<code>curl -s localhost:PORT/graphql -H 'content-type: application/json' -d '{"query":"{ stats { documents } }"}'</code>)</li>
<li><a href="/healthz">/healthz</a>: liveness and store reachability</li></ul>`));
    }
    serve(req, res, () => notFound(res, url.pathname));
  }

  function playgroundAsset(req: IncomingMessage, res: ServerResponse, url: URL) {
    const serve = bundle(playgroundDir, false, { 'content-security-policy': PLAYGROUND_CSP });
    if (!serve) return notFound(res, url.pathname);
    // sirv serves paths relative to the bundle's folder.
    req.url = url.pathname.slice('/playground'.length) + url.search;
    serve(req, res, () => notFound(res, url.pathname));
  }

  async function route(req: IncomingMessage, res: ServerResponse, note: RequestNote): Promise<unknown> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/graphql' || path === '/graphql/') return graphql(req, res, url, note);
    if (path === '/healthz') return health(res);
    if (path.startsWith('/playground/')) return playgroundAsset(req, res, url);
    return dashboard(req, res, url);
  }

  return function handle(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    const note: RequestNote = { id: requestIdOf(req), cost: null };
    const path = (req.url ?? '/').split('?')[0];
    res.setHeader('x-request-id', note.id);
    res.once('finish', () => {
      log.info(
        {
          requestId: note.id,
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 100) / 100,
          cost: note.cost === null ? undefined : Math.round(note.cost),
          cache: note.cache,
        },
        'request',
      );
    });
    route(req, res, note).catch((err) => {
      log.error({ requestId: note.id, method: req.method, path, err }, 'request failed');
      if (!res.headersSent) errorJson(res, 500, note, { message: 'Internal server error; the server log has the details under this request id.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
      else res.destroy();
    });
  };
}

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  return headers;
}

/** The body as text, or null when it exceeds `limit` bytes (the rest is drained, not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function notFound(res: ServerResponse, path: string) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(`Not found: ${path}`);
}

function json(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
  res.end(body);
}

function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
  res.end(body);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;color:#1f2933}code{background:#eef2f6;padding:.1em .3em;border-radius:3px}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
