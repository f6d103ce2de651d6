/**
 * The extraction pipeline for one document: normalise → segment → extract → resolve.
 * Each stage is a pure function from one typed value to the next.
 */
import type { RawDocument } from './load/types.ts';
import type { ResolvedDocument } from './resolve/types.ts';

export function extractDocument(raw: RawDocument): ResolvedDocument {
  // Placeholder until the stages land: an honest empty extraction, not a guess.
  return {
    source: { id: raw.id, path: raw.path, sha256: raw.sha256, format: raw.format },
    meeting: { body: null, council: null, date: null, evidence: null },
    chair: null,
    membersPresent: [],
    apologies: [],
    people: [],
    items: [],
    bodies: [],
    bodyRelations: [],
    warnings: ['extraction stages not implemented yet'],
  };
}
