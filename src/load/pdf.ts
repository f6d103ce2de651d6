/**
 * PDF → text with pdf.js (legacy build, which runs in Node without a worker). Text items are
 * put back in reading order, top to bottom and left to right within a line, because a PDF's
 * content stream need not draw text in the order it is read.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

export async function pdfToText(bytes: Buffer, path: string): Promise<{ text: string; warnings: string[] }> {
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
    return { text: pages.join('\n').replace(/\n{3,}/g, '\n\n'), warnings };
  } finally {
    await doc.destroy();
  }
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
