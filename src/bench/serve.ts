/**
 * What the HTTP benches share: servers in a child process (so the server and the load generator
 * each get a core), started once they print where they listen, driven with autocannon, their
 * memory and CPU read, stopped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Running {
  url: string;
  child: ChildProcess;
  /** What it printed before listening (the index line, the floor's load time). */
  banner: string;
}

/**
 * Starts `node args…` and resolves once its stdout matches `ready` (group 1: the base URL).
 * The server's stderr (one JSON log line per request, part of what is measured) goes to /dev/null.
 */
export function startServer(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, options: { cwd?: string; timeoutMs?: number } = {}): Promise<Running> {
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not start listening within ${timeoutMs / 1000} s:\n${out}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, banner: out });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code} before listening:\n${out}`));
    });
  });
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process in MB (Linux /proc), or null where that cannot be read. */
export function rssMB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds a process has used so far (Linux /proc: user + system, its threads included). */
export function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // After the command name: state is field 3, utime 14 and stime 15 (1-based, man 5 proc).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export async function post(url: string, body: string): Promise<{ data?: any; errors?: unknown[] }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

export interface LoadResult {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { average: number; p50: number; p90: number; p99: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
export const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** `connections` clients for `seconds`, each sending the bodies in turn. */
export async function load(url: string, bodies: string[], connections: number, seconds: number): Promise<LoadResult> {
  const r = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: bodies.map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })),
  });
  return { rps: r.requests.average, total: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx };
}

/** `councilgraph serve --db DB` on a free port, in production mode, once it prints its URL. */
export async function startServe(db: string, env: NodeJS.ProcessEnv = {}): Promise<{ url: string; child: ChildProcess }> {
  const { url, child } = await startServer([join(ROOT, 'bin/councilgraph.js'), 'serve', '--db', db, '--port', '0'], { NODE_ENV: 'production', ...env }, /GraphQL\s+POST (http:\/\/\S+)\/graphql/);
  return { url, child };
}

export const stopServe = stopServer;
