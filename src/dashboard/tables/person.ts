/**
 * A person's record: items presented and introduced, meetings attended, chaired and sent
 * apologies to, roles over time, and declarations of interest (issue 9), each row with its
 * date and evidence.
 */
import { evidence, type PersonRecord } from '../api/queries.ts';
import type { Features } from '../api/types.ts';
import { evidenceCell, type EntityTables, type TableModel } from './model.ts';

const ITEM_ROLE: Record<string, string> = { PRESENTED: 'Presented', INTRODUCED: 'Introduced', ATTENDED_ITEM: 'Attended for the item' };
const MEETING_ROLE: Record<string, string> = { CHAIRED: 'Chaired', ATTENDED: 'Present', SENT_APOLOGIES: 'Sent apologies' };

export function personTables(p: PersonRecord, features: Features): EntityTables {
  const items: TableModel = {
    id: 'person-items',
    title: 'Items presented and introduced',
    caption: `Agenda items ${p.name} presented or introduced, or attended for, oldest first.`,
    columns: [
      { key: 'date', label: 'Date', kind: 'date' },
      { key: 'role', label: 'Role', kind: 'text' },
      { key: 'item', label: 'Item', kind: 'text' },
      { key: 'body', label: 'Body', kind: 'text' },
      { key: 'evidence', label: 'Evidence', kind: 'text' },
    ],
    rows: [...p.itemParticipation]
      .sort((a, b) => rank(a.relation, ['PRESENTED', 'INTRODUCED', 'ATTENDED_ITEM']) - rank(b.relation, ['PRESENTED', 'INTRODUCED', 'ATTENDED_ITEM']))
      .sort((a, b) => (a.item.meeting.date ?? '9999').localeCompare(b.item.meeting.date ?? '9999'))
      .map((x) => [
        { text: x.item.meeting.date ?? '' , link: x.item.meeting.id },
        { text: ITEM_ROLE[x.relation] ?? x.relation },
        { text: `${x.item.number ? `${x.item.number}. ` : ''}${x.item.title}`, link: x.item.id },
        { text: x.item.meeting.body?.name ?? '', ...(x.item.meeting.body ? { link: x.item.meeting.body.id } : {}) },
        evidenceCell(x.evidence.map(evidence)),
      ]),
    empty: `The minutes read give ${p.name} no items.`,
  };
  const meetings: TableModel = {
    id: 'person-meetings',
    title: 'Meetings attended, chaired and apologies',
    caption: `Meetings at which the minutes list ${p.name} as chair, present, or sending apologies, oldest first.`,
    columns: [
      { key: 'date', label: 'Date', kind: 'date' },
      { key: 'body', label: 'Body', kind: 'text' },
      { key: 'role', label: 'Took part as', kind: 'text' },
      { key: 'evidence', label: 'Evidence', kind: 'text' },
    ],
    rows: p.meetingParticipation.map((x) => [
      { text: x.meeting.date ?? '', link: x.meeting.id },
      { text: x.meeting.body?.name ?? x.meeting.title, ...(x.meeting.body ? { link: x.meeting.body.id } : {}) },
      { text: MEETING_ROLE[x.relation] ?? x.relation },
      evidenceCell(x.evidence.map(evidence)),
    ]),
    empty: `No meeting lists ${p.name} as chair, present or sending apologies.`,
  };
  const roles: TableModel = {
    id: 'person-roles',
    title: 'Roles over time',
    caption: `Posts the minutes give ${p.name}, with the first and last meeting dates at which they do.`,
    columns: [
      { key: 'role', label: 'Role', kind: 'text' },
      { key: 'body', label: 'Body', kind: 'text' },
      { key: 'first', label: 'First seen', kind: 'date' },
      { key: 'last', label: 'Last seen', kind: 'date' },
      { key: 'evidence', label: 'Evidence', kind: 'text' },
    ],
    rows: [...p.roles]
      .sort((a, b) => (a.firstSeen ?? '9999').localeCompare(b.firstSeen ?? '9999'))
      .map((r) => [
        { text: r.title },
        { text: r.body?.name ?? '', ...(r.body ? { link: r.body.id } : {}) },
        { text: r.firstSeen ?? '' },
        { text: r.lastSeen ?? '' },
        evidenceCell(r.evidence.map(evidence)),
      ]),
    empty: 'No role recorded in the minutes.',
  };
  return {
    id: p.id,
    type: 'Person',
    title: p.name,
    sections: [
      items,
      meetings,
      roles,
      features.declarations
        ? { id: 'person-declarations', title: 'Declarations of interest', message: 'This server records declarations; this dashboard version does not read them yet.' }
        : { id: 'person-declarations', title: 'Declarations of interest', message: 'Not in this graph yet: declarations of interest are read from the minutes once the record of decisions and declarations is ingested.' },
    ],
  };
}

function rank(value: string, order: string[]): number {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}
