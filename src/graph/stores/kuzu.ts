/**
 * The embedded default store: Kuzu, in-process, on disk. Only the connection lives here;
 * the logic is CypherStore's and the dialect is cypher/kuzu/.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import kuzu from 'kuzu';
import { CypherStore } from './cypher-store.ts';
import { copyDocuments } from './repair.ts';
import type { Params, Row, Runner, Tx, Value } from './runner.ts';

type KuzuConnection = InstanceType<typeof kuzu.Connection>;
type KuzuPrepared = InstanceType<typeof kuzu.PreparedStatement>;

/** Runs calls one at a time: a Kuzu connection executes one statement at a time. */
class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

class KuzuConnectionRunner implements Tx {
  private readonly prepared = new Map<string, KuzuPrepared>();
  constructor(readonly conn: KuzuConnection) {}

  /**
   * Kuzu's Node binding types a list parameter from its first element, so a batch whose first
   * row has a null or an empty list where a later row has a value fails to bind. Rows are
   * therefore sent in batches of the same shape (which fields are null or empty).
   */
  async run(statement: string, params: Params = {}): Promise<Row[]> {
    const rows = params.rows;
    if (Array.isArray(rows) && rows.length > 1) {
      const batches = new Map<string, unknown[]>();
      for (const row of rows) {
        const shape = Object.values(row as Record<string, unknown>)
          .map((v) => (v === null || v === undefined ? 'n' : Array.isArray(v) && v.length === 0 ? 'e' : 't'))
          .join('');
        const batch = batches.get(shape);
        if (batch) batch.push(row);
        else batches.set(shape, [row]);
      }
      if (batches.size > 1) {
        const out: Row[] = [];
        for (const batch of batches.values()) out.push(...(await this.runOnce(statement, { ...params, rows: batch })));
        return out;
      }
    }
    return this.runOnce(statement, params);
  }

  private async runOnce(statement: string, params: Params): Promise<Row[]> {
    let ps = this.prepared.get(statement);
    if (!ps) {
      ps = await this.conn.prepare(statement);
      if (!ps.isSuccess()) throw new Error(`Kuzu could not prepare a statement: ${ps.getErrorMessage()}\n${statement}`);
      this.prepared.set(statement, ps);
    }
    const result = await this.conn.execute(ps, params as Record<string, never>);
    const results = Array.isArray(result) ? result : [result];
    const rows: Row[] = [];
    for (const r of results) {
      // getAll() asks the native side for each row in its own round trip through libuv's
      // thread pool (160 rows: ~20 ms on a loaded 2-core machine); the rows are already in
      // memory when execute() resolves, so reading them synchronously costs microseconds.
      for (const row of r.getAllSync()) rows.push(normaliseRow(row));
      r.close();
    }
    return rows;
  }

  async exec(statement: string): Promise<void> {
    const result = await this.conn.query(statement);
    for (const r of Array.isArray(result) ? result : [result]) r.close();
  }
}

/**
 * Reader connections: one per core (at least two), so that every core can run a read while
 * another waits for its rows; `COUNCILGRAPH_KUZU_READERS` overrides it. Kuzu runs each query on
 * libuv's thread pool, which has four threads unless UV_THREADPOOL_SIZE says otherwise.
 */
export function readerCount(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.COUNCILGRAPH_KUZU_READERS);
  if (Number.isInteger(asked) && asked > 0) return Math.min(asked, 16);
  return Math.max(2, Math.min(8, availableParallelism()));
}

/**
 * Connections that each run one statement at a time, shared by a queue: a read goes to the
 * first idle connection, so one slow read never holds up others behind it on the same
 * connection while another connection is idle.
 */
class ConnectionPool {
  private readonly idle: KuzuConnectionRunner[];
  private readonly waiting: ((runner: KuzuConnectionRunner) => void)[] = [];

  constructor(readonly all: KuzuConnectionRunner[]) {
    this.idle = [...all];
  }

