/**
 * The server's corrections sink (src/api/corrections.ts): an analyst's correction from the
 * dashboard becomes an entry of the corrections file (src/ingest/corrections-file.ts, the same
 * file `councilgraph correct` writes), and the file is applied to the store at once, as that
 * command does, so the served graph shows it and every later ingest applies it again.
 *
 * The API names entities by id; the file's merge, split and rename name people (by name, within
 * their council), so those kinds are for people only. A split says in which documents the
 * person is someone else: the statement the correction was opened from gives the document.
 */
import type { CorrectionReceipt, CorrectionRequest, CorrectionSink } from '../../api/corrections.ts';
import { apiError, ErrorCode } from '../../api/errors.ts';
import { typeOfId } from '../../graph/ids.ts';
import type { IngestStore } from '../../graph/store.ts';
import { acquireIngestLock } from '../../graph/stores/ingest-lock.ts';
import { appendCorrection, CorrectionsError } from '../../ingest/corrections-file.ts';
import { ingestPaths } from '../../ingest/ingest.ts';

const councilOf = (personId: string): string | null => personId.split(':')[1] || null;

async function personName(store: IngestStore, id: string, kind: string): Promise<string> {
  if (typeOfId(id) !== 'Person') {
    throw apiError(ErrorCode.BAD_USER_INPUT, `${kind} corrects people only (${JSON.stringify(id)} is not a person); edit the corrections file for anything else.`);
  }
  const [person] = await store.nodes('Person', [id]);
  if (!person) throw apiError(ErrorCode.BAD_USER_INPUT, `No person has the id ${JSON.stringify(id)}.`);
  return person.name;
}

/** The corrections-file entry a request makes. */
export async function entryFor(store: IngestStore, c: CorrectionRequest): Promise<Record<string, unknown>> {
  const note = c.note ? { note: c.note } : {};
  const [a, b] = c.ids as [string, string | undefined];
  switch (c.kind) {
    case 'MERGE': {
      const names = [await personName(store, a, 'MERGE'), await personName(store, b!, 'MERGE')];
      const council = councilOf(a);
      return { merge: names, ...(council && council === councilOf(b!) ? { council } : {}), ...note };
    }
    case 'SPLIT': {
      const doc = c.evidence ? (await store.nodes('Document', [c.evidence.source]))[0] : undefined;
      if (!doc) {
        throw apiError(
          ErrorCode.BAD_USER_INPUT,
          'SPLIT needs the statement where the person is someone else (open the correction from its evidence), or run `councilgraph correct split NAME --document DOC`.',
        );
      }
      const council = councilOf(a);
      return { split: await personName(store, a, 'SPLIT'), documents: [doc.path], ...(council ? { council } : {}), ...note };
    }
    case 'RENAME': {
      const council = councilOf(a);
      return { rename: await personName(store, a, 'RENAME'), to: c.name, ...(council ? { council } : {}), ...note };
    }
    case 'REJECT': {
      const doc = c.evidence ? (await store.nodes('Document', [c.evidence.source]))[0] : undefined;
      return { reject: c.relation, from: a, to: b, ...(doc ? { document: doc.path } : {}), ...note };
    }
    case 'ADD':
      return { add: c.relation, from: a, to: b, ...note };
  }
}

/**
 * A sink writing to `file` and re-applying it to `store`. `storePath` (the embedded store's
 * folder) makes it take its turn with other ingests (ingest-lock.ts), which reach this store
 * through the server.
 */
export function fileCorrectionSink(store: IngestStore, file: string, storePath: string | null): CorrectionSink {
  let turn: Promise<unknown> = Promise.resolve();
  const record = async (c: CorrectionRequest): Promise<CorrectionReceipt> => {
    const entry = await entryFor(store, c);
    const unlock = storePath ? await acquireIngestLock(storePath, () => undefined) : () => undefined;
    try {
      let set;
      try {
        set = appendCorrection(file, entry);
      } catch (err) {
        if (err instanceof CorrectionsError) throw apiError(ErrorCode.BAD_USER_INPUT, err.message);
        throw err;
      }
      const summary = await ingestPaths(store, [], { corrections: set });
      await store.refresh?.();
      const warnings = summary.warnings.length ? ` (${summary.warnings.join('; ')})` : '';
      return { id: `${file}#${set.entries.length}`, applied: true, message: `Recorded as entry ${set.entries.length} of ${file}.${warnings}` };
    } finally {
      unlock();
    }
  };
  return {
    // One at a time: each re-applies the whole file.
    record(c) {
      const next = turn.then(() => record(c));
      turn = next.catch(() => undefined);
      return next;
    },
  };
}
