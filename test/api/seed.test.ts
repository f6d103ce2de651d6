/**
 * The API over the real seed minutes (../shared, outside the repository; skipped with a
 * message where absent): ingested with the real pipeline into Kuzu, asked the headline
 * question, and walked through every contract field of every meeting.
 *
 * The headline answer is checked against the answer key (../shared/gold/seeds): the items
 * Helen Sweaton presented, by title and meeting date.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestStore } from '../../src/graph/store.ts';
import { apiOver, type ApiHarness } from './harness.ts';

const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
const SEEDS = join(SHARED, 'corpus', 'seeds');
const GOLD = join(SHARED, 'gold', 'seeds');
const present = existsSync(SEEDS) && existsSync(GOLD);
if (!present) console.warn(`[test/api/seed] SKIPPED: the seed minutes and answer key are not at ${SEEDS} and ${GOLD} (they live outside the repository).`);

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .replace(/[^a-z0-9 ]+/g, ' ')
      .split(/\s+/)
      .filter((w) => w && !['the', 'of', 'and', 'a', 'an', 'to', 'for', 'on', 'in'].includes(w)),
  );
/** The answer key's text rule: Jaccard of word sets ≥ 0.5. */
function sameText(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  const common = [...x].filter((w) => y.has(w)).length;
  return common / (x.size + y.size - common) >= 0.5;
}

interface GoldDoc {
  meeting: { date: string | null };
  items: { title: string; presenters: string[] }[];
}

describe.skipIf(!present)('the API over the seed minutes', () => {
  let dir: string;
  let store: IngestStore;
  let h: ApiHarness;

  beforeAll(async () => {
    const { openStore } = await import('../../src/graph/stores/open.ts');
    const { ingestPaths } = await import('../../src/ingest/ingest.ts');
    dir = mkdtempSync(join(tmpdir(), 'councilgraph-seeds-'));
    store = await openStore({ db: join(dir, 'db') });
    const summary = await ingestPaths(store, [SEEDS], { root: SHARED });
    expect(summary.failures).toEqual([]);
    h = await apiOver(store);
  }, 180_000);
  afterAll(async () => {
    await h?.api.stop();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers "which items did Helen Sweaton present?" as the answer key does', async () => {
    const expected: { title: string; date: string | null }[] = [];
    for (const f of readdirSync(GOLD).filter((n) => n.endsWith('.json'))) {
      const gold = JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as GoldDoc;
      for (const item of gold.items) {
        if (item.presenters.some((p) => /sweat?ton/i.test(p))) expected.push({ title: item.title, date: gold.meeting.date });
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    for (const name of ['Helen Sweaton', 'Helen Sweatton', 'helen sweaton']) {
      const d = await h.data(`query($n: String!) { person(name: $n) { name presented { title meeting { date } } } }`, { n: name });
      expect(d.person?.name).toBe('Helen Sweaton');
      const got = d.person.presented as { title: string; meeting: { date: string | null } }[];
      expect(got).toHaveLength(expected.length);
      for (const e of expected) {
        expect(got.some((g) => sameText(g.title, e.title) && g.meeting.date === e.date), `${e.title} (${e.date})`).toBe(true);
      }
    }
  });

  it('resolves every contract field of every meeting, with evidence from a seed document', async () => {
    const d = await h.data(`{
      meetings(first: 20) {
        id date body { id name } chair { id name } members { id name } apologies { id name } attendees { id name }
        sources { id name }
        items {
          id number title meeting { id }
          attendees { id } presenters { id name aliases roles { title body { name } firstSeen lastSeen } }
          introducers { id }
          requests { text by { name } item { id } evidence { sentence start end source { name } } }
          deferrals { subject to item { id } evidence { sentence start end source { name } } }
          strategies { id name } topics { id name }
          evidence { sentence start end source { name } }
        }
      }
    }`);
    const { people } = await h.data(`{ people(first: 300) { id name presented(first: 50) { id } introduced(first: 50) { id } attended(first: 50) { id } chaired(first: 50) { id } apologies(first: 50) { id } } }`);
    const seedFiles = new Set(readdirSync(SEEDS));
    expect(d.meetings.length).toBeGreaterThanOrEqual(seedFiles.size - 1);
    const evidence: { sentence: string; start: number; end: number; source: { name: string } }[] = [];
    for (const m of d.meetings) {
      expect(m.body.name).toBeTruthy();
      if (m.date !== null) expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(m.sources.length).toBeGreaterThan(0);
      for (const s of m.sources) expect(seedFiles.has(s.name)).toBe(true);
      const attendees = new Set(m.attendees.map((p: { id: string }) => p.id));
      for (const p of [...m.members, ...(m.chair ? [m.chair] : [])]) expect(attendees.has(p.id)).toBe(true);
      for (const item of m.items) {
        expect(item.meeting.id).toBe(m.id);
        expect(item.title).toBeTruthy();
        for (const p of [...item.attendees, ...item.presenters, ...item.introducers]) expect(attendees.has(p.id)).toBe(true);
        for (const r of item.requests) expect(r.item.id).toBe(item.id);
        for (const x of item.deferrals) {
          expect(x.item.id).toBe(item.id);
          if (x.to !== null) expect(x.to).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
        }
        evidence.push(...item.evidence, ...item.requests.flatMap((r: { evidence: never[] }) => r.evidence), ...item.deferrals.flatMap((r: { evidence: never[] }) => r.evidence));
      }
    }
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) {
      expect(e.sentence.length).toBeGreaterThan(0);
      expect(e.end).toBeGreaterThanOrEqual(e.start);
      expect(seedFiles.has(e.source.name)).toBe(true);
    }
    // Person lists agree with the meetings' lists (the same facts seen from both ends).
    const presentedByMeetings = new Set<string>();
    for (const m of d.meetings) for (const i of m.items) for (const p of i.presenters) presentedByMeetings.add(`${p.id}|${i.id}`);
    const presentedByPeople = new Set<string>();
    for (const p of people) for (const i of p.presented) presentedByPeople.add(`${p.id}|${i.id}`);
    expect(presentedByPeople).toEqual(presentedByMeetings);
  });
});
