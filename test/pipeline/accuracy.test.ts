/**
 * Golden-file accuracy: the whole pipeline scored against answer keys, with floors pinned a
 * little under what it reaches so that a regression fails CI.
 *
 * - The real seeds and dev excerpts live outside the repository (../shared); these tests skip
 *   with a visible message where that is absent.
 * - Our own sample minutes (ingest/) and their key (test/fixtures/sample-gold) always run.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateCorpus, type EvalReport } from '../../src/eval/evaluate.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));

/** Issue 2's targets on the seeds, and the floors this code reaches comfortably. */
const SEED_FLOORS: Record<string, number> = {
  chair: 0.95,
  members_present: 0.95,
  apologies: 0.95,
  items: 0.95,
  attendees: 0.95,
  presenters: 0.95,
  introducers: 0.95,
  people: 0.95,
  roles: 0.95,
  requests: 0.9,
  deferrals: 0.95,
  strategies: 0.93,
};

function f1(report: EvalReport, field: string): number {
  const score = report.fields[field as keyof EvalReport['fields']];
  return score.f1 ?? 1;
}

function failures(report: EvalReport, floors: Record<string, number>): string[] {
  return Object.entries(floors)
    .filter(([field, floor]) => f1(report, field) < floor)
    .map(([field, floor]) => `${field}: F1 ${f1(report, field).toFixed(3)} < floor ${floor}`);
}

const haveShared = existsSync(`${SHARED}/corpus/seeds`) && existsSync(`${SHARED}/gold/seeds`);
if (!haveShared) {
  console.warn(`[test/pipeline/accuracy] skipping the real-minutes accuracy tests: ${SHARED}/corpus is absent (real minutes stay outside the repository)`);
}

describe.skipIf(!haveShared)('accuracy on the real seed minutes (../shared/corpus/seeds)', () => {
  it('meets issue 2 targets on every field and macro F1 ≥ 0.97', { timeout: 600_000 }, async () => {
    const report = await evaluateCorpus({ corpusDir: `${SHARED}/corpus/seeds`, goldDir: `${SHARED}/gold/seeds`, baseline: false });
    expect(report.documents.filter((d) => d.error)).toEqual([]);
    expect(failures(report, SEED_FLOORS)).toEqual([]);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.97);
    expect(report.fields['meeting.date'].fp).toBe(0);
  });
});

/**
 * The dev excerpts are the closest to minutes we do not have: 46 pages from about 40 councils.
 * Floors sit a little under what this code reaches end to end (macro 0.941; people 0.998, roles
 * 0.929, attendees 0.821, presenters 0.952, requests 0.818, deferrals 0.875, strategies 0.825).
 */
const DEV_FLOORS: Record<string, number> = {
  people: 0.97,
  members_present: 0.97,
  apologies: 0.95,
  items: 0.95,
  chair: 0.85,
  roles: 0.88,
  attendees: 0.78,
  presenters: 0.9,
  introducers: 0.9,
  requests: 0.76,
  deferrals: 0.8,
  strategies: 0.78,
};

describe.skipIf(!haveShared || !existsSync(`${SHARED}/corpus/dev`))('accuracy on the real dev excerpts (other councils)', () => {
  it('macro F1 ≥ 0.92, person precision ≥ 0.97, every field over its floor, and never invents a date', { timeout: 600_000 }, async () => {
    const report = await evaluateCorpus({ corpusDir: `${SHARED}/corpus/dev`, goldDir: `${SHARED}/gold/dev`, baseline: false });
    expect(report.macroF1).toBeGreaterThanOrEqual(0.92);
    expect(report.fields['meeting.date'].fp).toBe(0);
    expect(report.fields.people.precision!).toBeGreaterThanOrEqual(0.97);
    expect(failures(report, DEV_FLOORS)).toEqual([]);
  });
});

/**
 * Blind sets A, B and G: minutes written from a description of house styles by a writer who never
 * saw the rules (test/fixtures/blind/). Tuned on since their first look, so floors, not estimates.
 */
for (const [set, macro] of [['set-a', 0.86], ['set-b', 0.81], ['set-g', 0.87]] as const) {
  describe(`accuracy on blind ${set} (test/fixtures/blind/${set})`, () => {
    it(`macro F1 ≥ ${macro} and person precision ≥ 0.88`, { timeout: 600_000 }, async () => {
      const dir = `${ROOT}/test/fixtures/blind/${set}`;
      const report = await evaluateCorpus({ corpusDir: dir, goldDir: dir, baseline: false });
      expect(report.documents.filter((d) => d.error)).toEqual([]);
      expect(report.macroF1).toBeGreaterThanOrEqual(macro);
      expect(report.fields.people.precision!).toBeGreaterThanOrEqual(0.88);
      expect(report.fields['meeting.date'].fp).toBe(0);
    });
  });
}

describe('accuracy on our own sample minutes (ingest/)', () => {
  it('macro F1 ≥ 0.93 with every field ≥ 0.8, and beats the compromise baseline on people', { timeout: 600_000 }, async () => {
    const report = await evaluateCorpus({ corpusDir: `${ROOT}/ingest`, goldDir: `${ROOT}/test/fixtures/sample-gold`, baseline: true });
    expect(report.documents.filter((d) => d.error)).toEqual([]);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.93);
    const fields = Object.keys(report.fields).filter((f) => report.fields[f as keyof EvalReport['fields']].f1 !== null);
    expect(failures(report, Object.fromEntries(fields.map((f) => [f, 0.8])))).toEqual([]);
    expect(report.fields.people.f1!).toBeGreaterThan(report.baseline!.score.f1!);
  });
});
