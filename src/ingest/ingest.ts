/**
 * Ingestion: files → RawDocument → ResolvedDocument → DocumentGraph → store.
 *
 * Every file is read and extracted first, so cross-document resolution sees the whole batch
 * (and what the store already holds) before any document is written: the result does not
 * depend on the order files are given in. Each document is then written in its own
 * transaction; a document that fails leaves the store as it was and the others still go in.
 * A file whose bytes are unchanged since it was stored is skipped, which is what makes an
 * interrupted ingest safe to rerun.
 */
import { buildDocumentGraph } from '../graph/build.ts';
import { ids } from '../graph/ids.ts';
import type { DocumentGraph } from '../graph/model.ts';
import type { GraphStore, StoreCounts, WriteResult } from '../graph/store.ts';
import { readDocument } from '../load/read.ts';
import type { RawDocument } from '../load/types.ts';
import { CorpusIndex } from '../resolve/corpus.ts';
import type { ResolvedDocument } from '../resolve/types.ts';
import { allNodes } from '../export/dump.ts';
import { extractAll } from './extract-pool.ts';
import { createProgress } from './progress.ts';
import { walkPaths } from './walk.ts';

/**
 * Documents written per call to the store (per transaction), by store. Each document stays all
 * or nothing whatever the group (GraphStore.writeDocuments retries a failed group one document
 * per transaction, so a failing file never keeps another out). Large groups let Kuzu bulk-load
 * relations with COPY, whose commit costs ~2 s whatever the group's size: measured over 2,000
 * synthetic meetings (19.8 MB) on 2 cores, 16 documents per transaction gave 0.16 MB/s, 256
 * gave 0.54 MB/s and one transaction for all 2,105 gave 1.01 MB/s. Neo4j holds a
 * transaction's changes in its heap, so it gets smaller groups. `group: 1` gives one
 * transaction per document.
 */
export const DEFAULT_WRITE_GROUP: Record<GraphStore['kind'], number> = { kuzu: 4096, neo4j: 256 };

export interface IngestSummary {
  documents: { ingested: number; skipped: number; failed: number };
  failures: { path: string; error: string }[];
  added: { meetings: number; people: number; items: number; relations: number };
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
}

export async function ingestPaths(store: GraphStore, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const { files, problems } = await walkPaths(paths);
  const failures = [...problems];
  const warnings: string[] = [];
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const progress = createProgress({ tty: options.progress ?? false, log });
  progress.start(files.length, bytes);
  const before = await store.counts();

  // Stage 1: read, skip unchanged files, extract (on every core for large jobs).
  const toExtract: { raw: RawDocument; size: number }[] = [];
  // Unchanged files are not written again, but still inform the resolution of changed ones.
  const unchanged: RawDocument[] = [];
  const byId = new Map<string, string>();
  let skipped = 0;
  for (const file of files) {
    try {
      const raw = await readDocument(file.path);
      const earlier = byId.get(raw.id);
      if (earlier) {
        throw new Error(
          `${file.path}: has the same file name as ${earlier}; a document is known by its file name, so rename one of them.`,
        );
      }
      byId.set(raw.id, file.path);
      warnings.push(...raw.warnings);
      if ((await store.documentHash(ids.document(raw.id))) === raw.sha256) {
        skipped++;
        unchanged.push(raw);
        progress.step('read', file.path, file.size, 'unchanged');
        progress.step('write', file.path, file.size, 'unchanged, skipped');
      } else {
        toExtract.push({ raw, size: file.size });
      }
    } catch (err) {
      failures.push({ path: file.path, error: message(err) });
      progress.step('read', file.path, file.size, 'read');
      progress.step('write', file.path, file.size, `failed: ${withoutPath(message(err), file.path)}`);
    }
  }
  const pending: { doc: ResolvedDocument; size: number }[] = [];
  const extracted = await extractAll(
    toExtract.map((t) => t.raw),
    (i, result) => progress.step('read', toExtract[i]!.raw.path, toExtract[i]!.size, result instanceof Error ? 'failed' : 'read'),
  );
  extracted.forEach((result, i) => {
    const { raw, size } = toExtract[i]!;
    if (result instanceof Error) {
      failures.push({ path: raw.path, error: `${raw.path}: extraction failed (${result.message}).` });
      progress.step('write', raw.path, size, `failed: extraction failed (${result.message})`);
      return;
    }
    warnings.push(...result.warnings.map((w) => (w.startsWith(raw.path) ? w : `${raw.path}: ${w}`)));
    pending.push({ doc: result, size });
  });

  const readDone = performance.now();
  // Stage 2: resolve across documents, then write them in groups (each document all or nothing).
  const index = new CorpusIndex();
  if (pending.length > 0) {
    index.seed({
      meetings: (await allNodes(store, 'Meeting')).map((n) => n.props as never),
      items: (await allNodes(store, 'Item')).map((n) => n.props as never),
      people: (await allNodes(store, 'Person')).map((n) => n.props as never),
    });
  }
  pending.sort((a, b) => a.doc.source.id.localeCompare(b.doc.source.id));
  // Every document of the run is indexed, written or not, so a rerun after an interruption
  // resolves the remaining documents exactly as the uninterrupted run did.
  const context = pending.length > 0 ? (await extractAll(unchanged)).filter((d): d is ResolvedDocument => !(d instanceof Error)) : [];
  for (const doc of [...context, ...pending.map((p) => p.doc)].sort((a, b) => a.source.id.localeCompare(b.source.id))) {
    index.add(doc);
  }
  const resolveDone = performance.now();
  let ingested = 0;
  const groupSize = Math.max(1, Math.floor(options.group ?? DEFAULT_WRITE_GROUP[store.kind]));
  for (let start = 0; start < pending.length; start += groupSize) {
    const group = pending.slice(start, start + groupSize);
    const built: { path: string; size: number; graph: DocumentGraph }[] = [];
    for (const { doc, size } of group) {
      try {
        const { graph, warnings: buildWarnings } = buildDocumentGraph(doc, index.resolve(doc));
        warnings.push(...buildWarnings);
        built.push({ path: doc.source.path, size, graph });
      } catch (err) {
        failures.push({ path: doc.source.path, error: message(err) });
        progress.step('write', doc.source.path, size, `failed: ${withoutPath(message(err), doc.source.path)}`);
      }
    }
    const results = store.writeDocuments ? await store.writeDocuments(built.map((b) => b.graph)) : await oneByOne(store, built);
    results.forEach((result, k) => {
      const { path, size, graph } = built[k]!;
      if (result instanceof Error) {
        failures.push({ path, error: message(result) });
        progress.step('write', path, size, `failed, store left as it was: ${withoutPath(message(result), path)}`);
      } else {
        ingested++;
        progress.step('write', path, size, `ingested (${graph.nodes.length} nodes, ${graph.relations.length} relations)`);
      }
    });
  }
  progress.done();
  const writeDone = performance.now();
  const after = await store.counts();
  return {
    documents: { ingested, skipped, failed: failures.length },
    failures,
    added: added(before, after),
    warnings: [...new Set(warnings)],
    files: files.length,
    bytes,
    seconds: (performance.now() - started) / 1000,
    stages: {
      read: (readDone - started) / 1000,
      resolve: (resolveDone - readDone) / 1000,
      write: (writeDone - resolveDone) / 1000,
    },
  };
}

async function oneByOne(store: GraphStore, built: { graph: DocumentGraph }[]): Promise<(WriteResult | Error)[]> {
  const out: (WriteResult | Error)[] = [];
  for (const b of built) out.push(await store.writeDocument(b.graph).catch((err: unknown) => err as Error));
  return out;
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
