/**
 * A zod schema of ResolvedDocument plus the invariants a type cannot say (spans inside the
 * text, references that resolve, ordinals in order). The type assertions at the bottom make
 * the schema fail to compile if it drifts from src/resolve/types.ts.
 */
import { z } from 'zod';
import { EvidenceSchema } from '../../src/graph/model.ts';
import type { ResolvedDocument } from '../../src/resolve/types.ts';

const PersonRefSchema = z.object({ person: z.string().min(1), evidence: EvidenceSchema });

const RoleMentionSchema = z.object({
  title: z.string().min(1),
  body: z.string().nullable(),
  evidence: EvidenceSchema,
});

const PersonSchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  kind: z.enum(['councillor', 'officer', 'external']),
  roles: z.array(RoleMentionSchema),
  represents: z.array(z.object({ body: z.string().min(1), evidence: EvidenceSchema })),
  mentions: z.array(EvidenceSchema),
});

const PartialDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

const Count = z.number().int().nonnegative().nullable();
const DecisionSchema = z.object({
  text: z.string().min(1),
  outcome: z.string().nullable(),
  movedBy: PersonRefSchema.nullable(),
  secondedBy: PersonRefSchema.nullable(),
  votesFor: Count,
  votesAgainst: Count,
  abstentions: Count,
  unanimous: z.boolean().nullable(),
  evidence: EvidenceSchema,
});
const BackReferenceSchema = z.object({
  kind: z.enum(['request', 'deferral', 'either']),
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).nullable(),
  previous: z.boolean(),
  evidence: EvidenceSchema,
});

const ItemSchema = z.object({
  key: z.string().min(1),
  ordinal: z.number().int().nonnegative(),
  number: z.string().nullable(),
  // min(1): the graph model's Item needs a title.
  title: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  attendees: z.array(PersonRefSchema),
  presenters: z.array(PersonRefSchema),
  introducers: z.array(PersonRefSchema),
  askedBy: z.array(PersonRefSchema),
  requests: z.array(
    z.object({ text: z.string().min(1), by: z.string().nullable(), evidence: EvidenceSchema }),
  ),
  deferrals: z.array(
    z.object({
      subject: z.string().min(1),
      to: PartialDate.nullable(),
      next: z.boolean().optional(),
      from: PartialDate.nullable(),
      by: z.string().nullable(),
      evidence: EvidenceSchema,
    }),
  ),
  strategies: z.array(
    z.object({
      name: z.string().min(1),
      kind: z.string(),
      evidence: EvidenceSchema,
      approvedBy: z
        .object({ body: z.string().min(1), date: PartialDate.nullable(), evidence: EvidenceSchema })
        .nullable(),
    }),
  ),
  decisions: z.array(DecisionSchema).optional(),
  references: z.array(BackReferenceSchema).optional(),
  topics: z.array(z.object({ name: z.string().min(1), evidence: EvidenceSchema })),
});

export const ResolvedDocumentSchema = z.object({
  source: z.object({
    id: z.string().min(1),
    path: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.string(),
    url: z.string().url().nullable().optional(),
  }),
  meeting: z.object({
    body: z.string().min(1).nullable(),
    council: z.string().min(1).nullable(),
    date: PartialDate.nullable(),
    evidence: EvidenceSchema.nullable(),
  }),
  chair: PersonRefSchema.nullable(),
  membersPresent: z.array(PersonRefSchema),
  apologies: z.array(PersonRefSchema),
  people: z.array(PersonSchema),
  items: z.array(ItemSchema),
  declarations: z
    .array(z.object({ person: z.string().min(1), item: z.string().min(1).nullable(), interest: z.string(), kind: z.string(), evidence: EvidenceSchema }))
    .optional(),
  substitutions: z.array(z.object({ person: z.string().min(1), for: z.string().min(1).nullable(), evidence: EvidenceSchema })).optional(),
  bodies: z.array(z.object({ name: z.string().min(1), kind: z.string() })),
  bodyRelations: z.array(
    z.object({
      type: z.enum(['REPORTS_TO', 'CHAIRED_BY']),
      from: z.string().min(1),
      to: z.string().min(1),
      toKind: z.enum(['Body', 'Person', 'Role']),
      evidence: EvidenceSchema,
    }),
  ),
  warnings: z.array(z.string()),
});

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// Fails to compile when the schema and the type disagree in either direction.
const schemaMatchesType: Equal<z.infer<typeof ResolvedDocumentSchema>, ResolvedDocument> = true;
void schemaMatchesType;

type Evidence = z.infer<typeof EvidenceSchema>;

