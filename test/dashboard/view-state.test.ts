/** The URL is the view: whatever state goes in must come back out, whatever the ids contain. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeState, emptyState, encodeState, inDateRange, type ViewState } from '../../src/dashboard/state/view-state.ts';

const id = fc.string({ minLength: 1, maxLength: 30 });
const date = fc.constantFrom(null, '2024-03', '2024-03-15', '2025-11-11');
const state: fc.Arbitrary<ViewState> = fc.record({
  open: fc.option(id, { nil: null }),
  expanded: fc.array(id, { maxLength: 4 }),
  removed: fc.array(id, { maxLength: 4 }),
  pinned: fc.array(
    fc.record({ id, x: fc.integer({ min: -5000, max: 5000 }).map((v) => v / 4), y: fc.integer({ min: -5000, max: 5000 }).map((v) => v / 4) }),
    { maxLength: 3 },
  ),
  selected: fc.oneof(
    fc.constant(null),
    id.map((i) => ({ kind: 'node' as const, id: i })),
    id.map((k) => ({ kind: 'edge' as const, key: k })),
  ),
  hiddenNodeTypes: fc.subarray(['Person', 'Meeting', 'Item']),
  hiddenRelTypes: fc.subarray(['ATTENDED', 'PRESENTED']),
  from: date,
  to: date,
  path: fc.option(fc.tuple(id, id), { nil: null }),
  pathAbsences: fc.boolean(),
  view: fc.constantFrom('graph' as const, 'timeline' as const, 'table' as const),
  reading: fc.option(fc.record({ doc: id, start: fc.nat(50_000), end: fc.nat(50_000) }).map((r) => ({ ...r, end: r.start + r.end })), { nil: null }),
  camera: fc.option(fc.record({ x: fc.constant(0.25), y: fc.constant(0.75), ratio: fc.constant(0.5) }), { nil: null }),
}).map((s) => ({ ...s, pathAbsences: s.path !== null && s.pathAbsences }));

describe('view state in the URL', () => {
  it('round-trips through the hash, whatever characters ids hold', () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(decodeState(encodeState(s))).toEqual(s);
      }),
    );
  });

  it('reads an empty or foreign hash as the empty view', () => {
    expect(decodeState('')).toEqual(emptyState());
    expect(decodeState('#section-2')).toEqual(emptyState());
    expect(decodeState('#from=yesterday&view=nope&cam=1,2')).toEqual(emptyState());
  });
});

describe('inDateRange', () => {
  it('compares partial dates on their shared precision, and keeps undated nodes', () => {
    expect(inDateRange(null, '2025-01-01', '2025-12-31')).toBe(true);
    expect(inDateRange('2025-03-10', '2025-03-01', '2025-03-31')).toBe(true);
    expect(inDateRange('2025-02-28', '2025-03-01', null)).toBe(false);
    expect(inDateRange('2025-04-01', null, '2025-03-31')).toBe(false);
    expect(inDateRange('2025-03', '2025-03-15', '2025-03-20')).toBe(true);
    expect(inDateRange('2025-02', '2025-03-15', null)).toBe(false);
  });
});
