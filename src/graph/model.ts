/**
 * The graph model: the one source of truth for node and relation types.
 *
 * The Kuzu DDL, the Neo4j constraints, the GraphQL schema's node shapes and the stores'
 * write paths all follow from the tables below (see `cypher/` generators and tests that
 * check they agree), so adding a property here is the only place it has to be declared.
 */
import { z } from 'zod';

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

/** Scalar property types a store must be able to hold. */
export type PropType = 'string' | 'string?' | 'int' | 'int?' | 'string[]';

interface NodeDef<S extends z.ZodRawShape> {
  schema: z.ZodObject<S>;
  /** Store column types, in a stable order; `id` is always the primary key. */
  props: Record<keyof S & string, PropType>;
  /** Properties worth a name/title index and the full-text index. */
  searchable: (keyof S & string)[];
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
  }),
  Role: node({
    schema: z.object({ id, title: z.string().min(1) }),
    props: { id: 'string', title: 'string' },
    searchable: ['title'],
  }),
  Body: node({
    schema: z.object({ id, name: z.string().min(1), kind: BodyKindSchema }),
    props: { id: 'string', name: 'string', kind: 'string' },
    searchable: ['name'],
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
  }),
  Strategy: node({
    schema: z.object({ id, name: z.string().min(1), kind: z.string() }),
    props: { id: 'string', name: 'string', kind: 'string' },
    searchable: ['name'],
  }),
  Topic: node({
    schema: z.object({ id, name: z.string().min(1) }),
    props: { id: 'string', name: 'string' },
    searchable: ['name'],
  }),
  Request: node({
    schema: z.object({ id, text: z.string().min(1), item: z.string().min(1) }),
    props: { id: 'string', text: 'string', item: 'string' },
    searchable: ['text'],
  }),
  Deferral: node({
    schema: z.object({
      id,
      subject: z.string().min(1),
      to: PartialDateSchema,
      from: PartialDateSchema,
      item: z.string().min(1),
    }),
    props: { id: 'string', subject: 'string', to: 'string?', from: 'string?', item: 'string' },
    searchable: ['subject'],
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
  }),
} as const;

export type NodeType = keyof typeof NODE_TYPES;
export const NODE_TYPE_NAMES = Object.keys(NODE_TYPES) as NodeType[];
export type NodeOf<T extends NodeType> = z.infer<(typeof NODE_TYPES)[T]['schema']>;

/**
 * Every relation carries its evidence (EvidenceSchema flattened: doc, item, start, end,
 * sentence) plus the extra properties listed here. `doc` keys a fact to the document it came
 * from, which is what makes re-ingesting a changed document replace exactly its own facts.
 */
interface RelDef {
  pairs: readonly (readonly [NodeType, NodeType])[];
  props: Record<string, PropType>;
  description: string;
}

function rel(def: RelDef): RelDef {
  return def;
}

export const REL_TYPES = {
  HELD_BY: rel({ pairs: [['Meeting', 'Body']], props: {}, description: 'the body whose meeting it was' }),
  HAS_ITEM: rel({ pairs: [['Meeting', 'Item']], props: {}, description: 'an agenda item of the meeting' }),
  SOURCED_FROM: rel({
    pairs: [['Meeting', 'Document']],
    props: {},
    description: 'a published document recording the meeting',
  }),
  ATTENDED: rel({ pairs: [['Person', 'Meeting']], props: {}, description: 'listed as present' }),
  SENT_APOLOGIES: rel({ pairs: [['Person', 'Meeting']], props: {}, description: 'apologies for absence' }),
  CHAIRED: rel({ pairs: [['Person', 'Meeting']], props: {}, description: 'in the Chair' }),
  ATTENDED_ITEM: rel({
    pairs: [['Person', 'Item']],
    props: {},
    description: 'welcomed to, or in attendance for, the item',
  }),
  PRESENTED: rel({ pairs: [['Person', 'Item']], props: {}, description: 'presented the report or update' }),
  INTRODUCED: rel({ pairs: [['Person', 'Item']], props: {}, description: 'introduced the report or item' }),
  MENTIONED_IN: rel({
    pairs: [
      ['Person', 'Item'],
      ['Person', 'Meeting'],
    ],
    props: {},
    description: 'named in the item (or, outside any item, in the meeting\'s minutes): every named person has one',
  }),
  HOLDS_ROLE: rel({
    pairs: [['Person', 'Role']],
    props: { seen: 'string?' },
    description: 'held the post on the date seen (first/last seen are aggregated over edges)',
  }),
  OF: rel({ pairs: [['Role', 'Body']], props: {}, description: 'the body a post belongs to' }),
  REPRESENTS: rel({ pairs: [['Person', 'Body']], props: {}, description: 'attended on behalf of' }),
  REQUESTED: rel({ pairs: [['Body', 'Request']], props: {}, description: 'the body asked for it' }),
  IN: rel({
    pairs: [
      ['Request', 'Item'],
      ['Deferral', 'Item'],
    ],
    props: {},
    description: 'the item where it was raised',
  }),
  DEFERRED_TO: rel({
    pairs: [['Item', 'Deferral']],
    props: { by: 'string?' },
    description: 'business moved to a later meeting or month',
  }),
  ABOUT: rel({
    pairs: [
      ['Item', 'Strategy'],
      ['Item', 'Topic'],
    ],
    props: {},
    description: 'what the item discussed or named',
  }),
  APPROVED_BY: rel({
    pairs: [['Strategy', 'Body']],
    props: { date: 'string?' },
    description: 'approved by the body, when stated',
  }),
  REPORTS_TO: rel({ pairs: [['Body', 'Body']], props: {}, description: '"fed into"' }),
  CHAIRED_BY: rel({
    pairs: [
      ['Body', 'Person'],
      ['Body', 'Role'],
    ],
    props: {},
    description: 'who chairs the body',
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
