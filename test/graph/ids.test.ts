import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { councilKey, ids, personKey, slug, strategyKey, typeOfId } from '../../src/graph/ids.ts';

describe('stable ids', () => {
  it('gives spelling variants of a name one key', () => {
    expect(personKey('Helen Sweatton')).toBe(personKey('Helen Sweaton'));
    expect(personKey('Cary- Anne Sykes')).toBe(personKey('Cary-Anne Sykes'));
    expect(personKey('Councillor Brent')).toBe(personKey('Cllr. Brent'));
  });

  it('keeps different people apart', () => {
    expect(personKey('Councillor Brent')).not.toBe(personKey('Councillor Bent'));
    expect(personKey('T. Collingham')).not.toBe(personKey('Collingham'));
    expect(personKey('Helen Sweaton')).not.toBe(personKey('Helen Sweeney'));
  });

  it('namespaces by council and survives wording of the council name', () => {
    expect(councilKey('Northbridge Metropolitan Borough Council')).toBe('northbridge');
    expect(councilKey('Northbridge Council')).toBe('northbridge');
    expect(councilKey(null)).toBe('unknown');
    expect(ids.person('northbridge', 'Helen Sweaton')).not.toBe(ids.person('southmoor', 'Helen Sweaton'));
  });

  it('derives meeting ids from body and date, item ids from meeting and number or title', () => {
    const m = ids.meeting('northbridge', 'Improving Outcomes Select Commission', '2025-11-04', 'a.txt');
    expect(m).toBe(ids.meeting('northbridge', 'Improving outcomes select commission', '2025-11-04', 'b.txt'));
    expect(ids.meeting('northbridge', 'X', null, 'a.txt')).not.toBe(ids.meeting('northbridge', 'X', null, 'b.txt'));
    expect(ids.item(m, '14', 'Anything')).toBe(ids.item(m, '14', 'Something else'));
    expect(ids.item(m, null, 'Work Programme')).toBe(ids.item(m, null, 'Work programme'));
  });

  it('tells the type from the id', () => {
    expect(typeOfId(ids.topic('SEND'))).toBe('Topic');
    expect(typeOfId(ids.item('meeting:a:b:c', '1', 't'))).toBe('Item');
    expect(typeOfId('nonsense')).toBeNull();
    expect(slug("Children's & Young People")).toBe('childrens-young-people');
  });

  it('gives one strategy one key however it is written, and keeps editions apart', () => {
    const one = ["Looked After Children's Sufficiency Strategy 2023 - 2027", 'The Looked After Childrens Sufficiency Strategy 2023-2027', 'Looked After Children’s Sufficiency Strategy 2023–27', 'looked after children sufficiency strategy 2023/2027'];
    expect(new Set(one.map(strategyKey))).toEqual(new Set(['looked-after-children-sufficiency-strategy-2023-2027']));
    expect(new Set(['Threshold(s) of Need(s)', 'Thresholds of Needs', 'Threshold of Need', 'the Thresholds of Need'].map(strategyKey)).size).toBe(1);
    expect(strategyKey('SEND Strategy 2019-2022')).not.toBe(strategyKey('SEND Strategy 2023-2027'));
    expect(strategyKey('Process Analysis Focus')).toBe('process-analysis-focus');
    expect(ids.strategy('northbridge', 'Carers Strategy 2025 - 28')).toBe(ids.strategy('northbridge', 'the Carers Strategy 2025-2028'));
  });

  it('gives every strategy name a usable key (hostile text)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        const key = strategyKey(name);
        expect(key).toMatch(/^[a-z0-9-]*$/);
        expect(strategyKey(name)).toBe(key);
      }),
    );
  });
});
