/**
 * Ingestion end to end (files → store) on the project's own sample minutes in ingest/:
 * idempotent re-ingest, a changed file replacing exactly its own facts, failures isolated,
 * documents named by their path under the root (same names in two folders), rename, prune and
 * remove. Assertions are about the store's behaviour, not extraction quality (test/extract does that).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpGraph } from '../../src/export/dump.ts';
import { exportGraph } from '../../src/export/export.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import type { IngestStore } from '../../src/graph/store.ts';
import { formatSummary, ingestPaths, removeDocuments } from '../../src/ingest/ingest.ts';
import { walkPaths } from '../../src/ingest/walk.ts';
import { tempDir } from '../graph/helpers.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'ingest');
const dir = tempDir('councilgraph-ingest-');
afterAll(() => dir.remove());
const root = dir.path;

async function fresh(name: string): Promise<IngestStore> {
  return openStore({ db: join(dir.path, 'stores', name) }, {});
}

async function cleanExport(name: string, paths: string[]): Promise<string> {
  const store = await fresh(name);
  const s = await ingestPaths(store, paths, { root });
  expect(s.failures).toEqual([]);
  const out = await exportGraph(store, 'json');
  await store.close();
  return out;
}

describe('ingestPaths', () => {
  const corpus = join(dir.path, 'corpus');
  cpSync(SAMPLES, corpus, { recursive: true });
  const files = readdirSync(corpus).filter((f) => /\.(txt|md|html?|pdf)$/.test(f) && !/^readme/i.test(f));

  it('walks folders for minutes files, in a stable order, skipping a README, named under the root', async () => {
    const { files: found } = await walkPaths([corpus], root);
    expect(found.map((f) => f.rel)).toEqual([...files].sort().map((f) => `corpus/${f}`));
    const outside = await walkPaths([corpus], join(root, 'elsewhere'));
    expect(outside.files).toEqual([]);
    expect(outside.problems[0]!.error).toMatch(/outside the ingest root .*--root DIR/);
  });

  it('follows each real folder once: links to the folder itself do not loop', async () => {
    const looped = join(dir.path, 'looped');
    cpSync(join(corpus, files[0]!), join(looped, 'a.txt'));
    symlinkSync(looped, join(looped, 'self.txt'));
    symlinkSync('.', join(looped, 'again.txt'));
    symlinkSync(join(looped, 'a.txt'), join(looped, 'link.txt'));
    const { files: found } = await walkPaths([looped], root);
    expect(found.map((f) => f.rel)).toEqual(['looped/a.txt', 'looped/link.txt']);
  });

  it('ingests every sample document and reports what it added; clients see the relative path', async () => {
    const store = await fresh('a');
    const lines: string[] = [];
    const summary = await ingestPaths(store, [corpus], { root, log: (l) => lines.push(l) });
    expect(summary.failures).toEqual([]);
    expect(summary.documents).toEqual({ ingested: files.length, skipped: 0, failed: 0, removed: 0 });
    expect(summary.added.meetings).toBeGreaterThan(0);
    expect(summary.added.relations).toBeGreaterThan(0);
    expect((await store.counts()).documents).toBe(files.length);
    expect(lines.some((l) => /^\[\d+\/\d+\] corpus\/.*: ingested/.test(l))).toBe(true);
    expect(formatSummary(summary)).toMatch(/documents: \d+ ingested, 0 skipped \(unchanged\), 0 failed/);
    const docs = await store.list('Document', { first: 100, offset: 0 });
    expect(docs.map((d) => d.path).sort()).toEqual([...files].sort().map((f) => `corpus/${f}`));
    expect(JSON.stringify(await dumpGraph(store))).not.toContain(dir.path);

    // Idempotent: the same files again change nothing.
    const before = await dumpGraph(store);
    const counts = await store.counts();
    const again = await ingestPaths(store, [corpus, join(corpus, files[0]!)], { root });
    expect(again.documents).toEqual({ ingested: 0, skipped: files.length, failed: 0, removed: 0 });
    expect(again.added).toEqual({ meetings: 0, people: 0, items: 0, relations: 0 });
    expect(await store.counts()).toEqual(counts);
    expect(await dumpGraph(store)).toEqual(before);
    await store.close();
  });

  it("replaces exactly a changed file's facts: the store equals a clean ingest of the new files", async () => {
    const store = await fresh('b');
    await ingestPaths(store, [corpus], { root });
    const target = join(corpus, files.find((f) => f.endsWith('.txt'))!);
    const original = readFileSync(target, 'utf8');
    // Drop the second half of the document: its later items and their facts must go.
    writeFileSync(target, original.slice(0, Math.floor(original.length / 2)).replace(/\s+\S*$/, '\n'));
    try {
      const summary = await ingestPaths(store, [corpus], { root });
      expect(summary.documents).toMatchObject({ ingested: 1, skipped: files.length - 1, failed: 0 });
      expect(await exportGraph(store, 'json')).toBe(await cleanExport('b-clean', [corpus]));
    } finally {
      writeFileSync(target, original);
    }
    // And back: the original version's facts return, nothing else changes.
    await ingestPaths(store, [corpus], { root });
    expect(await exportGraph(store, 'json')).toBe(await cleanExport('b-ref', [corpus]));
    await store.close();
  });

  it('keeps failures apart: bad files are named, the others still go in', async () => {
    const mixed = join(dir.path, 'mixed');
    cpSync(corpus, mixed, { recursive: true });
    writeFileSync(join(mixed, 'empty.txt'), '');
    writeFileSync(join(mixed, 'scan.pdf'), Buffer.from('%PDF-1.4\n%%EOF\n'));
    writeFileSync(join(mixed, 'archive.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const store = await fresh('c');
    const summary = await ingestPaths(store, [mixed, join(dir.path, 'missing.txt')], { root });
    expect(summary.documents.ingested).toBe(files.length);
    expect(summary.failures.map((f) => f.path.split('/').pop()).sort()).toEqual(['archive.txt', 'empty.txt', 'missing.txt', 'scan.pdf']);
    for (const f of summary.failures) expect(f.error).toContain(f.path);
    expect(formatSummary(summary)).toMatch(/failed \(4\):/);
    expect((await store.counts()).documents).toBe(files.length);
    await store.close();
  });

  it('keeps same-named files in two folders apart, in one run or in two', async () => {
    const twins = join(dir.path, 'twins');
    cpSync(join(corpus, files[0]!), join(twins, 'a', 'minutes.txt'));
    cpSync(join(corpus, files[1]!), join(twins, 'b', 'minutes.txt'));
    const one = await fresh('d1');
    const s1 = await ingestPaths(one, [twins], { root });
    expect(s1.failures).toEqual([]);
    expect(s1.documents.ingested).toBe(2);
    const two = await fresh('d2');
    await ingestPaths(two, [join(twins, 'a')], { root });
    const later = await ingestPaths(two, [join(twins, 'b')], { root });
    expect(later.removed).toEqual([]);
    const paths = (await two.list('Document', { first: 10, offset: 0 })).map((d) => d.path).sort();
    expect(paths).toEqual(['twins/a/minutes.txt', 'twins/b/minutes.txt']);
    expect(await exportGraph(two, 'json')).toBe(await exportGraph(one, 'json'));
    await Promise.all([one.close(), two.close()]);
  });

  it('recognises a renamed file with the same content: its old name goes, the graph is a clean ingest of the new tree', async () => {
    const tree = join(dir.path, 'renames');
    cpSync(corpus, tree, { recursive: true });
    const store = await fresh('e');
    await ingestPaths(store, [tree], { root });
    mkdirSync(join(tree, 'moved'));
    renameSync(join(tree, files[0]!), join(tree, 'moved', 'renamed.txt'));
    const summary = await ingestPaths(store, [tree], { root });
    expect(summary.renamed).toEqual([[`renames/${files[0]}`, 'renames/moved/renamed.txt']]);
    expect(summary.removed).toEqual([`renames/${files[0]}`]);
    expect(formatSummary(summary)).toContain(`renamed: renames/${files[0]} → renames/moved/renamed.txt`);
    expect(await exportGraph(store, 'json')).toBe(await cleanExport('e-clean', [tree]));
    await store.close();
  });

  it('prunes the documents whose files are gone from the folders walked, and says which', async () => {
    const tree = join(dir.path, 'prune');
    cpSync(corpus, tree, { recursive: true });
    const store = await fresh('f');
    await ingestPaths(store, [tree], { root });
    rmSync(join(tree, files[2]!));
    rmSync(join(tree, files[3]!));
    const without = await ingestPaths(store, [tree], { root });
    expect(without.removed).toEqual([]);
    expect((await store.counts()).documents).toBe(files.length);
    const pruned = await ingestPaths(store, [tree], { root, prune: true });
    expect(pruned.removed.sort()).toEqual([`prune/${files[2]}`, `prune/${files[3]}`].sort());
    expect(formatSummary(pruned)).toMatch(/removed \(2\):/);
    expect(await exportGraph(store, 'json')).toBe(await cleanExport('f-clean', [tree]));
    await store.close();
  });

  it('removes documents by path, id or folder, recomputing what other documents derived from them', async () => {
    const store = await fresh('g');
    await ingestPaths(store, [corpus], { root });
    const removed = await removeDocuments(store, [`corpus/${files[0]}`, `doc:corpus/${files[1]}`, 'corpus/nothing.txt'], { root });
    expect(removed.removed).toEqual([`corpus/${files[0]}`, `corpus/${files[1]}`]);
    expect(removed.unknown).toEqual(['corpus/nothing.txt']);
    const rest = files.slice(2).map((f) => join(corpus, f));
    expect(await exportGraph(store, 'json')).toBe(await cleanExport('g-clean', rest));
    const all = await removeDocuments(store, [corpus], { root });
    expect(all.removed).toHaveLength(files.length - 2);
    expect((await dumpGraph(store)).nodes).toEqual([]);
    await store.close();
  });
});
