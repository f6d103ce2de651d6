/**
 * The served schema explains itself and keeps GraphQL's conventions: a description on every
 * type, field, argument and enum value; enums for node kinds, body kinds, person kinds and
 * relation names equal to the model's; a `Node` interface with `id` on every entity and
 * `node(id:)` to refetch any; a `…Count` beside every paged list that agrees with paging through it.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLArgument, type GraphQLField, type GraphQLNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagedLists, pages, SCHEMA_PATH } from '../../src/api/conventions.ts';
import { DEFAULT_LIMITS } from '../../src/api/limits.ts';
import { analyseOperation } from '../../src/api/protection/cost.ts';
import { loadTypeDefs } from '../../src/api/server.ts';
import { BodyKindSchema, NODE_TYPE_NAMES, PersonKindSchema, REL_TYPE_NAMES } from '../../src/graph/model.ts';
import { EXAMPLES } from '../../src/playground/examples.ts';
import { ID } from './fixture.ts';
import { apiOver, type ApiHarness, memoryCase, type OpenedStore } from './harness.ts';

const schema = buildSchema(loadTypeDefs());
const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
const ownTypes = (): GraphQLNamedType[] => Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && !BUILT_IN.has(t.name));

describe('the served schema describes itself', () => {
  it('has a description on every type, field, argument and enum value', () => {
    const missing: string[] = [];
    const args = (where: string, list: readonly GraphQLArgument[]) => {
      for (const a of list) if (!a.description?.trim()) missing.push(`${where}(${a.name}:)`);
    };
    for (const t of ownTypes()) {
      if (!t.description?.trim() && t !== schema.getQueryType()) missing.push(t.name);
      if (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) {
        for (const f of Object.values(t.getFields()) as GraphQLField<unknown, unknown>[]) {
          if (!f.description?.trim()) missing.push(`${t.name}.${f.name}`);
          args(`${t.name}.${f.name}`, f.args ?? []);
        }
      }
      if (isEnumType(t)) for (const v of t.getValues()) if (!v.description?.trim()) missing.push(`${t.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
    // The root query type is described by the schema's own description (schema.graphql's first block).
    expect(parse(readFileSync(SCHEMA_PATH, 'utf8')).definitions.find((d) => d.kind === Kind.SCHEMA_DEFINITION)?.description?.value).toMatch(/councilgraph/);
  });

  it('has enums for node kinds, body kinds, person kinds and relation names, equal to the model', () => {
    const values = (name: string) => {
      const t = schema.getType(name);
      if (!isEnumType(t)) throw new Error(`${name} is not an enum`);
      return t.getValues().map((v) => v.name).sort();
    };
    expect(values('NodeKind')).toEqual([...NODE_TYPE_NAMES].sort());
    expect(values('RelationName')).toEqual([...REL_TYPE_NAMES].sort());
    expect(values('PersonKind')).toEqual([...PersonKindSchema.options].sort());
    expect(values('BodyKind')).toEqual([...BodyKindSchema.options].sort());
    const fieldType = (type: string, field: string) => {
      const t = schema.getType(type);
      return isObjectType(t) ? String(t.getFields()[field]!.type) : '';
    };
    expect(fieldType('Person', 'personKind')).toBe('PersonKind!');
    expect(fieldType('Body', 'bodyKind')).toBe('BodyKind!');
    // The string kinds stay: fragments on Person, Body and Strategy in one selection select `kind` together.
    expect(fieldType('Person', 'kind')).toBe('String!');
    expect(fieldType('SearchHit', 'type')).toBe('NodeKind!');
    expect(fieldType('GraphNodeOut', 'type')).toBe('NodeKind!');
    expect(fieldType('GraphEdgeOut', 'type')).toBe('RelationName!');
  });

  it('has a Node interface with id, implemented by every entity, and node(id:)', () => {
    const node = schema.getType('Node');
    expect(isInterfaceType(node)).toBe(true);
    const entity = schema.getType('Entity');
    if (!isUnionType(entity) || !isInterfaceType(node)) throw new Error('Entity union and Node interface expected');
    for (const t of entity.getTypes()) expect(t.getInterfaces().map((i) => i.name), t.name).toContain('Node');
    expect(String(schema.getQueryType()!.getFields().node!.type)).toBe('Node');
  });

  it('has a …Count beside every paged list, taking the same filters', () => {
    const source = readFileSync(SCHEMA_PATH, 'utf8');
    const counted = new Set(pagedLists(source).map((l) => `${l.type}.${l.field}`));
    for (const t of ownTypes()) {
      if (!isObjectType(t)) continue;
      const fields = t.getFields();
      for (const f of Object.values(fields)) {
        const ast = f.astNode!;
        if (!pages(ast)) continue;
        expect(counted.has(`${t.name}.${f.name}`), `${t.name}.${f.name} pages but has no ${f.name}Count`).toBe(true);
        const count = fields[`${f.name}Count`]!;
        expect(String(count.type)).toBe('Int!');
        expect(count.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(f.args.filter((a) => a.name !== 'first' && a.name !== 'offset').map((a) => `${a.name}: ${String(a.type)}`));
      }
    }
    expect(counted.size).toBeGreaterThan(20);
  });

  it('costs a count as reading its list, not as a free scalar', () => {
    const cost = (q: string) => {
      const doc = parse(q);
      const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      return analyseOperation(schema, op, [], {}, { ...DEFAULT_LIMITS, maxCost: null }).cost;
    };
    expect(cost('{ people(first: 100) { id attendedCount } }')).toBeGreaterThan(cost('{ people(first: 100) { id } }'));
    expect(cost('{ peopleCount }')).toBeGreaterThan(0);
  });
});

describe('Node refetch and counts, on the fixture', () => {
  let opened: OpenedStore;
  let h: ApiHarness;
  beforeAll(async () => {
    opened = await memoryCase.open();
    h = await apiOver(opened.store);
  });
  afterAll(async () => {
    await h?.api.stop();
    await opened?.close();
  });

  it('refetches any entity by its id through node(id:)', async () => {
    const d = await h.data(`{ search(text: "Sweaton", first: 5) { id type } people(first: 3) { id } meetings(first: 2) { id items { id } } }`);
    const ids: string[] = [...d.people.map((p: { id: string }) => p.id), ...d.meetings.flatMap((m: { id: string; items: { id: string }[] }) => [m.id, ...m.items.map((i) => i.id)])];
    for (const id of ids) {
      const n = await h.data(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(n.node.id).toBe(id);
    }
    const helen = await h.data(`{ node(id: "${ID.helen}") { ... on Person { name kind } } }`);
    expect(helen.node).toEqual({ name: 'Helen Sweaton', kind: 'officer' });
    expect((await h.data(`{ node(id: "person:nobody") { id } }`)).node).toBeNull();
  });

  it('counts agree with paging through the list, filters included', async () => {
    const d = await h.data(`{
      people(first: 100) { id attended(first: 100) { id } attendedCount presented(first: 100) { id } presentedCount itemParticipation(first: 100) { item { id } } itemParticipationCount itemParticipation2: itemParticipation(relation: PRESENTED, first: 100) { item { id } } itemParticipation2Count: itemParticipationCount(relation: PRESENTED) }
      peopleCount
      meetings(first: 100) { id items(first: 100) { id } itemsCount }
      meetingsCount
      bodies(first: 100) { id meetings(first: 100) { id } meetingsCount }
      bodiesCount
      sweaton: peopleCount(search: "Sweaton")
    }`);
    expect(d.peopleCount).toBe(d.people.length);
    expect(d.meetingsCount).toBe(d.meetings.length);
    expect(d.bodiesCount).toBe(d.bodies.length);
    expect(d.sweaton).toBe(1);
    for (const p of d.people) {
      expect(p.attendedCount).toBe(p.attended.length);
      expect(p.presentedCount).toBe(p.presented.length);
      expect(p.itemParticipationCount).toBe(p.itemParticipation.length);
      expect(p.itemParticipation2Count).toBe(p.itemParticipation2.length);
    }
    for (const m of d.meetings) expect(m.itemsCount).toBe(m.items.length);
    for (const b of d.bodies) expect(b.meetingsCount).toBe(b.meetings.length);
    expect(d.people.some((p: { attendedCount: number }) => p.attendedCount > 0)).toBe(true);
  });

  it('runs every playground example, the Popolo-shaped one with posts and dates', async () => {
    for (const e of EXAMPLES.filter((x) => !Object.values(x.variables).includes(''))) await h.data(e.query, e.variables);
    const popolo = EXAMPLES.find((e) => /Popolo/.test(e.title))!;
    const d = await h.data(popolo.query, popolo.variables);
    expect(d.peopleCount).toBe(d.people.length);
    const held = d.people.flatMap((p: { roles: unknown[] }) => p.roles);
    expect(held.length).toBeGreaterThan(0);
    expect(held[0]).toMatchObject({ title: expect.any(String), role: { id: expect.stringMatching(/^role:/) } });
  });

  it('keeps the contract: kinds read as before', async () => {
    const d = await h.data(`{ people(first: 100) { kind personKind } bodies { kind bodyKind } search(text: "Sweaton") { type } }`);
    for (const p of d.people) expect(p.personKind).toBe(p.kind);
    for (const b of d.bodies) expect(b.bodyKind).toBe(b.kind);
    expect(d.people.map((p: { kind: string }) => p.kind)).toContain('officer');
    expect(d.search[0].type).toBe('Person');
  });
});
