/**
 * The real answer keys in ../shared: each must load, score 1.0 against itself on every field,
 * and survive the round trip through a "perfect extractor" and the projection.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateCorpus } from '../../src/eval/evaluate.ts';
import { loadGold, type GoldDocument } from '../../src/eval/gold.ts';
import { projectDocument } from '../../src/eval/project.ts';
import { FIELDS, scoreDocument, summarise } from '../../src/eval/score.ts';
import { goldToResolved } from './helpers.ts';

const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
const SETS = ['seeds', 'dev'] as const;
const present = SETS.filter((s) => existsSync(join(SHARED, 'gold', s)));
if (present.length < SETS.length) {
  console.warn(
    `[test/eval/real-gold] skipping ${SETS.filter((s) => !present.includes(s)).join(', ')}: ${join(SHARED, 'gold')} is absent (real minutes and their answer keys live outside the repository, in ../shared)`,
  );
}

for (const set of SETS) {
  const goldDir = join(SHARED, 'gold', set);
  const corpusDir = join(SHARED, 'corpus', set);
  const available = existsSync(goldDir);
  const files = available ? readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort() : [];

  describe.skipIf(!available)(`real gold: ${set}`, () => {
    it('has answer files', () => {
      expect(files.length).toBeGreaterThan(0);
    });

    it.each(files)('%s scores F1 1.0 against itself on every field it has', async (file) => {
      const gold = await loadGold(join(goldDir, file));
      const counts = scoreDocument(gold, gold);
      for (const f of FIELDS) {
        expect(counts[f].fp, `${file} ${f} fp`).toBe(0);
        expect(counts[f].fn, `${file} ${f} fn`).toBe(0);
        expect(summarise(counts[f]).f1 ?? 1, `${file} ${f} f1`).toBe(1);
      }
    });

    it.each(files)('%s survives gold → ResolvedDocument → projection unchanged', async (file) => {
      const gold = await loadGold(join(goldDir, file));
      const { doc, warnings } = projectDocument(goldToResolved(gold));
      expect(warnings).toEqual([]);
      expect(normalise(doc)).toEqual(normalise(gold));
    });

    it.skipIf(!existsSync(corpusDir))('a perfect extractor scores macro F1 1.0 over the corpus', async () => {
      const golds = new Map<string, GoldDocument>();
      for (const f of files) golds.set(f.replace(/\.json$/, ''), await loadGold(join(goldDir, f)));
      const report = await evaluateCorpus({
        corpusDir,
        goldDir,
        baseline: false,
        extract: (raw) => goldToResolved(golds.get(raw.id.replace(/\.[^.]+$/, ''))!, raw),
      });
      expect(report.documents.map((d) => d.goldFile)).toEqual(files);
      for (const f of FIELDS) {
        const s = report.fields[f];
        expect([s.fp, s.fn], f).toEqual([0, 0]);
        expect(s.f1, f).toBe(1);
      }
      expect(report.macroF1).toBe(1);
      expect(report.macroFields).toBe(FIELDS.length);
      // Every document is ingested into a fresh store and read back through the API (the graph
      // stage): ~50 s for dev on an idle 2-core machine, so a loaded one needs room.
    }, 240_000);
  });
}

/**
 * The projection dedupes exact repeats in person lists; the gold has none, but say so. It also
 * writes the record's fields (test/fixtures/KEY-FORMAT.md), empty for a FORMAT.md key, which
 * leaves them out: an empty list and an absent one say the same here.
 */
function normalise(doc: GoldDocument): GoldDocument {
  const uniq = (xs: string[]) => [...new Set(xs)];
  const dropEmpty = <T extends object>(o: T, keys: string[]): T =>
    Object.fromEntries(Object.entries(o).filter(([k, v]) => !(keys.includes(k) && Array.isArray(v) && v.length === 0))) as T;
  return dropEmpty(
    {
      ...doc,
      members_present: uniq(doc.members_present),
      apologies: uniq(doc.apologies),
      items: doc.items.map((i) =>
        dropEmpty({ ...i, attendees: uniq(i.attendees), presenters: uniq(i.presenters), introducers: uniq(i.introducers) }, ['decisions', 'asked']),
      ),
    },
    ['declarations', 'substitutions'],
  );
}
