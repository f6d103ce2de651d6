/**
 * Every GraphQL document the dashboard sends must be valid against schema.graphql and within
 * the server's cost, depth, alias and size limits: otherwise a panel would fail at run time
 * with an error the analyst cannot act on.
 */
import { buildSchema, parse, validate, Kind, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyseOperation } from '../../src/api/protection/cost.ts';
import { checkShape } from '../../src/api/protection/shape.ts';
import { DEFAULT_LIMITS } from '../../src/api/limits.ts';
import { loadTypeDefs } from '../../src/api/server.ts';
import type { GraphQLClient } from '../../src/dashboard/api/client.ts';
import {
  fetchDetails,
  fetchNeighbourhood,
  fetchPath,
  fetchSuggestions,
  fetchTimeline,
  searchEntities,
  toSubgraph,
} from '../../src/dashboard/api/queries.ts';

const schema = buildSchema(loadTypeDefs());

class Captured extends Error {}

async function capture(call: (api: GraphQLClient) => Promise<unknown>): Promise<{ query: string; variables: Record<string, unknown> }> {
  let sent: { query: string; variables: Record<string, unknown> } | null = null;
  const api: GraphQLClient = {
    endpoint: 'test',
    request: async (query, variables = {}) => {
      sent = { query, variables };
      throw new Captured();
    },
  };
  await call(api).catch((err) => {
    if (!(err instanceof Captured)) throw err;
  });
  if (!sent) throw new Error('the call sent no query');
  return sent;
}

const CALLS: Record<string, (api: GraphQLClient) => Promise<unknown>> = {
  search: (api) => searchEntities(api, 'sweaton'),
  neighbourhood: (api) => fetchNeighbourhood(api, 'person:x'),
  path: (api) => fetchPath(api, 'person:x', 'person:y'),
  suggestions: (api) => fetchSuggestions(api),
  details: (api) => fetchDetails(api, 'person:x'),
  timeline: (api) => fetchTimeline(api, 'person:x'),
};

describe('dashboard GraphQL documents', () => {
  for (const [name, call] of Object.entries(CALLS)) {
    it(`${name}: valid against schema.graphql and within the server's limits`, async () => {
      const { query, variables } = await capture(call);
      const doc = parse(query);
      expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
      expect(query.length).toBeLessThan(DEFAULT_LIMITS.maxQueryChars);
      const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const fragments = doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
      // Priced with the built-in estimates (those of a busy council), not a small test store's.
      const analysis = analyseOperation(schema, operation, fragments, variables, DEFAULT_LIMITS);
      expect(analysis.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost!);
      const shape = checkShape(doc, DEFAULT_LIMITS);
      expect(shape.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth);
      expect(shape.aliases).toBeLessThanOrEqual(DEFAULT_LIMITS.maxAliases);
    });
  }
});

describe('toSubgraph', () => {
  it('folds the API’s one-edge-per-evidence into one edge per relation, keeping every sentence', () => {
    const ev = (sentence: string) => ({ sentence, source: { id: 'doc:a', name: 'a.txt' }, item: null });
    const sub = toSubgraph({
      nodes: [
        { id: 'person:a', type: 'Person', label: 'A', date: null },
        { id: 'meeting:m', type: 'Meeting', label: 'M', date: '2025-01-02' },
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
    expect(sub.nodes[1]).toEqual({ id: 'meeting:m', type: 'Meeting', label: 'M', date: '2025-01-02' });
  });
});
