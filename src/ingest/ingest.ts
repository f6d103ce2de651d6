/**
 * Ingestion: files → RawDocument → ResolvedDocument → DocumentGraph → store.
 *
 * What it guarantees (see the README, "Ingestion"):
 * - A document is its path under the ingest root (the working directory, or `--root DIR`), so
 *   `a/minutes.txt` and `b/minutes.txt` are two documents; clients only ever see that path.
 * - Every commit leaves the store equal to a clean ingest of the documents it then holds: each
 *   group of new or changed documents is written in one transaction together with every stored
 *   document whose cross-document resolution they change (src/resolve/corpus.ts plans which), so
 *   the graph depends on the set of documents, never on the order or grouping of runs.
 * - A killed ingest, run again, ends exactly as one clean run: a document is in the store only
 *   with all its facts (written in one transaction; Kuzu's bulk copy is checked and repaired at
 *   the next opening, see src/graph/stores/repair.ts), and a file is skipped only when its stored
 *   version has the same bytes and was built by the same model.
 * - A file that fails (unreadable, over its time or memory budget, a builder error) leaves the
 *   store as it was; the others still go in.
 * - `prune` removes the documents once ingested from under the folders walked whose files are
 *   gone; a file renamed with the same content is recognised, and its old name removed.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDocumentGraph } from '../graph/build.ts';
import { correctGraph, CORRECTIONS_DOC, type CorrectionSet } from '../graph/corrections.ts';
import { storedCorrections } from '../graph/stored-corrections.ts';
import { refreshCorrections, withCorrections } from './corrections.ts';
import { ids } from '../graph/ids.ts';
import type { DocumentWrite, IngestStore, StoreCounts, StoredDocument } from '../graph/store.ts';
import { pack, packSourceText, unpack } from '../graph/stores/pack.ts';
import { MODEL_VERSION } from '../graph/stores/versions.ts';
import { forBuilder, planResolution, summarise, type Change, type PlannedDocument } from '../resolve/corpus.ts';
import type { ResolvedDocument } from '../resolve/types.ts';
import { sharedPool, type DocumentExtractor } from './extract-pool.ts';
import { createProgress, type ProgressSink } from './progress.ts';
import { walkPaths, type WalkedFile } from './walk.ts';

/**
 * Documents written per call to the store (per transaction), by store. Large groups let Kuzu
 * bulk-load relations with COPY, whose commit costs ~2 s whatever the group's size: measured over
 * 2,000 synthetic meetings (19.8 MB) on 2 cores, 16 documents per transaction gave 0.16 MB/s, 256
 * gave 0.54 MB/s and one transaction for all 2,105 gave 1.01 MB/s. Neo4j holds a transaction's
 * changes in its heap, so it gets smaller groups. `group: 1` gives one transaction per document.
 */
export const DEFAULT_WRITE_GROUP: Record<IngestStore['kind'], number> = { kuzu: 4096, neo4j: 256 };

export interface IngestSummary {
  documents: { ingested: number; skipped: number; failed: number; removed: number };
  failures: { path: string; error: string }[];
  added: { meetings: number; people: number; items: number; relations: number };
  /** Documents removed (pruned, or renamed away), by path. */
  removed: string[];
  /** Files recognised as a stored document under another name: [old path, new path]. */
  renamed: [string, string][];
  /** Stored documents rebuilt because the new ones changed their cross-document resolution. */
  reresolved: number;
  /** Stored documents rebuilt because the corrections file changed. */
  corrected: number;
  /** What the consistency check at opening repaired. */
  repaired: string[];
  warnings: string[];
  files: number;
  bytes: number;
  seconds: number;
  /** Where the time went: reading and extracting, cross-document resolution, writing. */
  stages: { read: number; resolve: number; write: number };
}

