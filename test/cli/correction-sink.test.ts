/**
 * `serve`'s corrections sink: a correction sent to Mutation.correct becomes an entry of the
 * corrections file and is applied to the store at once (the API then serves the corrected
 * graph), on one of our sample minutes; what the file cannot say (non-people merges, a split
 * without its document) is refused with what to do instead.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCorrectionSink } from '../../src/cli/commands/correction-sink.ts';
import type { IngestStore } from '../../src/graph/store.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import { loadCorrections } from '../../src/ingest/corrections-file.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { apiOver, type ApiHarness } from '../api/harness.ts';
import { tempDir } from '../graph/helpers.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'ingest');
const FILE = 'northbridge-adult-care-2025-06-03.txt';
const dir = tempDir('councilgraph-sink-');
const corpus = join(dir.path, 'corpus');
const file = join(dir.path, 'corrections.yaml');
let store: IngestStore;
let h: ApiHarness;

const CORRECT = `mutation($input: CorrectionInput!) { correct(input: $input) { id kind applied message } }`;

beforeAll(async () => {
  mkdirSync(corpus, { recursive: true });
  cpSync(join(SAMPLES, FILE), join(corpus, FILE));
  store = await openStore({ db: join(dir.path, 'store') }, {});
  expect((await ingestPaths(store, [corpus], { root: dir.path, corrections: null })).failures).toEqual([]);
  // Applying a correction rebuilds documents: room for that on a loaded machine.
  h = await apiOver(store, { corrections: fileCorrectionSink(store, file, null), limits: { timeoutMs: 120_000 } });
});
afterAll(async () => {
  await h?.api.stop();
  await store?.close();
  dir.remove();
});

describe('the corrections sink of serve', () => {
  it('writes a rename to the corrections file and serves the renamed person at once', async () => {
    const { people } = await h.data<{ people: { id: string; name: string }[] }>(`{ people(first: 200) { id name } }`);
    const person = people.find((p) => p.id.startsWith('person:'))!;
    const d = await h.data(CORRECT, { input: { kind: 'RENAME', ids: [person.id], name: `${person.name} Renamed`, note: 'spelled so' } });
    expect(d.correct).toMatchObject({ kind: 'RENAME', applied: true });
    expect(d.correct.id).toBe(`${file}#1`);
    const set = loadCorrections(file)!;
    expect(set.entries).toHaveLength(1);
    expect(set.entries[0]).toMatchObject({ kind: 'rename', from: person.name, to: `${person.name} Renamed`, note: 'spelled so' });
    expect(readFileSync(file, 'utf8')).toContain('rename:');
    const after = await h.data<{ people: { name: string; aliases: string[] }[] }>(`{ people(first: 200) { name aliases } }`);
    const renamed = after.people.find((p) => p.name === `${person.name} Renamed`);
    expect(renamed, 'the served graph has the new spelling').toBeDefined();
    expect(renamed!.aliases).toContain(person.name);
  });

  it('rejects a relation, in the document the analyst was reading', async () => {
    const { people } = await h.data<{ people: { id: string; presented: { id: string }[] }[] }>(`{ people(first: 200) { id presented { id } } }`);
    const presenter = people.find((p) => p.presented.length > 0)!;
    const item = presenter.presented[0]!.id;
    const { item: it } = await h.data(`query($id: ID!) { item(id: $id) { evidence { source { id } } } }`, { id: item });
    const d = await h.data(CORRECT, { input: { kind: 'REJECT', ids: [presenter.id, item], relation: 'PRESENTED', evidence: { source: it.evidence[0].source.id, start: 0, end: 1 } } });
    expect(d.correct.applied).toBe(true);
    expect(loadCorrections(file)!.entries[1]).toMatchObject({ kind: 'reject', relation: 'PRESENTED', from: presenter.id, to: item, document: `corpus/${FILE}` });
    const again = await h.data(`query($id: ID!) { entity(id: $id) { ... on Person { presented { id } } } }`, { id: presenter.id });
    expect(again.entity.presented.map((i: { id: string }) => i.id)).not.toContain(item);
  });

  it('refuses what the file cannot hold, saying what to do instead', async () => {
    const { bodies } = await h.data<{ bodies: { id: string }[] }>(`{ bodies(first: 5) { id } }`);
    const { people } = await h.data<{ people: { id: string }[] }>(`{ people(first: 5) { id } }`);
    const merge = await h.run(CORRECT, { input: { kind: 'MERGE', ids: [bodies[0]!.id, people[0]!.id] } });
    expect(merge.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(merge.errors?.[0]?.message).toMatch(/people only/);
    const split = await h.run(CORRECT, { input: { kind: 'SPLIT', ids: [people[0]!.id, people[1]!.id] } });
    expect(split.errors?.[0]?.message).toMatch(/correct split NAME --document DOC/);
    expect(loadCorrections(file)!.entries).toHaveLength(2);
  });
});
