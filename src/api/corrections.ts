/**
 * Where an analyst's corrections go. The API only validates what the dashboard sends and hands
 * it to a sink: the corrections file, and applying corrections after resolution on every
 * ingest, belong to ingestion (issue 9: `corrections.yaml` beside the store, or `--corrections
 * FILE`, written by `councilgraph correct …`). A server started without a sink is read-only:
 * `capabilities.corrections` is false and `Mutation.correct` is refused with READ_ONLY.
 */
import { REL_TYPE_NAMES, type RelType } from '../graph/model.ts';

export type CorrectionKind = 'MERGE' | 'SPLIT' | 'REJECT' | 'ADD' | 'RENAME';

/** A correction as the API accepted it: every id known to the graph, the relation a model type. */
export interface CorrectionRequest {
  kind: CorrectionKind;
  /** MERGE, SPLIT: the two entities; REJECT, ADD: the relation's ends, from first; RENAME: the entity. */
  ids: string[];
  relation: RelType | null;
  name: string | null;
  note: string | null;
  /** The evidence the analyst was reading (document id and span), when they came from one. */
  evidence: { source: string; start: number; end: number } | null;
}

export interface CorrectionReceipt {
  /** The entry's id in the corrections file. */
  id: string;
  /** True once the served graph reflects it (the sink re-applied corrections to the store). */
  applied: boolean;
  message: string;
}

export interface CorrectionSink {
  record(correction: CorrectionRequest): Promise<CorrectionReceipt>;
}

export const MAX_NOTE_CHARS = 2000;
export const MAX_NAME_CHARS = 200;

/** How many ids each kind names, and whether it names a relation type or a new name. */
const SHAPE: Record<CorrectionKind, { ids: number; relation: boolean; name: boolean }> = {
  MERGE: { ids: 2, relation: false, name: false },
  SPLIT: { ids: 2, relation: false, name: false },
  REJECT: { ids: 2, relation: true, name: false },
  ADD: { ids: 2, relation: true, name: false },
  RENAME: { ids: 1, relation: false, name: true },
};

export interface CorrectionInput {
  kind: CorrectionKind;
  ids: string[];
  relation?: string | null;
  name?: string | null;
  note?: string | null;
  evidence?: { source: string; start: number; end: number } | null;
}

/** The request a valid input makes, or the message saying what to change (ids are checked by the caller). */
export function checkCorrection(input: CorrectionInput): CorrectionRequest | string {
  const shape = SHAPE[input.kind];
  if (!shape) return `kind must be one of ${Object.keys(SHAPE).join(', ')}.`;
  const ids = input.ids.map((id) => id.trim());
  if (ids.length !== shape.ids || ids.some((id) => !id)) {
    return `${input.kind} names ${shape.ids === 1 ? 'one entity' : 'two entities'} in ids (got ${ids.length}).`;
  }
  if (shape.ids === 2 && ids[0] === ids[1]) return `${input.kind} needs two different ids (both are ${JSON.stringify(ids[0])}).`;
  let relation: RelType | null = null;
  if (shape.relation) {
    if (!input.relation || !(REL_TYPE_NAMES as string[]).includes(input.relation)) {
      return `${input.kind} needs relation, one of ${REL_TYPE_NAMES.join(', ')} (got ${JSON.stringify(input.relation ?? null)}).`;
    }
    relation = input.relation as RelType;
  } else if (input.relation) return `${input.kind} takes no relation.`;
  const name = input.name?.trim() || null;
  if (shape.name && !name) return `${input.kind} needs name: the name as it should be written.`;
  if (!shape.name && name) return `${input.kind} takes no name.`;
  if (name && name.length > MAX_NAME_CHARS) return `name is longer than ${MAX_NAME_CHARS} characters.`;
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_NOTE_CHARS) return `note is longer than ${MAX_NOTE_CHARS} characters.`;
  const ev = input.evidence ?? null;
  if (ev && (!Number.isInteger(ev.start) || !Number.isInteger(ev.end) || ev.start < 0 || ev.end < ev.start)) {
    return `evidence needs 0 ≤ start ≤ end (got ${ev.start}–${ev.end}).`;
  }
  return { kind: input.kind, ids, relation, name, note, evidence: ev ? { source: ev.source, start: ev.start, end: ev.end } : null };
}
