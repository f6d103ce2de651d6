/** `councilgraph query`: one GraphQL operation against a store, JSON on stdout, no server. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureGraphs, ID } from '../api/fixture.ts';
import { kuzuWith, runCli } from './helpers.ts';

const HELEN = 'query($name: String!) { person(name: $name) { name presented { title meeting { date body { name } } } } }';

describe('councilgraph query', () => {
  let store: Awaited<ReturnType<typeof kuzuWith>>;
  beforeAll(async () => {
    store = await kuzuWith(fixtureGraphs());
  });
  afterAll(() => store?.remove());

  it('answers the headline question as {"data": …} on stdout', async () => {
    const r = await runCli(['query', '--db', store.db, HELEN, '--variables', '{"name": "Helen Sweatton"}']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['data']);
    expect(out.data.person.name).toBe('Helen Sweaton');
    expect(out.data.person.presented.map((i: { meeting: { date: string } }) => i.meeting.date)).toEqual(['2025-07-22', '2025-11-04', '2025-11-04']);
    expect(out.data.person.presented[0].meeting.body.name).toBe('Improving Lives Select Commission');
  });

  it('reads the query from stdin or a file, and picks an operation by name', async () => {
    const fromStdin = await runCli(['query', '--db', store.db, '-'], { stdin: `{ meeting(id: "${ID.m1}") { date } }` });
    expect(JSON.parse(fromStdin.stdout)).toEqual({ data: { meeting: { date: '2025-07-22' } } });
    const file = join(store.dir, 'q.graphql');
    writeFileSync(file, 'query A { stats { documents } } query B { meetings(first: 1) { id } }');
    const fromFile = await runCli(['query', '--db', store.db, `@${file}`, '--operation', 'B']);
    expect(JSON.parse(fromFile.stdout)).toEqual({ data: { meetings: [{ id: ID.m1 }] } });
  });

  it('prints GraphQL errors as JSON and exits 1; refuses what the server refuses', async () => {
    const r = await runCli(['query', '--db', store.db, '{ people(first: 5000) { name } }']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const syntax = await runCli(['query', '--db', store.db, '{ person(name: ']);
    expect(syntax.code).toBe(1);
    expect(JSON.parse(syntax.stdout).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('lets the operator raise or drop the cost limit (--max-cost N, --unlimited), keeping the other limits', async () => {
    // Priced from this small store's own list sizes, so it takes a wide walk to cost much.
    const costly = `{ neighbourhood(id: "${ID.helen}", depth: 3) { nodes { entity { ... on Person { presented(first: 1000) { meeting { attendees { presented(first: 1000) { meeting { attendees { name } } } } } } } } } } }`;
    const refused = await runCli(['query', '--db', store.db, costly]);
    expect(refused.code).toBe(1);
    const cost = Number(/cost about (\d+)/.exec(JSON.parse(refused.stdout).errors[0].message)![1]);
    expect(JSON.parse(refused.stdout).errors[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    const raised = await runCli(['query', '--db', store.db, costly, '--max-cost', String(cost + 1)]);
    expect(raised.code, raised.stdout).toBe(0);
    const unlimited = await runCli(['query', '--db', store.db, costly, '--unlimited']);
    expect(unlimited.code).toBe(0);
    expect(JSON.parse(unlimited.stdout).data.neighbourhood.nodes.length).toBeGreaterThan(0);
    const stillBounded = await runCli(['query', '--db', store.db, '{ people(first: 5000) { name } }', '--unlimited']);
    expect(JSON.parse(stillBounded.stdout).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const bad = await runCli(['query', '--db', store.db, costly, '--max-cost', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-cost must be a positive number/);
  });

  it('explains bad arguments on stderr with exit 2', async () => {
    const badVars = await runCli(['query', '--db', store.db, HELEN, '--variables', '{name: x}']);
    expect(badVars.code).toBe(2);
    expect(badVars.stderr).toMatch(/--variables is not valid JSON/);
    expect(badVars.stdout).toBe('');
    const both = await runCli(['query', '--db', store.db, '--neo4j', 'bolt://localhost:7687', '{ stats { documents } }']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either --db or --neo4j/);
    const two = await runCli(['query', '--db', store.db, '{ a }', '{ b }']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/expected one query argument/);
  });
});
