/**
 * The direct path (src/api/direct.ts) answers as Apollo does: the same body, status and headers
 * for answers, resolver errors (codes, masking, request ids, HTTP status), and the requests it
 * leaves to Apollo (syntax and validation errors, variables that do not coerce, refused costs,
 * mutations). A client picks Apollo by asking for JSON with a quality value (`q=`), which the
 * direct path does not take.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from '../../src/api/http.ts';
import { createApi, type Api } from '../../src/api/server.ts';
import { silentLogger } from '../../src/api/logger.ts';
import { fixtureGraphs } from './fixture.ts';
import { memoryStoreWith } from './memory-store.ts';

async function post(url: string, body: unknown, accept?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'same-id', ...(accept ? { accept } : {}) },
    body: JSON.stringify(body),
  });
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (k !== 'date') headers[k] = v;
  });
  return { status: res.status, headers, body: await res.text() };
}

const REQUESTS: [string, unknown][] = [
  ['an answer', { query: 'query($name: String!) { person(name: $name) { name presented { title meeting { date body { name } } } } }', variables: { name: 'Helen Sweaton' } }],
  ['an answer with an operation name', { query: 'query A { stats { documents } } query B { meetings(first: 2) { id date } }', operationName: 'B' }],
  ['a resolver refusing an argument', { query: '{ meetings(first: -1) { id } }' }],
  ['a resolver refusing a value', { query: '{ search(text: "") { id } }' }],
  ['variables that do not coerce', { query: 'query($n: String!) { person(name: $n) { name } }', variables: { n: 5 } }],
  ['a validation error', { query: '{ nope }' }],
  ['a syntax error', { query: '{ stats { ' }],
  ['no operation of that name', { query: '{ stats { documents } }', operationName: 'Missing' }],
  ['a cost above the limit', { query: '{ meetings(first: 1000) { items(first: 1000) { presenters { presented(first: 1000) { title } } } } }' }],
  ['a mutation on a read-only server', { query: 'mutation { __typename }' }],
];

describe('direct execution', () => {
  let api: Api;
  let server: RunningServer;

  beforeAll(async () => {
    api = await createApi(await memoryStoreWith(fixtureGraphs()), { logger: silentLogger(), limits: { maxCost: 50_000 } });
    server = await startHttpServer(api, { port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await api?.stop();
  });

  it.each(REQUESTS)('answers %s as Apollo does', async (_, body) => {
    const direct = await post(server.url, body);
    const apollo = await post(server.url, body, 'application/json;q=0.9');
    expect(direct).toEqual(apollo);
  });

  it('covers answers and refusals alike (the cases above are what they say)', async () => {
    const codes = [];
    for (const [, body] of REQUESTS) {
      const r = await post(server.url, body);
      const json = JSON.parse(r.body);
      codes.push([r.status, json.errors?.[0]?.extensions?.code ?? null]);
    }
    expect(JSON.parse((await post(server.url, REQUESTS[0]![1])).body).data.person.name).toBe('Helen Sweaton');
    expect(codes).toEqual([
      [200, null],
      [200, null],
      [400, 'BAD_USER_INPUT'],
      [400, 'BAD_USER_INPUT'],
      [400, 'BAD_USER_INPUT'],
      [400, 'GRAPHQL_VALIDATION_FAILED'],
      [400, 'GRAPHQL_PARSE_FAILED'],
      [400, 'OPERATION_RESOLUTION_FAILURE'],
      [400, 'COST_LIMIT_EXCEEDED'],
      [400, 'READ_ONLY'],
    ]);
  });

  it('masks an internal error as Apollo does, with the request id', async () => {
    const counts = api.store.counts;
    api.store.counts = () => Promise.reject(new Error('disk on fire'));
    try {
      const body = { query: '{ stats { documents } }' };
      const direct = await post(server.url, body);
      expect(direct).toEqual(await post(server.url, body, 'application/json;q=0.9'));
      expect(direct.body).not.toContain('disk on fire');
      expect(JSON.parse(direct.body).errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'same-id' });
    } finally {
      api.store.counts = counts;
    }
  });
});
