/** The playground's fetcher: a stale operation name (GraphiQL, just after a tab switch) is dropped. */
import { describe, expect, it } from 'vitest';
import { ownOperationName } from '../../src/playground/fetcher.ts';

describe('ownOperationName', () => {
  it('keeps an operation name the query defines', () => {
    const p = { query: 'query A { x } query B { y }', operationName: 'B' };
    expect(ownOperationName(p)).toBe(p);
  });
  it("drops one the query does not define (the previous tab's)", () => {
    expect(ownOperationName({ query: 'query MeetingWithAttendees { x }', operationName: 'ItemsPresentedBy' }).operationName).toBeNull();
    expect(ownOperationName({ query: 'query ItemsPresentedByX { x }', operationName: 'ItemsPresentedBy' }).operationName).toBeNull();
  });
  it('leaves requests without a name alone', () => {
    const p = { query: '{ x }' };
    expect(ownOperationName(p)).toBe(p);
  });
});
