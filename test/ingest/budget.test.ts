/**
 * Every document has a time and a memory budget: past either it fails with a message saying
 * which, its worker is replaced, and the next document goes through.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExtractPool } from '../../src/ingest/extract-pool.ts';

const dir = mkdtempSync(join(tmpdir(), 'councilgraph-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MINUTES = 'MINUTES OF THE CABINET\nMonday 1 March 2025\n\nPresent: Councillor Hartley (in the Chair).\n\n1. THE X REPORT\n\nThe report was noted.\n';

describe('per-document budgets', () => {
  it('stops a document over its time budget and goes on with the next', async () => {
    const big = join(dir, 'long.txt');
    writeFileSync(big, MINUTES + 'The Chair welcomed Helen Sweaton, Head of Service, to the meeting. '.repeat(60_000));
    const small = join(dir, 'small.txt');
    writeFileSync(small, MINUTES);
    const pool = new ExtractPool({ seconds: 0.5, megabytes: 1024 }, 1);
    try {
      const [slow, next] = await Promise.all([pool.file(big, 'long.txt', 'long.txt'), pool.file(small, 'small.txt', 'small.txt')]);
      expect('error' in slow && slow.error).toMatch(/took longer than the 0\.5 s budget for one document.*COUNCILGRAPH_DOC_SECONDS/);
      expect('doc' in next && next.doc.items.length).toBe(1);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('stops a document over its memory budget and goes on with the next', async () => {
    const big = join(dir, 'huge.txt');
    writeFileSync(big, MINUTES + 'Councillor Abbas asked about the budget for the year. '.repeat(1_500_000));
    const small = join(dir, 'small2.txt');
    writeFileSync(small, MINUTES);
    const pool = new ExtractPool({ seconds: 300, megabytes: 160 }, 1);
    try {
      const [heavy, next] = await Promise.all([pool.file(big, 'huge.txt', 'huge.txt'), pool.file(small, 'small2.txt', 'small2.txt')]);
      expect('error' in heavy && heavy.error).toMatch(/needed more than the 160 MB memory budget for one document.*COUNCILGRAPH_DOC_MB/);
      expect('doc' in next && next.doc.items.length).toBe(1);
    } finally {
      await pool.close();
    }
  }, 300_000);
});
