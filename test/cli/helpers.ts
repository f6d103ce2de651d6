/** Running the real `councilgraph` binary in a child process, and a Kuzu store to point it at. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentGraph } from '../../src/graph/model.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import { afterAll, beforeAll, expect } from 'vitest';
import { fixtureGraphs } from '../api/fixture.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'bin', 'councilgraph.js');

/** A Kuzu store in a temporary folder holding `graphs`, closed so a child process can open it. */
export async function kuzuWith(graphs: DocumentGraph[]): Promise<{ dir: string; db: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'councilgraph-cli-'));
  const db = join(dir, 'db');
  const store = await openStore({ db });
  for (const g of graphs) await store.writeDocument(g);
  await store.close();
  return { dir, db, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion. */
export function runCli(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
  });
}

export interface Served {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Sends `signal` and resolves to the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts a serving command and waits for the URLs it prints. */
export function startCli(args: string[], timeoutMs = 120_000): Promise<Served> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c));
  child.stderr!.on('data', (c: Buffer) => (out += c));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`councilgraph ${args[0]} printed no URL within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.stdout!.on('data', () => {
      const m = /playground\s+(http:\/\/\S+)\/graphql/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        child,
        url: m[1]!,
        output: () => out,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill(signal);
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`councilgraph ${args[0]} exited with ${code}:\n${out}`));
    });
  });
}

export async function postQuery(url: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

/**
 * The API fixture in a Kuzu store, served by a real `councilgraph serve` for the tests of one
 * describe block (started before them, stopped after, expected to exit 0).
 */
export function servedFixture(): { store: Awaited<ReturnType<typeof kuzuWith>>; served: Served } {
  const ctx = {} as { store: Awaited<ReturnType<typeof kuzuWith>>; served: Served };
  beforeAll(async () => {
    ctx.store = await kuzuWith(fixtureGraphs());
    ctx.served = await startCli(['serve', '--db', ctx.store.db, '--port', '0']);
  }, 180_000);
  afterAll(async () => {
    if (ctx.served) expect(await ctx.served.stop('SIGTERM'), ctx.served.output()).toBe(0);
    ctx.store?.remove();
  });
  return ctx;
}
