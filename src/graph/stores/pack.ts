/**
 * Large bookkeeping values (a document's extraction, its claims) are kept in the store as
 * deflated JSON in base64: a 20 KB extraction takes ~4 KB, and a string column is what both
 * stores hold without driver-specific byte handling.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export function pack(value: unknown): string {
  return deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: 1 }).toString('base64');
}

export function unpack<T>(text: string): T {
  return JSON.parse(inflateRawSync(Buffer.from(text, 'base64')).toString('utf8')) as T;
}

/** A document's text for DocumentWrite.text: packed, because minutes compress about fourfold. */
export function packSourceText(source: { text: string; pages?: number[] | null }): string {
  return pack({ text: source.text, pages: source.pages ?? null });
}
