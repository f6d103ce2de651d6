/**
 * Families met on unseen minutes, in our own words: a presenter addressing the audience by
 * name ("took Cabinet through", "updated the Board on"), a passive list of presenters each
 * with their post, the subject of a second clause after "introduced by X, and", an office
 * named head first ("Office of the …"), "sought assurance", codes with "&" before a minute
 * number, and minutes written as a table of items.
 */
import { describe, expect, it } from 'vitest';
import { itemNamed, run } from './helpers.ts';

describe('presenters addressing their audience', () => {
  const doc = run(`Ravensholt Borough Council
Minutes of the meeting of the Cabinet held on 12 May 2026

1. School Transport Policy
Amara Osei, Head of Access to Learning, took Cabinet through the consultation responses.

2. Planning Appeals
Petra Lindqvist, Head of Planning, updated the Board on recent appeal decisions.

3. Housing Business Plan
The plan was presented by Tomasz Nowak, Assistant Director of Housing, and Efua Mensah, Head of Finance (Housing).

4. Better Care Fund
The item was introduced by Councillor Farrant, and Gwen Hollis presented the plan.
Councillor Ibe sought assurance that the discharge fund would be spent by March.
`);

  it('reads "took Cabinet through" and "updated the Board on" as presenting', () => {
    expect(itemNamed(doc, /School Transport/).presenters).toEqual(['Amara Osei']);
    expect(itemNamed(doc, /Planning Appeals/).presenters).toEqual(['Petra Lindqvist']);
  });

  it('reads every presenter of a passive list, past each one\'s post', () => {
    expect(itemNamed(doc, /Housing Business/).presenters.sort()).toEqual(['Efua Mensah', 'Tomasz Nowak']);
  });

  it('keeps the introducer and the presenter of "introduced by X, and Y presented" apart', () => {
    const item = itemNamed(doc, /Better Care/);
    expect(item.introducers).toEqual(['Councillor Farrant']);
    expect(item.presenters).toEqual(['Gwen Hollis']);
    expect(item.requests).toEqual(['assurance that the discharge fund would be spent by March']);
  });
});

describe('an office named head first is an organisation, not a post', () => {
  it('keeps "Office of the …" with the post before it', () => {
    const doc = run(`Westmarch Police and Crime Panel
Minutes of the meeting held on 3 February 2026

In attendance: Lena Marsh, Police and Crime Commissioner; Oskar Brant, Chief Executive, Office of the Police and Crime Commissioner

1. Proposed Precept
The Commissioner presented her proposal.
`);
    const brant = doc.people.find((p) => p.name === 'Oskar Brant')!;
    expect(brant.roles.map((r) => r.title)).toEqual(['Chief Executive, Office of the Police and Crime Commissioner']);
    expect(itemNamed(doc, /Precept/).presenters).toEqual(['Lena Marsh']);
  });
});

describe('minute numbers and tables of items', () => {
  it('reads codes holding "&" before the running number', () => {
    const doc = run(`Audit and Governance Committee
Date: Tuesday 7 April 2026

A&G 31/26   APOLOGIES FOR ABSENCE
None.

A&G 32/26   INTERNAL AUDIT PLAN
The Audit Manager presented the plan.
`);
    expect(doc.items.map((i) => i.number)).toEqual(['A&G 31/26', 'A&G 32/26']);
  });

  it('reads a table whose header names the item and subject columns, one row an item', () => {
    const doc = run(`| Kestrel Vale Health and Wellbeing Board | | |
|---|---|---|

| No. | Subject | Discussion | Action |
|---|---|---|---|
| 1 | Welcome and apologies | The Chair welcomed members. | - |
| 2 | Healthy Weight Plan | Omar Aziz presented the plan. Members requested a breakdown by ward. | Noted |
| 3 | AOB | None. | - |
`);
    expect(doc.meeting.body).toBe('Kestrel Vale Health and Wellbeing Board');
    expect(doc.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Welcome and apologies'],
      ['2', 'Healthy Weight Plan'],
      ['3', 'AOB'],
    ]);
    expect(itemNamed(doc, /Healthy Weight/).presenters).toEqual(['Omar Aziz']);
  });

  it('leaves a table without a number and a subject column to the other layouts', () => {
    const doc = run(`Minutes of the Finance Panel held on 2 March 2026

| Name | Role |
|---|---|
| Cllr Jo Bell | Chair |

1. Budget Monitoring
The report was noted.
`);
    expect(doc.items.map((i) => i.title)).toEqual(['Budget Monitoring']);
  });
});

describe('the chair, in the ways minutes write it', () => {
  const chairOf = (body: string) => {
    const doc = run(`Minutes of the meeting of the Northfold Committee held on 3 March 2026\n\n${body}`);
    return doc.chair ? doc.people.find((p) => p.key === doc.chair!.person)?.name ?? null : null;
  };
  const present = 'Present: Councillors A Brook, C Dale and E Fenn\n\n';

  it('reads the chair in brackets after an office, and a line in capitals', () => {
    expect(chairOf(`${present}The Mayor (Councillor Gita Rao) in the Chair\n\n1. Apologies\nNone.\n`)).toBe('Councillor Gita Rao');
    expect(chairOf(`${present}COUNCILLOR DALE IN THE CHAIR\n\n1. Apologies\nNone.\n`)).toBe('Councillor C Dale');
  });

  it('reads the chair named after the post, elected at the meeting, or in a label', () => {
    expect(chairOf(`${present}1. Apologies\nThe Chair, Councillor Dale, welcomed everyone.\n`)).toBe('Councillor C Dale');
    expect(chairOf(`${present}1. Election of Chair\nCouncillor Fenn was duly elected as Chair for the municipal year.\n`)).toBe('Councillor E Fenn');
    expect(chairOf(`${present}1. Election of Chair\nRESOLVED – That Councillor Brook be elected to the chair for the ensuing year.\n`)).toBe('Councillor A Brook');
    expect(chairOf('Chaired by: Councillor Imran Dale\nPresent: Councillors A Brook and E Fenn\n\n1. Apologies\nNone.\n')).toBe('Councillor Imran Dale');
    expect(chairOf('Present: Councillor Ruth Kemp (Chair of the Committee), Councillors A Brook and E Fenn\n\n1. Apologies\nNone.\n')).toBe('Councillor Ruth Kemp');
  });

  it('leaves a vice-chair and a thanked chair alone', () => {
    expect(chairOf(`${present}1. Apologies\nThe Vice-Chair, Councillor Dale, welcomed everyone.\n`)).toBeNull();
    expect(chairOf(`${present}1. Apologies\nCouncillor Fenn thanked the Chair, Councillor Dale, for her work.\n`)).toBeNull();
  });
});
