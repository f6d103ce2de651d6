/**
 * Every GraphQL operation the dashboard sends is valid against schema.graphql and within the
 * server's cost, depth, alias and size limits (otherwise a panel would fail at run time with
 * an error the analyst cannot act on), and generated.ts is what `npm run codegen` makes of them.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, Kind, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyseOperation } from '../../src/api/protection/cost.ts';
import { checkShape } from '../../src/api/protection/shape.ts';
import { DEFAULT_LIMITS } from '../../src/api/limits.ts';
import { loadTypeDefs } from '../../src/api/server.ts';
import { OPERATIONS, type OperationName } from '../../src/dashboard/api/generated.ts';
import { featuresOf, toSubgraph } from '../../src/dashboard/api/queries.ts';
import { GENERATED_FILE, generate } from '../../scripts/dashboard-codegen.ts';

const schema = buildSchema(loadTypeDefs());

/** Variables each operation is sent with at its largest. */
const VARIABLES: Record<OperationName, Record<string, unknown>> = {
  Home: { first: 8 },
  Search: { text: 'sweaton' },
  Neighbourhood: { id: 'person:x' },
  Path: { from: 'person:x', to: 'person:y', relations: null },
  Details: { id: 'person:x' },
  PersonTable: { id: 'person:x' },
  BodyTable: { id: 'body:x', offset: 0, withRequests: true },
  BodyDeferrals: { id: 'body:x', offset: 0 },
  StrategyTable: { id: 'strategy:x' },
  SourceDocument: { id: 'doc:x' },
  Timeline: { id: 'person:x' },
  Features: {},
  Ledger: {},
  Correct: { input: { kind: 'MERGE', ids: ['a', 'b'] } },
};

describe('dashboard GraphQL operations', () => {
  it('generated.ts is current (run `npm run codegen` after changing the operations or the schema)', async () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(await generate());
  }, 30_000);

  for (const [name, text] of Object.entries(OPERATIONS) as [OperationName, string][]) {
    it(`${name}: valid against schema.graphql and within the server's limits`, () => {
      const doc = parse(text);
      expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
      expect(text.length).toBeLessThan(DEFAULT_LIMITS.maxQueryChars);
      const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const fragments = doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
      // Priced with the built-in estimates (those of a busy council), not a small test store's.
      const analysis = analyseOperation(schema, operation, fragments, VARIABLES[name], DEFAULT_LIMITS);
      expect(analysis.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost!);
      const shape = checkShape(doc, DEFAULT_LIMITS);
      expect(shape.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth);
      expect(shape.aliases).toBeLessThanOrEqual(DEFAULT_LIMITS.maxAliases);
    });
  }
});

const ev = (sentence: string) => ({
  sentence,
  start: 0,
  end: sentence.length,
  page: null,
  source: { id: 'doc:a', name: 'a.txt', format: 'text', url: null },
  item: null,
  meeting: { id: 'meeting:m', date: '2025-01-02', title: 'M', body: { id: 'body:b', name: 'Cabinet' } },
});

describe('toSubgraph', () => {
  it('folds the API’s one-edge-per-evidence into one edge per relation, keeping every sentence', () => {
    const sub = toSubgraph({
      nodes: [
        { id: 'person:a', type: 'Person', label: 'A', date: null, entity: { __typename: 'Person' } },
        { id: 'meeting:m', type: 'Meeting', label: 'M', date: '2025-01-02', entity: { __typename: 'Meeting', body: { name: 'Cabinet' } } },
      ],
      edges: [
        { id: '1', type: 'ATTENDED', from: 'person:a', to: 'meeting:m', evidence: ev('Present: A.') },
        { id: '2', type: 'ATTENDED', from: 'person:a', to: 'meeting:m', evidence: ev('A attended.') },
        { id: '3', type: 'CHAIRED', from: 'person:a', to: 'meeting:m', evidence: ev('A in the Chair.') },
      ],
      truncated: false,
    });
    expect(sub.edges.map((e) => [e.key, e.evidence.map((x) => x.sentence)])).toEqual([
      ['person:a|ATTENDED|meeting:m', ['Present: A.', 'A attended.']],
      ['person:a|CHAIRED|meeting:m', ['A in the Chair.']],
    ]);
    expect(sub.nodes[1]).toEqual({ id: 'meeting:m', type: 'Meeting', label: 'M', date: '2025-01-02', body: 'Cabinet' });
    expect(sub.edges[0]!.evidence[0]!.meeting).toEqual({ id: 'meeting:m', date: '2025-01-02', title: 'M', body: 'Cabinet', bodyId: 'body:b' });
  });
});

describe('featuresOf', () => {
  it('finds issue 9’s facts by the field names that issue specifies', () => {
    const fields = (...names: string[]) => ({ fields: names.map((name) => ({ name })) });
    expect(featuresOf({ person: fields('name'), item: fields('title'), query: fields('people') })).toEqual({ declarations: false, decisions: false, ledger: false });
    expect(featuresOf({ person: fields('declarations'), item: fields('decisions'), query: fields('requests', 'deferrals') })).toEqual({
      declarations: true,
      decisions: true,
      ledger: true,
    });
  });
});
