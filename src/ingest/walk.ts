/**
 * The files an ingest reads: the given files, and the minutes-like files under the given
 * directories (recursively, hidden folders skipped), in a stable sorted order so every run
 * processes the same files in the same order.
 *
 * Each file is named by its path relative to the ingest root (the working directory, or
 * `--root DIR`), with '/' separators and Unicode in NFC: that relative path is the document's
 * identity in the store, so `a/minutes.txt` and `b/minutes.txt` are two documents, and the
 * same tree ingested from another machine or another checkout gets the same ids.
 *
 * Symbolic links are followed, but every real directory is entered once, so a link back to a
 * folder (or two links to the folder itself) cannot make the walk loop.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export const INGEST_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.pdf']);

export interface WalkedFile {
  /** Absolute path, for reading. */
  path: string;
  /** Path relative to the ingest root ('/'-separated, NFC): the document's identity. */
  rel: string;
  size: number;
}

export interface WalkResult {
  files: WalkedFile[];
  /** Paths that could not be read at all (missing, unreadable, outside the root). */
  problems: { path: string; error: string }[];
  /** The folders walked, relative to the root ('' for the root itself): what `--prune` may prune. */
  folders: string[];
}

/** A path relative to `root` as the store names it, or null when it is outside the root. */
export function relativeId(root: string, path: string): string | null {
  const rel = relative(resolve(root), resolve(path));
  if (rel === '') return '';
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return rel.split(sep).join('/').normalize('NFC');
}

export async function walkPaths(paths: string[], root: string = process.cwd()): Promise<WalkResult> {
  const files = new Map<string, WalkedFile>();
  const problems: { path: string; error: string }[] = [];
  const folders = new Set<string>();
  const entered = new Set<string>();
  const absRoot = resolve(root);

  async function visit(path: string, explicit: boolean): Promise<void> {
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({
        path,
        error:
          code === 'ENOENT'
            ? `${path}: no such file or directory.`
            : code === 'ELOOP'
              ? `${path}: a symbolic link that points back at itself; skipped.`
              : `${path}: cannot read it (${(err as Error).message}).`,
      });
      return;
    }
    const rel = relativeId(absRoot, path);
    if (rel === null) {
      problems.push({
        path,
        error: `${path}: is outside the ingest root ${absRoot}. Documents are named by their path under the root: run the ingest from a folder that contains it, or pass --root DIR.`,
      });
      return;
    }
    if (info.isDirectory()) {
      // A folder reached twice (through a symbolic link, or named twice) is walked once.
      const real = await realpath(path).catch(() => resolve(path));
      if (entered.has(real)) return;
      entered.add(real);
      folders.add(rel);
      let entries;
      try {
        entries = await readdir(path, { withFileTypes: true });
      } catch (err) {
        problems.push({ path, error: `${path}: cannot list the folder (${(err as Error).message}).` });
        return;
      }
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        // A folder's README describes the folder; it is not minutes (name it explicitly to ingest it).
        if (/^(readme|changelog|license)(\.[a-z]+)?$/i.test(entry.name) && !entry.isDirectory()) continue;
        const child = join(path, entry.name);
        if (entry.isDirectory()) await visit(child, false);
        // A symbolic link may name a folder or a file: stat decides (and a folder is entered once).
        else if (entry.isSymbolicLink()) {
          const target = await stat(child).catch(() => null);
          if (target?.isDirectory()) await visit(child, false);
          else if (INGEST_EXTENSIONS.has(extname(entry.name).toLowerCase())) await visit(child, false);
        } else if (INGEST_EXTENSIONS.has(extname(entry.name).toLowerCase())) await visit(child, false);
      }
      return;
    }
    if (!info.isFile()) {
      if (explicit) problems.push({ path, error: `${path}: is not a regular file (a device, pipe or socket); skipped.` });
      return;
    }
    // A file named on the command line is read whatever its extension (the loader decides).
    if (explicit || INGEST_EXTENSIONS.has(extname(path).toLowerCase())) {
      const known = files.get(rel);
      if (!known) files.set(rel, { path: resolve(path), rel, size: info.size });
      else if (known.path !== resolve(path)) {
        problems.push({
          path,
          error: `${path}: has the same document id '${rel}' as ${known.path} (their names differ only in Unicode normalisation); rename one of them.`,
        });
      }
    }
  }
  for (const p of paths) await visit(p, true);
  return {
    files: [...files.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0)),
    problems,
    folders: [...folders].sort(),
  };
}
