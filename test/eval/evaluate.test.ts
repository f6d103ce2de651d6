import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compromisePeople } from '../../src/eval/baseline.ts';
import { EvalInputError, evaluateCorpus } from '../../src/eval/evaluate.ts';
import { GoldFileError } from '../../src/eval/gold.ts';
import { formatJson, formatText } from '../../src/eval/report.ts';
import { FIELDS } from '../../src/eval/score.ts';
import type { ResolvedDocument } from '../../src/resolve/types.ts';
import { GOLD, makeFixture } from './fixture.ts';
import { goldItem, goldToResolved } from './helpers.ts';

let fx: Awaited<ReturnType<typeof makeFixture>>;
beforeAll(async () => {
  fx = await makeFixture();
});
afterAll(async () => {
  await rm(fx.root, { recursive: true, force: true });
});

/** The gold with a few deliberate mistakes: a wrong chair, a missed apology, an extra presenter. */
function flawed(): ResolvedDocument {
  return goldToResolved({
    ...GOLD,
    chair: 'Councillor Quist',
    apologies: [],
    items: [{ ...GOLD.items[0]!, presenters: ['Priya Holt', 'Councillor Okafor'] }, GOLD.items[1]!],
  });
}

describe('evaluateCorpus', () => {
  it('pairs NAME.txt with NAME.json and lists what is unpaired', async () => {
    const report = await evaluateCorpus({ corpusDir: fx.corpus, goldDir: fx.gold, extract: flawed, baseline: false, stages: ['extract'] });
    expect(report.documents.map((d) => [d.id, d.goldFile])).toEqual([['nb-01.txt', 'nb-01.json']]);
    expect(report.corpusWithoutGold).toEqual(['nb-02.txt']);
    expect(report.goldWithoutCorpus).toEqual(['nb-03.json']);
    expect(report.baseline).toBeNull();
  });

  it('scores exactly the mistakes made, and nothing else', async () => {
    const report = await evaluateCorpus({ corpusDir: fx.corpus, goldDir: fx.gold, extract: flawed, baseline: false, stages: ['extract'] });
    const f = report.fields;
    expect(f.chair).toMatchObject({ tp: 0, fp: 1, fn: 1, f1: 0 });
    expect(f.apologies).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: null, recall: 0, f1: 0 });
    expect(f.presenters).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(f.presenters.f1).toBeCloseTo(2 / 3);
    for (const field of FIELDS.filter((x) => !['chair', 'apologies', 'presenters'].includes(x))) {
      expect(f[field], field).toMatchObject({ fp: 0, fn: 0, f1: 1 });
    }
    expect(report.macroF1).toBeCloseTo((11 + 2 / 3) / 14);
    expect(report.documents[0]!.macroF1).toBeCloseTo(report.macroF1!);
  });

  it('leaves fields that neither side has out of the macro mean', async () => {
    const noDeferrals = { ...GOLD, items: [GOLD.items[0]!, goldItem({ number: '7', title: 'Work Programme' })] };
    await writeFile(join(fx.gold, 'nb-01.json'), JSON.stringify(noDeferrals));
    try {
      const report = await evaluateCorpus({ corpusDir: fx.corpus, goldDir: fx.gold, extract: () => goldToResolved(noDeferrals), baseline: false, stages: ['extract'] });
      expect(report.fields.deferrals).toMatchObject({ tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
      expect(report.macroFields).toBe(13);
      expect(report.macroF1).toBe(1);
      expect(formatText(report)).toMatch(/^deferrals\s+n\/a\s+n\/a\s+n\/a\s+0\s+0\s+0$/m);
    } finally {
      await writeFile(join(fx.gold, 'nb-01.json'), JSON.stringify(GOLD));
    }
  });

  it('runs the compromise baseline on the text and scores it on people', async () => {
    const report = await evaluateCorpus({ corpusDir: fx.corpus, goldDir: fx.gold, extract: flawed, stages: ['extract'] });
    expect(report.baseline?.field).toBe('people');
    const b = report.baseline!.score;
    expect(b.tp + b.fn).toBe(GOLD.people.length);
    expect(b.tp).toBeGreaterThan(0);
    expect(report.documents[0]!.baseline).toEqual(b);
  });

  it('records a document whose extraction throws and scores it as empty', async () => {
    const report = await evaluateCorpus({
      corpusDir: fx.corpus,
      goldDir: fx.gold,
      baseline: false,
      stages: ['extract'],
      extract: () => {
        throw new Error('segmenter fell over');
      },
    });
    const doc = report.documents[0]!;
    expect(doc.error).toBe('extracting nb-01.txt failed: segmenter fell over');
    expect(report.fields.people).toMatchObject({ tp: 0, fp: 0, fn: 6 });
    expect(formatText(report)).toContain('1 document(s) failed and were scored as empty extractions:\n  extracting nb-01.txt failed: segmenter fell over');
  });

  it('carries reader, extractor and projection warnings per document', async () => {
    const report = await evaluateCorpus({
      corpusDir: fx.corpus,
      goldDir: fx.gold,
      baseline: false,
      stages: ['extract'],
      read: async (path) => ({ id: 'nb-01.txt', path, text: 'x', sha256: '0', format: 'text', warnings: ['decoded as windows-1252'] }),
      extract: () => ({ ...flawed(), warnings: ['item 7 cut off'], apologies: [{ person: 'ghost', evidence: { doc: 'nb-01.txt', item: null, start: 0, end: 0, sentence: '' } }] }),
    });
    expect(report.reader).toBe('custom reader');
    expect(report.documents[0]!.warnings).toEqual(['decoded as windows-1252', 'item 7 cut off', "nb-01.txt: person ref 'ghost' is not in the document's people"]);
  });

  it('says what is wrong with the inputs', async () => {
    await expect(evaluateCorpus({ corpusDir: join(fx.root, 'nope'), goldDir: fx.gold })).rejects.toThrow(EvalInputError);
    await expect(evaluateCorpus({ corpusDir: join(fx.root, 'nope'), goldDir: fx.gold })).rejects.toThrow(/corpus directory .*nope does not exist; pass an existing directory with --corpus/);
    await expect(evaluateCorpus({ corpusDir: fx.corpus, goldDir: join(fx.corpus, 'nb-01.txt') })).rejects.toThrow(/is not a directory; pass a directory with --gold/);
    await expect(evaluateCorpus({ corpusDir: fx.corpus, goldDir: fx.corpus })).rejects.toThrow(/holds no \.json answer files/);
    await expect(evaluateCorpus({ corpusDir: fx.gold, goldDir: fx.gold })).rejects.toThrow(/no document in .* has a gold file/);
  });

  it('accepts documents and answer files in one directory', async () => {
    const report = await evaluateCorpus({ corpusDir: fx.corpus, goldDir: fx.gold, extract: flawed, baseline: false, stages: ['extract'] });
    await writeFile(join(fx.corpus, 'nb-01.json'), JSON.stringify(GOLD));
    try {
      const together = await evaluateCorpus({ corpusDir: fx.corpus, goldDir: fx.corpus, extract: flawed, baseline: false, stages: ['extract'] });
      expect(together.fields).toEqual(report.fields);
      expect(together.corpusWithoutGold).toEqual(['nb-02.txt']);
    } finally {
      await rm(join(fx.corpus, 'nb-01.json'));
    }
  });

  it('scores the served graph and the extractor side by side, the graph first', async () => {
    const report = await evaluateCorpus({ corpusDir: fx.corpus, goldDir: fx.gold, extract: flawed, baseline: false });
    expect(report.stages).toEqual(['graph', 'extract']);
    // The graph stage reads back what the store serves; nothing the flawed extraction holds is lost on the way.
    expect(report.byStage.graph!.fields).toEqual(report.byStage.extract!.fields);
    expect(report.fields).toBe(report.byStage.graph!.fields);
    expect(report.documents[0]!.byStage.graph!.macroF1).toBeCloseTo((11 + 2 / 3) / 14);
    const text = formatText(report);
    expect(text).toMatch(/graph \(as served\)\s+extractor only/);
    expect(text).toMatch(/^chair\s+0\.000\s+0\.000\s+0\.000\s+0\s+1\s+1\s+0\.000\s+0\.000\s+0\.000$/m);
    expect(text).toMatch(/^macro F1: 0\.833 graph \(as served\), 0\.833 extractor only/m);
  });

  it('shows what the store loses: a person the extraction names but the graph drops', async () => {
    const extraction = flawed();
    const report = await evaluateCorpus({ corpusDir: fx.corpus, goldDir: fx.gold, extract: () => extraction, baseline: false });
    // Every named person reaches the graph, related or not.
    expect(report.byStage.graph!.fields.people).toEqual(report.byStage.extract!.fields.people);
  });

  it('fails on a broken gold file before extracting anything, naming the file', async () => {
    const bad = join(fx.gold, 'nb-01.json');
    await writeFile(bad, '{"source": "nb-01.txt", "meeting": {}}');
    let extracted = false;
    try {
      const run = evaluateCorpus({ corpusDir: fx.corpus, goldDir: fx.gold, extract: () => ((extracted = true), flawed()) });
      await expect(run).rejects.toThrow(GoldFileError);
      await expect(run).rejects.toThrow(`gold file ${bad}: meeting.body: Required`);
      expect(extracted).toBe(false);
    } finally {
      await writeFile(bad, JSON.stringify(GOLD));
    }
  });
});

