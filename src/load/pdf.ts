/**
 * PDF → text with pdf.js (legacy build, which runs in Node without a worker). Text items are
 * put back in reading order, top to bottom and left to right within a line, because a PDF's
 * content stream need not draw text in the order it is read.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInflate } from 'node:zlib';
import { DocumentError } from './errors.ts';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));

/**
 * The most a PDF's compressed streams may inflate to. pdf.js inflates a content stream whole in
 * memory, so a 1.5 MB file whose one stream inflates to 2.9 GB would take the process down (or
 * look "scanned" once pdf.js gives up); minutes never come near this.
 */
export const MAX_PDF_INFLATED_BYTES = 200 * 1024 * 1024;

/**
 * Refuses a decompression bomb before pdf.js sees it: every Flate stream is inflated by a
 * streaming decoder that only counts (and drops) its output, stopping at the budget. Streams
 * that do not inflate (damaged, or another filter) are left to pdf.js.
 */
export async function checkInflatedSize(bytes: Buffer, path: string, limit = MAX_PDF_INFLATED_BYTES): Promise<void> {
  const text = bytes.toString('latin1');
  let total = 0;
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(text); m; m = streams.exec(text)) {
    const start = m.index + m[0].length;
    const dict = text.slice(Math.max(0, m.index - 400), m.index);
    if (!/\/FlateDecode/.test(dict.slice(dict.lastIndexOf('<<')))) continue;
    const end = text.indexOf('endstream', start);
    const data = bytes.subarray(start, end < 0 ? bytes.length : end);
    total += await inflatedSize(data, limit - total);
    if (total > limit) {
      throw new DocumentError(
        path,
        'too-large',
        `this PDF is a decompression bomb: its compressed streams inflate to more than ${limit / 1024 / 1024} MB ` +
          `from a ${(bytes.length / 1024 / 1024).toFixed(1)} MB file, so it was refused unread. If it really is minutes, ` +
          'print it to a new PDF or save it as text and ingest that.',
      );
    }
    streams.lastIndex = end < 0 ? text.length : end;
  }
}

function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflate();
    let n = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(n);
    };
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > budget) {
        inflate.destroy();
        finish();
      }
    });
    inflate.on('end', finish);
    inflate.on('error', finish);
    inflate.on('close', finish);
    inflate.end(data);
  });
}

export async function pdfToText(bytes: Buffer, path: string): Promise<{ text: string; warnings: string[]; pages: number[] }> {
  await checkInflatedSize(bytes, path);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const warnings: string[] = [];
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: pathToFileURL(join(PDFJS_DIR, 'cmaps')).href + '/',
    cMapPacked: true,
    standardFontDataUrl: pathToFileURL(join(PDFJS_DIR, 'standard_fonts')).href + '/',
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    let emptyPages = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items = (content.items as TextItem[]).filter((i) => typeof i.str === 'string' && i.str.length > 0);
      const text = pageText(items);
      if (text.trim().length === 0) emptyPages++;
      pages.push(text);
      page.cleanup();
    }
    if (emptyPages === doc.numPages) {
      throw new DocumentError(
        path,
        'empty',
        `this PDF has no text layer (${doc.numPages} page${doc.numPages === 1 ? '' : 's'} of images only, probably scanned). ` +
          'Run it through OCR (e.g. ocrmypdf) and ingest the result.',
      );
    }
    if (emptyPages > 0) warnings.push(`${path}: ${emptyPages} of ${doc.numPages} pages have no text layer (scanned?); their text is missing.`);
    return { ...joinPages(pages), warnings };
  } finally {
    await doc.destroy();
  }
}

/**
 * The pages' texts as one text (blank-line runs squeezed to one blank line, as ever), with the
 * offset at which each page starts in it, so evidence can name its page.
 */
export function joinPages(pages: readonly string[]): { text: string; pages: number[] } {
  let text = '';
  const starts: number[] = [];
  pages.forEach((page, i) => {
    let part = i === 0 ? page : `\n${page}`;
    // A run of newlines across the join is squeezed like any other: trim what the text ends with.
    const tail = /\n*$/.exec(text)![0].length;
    const lead = /^\n*/.exec(part)![0].length;
    if (tail + lead > 2) part = part.slice(Math.min(lead, tail + lead - 2));
    starts.push(text.length + /^\n*/.exec(part)![0].length);
    text += part.replace(/\n{3,}/g, '\n\n');
  });
  return { text, pages: starts };
}

/** One page's text items in reading order: lines by descending y, items by ascending x. */
export function pageText(items: TextItem[]): string {
  const placed = items.map((i) => ({
    str: i.str,
    x: i.transform[4] ?? 0,
    y: i.transform[5] ?? 0,
    width: i.width,
    size: Math.max(1, Math.abs(i.height || i.transform[3] || 10)),
  }));
  placed.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: (typeof placed)[] = [];
  for (const item of placed) {
    const line = lines[lines.length - 1];
    // Items whose baselines are within half a line height of each other share a line.
    if (line && Math.abs(line[0]!.y - item.y) <= Math.min(line[0]!.size, item.size) * 0.5) line.push(item);
    else lines.push([item]);
  }
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let out = '';
      let end = -Infinity;
      for (const item of line) {
        // A gap wider than a fifth of the font size is a space the PDF did not draw.
        if (out && item.x - end > item.size * 0.2 && !/\s$/.test(out) && !/^\s/.test(item.str)) out += ' ';
        out += item.str;
        end = item.x + item.width;
      }
      return out.replace(/[ \t]+/g, ' ').trim();
    })
    .join('\n');
}
