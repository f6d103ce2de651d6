/**
 * List-size estimates: every list field of the schema is sized (from the store's degrees, or
 * as a fixed or root list), and the sizes follow what the store holds.
 */
import { buildSchema, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { REL_TYPE_NAMES } from '../../src/graph/model.ts';
import { estimatesFrom, FIELD_DEGREES, FIXED_SIZES, percentile } from '../../src/api/protection/estimates.ts';
import { loadTypeDefs } from '../../src/api/server.ts';
import { kuzuCase } from './harness.ts';

const schema = buildSchema(loadTypeDefs());

describe('list-size estimates', () => {
  it('cover every list of objects in schema.graphql, with relation types from the model', () => {
    const unsized: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || type.name === 'Query' || type.name === 'Subgraph' || type.name === 'Stats') continue;
      const fields = (type as GraphQLObjectType).getFields?.();
      if (!fields) continue;
      for (const f of Object.values(fields) as GraphQLField<unknown, unknown>[]) {
        const t = String(f.type);
        const scalarList = /^\[(String|ID|Int|Float|Boolean)!?\]!?$/.test(t);
        const key = `${type.name}.${f.name}`;
        if (/^\[/.test(t) && !scalarList && !(key in FIELD_DEGREES) && !(key in FIXED_SIZES)) unsized.push(key);
      }
    }
    expect(unsized).toEqual([]);
    for (const specs of Object.values(FIELD_DEGREES)) for (const s of specs) for (const r of s.rels) expect(REL_TYPE_NAMES).toContain(r);
  });

  it('takes the 95th percentile of a histogram', () => {
    const h = [{ degree: 1, nodes: 90 }, { degree: 5, nodes: 9 }, { degree: 129, nodes: 1 }];
    expect(percentile(h, 0.95)).toBe(5);
    expect(percentile(h, 1)).toBe(129);
    expect(percentile([], 0.95)).toBe(0);
  });

  it('reads the sizes from the store (Kuzu)', async () => {
    const opened = await kuzuCase.open();
    try {
      const e = await estimatesFrom(opened.store);
      expect(e.typeCount('Person')).toBe((await opened.store.counts()).nodes.Person);
      expect(e.listSize('Person', 'presented')).toBeGreaterThanOrEqual(1);
      expect(e.listSize('Meeting', 'attendees')).toBeGreaterThan(e.listSize('Meeting', 'members')!);
      expect(e.listSize('Stats', 'relations')).toBe(20);
      expect(e.listSize('Person', 'name')).toBeUndefined();
    } finally {
      await opened.close();
    }
  });
});