describe('report formatting', () => {
  it('prints the table, macro F1, the baseline, and per-document tables when verbose', async () => {
    const report = await evaluateCorpus({ corpusDir: fx.corpus, goldDir: fx.gold, extract: flawed, stages: ['extract'] });
    const text = formatText(report);
    const lines = text.split('\n');
    expect(lines[0]).toBe('councilgraph eval: 1 document(s)');
    expect(lines).toContain('field                             P      R     F1    tp    fp    fn');
    for (const f of FIELDS) expect(text).toMatch(new RegExp(`^${f.replace('.', '\\.')}\\s+(\\d\\.\\d{3}|n/a)\\s+(\\d\\.\\d{3}|n/a)\\s+(\\d\\.\\d{3}|n/a)\\s+\\d+\\s+\\d+\\s+\\d+$`, 'm'));
    expect(text).toMatch(/^chair\s+0\.000\s+0\.000\s+0\.000\s+0\s+1\s+1$/m);
    expect(text).toMatch(/^macro F1: 0\.833 \(mean over the 14 of 14 fields/m);
    expect(text).toMatch(/^baseline: compromise people\s+\S+\s+\S+\s+\S+\s+\d+\s+\d+\s+\d+$/m);
    expect(text).toContain('not scored, no gold file: nb-02.txt');
    expect(text).toContain('gold files with no document in the corpus: nb-03.json');
    expect(text).not.toContain('== nb-01.txt');
    expect(formatText(report, { verbose: true })).toContain('\n== nb-01.txt (gold nb-01.json)\nfield');
    expect(JSON.parse(formatJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
  });
});

describe('compromise baseline', () => {
  it('returns distinct person mentions without trailing punctuation', () => {
    const found = compromisePeople('Councillor Amberley welcomed Priya Holt, and Priya Holt spoke. Mr Madden.');
    expect(new Set(found).size).toBe(found.length);
    expect(found).toContain('Priya Holt');
    for (const name of found) expect(name).toMatch(/[\p{L}\p{N}]$/u);
  });
});
