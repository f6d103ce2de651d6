/**
 * DataLoader batching: a list of 100 items with their presenters is one store round trip per
 * (relation, direction), not one per item.
 */
import { describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/server.ts';
import type { DocumentGraph, Relation } from '../../src/graph/model.ts';
import { MemoryStore } from './memory-store.ts';
import { silentLogger } from '../../src/api/logger.ts';

function bigMeeting(items: number): DocumentGraph {
  const doc = { id: 'doc:big', path: 'big.txt', name: 'big.txt', sha256: 'big', format: 'txt' };
  const ev = (sentence: string, item: string | null = null) => ({ doc: doc.id, item, start: 0, end: sentence.length, sentence });
  const meeting = 'meeting:x:board:2025-01-01';
  const nodes: DocumentGraph['nodes'] = [
    { type: 'Document', props: doc },
    { type: 'Body', props: { id: 'body:x:board', name: 'Board', kind: 'board' } },
    { type: 'Meeting', props: { id: meeting, date: '2025-01-01', body: 'Board', title: 'Board, 2025-01-01' } },
  ];
  const relations: Relation[] = [
    { type: 'HELD_BY', from: meeting, to: 'body:x:board', props: {}, evidence: ev('Board.') },
  ];
  for (let i = 0; i < items; i++) {
    const item = `item:x:board:2025-01-01:n${i}`;
    const person = `person:x:officer-${i % 10}`;
    nodes.push({ type: 'Item', props: { id: item, number: String(i), title: `Item ${i}`, meeting, ordinal: i } });
    if (i < 10) nodes.push({ type: 'Person', props: { id: person, name: `Officer ${i}`, aliases: [], kind: 'officer' } });
    relations.push({ type: 'HAS_ITEM', from: meeting, to: item, props: {}, evidence: ev(`Item ${i}`, item) });
    relations.push({ type: 'PRESENTED', from: person, to: item, props: {}, evidence: ev(`Officer ${i % 10} presented.`, item) });
  }
  return { doc, nodes, relations };
}

describe('batching', () => {
  it('100 items with presenters (and their meetings and bodies) take one round trip per relation', async () => {
    const store = new MemoryStore();
    await store.writeDocument(bigMeeting(100));
    // The in-memory store answers without I/O, so on a loaded machine the request could run
    // past its slice and pause mid-batch (a real store's round trips end slices by themselves).
    const api = await createApi(store, { logger: silentLogger(), limits: { sliceMs: 60_000 } });
    store.resetCalls();
    const r = await api.execute({
      query: `{ meetings { items { title presenters { name presented(first: 5) { meeting { body { name } } } } } } }`,
    });
    expect(r.errors).toBeUndefined();
    const items = (r.data as any).meetings[0].items;
    expect(items).toHaveLength(100);
    expect(items.every((i: { presenters: unknown[] }) => i.presenters.length === 1)).toBe(true);
    expect(Object.fromEntries(store.calls)).toEqual({
      'list:Meeting': 1,
      'related:HAS_ITEM:out': 1,
      'related:PRESENTED:in': 1,
      'related:PRESENTED:out': 1,
      'nodes:Meeting': 1,
      'related:HELD_BY:out': 1,
    });
    await api.stop();
  });

  it('does not share a cache between requests (a request sees the store as it is now)', async () => {
    const store = new MemoryStore();
    await store.writeDocument(bigMeeting(3));
    const api = await createApi(store, { logger: silentLogger() });
    const q = { query: '{ meetings { items { id } } }' };
    expect(((await api.execute(q)).data as any).meetings[0].items).toHaveLength(3);
    await store.writeDocument({ ...bigMeeting(5), doc: { ...bigMeeting(5).doc, sha256: 'changed' } });
    expect(((await api.execute(q)).data as any).meetings[0].items).toHaveLength(5);
    await api.stop();
  });
});
