/**
 * The files an ingest reads: the given files, and the minutes-like files under the given
 * directories (recursively, hidden folders skipped), in a stable sorted order so every run
 * processes the same files in the same order.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

export const INGEST_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.pdf']);

export interface WalkResult {
  files: { path: string; size: number }[];
  /** Paths that could not be read at all (missing, unreadable). */
  problems: { path: string; error: string }[];
}

export async function walkPaths(paths: string[]): Promise<WalkResult> {
  const files = new Map<string, number>();
  const problems: { path: string; error: string }[] = [];
  async function visit(path: string, explicit: boolean): Promise<void> {
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({
        path,
        error: code === 'ENOENT' ? `${path}: no such file or directory.` : `${path}: cannot read it (${(err as Error).message}).`,
      });
      return;
    }
    if (info.isDirectory()) {
      let entries;
      try {
        entries = await readdir(path, { withFileTypes: true });
      } catch (err) {
        problems.push({ path, error: `${path}: cannot list the folder (${(err as Error).message}).` });
        return;
      }
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        // A folder's README describes the folder; it is not minutes (name it explicitly to ingest it).
        if (entry.isFile() && /^(readme|changelog|license)(\.[a-z]+)?$/i.test(entry.name)) continue;
        const child = join(path, entry.name);
        if (entry.isDirectory()) await visit(child, false);
        else if (INGEST_EXTENSIONS.has(extname(entry.name).toLowerCase())) await visit(child, false);
      }
      return;
    }
    // A file named on the command line is read whatever its extension (the loader decides).
    if (explicit || INGEST_EXTENSIONS.has(extname(path).toLowerCase())) files.set(resolve(path), info.size);
  }
  for (const p of paths) await visit(p, true);
  return {
    files: [...files.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, size]) => ({ path, size })),
    problems,
  };
}
