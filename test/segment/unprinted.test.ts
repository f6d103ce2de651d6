import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/normalise/normalise.ts';
import { segment } from '../../src/segment/segment.ts';
import { itemNamed, run } from '../extract/helpers.ts';

// Our own minutes: the preamble defers two agenda items that the page then never prints.
const DEFERRED = `Harbour Scrutiny Panel
Tuesday, 3rd March, 2026

Present: Councillor R Penhale (in the chair)

Councillors Mrs Ashworth, Dunmore and Trevail

Before the start of business the Chair advised that the Portfolio Holder was unwell, and it had been decided to defer Item 5 (Portfolio Holder Update – Harbours) and Item 6 (Quarterly Budget report 2025/26 (October to December)) to an extra meeting to be held at 6.00pm on Thursday 26 March 2026.

1 Apologies for Absence

There were no apologies.

2 Minutes of the Last Meeting

That the minutes of the meeting held on 3 February 2026 be approved.
`;

describe('items the minutes defer by reference but do not print', () => {
  it('become items with their numbers and titles, and the preamble keeps its attendance', () => {
    const doc = segment(normalise(DEFERRED));
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['5', 'Portfolio Holder Update - Harbours'],
      ['6', 'Quarterly Budget report 2025/26 (October to December)'],
      ['1', 'Apologies for Absence'],
      ['2', 'Minutes of the Last Meeting'],
    ]);
    expect(doc.preamble.end).toBe(doc.items.find((i) => i.number === '1')!.span.start);
    // A referenced item holds only its reference, never the preamble around it.
    for (const item of doc.items.slice(0, 2)) expect(item.span.end - item.span.start).toBeLessThan(80);
  });

  it('carry the deferral, to the date the sentence gives (a point in "6.00pm" does not end it)', () => {
    const doc = run(DEFERRED);
    expect(itemNamed(doc, /^Portfolio Holder Update/).deferrals).toEqual([['Portfolio Holder Update - Harbours', '2026-03-26']]);
    expect(itemNamed(doc, /^Quarterly Budget/).deferrals).toEqual([['Quarterly Budget report 2025/26 (October to December)', '2026-03-26']]);
    // A post holder's oral update is no document.
    expect(itemNamed(doc, /^Portfolio Holder Update/).strategies).toEqual([]);
  });

  it('are not made for a number the page prints, nor without a deferral or withdrawal', () => {
    const printed = DEFERRED.replace('Item 5 (Portfolio', 'Item 1 (Portfolio');
    expect(segment(normalise(printed)).items.filter((i) => i.number === '1')).toHaveLength(1);
    const noted = DEFERRED.replace('it had been decided to defer', 'members noted');
    expect(segment(normalise(noted)).items.map((i) => i.number)).toEqual(['1', '2']);
  });
});
