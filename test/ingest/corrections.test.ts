/**
 * Corrections that survive re-ingest, end to end on two of our sample minutes: a corrections
 * file with a merge, a rename, a rejected relation and an added one is applied after
 * resolution; changing both documents and ingesting again keeps every correction; the added
 * relation's evidence is the entry in the file (its offsets and text); dropping the file (as
 * `eval --no-corrections` does) gives the documents' own graph back.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORRECTIONS_DOC } from '../../src/graph/corrections.ts';
import type { IngestStore } from '../../src/graph/store.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import { appendCorrection, CorrectionsError, loadCorrections, parseCorrections } from '../../src/ingest/corrections-file.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { tempDir } from '../graph/helpers.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'ingest');
const FILES = ['northbridge-adult-care-2025-06-03.txt', 'northbridge-adult-care-2025-09-09.txt'];
const dir = tempDir('councilgraph-corrections-');
const corpus = join(dir.path, 'corpus');
const file = join(dir.path, 'corrections.yaml');
let store: IngestStore;

async function personNamed(name: string) {
  const found = await store.list('Person', { search: name, first: 20, offset: 0 });
  return found.filter((p) => p.name === name || p.aliases.includes(name));
}

async function itemTitled(title: string) {
  const [item] = await store.list('Item', { search: title, first: 5, offset: 0 });
  expect(item, `an item titled ${title}`).toBeDefined();
  return item!;
}

async function ingest(corrections = loadCorrections(file)) {
  const s = await ingestPaths(store, [corpus], { root: dir.path, corrections });
  expect(s.failures).toEqual([]);
  return s;
}

/** What the corrections change, read back from the store. */
async function state() {
  const ormerod = await personNamed('Councillor Ormerod');
  const thackeray = await personNamed('Councillor Thackeray');
  const whitcombe = await personNamed('Toby Whitcombe');
  const okafor = (await personNamed('Councillor Okafor'))[0]!;
  const homeCare = await itemTitled('Home Care Commissioning Framework');
  const askedHomeCare = await store.related([homeCare.id], 'ASKED_IN', 'in');
  const work = (await store.list('Item', { search: 'Work Programme', first: 5, offset: 0 })).filter((i) => i.number === '7');
  const presentedWork = await store.related([okafor.id], 'PRESENTED', 'out');
  return {
    merged: ormerod.length === 1 && thackeray.length === 1 && ormerod[0]!.id === thackeray[0]!.id,
    renamed: whitcombe.length === 1 && whitcombe[0]!.name === 'Toby Whitcombe',
    rejected: !askedHomeCare.some((r) => { const p = r.node.props as { name: string; aliases: string[] }; return p.name === 'Councillor Thackeray' || p.aliases.includes('Councillor Thackeray'); }),
    added: presentedWork.filter((r) => r.node.props.id === work[0]?.id),
  };
}

beforeAll(async () => {
  mkdirSync(corpus, { recursive: true });
  for (const f of FILES) cpSync(join(SAMPLES, f), join(corpus, f));
  store = await openStore({ db: join(dir.path, 'store') }, {});
  await ingest(null);
});
afterAll(async () => {
  await store?.close();
  dir.remove();
});

describe('corrections', () => {
  it('starts from the documents’ own graph', async () => {
    const s = await state();
    expect(s).toMatchObject({ merged: false, renamed: false, rejected: false });
    expect(s.added).toEqual([]);
  });

  it('applies a merge, a rename, a rejection and an addition after resolution', async () => {
    appendCorrection(file, { merge: ['Councillor Ormerod', 'Councillor Thackeray'], note: 'test: one member' });
    appendCorrection(file, { rename: 'Tobias Whitcombe', to: 'Toby Whitcombe' });
    appendCorrection(file, { reject: 'ASKED_IN', from: 'Councillor Thackeray', to: 'Home Care Commissioning Framework' });
    // Two meetings have a Work Programme item: a title that names no single node is refused
    // (with a warning saying so), an id is taken.
    appendCorrection(file, { add: 'PRESENTED', from: 'Councillor Okafor', to: 'Work Programme', note: 'ambiguous' });
    expect((await ingest()).warnings.filter((w) => /"Work Programme" names no single node/.test(w))).toHaveLength(1);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.lastIndexOf('  - add:')));
    const june = (await store.list('Item', { search: 'Work Programme', first: 5, offset: 0 })).find((i) => i.number === '7')!;
    appendCorrection(file, { add: 'PRESENTED', from: 'Councillor Okafor', to: june.id, note: 'she presented the work programme' });
    const summary = await ingest();
    expect(summary.warnings.filter((w) => /correction/i.test(w))).toEqual([]);
    const s = await state();
    expect(s).toMatchObject({ merged: true, renamed: true, rejected: true });
    expect(s.added).toHaveLength(1);
  });

  it('evidences an added fact with its entry in the corrections file', async () => {
    const { added } = await state();
    const evidence = added[0]!.edge.evidence;
    expect(evidence.doc).toBe(CORRECTIONS_DOC);
    const text = readFileSync(file, 'utf8');
    expect(text.slice(evidence.start, evidence.end)).toMatch(/add: PRESENTED[\s\S]*she presented the work programme/);
    expect(evidence.sentence).toMatch(/she presented the work programme/);
  });

  it('survives a re-ingest of changed documents', async () => {
    for (const f of FILES) appendFileSync(join(corpus, f), '\n\nThe meeting closed at 4.10 p.m.\n');
    const summary = await ingest();
    expect(summary.documents.ingested).toBe(2);
    const s = await state();
    expect(s).toMatchObject({ merged: true, renamed: true, rejected: true });
    expect(s.added).toHaveLength(1);
  });

  it('gives the documents’ own graph back without the file', async () => {
    await ingest(null);
    const s = await state();
    expect(s).toMatchObject({ merged: false, renamed: false, rejected: false });
    expect(s.added).toEqual([]);
    await ingest();
    expect(await state()).toMatchObject({ merged: true, renamed: true, rejected: true });
  });

  it('says where a bad entry is and what to write instead', () => {
    expect(() => parseCorrections('corrections:\n  - merge: [Only One]\n', 'c.yaml')).toThrow(CorrectionsError);
    expect(() => parseCorrections('corrections:\n  - add: PRESENTS\n    from: a\n    to: b\n', 'c.yaml')).toThrow(/c\.yaml, line 2: .*not a relation type/);
  });
});
