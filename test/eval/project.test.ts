import { describe, expect, it } from 'vitest';
import { projectDocument } from '../../src/eval/project.ts';
import type { ResolvedDocument, ResolvedPerson } from '../../src/resolve/types.ts';
import { evidence } from './helpers.ts';

const ev = evidence('nb-2025-11-04.txt');
const ref = (person: string) => ({ person, evidence: ev });
const person = (key: string, name: string, extra: Partial<ResolvedPerson> = {}): ResolvedPerson => ({
  key,
  name,
  aliases: [],
  kind: 'officer',
  roles: [],
  represents: [],
  mentions: [ev],
  ...extra,
});

/** A fictional Northbridge meeting, built by hand the way the resolver would return it. */
const resolved: ResolvedDocument = {
  source: { id: 'nb-2025-11-04.txt', path: '/tmp/nb-2025-11-04.txt', sha256: 'f'.repeat(64), format: 'text' },
  meeting: { body: 'Children and Young People Scrutiny Panel', council: 'Northbridge Metropolitan Borough Council', date: '2025-11-04', evidence: ev },
  chair: ref('amberley'),
  membersPresent: [ref('amberley'), ref('okafor'), ref('amberley')],
  apologies: [ref('quist')],
  people: [
    person('amberley', 'Councillor Amberley', { kind: 'councillor' }),
    person('okafor', 'Councillor Okafor', { kind: 'councillor', roles: [{ title: 'Cabinet Member for Children', body: null, evidence: ev }] }),
    person('quist', 'Councillor Quist', { kind: 'councillor' }),
    person('holt', 'Priya Holt', {
      aliases: ['Priya Hott', 'Priya Holt'],
      roles: [
        { title: 'Head of Fostering', body: null, evidence: ev },
        { title: 'Chair of the Fostering Panel', body: 'Fostering Panel', evidence: ev },
        { title: 'Head of Fostering', body: null, evidence: evidence('nb-2025-11-04.txt', 'nb#1') },
      ],
    }),
  ],
  items: [
    {
      key: 'nb#1',
      ordinal: 1,
      number: '7',
      title: 'Work Programme',
      start: 900,
      end: 1000,
      attendees: [],
      presenters: [ref('amberley')],
      introducers: [],
      askedBy: [],
      requests: [],
      deferrals: [
        { subject: 'Fostering Annual Report', to: '2026-01', from: '2025-11-04', by: 'Children and Young People Scrutiny Panel', evidence: ev },
        { subject: 'Sufficiency Plan refresh', to: null, from: null, by: null, evidence: ev },
      ],
      strategies: [],
      topics: [{ name: 'fostering', evidence: ev }],
    },
    {
      key: 'nb#0',
      ordinal: 0,
      number: '6',
      title: 'Fostering Service Update',
      start: 100,
      end: 900,
      attendees: [ref('okafor'), ref('holt')],
      presenters: [ref('holt')],
      introducers: [ref('okafor')],
      askedBy: [],
      requests: [{ text: 'a briefing on foster carer recruitment', by: 'Children and Young People Scrutiny Panel', evidence: ev }],
      deferrals: [],
      strategies: [{ name: 'Northbridge Fostering Strategy 2024-2027', kind: 'strategy', evidence: ev, approvedBy: { body: 'Cabinet', date: '2024-03', evidence: ev } }],
      topics: [],
    },
  ],
  bodies: [{ name: 'Fostering Panel', kind: 'panel' }],
  bodyRelations: [],
  warnings: [],
};

describe('projectDocument', () => {
  it('projects a resolved document into the gold shape', () => {
    const { doc, warnings } = projectDocument(resolved);
    expect(warnings).toEqual([]);
    expect(doc).toEqual({
      source: 'nb-2025-11-04.txt',
      meeting: { body: 'Children and Young People Scrutiny Panel', date: '2025-11-04' },
      chair: 'Councillor Amberley',
      // Person refs become the person's name, once each.
      members_present: ['Councillor Amberley', 'Councillor Okafor'],
      apologies: ['Councillor Quist'],
      people: [
        { name: 'Councillor Amberley', aliases: [], roles: [] },
        { name: 'Councillor Okafor', aliases: [], roles: ['Cabinet Member for Children'] },
        { name: 'Councillor Quist', aliases: [], roles: [] },
        // The alias equal to the name is dropped; a role seen twice is one role.
        { name: 'Priya Holt', aliases: ['Priya Hott'], roles: ['Head of Fostering', 'Chair of the Fostering Panel'] },
      ],
      // Items in document order (ordinal), not array order.
      items: [
        {
          number: '6',
          title: 'Fostering Service Update',
          attendees: ['Councillor Okafor', 'Priya Holt'],
          presenters: ['Priya Holt'],
          introducers: ['Councillor Okafor'],
          requests: ['a briefing on foster carer recruitment'],
          deferrals: [],
          strategies: ['Northbridge Fostering Strategy 2024-2027'],
          // The record's fields (test/fixtures/KEY-FORMAT.md): none in this document.
          decisions: [],
          asked: [],
        },
        {
          number: '7',
          title: 'Work Programme',
          attendees: [],
          presenters: ['Councillor Amberley'],
          introducers: [],
          requests: [],
          deferrals: [
            { subject: 'Fostering Annual Report', to: '2026-01' },
            { subject: 'Sufficiency Plan refresh', to: null },
          ],
          strategies: [],
          decisions: [],
          asked: [],
        },
      ],
      declarations: [],
      substitutions: [],
    });
  });

  it('projects a missing chair as null', () => {
    expect(projectDocument({ ...resolved, chair: null }).doc.chair).toBeNull();
  });

  it('keeps a dangling person ref under its key and warns', () => {
    const { doc, warnings } = projectDocument({ ...resolved, apologies: [ref('councillor zeller')] });
    expect(doc.apologies).toEqual(['councillor zeller']);
    expect(warnings).toEqual(["nb-2025-11-04.txt: person ref 'councillor zeller' is not in the document's people"]);
  });
});
