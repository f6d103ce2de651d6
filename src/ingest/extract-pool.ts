/**
 * Reading and extraction of many documents on worker threads, each document with a time and a
 * memory budget: a document that runs past `COUNCILGRAPH_DOC_SECONDS` (default 60) or needs more
 * than `COUNCILGRAPH_DOC_MB` of heap (default 1024) fails with a message saying so, its worker is
 * replaced, and the ingest goes on. Extraction is a pure function of the document, so workers
 * give the same results as the main thread.
 *
 * The pool outlives one ingest (its workers are unref'd, so it never keeps a process alive): a
 * worker costs 1-3 s to load and compile the pipeline, which an ingest pays once, not per call.
 * Workers default to one (COUNCILGRAPH_WORKERS=N for more): on the 2-core machine the main
 * thread writes to the store while the worker extracts.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../load/types.ts';
import { extractDocument } from '../pipeline.ts';
import type { ResolvedDocument } from '../resolve/types.ts';
import type { WorkerTask } from './extract-worker.ts';

const MAX_WORKERS = 8;

export type Extracted = ResolvedDocument | Error;

export interface Budget {
  seconds: number;
  megabytes: number;
}

export function defaultBudget(env: NodeJS.ProcessEnv = process.env): Budget {
  const seconds = Number(env.COUNCILGRAPH_DOC_SECONDS);
  const megabytes = Number(env.COUNCILGRAPH_DOC_MB);
  return { seconds: seconds > 0 ? seconds : 60, megabytes: megabytes > 0 ? megabytes : 1024 };
}

/** What one file gave: its extraction (with what the reader noticed), or why it failed. */
export type FileResult = { doc: ResolvedDocument; raw: RawDocument } | { error: string };

/** What ingestion needs to turn a file into a document: the pool below, or a test's own. */
export interface DocumentExtractor {
  /** Reads and extracts one file: `file` on disk, known as `as`, with document id `id`. */
  file(file: string, id: string, as: string): Promise<FileResult>;
}

type Job = { task: WorkerTask; resolve: (r: { doc?: ResolvedDocument; raw?: RawDocument; error?: string }) => void };

class Slot {
  worker: Worker | null = null;
  ready = false;
  job: Job | null = null;
  timer: NodeJS.Timeout | null = null;
  constructor(private readonly pool: ExtractPool) {}

  start(): Worker {
    const module = new URL('./extract-worker.ts', import.meta.url).href;
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { module },
      resourceLimits: { maxOldGenerationSizeMb: this.pool.budget.megabytes, maxYoungGenerationSizeMb: 64 },
    });
    worker.unref();
    // A worker that was stopped (over its time budget) may still report; only the current one counts.
    worker.on('message', (m: { i: number; doc?: ResolvedDocument; raw?: RawDocument; error?: string; ready?: boolean }) => {
      if (this.worker !== worker) return;
      if (m.ready) {
        this.ready = true;
        if (this.job) this.dispatch();
        return;
      }
      this.finish(m);
    });
    worker.on('error', (err) => {
      if (this.worker === worker) this.fail(err);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.job) this.fail(new Error(`the extraction worker stopped (code ${code})`));
    });
    this.worker = worker;
    this.ready = false;
    return worker;
  }

  run(job: Job): void {
    this.job = job;
    if (!this.worker) this.start();
    if (this.ready) this.dispatch();
  }

  /** Sends the job to a loaded worker and starts its clock. */
  private dispatch(): void {
    const job = this.job!;
    this.worker!.postMessage(job.task);
    const seconds = this.pool.budget.seconds;
    this.timer = setTimeout(() => {
      const w = this.worker;
      this.worker = null;
      this.settle({ error: `took longer than the ${seconds} s budget for one document, so it was stopped (set COUNCILGRAPH_DOC_SECONDS to allow more); the other documents go on.` });
      void w?.terminate();
    }, seconds * 1000);
    this.timer.unref();
  }

  private finish(m: { doc?: ResolvedDocument; raw?: RawDocument; error?: string }): void {
    this.settle(m);
  }

  private fail(err: Error & { code?: string }): void {
    const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(err.message);
    this.worker = null;
    this.settle({
      error: memory
        ? `needed more than the ${this.pool.budget.megabytes} MB memory budget for one document, so it was stopped (set COUNCILGRAPH_DOC_MB to allow more); the other documents go on.`
        : `extraction failed (${err.message}).`,
    });
  }

  private settle(m: { doc?: ResolvedDocument; raw?: RawDocument; error?: string }): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const job = this.job;
    this.job = null;
    job?.resolve(m);
    this.pool.next(this);
  }
}

export class ExtractPool implements DocumentExtractor {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];

  constructor(
    readonly budget: Budget = defaultBudget(),
    size = Math.max(1, Math.min(MAX_WORKERS, availableParallelism(), Number(process.env.COUNCILGRAPH_WORKERS ?? 1) || 1)),
  ) {
    this.slots = Array.from({ length: size }, () => new Slot(this));
  }

  private submit(task: WorkerTask): Promise<{ doc?: ResolvedDocument; raw?: RawDocument; error?: string }> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      const idle = this.slots.find((s) => !s.job);
      if (idle) this.next(idle);
    });
  }

  next(slot: Slot): void {
    if (slot.job) return;
    const job = this.queue.shift();
    if (job) slot.run(job);
  }

  /** Reads and extracts one file: `file` on disk, known as `as`, with document id `id`. */
  async file(file: string, id: string, as: string): Promise<FileResult> {
    const r = await this.submit({ i: 0, file, id, as });
    return r.doc && r.raw ? { doc: r.doc, raw: r.raw } : { error: r.error ?? 'extraction failed' };
  }

  async raw(raw: RawDocument): Promise<Extracted> {
    const r = await this.submit({ i: 0, raw });
    return r.doc ?? new Error(r.error ?? 'extraction failed');
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
  }
}

let shared: ExtractPool | null = null;
/** The process's pool (budgets from the environment when first used). */
export function sharedPool(): ExtractPool {
  return (shared ??= new ExtractPool());
}

/** Stops the process's pool (commands call it when done, so the process can exit at once). */
export async function closeSharedPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}

/**
 * Extraction of documents already in memory, in order (tests, benches): on the main thread, or
 * with `threadsWanted` ≥ 2 on a pool of that many workers.
 */
export async function extractAll(
  raws: RawDocument[],
  onDone: (i: number, result: Extracted) => void = () => undefined,
  threadsWanted?: number,
): Promise<Extracted[]> {
  const threads = Math.min(raws.length, MAX_WORKERS, availableParallelism() * 2, threadsWanted ?? 0);
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
  const pool = new ExtractPool(defaultBudget(), threads);
  try {
    return await Promise.all(
      raws.map(async (raw, i) => {
        const result = await pool.raw(raw);
        onDone(i, result);
        return result;
      }),
    );
  } finally {
    await pool.close();
  }
}
