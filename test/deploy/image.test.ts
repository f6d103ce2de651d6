/**
 * The Docker image's runtime stage, without Docker: the files its COPY lines name are copied
 * into a temporary folder, scripts/image-install.sh installs the runtime dependencies there
 * (`npm ci --omit=dev` from the lockfile), and `councilgraph start` serves from it. This is what
 * fails when the lockfile misses a package, a runtime import needs a dev dependency, or the
 * image would carry Kuzu's C++ sources.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
const work = mkdtempSync(join(tmpdir(), 'councilgraph-image-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `COPY a b dest` lines of the runtime stage (sources relative to the repository). */
function copies(): { from: string[]; to: string; fromStage: boolean }[] {
  return [...runtime.matchAll(/^COPY (--from=\S+ )?(.+)$/gm)].map((m) => {
    const parts = m[2]!.trim().split(/\s+/);
    return { from: parts.slice(0, -1), to: parts[parts.length - 1]!, fromStage: Boolean(m[1]) };
  });
}

function copyAsDockerfile(): void {
  for (const c of copies()) {
    for (const src of c.from) {
      // The bundles come from the build stage; here, from this checkout's `npm ci` (prepare).
      const from = c.fromStage ? join(ROOT, 'dist') : join(ROOT, src);
      const to = c.to.endsWith('/') || c.from.length > 1 ? join(work, c.to, src.split('/').pop()!) : join(work, c.to);
      cpSync(from, to, { recursive: true });
    }
  }
}

function waitForUrl(child: ReturnType<typeof spawn>, out: () => string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within ${timeoutMs} ms:\n${out()}`)), timeoutMs);
    const check = () => {
      const m = /playground\s+(http:\/\/\S+)\/graphql/.exec(out());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start exited ${code}:\n${out()}`));
    });
  });
}

describe('the Docker image, built outside Docker', () => {
  it('installs its runtime dependencies from the lockfile, without dev dependencies or Kuzu sources, and serves', async () => {
    expect(existsSync(join(ROOT, 'dist', 'dashboard', 'index.html')), 'run npm ci (it builds the bundles) first').toBe(true);
    copyAsDockerfile();
    const install = spawnSync('sh', ['scripts/image-install.sh'], { cwd: work, encoding: 'utf8', timeout: 600_000 });
    expect(install.status, install.stderr).toBe(0);
    expect(existsSync(join(work, 'node_modules', 'kuzu', 'kuzujs.node'))).toBe(true);
    expect(existsSync(join(work, 'node_modules', 'kuzu', 'kuzu-source'))).toBe(false);
    for (const dev of ['vite', 'vitest', 'typescript', 'testcontainers', 'graphiql']) {
      expect(existsSync(join(work, 'node_modules', dev)), dev).toBe(false);
    }

    let out = '';
    const child = spawn(process.execPath, ['bin/councilgraph.js', 'start', '--port', '0', '--db', join(work, 'data')], {
      cwd: work,
      env: { ...process.env, NODE_ENV: 'production', COUNCILGRAPH_DB: join(work, 'data') },
    });
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    try {
      const url = await waitForUrl(child, () => out, 240_000);
      const health = await (await fetch(`${url}/healthz`)).json();
      expect(health).toMatchObject({ status: 'ok', store: { kind: 'kuzu', reachable: true } });
      const r = (await (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ stats { documents } }' }),
        })
      ).json()) as { data: { stats: { documents: number } } };
      expect(r.data.stats.documents).toBeGreaterThan(0);
      const page = await fetch(`${url}/`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(page.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, 900_000);
});
