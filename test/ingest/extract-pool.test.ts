import { describe, expect, it } from 'vitest';
import { extractAll } from '../../src/ingest/extract-pool.ts';
import { readDocumentFromText } from '../../src/load/read.ts';
import { extractDocument } from '../../src/pipeline.ts';
import { generateCorpus } from '../generate/corpus.ts';

describe('extractAll', () => {
  it('gives on worker threads exactly what the main thread gives, in order', async () => {
    const raws = generateCorpus({ meetings: 8, seed: 3 }).map((d) => readDocumentFromText(d.name, d.text));
    const seen: number[] = [];
    const parallel = await extractAll(raws, (i) => seen.push(i), 2);
    expect(parallel).toEqual(raws.map((r) => extractDocument(r)));
    expect(seen.sort((a, b) => a - b)).toEqual(raws.map((_, i) => i));
  }, 120_000);

  it('reports a document whose extraction throws as an error in its place', async () => {
    const raws = [readDocumentFromText('ok.txt', 'Minutes of the meeting.'), { ...readDocumentFromText('bad.txt', 'x'), text: undefined as unknown as string }];
    const results = await extractAll(raws, undefined, 0);
    expect(results[0]).not.toBeInstanceOf(Error);
    expect(results[1]).toBeInstanceOf(Error);
  });
});
