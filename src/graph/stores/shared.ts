/**
 * One embedded store, several processes. Kuzu lets one process open a database for writing
 * and then nobody else, not even to read; so the process serving a store (`serve`, `start`)
 * shares it: it answers store calls on a local socket beside the store, and `ingest` and
 * `query` run against the store through that socket while it serves (RemoteStore). Writes
 * arriving that way go through the server's own store object, so its caches know at once.
 *
 * The socket is a Unix domain socket (a named pipe on Windows) that only the store's owner
 * can reach; nothing listens on the network.
 */
import { createHash } from 'node:crypto';
import { existsSync, unlinkSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DocumentGraph } from '../model.ts';
import type { Counter, StoredResolution } from '../../resolve/corpus.ts';
import type { DocumentWrite, GraphStore, IngestStore, StoredDocument, StoredExtraction, VerifyReport, WriteResult } from '../store.ts';
import { databaseFile } from './kuzu.ts';

/** Where the process serving the store at `storePath` listens. */
export function socketPath(storePath: string): string {
  const hash = createHash('sha256').update(databaseFile(storePath)).digest('hex').slice(0, 16);
  if (process.platform === 'win32') return `\\\\?\\pipe\\councilgraph-${hash}`;
  const beside = join(dirname(databaseFile(storePath)), 'councilgraph.sock');
  // Socket paths are limited to about 100 bytes; a deep store folder gets one in the temp folder.
  return Buffer.byteLength(beside) < 100 ? beside : join(tmpdir(), `councilgraph-${hash}.sock`);
}

/** Store calls a client may make, and whether each one writes. */
const METHODS = {
  nodes: false,
  list: false,
  related: false,
  search: false,
  neighbourhood: false,
  shortestPath: false,
  ranked: false,
  sourceText: false,
  counts: false,
  degreeHistograms: false,
  documentHash: false,
  refresh: false,
  storedDocuments: false,
  extractions: false,
  documents: false,
  docsWithKeys: false,
  docsOfMeetings: false,
  docsReferencing: false,
  tallies: false,
  verify: true,
  writeDocument: true,
  writeDocuments: true,
  removeDocument: true,
  commit: true,
} as const satisfies Partial<Record<keyof IngestStore, boolean>>;
type Method = keyof typeof METHODS;

export interface SharedStore {
  socket: string;
  close(): Promise<void>;
}

/**
 * Answers store calls for `store` on its socket until closed. `onWrite` runs after every
 * call that wrote (the server clears its caches and re-reads its estimates).
 */