/** Every evidence record in a document, with where it was found (for error messages). */
function* allEvidence(doc: ResolvedDocument): Generator<[string, Evidence]> {
  if (doc.meeting.evidence) yield ['meeting', doc.meeting.evidence];
  if (doc.chair) yield ['chair', doc.chair.evidence];
  for (const r of doc.membersPresent) yield ['membersPresent', r.evidence];
  for (const r of doc.apologies) yield ['apologies', r.evidence];
  for (const p of doc.people) {
    for (const e of p.mentions) yield [`people[${p.key}].mentions`, e];
    for (const r of p.roles) yield [`people[${p.key}].roles`, r.evidence];
    for (const r of p.represents) yield [`people[${p.key}].represents`, r.evidence];
  }
  for (const item of doc.items) {
    const at = `items[${item.key}]`;
    for (const list of [item.attendees, item.presenters, item.introducers]) {
      for (const r of list) yield [at, r.evidence];
    }
    for (const r of item.requests) yield [`${at}.requests`, r.evidence];
    for (const d of item.deferrals) yield [`${at}.deferrals`, d.evidence];
    for (const s of item.strategies) {
      yield [`${at}.strategies`, s.evidence];
      if (s.approvedBy) yield [`${at}.strategies.approvedBy`, s.approvedBy.evidence];
    }
    for (const t of item.topics) yield [`${at}.topics`, t.evidence];
    for (const d of item.decisions ?? []) {
      yield [`${at}.decisions`, d.evidence];
      if (d.movedBy) yield [`${at}.decisions.movedBy`, d.movedBy.evidence];
      if (d.secondedBy) yield [`${at}.decisions.secondedBy`, d.secondedBy.evidence];
    }
    for (const r of item.references ?? []) yield [`${at}.references`, r.evidence];
  }
  for (const d of doc.declarations ?? []) yield ['declarations', d.evidence];
  for (const s of doc.substitutions ?? []) yield ['substitutions', s.evidence];
  for (const r of doc.bodyRelations) yield ['bodyRelations', r.evidence];
}

/**
 * Problems with a document beyond its shape, as readable strings (empty when well-formed):
 * spans inside the source text, evidence of this document, person references that resolve,
 * item keys, ordinals and spans in order.
 */
export function invariantProblems(doc: ResolvedDocument, docId: string, textLength: number): string[] {
  const problems: string[] = [];
  const itemKeys = new Set(doc.items.map((i) => i.key));
  const personKeys = new Set<string>();
  for (const p of doc.people) {
    if (personKeys.has(p.key)) problems.push(`person key ${p.key} appears twice`);
    personKeys.add(p.key);
  }
  for (const [where, e] of allEvidence(doc)) {
    if (e.start > e.end) problems.push(`${where}: evidence start ${e.start} > end ${e.end}`);
    if (e.end > textLength) problems.push(`${where}: evidence end ${e.end} beyond text length ${textLength}`);
    if (e.doc !== docId) problems.push(`${where}: evidence names document ${e.doc}, not ${docId}`);
    if (e.item !== null && !itemKeys.has(e.item)) problems.push(`${where}: evidence names unknown item ${e.item}`);
  }
  const refs: [string, { person: string }[]][] = [
    ['chair', doc.chair ? [doc.chair] : []],
    ['membersPresent', doc.membersPresent],
    ['apologies', doc.apologies],
    ...doc.items.flatMap((i): [string, { person: string }[]][] => [
      [`items[${i.key}].attendees`, i.attendees],
      [`items[${i.key}].presenters`, i.presenters],
      [`items[${i.key}].introducers`, i.introducers],
      [`items[${i.key}].decisions`, (i.decisions ?? []).flatMap((d) => [d.movedBy, d.secondedBy].filter((r) => r !== null))],
    ]),
    ['declarations', doc.declarations ?? []],
    ['substitutions', (doc.substitutions ?? []).flatMap((s) => [{ person: s.person }, ...(s.for ? [{ person: s.for }] : [])])],
  ];
  for (const d of doc.declarations ?? []) if (d.item !== null && !itemKeys.has(d.item)) problems.push(`declaration names unknown item ${d.item}`);
  for (const [where, list] of refs) {
    for (const r of list) if (!personKeys.has(r.person)) problems.push(`${where}: unknown person ${r.person}`);
  }
  let previous: ResolvedDocument['items'][number] | undefined;
  for (const item of doc.items) {
    if (item.key !== `${docId}#${item.ordinal}`) problems.push(`item key ${item.key} is not ${docId}#${item.ordinal}`);
    if (item.start > item.end) problems.push(`item ${item.key}: start ${item.start} > end ${item.end}`);
    if (item.end > textLength) problems.push(`item ${item.key}: end ${item.end} beyond text length ${textLength}`);
    if (previous) {
      if (item.ordinal <= previous.ordinal) problems.push(`item ordinals not increasing at ${item.key}`);
      if (item.start < previous.end) problems.push(`item ${item.key} overlaps ${previous.key}`);
    }
    previous = item;
  }
  if (doc.source.id !== docId) problems.push(`source.id ${doc.source.id} is not ${docId}`);
  return problems;
}
