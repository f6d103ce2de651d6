/**
 * A real `councilgraph serve` (embedded Kuzu, its own process) under attack: deep offsets and
 * long strings in every argument get coded errors and the server stays up (an ORDER BY … SKIP
 * far past the end used to kill it with a segmentation fault); while the fragment family is
 * fired at it back to back, /healthz keeps answering. Bounds are loose for a loaded 2-core
 * machine; `npm run bench:hostile` prints the real figures.
 */
import { describe, expect, it } from 'vitest';
import { DEEP_OFFSETS, FRAGMENT_FAMILY, longStringQueries, REFUSAL_CODES } from '../api/hostile-queries.ts';
import { postQuery, servedFixture } from './helpers.ts';

async function post(url: string, query: string, variables?: Record<string, unknown>) {
  const started = performance.now();
  const body = await postQuery(url, query, variables);
  return { body, ms: performance.now() - started };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

describe('a running server under hostile queries', () => {
  const ctx = servedFixture();

  it('answers huge offsets and long strings with coded errors and stays up', async () => {
    for (const offset of [...DEEP_OFFSETS, 12_000, 99_999]) {
      for (const list of ['people', 'bodies', 'strategies', 'topics', 'meetings']) {
        const { body } = await post(ctx.served.url, `{ ${list}(first: 10, offset: ${offset}) { id } }`);
        if (offset <= 100_000) expect(body, `${list} offset ${offset}`).toEqual({ data: { [list]: [] } });
        else expect(REFUSAL_CODES).toContain(body.errors?.[0]?.extensions?.code);
      }
    }
    // Long strings: just over the cap, and 90 KB (what grew an earlier server by gigabytes).
    for (const text of ['x'.repeat(401), 'y'.repeat(90_000)]) {
      for (const { query, variables } of longStringQueries(text)) {
        const { body } = await post(ctx.served.url, query, variables);
        expect(body.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
        expect(body.errors?.[0]?.extensions?.requestId).toMatch(/^[\w-]+$/);
      }
    }
    expect(ctx.served.child.exitCode).toBeNull();
    const health = await (await fetch(`${ctx.served.url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok' });
  }, 120_000);

  it('keeps /healthz answering while the fragment family is fired back to back', async () => {
    const family = Object.values(FRAGMENT_FAMILY);
    const refused: number[] = [];
    const health: number[] = [];
    let attacking = true;
    const attacker = async (k: number) => {
      for (let i = k; attacking; i++) {
        const { body, ms } = await post(ctx.served.url, family[i % family.length]!);
        expect(REFUSAL_CODES).toContain(body.errors?.[0]?.extensions?.code);
        refused.push(ms);
      }
    };
    const attackers = [0, 1, 2, 3].map(attacker);
    const until = Date.now() + 4_000;
    while (Date.now() < until) {
      const started = performance.now();
      const res = await fetch(`${ctx.served.url}/healthz`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      health.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
    attacking = false;
    await Promise.all(attackers);
    expect(refused.length).toBeGreaterThan(20);
    // The bench measures ~ms; these bounds only catch a stall (26 s per query, before).
    expect(percentile(refused, 0.5), `hostile p50 of ${refused.length}`).toBeLessThan(250);
    expect(percentile(health, 0.5), `healthz p50 of ${health.length}`).toBeLessThan(250);
    expect(Math.max(...health), 'healthz max').toBeLessThan(2_000);
    expect(ctx.served.child.exitCode).toBeNull();
  }, 120_000);
});
