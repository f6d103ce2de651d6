import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/normalise/normalise.ts';
import { segment } from '../../src/segment/segment.ts';
import { inferTitle, isTitleLike } from '../../src/segment/titles.ts';

const seg = (text: string) => segment(normalise(text));
const titles = (text: string) => seg(text).items.map((i) => [i.number, i.title]);

const WEB = `Agenda and draft minutes

Harbour Scrutiny Panel - Tuesday 3 March 2026 10.00 a.m.

Venue: Civic Hall, Quay Street, Portwell. PW1 2AB

Contact: Dana Whitlock, Scrutiny Officer Tel: 01000 000000

Items
No. Item

7.

Declarations of Interest

To receive declarations of interest.

Minutes:

There were no declarations of interest.

8.

Coastal Erosion Plan 2026-2030 pdf icon PDF 210 KB

Jo Pennick

To consider the draft plan.

Additional documents:

Minutes:

The Chair welcomed Jo Pennick, Coastal Manager. ... view the full minutes text for item 8.
`;

describe('segment', () => {
  it('reads a numbered ModernGov page: header, numbers, clean titles, the lead line, truncation', () => {
    const s = seg(WEB);
    expect(s.layout).toBe('numbered-web');
    expect(s.header).toMatchObject({ body: 'Harbour Scrutiny Panel', date: '2026-03-03', council: 'Portwell' });
    expect(titles(WEB)).toEqual([
      ['7', 'Declarations of Interest'],
      ['8', 'Coastal Erosion Plan 2026-2030'],
    ]);
    expect(s.items[1]!.lead).not.toBeNull();
    expect(s.items[1]!.truncated).toBe(true);
    expect(s.items[1]!.minutesStart).not.toBeNull();
  });

  it('reads printed minutes with upper-case headings and a Present block in the preamble', () => {
    const text = `HARBOUR SCRUTINY PANEL\nTuesday 3 March 2026\n\nPresent:- Councillor Abbot (in the Chair); Councillors Fenn and Gale.\n\n41. MINUTES OF THE PREVIOUS MEETING\n\nResolved:- That the minutes be approved.\n\n42. COASTAL EROSION PLAN\n\n1. More homes would be protected.\n2. Fewer roads would flood.\n\n43. URGENT BUSINESS\n\nThere was no urgent business.`;
    const s = seg(text);
    expect(s.layout).toBe('printed');
    expect(s.header.body).toBe('Harbour Scrutiny Panel');
    expect(s.header.date).toBe('2026-03-03');
    expect(titles(text)).toEqual([
      ['41', 'Minutes of the Previous Meeting'],
      ['42', 'Coastal Erosion Plan'],
      ['43', 'Urgent Business'],
    ]);
    expect(text.slice(s.preamble.start, s.preamble.end)).toContain('Present:-');
  });

  it('reads county minute numbers with run-in headings ("21/24 TITLE – text")', () => {
    const text = 'Panel – 15 July 2024\n\n21/24 APOLOGIES FOR ABSENCE – None were received.\n\n22/24 FOSTERING SERVICE – QUARTERLY PERFORMANCE – The Head of Service presented the report.\n\n22.1 Numbers had fallen.';
    expect(titles(text)).toEqual([
      ['21/24', 'Apologies for Absence'],
      ['22/24', 'Fostering Service - Quarterly Performance'],
    ]);
  });

  it('reads a table dump: rows split on "|", titles split from agenda text, missing titles inferred', () => {
    const text = `| No. | Item |\n|---|---|\n|\nDeclarations of Interest\nTo receive declarations. Minutes: There were none. |\n|\nCommunications To receive communications from the Chair. Minutes: The Chair reported. |\n|\nThis item will provide an overview of the Draft Harbour Access Strategy 2026-2029 via a presentation. Minutes: Noted. |\n|\nTo consider and approve the Panel's Work Programme. Minutes: Approved. |`;
    const s = seg(text);
    expect(s.layout).toBe('table');
    expect(s.items.map((i) => [i.title, i.titleInferred])).toEqual([
      ['Declarations of Interest', false],
      ['Communications', false],
      ['Draft Harbour Access Strategy 2026-2029 Update', true],
      ['Work Programme', true],
    ]);
    expect(s.header.date).toBeNull();
  });

  it('reads a headerless fragment from the openers of standard items, and invents no date', () => {
    const text = `There were no Declarations of Interest to report.\n\nTo receive communications from the Chair.\n\nThe Chair reported on a visit held on 3 June 2019.\n\nResolved:- That the minutes of the previous meeting, held on 11th June, 2019, be approved.\n\nHarbour Access: Arrangements for Small Vessels\n\nThe Chair welcomed the officers.`;
    const s = seg(text);
    expect(s.layout).toBe('loose');
    expect(s.header.date).toBeNull();
    expect(s.items.map((i) => i.title)).toEqual([
      'Declarations of Interest',
      'Communications',
      'Minutes of the previous meeting held on 11th June, 2019',
      'Harbour Access: Arrangements for Small Vessels',
    ]);
  });

  it('takes the body from the text when there is no header', () => {
    const s = seg('Resolved:- That the minutes of the previous meeting of the Harbour Scrutiny Panel be approved.\n\nThe Panel noted the report.');
    expect(s.header.body).toBe('Harbour Scrutiny Panel');
  });
});

describe('titles', () => {
  it.each([
    ['Declarations of Interest', true],
    ['Minutes of the previous meeting.', true],
    ['Coastal Erosion Plan 2026-2030 pdf icon PDF 210 KB', true],
    ['The Chair welcomed everyone to the meeting.', false],
    ['To consider and approve the Work Programme.', false],
    ['Cllr Jon Example', false],
    ['Strategy Overview and Priorities-', false],
  ])('isTitleLike(%s) = %s', (line, expected) => expect(isTitleLike(line)).toBe(expected));

  it('infers standard and subject titles, and nothing from prose', () => {
    expect(inferTitle('There was no urgent business.')).toBe('Urgent Business');
    expect(inferTitle('This report provides an update on the Harbour Safety Review which was agreed.')).toBe('Harbour Safety Review Update');
    expect(inferTitle('The weather was fine.')).toBeNull();
  });
});
