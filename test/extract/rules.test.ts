/**
 * The extraction rules on minutes we wrote ourselves, one construction of English committee
 * minutes at a time.
 */
import { describe, expect, it } from 'vitest';
import { findPersonMentions, displayName } from '../../src/extract/names.ts';
import { itemNamed, nameOf, run } from './helpers.ts';

const PAGE = (minutes: string, title = 'Harbour Access Strategy 2026-2029') => `Agenda and minutes

Harbour Scrutiny Panel - Tuesday 3 March 2026 10.00 a.m.

Venue: Civic Hall, Quay Street, Portwell. PW1 2AB

Contact: Dana Whitlock, Scrutiny Officer Tel: 01000 000000

Items
No. Item

12.

${title} pdf icon PDF 210 KB

To consider the item.

Minutes:

${minutes}
`;

describe('person mentions', () => {
  it.each([
    ['Councillor T. Collingham attended.', ['Councillor T. Collingham']],
    ['Councillors Barker (Vice-Chair), Eckhardt, Ogg and Wilson.', ['Councillor Barker', 'Councillor Eckhardt', 'Councillor Ogg', 'Councillor Wilson']],
    ['Cllr Jon Example and Mr A Mahmood spoke.', ['Councillor Jon Example', 'Mr A Mahmood']],
    ['County Councillor Mrs D Threlfall in the chair.', ['Councillor Mrs D Threlfall']],
    ['Helen Example, Joint Assistant Director, presented.', ['Helen Example']],
    ['hosted at the Eric Manns Building today', []],
    ['apologies from Louise Mackender de Cari, Debbie Nolan-Plunkett.', ['Louise Mackender de Cari', 'Debbie Nolan-Plunkett']],
    ['Faisal Qureshi (Director of Public Health) attended.', ['Faisal Qureshi']],
  ])('%s', (text, expected) => {
    expect(findPersonMentions(text).map((m) => displayName(m.parts))).toEqual(expected);
  });
});

describe('attendance, presenters and introducers', () => {
  const doc = run(
    PAGE(`The Chair welcomed to the meeting Councillor Fenwick, the Cabinet Member for Harbours and Coast, Priya Okonjo, Joint Assistant Director for Marine Services and Tom Reddy, Harbour Project Lead.

The Chair invited the Cabinet Member to introduce the report, during which the following was noted:

- The strategy was approved at Cabinet in October 2025.

The Chair invited the Joint Assistant Director to give the presentation.

The Harbour Project Lead outlined the timetable.

Resolved:- That the Panel:-

1) Noted the update.
2) Requested that additional information be provided to the Panel on the dredging programme.`),
  );
  const item = itemNamed(doc, /Harbour Access/);

  it('reads everyone welcomed as attending the item', () => {
    expect(item.attendees).toEqual(['Councillor Fenwick', 'Priya Okonjo', 'Tom Reddy']);
  });

  it('resolves posts named alone to the person named with that post', () => {
    expect(item.introducers).toEqual(['Councillor Fenwick']);
    expect(item.presenters).toEqual(['Priya Okonjo', 'Tom Reddy']);
  });

  it('reads roles beside names', () => {
    const priya = doc.people.find((p) => p.name === 'Priya Okonjo')!;
    expect(priya.roles.map((r) => r.title)).toEqual(['Joint Assistant Director for Marine Services']);
    expect(doc.people.find((p) => p.name === 'Dana Whitlock')!.roles.map((r) => r.title)).toEqual(['Scrutiny Officer']);
  });

  it('reads requests in the resolution, without the "be provided to the Panel"', () => {
    expect(item.requests).toEqual(['additional information on the dredging programme']);
  });

  it('reads the strategy and who approved it, and when', () => {
    const s = item.item.strategies.find((x) => /Harbour Access Strategy/.test(x.name))!;
    expect(s.approvedBy).toMatchObject({ body: 'Cabinet', date: '2025-10' });
  });

  it('gives every relation evidence that quotes the source', () => {
    const text = PAGE('x');
    void text;
    for (const ref of [...item.item.attendees, ...item.item.presenters, ...item.item.introducers]) {
      expect(ref.evidence.doc).toBe('sample.txt');
      expect(ref.evidence.item).toBe(item.item.key);
      expect(ref.evidence.end).toBeGreaterThan(ref.evidence.start);
      expect(ref.evidence.sentence.length).toBeGreaterThan(10);
    }
  });
});

describe('the Chair', () => {
  const printed = (body: string) => `HARBOUR SCRUTINY PANEL\nTuesday 3 March 2026\n\nPresent:- Councillor Abbot (in the Chair); Councillors Fenn and Gale.\n\nApologies for Absence:- Apologies were received from Councillors Hart and Ince.\n\n5. SUB GROUP UPDATES\n\n${body}\n\n6. URGENT BUSINESS\n\nThere was no urgent business.`;

  it('is whoever the document says chaired, never a person named "Chair"', () => {
    const doc = run(printed('The Chair provided a progress report on sub group activity.'));
    expect(doc.chair && nameOf(doc, doc.chair.person)).toBe('Councillor Abbot');
    expect(doc.membersPresent.map((r) => nameOf(doc, r.person))).toEqual(['Councillor Abbot', 'Councillor Fenn', 'Councillor Gale']);
    expect(doc.apologies.map((r) => nameOf(doc, r.person))).toEqual(['Councillor Hart', 'Councillor Ince']);
    expect(itemNamed(doc, /Sub Group/).presenters).toEqual(['Councillor Abbot']);
    expect(doc.people.some((p) => /^Chair$/i.test(p.name))).toBe(false);
  });

  it('stays unresolved when the document does not say who chaired', () => {
    const doc = run(PAGE('The Chair provided a progress report on sub group activity.', 'Sub Group Updates'));
    expect(doc.chair).toBeNull();
    expect(itemNamed(doc, /Sub Group/).presenters).toEqual([]);
  });

  it('does not guess between two holders of a post', () => {
    const doc = run(PAGE('The Chair welcomed Ann Lowe, Assistant Director for Ports, and Ben Moss, Assistant Director for Roads.\n\nThe Assistant Director gave a presentation.'));
    expect(itemNamed(doc, /Harbour Access/).presenters).toEqual([]);
  });
});

