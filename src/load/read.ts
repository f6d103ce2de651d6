/**
 * The load stage: a file on disk → RawDocument. Decides the format (by extension, checked
 * against the content), decodes, and turns every way a file can be unusable into a
 * DocumentError that names the file and says what to do.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { hasText, inspectText } from './checks.ts';
import { decodeText, looksLikeHtml, looksLikePdf } from './decode.ts';
import { DocumentError } from './errors.ts';
import type { RawDocument } from './types.ts';

/**
 * The largest document read. V8 strings stop at ~512 M characters and extraction holds a few
 * copies of the text; no minutes come near this.
 */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

type Format = RawDocument['format'];

const FORMAT_BY_EXTENSION: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
};

export interface ReadOptions {
  /** The document's id (default: its file name). Ingestion passes the path under the ingest root. */
  id?: string;
  /** The name used in messages and stored as the document's path (default: `file`). */
  as?: string;
}

export async function readDocument(file: string, options: ReadOptions = {}): Promise<RawDocument> {
  const path = options.as ?? file;
  const bytes = await readBytes(file, path);
  if (bytes.length === 0) {
    throw new DocumentError(
      path,
      'empty',
      'the file is empty (0 bytes), so there is nothing to extract. Check the download or ' +
        'export that produced it.',
    );
  }
  const { format, warnings } = decideFormat(path, bytes);
  const read = await toText(path, bytes, format);
  if (!hasText(read.text)) throw nothingToRead(path, format, bytes.length);
  return {
    id: options.id ?? basename(file),
    path,
    text: read.text,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format,
    warnings: [...warnings, ...read.warnings, ...inspectText(read.text)].map((w) =>
      w.startsWith(path) ? w : `${path}: ${w}`,
    ),
    url: read.url ?? null,
    pages: read.pages ?? null,
  };
}

/**
 * A RawDocument for text already in memory (tests, benches). Never throws: an empty text
 * gets a warning, so the pipeline's handling of it can be tested too.
 */
export function readDocumentFromText(id: string, text: string, format: Format = 'text'): RawDocument {
  const warnings = hasText(text) ? inspectText(text) : ['is empty: there is nothing to extract.'];
  return {
    id,
    path: id,
    text,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    format,
    warnings: warnings.map((w) => `${id}: ${w}`),
  };
}

async function readBytes(file: string, path: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    throw fsError(path, err);
  }
  if (info.isDirectory()) {
    throw new DocumentError(
      path,
      'unreadable',
      'this is a directory, not a document. Pass the files inside it (e.g. dir/*.txt).',
    );
  }
  // Devices and pipes (/dev/zero, a FIFO) would never end: refuse rather than hang.
  if (!info.isFile()) {
    throw new DocumentError(path, 'unreadable', 'this is not a regular file. Pass a saved document.');
  }
  if (info.size > MAX_DOCUMENT_BYTES) {
    throw new DocumentError(
      path,
      'too-large',
      `the file is ${mb(info.size)}, over the ${mb(MAX_DOCUMENT_BYTES)} limit for one document. ` +
        'Split it into one file per meeting.',
    );
  }
  try {
    return await readFile(file);
  } catch (err) {
    throw fsError(path, err);
  }
}

function fsError(path: string, err: unknown): DocumentError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const detail =
    code === 'ENOENT'
      ? 'no such file. Check the path and the current directory.'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied. Check the file permissions.'
        : `could not read the file (${(err as Error)?.message ?? String(err)}).`;
  return new DocumentError(path, code === 'ENOENT' ? 'not-found' : 'unreadable', detail, { cause: err });
}

/**
 * The extension decides, unless the content clearly says otherwise (a PDF saved as .txt is
 * read as a PDF, with a warning, rather than rejected as binary).
 */
function decideFormat(path: string, bytes: Buffer): { format: Format; warnings: string[] } {
  const ext = extname(path).toLowerCase();
  const byExtension = FORMAT_BY_EXTENSION[ext];
  const byContent: Format | null = looksLikePdf(bytes) ? 'pdf' : looksLikeHtml(bytes) ? 'html' : null;
  if (byExtension === 'pdf') return { format: 'pdf', warnings: [] };
  if (byContent && byContent !== byExtension) {
    const named = ext ? `named ${ext}` : 'without an extension';
    return {
      format: byContent,
      warnings: [`is ${named} but its content is ${byContent.toUpperCase()}; read it as ${byContent.toUpperCase()}.`],
    };
  }
  if (byExtension) return { format: byExtension, warnings: [] };
  // Unknown extensions (.csv, .log, none) are read as text; binary content still fails there.
  return { format: 'text', warnings: ext ? [`has an unfamiliar extension (${ext}); read it as text.`] : [] };
}

async function toText(
  path: string,
  bytes: Buffer,
  format: Format,
): Promise<{ text: string; warnings: string[]; url?: string | null; pages?: number[] }> {
  if (format === 'text') return decodeText(bytes, path);
  if (format === 'pdf' && !looksLikePdf(bytes)) {
    throw new DocumentError(
      path,
      'malformed',
      'this is named .pdf but has no PDF header: it is not a PDF, or it is damaged. ' +
        'Download it again, or give it the extension that matches its content.',
    );
  }
  try {
    // Loaded on demand: pdf.js is heavy, and text files should not pay for it.
    if (format === 'html') {
      const { htmlToText } = await import('./html.ts');
      return htmlToText(bytes, path);
    }
    const { pdfToText } = await import('./pdf.ts');
    return await pdfToText(bytes, path);
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    throw new DocumentError(
      path,
      'malformed',
      `could not read it as ${format.toUpperCase()} (${(err as Error)?.message ?? String(err)}). ` +
        'Check that the file opens in a browser or PDF viewer, or save it as .txt.',
      { cause: err },
    );
  }
}

function nothingToRead(path: string, format: Format, size: number): DocumentError {
  const detail =
    format === 'pdf'
      ? 'no text could be read from this PDF: it is probably a scanned image. Run it through ' +
        'OCR (e.g. ocrmypdf) and try again.'
      : format === 'html'
        ? 'this web page has no visible text. Save the page after it has loaded, or the minutes PDF.'
        : `the file contains only whitespace (${size} bytes), so there is nothing to extract.`;
  return new DocumentError(path, 'empty', detail);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
