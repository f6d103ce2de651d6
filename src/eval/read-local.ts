/**
 * A minimal reader used only while `src/load/read.ts` (the real loader, with encoding
 * detection and HTML/PDF support) does not exist yet: UTF-8 text and its sha256, nothing else.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { RawDocument } from '../load/types.ts';

export async function readUtf8Document(path: string): Promise<RawDocument> {
  const bytes = await readFile(path);
  const warnings: string[] = [];
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.includes('\uFFFD')) warnings.push(`${basename(path)}: bytes that are not UTF-8 were replaced with U+FFFD`);
  return {
    id: basename(path),
    path,
    text,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: 'text',
    warnings,
  };
}
