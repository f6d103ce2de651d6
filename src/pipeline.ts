/**
 * The extraction pipeline for one document: normalise → segment → extract → resolve.
 * Each stage is a pure function from one typed value to the next.
 */
import { extract } from './extract/extract.ts';
import type { RawDocument } from './load/types.ts';
import { normalise } from './normalise/normalise.ts';
import { resolve } from './resolve/resolve.ts';
import type { ResolvedDocument } from './resolve/types.ts';
import { segment } from './segment/segment.ts';

export function extractDocument(raw: RawDocument): ResolvedDocument {
  const normalised = normalise(raw.text);
  const segmented = segment(normalised);
  const extraction = extract(normalised.text, segmented);
  // The URL rides with the source (resolve passes it through), so a stored extraction keeps it.
  const source: ResolvedDocument['source'] = { id: raw.id, path: raw.path, sha256: raw.sha256, format: raw.format, url: raw.url ?? null };
  return resolve({
    source,
    normalised,
    segmented,
    extraction,
    warnings: raw.warnings,
  });
}
