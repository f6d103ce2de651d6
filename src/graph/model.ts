/**
 * The graph model: the one source of truth for node and relation types.
 *
 * The Kuzu DDL, the Neo4j constraints, the GraphQL schema's node shapes and the stores'
 * write paths all follow from the tables below (see `cypher/` generators and tests that
 * check they agree), so adding a property here is the only place it has to be declared.
 */
import { z } from 'zod';
import { DECISION_OUTCOMES } from '../lexicon/decisions.ts';
import { INTEREST_KINDS } from '../lexicon/interests.ts';

/** Where a fact was read: document, item, character span in the original text, sentence. */
export const EvidenceSchema = z.object({
  doc: z.string().min(1),
  item: z.string().nullable(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  sentence: z.string(),
  /** The extraction rule that read the fact (`councilgraph eval --rules` scores each); null for facts no rule produced. */
  rule: z.string().nullable().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const id = z.string().min(1);
/** `YYYY-MM-DD`, `YYYY-MM`, or null when the text does not say. */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/)
  .nullable();

export const PersonKindSchema = z.enum(['councillor', 'officer', 'external']);
export const BodyKindSchema = z.enum([
  'council',
  'committee',
  'board',
  'panel',
  'service',
  'partner',
  'other',
]);

export const DecisionOutcomeSchema = z.enum(DECISION_OUTCOMES);
export const InterestKindSchema = z.enum(INTEREST_KINDS);

/** Scalar property types a store must be able to hold. */
export type PropType = 'string' | 'string?' | 'int' | 'int?' | 'bool?' | 'string[]';

/** How the dashboard draws a type: its colour (Okabe–Ito based, apart for colour-vision deficiencies) and name. */
export interface Presentation {
  colour: string;
  label: string;
}

interface NodeDef<S extends z.ZodRawShape> {
  schema: z.ZodObject<S>;
  /** Store column types, in a stable order; `id` is always the primary key. */
  props: Record<keyof S & string, PropType>;
  /** Properties worth a name/title index and the full-text index. */
  searchable: (keyof S & string)[];
  /** The GraphQL type that serves it (the type's own name unless given). */
  graphql?: string;
  dashboard: Presentation & { plural: string };
}

function node<S extends z.ZodRawShape>(def: NodeDef<S>): NodeDef<S> {
  return def;
}

export const NODE_TYPES = {
  Person: node({
    schema: z.object({
      id,
      name: z.string().min(1),
      aliases: z.array(z.string()),
      kind: PersonKindSchema,
    }),
    props: { id: 'string', name: 'string', aliases: 'string[]', kind: 'string' },
    searchable: ['name'],
    dashboard: { colour: '#0072B2', label: 'Person', plural: 'People' },
  }),
  Role: node({
    schema: z.object({ id, title: z.string().min(1) }),
    props: { id: 'string', title: 'string' },
    searchable: ['title'],
    dashboard: { colour: '#56B4E9', label: 'Role', plural: 'Roles' },
  }),
  Body: node({
    schema: z.object({ id, name: z.string().min(1), kind: BodyKindSchema }),
    props: { id: 'string', name: 'string', kind: 'string' },
    searchable: ['name'],
    dashboard: { colour: '#D55E00', label: 'Body', plural: 'Bodies' },
  }),
  Meeting: node({
    schema: z.object({
      id,
      date: PartialDateSchema,
      /** The body's name; null when the minutes do not say whose meeting it was (no HELD_BY then). */
      body: z.string().min(1).nullable(),
      title: z.string(),
    }),
    props: { id: 'string', date: 'string?', body: 'string?', title: 'string' },
    searchable: ['title'],
    dashboard: { colour: '#009E73', label: 'Meeting', plural: 'Meetings' },
  }),
  Item: node({
    schema: z.object({
      id,
      number: z.string().nullable(),
      title: z.string().min(1),
      meeting: z.string().min(1),
      ordinal: z.number().int().nonnegative(),
    }),
    props: { id: 'string', number: 'string?', title: 'string', meeting: 'string', ordinal: 'int' },
    searchable: ['title'],
    dashboard: { colour: '#8C8C8C', label: 'Agenda item', plural: 'Agenda items' },
  }),
  Strategy: node({
    schema: z.object({ id, name: z.string().min(1), kind: z.string() }),
    props: { id: 'string', name: 'string', kind: 'string' },
    searchable: ['name'],
    dashboard: { colour: '#CC79A7', label: 'Strategy', plural: 'Strategies' },
  }),
  Topic: node({
    schema: z.object({ id, name: z.string().min(1) }),
    props: { id: 'string', name: 'string' },
    searchable: ['name'],
    dashboard: { colour: '#E69F00', label: 'Topic', plural: 'Topics' },
  }),
  Request: node({
    schema: z.object({ id, text: z.string().min(1), item: z.string().min(1) }),
    props: { id: 'string', text: 'string', item: 'string' },
    searchable: ['text'],
    dashboard: { colour: '#7A5195', label: 'Request', plural: 'Requests' },
  }),
  Deferral: node({
    schema: z.object({
      id,
      subject: z.string().min(1),
      to: PartialDateSchema,
      from: PartialDateSchema,
      item: z.string().min(1),
      /** Moved to "the next meeting" with no date: overdue once the body has met again without it. */
      next: z.boolean().nullable(),
    }),
    props: { id: 'string', subject: 'string', to: 'string?', from: 'string?', item: 'string', next: 'bool?' },
    searchable: ['subject'],
    dashboard: { colour: '#B8860B', label: 'Deferral', plural: 'Deferrals' },
  }),
  Decision: node({
    schema: z.object({
      id,
      /** The part of the resolution as printed ("That the report be noted."). */
      text: z.string().min(1),
      outcome: DecisionOutcomeSchema.nullable(),
      votesFor: z.number().int().nonnegative().nullable(),
      votesAgainst: z.number().int().nonnegative().nullable(),
      abstentions: z.number().int().nonnegative().nullable(),
      unanimous: z.boolean().nullable(),
      item: z.string().min(1),
      /** Position among the item's decisions, from 0. */
      ordinal: z.number().int().nonnegative(),
    }),
    props: {
      id: 'string',
      text: 'string',
      outcome: 'string?',
      votesFor: 'int?',
      votesAgainst: 'int?',
      abstentions: 'int?',
      unanimous: 'bool?',
      item: 'string',
      ordinal: 'int',
    },
    searchable: ['text'],
    dashboard: { colour: '#117733', label: 'Decision', plural: 'Decisions' },
  }),
  Document: node({
    schema: z.object({
      id,
      path: z.string(),
      name: z.string(),
      sha256: z.string(),
      format: z.string(),
      /** Where the minutes are published (an HTML page's canonical link, or `ingest --url`); null when unknown. */
      url: z.string().nullable().optional(),
    }),
    props: { id: 'string', path: 'string', name: 'string', sha256: 'string', format: 'string', url: 'string?' },
    searchable: ['name'],
    graphql: 'Source',
    dashboard: { colour: '#4D4D4D', label: 'Document', plural: 'Documents' },
  }),
} as const;

export type NodeType = keyof typeof NODE_TYPES;
export const NODE_TYPE_NAMES = Object.keys(NODE_TYPES) as NodeType[];
export type NodeOf<T extends NodeType> = z.infer<(typeof NODE_TYPES)[T]['schema']>;

/**
 * A GraphQL field that walks a relation: on which node type, its name, the direction it walks,
 * whether it lists (and pages, with `first`/`offset`) and what it returns: the node across
 * (`node`), or a view of the edge with its properties and evidence (`view`: Declaration,
 * Substitution, RoleTenure, …). schema.graphql is checked against these (test/api/model-fields.test.ts);
 * fields marked `generic` are resolved from this entry alone (src/api/resolvers/relations.ts).
 */
export interface RelField {
  on: NodeType;
  name: string;
  dir: 'out' | 'in';
  many: boolean;
  paged?: boolean;
  returns: 'node' | 'view';
  /** Resolved from the model entry alone: the nodes across, in `order`. */
  generic?: boolean;
  order?: 'name' | 'ordinal' | 'meeting';
}

/**
 * Every relation carries its evidence (EvidenceSchema flattened: doc, item, start, end,
 * sentence, rule) plus the extra properties listed here. `doc` keys a fact to the document it
 * came from, which is what makes re-ingesting a changed document replace exactly its own facts.
 *
 * An entry is all a new relation needs besides the rule that extracts it and its test: its pairs,
 * properties and description (the stores' schema follows), the GraphQL fields that walk it each
 * way (checked against schema.graphql, and resolved from here when generic), how the dashboard
 * draws and names it, and how many edges a node typically has each way (the API's cost estimate
 * for its list fields).
 */
interface RelDef {
  pairs: readonly (readonly [NodeType, NodeType])[];
  props: Record<string, PropType>;
  description: string;
  graphql: readonly RelField[];
  dashboard: Presentation;
  /** Typical number of edges per node, out of the from end and into the to end. */
  cost: { out: number; in: number };
}

function rel(def: RelDef): RelDef {
  return def;
}

const f = (on: NodeType, name: string, dir: 'out' | 'in', many: boolean, extra: Partial<RelField> = {}): RelField => ({ on, name, dir, many, returns: 'node', ...extra });

export const REL_TYPES = {
  HELD_BY: rel({
    pairs: [['Meeting', 'Body']],
    props: {},
    description: 'the body whose meeting it was',
    graphql: [f('Meeting', 'body', 'out', false), f('Body', 'meetings', 'in', true, { paged: true })],
    dashboard: { label: 'held by', colour: '#009E73' },
    cost: { out: 1, in: 20 },
  }),
  HAS_ITEM: rel({
    pairs: [['Meeting', 'Item']],
    props: {},
    description: 'an agenda item of the meeting',
    graphql: [f('Meeting', 'items', 'out', true), f('Item', 'meeting', 'in', false)],
    dashboard: { label: 'has item', colour: '#8C8C8C' },
    cost: { out: 15, in: 1 },
  }),
  SOURCED_FROM: rel({
    pairs: [['Meeting', 'Document']],
    props: {},
    description: 'a published document recording the meeting',
    graphql: [f('Meeting', 'sources', 'out', true), f('Document', 'meetings', 'in', true)],
    dashboard: { label: 'sourced from', colour: '#4D4D4D' },
    cost: { out: 1, in: 1 },
  }),
  ATTENDED: rel({
    pairs: [['Person', 'Meeting']],
    props: {},
    description: 'listed as present',
    graphql: [f('Meeting', 'members', 'in', true), f('Person', 'attended', 'out', true, { paged: true })],
    dashboard: { label: 'attended', colour: '#0072B2' },
    cost: { out: 10, in: 15 },
  }),
  SENT_APOLOGIES: rel({
    pairs: [['Person', 'Meeting']],
    props: {},
    description: 'apologies for absence',
    graphql: [f('Meeting', 'apologies', 'in', true), f('Person', 'apologies', 'out', true, { paged: true })],
    dashboard: { label: 'sent apologies', colour: '#999999' },
    cost: { out: 2, in: 5 },
  }),
  CHAIRED: rel({
    pairs: [['Person', 'Meeting']],
    props: {},
    description: 'in the Chair',
    graphql: [f('Meeting', 'chair', 'in', false), f('Person', 'chaired', 'out', true, { paged: true })],
    dashboard: { label: 'chaired', colour: '#0072B2' },
    cost: { out: 5, in: 1 },
  }),
  ATTENDED_ITEM: rel({
    pairs: [['Person', 'Item']],
    props: {},
    description: 'welcomed to, or in attendance for, the item',
    graphql: [f('Item', 'attendees', 'in', true)],
    dashboard: { label: 'attended item', colour: '#56B4E9' },
    cost: { out: 5, in: 3 },
  }),
  PRESENTED: rel({
    pairs: [['Person', 'Item']],
    props: {},
    description: 'presented the report or update',
    graphql: [f('Item', 'presenters', 'in', true), f('Person', 'presented', 'out', true, { paged: true })],
    dashboard: { label: 'presented', colour: '#0072B2' },
    cost: { out: 5, in: 3 },
  }),
  INTRODUCED: rel({
    pairs: [['Person', 'Item']],
    props: {},
    description: 'introduced the report or item',
    graphql: [f('Item', 'introducers', 'in', true), f('Person', 'introduced', 'out', true, { paged: true })],
    dashboard: { label: 'introduced', colour: '#0072B2' },
    cost: { out: 3, in: 2 },
  }),
  MENTIONED_IN: rel({
    pairs: [
      ['Person', 'Item'],
      ['Person', 'Meeting'],
    ],
    props: {},
    description: 'named in the item (or, outside any item, in the meeting\'s minutes): every named person has one',
    graphql: [f('Item', 'mentioned', 'in', true), f('Meeting', 'mentioned', 'in', true)],
    dashboard: { label: 'mentioned in', colour: '#C4CAD3' },
    cost: { out: 10, in: 10 },
  }),
  HOLDS_ROLE: rel({
    pairs: [['Person', 'Role']],
    props: { seen: 'string?' },
    description: 'held the post on the date seen (first/last seen are aggregated over edges)',
    graphql: [f('Person', 'roles', 'out', true, { returns: 'view' }), f('Role', 'holders', 'in', true)],
    dashboard: { label: 'holds role', colour: '#56B4E9' },
    cost: { out: 3, in: 5 },
  }),
  OF: rel({
    pairs: [['Role', 'Body']],
    props: {},
    description: 'the body a post belongs to',
    graphql: [f('Role', 'body', 'out', false), f('Body', 'roles', 'in', true)],
    dashboard: { label: 'post of', colour: '#D55E00' },
    cost: { out: 1, in: 5 },
  }),
  REPRESENTS: rel({
    pairs: [['Person', 'Body']],
    props: {},
    description: 'attended on behalf of',
    graphql: [f('Person', 'represents', 'out', true, { returns: 'view' })],
    dashboard: { label: 'represents', colour: '#D55E00' },
    cost: { out: 2, in: 5 },
  }),
  REQUESTED: rel({
    pairs: [['Body', 'Request']],
    props: {},
    description: 'the body asked for it',
    graphql: [f('Body', 'requests', 'out', true, { paged: true }), f('Request', 'by', 'in', false)],
    dashboard: { label: 'requested', colour: '#7A5195' },
    cost: { out: 20, in: 1 },
  }),
  IN: rel({
    pairs: [
      ['Request', 'Item'],
      ['Deferral', 'Item'],
    ],
    props: {},
    description: 'the item where it was raised',
    graphql: [f('Request', 'item', 'out', false), f('Deferral', 'item', 'out', false), f('Item', 'requests', 'in', true), f('Item', 'deferrals', 'in', true)],
    dashboard: { label: 'raised in', colour: '#7A5195' },
    cost: { out: 1, in: 3 },
  }),
  DEFERRED_TO: rel({
    pairs: [['Item', 'Deferral']],
    props: { by: 'string?' },
    description: 'business moved to a later meeting or month',
    graphql: [f('Item', 'deferrals', 'out', true)],
    dashboard: { label: 'deferred to', colour: '#B8860B' },
    cost: { out: 2, in: 1 },
  }),
  ABOUT: rel({
    pairs: [
      ['Item', 'Strategy'],
      ['Item', 'Topic'],
    ],
    props: {},
    description: 'what the item discussed or named',
    graphql: [
      f('Item', 'strategies', 'out', true),
      f('Item', 'topics', 'out', true),
      f('Item', 'about', 'out', true, { returns: 'view' }),
      f('Strategy', 'items', 'in', true, { paged: true }),
      f('Topic', 'items', 'in', true, { paged: true }),
    ],
    dashboard: { label: 'about', colour: '#CC79A7' },
    cost: { out: 3, in: 10 },
  }),
  APPROVED_BY: rel({
    pairs: [['Strategy', 'Body']],
    props: { date: 'string?' },
    description: 'approved by the body, when stated',
    graphql: [f('Strategy', 'approvals', 'out', true, { returns: 'view' }), f('Body', 'approved', 'in', true, { returns: 'view' })],
    dashboard: { label: 'approved by', colour: '#CC79A7' },
    cost: { out: 2, in: 3 },
  }),
  REPORTS_TO: rel({
    pairs: [['Body', 'Body']],
    props: {},
    description: '"fed into"',
    graphql: [f('Body', 'reportsTo', 'out', true, { returns: 'view' }), f('Body', 'reportedToBy', 'in', true, { returns: 'view' })],
    dashboard: { label: 'reports to', colour: '#D55E00' },
    cost: { out: 2, in: 3 },
  }),
  CHAIRED_BY: rel({
    pairs: [
      ['Body', 'Person'],
      ['Body', 'Role'],
    ],
    props: {},
    description: 'who chairs the body',
    graphql: [f('Body', 'chairedBy', 'out', true, { returns: 'view' })],
    dashboard: { label: 'chaired by', colour: '#D55E00' },
    cost: { out: 2, in: 2 },
  }),
  DECIDED_IN: rel({
    pairs: [['Decision', 'Item']],
    props: {},
    description: 'a resolution the body made in the item (one per numbered part)',
    graphql: [f('Decision', 'item', 'out', false, { generic: true }), f('Item', 'decisions', 'in', true, { generic: true, order: 'ordinal' })],
    dashboard: { label: 'decided in', colour: '#117733' },
    cost: { out: 1, in: 2 },
  }),
  MOVED: rel({
    pairs: [['Person', 'Decision']],
    props: {},
    description: 'moved (proposed) the motion the decision carried',
    graphql: [f('Person', 'moved', 'out', true, { paged: true, generic: true, order: 'meeting' }), f('Decision', 'movedBy', 'in', false, { generic: true })],
    dashboard: { label: 'moved', colour: '#117733' },
    cost: { out: 5, in: 1 },
  }),
  SECONDED: rel({
    pairs: [['Person', 'Decision']],
    props: {},
    description: 'seconded the motion the decision carried',
    graphql: [f('Person', 'seconded', 'out', true, { paged: true, generic: true, order: 'meeting' }), f('Decision', 'secondedBy', 'in', false, { generic: true })],
    dashboard: { label: 'seconded', colour: '#117733' },
    cost: { out: 5, in: 1 },
  }),
  DECLARED_INTEREST: rel({
    pairs: [
      ['Person', 'Item'],
      ['Person', 'Meeting'],
    ],
    props: { interest: 'string', kind: 'string' },
    description: 'declared an interest in the item (or, when the minutes do not say which item, at the meeting): the interest and its kind',
    graphql: [
      f('Person', 'declarations', 'out', true, { paged: true, returns: 'view' }),
      f('Item', 'declarations', 'in', true, { returns: 'view' }),
      f('Meeting', 'declarations', 'in', true, { returns: 'view' }),
    ],
    dashboard: { label: 'declared an interest in', colour: '#AA3377' },
    cost: { out: 2, in: 1 },
  }),
  SUBSTITUTED_FOR: rel({
    pairs: [
      ['Person', 'Person'],
      ['Person', 'Meeting'],
    ],
    props: { meeting: 'string' },
    description: 'attended the meeting (`meeting`) as a substitute for the member; to the meeting itself when the minutes name no one',
    graphql: [f('Person', 'substitutions', 'out', true, { paged: true, returns: 'view' }), f('Meeting', 'substitutions', 'in', true, { returns: 'view' })],
    dashboard: { label: 'substituted for', colour: '#44AA99' },
    cost: { out: 1, in: 1 },
  }),
  ASKED_IN: rel({
    pairs: [['Person', 'Item']],
    props: {},
    description: 'asked a question or spoke in the item (members, guests, public questioners and deputations)',
    graphql: [f('Item', 'askedBy', 'in', true, { generic: true, order: 'name' }), f('Person', 'asked', 'out', true, { paged: true, generic: true, order: 'meeting' })],
    dashboard: { label: 'asked in', colour: '#0072B2' },
    cost: { out: 5, in: 3 },
  }),
  ANSWERED_IN: rel({
    pairs: [['Request', 'Item']],
    props: {},
    description: "a later meeting's item of the same body that answers the request (its evidence is the sentence that says so, or the item's title)",
    graphql: [f('Request', 'answeredIn', 'out', false, { generic: true }), f('Item', 'answers', 'in', true, { generic: true })],
    dashboard: { label: 'answered in', colour: '#7A5195' },
    cost: { out: 1, in: 1 },
  }),
  LANDED_IN: rel({
    pairs: [['Deferral', 'Item']],
    props: {},
    description: "the later meeting's item of the same body where the deferred business came back",
    graphql: [f('Deferral', 'landedIn', 'out', false, { generic: true }), f('Item', 'deferredFrom', 'in', true, { generic: true })],
    dashboard: { label: 'landed in', colour: '#B8860B' },
    cost: { out: 1, in: 1 },
  }),
} as const;

export type RelType = keyof typeof REL_TYPES;
export const REL_TYPE_NAMES = Object.keys(REL_TYPES) as RelType[];

export const RelationSchema = z.object({
  type: z.enum(REL_TYPE_NAMES as [RelType, ...RelType[]]),
  from: id,
  to: id,
  props: z.record(z.string(), z.string().nullable()).default({}),
  evidence: EvidenceSchema,
});
export type Relation = z.infer<typeof RelationSchema>;

export const GraphNodeSchema = z.object({
  type: z.enum(NODE_TYPE_NAMES as [NodeType, ...NodeType[]]),
  props: z.record(z.string(), z.unknown()),
});
export interface GraphNode<T extends NodeType = NodeType> {
  type: T;
  props: NodeOf<T>;
}

/** What one document contributes to the graph: written in one transaction, keyed by `doc`. */
export interface DocumentGraph {
  doc: NodeOf<'Document'>;
  nodes: GraphNode[];
  relations: Relation[];
}

/** Validates a node's properties at a boundary (store reads, imports). */
export function parseNode<T extends NodeType>(type: T, props: unknown): NodeOf<T> {
  return NODE_TYPES[type].schema.parse(props) as NodeOf<T>;
}
