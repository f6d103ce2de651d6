import { describe, expect, it } from 'vitest';
import { findDates, nextMonthOnOrAfter, parseDate } from '../../src/text/dates.ts';

describe('dates', () => {
  it.each([
    ['Tuesday 10 February 2026', '2026-02-10'],
    ['Wednesday, 5th February, 2020', '2020-02-05'],
    ['held on 2nd December, 2025', '2025-12-02'],
    ['the meeting on 24th July 17', '2017-07-24'],
    ['September 21, 2022', '2022-09-21'],
    ['moved to March 2026', '2026-03'],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it('does not read times or file sizes as years', () => {
    expect(findDates('at 10.00 a.m. on 4 June, PDF 113 KB')).toEqual([]);
  });

  it('places a month named without a year after the reference date, and never invents one', () => {
    expect(nextMonthOnOrAfter(12, '2025-11-04')).toBe('2025-12');
    expect(nextMonthOnOrAfter(3, '2025-11-04')).toBe('2026-03');
    expect(nextMonthOnOrAfter(3, null)).toBeNull();
  });
});
