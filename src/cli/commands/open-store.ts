/**
 * How each command reaches the store, so that `serve`, `query` and `ingest` work on one
 * embedded store at the same time (see graph/stores/shared.ts):
 *   query   through the server when one serves the store; else read-only beside other readers
 *   ingest  one at a time (ingest-lock.ts); through the server when one serves the store; else
 *           opened for writing, created when absent (the only command that creates a store)
 *   remove  as ingest, but a store must exist
 *   serve   opened for writing; a store must exist
 * A command that finds the store held by another process says so and waits for it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { IngestStore } from '../../graph/store.ts';
import { acquireIngestLock } from '../../graph/stores/ingest-lock.ts';
import { isLockError, NoStoreError } from '../../graph/stores/kuzu.ts';
import { kuzuPath, openStore, type OpenOptions } from '../../graph/stores/open.ts';
import { connectShared } from '../../graph/stores/shared.ts';
import { CliError } from '../errors.ts';

export type Purpose = 'query' | 'ingest' | 'remove' | 'serve';

export interface Opened {
  store: IngestStore;
  /** The embedded store's path (null for Neo4j). */
  path: string | null;
  /** The pid of the server the store is reached through, when it is. */
  via: number | null;
  /** Lets the next ingest in (close() does too). */
  release(): void;
  /** Closes the store (or the connection) and lets the next ingest in. */
  close(): Promise<void>;
}

const RETRY_MS = 250;

export async function openFor(purpose: Purpose, options: OpenOptions, say: (line: string) => void): Promise<Opened> {
  const path = kuzuPath(options);
  if (path === null) {
    const store = await openStore(options).catch((err: Error) => {
      throw new CliError(err.message, 1);
    });
    return { store, path, via: null, release: () => undefined, close: () => store.close() };
  }
  const writes = purpose === 'ingest' || purpose === 'remove';
  const unlock =
    writes
      ? await acquireIngestLock(path, (h) => say(`another ingest (process ${h.pid}, since ${h.since}) is writing to ${path}; waiting for it to finish…`))
      : () => undefined;
  let locked = true;
  const release = () => {
    if (locked) unlock();
    locked = false;
  };
  try {
    let toldLocked = false;
    for (;;) {
      if (purpose !== 'serve') {
        const remote = await connectShared(path);
        if (remote) {
          return {
            store: remote,
            path,
            via: remote.serverPid,
            release,
            close: async () => {
              await remote.close();
              release();
            },
          };
        }
      }
      try {
        const store = await openStore(options, process.env, { create: purpose === 'ingest', readOnly: purpose === 'query' });
        return {
          store,
          path,
          via: null,
          release,
          close: async () => {
            try {
              await store.close();
            } finally {
              release();
            }
          },
        };
      } catch (err) {
        if (err instanceof NoStoreError) throw new CliError(err.message, 1);
        if (!isLockError(err)) throw new CliError((err as Error).message, 1);
        if (!toldLocked) {
          toldLocked = true;
          say(`another councilgraph process has ${path} open (an ingest, or a server starting); waiting for it…`);
        }
        await sleep(RETRY_MS);
      }
    }
  } catch (err) {
    release();
    throw err;
  }
}
