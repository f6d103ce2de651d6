/** The one state: what the reducer does with each action, and that it changes only what it must. */
import { describe, expect, it } from 'vitest';
import { initialState, loading, reduce, ready, Store } from '../../src/dashboard/state/store.ts';
import type { Evidence } from '../../src/dashboard/api/types.ts';

const ev = (start: number): Evidence => ({ sentence: 's', sourceId: 'doc:a', source: 'a.txt', url: null, format: 'text', start, end: start + 5, page: null, item: null, meeting: null });

describe('reducer', () => {
  it('keeps every untouched part of the state the same object (render compares by reference)', () => {
    const s = initialState();
    const next = reduce(s, { type: 'url', patch: { open: 'person:x' } });
    expect(next.url.open).toBe('person:x');
    expect(next.details).toBe(s.details);
    expect(next.sorts).toBe(s.sorts);
    expect(reduce(next, { type: 'graph' }).graphVersion).toBe(1);
  });

  it('puts the statement open in the source viewer into the URL, and takes it out when closed', () => {
    let s = reduce(initialState(), { type: 'reader', reader: { entries: [ev(10), ev(40)], index: 1, subject: 'x', relation: null, doc: loading } });
    expect(s.url.reading).toEqual({ doc: 'doc:a', start: 40, end: 45 });
    s = reduce(s, { type: 'reader-doc', doc: ready(null) });
    expect(s.reader?.doc).toEqual({ state: 'ready', value: null });
    s = reduce(s, { type: 'reader', reader: null });
    expect(s.url.reading).toBeNull();
    expect(reduce(s, { type: 'reader-doc', doc: loading })).toBe(s);
  });

  it('sorts a table ascending first, then toggles', () => {
    let s = reduce(initialState(), { type: 'sort', table: 'p|items', key: 'date' });
    expect(s.sorts['p|items']).toEqual({ key: 'date', direction: 'asc' });
    s = reduce(s, { type: 'sort', table: 'p|items', key: 'date' });
    expect(s.sorts['p|items']!.direction).toBe('desc');
    s = reduce(s, { type: 'sort', table: 'p|items', key: 'role' });
    expect(s.sorts['p|items']).toEqual({ key: 'role', direction: 'asc' });
  });

  it('tells listeners the new and the previous state', () => {
    const store = new Store(initialState());
    const seen: [string | null, string | null][] = [];
    store.subscribe((next, prev) => seen.push([prev.url.open, next.url.open]));
    store.dispatch({ type: 'url', patch: { open: 'a' } });
    store.dispatch({ type: 'url', patch: { open: 'b' } });
    expect(seen).toEqual([
      [null, 'a'],
      ['a', 'b'],
    ]);
  });
});