describe('people', () => {
  it('reads whom a post holder represents from a bracket after the post', () => {
    const doc = run(PAGE('The Chair welcomed Ravi Okafor, Assistant Director for Ports and Harbours (representing the Coastal Partnership), to the meeting.'));
    const ravi = doc.people.find((p) => /Okafor/.test(p.name))!;
    expect(ravi.roles.map((r) => r.title)).toEqual(['Assistant Director for Ports and Harbours']);
    expect(ravi.represents.map((r) => r.body)).toEqual(['Coastal Partnership']);
  });

  it('merges spelling variants within a document and keeps the variant as an alias', () => {
    const doc = run(PAGE('The Chair welcomed Helen Sweatton, Head of Ports.\n\nHelen Sweaton gave a presentation. Helen Sweaton answered questions.'));
    const helen = doc.people.filter((p) => /Helen/.test(p.name));
    expect(helen).toHaveLength(1);
    expect(helen[0]!.name).toBe('Helen Sweaton');
    expect(helen[0]!.aliases).toContain('Helen Sweatton');
  });

  it('keeps councillors with similar surnames apart', () => {
    const doc = run(PAGE('Councillors Elliot, M. Elliott and Jarvis had worked on the review.'));
    expect(doc.people.map((p) => p.name).sort()).toEqual(['Councillor Elliot', 'Councillor Jarvis', 'Councillor M. Elliott', 'Dana Whitlock']);
  });
});

describe('deferrals', () => {
  it('reads what moved and to when, with months placed after the meeting date', () => {
    const doc = run(
      PAGE(
        `- Children's Services requested that the Harbour Safety Report be delayed from today's meeting and be presented to December's meeting.\n- It was suggested that the Coastal Cohesion Update scheduled for December's meeting, be moved to March 2027.\n- It was noted that the Ferry Review would be deferred until the next meeting on 18th May, 2026, and that the Pier Strategy would be moved to June 2026.`,
        'Work Programme',
      ),
    );
    expect(itemNamed(doc, /Work Programme/).deferrals).toEqual([
      ['Harbour Safety Report', '2026-12'],
      ['Coastal Cohesion Update', '2027-03'],
      ['Ferry Review', '2026-05-18'],
      ['Pier Strategy', '2026-06'],
    ]);
  });

  it('leaves "a future meeting" undated, and a month with no year to anchor it undated too', () => {
    const fragment = run("There was no urgent business.\n\nIt was agreed that the Harbour Safety Report be deferred to a future meeting. The Dock Review would be moved to December's meeting.");
    const deferrals = fragment.items.flatMap((i) => i.deferrals.map((d) => [d.subject, d.to]));
    expect(deferrals).toEqual([
      ['Harbour Safety Report', null],
      ['Dock Review', null],
    ]);
  });
});

describe('strategies', () => {
  it('keeps named documents and leaves out legislation, generic plans and personal plans', () => {
    const doc = run(
      PAGE(
        'The Harbour Access Strategy 2026-2029 built on the Coastal Protection Plan and the Portwell Fisheries Charter. The Harbours Bill and the Marine Regulations 2011 applied. The delivery plan and their Safety Plan were noted, as were Education, Health and Care Plans. The National Strategy links were discussed.',
      ),
    );
    expect(itemNamed(doc, /Harbour Access/).strategies.sort()).toEqual(['Coastal Protection Plan', 'Harbour Access Strategy 2026-2029', 'Portwell Fisheries Charter']);
  });
});

describe('house styles of other councils', () => {
  it('reads "(Chair)" in a Present list and "Councillors:" lists', () => {
    const doc = run('LICENSING PANEL\nMonday 2 March 2026\n\nPresent: Councillor Dyer (Chair), Councillor Lowe (Vice-Chair)\nCouncillors: Abbott, Brown and Cole.\n\nApologies for absence were submitted on behalf of Councillor Fox.\n\n1. URGENT BUSINESS\n\nThere was none.');
    expect(doc.chair && nameOf(doc, doc.chair.person)).toBe('Councillor Dyer');
    expect(doc.membersPresent.map((r) => nameOf(doc, r.person))).toEqual(['Councillor Dyer', 'Councillor Lowe', 'Councillor Abbott', 'Councillor Brown', 'Councillor Cole']);
    expect(doc.apologies.map((r) => nameOf(doc, r.person))).toEqual(['Councillor Fox']);
    expect(doc.people.find((p) => p.name === 'Councillor Lowe')!.roles.map((r) => r.title)).toEqual(['Vice-Chair']);
  });

  it('reads a "Chair:" line', () => {
    const doc = run('Licensing Panel - Monday 2 March 2026\n\nChair: Councillor Dyer\n\nPresent: Councillors Dyer, Abbott and Brown.\n\n1. URGENT BUSINESS\n\nThere was none.\n\n2. ANY OTHER BUSINESS\n\nNone.');
    expect(doc.chair && nameOf(doc, doc.chair.person)).toBe('Councillor Dyer');
  });
});