  async run<T>(work: (runner: KuzuConnectionRunner) => Promise<T>): Promise<T> {
    const runner = this.idle.pop() ?? (await new Promise<KuzuConnectionRunner>((resolve) => this.waiting.push(resolve)));
    try {
      return await work(runner);
    } finally {
      const next = this.waiting.shift();
      if (next) next(runner);
      else this.idle.push(runner);
    }
  }

  /** Resolves once every connection is idle (nothing in flight or queued). */
  async drain(): Promise<void> {
    await Promise.all(this.all.map(() => this.run(async () => undefined)));
  }
}

export class KuzuRunner implements Runner {
  private readonly writer: KuzuConnectionRunner;
  private readonly writeQueue = new Serial();
  private readonly readers: ConnectionPool;
  private activeReads = 0;
  /** Set while reads are held back (withoutReads); resolves when they may go on. */
  private gate: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  private constructor(
    private readonly db: InstanceType<typeof kuzu.Database>,
    readonly readOnly: boolean,
  ) {
    this.writer = new KuzuConnectionRunner(new kuzu.Connection(db));
    this.readers = new ConnectionPool(Array.from({ length: readerCount() }, () => new KuzuConnectionRunner(new kuzu.Connection(db))));
  }

  /**
   * Opens the store at `path`: a folder holding the database file, or an existing Kuzu database
   * file. `create` makes the folder (parents included) and the database when absent; otherwise
   * a path without a store is an error. `readOnly` shares the store with other readers.
   */
  static async open(path: string, options: { create?: boolean; readOnly?: boolean } = {}): Promise<KuzuRunner> {
    const file = databaseFile(path);
    const create = options.create ?? true;
    const readOnly = options.readOnly ?? false;
    if (!create && !existsSync(file)) throw new NoStoreError(path);
    if (create) mkdirSync(dirname(file), { recursive: true });
    let db: InstanceType<typeof kuzu.Database>;
    try {
      db = new kuzu.Database(file, 0, true, readOnly);
      await db.init();
    } catch (err) {
      const message = (err as Error).message;
      throw new Error(
        `could not open the Kuzu database at ${file}: ${message}. ` +
          (/lock/i.test(message)
            ? 'Another councilgraph process has it open; stop it or use --db with another path.'
            : 'Check the path, or move the folder away to start a fresh store.'),
        { cause: err },
      );
    }
    return new KuzuRunner(db, readOnly);
  }

  run(statement: string, params?: Params): Promise<Row[]> {
    return this.readers.run(async (reader) => {
      while (this.gate) await this.gate;
      this.activeReads++;
      try {
        return await reader.run(statement, params);
      } finally {
        if (--this.activeReads === 0) this.drained?.();
      }
    });
  }

