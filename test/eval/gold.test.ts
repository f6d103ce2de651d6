import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoldFileError, loadGold, parseGold } from '../../src/eval/gold.ts';
import { goldDoc, goldItem } from './helpers.ts';

const valid = () =>
  goldDoc({
    meeting: { body: 'Northbridge Children and Young People Scrutiny Panel', date: '2025-11-04' },
    chair: 'Councillor Amberley',
    members_present: ['Councillor Amberley'],
    people: [{ name: 'Priya Holt', aliases: ['Priya Hott'], roles: ['Head of Fostering'] }],
    items: [goldItem({ number: '3', title: 'Fostering Update', deferrals: [{ subject: 'Fostering Annual Report', to: '2026-01' }, { subject: 'Sufficiency Plan', to: null }] })],
  });

function problemOf(source: string): string {
  try {
    parseGold(source, 'x.json');
  } catch (err) {
    expect(err).toBeInstanceOf(GoldFileError);
    return (err as Error).message;
  }
  throw new Error('expected a GoldFileError');
}

describe('gold file schema', () => {
  it('accepts the FORMAT.md shape', () => {
    expect(parseGold(JSON.stringify(valid()), 'x.json')).toEqual(valid());
  });
  it('names the file, line and column of a JSON syntax error', () => {
    const message = problemOf('{\n  "source": "a.txt",\n  "chair": ,\n}');
    expect(message).toMatch(/^gold file x\.json: not valid JSON at line 3, column \d+/);
  });
  it('names the path of a field with the wrong type', () => {
    const doc = valid() as unknown as { items: { presenters: unknown }[] };
    doc.items[0]!.presenters = 'Priya Holt';
    expect(problemOf(JSON.stringify(doc))).toMatch(/gold file x\.json: items\[0\]\.presenters: Expected array, received string/);
  });
  it('rejects a missing field', () => {
    const { apologies: _dropped, ...doc } = valid();
    expect(problemOf(JSON.stringify(doc))).toMatch(/apologies: Required/);
  });
  it('rejects a misspelt key instead of scoring it as an empty list', () => {
    const doc = { ...valid(), presenter: [] };
    expect(problemOf(JSON.stringify(doc))).toMatch(/Unrecognized key\(s\) in object: 'presenter'/);
  });
  it('rejects dates that are not ISO or not on the calendar', () => {
    const bad = (date: string) => JSON.stringify({ ...valid(), meeting: { body: 'X', date } });
    expect(problemOf(bad('4 November 2025'))).toMatch(/meeting\.date: expected an ISO date/);
    expect(problemOf(bad('2025-11'))).toMatch(/meeting\.date: expected an ISO date/);
    expect(problemOf(bad('2025-02-30'))).toMatch(/meeting\.date: not a calendar date/);
    const deferral = (to: string) => JSON.stringify({ ...valid(), items: [goldItem({ title: 'X', deferrals: [{ subject: 'Y', to }] })] });
    expect(problemOf(deferral('December 2025'))).toMatch(/items\[0\]\.deferrals\[0\]\.to: expected YYYY-MM or YYYY-MM-DD/);
    expect(problemOf(deferral('2025-13'))).toMatch(/not a calendar month or date/);
  });
  it('rejects empty names and texts', () => {
    expect(problemOf(JSON.stringify({ ...valid(), apologies: ['  '] }))).toMatch(/apologies\[0\]: must not be empty/);
  });
  it('points at FORMAT.md', () => {
    expect(problemOf('[]')).toMatch(/FORMAT\.md/);
  });
});

describe('loadGold', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cg-gold-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  it('reads a file and puts its path in errors', async () => {
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify(valid()));
    expect((await loadGold(good)).chair).toBe('Councillor Amberley');
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"source": 1}');
    await expect(loadGold(bad)).rejects.toThrow(`gold file ${bad}: source: Expected string, received number`);
    await expect(loadGold(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json: cannot be read \(ENOENT\)/);
  });
});
