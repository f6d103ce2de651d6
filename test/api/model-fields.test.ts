/**
 * The relation fields of schema.graphql follow the model (src/graph/model.ts): every field a
 * relation's entry names exists on its type, lists when the entry says so, pages when it says so,
 * and returns the node across; every field of a node type that returns nodes is declared by some
 * relation (or is one of the few derived from several, listed here with why). New fields are
 * described.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, getNamedType, isListType, isNonNullType, type GraphQLObjectType, type GraphQLOutputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { NODE_TYPE_NAMES, REL_TYPES, REL_TYPE_NAMES } from '../../src/graph/model.ts';
import { graphqlType, targetsOf } from '../../src/api/resolvers/relations.ts';
import { resolvers } from '../../src/api/resolvers/index.ts';

const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../schema.graphql', import.meta.url)), 'utf8'));
const objectType = (name: string) => schema.getType(name) as GraphQLObjectType | undefined;
const isList = (t: GraphQLOutputType) => isListType(isNonNullType(t) ? t.ofType : t);

/** Views of edges: a relation field may return one of these instead of the node across. */
const VIEWS = new Set(['RoleTenure', 'BodyLink', 'ChairLink', 'Approval', 'AboutLink', 'Declaration', 'Substitution', 'ItemParticipation', 'MeetingParticipation', 'StrategyEvent']);

/** Fields of node types that return nodes but walk more than one relation, or a property. */
const DERIVED: Record<string, string> = {
  'Meeting.attendees': 'the chair, members present and people of its items (CHAIRED, ATTENDED, item relations)',
  'Meeting.participation': 'CHAIRED, ATTENDED and SENT_APOLOGIES with evidence',
  'Item.participation': 'ATTENDED_ITEM, PRESENTED and INTRODUCED with evidence',
  'Person.itemParticipation': 'the item relations with evidence',
  'Person.meetingParticipation': 'the meeting relations with evidence',
  'Strategy.history': 'ABOUT and APPROVED_BY, merged in date order',
  'Decision.meeting': "the meeting of its item (a property and HAS_ITEM)",
  'Request.meeting': "the meeting of its item",
  'Deferral.meeting': "the meeting of its item",
};

const NODE_GRAPHQL = new Set(NODE_TYPE_NAMES.map(graphqlType));

describe('schema.graphql against the model', () => {
  for (const rel of REL_TYPE_NAMES) {
    for (const field of REL_TYPES[rel].graphql) {
      const typeName = graphqlType(field.on);
      it(`${rel}: ${typeName}.${field.name}`, () => {
        const type = objectType(typeName);
        expect(type, `type ${typeName}`).toBeDefined();
        const f = type!.getFields()[field.name];
        expect(f, `${typeName}.${field.name} is in the model's ${rel} entry but not in schema.graphql`).toBeDefined();
        expect(isList(f!.type), `${typeName}.${field.name}: list`).toBe(field.many);
        const args = f!.args.map((a) => a.name);
        if (field.paged) expect(args).toEqual(expect.arrayContaining(['first', 'offset']));
        const named = getNamedType(f!.type).name;
        if (field.returns === 'view') expect(VIEWS.has(named), `${named} is a view type`).toBe(true);
        else {
          const targets = targetsOf(rel, field).map(graphqlType);
          // A field over a relation with several target types returns one of them (Item.strategies) or the union.
          expect(targets.includes(named) || named === 'Entity', `${typeName}.${field.name} returns ${named}, the model says ${targets.join(' or ')}`).toBe(true);
        }
        if (field.generic) expect((resolvers as Record<string, Record<string, unknown>>)[typeName]?.[field.name], 'a resolver').toBeTypeOf('function');
      });
    }
  }

  it('declares every node-returning field of a node type in a relation (or says how it is derived)', () => {
    const declared = new Set(REL_TYPE_NAMES.flatMap((rel) => REL_TYPES[rel].graphql.map((f) => `${graphqlType(f.on)}.${f.name}`)));
    const undeclared: string[] = [];
    for (const typeName of NODE_GRAPHQL) {
      const type = objectType(typeName);
      if (!type) continue;
      for (const [name, f] of Object.entries(type.getFields())) {
        const named = getNamedType(f.type).name;
        if (!NODE_GRAPHQL.has(named) && !VIEWS.has(named)) continue;
        const key = `${typeName}.${name}`;
        if (!declared.has(key) && !DERIVED[key]) undeclared.push(key);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('describes the fields and types of the record and the ledger', () => {
    const described = (type: string, field?: string) => {
      const t = objectType(type) ?? schema.getType(type);
      if (!field) return Boolean(t?.description);
      return Boolean((t as GraphQLObjectType).getFields()[field]?.description);
    };
    const missing: string[] = [];
    for (const type of ['Decision', 'Declaration', 'Substitution']) {
      if (!described(type)) missing.push(type);
      for (const field of Object.keys(objectType(type)!.getFields())) if (!described(type, field)) missing.push(`${type}.${field}`);
    }
    for (const e of ['DecisionOutcome', 'InterestKind', 'RequestStatus']) if (!described(e)) missing.push(e);
    const added = [
      'Item.decisions', 'Item.declarations', 'Item.askedBy', 'Item.deferredFrom', 'Item.answers', 'Meeting.substitutions',
      'Meeting.declarations', 'Person.declarations', 'Person.moved', 'Person.seconded', 'Person.asked', 'Person.substitutions',
      'Request.status', 'Request.answeredIn', 'Request.answerEvidence', 'Request.meeting', 'Deferral.landedIn', 'Deferral.overdue',
      'Deferral.next', 'Deferral.landingEvidence', 'Deferral.meeting', 'Query.decisions', 'Query.decision', 'Query.requests', 'Query.deferrals',
    ];
    for (const key of added) {
      const [type, field] = key.split('.') as [string, string];
      if (!described(type, field)) missing.push(key);
    }
    expect(missing).toEqual([]);
  });
});
