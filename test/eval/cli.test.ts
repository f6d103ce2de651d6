import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { command } from '../../src/cli/commands/eval.ts';
import { CliError } from '../../src/cli/errors.ts';
import { FIELDS } from '../../src/eval/score.ts';
import { GOLD, makeFixture } from './fixture.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
let fx: Awaited<ReturnType<typeof makeFixture>>;
beforeAll(async () => {
  fx = await makeFixture();
});
afterAll(async () => {
  await rm(fx.root, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the command with the real reader and extractor, capturing what it prints. */
async function run(args: string[]): Promise<{ code: number; out: string }> {
  const printed: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    printed.push(parts.join(' '));
  });
  const code = await command.run(args);
  return { code, out: printed.join('\n') };
}

async function cliError(args: string[]): Promise<string> {
  try {
    await command.run(args);
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    return (err as Error).message;
  }
  throw new Error('expected a CliError');
}

// The numbers depend on the extractor, which is being written; these tests pin the shape.
describe('councilgraph eval (in process)', () => {
  it('prints a row per field, the macro F1 and the baseline', async () => {
    const { code, out } = await run(['--corpus', fx.corpus, '--gold', fx.gold, '--stage', 'extract']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('councilgraph eval: 1 document(s)');
    const num = '(\\d\\.\\d{3}|n/a)';
    for (const f of FIELDS) expect(out).toMatch(new RegExp(`^${f.replace('.', '\\.')}\\s+${num}\\s+${num}\\s+${num}\\s+\\d+\\s+\\d+\\s+\\d+$`, 'm'));
    expect(out).toMatch(new RegExp(`^macro F1: ${num} \\(mean over the \\d+ of 14 fields`, 'm'));
    expect(out).toMatch(new RegExp(`^baseline: compromise people\\s+${num}\\s+${num}\\s+${num}\\s+\\d+\\s+\\d+\\s+\\d+$`, 'm'));
    expect(out).toContain('not scored, no gold file: nb-02.txt');
    expect(out).toContain('gold files with no document in the corpus: nb-03.json');
    expect(out).not.toContain('== nb-01.txt');
  });

  it('prints the graph stage and the extractor side by side unless --stage picks one', async () => {
    const both = (await run(['--corpus', fx.corpus, '--gold', fx.gold])).out;
    const num = '(\\d\\.\\d{3}|n/a)';
    expect(both).toMatch(/^\s+graph \(as served\)\s+extractor only$/m);
    for (const f of FIELDS) expect(both).toMatch(new RegExp(`^${f.replace('.', '\\.')}\\s+${num}\\s+${num}\\s+${num}\\s+\\d+\\s+\\d+\\s+\\d+\\s+${num}\\s+${num}\\s+${num}$`, 'm'));
    expect(both).toMatch(new RegExp(`^macro F1: ${num} graph \\(as served\\), ${num} extractor only`, 'm'));
    const graph = (await run(['--corpus', fx.corpus, '--gold', fx.gold, '--stage', 'graph'])).out;
    expect(graph).toContain('  stages graph (as served)\n');
    expect(graph).not.toContain('extractor only');
    expect(await cliError(['--corpus', fx.corpus, '--gold', fx.gold, '--stage', 'store'])).toMatch(/^--stage must be graph or extract, not 'store'/);
  });

  it('adds a table per document with --verbose', async () => {
    const { out } = await run(['--corpus', fx.corpus, '--gold', fx.gold, '--verbose']);
    expect(out).toContain('== nb-01.txt (gold nb-01.json)');
    expect(out.split('\n').filter((l) => l.startsWith('meeting.body')).length).toBe(2);
  });

  it('prints the report as JSON with --json', async () => {
    const { code, out } = await run(['--corpus', fx.corpus, '--gold', fx.gold, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report.fields)).toEqual([...FIELDS]);
    for (const f of FIELDS) {
      const s = report.fields[f];
      expect(Object.keys(s).sort()).toEqual(['f1', 'fn', 'fp', 'precision', 'recall', 'tp']);
      for (const k of ['precision', 'recall', 'f1']) expect(s[k] === null || (s[k] >= 0 && s[k] <= 1)).toBe(true);
    }
    // Every gold entry is found or missed: tp + fn is fixed by the gold whatever the extractor does.
    expect(report.fields.people.tp + report.fields.people.fn).toBe(GOLD.people.length);
    expect(report.fields.items.tp + report.fields.items.fn).toBe(GOLD.items.length);
    expect(report.documents).toHaveLength(1);
    expect(report.baseline.field).toBe('people');
    expect(report.corpusWithoutGold).toEqual(['nb-02.txt']);
    expect(report.goldWithoutCorpus).toEqual(['nb-03.json']);
  });

  it('explains bad arguments and inputs', async () => {
    expect(await cliError([])).toMatch(/^--corpus and --gold are required\nusage: councilgraph eval --corpus DIR --gold DIR/);
    expect(await cliError(['--corpus', fx.corpus])).toMatch(/^--gold is required/);
    expect(await cliError(['--corpus', fx.corpus, '--gold', fx.gold, '--bogus'])).toMatch(/Unknown option '--bogus'[\s\S]*usage:/);
    expect(await cliError(['--corpus', join(fx.root, 'missing'), '--gold', fx.gold])).toMatch(/corpus directory .*missing does not exist/);
  });

  it('names a broken gold file and says what to do', async () => {
    const bad = join(fx.gold, 'nb-01.json');
    await writeFile(bad, '{ "source": "nb-01.txt", }');
    try {
      expect(await cliError(['--corpus', fx.corpus, '--gold', fx.gold])).toMatch(
        new RegExp(`^gold file ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON at line 1, column 26 .*fix the file or move it out of the gold directory$`),
      );
    } finally {
      await writeFile(bad, JSON.stringify(GOLD));
    }
  });
});

describe('councilgraph eval (through bin/councilgraph.js)', () => {
  const exec = promisify(execFile);
  it('is wired into the CLI and exits 0 with JSON on stdout', async () => {
    const { stdout } = await exec(process.execPath, ['bin/councilgraph.js', 'eval', '--corpus', fx.corpus, '--gold', fx.gold, '--json'], { cwd: REPO });
    expect(JSON.parse(stdout).documents[0].id).toBe('nb-01.txt');
  });
  it('exits 2 with the message on stderr for a missing directory', async () => {
    const failed = await exec(process.execPath, ['bin/councilgraph.js', 'eval', '--corpus', join(fx.root, 'missing'), '--gold', fx.gold], { cwd: REPO }).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/^councilgraph eval: corpus directory .*missing does not exist; pass an existing directory with --corpus/);
  });
});
