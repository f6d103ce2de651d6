import { describe, expect, it } from 'vitest';
import { CorpusIndex, editDistanceAtMostOne } from '../../src/resolve/corpus.ts';
import type { ResolvedDocument } from '../../src/resolve/types.ts';
import { allDocuments, laterMeeting, otherCouncil, printedMinutes, webTable } from '../fixtures/store/documents.ts';

function indexOf(docs: ResolvedDocument[]): Promise<CorpusIndex> {
  return CorpusIndex.of(docs);
}

describe('cross-document resolution', () => {
  it('recognises an undated publication of a dated meeting, whichever comes first', async () => {
    for (const order of [[webTable(), printedMinutes()], [printedMinutes(), webTable()]]) {
      const index = await indexOf(order);
      const printed = index.resolve(printedMinutes());
      const web = index.resolve(webTable());
      expect(web.meetingId).toBe(printed.meetingId);
      expect(web.meetingDate).toBe('2025-11-04');
      expect(web.mergedInto).toBe(printed.meetingId);
      // Items without numbers take the numbered publication's ids.
      expect(web.items.get('nb-web-table.txt#1')).toBe(printed.items.get('nb-2025-11-04.txt#1'));
      expect(web.items.get('nb-web-table.txt#2')).toBe(printed.items.get('nb-2025-11-04.txt#2'));
      // The item only the web page has stays its own.
      expect(web.items.get('nb-web-table.txt#3')).toContain(':t-work-programme');
      // The web page names no council; its body says which.
      expect(web.council).toBe('northbridge');
    }
  });

  it('merges spelling variants within a council and keeps them as aliases', async () => {
    const index = await indexOf(allDocuments());
    const helen = index.resolve(printedMinutes()).people.get('helen')!;
    expect(index.resolve(laterMeeting()).people.get('helen')!.id).toBe(helen.id);
    expect(index.resolve(webTable()).people.get('helen')!.id).toBe(helen.id);
    expect(index.resolve(webTable()).people.get('cary')!.id).toBe(index.resolve(printedMinutes()).people.get('cary')!.id);
    expect(helen.aliases).toContain('Helen Sweatton');
  });

  it('never merges people of different councils', async () => {
    const index = await indexOf(allDocuments());
    const here = index.resolve(printedMinutes()).people;
    const there = index.resolve(otherCouncil()).people;
    expect(there.get('helen')!.id).not.toBe(here.get('helen')!.id);
    expect(there.get('brent')!.id).not.toBe(here.get('brent')!.id);
  });

  it('merges a one-letter slip in a full surname, not in a bare surname', async () => {
    const a = printedMinutes();
    const b = laterMeeting();
    b.people[1]!.name = 'Helen Sweeton';
    b.people[0]!.name = 'Councillor Brant';
    const index = await indexOf([a, b]);
    expect(index.resolve(b).people.get('helen')!.id).toBe(index.resolve(a).people.get('helen')!.id);
    expect(index.resolve(b).people.get('brent')!.id).not.toBe(index.resolve(a).people.get('brent')!.id);
  });

  it('keeps an undated fragment apart when its items do not match', async () => {
    const fragment = webTable();
    fragment.items = fragment.items.map((i, n) => ({ ...i, title: `Unrelated business ${n} about parking` }));
    const index = await indexOf([printedMinutes(), fragment]);
    const r = index.resolve(fragment);
    expect(r.meetingDate).toBeNull();
    expect(r.meetingId).toContain('undated-');
  });

  it('edit distance', () => {
    expect(editDistanceAtMostOne('sweaton', 'sweeton')).toBe(true);
    expect(editDistanceAtMostOne('sweaton', 'sweatn')).toBe(true);
    expect(editDistanceAtMostOne('sweaton', 'swaeton')).toBe(true);
    expect(editDistanceAtMostOne('sweaton', 'swenton1')).toBe(false);
  });
});
