/**
 * The GraphQL conventions the served schema keeps, beside schema.graphql (the contract as
 * written): descriptions of what comes from the model (node types and their properties from
 * src/graph/descriptions.ts, relation fields and enum values from REL_TYPES) are filled in where
 * the file leaves them out, so the model explains each once; and every list that pages
 * (`first`/`offset`) has a `…Count` sibling, resolved by counts.ts. test/api/conventions.test.ts
 * walks the served schema and fails on any element without a description.
 */
import { readFileSync } from 'node:fs';
import {
  type DefinitionNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  Kind,
  parse,
  print,
  type StringValueNode,
  type TypeNode,
} from 'graphql';
import { BODY_KIND_DESCRIPTIONS, NODE_DESCRIPTIONS, PERSON_KIND_DESCRIPTIONS } from '../graph/descriptions.ts';
import { NODE_TYPES, NODE_TYPE_NAMES, REL_TYPES, REL_TYPE_NAMES, type NodeType, type RelType } from '../graph/model.ts';

export const SCHEMA_PATH = new URL('../../schema.graphql', import.meta.url);

/** The arguments every list or lookup shares, described once: by name, or by `name: Type` where one name has two meanings. */
const ARGUMENTS: Record<string, string> = {
  'from: ID': 'The id of the entity to start from.',
  'to: ID': 'The id of the entity to reach.',
  first: 'At most this many (0 to 1000); page on with `offset`.',
  offset: 'Skip this many first: the start of the page.',
  id: 'A global id (`person:…`, `meeting:…`), as any `id` field, `search` or `person(name:)` gives it.',
  search: 'Only those whose name (or title, or text) contains this, case-insensitive.',
  body: "A body's id or name (exact name preferred, otherwise every body whose name contains it).",
  from: 'From this date on, inclusive (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).',
  to: 'Up to this date, inclusive (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).',
  relation: 'Only this relation.',
};

const str = (value: string): StringValueNode => ({ kind: Kind.STRING, value, block: false });

const modelType = new Map(NODE_TYPE_NAMES.map((t) => [(NODE_TYPES[t] as { graphql?: string }).graphql ?? t, t]));

const ENUM_VALUES: Record<string, (value: string) => string | undefined> = {
  NodeKind: (v) => NODE_DESCRIPTIONS[v as NodeType]?.type,
  RelationName: (v) => relationText(v as RelType),
  MeetingRelation: (v) => relationText(v as RelType),
  ItemRelation: (v) => relationText(v as RelType),
  PersonKind: (v) => PERSON_KIND_DESCRIPTIONS[v as keyof typeof PERSON_KIND_DESCRIPTIONS],
  BodyKind: (v) => BODY_KIND_DESCRIPTIONS[v as keyof typeof BODY_KIND_DESCRIPTIONS],
};

function relationText(rel: RelType): string | undefined {
  const def = REL_TYPES[rel];
  if (!def) return undefined;
  const pairs = def.pairs.map(([a, b]) => `${a} → ${b}`).join(', ');
  return `${def.description[0]!.toUpperCase()}${def.description.slice(1)} (${pairs}).`;
}

/** A relation field's description from its model entry: the relation, its direction and its meaning. */
function relationFieldText(on: NodeType, field: string): string | undefined {
  for (const rel of REL_TYPE_NAMES) {
    const f = REL_TYPES[rel].graphql.find((g) => g.on === on && g.name === field);
    if (f) return `${rel} ${f.dir === 'out' ? 'from' : 'into'} this ${NODE_TYPES[on].dashboard.label.toLowerCase()}: ${REL_TYPES[rel].description}.`;
  }
  return undefined;
}

const isList = (t: TypeNode): boolean => (t.kind === Kind.NON_NULL_TYPE ? isList(t.type) : t.kind === Kind.LIST_TYPE);

/** Fields that page: a list taking both `first` and `offset`. */
export function pages(field: { type: TypeNode; arguments?: readonly InputValueDefinitionNode[] }): boolean {
  const args = new Set((field.arguments ?? []).map((a) => a.name.value));
  return isList(field.type) && args.has('first') && args.has('offset');
}

/** The paged list fields of a schema source, by type, and the `…Count` field each has beside it. */
export function pagedLists(source: string): { type: string; field: string; count: string }[] {
  const out: { type: string; field: string; count: string }[] = [];
  for (const def of parse(source).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const names = new Set(def.fields?.map((f) => f.name.value));
    for (const f of def.fields ?? []) {
      if (pages(f) && names.has(`${f.name.value}Count`)) out.push({ type: def.name.value, field: f.name.value, count: `${f.name.value}Count` });
    }
  }
  return out;
}

const named = (t: TypeNode): string => (t.kind === Kind.NAMED_TYPE ? t.name.value : named(t.type));

function describeArgs(args: readonly InputValueDefinitionNode[] | undefined): InputValueDefinitionNode[] | undefined {
  return args?.map((a) => {
    const text = ARGUMENTS[`${a.name.value}: ${named(a.type)}`] ?? ARGUMENTS[a.name.value];
    return a.description || !text ? a : { ...a, description: str(text) };
  });
}

function describeDefinition(def: DefinitionNode): DefinitionNode {
  if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INTERFACE_TYPE_DEFINITION) {
    const type = modelType.get(def.name.value);
    const fields = def.fields?.map((f): FieldDefinitionNode => {
      const own = f.description ? undefined : type && (relationFieldText(type, f.name.value) ?? (NODE_DESCRIPTIONS[type].props as Record<string, string>)[f.name.value]);
      return { ...f, ...(own ? { description: str(own) } : {}), arguments: describeArgs(f.arguments) };
    });
    const description = def.description ?? (type ? str(NODE_DESCRIPTIONS[type].type) : undefined);
    return { ...def, fields, ...(description ? { description } : {}) };
  }
  if (def.kind === Kind.ENUM_TYPE_DEFINITION && ENUM_VALUES[def.name.value]) {
    const text = ENUM_VALUES[def.name.value]!;
    const values = def.values?.map((v): EnumValueDefinitionNode => {
      const d = v.description ? undefined : text(v.name.value);
      return d ? { ...v, description: str(d) } : v;
    });
    return { ...def, values };
  }
  return def;
}

/** The schema as served: the file, with the model's descriptions where it gives none. */
export function servedTypeDefs(source: string = readFileSync(SCHEMA_PATH, 'utf8')): string {
  const doc = parse(source);
  return print({ ...doc, definitions: doc.definitions.map(describeDefinition) });
}
