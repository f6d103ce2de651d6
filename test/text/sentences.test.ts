import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.ts';

const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('sentences', () => {
  it('breaks at full stops before a capital and at line ends, not after titles and initials', () => {
    expect(texts('Mr. Hale presented the report. Members noted it.\nRESOLVED that the report be noted.')).toEqual([
      'Mr. Hale presented the report.',
      'Members noted it.',
      'RESOLVED that the report be noted.',
    ]);
  });

  it('runs a line the page wrapped mid-clause on into the next', () => {
    expect(texts('AGREED – that the Masterplan be deferred to the\nNovember meeting of the Committee.\nNext item.')).toEqual([
      'AGREED – that the Masterplan be deferred to the\nNovember meeting of the Committee.',
      'Next item.',
    ]);
    expect(texts('The report was presented by\nJo Hale, Head of Place.')).toHaveLength(1);
  });

  it('keeps a blank line a boundary whatever the last word', () => {
    expect(texts('Items to be considered at the\n\nBudget Monitoring')).toHaveLength(2);
  });
});
