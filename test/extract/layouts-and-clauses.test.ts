/**
 * Families of layout and phrasing met in councils' minutes beyond the ones the project was built
 * on, each written here in our own words: a post printed before its holder with a dash, plural
 * offices heading a members' list, Gaelic surnames after initials, a listed name met again in
 * running text, presenters in a second clause or after their post.
 */
import { describe, expect, it } from 'vitest';
import { itemNamed, run } from './helpers.ts';

const NI_STYLE = `MOYLE VALLEY DISTRICT COUNCIL

Minutes of the meeting of the Leisure and Community Committee held on Tuesday 3 March 2026

In the Chair:        Alderman P Grealish

Members Present:     Aldermen B Kernohan and W J Tweed
                     Councillors S Ó Dochartaigh, M Nic Aoidh, R Mac Giolla Bhríde and L Boyd

In Attendance:       Head of Leisure Services – Mr D Carvill
                     Community Development Manager – Ms E Ferris
                     Committee Clerk – Mrs J Mawhinney

LC/041   LEISURE CENTRE PRICING REVIEW 2026/27

The Head of Leisure Services introduced the item and the Community Development Manager, Ms Ferris, presented the proposed concessions.

LC/042   PLAY PARK REFURBISHMENT PROGRAMME

D Carvill took members through the programme for the twelve play parks.
`;

describe('a post printed before its holder, offices heading a list, Gaelic surnames', () => {
  const doc = run(NI_STYLE);
  const names = doc.people.map((p) => p.name);

  it('reads "Post – Name" lines as the holder with that post', () => {
    const carvill = doc.people.find((p) => p.name.endsWith('D Carvill'))!;
    expect(carvill.roles.map((r) => r.title)).toContain('Head of Leisure Services');
    expect(doc.people.find((p) => p.name.endsWith('J Mawhinney'))!.roles.map((r) => r.title)).toContain('Committee Clerk');
  });

  it('gives "Aldermen" to every entry after it and keeps particles in the surname', () => {
    expect(names).toEqual(expect.arrayContaining(['Alderman B Kernohan', 'Alderman W J Tweed']));
    expect(names.some((n) => n.endsWith('S Ó Dochartaigh'))).toBe(true);
    expect(names.some((n) => n.endsWith('R Mac Giolla Bhríde'))).toBe(true);
    expect(names.some((n) => n.endsWith('M Nic Aoidh'))).toBe(true);
  });

  it('reads a presenter in the clause after the introducer, named after the post', () => {
    const item = itemNamed(doc, /Pricing Review/);
    expect(item.presenters.some((n) => /Ferris/.test(n))).toBe(true);
  });

  it('knows a listed name with one initial when the text uses it again', () => {
    const item = itemNamed(doc, /Play Park/);
    expect(item.presenters.some((n) => /Carvill/.test(n))).toBe(true);
  });
});

describe('presenters named with their post', () => {
  it('reads "The Licensing Officer, Jo Brandt, presented the report"', () => {
    const doc = run(`Licensing Sub-Committee, 4 May 2026

1. Application for a premises licence, The Old Forge

The Licensing Officer, Jo Brandt, presented the report. The applicant addressed the Sub-Committee.
`);
    expect(itemNamed(doc, /premises licence/).presenters).toEqual(['Jo Brandt']);
  });

  it('does not make the first person of a sentence a presenter after a comma alone', () => {
    const doc = run(`Cabinet, 4 May 2026

1. Budget Monitoring

In Harlow, Jo Brandt said the figures were provisional.
`);
    expect(itemNamed(doc, /Budget/).presenters).toEqual([]);
  });
});

describe('unnumbered headings confirmed by the agenda text after them', () => {
  it('reads a title line followed by "The committee are to receive …"', () => {
    const doc = run(`Children's Select Committee - Thursday 5 March 2026

Minutes of the Previous Meeting

To approve the minutes of the meeting held on 8 January 2026.

Youth Justice Plan 2026-2029

The committee are to receive a report on the draft plan.

Sam Okoro, Head of Youth Justice, introduced the report.
`);
    const item = itemNamed(doc, /Youth Justice Plan/);
    expect(item.introducers).toEqual(['Sam Okoro']);
  });
});

describe('attendance printed as a table', () => {
  it('reads a status column: present, apologies, and officers apart from members', () => {
    const doc = run(`KESTERTON BOROUGH COUNCIL
AUDIT COMMITTEE
Minutes of the meeting held on Tuesday 3 February 2026

Name                      | Role                   | Attendance
Councillor Amara Obi      | Chair                  | Present
Councillor T R Whitlow    | Member                 | Apologies
Councillor Hugh Penrith   | Member                 | Present
Gemma Stoddart            | Chief Internal Auditor | Present

1. External Audit Plan

Gemma Stoddart presented the plan.
`);
    expect(doc.chair && doc.people.find((p) => p.key === doc.chair!.person)?.name).toBe('Councillor Amara Obi');
    const members = doc.membersPresent.map((r) => doc.people.find((p) => p.key === r.person)!.name);
    expect(members).toEqual(expect.arrayContaining(['Councillor Amara Obi', 'Councillor Hugh Penrith']));
    expect(members).not.toContain('Gemma Stoddart');
    expect(doc.apologies.map((r) => doc.people.find((p) => p.key === r.person)!.name)).toEqual(['Councillor T R Whitlow']);
    expect(itemNamed(doc, /External Audit/).presenters).toEqual(['Gemma Stoddart']);
  });

  it('reads an unlabelled "| Name | Title |" table at the head as the members, and its items still', () => {
    const doc = run(`NHS Ashby Vale Integrated Care Board
Minutes: Thursday 5 March 2026

| Name               | Title                   |
| Dr Ngozi Eze       | Chair                   |
| Paul Dunmore       | Chief Executive         |
| Cllr Rhys Bevan    | Partner Member          |

ICB/26/011 Declarations of interest
None were declared.

ICB/26/012 Finance report
Paul Dunmore presented the month 10 position.
`);
    expect(doc.items.map((i) => i.number)).toEqual(['ICB/26/011', 'ICB/26/012']);
    expect(doc.membersPresent.length).toBe(3);
  });

  it('reads members grouped under the authority each represents', () => {
    const doc = run(`JOINT WASTE COMMITTEE
Minutes of the meeting held on 6 January 2026

PRESENT:
Harcombe District Council: Councillors Leah Brind, O P Matthews
Dunsby Borough Council: Councillors Imran Rafiq, Sue Colley

1. Apologies
None.
`);
    const names = doc.membersPresent.map((r) => doc.people.find((p) => p.key === r.person)!.name);
    expect(names).toEqual(expect.arrayContaining(['Councillor Leah Brind', 'Councillor O P Matthews', 'Councillor Imran Rafiq', 'Councillor Sue Colley']));
  });
});