  /**
   * Runs `work` with no read in progress, holding new reads back meanwhile. A Kuzu checkpoint
   * (at the commit of a bulk COPY, or when building a full-text index) waits for every active
   * transaction to end and fails after a while if reads keep coming, as they do on a busy
   * server; this gives it the pause it needs (reads wait for as long as the work takes).
   */
  private async withoutReads<T>(work: () => Promise<T>): Promise<T> {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    while (this.gate) await this.gate;
    this.gate = gate;
    try {
      if (this.activeReads > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return await work();
    } finally {
      this.gate = null;
      open();
    }
  }

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.writeQueue.run(async () => {
      await this.writer.exec('BEGIN TRANSACTION');
      try {
        const out = await work(this.writer);
        await this.withoutReads(() => this.writer.exec('COMMIT'));
        return out;
      } catch (err) {
        await this.writer.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  async schema(statements: string[]): Promise<void> {
    await this.writeQueue.run(() =>
      this.withoutReads(async () => {
        for (const s of statements) await this.writer.exec(s);
      }),
    );
  }

  async close(): Promise<void> {
    await this.writeQueue.run(async () => undefined);
    await this.readers.drain();
    await this.db.close();
  }
}

/** Kuzu 0.11 keeps a database in one file (plus its .wal); councilgraph keeps it in a folder. */
export const DATABASE_FILE = 'councilgraph.kuzu';

export function databaseFile(path: string): string {
  try {
    if (statSync(path).isFile()) return path;
  } catch {
    // Absent: a new store folder.
  }
  return join(path, DATABASE_FILE);
}

function ref(id: unknown): string {
  const { table, offset } = id as { table: number; offset: number };
  return `${table}:${offset}`;
}

function normalise(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(normalise);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('_label' in o && '_id' in o) {
      const props: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(o)) if (!k.startsWith('_')) props[k] = normalise(val);
      if ('_src' in o) return { kind: 'rel', type: String(o._label), start: ref(o._src), end: ref(o._dst), props };
      return { kind: 'node', ref: ref(o._id), label: String(o._label), props };
    }
    const out: Record<string, Value> = {};
    for (const [k, val] of Object.entries(o)) out[k] = normalise(val);
    return out;
  }
  return v as Value;
}

function normaliseRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = normalise(v);
  return out;
}

/** Whether `path` holds a Kuzu store (a folder with the database file, or the file itself). */
export function storeExists(path: string): boolean {
  return existsSync(databaseFile(path));
}

/** A path that holds no store, where the command needs one. */
export class NoStoreError extends Error {
  constructor(readonly path: string) {
    super(`there is no councilgraph store at ${path}: create one with \`councilgraph ingest --db ${path} FILES…\`, or give the right --db`);
    this.name = 'NoStoreError';
  }
}

/** Kuzu refused to open a database another process holds. */
export function isLockError(err: unknown): boolean {
  return err instanceof Error && /could not set lock|lock on file/i.test(err.message);
}

/**
 * Opens the store, first finishing a rebuild that a kill interrupted at its last step; when the
 * check at opening finds the store damaged (a bulk write cut short by a kill, see repair.ts), it
 * is rebuilt whole from its documents into a new file that then replaces it (a read-only open
 * does neither):
 *
 *   1. the documents are written into a new store in the folder `<file>.rebuild` (removed first,
 *      so a rebuild killed half-way starts again from the damaged store, left as it was), closed;
 *   2. its file is renamed `<file>.rebuilt`: from here the rebuild is complete;
 *   3. the damaged store's log and shadow files are removed and `<file>.rebuilt` renamed over it.
 */
export async function openKuzuStore(path: string, options: { create?: boolean; readOnly?: boolean } = {}): Promise<CypherStore> {
  const file = databaseFile(path);
  if (options.readOnly) {
    // A reader changes nothing on disk: a writer may hold the store (Kuzu then refuses to open).
    const reader = new CypherStore('kuzu', await KuzuRunner.open(path, options));
    await reader.init();
    return reader;
  }
  finishSwap(file);
  const store = new CypherStore('kuzu', await KuzuRunner.open(path, options));
  await store.init();
  if (!store.lastVerify?.damaged) return store;
  const report = store.lastVerify;
  const tmp = `${file}.rebuild`;
  rmSync(tmp, { recursive: true, force: true });
  const fresh = new CypherStore('kuzu', await KuzuRunner.open(tmp));
  await fresh.init();
  await copyDocuments(store, fresh);
  await fresh.close();
  await store.close();
  renameSync(join(tmp, DATABASE_FILE), `${file}.rebuilt`);
  finishSwap(file);
  const rebuilt = new CypherStore('kuzu', await KuzuRunner.open(path));
  await rebuilt.init();
  rebuilt.lastVerify = { ...report, damaged: false, full: true };
  return rebuilt;
}

function finishSwap(file: string): void {
  if (!existsSync(`${file}.rebuilt`)) return;
  for (const f of [`${file}.wal`, `${file}.shadow`]) rmSync(f, { force: true });
  renameSync(`${file}.rebuilt`, file);
  rmSync(`${file}.rebuild`, { recursive: true, force: true });
}
