/**
 * The real thing, as a user runs it: `councilgraph ingest` of the sample corpus (ingest/) into a
 * fresh Kuzu store, then `councilgraph serve` on a free port, waited for through /healthz.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'councilgraph.js');
export const SAMPLE_CORPUS = join(ROOT, 'ingest');

export interface CliServer {
  url: string;
  db: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The real seed minutes, beside the repository; absent on a fresh machine (tests skip, saying so). */
export const SEEDS = join(ROOT, '..', 'shared', 'corpus', 'seeds');

/** The deepest folder holding every path (documents are named by their path under it). */
function commonRoot(paths: string[]): string {
  const parts = paths.map((p) => resolve(p).split(sep));
  const out: string[] = [];
  for (let i = 0; parts.every((p) => i < p.length - 1 && p[i] === parts[0]![i]); i++) out.push(parts[0]![i]!);
  return out.join(sep) || sep;
}

export function ingest(db: string, paths: string[]): void {
  const run = spawnSync(process.execPath, [CLI, 'ingest', '--db', db, '--root', commonRoot(paths), ...paths], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  if (run.status !== 0) {
    throw new Error(
      `councilgraph ingest --db ${db} ${paths.join(' ')} exited ${run.status ?? run.signal}:\n${run.stderr || run.stdout}`,
    );
  }
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`councilgraph serve exited ${child.exitCode} before answering:\n${log()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`councilgraph serve did not answer ${url}/healthz within 60 s:\n${log()}`);
}

/** Ingests `paths` into a temporary store and serves it; close() stops the server and deletes the store. */
export async function serveCorpus(paths: string[] = [SAMPLE_CORPUS]): Promise<CliServer> {
  const dir = mkdtempSync(join(tmpdir(), 'councilgraph-e2e-'));
  const db = join(dir, 'db');
  ingest(db, paths);
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, child, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    db,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** POSTs a GraphQL query to a running server; throws on GraphQL errors. */
export async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}
