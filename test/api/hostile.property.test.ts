/**
 * Property tests on hostile queries: whatever the sizes of the family (fragments spreading
 * each other, lists nested under small `first`, many small aliases, repeated fields, deep
 * offsets, long strings), the API answers with data or a coded error, quickly, and the checks
 * before execution stay linear in the size of the query text. Bounds are loose (a loaded
 * 2-core machine); `npm run bench:hostile` prints the real figures.
 */
import fc from 'fast-check';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/api/limits.ts';
import { silentLogger } from '../../src/api/logger.ts';
import { checkShape } from '../../src/api/protection/shape.ts';
import { type Api, createApi } from '../../src/api/server.ts';
import { fixtureGraphs } from './fixture.ts';
import { DEEP_OFFSETS, FRAGMENT_FAMILY, fragmentChain, longStringQueries, manyAliases, nestedLists, REFUSAL_CODES, repeatedField } from './hostile-queries.ts';
import { memoryStoreWith } from './memory-store.ts';

/** What a hostile query may take at most here, refused or answered. */
const LOOSE_MS = 1_000;

describe('hostile queries (property)', () => {
  let api: Api;
  beforeAll(async () => {
    api = await createApi(await memoryStoreWith(fixtureGraphs()), { logger: silentLogger() });
  });
  afterAll(() => api.stop());

  async function answered(query: string, variables?: Record<string, unknown>) {
    const started = performance.now();
    const r = await api.execute({ query, ...(variables ? { variables } : {}) });
    const ms = performance.now() - started;
    if (r.errors?.length) {
      for (const e of r.errors) expect(REFUSAL_CODES, `${e.message} for ${query.slice(0, 80)}`).toContain(e.extensions?.code);
    } else {
      expect(r.data).toBeTruthy();
    }
    expect(ms, query.slice(0, 120)).toBeLessThan(LOOSE_MS);
    return r;
  }

  it('the named family is refused with a code, each in well under a second', async () => {
    for (const [name, query] of Object.entries(FRAGMENT_FAMILY)) {
      const r = await answered(query);
      expect(r.errors?.[0]?.extensions?.code, name).toBeDefined();
    }
  });

  it('fragments spreading each other: any length and fan-out', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), async (n, fan, underSchema) => {
        const query = underSchema ? fragmentChain(n, fan, '{ __schema { ...F0 } }', '__Schema', 'description') : fragmentChain(n, fan);
        await answered(query);
      }),
      { numRuns: 60 },
    );
  });

  it('lists nested under small first, many aliases, repeated fields', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 10 })).map(([levels, first]) => nestedLists(levels, first)),
          fc.tuple(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 20 })).map(([count, spreads]) => manyAliases(count, spreads)),
          fc.integer({ min: 1, max: 1200 }).map(repeatedField),
        ),
        async (query) => {
          await answered(query.slice(0, DEFAULT_LIMITS.maxQueryChars));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('deep offsets and long strings in every argument: BAD_USER_INPUT, never a crash', async () => {
    for (const offset of DEEP_OFFSETS) {
      const r = await answered(`{ people(first: 10, offset: ${offset}) { name } }`);
      // Past 2^31 it is not a GraphQL Int at all: validation refuses it.
      const expected = offset > 2 ** 31 - 1 ? 'GRAPHQL_VALIDATION_FAILED' : offset > DEFAULT_LIMITS.maxOffset ? 'BAD_USER_INPUT' : undefined;
      expect(r.errors?.[0]?.extensions?.code).toBe(expected);
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 401, maxLength: 3000 }), async (text) => {
        for (const { query, variables } of longStringQueries(text)) {
          const r = await answered(query, variables);
          expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        }
      }),
      { numRuns: 10 },
    );
  });

  it('measuring the shape is linear in the text: twice the fragments, about twice the time', () => {
    // Fan-out 2 doubles the expansion with every fragment; the measure must not notice.
    const time = (n: number) => {
      const doc = parse(fragmentChain(n, 2), { maxTokens: 100_000 });
      const limits = { ...DEFAULT_LIMITS, maxSpreads: 10_000, maxExpandedSelections: Infinity, maxFieldPairs: Infinity };
      const started = performance.now();
      for (let i = 0; i < 20; i++) checkShape(doc, limits);
      return (performance.now() - started) / 20;
    };
    time(50); // warm up
    const small = time(200);
    const large = time(1600);
    // 8x the text: a linear measure takes ~8x; an expanding one would take 2^1400x.
    expect(large).toBeLessThan(Math.max(small, 0.05) * 40);
  });
});
