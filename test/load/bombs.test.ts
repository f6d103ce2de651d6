/**
 * Hostile files refused or read with a message, never a hang or a crash: a PDF decompression
 * bomb, HTML nested 100,000 deep.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/load/html.ts';
import { checkInflatedSize } from '../../src/load/pdf.ts';
import { readDocument } from '../../src/load/read.ts';
import { makePdf } from './pdf-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'councilgraph-bombs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A PDF with one Flate stream that inflates to `mb` megabytes of zeros. */
function bomb(mb: number): Buffer {
  const zeros = deflateSync(Buffer.alloc(mb * 1024 * 1024), { level: 9 });
  const head = Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Length ${zeros.length} /Filter /FlateDecode >>\nstream\n`, 'latin1');
  return Buffer.concat([head, zeros, Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

describe('decompression bombs', () => {
  it('refuses a PDF whose streams inflate past the budget, saying it is a bomb', async () => {
    const path = join(dir, 'bomb.pdf');
    writeFileSync(path, bomb(64));
    const err = await checkInflatedSize(await import('node:fs').then((f) => f.readFileSync(path)), 'bomb.pdf', 32 * 1024 * 1024).then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/^bomb\.pdf: this PDF is a decompression bomb: its compressed streams inflate to more than 32 MB/);
    expect(err?.message).not.toMatch(/scanned/);
  });

  it('refuses a real-size bomb through the reader (over 200 MB inflated from a small file)', async () => {
    const path = join(dir, 'big-bomb.pdf');
    writeFileSync(path, bomb(210));
    await expect(readDocument(path)).rejects.toThrow(/decompression bomb/);
  }, 60_000);

  it('reads an ordinary PDF as before', async () => {
    const path = join(dir, 'fine.pdf');
    writeFileSync(path, makePdf([[{ x: 72, y: 700, text: 'Minutes of the Cabinet meeting' }]]));
    expect((await readDocument(path)).text).toContain('Minutes of the Cabinet meeting');
  });
});

describe('deeply nested HTML', () => {
  it('reads a page nested 100,000 elements deep without overflowing the stack', () => {
    const n = 100_000;
    const html = `<html><body>${'<div>'.repeat(n)}Minutes of the meeting${'</div>'.repeat(n)}<main><p>The Chair welcomed everyone.</p></main></body></html>`;
    const { text } = htmlToText(Buffer.from(html), 'deep.html');
    expect(text.trim()).toBe('The Chair welcomed everyone.');
    const noMain = htmlToText(Buffer.from(`<html><body>${'<span>'.repeat(n)}Minutes${'</span>'.repeat(n)}</body></html>`), 'deep2.html');
    expect(noMain.text.trim()).toBe('Minutes');
  });
});
