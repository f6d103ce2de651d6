/**
 * Extraction of many documents, optionally on worker threads (COUNCILGRAPH_WORKERS=N).
 * Extraction is a pure function of the document, so workers give the same results as the main
 * thread. Off by default: measured on the 2-core machine, extraction runs at ~3 MB/s on the
 * main thread and each worker spends 1-3 s loading and compiling the pipeline, so 2 workers
 * were slower (4.0 s against 2.7 s for 8 MB); they pay off only with more cores or more text.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../load/types.ts';
import { extractDocument } from '../pipeline.ts';
import type { ResolvedDocument } from '../resolve/types.ts';

const MAX_WORKERS = 8;

export type Extracted = ResolvedDocument | Error;

export async function extractAll(
  raws: RawDocument[],
  onDone: (i: number, result: Extracted) => void = () => undefined,
  /** Worker threads to use (default: COUNCILGRAPH_WORKERS, else none); below 2, the main thread. */
  threadsWanted?: number,
): Promise<Extracted[]> {
  const fromEnv = Number(process.env.COUNCILGRAPH_WORKERS ?? 0) || 0;
  const threads = Math.min(raws.length, MAX_WORKERS, availableParallelism() * 2, threadsWanted ?? fromEnv);
  if (!(threads >= 2)) {
    return raws.map((raw, i) => {
      let result: Extracted;
      try {
        result = extractDocument(raw);
      } catch (err) {
        result = err instanceof Error ? err : new Error(String(err));
      }
      onDone(i, result);
      return result;
    });
  }
  const results: Extracted[] = new Array(raws.length);
  let next = 0;
  const module = new URL('./extract-worker.ts', import.meta.url).href;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { module } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= raws.length) return resolve();
              const i = next++;
              worker.postMessage({ i, raw: raws[i] });
            };
            worker.on('message', (m: { i: number; doc?: ResolvedDocument; error?: string }) => {
              results[m.i] = m.doc ?? new Error(m.error ?? 'extraction failed');
              onDone(m.i, results[m.i]!);
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`an extraction worker stopped with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