export interface IngestOptions {
  /** A progress bar on stderr (for terminals); otherwise plain lines through `log`. */
  progress?: boolean;
  log?: (line: string) => void;
  /** Documents per transaction (default DEFAULT_WRITE_GROUP for the store; 1 = one each). */
  group?: number;
  /** Documents are named by their path under this folder (default: the working directory). */
  root?: string;
  /** Remove the documents once ingested from under the folders walked whose files are gone. */
  prune?: boolean;
  /** Where extraction runs (default: the process's pool, budgets from the environment). */
  pool?: DocumentExtractor;
  /**
   * The corrections in effect (src/ingest/corrections-file.ts loads the file): applied after
   * resolution to every document built. Null: none (a store built with some drops them).
   * Undefined: the set the store was last built with stays in effect.
   */
  corrections?: CorrectionSet | null;
  /**
   * Where the one document ingested is published (`ingest --url`): stored as its `Source.url`,
   * over any canonical link the page names. Refused when the paths hold more than one file.
   */
  url?: string;
}

interface Timer {
  read: number;
  resolve: number;
  write: number;
}

export async function ingestPaths(store: IngestStore, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const root = resolve(options.root ?? process.cwd());
  const { files, problems, folders } = await walkPaths(paths, root);
  if (options.url !== undefined && files.length !== 1) {
    throw new Error(
      `--url names where one document is published, but ${paths.join(' ')} holds ${files.length} files; ingest that one file with --url, and the others without it.`,
    );
  }
  const failures = [...problems];
  const warnings: string[] = [];
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const progress = createProgress({ tty: options.progress ?? false, log });
  progress.start(files.length, bytes);
  const before = await store.counts();
  const repaired = repairNotes(store);
  const time: Timer = { read: 0, resolve: 0, write: 0 };
  const inEffect = await storedCorrections(store);
  const corrections = options.corrections !== undefined ? options.corrections : (inEffect?.set ?? null);
  const refreshed = await refreshCorrections(store, inEffect, corrections);
  warnings.push(...refreshed.warnings);

  // The corrections file is a source of the graph, but not a file under the root.
  const stored = new Map((await store.storedDocuments()).filter((d) => d.id !== CORRECTIONS_DOC).map((d) => [d.id, d]));
  const walked = new Set(files.map((f) => ids.document(f.rel)));
  // Which files changed: their bytes' hash against the stored version's (and the model it was built with).
  const toIngest: WalkedFile[] = [];
  let skipped = 0;
  const hashes = new Map<string, string>();
  const t0 = performance.now();
  for (const file of files) {
    let sha: string;
    try {
      sha = await hashFile(file.path);
    } catch (err) {
      failures.push({ path: file.rel, error: `${file.rel}: could not read it (${message(err)}).` });
      progress.step('read', file.rel, file.size, 'read');
      progress.step('write', file.rel, file.size, `failed: could not read it (${message(err)})`);
      continue;
    }
    hashes.set(file.rel, sha);
    const old = stored.get(ids.document(file.rel));
    if (old && old.sha256 === sha && old.model === MODEL_VERSION) {
      skipped++;
      progress.step('read', file.rel, file.size, 'unchanged');
      progress.step('write', file.rel, file.size, 'unchanged, skipped');
    } else toIngest.push(file);
  }
  time.read += performance.now() - t0;

  // A new file with the bytes of a stored document whose file is gone: that document, renamed.
  const renamed: [string, string][] = [];
  const renameOf = new Map<string, StoredDocument>();
  const gone = (d: StoredDocument) => !walked.has(d.id) && !existsSync(join(root, d.path));
  const bySha = new Map<string, StoredDocument[]>();
  for (const d of stored.values()) if (gone(d)) bySha.set(d.sha256, [...(bySha.get(d.sha256) ?? []), d]);
  for (const file of toIngest) {
    if (stored.has(ids.document(file.rel))) continue;
    const candidates = bySha.get(hashes.get(file.rel)!) ?? [];
    const from = candidates.shift();
    if (from) {
      renameOf.set(file.rel, from);
      renamed.push([from.path, file.rel]);
    }
  }
  const renameSources = new Set([...renameOf.values()].map((d) => d.id));
  const pruned = options.prune
    ? [...stored.values()].filter((d) => !renameSources.has(d.id) && gone(d) && folders.some((f) => f === '' || d.path.startsWith(`${f}/`)))
    : [];

  const removedPaths: string[] = [];
  let ingested = 0;
  let reresolved = 0;
  if (pruned.length > 0) {
    const outcome = await applyChanges(store, [], pruned.map((d) => d.id), time, corrections);
    if (outcome.error) for (const d of pruned) failures.push({ path: d.path, error: `${d.path}: could not be removed (${outcome.error}).` });
    else {
      reresolved += outcome.reresolved;
      for (const d of pruned) {
        removedPaths.push(d.path);
        log(`${d.path}: removed (its file is gone)`);
      }
    }
  }

  const pool = options.pool ?? sharedPool();
  const groupSize = Math.max(1, Math.floor(options.group ?? DEFAULT_WRITE_GROUP[store.kind]));
  for (let start = 0; start < toIngest.length; start += groupSize) {
    const group = toIngest.slice(start, start + groupSize);
    const t1 = performance.now();
    const extracted = await Promise.all(group.map((f) => pool.file(f.path, f.rel, f.rel)));
    time.read += performance.now() - t1;
    const docs: { file: WalkedFile; doc: ResolvedDocument }[] = [];
    const texts = new Map<string, string>();
    extracted.forEach((result, k) => {
      const file = group[k]!;
      if ('error' in result) {
        const error = result.error.startsWith(`${file.rel}: `) ? result.error : `${file.rel}: ${result.error}`;
        failures.push({ path: file.rel, error });
        progress.step('read', file.rel, file.size, 'failed');
        progress.step('write', file.rel, file.size, `failed: ${withoutPath(error, file.rel)}`);
        return;
      }
      progress.step('read', file.rel, file.size, 'read');
      warnings.push(...result.raw.warnings, ...result.doc.warnings.map((w) => (w.startsWith(file.rel) ? w : `${file.rel}: ${w}`)));
      if (options.url !== undefined) result.doc.source.url = options.url;
      texts.set(ids.document(result.doc.source.id), packSourceText(result.raw));
      docs.push({ file, doc: result.doc });
    });
    const removals = (entries: typeof docs) => entries.flatMap(({ file }) => (renameOf.has(file.rel) ? [renameOf.get(file.rel)!.id] : []));
    const report = (entries: typeof docs, outcome: Outcome) => {
      for (const { file, doc } of entries) {
        if (outcome.error) {
          failures.push({ path: file.rel, error: `${file.rel}: ${outcome.error}` });
          progress.step('write', file.rel, file.size, `failed, store left as it was: ${outcome.error}`);
          continue;
        }
        ingested++;
        const from = renameOf.get(file.rel);
        if (from) removedPaths.push(from.path);
        const g = outcome.graphs.get(ids.document(doc.source.id));
        progress.step('write', file.rel, file.size, `ingested (${g?.nodes ?? 0} nodes, ${g?.relations ?? 0} relations)${from ? `; renamed from ${from.path}` : ''}`);
        warnings.push(...(outcome.warnings.get(ids.document(doc.source.id)) ?? []));
      }
      reresolved += outcome.reresolved;
    };
    const outcome = await applyChanges(store, docs.map((d) => d.doc), removals(docs), time, corrections, texts);
    if (!outcome.error || docs.length === 1) report(docs, outcome);
    else {
      // One document per transaction, so a failing one never keeps another out.
      for (const entry of docs) report([entry], await applyChanges(store, [entry.doc], removals([entry]), time, corrections, texts));
    }
  }
  progress.done();
  const after = await store.counts();
  return {
    documents: { ingested, skipped, failed: failures.length, removed: pruned.length },
    failures,
    added: added(before, after),
    removed: removedPaths,
    renamed,
    reresolved,
    corrected: refreshed.rebuilt,
    repaired,
    warnings: [...new Set(warnings)],
    files: files.length,
    bytes,
    seconds: (performance.now() - started) / 1000,
    stages: { read: time.read / 1000, resolve: time.resolve / 1000, write: time.write / 1000 },
  };
}

