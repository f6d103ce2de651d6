/**
 * docker-compose.yml and the Dockerfile hold what the README promises. No Docker engine runs
 * here, so the compose file is checked by `docker-compose config` (Debian's docker-compose,
 * which .ci/run installs) and the image's install steps run outside Docker (image.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

const hasCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
if (!hasCompose) console.warn('SKIPPED docker-compose config: no docker-compose on this machine (apt-get install docker-compose; .ci/run does).');

function config(env: NodeJS.ProcessEnv) {
  const { NEO4J_PASSWORD: _, ...rest } = process.env;
  return spawnSync('docker-compose', ['-f', join(ROOT, 'docker-compose.yml'), 'config'], { cwd: ROOT, encoding: 'utf8', env: { ...rest, ...env } });
}

describe('docker-compose.yml', () => {
  it.skipIf(!hasCompose)('is valid for docker-compose, publishes ports on 127.0.0.1 only, and passes the password through', () => {
    const r = config({ NEO4J_PASSWORD: 'a-long-test-password' });
    expect(r.status, r.stderr).toBe(0);
    const ports = [...r.stdout.matchAll(/published: (\d+)|- (\S+:\d+:\d+)/g)].map((m) => m[0]);
    expect(r.stdout).toMatch(/host_ip: 127\.0\.0\.1|127\.0\.0\.1:4000:4000/);
    expect(r.stdout).not.toMatch(/0\.0\.0\.0:(4000|7474|7687)/);
    expect(ports.length).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/NEO4J_AUTH: neo4j\/a-long-test-password/);
    expect(r.stdout).toMatch(/NEO4J_PASSWORD: a-long-test-password/);
    expect(r.stdout).toMatch(/condition: service_healthy/);
  });

  it.skipIf(!hasCompose)('refuses to start without a password: there is no default one', () => {
    const r = config({});
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/set NEO4J_PASSWORD/);
  });

  it('runs Neo4j 5 community with a named volume and a health check, councilgraph once it is healthy', () => {
    expect(compose).toMatch(/^\s+image: neo4j:5-community$/m);
    expect(compose).toMatch(/^\s+- neo4j-data:\/data$/m);
    expect(compose).toMatch(/^volumes:\n\s+neo4j-data:/m);
    expect(compose).toMatch(/healthcheck:\n\s+test: \[.*cypher-shell/);
    expect(compose).toMatch(/NEO4J_URI: bolt:\/\/neo4j:7687/);
    expect(compose).not.toMatch(/NEO4J_PASSWORD:-/);
    for (const m of compose.matchAll(/^\s+- "([^"]+)"/gm)) expect(m[1]).toMatch(/^127\.0\.0\.1:/);
    expect(compose).toMatch(/ingest ingest && exec node bin\/councilgraph\.js serve --host 0\.0\.0\.0/);
  });
});

describe('Dockerfile', () => {
  it('builds on a maintained Node LTS, runs as a non-root user, and reports its health', () => {
    const bases = [...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(bases.length).toBeGreaterThan(0);
    // Node 20 reached end of life in April 2026; 22 is maintained until April 2027.
    for (const major of bases) expect(major).toBeGreaterThanOrEqual(22);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK .*\n.*\/healthz/);
    expect(dockerfile).toMatch(/EXPOSE 4000/);
    // The runtime stage installs through the script the image test runs, which drops Kuzu's sources.
    expect(dockerfile).toMatch(/RUN sh scripts\/image-install\.sh/);
    expect(readFileSync(join(ROOT, 'scripts', 'image-install.sh'), 'utf8')).toMatch(/rm -rf node_modules\/kuzu\/kuzu-source/);
  });
});
