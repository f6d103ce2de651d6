/**
 * Ingestion end to end (files → store) on the project's own sample minutes in ingest/:
 * idempotent re-ingest, a changed file replacing exactly its own facts, failures isolated.
 * Assertions are about the store's behaviour, not extraction quality (test/extract does that).
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpGraph } from '../../src/export/dump.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { formatSummary, ingestPaths } from '../../src/ingest/ingest.ts';
import { walkPaths } from '../../src/ingest/walk.ts';
import { tempDir } from '../graph/helpers.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'ingest');
const dir = tempDir('councilgraph-ingest-');
afterAll(() => dir.remove());

async function fresh(name: string): Promise<GraphStore> {
  return openStore({ db: join(dir.path, name) }, {});
}

describe('ingestPaths', () => {
  const corpus = join(dir.path, 'corpus');
  cpSync(SAMPLES, corpus, { recursive: true });
  const files = readdirSync(corpus).filter((f) => /\.(txt|md|html?|pdf)$/.test(f) && !/^readme/i.test(f));

  it('walks folders for minutes files, in a stable order, skipping a README', async () => {
    const { files: found } = await walkPaths([corpus]);
    expect(found.map((f) => f.path.split('/').pop())).toEqual([...files].sort());
  });

  it('ingests every sample document and reports what it added', async () => {
    const store = await fresh('a');
    const lines: string[] = [];
    const summary = await ingestPaths(store, [corpus], { log: (l) => lines.push(l) });
    expect(summary.failures).toEqual([]);
    expect(summary.documents).toEqual({ ingested: files.length, skipped: 0, failed: 0 });
    expect(summary.added.meetings).toBeGreaterThan(0);
    expect(summary.added.relations).toBeGreaterThan(0);
    expect((await store.counts()).documents).toBe(files.length);
    expect(lines.some((l) => /^\[\d+\/\d+\] .*: ingested/.test(l))).toBe(true);
    expect(formatSummary(summary)).toMatch(/documents: \d+ ingested, 0 skipped \(unchanged\), 0 failed/);

    // Idempotent: the same files again change nothing.
    const before = await dumpGraph(store);
    const counts = await store.counts();
    const again = await ingestPaths(store, [corpus, join(corpus, files[0]!)], {});
    expect(again.documents).toEqual({ ingested: 0, skipped: files.length, failed: 0 });
    expect(again.added).toEqual({ meetings: 0, people: 0, items: 0, relations: 0 });
    expect(await store.counts()).toEqual(counts);
    expect(await dumpGraph(store)).toEqual(before);
    await store.close();
  });

  it('replaces exactly a changed file\'s facts: the store equals a clean ingest of the new files', async () => {
    const store = await fresh('b');
    await ingestPaths(store, [corpus], {});
    const target = join(corpus, files.find((f) => f.endsWith('.txt'))!);
    const original = readFileSync(target, 'utf8');
    // Drop the second half of the document: its later items and their facts must go.
    writeFileSync(target, original.slice(0, Math.floor(original.length / 2)).replace(/\s+\S*$/, '\n'));
    try {
      const summary = await ingestPaths(store, [corpus], {});
      expect(summary.documents).toEqual({ ingested: 1, skipped: files.length - 1, failed: 0 });
      const clean = await fresh('b-clean');
      await ingestPaths(clean, [corpus], {});
      expect(await dumpGraph(store)).toEqual(await dumpGraph(clean));
      await clean.close();
    } finally {
      writeFileSync(target, original);
    }
    // And back: the original version's facts return, nothing else changes.
    await ingestPaths(store, [corpus], {});
    const reference = await fresh('b-ref');
    await ingestPaths(reference, [corpus], {});
    expect(await dumpGraph(store)).toEqual(await dumpGraph(reference));
    await Promise.all([store.close(), reference.close()]);
  });

  it('keeps failures apart: bad files are named, the others still go in', async () => {
    const mixed = join(dir.path, 'mixed');
    cpSync(corpus, mixed, { recursive: true });
    writeFileSync(join(mixed, 'empty.txt'), '');
    writeFileSync(join(mixed, 'scan.pdf'), Buffer.from('%PDF-1.4\n%%EOF\n'));
    writeFileSync(join(mixed, 'archive.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const store = await fresh('c');
    const summary = await ingestPaths(store, [mixed, join(dir.path, 'missing.txt')], {});
    expect(summary.documents.ingested).toBe(files.length);
    expect(summary.failures.map((f) => f.path.split('/').pop()).sort()).toEqual(['archive.txt', 'empty.txt', 'missing.txt', 'scan.pdf']);
    for (const f of summary.failures) expect(f.error).toContain(f.path);
    expect(formatSummary(summary)).toMatch(/failed \(4\):/);
    expect((await store.counts()).documents).toBe(files.length);
    await store.close();
  });

  it('refuses two different files with the same name rather than letting one replace the other', async () => {
    const twins = join(dir.path, 'twins');
    cpSync(join(corpus, files[0]!), join(twins, 'a', 'same.txt'));
    cpSync(join(corpus, files[1]!), join(twins, 'b', 'same.txt'));
    const store = await fresh('d');
    const summary = await ingestPaths(store, [twins], {});
    expect(summary.documents.ingested).toBe(1);
    expect(summary.failures[0]!.error).toMatch(/same file name as .*a\/same\.txt.*rename/);
    await store.close();
  });
});
