import { describe, expect, it } from 'vitest';
import { nameScore, textScore } from '../../src/eval/match.ts';
import {
  compareSets,
  FIELDS,
  greedyPairs,
  macroF1,
  mergeDuplicateItems,
  scoreDocument,
  scorePersonMentions,
  sumDocuments,
  summarise,
  type Field,
} from '../../src/eval/score.ts';
import { goldDoc, goldItem } from './helpers.ts';

function only(counts: ReturnType<typeof scoreDocument>, fields: Field[]) {
  return Object.fromEntries(fields.map((f) => [f, counts[f]]));
}

describe('sets: dedupe and greedy one-to-one pairing', () => {
  it('counts duplicates that match each other once, on either side', () => {
    expect(compareSets(['Councillor Brent', 'Brent', 'BRENT'], ['Cllr Brent'], nameScore)).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(compareSets(['Councillor Brent'], ['Brent', 'Councillor Brent', 'Cllr. Brent'], nameScore)).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
  it('pairs each entry at most once', () => {
    // "Collingham" matches both gold people, but can only be one of them.
    expect(compareSets(['Tom Collingham', 'Jo Collingham'], ['Collingham'], nameScore)).toEqual({ tp: 1, fp: 0, fn: 1 });
  });
  it('pairs the closest matches first, so a loose match does not steal an exact one', () => {
    // Gold order would give "T Collingham" to "Tom Collingham" first if pairing were first-come.
    const pairs = greedyPairs(['T Collingham', 'Tom Collingham'], ['Tom Collingham', 'Tim Collingham'], nameScore);
    expect(pairs).toContainEqual([1, 0]);
    expect(pairs).toContainEqual([0, 1]);
    // As sets, though, "T Collingham" and "Tom Collingham" match each other and count once.
    expect(compareSets(['T Collingham', 'Tom Collingham'], ['Tom Collingham', 'Tim Collingham'], nameScore)).toEqual({ tp: 1, fp: 1, fn: 0 });
  });
  it('dedupes texts by the same 0.5 rule, even two names a reader would keep apart', () => {
    // Jaccard({care,leavers,covenant},{care,leavers,charter}) = 2/4: the literal rule merges them.
    expect(compareSets(['Care Leavers Covenant', 'Care Leavers Charter'], ['Care Leavers Charter'], textScore)).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
  it('counts unmatched entries as FP and FN', () => {
    expect(compareSets(['Councillor Brent', 'Councillor Bower'], ['Councillor Brent', 'Councillor Monk', 'Councillor Hughes'], nameScore)).toEqual({ tp: 1, fp: 2, fn: 1 });
  });
});

describe('document fields', () => {
  it('meeting.date is exact, and a date where gold has null is a FP', () => {
    const d = (date: string | null) => goldDoc({ meeting: { body: null, date } });
    expect(scoreDocument(d('2025-11-04'), d('2025-11-04'))['meeting.date']).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scoreDocument(d('2025-11-04'), d('2025-11-05'))['meeting.date']).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(scoreDocument(d(null), d('2025-11-04'))['meeting.date']).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(scoreDocument(d('2025-11-04'), d(null))['meeting.date']).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(scoreDocument(d(null), d(null))['meeting.date']).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
  it('meeting.body matches as a text', () => {
    const d = (body: string | null) => goldDoc({ meeting: { body, date: null } });
    expect(scoreDocument(d('Improving Lives Select Commission'), d('the Improving Lives Select Commission'))['meeting.body']).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scoreDocument(d('Improving Lives Select Commission'), d('Improving Places Select Commission'))['meeting.body']).toEqual({ tp: 1, fp: 0, fn: 0 }); // 3/5
    expect(scoreDocument(d('Health Scrutiny Panel'), d('Cabinet'))['meeting.body']).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
  it('chair is a one-element set of names', () => {
    const d = (chair: string | null) => goldDoc({ chair });
    expect(scoreDocument(d('Councillor Brent'), d('Brent')).chair).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scoreDocument(d(null), d('Councillor Brent')).chair).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(scoreDocument(d('Councillor Brent'), d(null)).chair).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(scoreDocument(d('Councillor Brent'), d('Councillor Bower')).chair).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
  it('members_present and apologies are name sets', () => {
    const gold = goldDoc({ members_present: ['Councillor Brent', 'Councillor T. Collingham'], apologies: ['Councillor Bower'] });
    const pred = goldDoc({ members_present: ['Brent', 'Tom Collingham', 'Councillor Bower'], apologies: [] });
    expect(only(scoreDocument(gold, pred), ['members_present', 'apologies'])).toEqual({
      members_present: { tp: 2, fp: 1, fn: 0 },
      apologies: { tp: 0, fp: 0, fn: 1 },
    });
  });
  it('people match by any name or alias; roles are (person, role) pairs', () => {
    const gold = goldDoc({
      people: [
        { name: 'Helen Sweaton', aliases: ['Helen Sweatton'], roles: ['Joint Assistant Director for Commissioning and Performance', 'Chair of the Children and Care Sufficiency Board'] },
        { name: 'Mark Cummins', aliases: [], roles: ['SEND Transformation Project Lead'] },
      ],
    });
    const pred = goldDoc({
      people: [
        { name: 'Helen Sweatton', aliases: [], roles: ['Joint Assistant Director, Commissioning and Performance'] },
        { name: 'Mark Cummins', aliases: [], roles: ['Head of Service for SEND'] },
        { name: 'Jayne Fitzgerald', aliases: [], roles: [] },
      ],
    });
    expect(only(scoreDocument(gold, pred), ['people', 'roles'])).toEqual({
      people: { tp: 2, fp: 1, fn: 0 },
      roles: { tp: 1, fp: 1, fn: 2 },
    });
  });
  it('a role given to the wrong person does not count', () => {
    const gold = goldDoc({ people: [{ name: 'Sarah Whitby', aliases: [], roles: ['Head of Access to Education'] }] });
    const pred = goldDoc({ people: [{ name: 'Cathryn Woodward', aliases: [], roles: ['Head of Access to Education'] }] });
    expect(scoreDocument(gold, pred).roles).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
});

describe('items and their lists', () => {
  const gold = goldDoc({
    items: [
      goldItem({
        number: '14',
        title: "The Looked After Children's Sufficiency Strategy Update",
        attendees: ['Councillor Cusworth', 'Helen Sweaton'],
        presenters: ['Helen Sweaton'],
        introducers: ['Councillor Cusworth'],
        requests: ['additional information on the Empower Service'],
        deferrals: [{ subject: 'Response to the Prevention of Future Deaths Report', to: '2025-12' }],
        strategies: ["Looked After Children's Sufficiency Strategy"],
      }),
      goldItem({ number: '15', title: 'SEND Sufficiency Update', presenters: ['Mark Cummins'], strategies: ['SEND Strategy', 'Council Plan'] }),
    ],
  });

  it('compares lists only within matched items', () => {
    const pred = goldDoc({
      items: [
        goldItem({
          number: '14',
          title: 'Looked After Children Sufficiency Strategy',
          attendees: ['Cllr Cusworth', 'Helen Sweaton', 'Mark Cummins'],
          presenters: ['Helen Sweaton'],
          introducers: [],
          requests: ['information on the Empower Service'],
          deferrals: [{ subject: 'Prevention of Future Deaths Report response', to: '2025-12-02' }],
          strategies: ['Looked After Children’s Sufficiency Strategy'],
        }),
        // Number 15 with an unrelated title (no shared word): not the same item.
        goldItem({ number: '15', title: 'Work Programme', presenters: ['Mark Cummins'] }),
      ],
    });
    expect(only(scoreDocument(gold, pred), ['items', 'attendees', 'presenters', 'introducers', 'requests', 'deferrals', 'strategies'])).toEqual({
      items: { tp: 1, fp: 1, fn: 1 },
      attendees: { tp: 2, fp: 1, fn: 0 },
      // Mark Cummins is right by name but in an item that matched nothing: FN in gold 15, FP in pred 15.
      presenters: { tp: 1, fp: 1, fn: 1 },
      introducers: { tp: 0, fp: 0, fn: 1 },
      requests: { tp: 1, fp: 0, fn: 0 },
      deferrals: { tp: 1, fp: 0, fn: 0 },
      strategies: { tp: 1, fp: 0, fn: 2 },
    });
  });

  it('a person in the wrong item is a FP there and a FN where they belong', () => {
    const pred = goldDoc({
      items: [
        goldItem({ number: '14', title: "Looked After Children's Sufficiency Strategy Update", presenters: ['Helen Sweaton', 'Mark Cummins'] }),
        goldItem({ number: '15', title: 'SEND Sufficiency Update' }),
      ],
    });
    expect(scoreDocument(gold, pred).presenters).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it('matches unnumbered items by title', () => {
    const g = goldDoc({ items: [goldItem({ title: 'Work Programme', deferrals: [{ subject: 'Community Cohesion Projects Update', to: '2026-03' }] })] });
    const p = goldDoc({ items: [goldItem({ number: '16', title: 'WORK PROGRAMME', deferrals: [{ subject: 'Community Cohesion Projects Update', to: '2026-03' }] })] });
    expect(only(scoreDocument(g, p), ['items', 'deferrals'])).toEqual({ items: { tp: 1, fp: 0, fn: 0 }, deferrals: { tp: 1, fp: 0, fn: 0 } });
  });

  it('deferral dates: less precise than gold, dated vs undated, and month vs day duplicates', () => {
    const g = goldDoc({ items: [goldItem({ title: 'Work Programme', deferrals: [{ subject: 'Corporate Parenting Report', to: '2025-12-02' }, { subject: 'Cohesion Update', to: null }] })] });
    const p = goldDoc({ items: [goldItem({ title: 'Work Programme', deferrals: [{ subject: 'Corporate Parenting Report', to: '2025-12' }, { subject: 'Cohesion Update', to: '2026-03' }] })] });
    expect(scoreDocument(g, p).deferrals).toEqual({ tp: 0, fp: 2, fn: 2 });
    // Same subject, 2025-12 and 2025-12-02 in one list: not duplicates of each other (the day is more precise).
    const g2 = goldDoc({ items: [goldItem({ title: 'Work Programme', deferrals: [{ subject: 'Cohesion Update', to: '2025-12' }] })] });
    const p2 = goldDoc({ items: [goldItem({ title: 'Work Programme', deferrals: [{ subject: 'Cohesion Update', to: '2025-12' }, { subject: 'Cohesion Update', to: '2025-12-02' }] })] });
    expect(scoreDocument(g2, p2).deferrals).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it('merges items that match each other, pooling their lists, so a repeated item is counted once', () => {
    const items = [
      goldItem({ number: '14', title: 'LAC Sufficiency Strategy', presenters: ['Helen Sweaton'] }),
      goldItem({ number: '14', title: 'LAC Sufficiency Strategy Update', presenters: ['Helen Sweaton', 'Andrew Dyson'] }),
      goldItem({ number: '15', title: 'LAC Sufficiency Strategy' }),
    ];
    const merged = mergeDuplicateItems(items);
    expect(merged.map((i) => i.number)).toEqual(['14', '15']);
    expect(merged[0]!.presenters).toEqual(['Helen Sweaton', 'Helen Sweaton', 'Andrew Dyson']);
    expect(items[0]!.presenters).toEqual(['Helen Sweaton']); // input untouched
    const g = goldDoc({ items: [goldItem({ number: '14', title: 'LAC Sufficiency Strategy', presenters: ['Helen Sweaton', 'Andrew Dyson'] }), goldItem({ number: '15', title: 'LAC Sufficiency Strategy' })] });
    expect(only(scoreDocument(g, goldDoc({ items })), ['items', 'presenters'])).toEqual({ items: { tp: 2, fp: 0, fn: 0 }, presenters: { tp: 2, fp: 0, fn: 0 } });
  });

  it('an empty extraction gives FN for every gold entry and nothing else', () => {
    const counts = scoreDocument(gold, goldDoc());
    expect(counts.items).toEqual({ tp: 0, fp: 0, fn: 2 });
    expect(counts.presenters).toEqual({ tp: 0, fp: 0, fn: 2 });
    expect(counts.strategies).toEqual({ tp: 0, fp: 0, fn: 3 });
  });
});

describe('P, R, F1 and the macro mean', () => {
  it('computes P, R and F1 from the counts', () => {
    const s = summarise({ tp: 3, fp: 1, fn: 2 });
    expect(s.precision).toBeCloseTo(0.75);
    expect(s.recall).toBeCloseTo(0.6);
    expect(s.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
  });
  it('leaves P undefined with no predictions and R undefined with no gold; F1 is 0 if either side has entries', () => {
    expect(summarise({ tp: 0, fp: 0, fn: 4 })).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(summarise({ tp: 0, fp: 4, fn: 0 })).toMatchObject({ precision: 0, recall: null, f1: 0 });
  });
  it('marks a field with no gold and no predictions n/a and leaves it out of the macro mean', () => {
    const na = summarise({ tp: 0, fp: 0, fn: 0 });
    expect(na).toMatchObject({ precision: null, recall: null, f1: null });
    expect(macroF1([summarise({ tp: 1, fp: 0, fn: 0 }), summarise({ tp: 0, fp: 1, fn: 1 }), na])).toBeCloseTo(0.5);
    expect(macroF1([na, na])).toBeNull();
  });
  it('sums counts over documents before computing F1 (micro within a field)', () => {
    const a = scoreDocument(goldDoc({ chair: 'Councillor Brent' }), goldDoc({ chair: 'Councillor Brent' }));
    const b = scoreDocument(goldDoc({ chair: null }), goldDoc({ chair: 'Councillor Lay' }));
    const total = sumDocuments([a, b]);
    expect(total.chair).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(summarise(total.chair).f1).toBeCloseTo(2 / 3);
    expect(Object.keys(total)).toEqual([...FIELDS]);
  });
});

describe('baseline scoring', () => {
  it('scores plain mentions against people and their aliases, counting duplicates once', () => {
    const people = [
      { name: 'Helen Sweaton', aliases: ['Helen Sweatton'], roles: [] },
      { name: 'Councillor Brent', aliases: [], roles: [] },
    ];
    expect(scorePersonMentions(people, ['Helen Sweatton', 'Brent', 'Councillor Brent', 'Chair'])).toEqual({ tp: 2, fp: 1, fn: 0 });
    // Two spellings on the predicted side are two mentions: only one can pair with the person.
    expect(scorePersonMentions(people, ['Helen Sweatton', 'Helen Sweaton'])).toEqual({ tp: 1, fp: 1, fn: 1 });
  });
});
