/**
 * Bytes → text for plain-text documents. Minutes arrive as UTF-8 mostly, but also as UTF-16
 * (Windows "Unicode" exports) and Windows-1252 (older Word "Save as text"), and sometimes as
 * something that is not text at all. Every step is a single pass over the bytes, so a 50 MB
 * file costs a few hundred milliseconds, never a hang.
 */
import { isUtf8 } from 'node:buffer';
import { DocumentError } from './errors.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  warnings: string[];
}

/** Known binary containers, by their leading bytes, so the error can say what the file is. */
const CONTAINERS: { magic: number[]; what: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (a .docx, .xlsx or .odt document is one)' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old-style Office document (.doc or .xls)' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { magic: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { magic: [0x42, 0x5a, 0x68], what: 'a bzip2-compressed file' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable (ELF)' },
  { magic: [0x4d, 0x5a], what: 'a Windows executable' },
];

/** What a binary file is, when its first bytes say so; null when they don't. */
export function sniffContainer(bytes: Uint8Array): string | null {
  for (const { magic, what } of CONTAINERS) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return what;
  }
  return null;
}

/** True when a PDF header appears where PDF readers look for it. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  // The PDF spec allows junk before the header; readers accept it within the first 1 KB.
  const head = bytes.subarray(0, 1024);
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes('%PDF-');
}

/** True when the bytes begin (after a BOM and whitespace) like an HTML page. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\xef\xbb\xbf/, '');
  return /^\s*<(?:!doctype\s+html|html[\s>])/i.test(head);
}

/**
 * Decodes a plain-text document. Throws a DocumentError for binary content; returns warnings
 * for anything that was read with a guess (a fallback encoding, stray control characters).
 */
export function decodeText(bytes: Uint8Array, path: string): DecodedText {
  const container = sniffContainer(bytes);
  if (container) {
    throw new DocumentError(
      path,
      'unsupported-format',
      `this is ${container}, not text. councilgraph reads .txt, .md, .html and .pdf: ` +
        'save or export the minutes in one of those formats.',
    );
  }
  const decoded = decodeBytes(bytes);
  return { ...decoded, ...removeControls(decoded.text, path, decoded.warnings) };
}

function decodeBytes(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', warnings: oddLength(bytes) };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', warnings: oddLength(bytes) };
  }
  const bomless = guessBomlessUtf16(bytes);
  if (bomless) {
    return {
      text: decode(bomless, bytes),
      encoding: bomless,
      warnings: [
        `has no byte-order mark but its bytes look like ${bomless.toUpperCase()}; read it as ` +
          'that. Re-save it as UTF-8 if the text looks wrong.',
      ],
    };
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): DecodedText {
  if (isUtf8(bytes)) return { text: decode('utf-8', bytes), encoding: 'utf-8', warnings: [] };
  const scan = scanUtf8(bytes);
  const where = `first at line ${scan.firstInvalidLine}`;
  // A UTF-8 file with a few damaged bytes keeps its many good multi-byte characters; reading
  // it as Windows-1252 would garble all of them, so only the damaged bytes are replaced.
  if (scan.validMultibyte > 4 * scan.invalid) {
    return {
      text: decode('utf-8', bytes),
      encoding: 'utf-8',
      warnings: [
        `is UTF-8 with ${scan.invalid} invalid byte(s) (${where}); they were replaced with ` +
          "'\uFFFD'. Check the characters around them in the source.",
      ],
    };
  }
  return {
    text: decodeWindows1252(bytes),
    encoding: 'windows-1252',
    warnings: [
      `is not valid UTF-8 (${where}); decoded it as Windows-1252. Check quotes and accented ` +
        'letters in the output, and re-save the file as UTF-8 to silence this warning.',
    ],
  };
}

function decode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes);
}

/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, where it has the curly quotes, dashes and
 * bullets minutes are full of. Node's TextDecoder('windows-1252') decodes those bytes as
 * Latin-1 C1 controls in some versions, so the table is ours.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function oddLength(bytes: Uint8Array): string[] {
  return bytes.length % 2 === 1
    ? ['is UTF-16 with an odd number of bytes: the last character is cut off.']
    : [];
}

