/** docker-compose.yml and the Dockerfile hold what the README promises (no Docker needed to check). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

describe('docker-compose.yml', () => {
  it('runs Neo4j 5 community with a named volume and a healthcheck', () => {
    expect(compose).toMatch(/^\s+image: neo4j:5-community$/m);
    expect(compose).toMatch(/^\s+- neo4j-data:\/data$/m);
    expect(compose).toMatch(/^volumes:\n\s+neo4j-data:/m);
    expect(compose).toMatch(/healthcheck:\n\s+test: \[.*cypher-shell/);
  });

  it('starts councilgraph against it once it is healthy', () => {
    expect(compose).toMatch(/condition: service_healthy/);
    expect(compose).toMatch(/NEO4J_URI: bolt:\/\/neo4j:7687/);
    expect(compose).toMatch(/NEO4J_PASSWORD: \$\{NEO4J_PASSWORD:-councilgraph-dev\}/);
    expect(compose).toMatch(/NEO4J_AUTH: neo4j\/\$\{NEO4J_PASSWORD:-councilgraph-dev\}/);
    expect(compose).toMatch(/ingest ingest && exec node bin\/councilgraph\.js serve --host 0\.0\.0\.0/);
  });

  it('builds an image on Node 20 that serves and reports its health', () => {
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/HEALTHCHECK .*\n.*\/healthz/);
    expect(dockerfile).toMatch(/EXPOSE 4000/);
  });
});
