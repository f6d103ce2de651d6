/**
 * The in-memory index of the graph (src/graph/memory) answers as the store does: the store
 * contract run through it, and every read compared with the Kuzu store's own answers over a
 * generated corpus (lists by random searches, filters, ranges and pages; relations of every
 * node both ways; neighbourhoods; path lengths).
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexedStore } from '../../src/graph/memory/indexed-store.ts';
import { GraphSnapshot } from '../../src/graph/memory/snapshot.ts';
import { NODE_TYPE_NAMES, REL_TYPES, REL_TYPE_NAMES, type NodeType } from '../../src/graph/model.ts';
import type { NodeOrder, RelatedRow } from '../../src/graph/store.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
import { CypherStore } from '../../src/graph/stores/cypher-store.ts';
import { KuzuRunner } from '../../src/graph/stores/kuzu.ts';
import { readDocumentFromText } from '../../src/load/read.ts';
import { extractDocument } from '../../src/pipeline.ts';
import { generateCorpus } from '../generate/corpus.ts';
import { FaultyRunner } from './faulty-runner.ts';
import { buildAll, tempDir } from './helpers.ts';
import { storeContract } from './store-contract.ts';

storeContract('Kuzu through the in-memory index', async () => {
  const dir = tempDir();
  const runner = new FaultyRunner(await KuzuRunner.open(join(dir.path, 'store')));
  const inner = new CypherStore('kuzu', runner);
  await inner.init();
  const store = await IndexedStore.open(inner, { refresh: 'inline' });
  return {
    store,
    failNextWriteAt: (n) => runner.failNextWriteAt(n),
    cleanup: async () => {
      await store.close();
      dir.remove();
    },
  };
});

const rowKey = (r: RelatedRow) => JSON.stringify([r.from, r.node, r.edge]);

describe('the in-memory index answers as the Kuzu store does', () => {
  const dir = tempDir();
  let kuzu: CypherStore;
  let memory: IndexedStore;
  let ids: Map<NodeType, string[]>;
  let words: string[];

  beforeAll(async () => {
    const docs = generateCorpus({ meetings: 30, seed: 11 }).map((d) => extractDocument(readDocumentFromText(d.name, d.text)));
    kuzu = new CypherStore('kuzu', await KuzuRunner.open(join(dir.path, 'kuzu')));
    await kuzu.init();
    for (const r of await kuzu.writeDocuments(await buildAll(docs))) expect(r).not.toBeInstanceOf(Error);
    memory = await IndexedStore.open(kuzu, { refresh: 'inline' });
    const snapshot = await GraphSnapshot.build(kuzu);
    ids = new Map(NODE_TYPE_NAMES.map((t) => [t, snapshot.nodes.filter((n) => n.type === t).map((n) => n.props.id)]));
    const names = snapshot.nodes.flatMap((n) => [String((n.props as { name?: string }).name ?? (n.props as { title?: string }).title ?? '')]);
    words = [...new Set(names.flatMap((n) => n.toLowerCase().split(/\s+/)).filter((w) => w.length > 1))].slice(0, 200);
  }, 120_000);
  afterAll(async () => {
    await kuzu?.close();
    dir.remove();
  });

  it('holds every node and relation', async () => {
    expect(await memory.counts()).toEqual(await kuzu.counts());
    expect(memory.stats!.edges).toBe(Object.values((await kuzu.counts()).relations).reduce((a, b) => a + (b ?? 0), 0));
  });

  it('reads nodes and the relations of every node, both ways', async () => {
    for (const [type, list] of ids) {
      expect(await memory.nodes(type, list)).toEqual(await kuzu.nodes(type, list));
    }
    for (const rel of REL_TYPE_NAMES) {
      for (const dir of ['out', 'in'] as const) {
        const ends = new Set(REL_TYPES[rel].pairs.map(([a, b]) => (dir === 'out' ? a : b)));
        for (const type of ends) {
          const start = ids.get(type)!;
          const a = (await memory.related(start, rel, dir)).map(rowKey).sort();
          const b = (await kuzu.related(start, rel, dir)).map(rowKey).sort();
          expect(a, `${rel} ${dir} from ${type}`).toEqual(b);
        }
      }
    }
  });

  it('keeps the nodes across a relation in an order: the distinct nodes of the type, sorted as asked, the same list each time', async () => {
    const order: NodeOrder = { key: 'test: title then id', type: 'Item', compare: (a, b) => cmp(String((a.props as { title?: string }).title), String((b.props as { title?: string }).title)) || cmp(a.props.id, b.props.id) };
    let nonEmpty = 0;
    for (const id of ids.get('Person')!) {
      const rows = await kuzu.related([id], 'PRESENTED', 'out');
      const expected = [...new Map(rows.filter((r) => r.node.type === 'Item').map((r) => [r.node.props.id, r.node])).values()].sort((a, b) => order.compare(a, b, () => undefined));
      const got = memory.peekOrdered(id, 'PRESENTED', 'out', order)!;
      expect(got).toEqual(expected);
      expect(memory.peekOrdered(id, 'PRESENTED', 'out', order)).toBe(got);
      if (got.length > 1) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(0);
    expect(memory.peekOrdered('person:nobody', 'PRESENTED', 'out', order)).toEqual([]);
  });

  it('lists as the store does, for any search, filter, range (either way) and page', async () => {
    const types: NodeType[] = ['Person', 'Body', 'Meeting', 'Strategy', 'Topic', 'Item'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...types),
        fc.option(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...words).map((w) => w.slice(0, 2)), fc.constantFrom(...words).map((w) => w.slice(1, 5)), fc.string({ maxLength: 4 })), { nil: undefined }),
        fc.option(fc.record({ from: fc.option(fc.constantFrom('2018', '2019-06', '2020-01-15', '2024'), { nil: undefined }), to: fc.option(fc.constantFrom('2019', '2021-12-31', '2030'), { nil: undefined }), descending: fc.boolean() }), { nil: undefined }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 40 }),
        async (type, search, range, first, offset) => {
          const options = {
            first,
            offset,
            ...(search !== undefined ? { search } : {}),
            ...(range && type === 'Meeting' ? { range: { prop: 'date', ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}), ...(range.descending ? { descending: true } : {}) } } : {}),
          };
          expect(await memory.list(type, options)).toEqual(await kuzu.list(type, options));
        },
      ),
      { numRuns: 150 },
    );
    const body = (await kuzu.list('Meeting', { first: 1, offset: 0 }))[0]!.body!;
    const eq = { equals: { body }, first: 50, offset: 0 };
    expect(await memory.list('Meeting', eq)).toEqual(await kuzu.list('Meeting', eq));
  }, 120_000);

  it('searches from its word index to the same top hits as the store', async () => {
    await kuzu.refresh?.();
    const people = ids.get('Person')!.slice(0, 25);
    const names = (await kuzu.nodes('Person', people)).map((p) => p.name);
    const typed = [...names, ...names.map((n) => n.split(' ').reverse().join(' ')), ...names.map((n) => n.slice(0, -1))];
    for (const text of typed) {
      const [ours] = await memory.search(text, 5);
      const [theirs] = await kuzu.search(text, 5);
      expect(ours?.node.props.id, text).toBe(theirs?.node.props.id);
    }
    expect(await memory.search('   ', 5)).toEqual([]);
  });

  it('walks neighbourhoods and paths to the same nodes', async () => {
    const people = ids.get('Person')!.slice(0, 8);
    for (const p of people) {
      for (const types of [null, ['Item', 'PRESENTED'], ['Meeting']]) {
        const a = await memory.neighbourhood(p, 2, types, 10_000);
        const b = await kuzu.neighbourhood(p, 2, types, 10_000);
        expect(a.nodes.map((n) => n.props.id).sort()).toEqual(b.nodes.map((n) => n.props.id).sort());
        expect(a.edges.length).toBe(b.edges.length);
      }
      const cut = await memory.neighbourhood(p, 3, null, 7);
      expect(cut.nodes.length).toBeLessThanOrEqual(7);
    }
    for (let i = 0; i + 1 < people.length; i++) {
      const a = await memory.shortestPath(people[i]!, people[i + 1]!, 4);
      const b = await kuzu.shortestPath(people[i]!, people[i + 1]!, 4);
      expect(a?.edges.length ?? null).toBe(b?.edges.length ?? null);
      if (a) {
        expect(a.nodes[0]!.props.id).toBe(people[i]);
        expect(a.nodes.at(-1)!.props.id).toBe(people[i + 1]);
        // Each edge joins consecutive nodes of the path.
        a.edges.forEach((e, k) => expect([e.from, e.to].sort()).toEqual([a.nodes[k]!.props.id, a.nodes[k + 1]!.props.id].sort()));
      }
    }
  });

  it('reads the store after a write until the new snapshot is built, never an older graph', async () => {
    const background = await IndexedStore.open(kuzu, { refresh: 'background' });
    const docs = generateCorpus({ meetings: 31, seed: 11 }).slice(-1).map((d) => extractDocument(readDocumentFromText(d.name, d.text)));
    const [g] = await buildAll(docs);
    await background.writeDocument(g!);
    // Straight after the write: the store's answer, which has the new document.
    expect((await background.counts()).documents).toBe((await kuzu.counts()).documents);
    await background.settled();
    expect(background.stats).not.toBeNull();
    expect(await background.counts()).toEqual(await kuzu.counts());
    await background.removeDocument(g!.doc.id);
    await background.settled();
    expect(await background.counts()).toEqual(await memory.counts());
  }, 60_000);

  it('serves a write made to the store itself (an ingest through the server) once told of it', async () => {
    const background = await IndexedStore.open(kuzu, { refresh: 'background' });
    const before = await background.counts();
    const docs = generateCorpus({ meetings: 32, seed: 11 }).slice(-1).map((d) => extractDocument(readDocumentFromText(d.name, d.text)));
    const [g] = await buildAll(docs);
    await kuzu.writeDocument(g!);
    // Not told yet: the snapshot still answers, with the graph before the write.
    expect(await background.counts()).toEqual(before);
    const told = background.changed();
    // Told: the store answers until the new snapshot is built.
    expect((await background.counts()).documents).toBe(before.documents + 1);
    await told;
    await background.settled();
    expect(background.stats).not.toBeNull();
    expect(await background.counts()).toEqual(await kuzu.counts());
    await kuzu.removeDocument(g!.doc.id);
    await background.changed();
    await background.settled();
    expect(await background.counts()).toEqual(before);
    await background.detach();
  }, 60_000);
});