/**
 * UTF-16 without a BOM: English text has a zero in every other byte. Only a strong, one-sided
 * pattern counts, so binary files with scattered zeros still fail as binary.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > 0.6 * pairs && evenZeros < 0.05 * pairs) return 'utf-16le';
  if (evenZeros > 0.6 * pairs && oddZeros < 0.05 * pairs) return 'utf-16be';
  return null;
}

interface Utf8Scan {
  invalid: number;
  validMultibyte: number;
  firstInvalidLine: number;
}

/** Counts good multi-byte sequences and bad bytes in one pass (only run when isUtf8 failed). */
function scanUtf8(b: Uint8Array): Utf8Scan {
  let invalid = 0;
  let validMultibyte = 0;
  let line = 1;
  let firstInvalidLine = 0;
  const cont = (j: number) => j < b.length && (b[j]! & 0xc0) === 0x80;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      if (c === 0x0a) line++;
      i++;
      continue;
    }
    let len = 0;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) len = 3;
    else if (c >= 0xf0 && c <= 0xf4) len = 4;
    let ok = len > 0;
    for (let k = 1; ok && k < len; k++) ok = cont(i + k);
    if (ok) {
      validMultibyte++;
      i += len;
    } else {
      invalid++;
      if (!firstInvalidLine) firstInvalidLine = line;
      i++;
    }
  }
  return { invalid, validMultibyte, firstInvalidLine };
}

/** C0 controls other than tab, newline, carriage return and form feed (page breaks). */
/** The characters isStrayControl accepts, as one class. */
// eslint-disable-next-line no-control-regex
const STRAY_CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

function isStrayControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f;
}

/** Share of stray control characters above which a text is taken to be binary. */
const BINARY_CONTROL_RATIO = 0.05;
/** Like git: a NUL near the start means binary. */
const NUL_WINDOW = 8000;

/**
 * Binary detection and clean-up in one pass over the decoded text. A text with a few stray
 * control characters (a Ctrl-Z at the end, a terminal colour code) loses them with a warning;
 * one full of them, or with a NUL near the start, is binary.
 */
function removeControls(
  text: string,
  path: string,
  warnings: string[],
): { text: string; warnings: string[] } {
  // The usual text has none: one native search answers that before the counting loop.
  if (!STRAY_CONTROL.test(text)) return { text, warnings };
  let controls = 0;
  let firstControl = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isStrayControl(code)) continue;
    if (code === 0 && i < NUL_WINDOW) throw binary(path, `a NUL byte at offset ${i}`);
    controls++;
    if (firstControl < 0) firstControl = i;
  }
  if (controls === 0) return { text, warnings };
  const head = Math.min(text.length, 65536);
  let headControls = 0;
  for (let i = 0; i < head; i++) if (isStrayControl(text.charCodeAt(i))) headControls++;
  if (controls > BINARY_CONTROL_RATIO * text.length || headControls > BINARY_CONTROL_RATIO * head) {
    throw binary(path, `${controls} control characters in ${text.length}`);
  }
  // A lone trailing Ctrl-Z is the DOS end-of-file mark, not damage: drop it silently.
  const onlyDosEof = controls === 1 && text.charCodeAt(text.length - 1) === 0x1a;
  const cleaned = text.replace(/[\x00-\x08\x0b\x0e-\x1f\x7f]/g, '');
  if (onlyDosEof) return { text: cleaned, warnings };
  return {
    text: cleaned,
    warnings: [
      ...warnings,
      `contained ${controls} stray control character(s) (first at line ${lineAt(text, firstControl)}); ` +
        'they were removed.',
    ],
  };
}

function binary(path: string, evidence: string): DocumentError {
  return new DocumentError(
    path,
    'binary',
    `this looks like a binary file, not text (${evidence}). Pass the minutes as .txt, .md, ` +
      '.html or .pdf; if it is a PDF or web page, give it the matching file extension.',
  );
}

/** 1-based line number of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
