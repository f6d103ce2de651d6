/**
 * Ingests into one embedded store take turns: each holds a lock file beside the store while it
 * reads what the store holds, resolves, and writes. A second ingest waits (and says so) until
 * the first is done; a lock left by a process that no longer runs is taken over.
 */
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { databaseFile } from './kuzu.ts';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

const POLL_MS = 200;

export function lockPath(storePath: string): string {
  return `${databaseFile(storePath)}.ingest.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    return null;
  }
}

/**
 * Takes the store's ingest lock, waiting for another ingest to finish; `onWait` is told once
 * who holds it. Resolves to the function that releases it.
 */
export async function acquireIngestLock(storePath: string, onWait: (holder: Holder) => void): Promise<() => void> {
  const path = lockPath(storePath);
  mkdirSync(dirname(path), { recursive: true });
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  let told = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => {
        if (readHolder(path)?.pid === me.pid) unlinkSync(path);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(path);
    // A lock from a process that has gone (killed mid-ingest), or one being written right now.
    if (holder && holder.host === me.host && !alive(holder.pid)) {
      try {
        unlinkSync(path);
      } catch {
        // Someone else took it over first.
      }
      continue;
    }
    if (holder && !told) {
      told = true;
      onWait(holder);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
