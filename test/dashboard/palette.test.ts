/**
 * The dashboard follows the model's relation entries: every relation type of src/graph/model.ts
 * has a name, a style and a place in paths with absences, and the correction form offers the
 * relations the model allows between two node types, without an edit in the dashboard.
 */
import { describe, expect, it } from 'vitest';
import { REL_TYPE_NAMES, REL_TYPES } from '../../src/graph/model.ts';
import { relKind, relLabel, relStyle, REL_STYLES } from '../../src/dashboard/graph/palette.ts';
import { relationsBetween } from '../../src/dashboard/ui/correction.ts';

describe('palette and the model', () => {
  it('names and styles every relation type of the model', () => {
    for (const t of REL_TYPE_NAMES) {
      expect(relLabel(t), t).toMatch(/^[a-z][a-z ]+$/);
      const { colour, ...shape } = relStyle(t);
      const { colour: _kindColour, ...kindShape } = REL_STYLES[relKind(t)];
      void _kindColour;
      expect(shape, t).toEqual(kindShape);
      // The model's entry gives the colour and the label.
      expect(colour, t).toBe(REL_TYPES[t].dashboard.colour);
      expect(relLabel(t), t).toBe(REL_TYPES[t].dashboard.label);
    }
    expect(relKind('SENT_APOLOGIES')).toBe('absence');
    expect(relStyle('SENT_APOLOGIES').dashed).toBe(true);
    // Only absences are dashed: no other relation reads as one.
    expect(REL_TYPE_NAMES.filter((t) => relStyle(t).dashed)).toEqual(['SENT_APOLOGIES']);
  });

  it('gives a relation it has no entry for a name from its type and a neutral style', () => {
    expect(relLabel('SOME_NEW_RELATION')).toBe('some new relation');
    expect(relKind('SOME_NEW_RELATION')).toBe('structure');
    expect(relStyle('SOME_NEW_RELATION')).toBe(REL_STYLES.structure);
  });

  it('offers, for a correction, the relations the model allows between two node types', () => {
    const personItem = relationsBetween('Person', 'Item');
    const expected = REL_TYPE_NAMES.filter((t) => REL_TYPES[t].pairs.some(([a, b]) => a === 'Person' && b === 'Item'));
    expect(personItem).toEqual(expected);
    expect(personItem).toEqual(expect.arrayContaining(['PRESENTED', 'INTRODUCED', 'ATTENDED_ITEM']));
    expect(relationsBetween('Item', 'Person')).toEqual([]);
  });
});
