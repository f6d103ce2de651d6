/**
 * Bringing a store in line with a corrections file: when the file differs from the set the store
 * was built with, every stored document an added or removed entry touches is rebuilt with the new
 * set (from the extraction and resolution stored with it), and the corrections document is
 * written again (or removed, with the file). Every later build applies the set too, so after any
 * ingest the graph is the documents' graph as the corrections say it is.
 */
import { correctedIds, correctionsGraph, CORRECTIONS_DOC, type CorrectionSet } from '../graph/corrections.ts';
import type { DocumentWrite, IngestStore } from '../graph/store.ts';
import { changedEntries, documentsAffected, storeFinder, type StoredCorrections } from '../graph/stored-corrections.ts';
import { pack } from '../graph/stores/pack.ts';
import { rebuild } from '../graph/stores/repair.ts';
import type { ResolutionSource } from '../resolve/corpus.ts';

/** A corrections document's write: its graph, and the set it was made from (kept with it). */
export function correctionsWrite(stored: StoredCorrections): DocumentWrite {
  return { graph: stored.graph, meta: { summary: '', resolution: '', extraction: pack(stored), council: '', meeting: '', keys: [], tallies: [] } };
}

export interface CorrectionsOutcome {
  /** Documents rebuilt because the corrections changed. */
  rebuilt: number;
  changed: boolean;
  warnings: string[];
}

export async function refreshCorrections(store: IngestStore, stored: StoredCorrections | null, set: CorrectionSet | null): Promise<CorrectionsOutcome> {
  const outcome: CorrectionsOutcome = { rebuilt: 0, changed: false, warnings: [] };
  if ((stored?.set.sha256 ?? null) === (set?.sha256 ?? null)) return outcome;
  outcome.changed = true;
  const affected = await documentsAffected(store, changedEntries(stored?.set ?? null, set));
  if (affected.length > 0) {
    const writes = await rebuild(store, affected, set);
    await store.commit(writes, []);
    outcome.rebuilt = writes.length;
  }
  // What `add` entries state, read against the graph the rebuilt documents now make.
  if (set && set.entries.length > 0) {
    const { graph, warnings } = await correctionsGraph(set, storeFinder(store));
    outcome.warnings.push(...warnings);
    await store.commit([correctionsWrite({ set, graph })], []);
  } else if (stored) await store.commit([], [CORRECTIONS_DOC]);
  return outcome;
}

/**
 * The store as cross-document resolution reads it, with corrected ids: resolution computes a
 * person's id as the documents give it, the store holds it as the corrections made it.
 */
export function withCorrections(source: ResolutionSource, set: CorrectionSet | null): ResolutionSource {
  if (!set || set.entries.length === 0) return source;
  return {
    documents: (ids) => source.documents(ids),
    docsWithKeys: (keys) => source.docsWithKeys(keys),
    docsOfMeetings: (ids) => source.docsOfMeetings(ids),
    tallies: (keys) => source.tallies(keys),
    async docsReferencing(nodeIds) {
      const extra = new Map(nodeIds.map((id) => [id, correctedIds(id, set)]));
      const found = await source.docsReferencing([...new Set([...nodeIds, ...[...extra.values()].flat()])]);
      const out = new Map<string, string[]>();
      for (const id of nodeIds) {
        const docs = new Set([...(found.get(id) ?? []), ...(extra.get(id) ?? []).flatMap((x) => found.get(x) ?? [])]);
        docs.delete(CORRECTIONS_DOC);
        if (docs.size) out.set(id, [...docs].sort());
      }
      return out;
    },
  };
}