export async function shareStore(store: IngestStore, storePath: string, onWrite: () => void): Promise<SharedStore> {
  const socket = socketPath(storePath);
  if (process.platform !== 'win32' && existsSync(socket)) {
    if (await ping(socket)) throw new Error(`another councilgraph server already serves the store at ${storePath} (socket ${socket})`);
    unlinkSync(socket); // left by a server that was killed
  }
  const server = createServer((req, res) => {
    handle(store, req, res, onWrite).catch((err) => reply(res, 500, { error: message(err) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    socket,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(store: IngestStore, req: IncomingMessage, res: ServerResponse, onWrite: () => void): Promise<void> {
  if (req.method === 'GET' && req.url === '/ping') return reply(res, 200, { kind: store.kind, pid: process.pid });
  if (req.method !== 'POST' || req.url !== '/call') return reply(res, 404, { error: 'POST /call {method, args}' });
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const { method, args } = JSON.parse(Buffer.concat(chunks).toString('utf8'), revive) as { method: Method; args: unknown[] };
  if (!(method in METHODS)) return reply(res, 400, { error: `unknown store call ${String(method)}` });
  const fn = (store as unknown as Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined>)[method];
  if (typeof fn !== 'function') return reply(res, 200, { result: null });
  try {
    // JSON has no undefined: an argument left out arrives as null, and must default again.
    const result = await fn.apply(store, args.map((a) => (a === null ? undefined : a)));
    if (METHODS[method]) onWrite();
    // Per-document errors of a group write travel as messages.
    const encoded = method === 'writeDocuments' ? (result as (WriteResult | Error)[]).map((r) => (r instanceof Error ? { error: r.message } : r)) : result;
    reply(res, 200, { result: encoded ?? null });
  } catch (err) {
    if (METHODS[method]) onWrite();
    reply(res, 200, { error: message(err) });
  }
}

/** Maps (the resolution lookups answer with them) travel as {"$map": entries}. */
function replace(_key: string, value: unknown): unknown {
  return value instanceof Map ? { $map: [...value] } : value;
}

function revive(_key: string, value: unknown): unknown {
  return value && typeof value === 'object' && '$map' in value ? new Map((value as { $map: [unknown, unknown][] }).$map) : value;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, replace);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function call<T>(socket: string, method: string, path: string, body?: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body, replace);
    const req = request(
      { socketPath: socket, path, method, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'), revive) as T);
          } catch (err) {
            reject(err);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function ping(socket: string): Promise<{ kind: GraphStore['kind']; pid: number } | null> {
  try {
    return await call<{ kind: GraphStore['kind']; pid: number }>(socket, 'GET', '/ping');
  } catch {
    return null;
  }
}

/** The store at `storePath` through the process serving it, or null when none serves it. */
export async function connectShared(storePath: string): Promise<RemoteStore | null> {
  const socket = socketPath(storePath);
  if (process.platform !== 'win32' && !existsSync(socket)) return null;
  const who = await ping(socket);
  return who ? new RemoteStore(socket, who.kind, who.pid) : null;
}

/** A store whose every call runs in the process serving it. */
export class RemoteStore implements IngestStore {
  constructor(
    private readonly socket: string,
    readonly kind: GraphStore['kind'],
    /** The serving process. */
    readonly serverPid: number,
  ) {}

  private async run<T>(method: Method, ...args: unknown[]): Promise<T> {
    const answer = await call<{ result?: T; error?: string }>(this.socket, 'POST', '/call', { method, args });
    if (answer.error !== undefined) throw new Error(answer.error);
    return answer.result as T;
  }

  /** The serving process made the schema when it opened the store. */
  async init(): Promise<void> {}
  writeDocument = (graph: DocumentGraph) => this.run<WriteResult>('writeDocument', graph);
  async writeDocuments(graphs: DocumentGraph[]): Promise<(WriteResult | Error)[]> {
    const results = await this.run<(WriteResult | { error: string })[]>('writeDocuments', graphs);
    return results.map((r) => ('error' in r ? new Error(r.error) : r));
  }
  removeDocument = (docId: string) => this.run<void>('removeDocument', docId);
  documentHash = (docId: string) => this.run<string | null>('documentHash', docId);
  nodes: GraphStore['nodes'] = (type, ids) => this.run('nodes', type, ids);
  list: GraphStore['list'] = (type, options) => this.run('list', type, options);
  related: GraphStore['related'] = (ids, rel, dir) => this.run('related', ids, rel, dir);
  search: GraphStore['search'] = (text, first) => this.run('search', text, first);
  neighbourhood: GraphStore['neighbourhood'] = (id, depth, types, limit) => this.run('neighbourhood', id, depth, types, limit);
  shortestPath: GraphStore['shortestPath'] = (from, to, maxHops, relations) => this.run('shortestPath', from, to, maxHops, relations);
  ranked: GraphStore['ranked'] = (type, rels, dir, first) => this.run('ranked', type, rels, dir, first);
  sourceText: GraphStore['sourceText'] = (docId) => this.run('sourceText', docId);
  counts: GraphStore['counts'] = () => this.run('counts');
  degreeHistograms: NonNullable<GraphStore['degreeHistograms']> = (specs) => this.run('degreeHistograms', specs);
  refresh = () => this.run<void>('refresh');
  commit = (writes: DocumentWrite[], removals: string[], options?: { force?: boolean }) => this.run<WriteResult[]>('commit', writes, removals, options);
  storedDocuments = () => this.run<StoredDocument[]>('storedDocuments');
  extractions = (ids: string[]) => this.run<StoredExtraction[]>('extractions', ids);
  verify = () => this.run<VerifyReport>('verify');
  documents = (ids: string[]) => this.run<StoredResolution[]>('documents', ids);
  docsWithKeys = (keys: string[]) => this.run<Map<string, string[]>>('docsWithKeys', keys);
  docsOfMeetings = (ids: string[]) => this.run<Map<string, string[]>>('docsOfMeetings', ids);
  docsReferencing = (ids: string[]) => this.run<Map<string, string[]>>('docsReferencing', ids);
  tallies = (keys: string[]) => this.run<Map<string, Counter>>('tallies', keys);
  /** The store stays open in the serving process. */
  async close(): Promise<void> {}
}