export interface RemoveSummary {
  removed: string[];
  /** Names that matched no stored document. */
  unknown: string[];
  reresolved: number;
  error?: string;
}

/**
 * Removes stored documents named by id (`doc:a/minutes.txt`), by path under the root
 * (`a/minutes.txt`), or by a file or folder on disk (every document ingested from under it), in
 * one transaction with the documents whose cross-document resolution they change.
 */
export async function removeDocuments(store: IngestStore, names: string[], options: { root?: string } = {}): Promise<RemoveSummary> {
  const root = resolve(options.root ?? process.cwd());
  const stored = (await store.storedDocuments()).filter((d) => d.id !== CORRECTIONS_DOC);
  const byId = new Map(stored.map((d) => [d.id, d]));
  const chosen = new Map<string, StoredDocument>();
  const unknown: string[] = [];
  const { relativeId } = await import('./walk.ts');
  for (const name of names) {
    const rel = relativeId(root, name);
    const candidates = [name, `doc:${name}`, ...(rel !== null ? [ids.document(rel)] : [])];
    const exact = candidates.map((c) => byId.get(c)).find(Boolean);
    const under = rel === null ? [] : stored.filter((d) => rel === '' || d.path.startsWith(`${rel}/`));
    const found = exact ? [exact] : under;
    if (found.length === 0) unknown.push(name);
    for (const d of found) chosen.set(d.id, d);
  }
  if (chosen.size === 0) return { removed: [], unknown, reresolved: 0 };
  const outcome = await applyChanges(store, [], [...chosen.keys()], { read: 0, resolve: 0, write: 0 }, (await storedCorrections(store))?.set ?? null);
  if (outcome.error) return { removed: [], unknown, reresolved: 0, error: outcome.error };
  return { removed: [...chosen.values()].map((d) => d.path).sort(), unknown, reresolved: outcome.reresolved };
}

