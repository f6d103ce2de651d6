/**
 * What the dashboard's workbench reads and writes through the API, on every store: a document's
 * text and where it is published, evidence that names its meeting and page, paths that leave
 * absences out unless asked, the home view's rankings, and corrections handed to a sink.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorrectionRequest, CorrectionSink } from '../../src/api/corrections.ts';
import { pageOf } from '../../src/api/resolvers/evidence.ts';
import { ID, fixtureTexts } from './fixture.ts';
import { apiOver, type ApiHarness, type OpenedStore, STORE_CASES } from './harness.ts';

/** A sink that keeps what it was given: the test double for issue 9's corrections file. */
class RecordingSink implements CorrectionSink {
  readonly recorded: CorrectionRequest[] = [];
  async record(c: CorrectionRequest) {
    this.recorded.push(c);
    return { id: `c${this.recorded.length}`, applied: true, message: `recorded ${c.kind}` };
  }
}

describe.each(STORE_CASES)('workbench reads on the $name store', (storeCase) => {
  let opened: OpenedStore;
  let h: ApiHarness;
  beforeAll(async () => {
    opened = await storeCase.open();
    h = await apiOver(opened.store, storeCase.apiOptions);
  });
  afterAll(async () => {
    await h?.api.stop();
    await opened?.close();
  });

  it('serves a document as ingested, and every evidence span points into it', async () => {
    const d = await h.data(`{ person(name: "Helen Sweaton") { itemParticipation { evidence {
      start end sentence page meeting { id date } item { id } source { id url format text pageStarts } } } } }`);
    const evidence = d.person.itemParticipation.flatMap((p: { evidence: unknown[] }) => p.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) {
      expect(e.source.text).toBe(fixtureTexts().get(e.source.id));
      expect(e.source.text.slice(e.start, e.end)).toBe(e.sentence);
      expect(e.page).toBeNull();
      expect(e.source.pageStarts).toBeNull();
      expect(e.source.url).toBeNull();
      expect(e.meeting.id).toMatch(/^meeting:/);
    }
  });

  it('names the meeting of evidence outside any item from its document', async () => {
    const d = await h.data(`query($id: ID!) { meeting(id: $id) { participation(relation: SENT_APOLOGIES) { evidence { item { id } meeting { id } } } } }`, { id: ID.m1 });
    const ev = d.meeting.participation[0].evidence[0];
    expect(ev.item).toBeNull();
    expect(ev.meeting.id).toBe(ID.m1);
  });

  it('keeps "sent apologies" out of paths unless asked for', async () => {
    const q = `query($a: ID!, $b: ID!, $r: [String!]) { path(from: $a, to: $b, maxHops: 4, relations: $r) { edges { type } } }`;
    expect((await h.data(q, { a: ID.bower, b: ID.brent })).path).toBeNull();
    const asked = await h.data(q, { a: ID.bower, b: ID.brent, r: ['SENT_APOLOGIES', 'ATTENDED', 'CHAIRED'] });
    expect(asked.path.edges.map((e: { type: string }) => e.type)).toContain('SENT_APOLOGIES');
    const wrong = await h.run(q, { a: ID.bower, b: ID.brent, r: ['ATTENDS'] });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toMatch(/ATTENDS/);
  });

  it('starts where the analyst is: busiest bodies, latest meetings, most active people and strategies', async () => {
    const d = await h.data(`{ overview(first: 3) {
      bodies { body { id } meetings lastMet } latestMeetings { id date }
      people { person { id } meetings items } strategies { strategy { id } items lastSeen } } }`);
    const o = d.overview;
    expect(o.bodies[0]).toEqual({ body: { id: ID.ilsc }, meetings: 3, lastMet: '2025-11-04' });
    expect(o.latestMeetings.map((m: { date: string }) => m.date)).toEqual(['2025-11-04', '2025-09-10', '2025-07-22']);
    expect(o.people.length).toBe(3);
    for (let i = 1; i < o.people.length; i++) {
      // The store ranks by distinct meetings and items reached: the two counts shown.
      expect(o.people[i].meetings + o.people[i].items).toBeLessThanOrEqual(o.people[i - 1].meetings + o.people[i - 1].items);
    }
    expect(o.people.map((p: { person: { id: string } }) => p.person.id)).toContain(ID.helen);
    expect(o.strategies[0].items).toBeGreaterThan(0);
    expect((await h.run(`{ overview(first: 51) { latestMeetings { id } } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is read-only without a corrections sink', async () => {
    expect((await h.data(`{ capabilities { corrections } }`)).capabilities.corrections).toBe(false);
    const r = await h.run(`mutation { correct(input: { kind: RENAME, ids: ["${ID.helen}"], name: "Helen Sweeton" }) { id } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('READ_ONLY');
  });
});

describe('corrections through the API, into a sink', () => {
  let opened: OpenedStore;
  let h: ApiHarness;
  const sink = new RecordingSink();
  beforeAll(async () => {
    opened = await STORE_CASES[0]!.open();
    h = await apiOver(opened.store, { corrections: sink });
  });
  afterAll(async () => {
    await h?.api.stop();
    await opened?.close();
  });

  const correct = `mutation($input: CorrectionInput!) { correct(input: $input) { id kind applied message } }`;

  it('hands a valid correction to the sink, with the evidence the analyst was reading', async () => {
    expect((await h.data(`{ capabilities { corrections } }`)).capabilities.corrections).toBe(true);
    const d = await h.data(correct, {
      input: { kind: 'REJECT', ids: [ID.helen, ID.i1a], relation: 'PRESENTED', note: ' She only attended. ', evidence: { source: ID.doc1, start: 0, end: 10 } },
    });
    expect(d.correct).toEqual({ id: 'c1', kind: 'REJECT', applied: true, message: 'recorded REJECT' });
    expect(sink.recorded[0]).toEqual({
      kind: 'REJECT',
      ids: [ID.helen, ID.i1a],
      relation: 'PRESENTED',
      name: null,
      note: 'She only attended.',
      evidence: { source: ID.doc1, start: 0, end: 10 },
    });
    await h.data(correct, { input: { kind: 'MERGE', ids: [ID.helen, ID.hannah] } });
    expect(sink.recorded[1]!.kind).toBe('MERGE');
  });

  it('refuses what the corrections file could not hold, saying what to change', async () => {
    const refused = async (input: Record<string, unknown>, pattern: RegExp) => {
      const r = await h.run(correct, { input });
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(pattern);
    };
    const before = sink.recorded.length;
    await refused({ kind: 'MERGE', ids: [ID.helen] }, /two entities/);
    await refused({ kind: 'MERGE', ids: [ID.helen, ID.helen] }, /two different ids/);
    await refused({ kind: 'REJECT', ids: [ID.helen, ID.i1a] }, /relation, one of/);
    await refused({ kind: 'REJECT', ids: [ID.helen, ID.i1a], relation: 'PRESENTS' }, /relation, one of/);
    await refused({ kind: 'RENAME', ids: [ID.helen] }, /needs name/);
    await refused({ kind: 'ADD', ids: [ID.helen, 'person:nobody'], relation: 'PRESENTED' }, /person:nobody/);
    await refused({ kind: 'SPLIT', ids: [ID.helen, ID.mark], evidence: { source: 'doc:nowhere', start: 0, end: 1 } }, /not a stored document/);
    await refused({ kind: 'RENAME', ids: [ID.helen], name: 'x', note: 'n'.repeat(2001) }, /note is longer/);
    expect(sink.recorded.length).toBe(before);
  });
});

describe('pageOf', () => {
  it('finds the page holding an offset', () => {
    const starts = [0, 100, 250];
    expect([0, 99, 100, 249, 250, 10_000].map((o) => pageOf(starts, o))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(pageOf([0], 5)).toBe(1);
  });
});
