/**
 * The store keeps each document as ingested, for the source viewer: its text (the one every
 * evidence span points into), its PDF page starts, and where it is published. Rebuilding a stored
 * document (another document changed its cross-document resolution) keeps all three.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/server.ts';
import { silentLogger } from '../../src/api/logger.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { readDocument } from '../../src/load/read.ts';
import { tempDir } from '../graph/helpers.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'ingest');
const dir = tempDir('councilgraph-source-text-');
afterAll(() => dir.remove());
const root = dir.path;
const corpus = join(root, 'corpus');
cpSync(SAMPLES, corpus, { recursive: true });
const files = readdirSync(corpus).filter((f) => /\.(txt|md|html?)$/.test(f) && !/^readme/i.test(f)).sort();

describe('source texts in the store', () => {
  it('keeps every document as read, and every evidence span quotes its sentence from it', async () => {
    const store = await openStore({ db: join(root, 'all') }, {});
    await ingestPaths(store, [corpus], { root });
    for (const f of files) {
      const stored = await store.sourceText(`doc:corpus/${f}`);
      expect(stored?.text, f).toBe((await readDocument(join(corpus, f))).text);
      expect(stored?.pages).toBeNull();
    }
    let checked = 0;
    const api = await createApi(store, { logger: silentLogger() });
    const r = await api.execute({
      query: `{ meetings(first: 100) { participation { evidence { start end sentence source { id text url } } } items { participation { evidence { start end sentence source { id text } } } } } }`,
    });
    expect(r.errors).toBeUndefined();
    const evidence = (r.data as { meetings: { participation: { evidence: Ev[] }[]; items: { participation: { evidence: Ev[] }[] }[] }[] }).meetings.flatMap((m) => [
      ...m.participation.flatMap((p) => p.evidence),
      ...m.items.flatMap((i) => i.participation.flatMap((p) => p.evidence)),
    ]);
    for (const e of evidence) {
      expect(normalised(e.source.text!.slice(e.start, e.end))).toContain(normalised(e.sentence).slice(0, 40));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
    const html = files.find((f) => f.endsWith('.html'))!;
    const source = await api.execute({ query: `{ entity(id: "doc:corpus/${html}") { ... on Source { url } } }` });
    expect((source.data as { entity: { url: string } }).entity.url).toBe('https://democracy.northbridge.example/ieListDocuments.aspx?CId=214&MId=9021');
    await api.stop();
    await store.close();
  });

  it('keeps the text of a stored document rebuilt because another changed its resolution', async () => {
    const store = await openStore({ db: join(root, 'rebuilt') }, {});
    const folder = join(root, 'rebuilt-minutes');
    mkdirSync(folder);
    // The first names no council; the second, of the same committee, does: the first is rebuilt under it.
    const first = 'CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE\nTuesday 4 March 2025\n\nPresent: Councillor Brent (in the Chair); Councillors Cusworth and Ismail.\n\n14. EARLY HELP STRATEGY\n\nCouncillor Cusworth presented the report.\n';
    const second = `NORTHBRIDGE METROPOLITAN BOROUGH COUNCIL\n${first.replace('4 March', '1 April').replace('14. EARLY HELP', '15. SEND')}`;
    writeFileSync(join(folder, 'a.txt'), first);
    writeFileSync(join(folder, 'b.txt'), second);
    await ingestPaths(store, [join(folder, 'a.txt')], { root });
    const later = await ingestPaths(store, [join(folder, 'b.txt')], { root });
    expect(later.reresolved).toBe(1);
    expect((await store.list('Person', { search: 'brent', first: 5, offset: 0 })).map((p) => p.id)).toEqual(['person:northbridge:brent']);
    expect((await store.sourceText('doc:rebuilt-minutes/a.txt'))?.text).toBe(first);
    await store.close();
  });

  it('takes the published address of one file from --url, and refuses it for several', async () => {
    const store = await openStore({ db: join(root, 'url') }, {});
    const one = join(corpus, files[0]!);
    await ingestPaths(store, [one], { root, url: 'https://minutes.example/one' });
    const [doc] = await store.nodes('Document', [`doc:corpus/${files[0]}`]);
    expect(doc?.url).toBe('https://minutes.example/one');
    await expect(ingestPaths(store, [corpus], { root, url: 'https://minutes.example/all' })).rejects.toThrow(/one document/);
    expect(readFileSync(one, 'utf8').length).toBeGreaterThan(0);
    await store.close();
  });
});

interface Ev {
  start: number;
  end: number;
  sentence: string;
  source: { id: string; text: string | null; url?: string | null };
}

/** Evidence sentences are quoted from the text with whitespace runs kept; compare on words. */
function normalised(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