interface Outcome {
  error: string | null;
  graphs: Map<string, { nodes: number; relations: number }>;
  warnings: Map<string, string[]>;
  reresolved: number;
}

/**
 * One transaction: the new documents (with their texts, by document id), the removed ones, and
 * every stored document whose cross-document resolution they change, rebuilt from the
 * extraction and text stored with it.
 */
async function applyChanges(
  store: IngestStore,
  docs: ResolvedDocument[],
  removals: string[],
  time: Timer,
  corrections: CorrectionSet | null,
  texts: ReadonlyMap<string, string> = new Map(),
): Promise<Outcome> {
  const outcome: Outcome = { error: null, graphs: new Map(), warnings: new Map(), reresolved: 0 };
  try {
    const t0 = performance.now();
    const changes: Change[] = [...docs.map((d) => ({ id: ids.document(d.source.id), next: summarise(d) })), ...removals.map((id) => ({ id, next: null }))];
    const plan = await planResolution(withCorrections(store, corrections), changes);
    const byId = new Map(docs.map((d) => [ids.document(d.source.id), d]));
    const writes: DocumentWrite[] = [];
    for (const p of plan.changed) {
      const doc = byId.get(p.id);
      if (doc) writes.push(write(doc, p, pack(doc), outcome, corrections, texts.get(p.id) ?? null));
    }
    const rewrites = new Map(plan.rewrite.map((p) => [p.id, p]));
    for (const x of await store.extractions([...rewrites.keys()])) {
      const p = rewrites.get(x.id)!;
      if (!x.extraction) throw new Error(`${x.path} must be rebuilt but was stored without its extraction; re-ingest it`);
      writes.push(write(unpack<ResolvedDocument>(x.extraction), p, x.extraction, outcome, corrections, x.text));
    }
    outcome.reresolved = plan.rewrite.length;
    const t1 = performance.now();
    time.resolve += t1 - t0;
    await store.commit(writes, removals);
    time.write += performance.now() - t1;
  } catch (err) {
    outcome.error = message(err);
  }
  return outcome;
}

