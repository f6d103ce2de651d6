/** A worker thread that runs the (pure) extraction pipeline on the documents it is sent. */
import { parentPort } from 'node:worker_threads';
import type { RawDocument } from '../load/types.ts';
import { extractDocument } from '../pipeline.ts';

parentPort!.on('message', (message: { i: number; raw: RawDocument }) => {
  try {
    parentPort!.postMessage({ i: message.i, doc: extractDocument(message.raw) });
  } catch (err) {
    parentPort!.postMessage({ i: message.i, error: err instanceof Error ? err.message : String(err) });
  }
});
