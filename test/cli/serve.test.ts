/** `councilgraph serve` and `councilgraph start` as users run them: real processes, real ports. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureGraphs } from '../api/fixture.ts';
import { kuzuWith, postQuery, runCli, startCli } from './helpers.ts';

describe('councilgraph serve', () => {
  let store: Awaited<ReturnType<typeof kuzuWith>>;
  beforeAll(async () => {
    store = await kuzuWith(fixtureGraphs());
  });
  afterAll(() => store?.remove());

  it('serves the API, playground and health on the given store, and stops cleanly on SIGTERM', async () => {
    const served = await startCli(['serve', '--db', store.db, '--port', '0']);
    try {
      expect(served.output()).toMatch(/serving Kuzu at /);
      expect(served.output()).not.toMatch(/development mode/);
      expect(served.output()).toMatch(/health\s+http:\/\/127\.0\.0\.1:\d+\/healthz/);
      const health = await (await fetch(`${served.url}/healthz`)).json();
      expect(health).toMatchObject({ status: 'ok', store: { kind: 'kuzu', reachable: true } });
      const r = await postQuery(served.url, '{ person(name: "Helen Sweaton") { presented { title } } }');
      expect(r.data.person.presented).toHaveLength(3);
      const page = await fetch(`${served.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBeLessThan(600);
    } finally {
      expect(await served.stop('SIGTERM')).toBe(0);
    }
  });

  it('says what is wrong with bad options', async () => {
    const r = await runCli(['serve', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port must be a whole number/);
  });
});

describe('councilgraph start', () => {
  it('ingests the sample minutes into the embedded store, serves, and prints the URLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'councilgraph-start-'));
    const served = await startCli(['start', '--db', join(dir, 'data'), '--port', '0'], 240_000);
    try {
      expect(served.output()).toMatch(/ingesting .*ingest into Kuzu at/);
      expect(served.output()).toMatch(/documents: \d+ ingested/);
      expect(served.output()).toMatch(/dashboard\s+http:\/\/127\.0\.0\.1:\d+\//);
      const stats = await postQuery(served.url, '{ stats { documents } meetings(first: 1000) { id } }');
      const ingested = Number(/documents: (\d+) ingested/.exec(served.output())![1]);
      expect(ingested).toBeGreaterThan(0);
      expect(stats.data.stats.documents).toBe(ingested);
      expect(stats.data.meetings.length).toBeGreaterThan(0);
      // The headline question, asked of the sample corpus's busiest presenter (the playground's first tab).
      const page = await (await fetch(`${served.url}/graphql`, { headers: { accept: 'text/html' } })).text();
      const examples = JSON.parse(/id="councilgraph-examples">(.*?)<\/script>/s.exec(page)![1]!.replace(/\\u003c/g, '<'));
      const answer = await postQuery(served.url, examples[0].query, examples[0].variables);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.person.presented.length).toBeGreaterThan(0);
    } finally {
      expect(await served.stop('SIGINT')).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