function write(doc: ResolvedDocument, p: PlannedDocument, extraction: string, outcome: Outcome, corrections: CorrectionSet | null, text: string | null): DocumentWrite {
  const built = buildDocumentGraph(doc, forBuilder(doc, p.resolution));
  const warnings = built.warnings;
  // Corrections apply after resolution, every time: a re-ingest never undoes them.
  const graph = correctGraph(built.graph, corrections);
  outcome.graphs.set(p.id, { nodes: graph.nodes.length, relations: graph.relations.length });
  outcome.warnings.set(p.id, warnings);
  return {
    graph,
    text,
    meta: {
      summary: JSON.stringify(p.summary),
      resolution: JSON.stringify(p.resolution),
      extraction,
      council: p.resolution.council,
      meeting: p.resolution.meetingId,
      keys: p.keys,
      tallies: p.tallies,
    },
  };
}

function repairNotes(store: IngestStore): string[] {
  const report = (store as { lastVerify?: { rebuilt: string[]; dropped: { path: string }[]; orphans: number } | null }).lastVerify;
  if (!report) return [];
  const out: string[] = [];
  if (report.rebuilt.length) out.push(`an interrupted write had left ${report.rebuilt.length} document(s) without some of their facts; the store was rebuilt from its documents`);
  if (report.dropped.length) out.push(`removed ${report.dropped.length} incomplete document(s) to be re-ingested: ${report.dropped.map((d) => d.path).join(', ')}`);
  if (report.orphans) out.push(`removed ${report.orphans} node(s) no document supported`);
  return out;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function added(before: StoreCounts, after: StoreCounts): IngestSummary['added'] {
  const sum = (c: StoreCounts) => Object.values(c.relations).reduce((a, b) => a + (b ?? 0), 0);
  return {
    meetings: (after.nodes.Meeting ?? 0) - (before.nodes.Meeting ?? 0),
    people: (after.nodes.Person ?? 0) - (before.nodes.Person ?? 0),
    items: (after.nodes.Item ?? 0) - (before.nodes.Item ?? 0),
    relations: sum(after) - sum(before),
  };
}

function withoutPath(text: string, path: string): string {
  return text.startsWith(`${path}: `) ? text.slice(path.length + 2) : text;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The end-of-run report, for people. */
export function formatSummary(s: IngestSummary, maxWarnings = 10): string {
  const lines = [
    `documents: ${s.documents.ingested} ingested, ${s.documents.skipped} skipped (unchanged), ${s.documents.failed} failed`,
    `added: ${s.added.meetings} meetings, ${s.added.people} people, ${s.added.items} items, ${s.added.relations} relations`,
    `read ${(s.bytes / 1024 / 1024).toFixed(2)} MB from ${s.files} files in ${s.seconds.toFixed(1)} s`,
  ];
  for (const r of s.repaired) lines.push(`repaired: ${r}`);
  for (const [from, to] of s.renamed) lines.push(`renamed: ${from} → ${to}`);
  if (s.removed.length) {
    lines.push(`removed (${s.removed.length}):`);
    for (const p of s.removed) lines.push(`  ${p}`);
  }
  if (s.corrected) lines.push(`corrected: ${s.corrected} stored document(s) rebuilt for the changed corrections file`);
  if (s.reresolved) lines.push(`re-resolved: ${s.reresolved} stored document(s) whose cross-document identities the change moved`);
  if (s.warnings.length > 0) {
    lines.push(`warnings: ${s.warnings.length}`);
    for (const w of s.warnings.slice(0, maxWarnings)) lines.push(`  ${w}`);
    if (s.warnings.length > maxWarnings) lines.push(`  … and ${s.warnings.length - maxWarnings} more`);
  }
  if (s.failures.length > 0) {
    lines.push(`failed (${s.failures.length}):`);
    for (const f of s.failures) lines.push(`  ${f.error.startsWith(f.path) ? f.error : `${f.path}: ${f.error}`}`);
  }
  return lines.join('\n');
}

export type { ProgressSink };
