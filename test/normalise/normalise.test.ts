import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, sourceSpan } from '../../src/normalise/normalise.ts';

function quote(original: string, needle: string): string {
  const n = normalise(original);
  const at = n.text.indexOf(needle);
  expect(at, `"${needle}" in ${JSON.stringify(n.text)}`).toBeGreaterThanOrEqual(0);
  const s = sourceSpan(n, at, at + needle.length);
  return original.slice(s.start, s.end);
}

describe('normalise', () => {
  it('straightens curly quotes and dashes, and maps them back to the source', () => {
    const raw = 'The Children\u2019s \u201cOffer\u201d 2024\u20132027 was agreed.';
    expect(normalise(raw).text).toBe('The Children\'s "Offer" 2024-2027 was agreed.');
    expect(quote(raw, "Children's")).toBe('Children\u2019s');
    expect(quote(raw, '2024-2027')).toBe('2024\u20132027');
  });

  it('rejoins broken hyphenation in names and keeps the printed form as the source', () => {
    const raw = 'Mary- Beth Ollerton, Head of Service, attended.';
    expect(normalise(raw).text).toContain('Mary-Beth Ollerton');
    expect(quote(raw, 'Mary-Beth Ollerton')).toBe('Mary- Beth Ollerton');
  });

  it('rejoins a name the page wrapped inside a running list, and nothing else', () => {
    expect(normalise('Present: Councillors Ann Ross, Alasdair\nBrodie, Kirsty Cowan and Ian Dale.').text).toContain('Alasdair Brodie, Kirsty Cowan');
    expect(normalise('Also present: Ms Zainab Mohammed-\nReid (Healthwatch) and Dr Lee.').text).toContain('Zainab Mohammed-Reid');
    expect(normalise('Councillors Bell and Hugh\nPenrose (Stourley) attended.').text).toContain('Hugh Penrose (Stourley)');
    // one entry a line, a heading over a date, and a sentence end are no wrapped name
    expect(normalise('Present:\nJo Bell\nKim Lee\nSam Roe').text).toBe('Present:\nJo Bell\nKim Lee\nSam Roe');
    expect(normalise('Cabinet, Council House\nThursday, 20 June 2024').text).toContain('House\nThursday');
    expect(normalise('Present: Cllr Ann Ross, Cllr Ian Dale\nApologies: Cllr Kim Lee').text).toContain('Dale\nApologies');
  });

  it('stays linear on one long line of list-like text', () => {
    const line = 'Ann Ross, '.repeat(40_000) + 'Brodie';
    const t = normalise(line + '\nCowan, done').text;
    expect(t.endsWith('Brodie Cowan, done')).toBe(true);
  });

  it('repairs encoding debris ("post?16", "Challenges.?")', () => {
    const t = normalise('schools and post?16 providers. Key Successes and Challenges.?\nNext').text;
    expect(t).toContain('post-16 providers');
    expect(t).toContain('Challenges.\nNext');
  });

  it('turns bullets of every kind into "- " lines, including inline table-dump bullets', () => {
    const t = normalise('noted: \u00b7 First point. \u00b7 Second point.\n\u2022 Third\nv   Fourth\n-   Fifth').text;
    expect(t.split('\n')).toEqual(['noted:', '- First point.', '- Second point.', '- Third', '- Fourth', '- Fifth']);
    expect(normalise('consideration: o It was requested that X. o As a result Y.').text).toBe(
      'consideration:\n- It was requested that X.\n- As a result Y.',
    );
  });

  it('joins a sentence broken across a page break', () => {
    const t = normalise('Children would be able to access CAMHS\n\nassessments when needed.').text;
    expect(t).toBe('Children would be able to access CAMHS assessments when needed.');
  });

  it('keeps field separators of web pages as tabs so names do not run on', () => {
    expect(normalise('Contact: Harriet Lomas  Democratic Services Officer').text).toBe('Contact: Harriet Lomas\tDemocratic Services Officer');
  });

  it('removes markdown syntax', () => {
    expect(normalise('## 1. Welcome\n\n**Present:** Councillor Smith\n\n---\n').text).toBe('1. Welcome\n\nPresent: Councillor Smith\n\n');
  });

  it('maps every span back inside the original, in order, on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (raw) => {
        const n = normalise(raw);
        let last = 0;
        for (let i = 0; i < n.text.length; i += 7) {
          const s = sourceSpan(n, i, Math.min(n.text.length, i + 5));
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(raw.length);
          expect(s.start).toBeLessThanOrEqual(s.end);
          expect(s.start).toBeGreaterThanOrEqual(last);
          last = s.start;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('quotes unchanged text character for character', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z ,.]{1,200}$/), (raw) => {
        const n = normalise(`Intro \u2019x\u2019 ${raw}`);
        const words = n.text.split(/\s+/).filter((w) => /^[A-Za-z]{3,}$/.test(w));
        for (const w of words.slice(0, 5)) {
          const at = n.text.indexOf(w);
          const s = sourceSpan(n, at, at + w.length);
          expect(n.original.slice(s.start, s.end)).toBe(w);
        }
      }),
      { numRuns: 200 },
    );
  });
});
