import { describe, expect, it } from 'vitest';
import type { StrategyClaim } from '../../src/extract/types.ts';
import { clusterStrategies } from '../../src/resolve/strategies.ts';

const claim = (name: string, i: number, fromTitle = false): StrategyClaim =>
  ({ item: 0, name, kind: 'strategy', fromTitle, sentence: { start: i, end: i + 1 }, approvedBy: null }) as unknown as StrategyClaim;

describe('strategy clustering', () => {
  it('clusters names of one strategy and keeps the most specific', () => {
    const out = clusterStrategies([claim('the SEND Sufficiency Strategy', 0), claim('the draft SEND Sufficiency Strategy 2026-2029', 1), claim('the Early Help Strategy', 2)]);
    expect(out.map((c) => c.name)).toEqual(['the draft SEND Sufficiency Strategy 2026-2029', 'the Early Help Strategy']);
  });

  it('stays linear in repeated mentions ("The X report." 200,000 times gives one cluster)', () => {
    const claims = Array.from({ length: 200_000 }, (_, i) => claim(i % 2 ? 'The X report' : 'the X Report', i));
    const out = clusterStrategies(claims);
    expect(out).toHaveLength(1);
  }, 60_000);
});
