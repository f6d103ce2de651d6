import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutOffTail, looksLikeMinutes } from '../../src/load/checks.ts';
import { DocumentError } from '../../src/load/errors.ts';
import { MAX_DOCUMENT_BYTES, readDocument, readDocumentFromText } from '../../src/load/read.ts';

const MINUTES =
  'NORTHBRIDGE METROPOLITAN BOROUGH COUNCIL\nCHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE\n' +
  'Tuesday 4 March 2025\n\nPresent:- Councillor Hartley (in the Chair); Councillors Abbas and Brennan.\n\n' +
  '14. EARLY HELP STRATEGY\n\nThe Chair welcomed Priya Nandakumar, Head of Early Help, to the meeting.\n' +
  'Resolved:- That the report be noted.\n';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'councilgraph-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function failure(path: string): Promise<DocumentError> {
  const err = await readDocument(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DocumentError);
  const docErr = err as DocumentError;
  expect(docErr.path).toBe(path);
  expect(docErr.message.startsWith(`${path}: `)).toBe(true);
  return docErr;
}

describe('readDocument', () => {
  it('reads a text file: id is the file name, sha256 of the bytes, no warnings', async () => {
    const path = await file('001_minutes.txt', MINUTES);
    const doc = await readDocument(path);
    expect(doc).toEqual({
      id: '001_minutes.txt',
      path,
      text: MINUTES,
      sha256: createHash('sha256').update(MINUTES).digest('hex'),
      format: 'text',
      warnings: [],
      url: null,
      pages: null,
    });
  });

  it('reads .md as text', async () => {
    const doc = await readDocument(await file('notes.md', MINUTES));
    expect(doc.format).toBe('text');
    expect(doc.text).toBe(MINUTES);
  });

  it('hashes the bytes on disk, not the decoded text', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINUTES, 'utf16le')]);
    const doc = await readDocument(await file('utf16.txt', bytes));
    expect(doc.text).toBe(MINUTES);
    expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('prefixes every warning with the path', async () => {
    const path = await file('latin.txt', Buffer.from(`${MINUTES}Caf\xe9 \x93quoted\x94.\n`, 'latin1'));
    const doc = await readDocument(path);
    expect(doc.text).toContain('Café “quoted”.');
    expect(doc.warnings).toEqual([expect.stringMatching(new RegExp(`^${path}: is not valid UTF-8 .*Windows-1252`))]);
  });

  it('fails on an empty file', async () => {
    const err = await failure(await file('empty.txt', ''));
    expect(err.reason).toBe('empty');
    expect(err.message).toMatch(/empty \(0 bytes\)/);
  });

  it('fails on a whitespace-only file', async () => {
    const err = await failure(await file('blank.txt', ' \n\t\r\n  \n'));
    expect(err.reason).toBe('empty');
    expect(err.message).toMatch(/only whitespace/);
  });

  it('fails on a missing file, a directory and a device', async () => {
    expect((await failure(join(dir, 'no-such-file.txt'))).reason).toBe('not-found');
    const sub = join(dir, 'a-directory');
    await mkdir(sub);
    expect((await failure(sub)).message).toMatch(/is a directory/);
    // /dev/zero never ends: reading it would hang, so it must be refused up front.
    if (existsSync('/dev/zero')) expect((await failure('/dev/zero')).message).toMatch(/not a regular file/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const path = join(dir, 'huge.txt');
    await writeFile(path, '');
    await truncate(path, MAX_DOCUMENT_BYTES + 1); // sparse: no disk or memory used
    const err = await failure(path);
    expect(err.reason).toBe('too-large');
    expect(err.message).toMatch(/over the 256\.0 MB limit.*Split it/);
  });

  it('fails on binary content with a .txt name', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 256;
    expect((await failure(await file('photo.txt', bytes))).reason).toBe('binary');
  });

  it('fails on a Word document with advice', async () => {
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    const err = await failure(await file('minutes.docx', docx));
    expect(err.reason).toBe('unsupported-format');
    expect(err.message).toMatch(/\.docx.*\.txt, \.md, \.html and \.pdf/);
  });

  it('fails on a .pdf that has no PDF header', async () => {
    const err = await failure(await file('fake.pdf', MINUTES));
    expect(err.reason).toBe('malformed');
    expect(err.message).toMatch(/no PDF header/);
  });

  it('reads an unfamiliar extension as text, with a warning', async () => {
    const path = await file('minutes.log', MINUTES);
    const doc = await readDocument(path);
    expect(doc.text).toBe(MINUTES);
    expect(doc.warnings).toEqual([`${path}: has an unfamiliar extension (.log); read it as text.`]);
  });

  it('warns on text that is not minutes, and still reads it', async () => {
    const path = await file('recipe.txt', 'Mix the flour and the eggs, then bake for twenty minutes at 180 degrees.\n');
    const doc = await readDocument(path);
    // "minutes" appears, as a unit of time: the check is about vocabulary, so this passes...
    expect(doc.warnings).toEqual([]);
    const other = await file('recipe2.txt', 'Mix the flour and the eggs, then bake until golden.\n');
    const read = await readDocument(other);
    expect(read.text).toContain('flour');
    expect(read.warnings).toEqual([expect.stringMatching(/recipe2\.txt: does not look like council minutes/)]);
  });

  it('warns on a document cut off mid-sentence, and still reads it', async () => {
    const path = await file('cut.txt', `${MINUTES}15. SEND SUFFICIENCY\n\nThe Chair invited the Strategic Director to present the`);
    const doc = await readDocument(path);
    expect(doc.text).toContain('The Chair invited');
    expect(doc.warnings).toEqual([expect.stringMatching(/cut\.txt: ends mid-sentence \(".*to present the"\)/)]);
  });

  const htmlLoader = fileURLToPath(new URL('../../src/load/html.ts', import.meta.url));
  it.skipIf(!existsSync(htmlLoader))('dispatches .html to the HTML loader (skipped until src/load/html.ts lands)', async () => {
    const path = await file('page.html', `<!DOCTYPE html><html><body><h1>Minutes</h1><p>${MINUTES}</p></body></html>`);
    const doc = await readDocument(path);
    expect(doc.format).toBe('html');
    expect(doc.text).toContain('Councillor Hartley');
    expect(doc.text).not.toContain('<p>');
  });

  it.skipIf(!existsSync(htmlLoader))('reads HTML saved with a .txt name as HTML, with a warning', async () => {
    const path = await file('page.txt', `<!DOCTYPE html><html><body><p>${MINUTES}</p></body></html>`);
    const doc = await readDocument(path);
    expect(doc.format).toBe('html');
    expect(doc.warnings[0]).toMatch(/named \.txt but its content is HTML/);
  });
});

