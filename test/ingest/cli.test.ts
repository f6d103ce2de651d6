/** `councilgraph ingest` and `councilgraph export` as a user runs them. */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../graph/helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = tempDir('councilgraph-cli-');
afterAll(() => dir.remove());

function cli(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'councilgraph.js'), ...args], { cwd: dir.path, encoding: 'utf8', env: { ...process.env, NEO4J_URI: '' } });
}

describe('councilgraph ingest / export', () => {
  const db = join(dir.path, 'store');
  // Documents are named by their path under the ingest root (here the working directory).
  const sample = join(dir.path, 'ingest');
  cpSync(join(ROOT, 'ingest'), sample, { recursive: true });

  it('ingests a folder, prints a summary, and is idempotent', () => {
    const first = cli('ingest', '--db', db, sample);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/documents: [1-9]\d* ingested, 0 skipped \(unchanged\), 0 failed/);
    expect(first.stdout).toMatch(/added: [1-9]\d* meetings, \d+ people, \d+ items, [1-9]\d* relations/);
    // Not a terminal: plain log lines, no progress bar.
    expect(first.stderr).toMatch(/^\[1\/\d+\] /m);
    expect(first.stderr).not.toContain('\r');
    const again = cli('ingest', '--db', db, sample);
    expect(again.stdout).toMatch(/documents: 0 ingested, [1-9]\d* skipped \(unchanged\), 0 failed/);
    expect(again.stdout).toContain('added: 0 meetings, 0 people, 0 items, 0 relations');
  });

  it('exits non-zero naming the files that failed', () => {
    writeFileSync(join(dir.path, 'empty.txt'), '');
    const run = cli('ingest', '--db', db, join(dir.path, 'empty.txt'), join(dir.path, 'nope.md'));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/failed \(2\):/);
    expect(run.stdout).toMatch(/^  empty\.txt: the file is empty/m);
    expect(run.stdout).toContain(`${join(dir.path, 'nope.md')}: no such file or directory`);
    const outside = cli('ingest', '--db', db, join(ROOT, 'ingest'));
    expect(outside.status).toBe(1);
    expect(outside.stdout).toMatch(/is outside the ingest root .*--root DIR/);
    const rooted = cli('ingest', '--db', db, '--root', ROOT, join(ROOT, 'ingest'));
    expect(rooted.status).toBe(0);
  });

  it('removes documents by path and says which', () => {
    const run = cli('remove', '--db', db, 'ingest/northbridge-cyp-fragment.txt', 'ingest/nothing.txt');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^removed 1 document from Kuzu at .*:\n  ingest\/northbridge-cyp-fragment\.txt$/m);
    expect(run.stderr).toContain('not in the store: ingest/nothing.txt');
  });

  it('refuses a call without files, and --db with --neo4j', () => {
    expect(cli('ingest').status).toBe(2);
    const both = cli('ingest', '--db', db, '--neo4j', 'bolt://x', sample);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/either --db or --neo4j/);
  });

  it('exports every format, to a file or stdout', () => {
    const out = join(dir.path, 'exports', 'graph.graphml');
    const graphml = cli('export', '--db', db, '--format', 'graphml', '--out', out);
    expect(graphml.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<graphml');
    const json = cli('export', '--db', db, '--format', 'json');
    expect(JSON.parse(json.stdout).nodes.length).toBeGreaterThan(0);
    expect(cli('export', '--db', db, '--format', 'cypher').stdout).toContain('CREATE CONSTRAINT');
    const bad = cli('export', '--db', db, '--format', 'csv');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/graphml, graphml-yed, json, cypher, popolo/);
  });
});
