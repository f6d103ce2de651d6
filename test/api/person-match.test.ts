/** Name matching behind person(name): tokens, edit distance, and who counts as the same name. */
import { describe, expect, it } from 'vitest';
import { editDistance, findPerson, nameDistance, nameTokens } from '../../src/api/person-match.ts';
import type { DocumentGraph } from '../../src/graph/model.ts';
import { MemoryStore } from './memory-store.ts';

describe('nameTokens', () => {
  it('drops titles, case, accents and punctuation; joins broken hyphenation', () => {
    expect(nameTokens('Councillor Cusworth')).toEqual(['cusworth']);
    expect(nameTokens('Cllr. J. Smith')).toEqual(['j', 'smith']);
    expect(nameTokens('Dr Zoë O’Neill')).toEqual(['zoe', 'oneill']);
    expect(nameTokens('Cary- Anne Sykes')).toEqual(['caryanne', 'sykes']);
    expect(nameTokens('Cary-Anne Sykes')).toEqual(['caryanne', 'sykes']);
    expect(nameTokens('The Rt Hon Lord')).toEqual(['the']);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('sweaton', 'sweatton')).toBe(1);
    expect(editDistance('sweaton', 'sweeton')).toBe(1);
    expect(editDistance('sweaton', 'swaeton')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });
  it('stops early beyond the cap', () => {
    expect(editDistance('aaaaaaaaaa', 'bbbbbbbbbb', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});

describe('nameDistance', () => {
  const d = (a: string, b: string) => nameDistance(nameTokens(a), nameTokens(b));
  it('exact names are 0, compatible forms 1, near spellings 1 + edits', () => {
    expect(d('Helen Sweaton', 'helen sweaton')).toBe(0);
    expect(d('Sweaton', 'Helen Sweaton')).toBe(1);
    expect(d('H Sweaton', 'Helen Sweaton')).toBe(1);
    expect(d('Helen Sweatton', 'Helen Sweaton')).toBe(2);
  });
  it('different people do not match', () => {
    expect(d('Hannah Sweeting', 'Helen Sweaton')).toBeNull();
    expect(d('John Smith', 'Jane Smith')).toBeNull();
    expect(d('Ali', 'Aly')).toBeNull(); // too short to tolerate a slip
    expect(d('Councillor', 'Helen Sweaton')).toBeNull();
  });
});

function people(list: [string, string, string[]?][]): DocumentGraph {
  const doc = { id: 'doc:people', path: 'people.txt', name: 'people.txt', sha256: 'x', format: 'txt' };
  return {
    doc,
    nodes: [
      { type: 'Document', props: doc },
      ...list.map(([id, name, aliases]) => ({ type: 'Person' as const, props: { id, name, aliases: aliases ?? [], kind: 'officer' as const } })),
    ],
    relations: [],
  };
}

describe('findPerson', () => {
  it('returns null for an ambiguous surname, and the one person when unique', async () => {
    const store = new MemoryStore();
    await store.writeDocument(people([['person:a', 'John Smith'], ['person:b', 'Jane Smith'], ['person:c', 'Ann Other']]));
    expect(await findPerson(store, 'Smith')).toBeNull();
    expect((await findPerson(store, 'J Smith'))).toBeNull();
    expect((await findPerson(store, 'Jane Smith'))?.id).toBe('person:b');
    expect((await findPerson(store, 'Other'))?.id).toBe('person:c');
    expect(await findPerson(store, '')).toBeNull();
    expect(await findPerson(store, 'Mr')).toBeNull();
  });

  it('prefers an exact name over a near one, and an alias counts as exact', async () => {
    const store = new MemoryStore();
    await store.writeDocument(people([['person:a', 'Helen Sweaton', ['Helen Sweatton']], ['person:b', 'Helen Sweeton']]));
    expect((await findPerson(store, 'Helen Sweeton'))?.id).toBe('person:b');
    expect((await findPerson(store, 'Helen Sweatton'))?.id).toBe('person:a');
    expect((await findPerson(store, 'Helen Sweaton'))?.id).toBe('person:a');
  });

  it('answers an exact name in one store round trip', async () => {
    const store = new MemoryStore();
    await store.writeDocument(people([['person:a', 'Helen Sweaton']]));
    store.resetCalls();
    await findPerson(store, 'Helen Sweaton');
    expect(store.calls.get('list:Person')).toBe(1);
  });
});

describe('findPerson across namesakes', () => {
  it("prefers the person whose name it is over one whose alias it is", async () => {
    const store = new MemoryStore();
    await store.writeDocument(people([['person:a:gf', 'Gareth Feeeney', ['Gareth Feeney']], ['person:b:gf', 'Gareth Feeney']]));
    expect((await findPerson(store, 'Gareth Feeney'))?.id).toBe('person:b:gf');
    expect((await findPerson(store, 'Gareth Feeeney'))?.id).toBe('person:a:gf');
  });

  it('two aliases spelt alike are ambiguous', async () => {
    const store = new MemoryStore();
    await store.writeDocument(people([['person:a', 'Ann Lee', ['Anne Leigh']], ['person:b', 'Annie Lee', ['Anne Leigh']]]));
    expect(await findPerson(store, 'Anne Leigh')).toBeNull();
  });
});

describe('findPerson with titles', () => {
  it('the name as typed, titles included, beats the same name with another title', async () => {
    const store = new MemoryStore();
    await store.writeDocument(people([['person:a', 'Councillor Kirsty Threlfall'], ['person:b', 'Kirsty Threlfall']]));
    expect((await findPerson(store, 'Kirsty Threlfall'))?.id).toBe('person:b');
    expect((await findPerson(store, 'Councillor Kirsty Threlfall'))?.id).toBe('person:a');
    expect((await findPerson(store, 'Cllr Kirsty Threlfall'))?.id).toBe('person:a');
    expect((await findPerson(store, 'Dr Kirsty Threlfall'))?.id).toBe('person:a'); // same name under other titles: lowest id
  });
});
