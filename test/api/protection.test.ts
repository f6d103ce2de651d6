/**
 * Protection: hostile or oversized queries get a GraphQL error with a code, quickly, before
 * they reach the store; internal errors never leak details in production mode.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/server.ts';
import { DEFAULT_LIMITS } from '../../src/api/limits.ts';
import { fixtureGraphs } from './fixture.ts';
import { apiOver, type ApiHarness, capturingLogger } from './harness.ts';
import { MemoryStore, memoryStoreWith } from './memory-store.ts';
import { silentLogger } from '../../src/api/logger.ts';

/** `levels` nested fields: person → presented → meeting → chair → presented → … → id (cheap, only deep) */
function deepQuery(levels: number): string {
  const chain = ['presented(first: 1)', 'meeting', 'chair'];
  let open = '';
  let close = '';
  for (let i = 0; i < levels - 2; i++) {
    open += `${chain[i % chain.length]} { `;
    close += ' }';
  }
  return `{ person(name: "Helen Sweaton") { ${open}id${close} } }`;
}

describe('protection', () => {
  let store: MemoryStore;
  let h: ApiHarness;
  beforeAll(async () => {
    store = await memoryStoreWith(fixtureGraphs());
    h = await apiOver(store);
  });
  afterAll(() => h.api.stop());

  async function refused(query: string, code: string, variables?: Record<string, unknown>) {
    store.resetCalls();
    const started = performance.now();
    const r = await h.run(query, variables);
    const ms = performance.now() - started;
    expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r.errors)).toBe(code);
    expect(r.data ?? null).toBeNull();
    expect(ms).toBeLessThan(500);
    expect(store.calls.size, 'a refused query must not reach the store').toBe(0);
    return r.errors![0]!.message;
  }

  it('accepts queries within every limit', async () => {
    const d = await h.data(deepQuery(DEFAULT_LIMITS.maxDepth));
    expect(d.person).toBeTruthy();
  });

  it('refuses fields nested deeper than the depth limit', async () => {
    const message = await refused(deepQuery(DEFAULT_LIMITS.maxDepth + 1), 'DEPTH_LIMIT_EXCEEDED');
    expect(message).toMatch(/deeper than 12/);
  });

  it('refuses nested lists whose sizes multiply past the cost limit', async () => {
    const message = await refused(
      '{ meetings(first: 1000) { items { presenters { presented(first: 1000) { title } } } } }',
      'COST_LIMIT_EXCEEDED',
    );
    expect(message).toMatch(/cost about \d+, above the limit of 100000/);
    // The defaults count too: 100 bodies × 100 meetings × 15 items × 3 presenters × 100 items.
    await refused('{ bodies { meetings { items { presenters { presented { title } } } } } }', 'COST_LIMIT_EXCEEDED');
  });

  it('counts variables and fragments in the cost', async () => {
    await refused(
      'query($n: Int) { meetings(first: $n) { ...M } } fragment M on Meeting { items { presenters { presented(first: 1000) { title } } } }',
      'COST_LIMIT_EXCEEDED',
      { n: 1000 },
    );
  });

  it('caps first at 1000 with a clear message, literal or variable, at any level', async () => {
    expect(await refused('{ people(first: 5000) { name } }', 'BAD_USER_INPUT')).toMatch(/first must be between 0 and 1000 \(got 5000\).*offset/);
    await refused('query($n: Int) { people(first: $n) { name } }', 'BAD_USER_INPUT', { n: 1001 });
    await refused('{ person(name: "x") { presented(first: 2000) { id } } }', 'BAD_USER_INPUT');
    await refused('{ search(text: "x", first: 100000) { id } }', 'BAD_USER_INPUT');
    await refused('{ people(first: -1) { name } }', 'BAD_USER_INPUT');
    expect((await h.run('{ people(offset: -5) { name } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('bounds neighbourhood depth and path maxHops, and prices them', async () => {
    await refused('{ neighbourhood(id: "x", depth: 4) { nodes { id } } }', 'BAD_USER_INPUT');
    await refused('{ neighbourhood(id: "x", depth: 0) { nodes { id } } }', 'BAD_USER_INPUT');
    await refused('{ path(from: "a", to: "b", maxHops: 7) { nodes { id } } }', 'BAD_USER_INPUT');
    // Allowed alone, a depth-3 neighbourhood is too costly when each node drags lists along.
    await refused(
      '{ neighbourhood(id: "x", depth: 3) { nodes { entity { ... on Person { presented(first: 1000) { meeting { attendees { name } } } } } } } }',
      'COST_LIMIT_EXCEEDED',
    );
  });

  it('caps aliases', async () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: stats { documents }`).join(' ');
    expect(await refused(`{ ${fields} }`, 'ALIAS_LIMIT_EXCEEDED')).toMatch(/More than 30 aliases/);
  });

  it('refuses oversized queries before parsing them, and token floods in the parser', async () => {
    await refused(`{ stats { documents } } # ${'x'.repeat(DEFAULT_LIMITS.maxQueryChars)}`, 'QUERY_TOO_LARGE');
    await refused(`{ ${'__typename '.repeat(DEFAULT_LIMITS.maxTokens + 10)} }`.slice(0, DEFAULT_LIMITS.maxQueryChars), 'GRAPHQL_PARSE_FAILED');
  });

  it('is read-only without a corrections file: mutations and subscriptions are refused', async () => {
    expect(await refused('mutation { correct(input: { kind: MERGE, ids: ["a", "b"] }) { id } }', 'READ_ONLY')).toMatch(/read-only/);
    await refused('mutation { deleteEverything }', 'GRAPHQL_VALIDATION_FAILED');
    await refused('subscription { stats { documents } }', 'READ_ONLY');
  });

  it('allows the standard introspection query (the playground needs it) but not nested type walks', async () => {
    const r = await h.run(getIntrospectionQuery());
    expect(r.errors).toBeUndefined();
    expect((r.data as any).__schema.queryType.name).toBe('Query');
    expect(await refused('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }', 'GRAPHQL_VALIDATION_FAILED')).toMatch(/introspection depth/);
  });

  it('times out a slow request with REQUEST_TIMEOUT', async () => {
    const slow = await memoryStoreWith(fixtureGraphs());
    slow.delayMs = 400;
    const api = await createApi(slow, { limits: { timeoutMs: 100 }, logger: silentLogger() });
    const started = performance.now();
    const r = await api.execute({ query: '{ person(name: "Helen Sweaton") { presented { title } } }' });
    expect(performance.now() - started).toBeLessThan(350);
    expect(r.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
    await api.stop();
  });
});

describe('errors in production mode', () => {
  class BrokenStore extends MemoryStore {
    override async list(): Promise<never> {
      throw new Error('Kuzu exploded at /secret/path/db: MATCH (n:Person) ...');
    }
  }

  it('hide internal details and stack traces, and log them with a reference', async () => {
    const { logger, lines: logged } = capturingLogger();
    const api = await createApi(new BrokenStore(), { production: true, logger });
    const r = await api.execute({ query: '{ people { name } }' });
    const err = r.errors![0]!;
    expect(err.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(err.message).toMatch(/^Internal server error; the server log has the details under this request id/);
    expect(err.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(r)).not.toMatch(/secret|Kuzu|MATCH|stacktrace|at /);
    const line = logged.map((l) => JSON.parse(l)).find((l) => l.requestId === err.extensions?.requestId);
    expect(line?.err?.message).toContain('Kuzu exploded');
    // User errors keep their helpful message, still without a trace.
    const user = await api.execute({ query: '{ people(first: 5000) { name } }' });
    expect(user.errors![0]!.message).toMatch(/first must be between/);
    expect(user.errors![0]!.extensions?.stacktrace).toBeUndefined();
    await api.stop();
  });

  it('show the message (not the data store internals to users in production) in development', async () => {
    const api = await createApi(new BrokenStore(), { production: false, logger: silentLogger() });
    const r = await api.execute({ query: '{ people { name } }' });
    expect(r.errors![0]!.message).toContain('Kuzu exploded');
    expect(r.errors![0]!.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    await api.stop();
  });
});