describe('readDocumentFromText', () => {
  it('builds a RawDocument without touching the disk', () => {
    const doc = readDocumentFromText('sample.txt', MINUTES);
    expect(doc).toMatchObject({ id: 'sample.txt', path: 'sample.txt', text: MINUTES, format: 'text', warnings: [] });
    expect(doc.sha256).toBe(createHash('sha256').update(MINUTES).digest('hex'));
  });

  it('does not throw on empty text, so the pipeline can be tested on it', () => {
    expect(readDocumentFromText('e.txt', '').warnings).toEqual(['e.txt: is empty: there is nothing to extract.']);
  });
});

describe('text checks', () => {
  it('sees minutes vocabulary in any of the house styles', () => {
    for (const text of ['Cllr Smith asked', 'Resolved: that', 'Apologies were received', 'COMMITTEE', 'Minutes:']) {
      expect(looksLikeMinutes(text), text).toBe(true);
    }
    expect(looksLikeMinutes('The quick brown fox jumps over the lazy dog.')).toBe(false);
  });

  it('does not call a complete document cut off', () => {
    for (const ending of ['be noted.', 'There was no urgent business. |\n|', 'Additional documents:\n', '18. URGENT BUSINESS\n', 'Page 12\n', 'Chair\n']) {
      expect(cutOffTail(`${MINUTES}${ending}`), ending).toBeNull();
    }
    expect(cutOffTail(`${MINUTES}The Commission requested that the`)).toBe('The Commission requested that the');
  });

  const seeds = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));
  it.skipIf(!existsSync(seeds))('reads every seed document without warnings (skipped: ../shared/corpus/seeds absent)', async () => {
    const names = (await readdir(seeds)).filter((n) => n.endsWith('.txt'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const doc = await readDocument(join(seeds, name));
      expect(doc.warnings, name).toEqual([]);
      expect(doc.text.length, name).toBeGreaterThan(1000);
    }
  });
});
