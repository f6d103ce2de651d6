import { describe, expect, it } from 'vitest';
import { generateCorpus, planCorpus } from './corpus.ts';

const bytes = (docs: { text: string }[]) => docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
const meetingIds = (docs: { name: string }[]) => new Set(docs.map((d) => d.name.split('-')[0]));
const formatOf = (name: string) => name.replace(/\.txt$/, '').split('-').pop();

describe('generateCorpus', () => {
  it('gives the same documents for the same seed, and different ones for another seed', () => {
    const a = generateCorpus({ meetings: 60, seed: 7 });
    const b = generateCorpus({ meetings: 60, seed: 7 });
    const c = generateCorpus({ meetings: 60, seed: 8 });
    expect(b).toEqual(a);
    expect(c.map((d) => d.text)).not.toEqual(a.map((d) => d.text));
  });

  it('keeps the first meetings unchanged when the corpus grows', () => {
    const small = generateCorpus({ meetings: 30, seed: 3 });
    const large = generateCorpus({ meetings: 90, seed: 3 });
    expect(large.slice(0, small.length)).toEqual(small);
  });

  it('produces one document per meeting, plus second publications at the republish rate', () => {
    const none = generateCorpus({ meetings: 200, seed: 1, republishRate: 0 });
    expect(none).toHaveLength(200);
    expect(meetingIds(none).size).toBe(200);

    const all = generateCorpus({ meetings: 50, seed: 1, republishRate: 1 });
    expect(all).toHaveLength(100);
    expect(meetingIds(all).size).toBe(50);
    // A republished meeting appears as two different layouts of the same meeting.
    const [first, second] = all.filter((d) => d.name.startsWith('m00000-'));
    expect(formatOf(first!.name)).not.toBe(formatOf(second!.name));

    const names = generateCorpus({ meetings: 300, seed: 2 }).map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('covers every layout: web page, table dump, printed minutes and fragments', () => {
    const docs = generateCorpus({ meetings: 300, seed: 11 });
    const byFormat = new Map<string, string[]>();
    for (const d of docs) byFormat.set(formatOf(d.name)!, [...(byFormat.get(formatOf(d.name)!) ?? []), d.text]);
    expect([...byFormat.keys()].sort()).toEqual(['fragment', 'printed', 'table', 'web']);

    for (const text of byFormat.get('web')!) {
      expect(text).toMatch(/^Agenda and (draft )?minutes\n\n.+ - \w+day \d{1,2} \w+ \d{4} /);
      expect(text).toMatch(/\n\d+\.\n\n/);
      expect(text).toContain('\nMinutes:\n');
    }
    for (const text of byFormat.get('table')!) {
      expect(text).toContain('| No. | Item |');
      expect(text).toMatch(/ Minutes: /);
      // Table dumps carry neither item numbers nor the meeting date in a header.
      expect(text).not.toMatch(/\n\d+\.\n/);
      expect(text).not.toMatch(/\w+day \d{1,2} \w+ \d{4}/);
    }
    for (const text of byFormat.get('printed')!) {
      expect(text).toMatch(/PRESENT:-|Present:-/);
      expect(text).toMatch(/\n\d+(\/\d\d|\.) [A-Z][A-Z' ]+/);
    }
    for (const text of byFormat.get('fragment')!) {
      expect(text).not.toMatch(/^Agenda and/);
      expect(text).not.toMatch(/Present:-|PRESENT:-/);
    }
  });

  it('writes the language the extractor must handle', () => {
    const all = generateCorpus({ meetings: 400, seed: 5 })
      .map((d) => d.text)
      .join('\n');
    for (const phrase of [
      'The Chair welcomed to the meeting',
      'Also in attendance',
      'to give the presentation',
      'introduced the report',
      '(representing ',
      'Requested that',
      'be moved to',
      'deferred until the next meeting on',
      'deferred to a future meeting',
      'was approved at Cabinet in',
      'fed into the',
      'chaired by the',
      'Deputy Leader and Cabinet Member',
      'Vice-Chair, provided an overview',
      'view the full minutes text for item',
      'pdf icon PDF',
      'County Councillor',
      'Cllr ',
      'The Chairman',
    ]) {
      expect(all, phrase).toContain(phrase);
    }
    // Printed layouts break hyphenated names the way PDF extraction does.
    expect(all).toMatch(/\b[A-Z][a-z]+- [A-Z][a-z]+\b/);
  });

  it('lets people recur across meetings, with posts that change over time', () => {
    const plans = planCorpus({ meetings: 400, seed: 9 });
    const chairs = new Map<string, Set<string>>();
    for (const { plan } of plans) {
      const key = `${plan.council.slug}/${plan.committee}`;
      chairs.set(key, (chairs.get(key) ?? new Set()).add(plan.chair));
    }
    // The same committee has several meetings, and its chair changes between terms.
    expect([...chairs.values()].some((s) => s.size > 1)).toBe(true);
    expect(plans.length).toBeGreaterThan(chairs.size);
    const text = generateCorpus({ meetings: 400, seed: 9 })
      .map((d) => d.text)
      .join('\n');
    expect(text).toMatch(/the Cabinet Member for Children and Families/);
    expect(text).toMatch(/the Deputy Leader and Cabinet Member for Children and Families/);
  });

  it('scales in size with the number of meetings and with detail', () => {
    const m100 = bytes(generateCorpus({ meetings: 100, seed: 4 }));
    const m400 = bytes(generateCorpus({ meetings: 400, seed: 4 }));
    expect(m100 / 100).toBeGreaterThan(6_000);
    expect(m100 / 100).toBeLessThan(20_000);
    expect(m400 / m100).toBeGreaterThan(3.3);
    expect(m400 / m100).toBeLessThan(4.7);
    const detailed = bytes(generateCorpus({ meetings: 100, seed: 4, detail: 3 }));
    expect(detailed / m100).toBeGreaterThan(1.3);
  });

  it('rejects options it cannot honour, saying which', () => {
    expect(() => generateCorpus({ meetings: -1, seed: 1 })).toThrow(/meetings/);
    expect(() => generateCorpus({ meetings: 1.5, seed: 1 })).toThrow(/meetings/);
    expect(() => generateCorpus({ meetings: 1, seed: Number.NaN })).toThrow(/seed/);
    expect(() => generateCorpus({ meetings: 1, seed: 1, republishRate: 2 })).toThrow(/republishRate/);
    expect(() => generateCorpus({ meetings: 1, seed: 1, detail: 0 })).toThrow(/detail/);
    expect(generateCorpus({ meetings: 0, seed: 1 })).toEqual([]);
  });
});
