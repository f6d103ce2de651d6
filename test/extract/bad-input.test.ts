/**
 * Bad input end to end: each kind of unusable or doubtful file through readDocument and the
 * `extract` command. Every outcome names the file and the problem; none is a stack trace or
 * a hang; the exit code says whether any file failed.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runExtract } from '../../src/cli/commands/extract.ts';
import { main } from '../../src/cli/main.ts';
import { DocumentError } from '../../src/load/errors.ts';
import { readDocument, readDocumentFromText } from '../../src/load/read.ts';
import { extractDocument } from '../../src/pipeline.ts';
import type { ResolvedDocument } from '../../src/resolve/types.ts';

const MINUTES =
  'CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE\nTuesday 4 March 2025\n\n' +
  'Present:- Councillor Hartley (in the Chair); Councillors Abbas, Brennan and Cole.\n\n' +
  'Apologies for Absence:- Apologies were received from Councillor Dyer.\n\n' +
  '14. EARLY HELP STRATEGY\n\nThe Chair welcomed Priya Nandakumar, Head of Early Help, to the meeting.\n' +
  'The Head of Early Help gave a presentation on the Early Help Strategy.\n' +
  'Resolved:- That the report be noted.\n\n';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'councilgraph-bad-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

interface Run {
  code: number;
  out: string;
  err: string;
}

async function extract(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runExtract(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  const run = { code, out: out.join('\n'), err: err.join('\n') };
  // Never a stack trace, whatever happened.
  expect(run.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.out).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return run;
}

async function readFailure(path: string): Promise<DocumentError> {
  const err = await readDocument(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DocumentError);
  return err as DocumentError;
}

describe('bad input', () => {
  it('empty file: an error naming the file, exit 1', async () => {
    const path = await file('empty.txt', '');
    expect((await readFailure(path)).reason).toBe('empty');
    const run = await extract(path);
    expect(run.code).toBe(1);
    expect(run.err).toBe(`error: ${path}: the file is empty (0 bytes), so there is nothing to extract. Check the download or export that produced it.`);
    expect(run.out).toBe('');
  });

  it('whitespace-only file: an error naming the file, exit 1', async () => {
    const path = await file('blank.txt', '\n\n   \n');
    const run = await extract(path);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(new RegExp(`^error: ${path}: the file contains only whitespace`));
  });

  it('binary file: an error naming the file and saying it is binary, exit 1', async () => {
    const bytes = Buffer.alloc(10_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    const path = await file('scan.txt', bytes);
    expect((await readFailure(path)).reason).toBe('binary');
    const run = await extract(path);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(new RegExp(`^error: ${path}: this looks like a binary file, not text`));
  });

  it('Windows-1252 file: extracted, with a warning naming the file and the encoding', async () => {
    const path = await file('cp1252.txt', Buffer.from(`${MINUTES}The Chair\x92s thanks were recorded.\n`, 'latin1'));
    const raw = await readDocument(path);
    expect(raw.text).toContain('The Chair’s thanks');
    const run = await extract('--json', path);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(new RegExp(`warning: ${path}: is not valid UTF-8 \\(first at line \\d+\\); decoded it as Windows-1252`));
    const doc = JSON.parse(run.out) as ResolvedDocument;
    expect(doc.source.id).toBe('cp1252.txt');
    expect(doc.warnings.some((w) => w.includes('Windows-1252'))).toBe(true);
  });

  it('UTF-16 files (LE and BE, with a byte-order mark): extracted as if UTF-8', async () => {
    const le = await file('utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINUTES, 'utf16le')]));
    const be = await file('utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(MINUTES, 'utf16le').swap16()]));
    const utf8 = await file('utf8.txt', MINUTES);
    for (const path of [le, be]) {
      const raw = await readDocument(path);
      expect(raw.text).toBe(MINUTES);
      expect(raw.warnings).toEqual([]);
    }
    const runs = await Promise.all([le, be, utf8].map((p) => extract('--json', p)));
    const docs = runs.map((r) => {
      expect(r.code).toBe(0);
      const { source, ...rest } = JSON.parse(r.out) as ResolvedDocument;
      return JSON.stringify(rest).replaceAll(source.id, 'DOC');
    });
    // Same text, same extraction, whatever the encoding on disk.
    expect(docs[0]).toBe(docs[2]);
    expect(docs[1]).toBe(docs[2]);
  });

  it('text that is not minutes: a warning, still extracted, exit 0', async () => {
    const path = await file('recipe.txt', 'Mix the flour and the eggs. Bake until golden and serve warm.\n');
    const run = await extract(path);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(new RegExp(`warning: ${path}: does not look like council minutes`));
    expect(run.out).toMatch(/^recipe\.txt \(text\)/);
  });

  it('a document cut off mid-item: a warning with where it stops, still extracted', async () => {
    const path = await file('cut.txt', `${MINUTES}15. SEND SUFFICIENCY\n\nThe Chair invited the Strategic Director to`);
    const run = await extract(path);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(new RegExp(`warning: ${path}: ends mid-sentence \\("The Chair invited the Strategic Director to"\\)`));
    expect(run.out).toMatch(/^cut\.txt \(text\)\n {2}Meeting:/);
  });

  it('a missing file and a directory: errors naming them', async () => {
    const missing = join(dir, 'nope.txt');
    const run = await extract(missing, dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`error: ${missing}: no such file.`);
    expect(run.err).toContain(`error: ${dir}: this is a directory`);
  });

  it('good and bad files together: good ones are extracted, exit 1, a count of failures', async () => {
    const good = await file('good.txt', MINUTES);
    const bad = await file('bad.txt', '');
    const run = await extract(good, bad);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^good\.txt \(text\)/);
    expect(run.err).toContain(`error: ${bad}:`);
    expect(run.err).toContain('1 of 2 files could not be extracted.');
  });

  it('usage errors exit 2 with a message, not a trace', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: unknown) => void errors.push(String(m)));
    try {
      expect(await main(['extract'])).toBe(2);
      expect(await main(['extract', '--nonsense', 'x.txt'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(errors[0]).toMatch(/^councilgraph extract: no files given\./);
    expect(errors[1]).toMatch(/^councilgraph extract: Unknown option '--nonsense'/);
  });

  it('a 50 MB file: read and extracted to the end, no hang', { timeout: 400_000 }, async () => {
    const path = join(dir, 'big.txt');
    const stream = createWriteStream(path);
    const target = 50 * 1024 * 1024;
    let written = 0;
    let last = 0;
    while (written < target) {
      last++;
      const block = `${last}. ITEM ${last}\n\n${MINUTES.slice(MINUTES.indexOf('The Chair'))}`;
      written += Buffer.byteLength(block);
      if (!stream.write(block)) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
    expect((await stat(path)).size).toBeGreaterThanOrEqual(target);

    const raw = await readDocument(path);
    expect(raw.text.length).toBe(written);
    expect(raw.warnings).toEqual([]);

    const run = await extract(path);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^big\.txt \(text\)/);
    // Once the pipeline finds items at all, the last one proves it read to the end.
    const findsItems = extractDocument(readDocumentFromText('probe.txt', `${MINUTES}15. ITEM 15\n\n${MINUTES}`)).items.length > 0;
    if (findsItems) expect(run.out).toMatch(new RegExp(`\\bITEM ${last}\\b`, "i"));
  });
});
