import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { joinPages, pdfToText } from '../../src/load/pdf.ts';
import { readDocument } from '../../src/load/read.ts';
import { makePdf } from './pdf-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'councilgraph-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pdfToText', () => {
  it('reads a text layer in reading order (by y, then x), whatever order it was drawn in', async () => {
    const pdf = makePdf([
      [
        // Drawn bottom-up and right-to-left on purpose.
        { x: 72, y: 600, text: 'Resolved: That the report be noted.' },
        { x: 250, y: 700, text: '(in the Chair)' },
        { x: 72, y: 700, text: 'Present:- Councillor Brent' },
        { x: 72, y: 740, text: 'IMPROVING LIVES SELECT COMMISSION' },
      ],
      [{ x: 72, y: 740, text: '15. SEND SUFFICIENCY (Update)' }],
    ]);
    const { text, warnings } = await pdfToText(pdf, 'minutes.pdf');
    expect(text.split('\n')).toEqual([
      'IMPROVING LIVES SELECT COMMISSION',
      'Present:- Councillor Brent (in the Chair)',
      'Resolved: That the report be noted.',
      '15. SEND SUFFICIENCY (Update)',
    ]);
    expect(warnings).toEqual([]);
  });

  it('says where each page starts in the text, so evidence can name its page', async () => {
    const pdf = makePdf([[{ x: 72, y: 740, text: 'Page one' }], [{ x: 72, y: 740, text: 'Page two' }], [{ x: 72, y: 740, text: 'Page three' }]]);
    const { text, pages } = await pdfToText(pdf, 'three.pdf');
    expect(pages.map((p) => text.slice(p).split('\n')[0])).toEqual(['Page one', 'Page two', 'Page three']);
    const raw = await readDocument((() => {
      const path = join(dir, 'three.pdf');
      writeFileSync(path, pdf);
      return path;
    })());
    expect(raw.pages).toEqual(pages);
  });

  it('joins pages exactly as one squeezed text, whatever blank lines they start or end with', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a\n]{0,8}$/), { maxLength: 6 }), (pages) => {
        const { text, pages: starts } = joinPages(pages);
        expect(text).toBe(pages.join('\n').replace(/\n{3,}/g, '\n\n'));
        expect(starts.length).toBe(pages.length);
        for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 1]!);
        pages.forEach((page, i) => {
          const core = page.replace(/^\n+/, '');
          if (core && !/\n{3}/.test(core)) expect(text.slice(starts[i]!, starts[i]! + core.length)).toBe(core);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a scanned PDF with no text layer, naming the file', async () => {
    const pdf = makePdf([[], []]);
    await expect(pdfToText(pdf, '/minutes/scanned.pdf')).rejects.toThrow(/scanned\.pdf.*no text layer/);
  });

  it('warns about scanned pages among text pages', async () => {
    const pdf = makePdf([[{ x: 72, y: 700, text: 'Minutes of the meeting' }], []]);
    const { text, warnings } = await pdfToText(pdf, 'mixed.pdf');
    expect(text).toContain('Minutes of the meeting');
    expect(warnings.join(' ')).toMatch(/mixed\.pdf: 1 of 2 pages have no text layer/);
  });

  it('is what the loader uses for .pdf files', async () => {
    const path = join(dir, 'cabinet.pdf');
    writeFileSync(path, makePdf([[{ x: 72, y: 700, text: 'Cabinet minutes: apologies were received.' }]]));
    const raw = await readDocument(path);
    expect(raw.format).toBe('pdf');
    expect(raw.text).toContain('Cabinet minutes: apologies were received.');
    const scanned = join(dir, 'scan.pdf');
    writeFileSync(scanned, makePdf([[]]));
    await expect(readDocument(scanned)).rejects.toThrow(/scan\.pdf.*no text layer/);
  });
});
