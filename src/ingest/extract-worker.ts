/**
 * A worker thread that reads and extracts the documents it is sent: a file (read, then the pure
 * extraction pipeline), or a RawDocument already in memory. Running on a worker is what lets the
 * ingest give each document a time and memory budget: a document that exceeds it costs this
 * worker, not the ingest.
 */
import { parentPort } from 'node:worker_threads';
import { readDocument } from '../load/read.ts';
import type { RawDocument } from '../load/types.ts';
import { extractDocument } from '../pipeline.ts';

export type WorkerTask = { i: number; raw: RawDocument } | { i: number; file: string; id: string; as: string };

parentPort!.on('message', async (task: WorkerTask) => {
  try {
    const raw = 'raw' in task ? task.raw : await readDocument(task.file, { id: task.id, as: task.as });
    const doc = extractDocument(raw);
    // A file's text goes back with its extraction (the store keeps it for the source viewer); a
    // text handed over in memory is already the caller's.
    parentPort!.postMessage({ i: task.i, doc, raw: 'raw' in task ? { ...raw, text: '' } : raw });
  } catch (err) {
    parentPort!.postMessage({ i: task.i, error: err instanceof Error ? err.message : String(err) });
  }
});

// Loading the pipeline takes a second or more, and the first extraction pays for lazy set-up
// (the tagger's lexicon, compiled rules): both happen before the worker says it is ready, so a
// document's budget measures the document, not the worker's warm-up.
extractDocument({
  id: 'warm-up.txt',
  path: 'warm-up.txt',
  sha256: '',
  format: 'text',
  warnings: [],
  text: 'MINUTES OF THE CABINET\nMonday 1 March 2025\n\nPresent: Councillor Ann Hartley (in the Chair).\n\n1. APOLOGIES\n\nApologies were received from Councillor Ben Moss.\n\n2. THE HARBOUR REPORT\n\nHelen Sweaton, Head of Ports, presented the report. RESOLVED: That the report be noted.\n',
});
parentPort!.postMessage({ ready: true });
