import { describe, expect, it } from 'vitest';
import { decodeText, lineAt, looksLikeHtml, looksLikePdf, sniffContainer } from '../../src/load/decode.ts';
import { DocumentError } from '../../src/load/errors.ts';

const PATH = 'minutes/item.txt';
const SAMPLE = 'Present:- Councillor Hart (in the Chair); Councillors Bell and Ng.\nThe Chair’s report – noted.\n';

function thrown(fn: () => unknown): DocumentError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DocumentError);
    return err as DocumentError;
  }
  throw new Error('expected a DocumentError');
}

describe('decodeText', () => {
  it('reads UTF-8 and strips its byte-order mark', () => {
    const plain = decodeText(Buffer.from(SAMPLE, 'utf8'), PATH);
    expect(plain).toEqual({ text: SAMPLE, encoding: 'utf-8', warnings: [] });
    const bom = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]), PATH);
    expect(bom.text).toBe(SAMPLE);
    expect(bom.warnings).toEqual([]);
  });

  it('reads UTF-16 LE and BE with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(decodeText(le, PATH)).toEqual({ text: SAMPLE, encoding: 'utf-16le', warnings: [] });
    const be = Buffer.from(SAMPLE, 'utf16le').swap16();
    const withBom = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    expect(decodeText(withBom, PATH)).toEqual({ text: SAMPLE, encoding: 'utf-16be', warnings: [] });
  });

  it('recognises UTF-16 without a byte-order mark, with a warning', () => {
    const decoded = decodeText(Buffer.from(SAMPLE, 'utf16le'), PATH);
    expect(decoded.text).toBe(SAMPLE);
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.warnings[0]).toMatch(/no byte-order mark.*UTF-16LE/);
  });

  it('falls back to Windows-1252 for text that is not UTF-8, saying so and where', () => {
    // "The Chair’s report – café" as Word's "Save as text" writes it on Windows.
    const bytes = Buffer.from('Minutes\nThe Chair\x92s report \x96 caf\xe9\n', 'latin1');
    const decoded = decodeText(bytes, PATH);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('Minutes\nThe Chair’s report – café\n');
    expect(decoded.warnings).toHaveLength(1);
    expect(decoded.warnings[0]).toMatch(/not valid UTF-8 \(first at line 2\); decoded it as Windows-1252/);
  });

  it('keeps a UTF-8 file with a few damaged bytes as UTF-8, replacing only those', () => {
    const good = Buffer.from('“Quoted” – Chair’s ’ ’ ’ ’ ’\n'.repeat(5), 'utf8');
    const decoded = decodeText(Buffer.concat([good, Buffer.from([0x92]), Buffer.from(' end\n')]), PATH);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('“Quoted” – Chair’s');
    expect(decoded.text).toContain('\uFFFD end');
    expect(decoded.warnings[0]).toMatch(/1 invalid byte\(s\) \(first at line 6\)/);
  });

  it('rejects binary content as a DocumentError naming the file', () => {
    const bytes = Buffer.alloc(3000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const err = thrown(() => decodeText(bytes, PATH));
    expect(err.reason).toBe('binary');
    expect(err.path).toBe(PATH);
    expect(err.message).toMatch(/^minutes\/item\.txt: this looks like a binary file/);
  });

  it('rejects text full of control characters as binary even without NUL bytes', () => {
    const bytes = Buffer.from('ab\x01\x02\x03cd\x04\x05'.repeat(200), 'latin1');
    expect(thrown(() => decodeText(bytes, PATH)).reason).toBe('binary');
  });

  it('names known binary formats and says what to do', () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')]);
    const err = thrown(() => decodeText(zip, PATH));
    expect(err.reason).toBe('unsupported-format');
    expect(err.message).toMatch(/zip archive.*\.docx.*save or export/);
    expect(sniffContainer(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe('a PNG image');
    expect(sniffContainer(Buffer.from(SAMPLE))).toBeNull();
  });

  it('removes a few stray control characters with a warning giving the line', () => {
    const text = `${SAMPLE}Second\x1b[0m line\x07\n`;
    const decoded = decodeText(Buffer.from(text), PATH);
    expect(decoded.text).toBe(`${SAMPLE}Second[0m line\n`);
    expect(decoded.warnings[0]).toMatch(/2 stray control character\(s\) \(first at line 3\)/);
  });

  it('drops a DOS end-of-file mark silently', () => {
    const decoded = decodeText(Buffer.from(`${SAMPLE}\x1a`), PATH);
    expect(decoded).toEqual({ text: SAMPLE, encoding: 'utf-8', warnings: [] });
  });

  it('keeps tabs, carriage returns and form feeds (page breaks)', () => {
    const text = 'Minutes\r\n\tItem\f\nPage 2\r\n';
    expect(decodeText(Buffer.from(text), PATH).text).toBe(text);
  });

  it('decodes a 40 MB file whole', () => {
    const block = Buffer.from(SAMPLE.repeat(100));
    const big = Buffer.concat(Array.from({ length: Math.ceil((40 * 1024 * 1024) / block.length) }, () => block));
    const decoded = decodeText(big, PATH);
    expect(decoded.text.length).toBe(big.length / block.length * SAMPLE.length * 100);
    expect(decoded.warnings).toEqual([]);
  });
});

describe('format sniffing', () => {
  it('finds a PDF header within the first kilobyte', () => {
    expect(looksLikePdf(Buffer.from('%PDF-1.7\n%âãÏÓ'))).toBe(true);
    expect(looksLikePdf(Buffer.from(`${' '.repeat(100)}%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(Buffer.from(SAMPLE))).toBe(false);
  });

  it('recognises an HTML page by its opening tag, not by angle brackets in text', () => {
    expect(looksLikeHtml(Buffer.from('\ufeff  <!DOCTYPE html><html><body>Minutes</body></html>'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('<html lang="en">'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('<https://example.org/webcast>\nMinutes'))).toBe(false);
  });
});

describe('lineAt', () => {
  it('gives 1-based line numbers', () => {
    expect(lineAt('a\nb\nc', 0)).toBe(1);
    expect(lineAt('a\nb\nc', 2)).toBe(2);
    expect(lineAt('a\nb\nc', 4)).toBe(3);
  });
});
