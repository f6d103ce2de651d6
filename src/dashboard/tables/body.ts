/**
 * A body's record: its meetings, an attendance matrix per municipal year (members × meetings:
 * present, apologies, absent), and its requests and deferrals (the ledger, whose follow-through
 * issue 9 adds).
 *
 * A member, for a year's matrix, is anyone the minutes list as present (or in the chair) or
 * sending apologies at a meeting of the body in that municipal year (May to April); at a
 * meeting of that year where they are neither, they were absent; at a meeting whose minutes
 * list no one, their attendance is not recorded (never counted as absent). Officers and guests
 * attending for an item are not members, and are not counted.
 */
import { evidence, type BodyRecord } from '../api/queries.ts';
import type { Evidence, Features } from '../api/types.ts';
import { municipalYear, yearSlug } from './dates.ts';
import { evidenceCell, type Cell, type EntityTables, type PendingSection, type TableModel } from './model.ts';

type Meeting = BodyRecord['meetings'][number];
type Mark = NonNullable<Cell['mark']>;

export interface MatrixYear {
  year: string;
  meetings: Meeting[];
  members: { id: string; name: string }[];
  /** mark[member][meeting] with the statements it rests on (absent: none). */
  marks: Map<string, Map<string, { mark: Mark; evidence: Evidence[] }>>;
}

export function attendanceByYear(meetings: readonly Meeting[]): MatrixYear[] {
  const years = new Map<string, MatrixYear>();
  for (const m of [...meetings].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))) {
    const year = municipalYear(m.date);
    if (!year) continue;
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, meetings: [], members: [], marks: new Map() }));
    y.meetings.push(m);
    for (const p of m.participation) {
      let row = y.marks.get(p.person.id);
      if (!row) {
        y.marks.set(p.person.id, (row = new Map()));
        y.members.push(p.person);
      }
      const mark: Mark = p.relation === 'SENT_APOLOGIES' ? 'apologies' : 'present';
      const known = row.get(m.id);
      const ev = p.evidence.map(evidence);
      // Present wins over apologies (a late arrival is minuted both ways); evidence of both is kept.
      if (!known) row.set(m.id, { mark, evidence: ev });
      else row.set(m.id, { mark: known.mark === 'present' || mark === 'present' ? 'present' : 'apologies', evidence: [...known.evidence, ...ev] });
    }
  }
  for (const y of years.values()) y.members.sort((a, b) => surname(a.name).localeCompare(surname(b.name)) || a.name.localeCompare(b.name));
  return [...years.values()].sort((a, b) => b.year.localeCompare(a.year));
}

const MARK_TEXT: Record<Mark, string> = { present: 'Present', apologies: 'Apologies', absent: 'Absent', unrecorded: 'Not recorded' };

function matrixTable(y: MatrixYear, body: string): TableModel {
  return {
    id: `attendance-${yearSlug(y.year)}`,
    title: `Attendance ${y.year}`,
    caption: `Attendance at meetings of ${body} in the municipal year ${y.year} (May to April): each member listed present or sending apologies at any of its meetings that year, by meeting.`,
    rowHeaders: true,
    columns: [
      { key: 'member', label: 'Member', kind: 'text' },
      ...y.meetings.map((m) => ({ key: m.id, label: m.date ?? 'undated', kind: 'text' as const })),
      { key: 'present', label: 'Present', kind: 'number' },
      { key: 'apologies', label: 'Apologies', kind: 'number' },
      { key: 'absent', label: 'Absent', kind: 'number' },
    ],
    rows: y.members.map((person) => {
      const row = y.marks.get(person.id)!;
      const counts: Record<Mark, number> = { present: 0, apologies: 0, absent: 0, unrecorded: 0 };
      const cells: Cell[] = y.meetings.map((m) => {
        const at = row.get(m.id);
        // Minutes that list no one present say nothing about who was absent.
        const mark: Mark = at?.mark ?? (m.participation.length ? 'absent' : 'unrecorded');
        counts[mark]++;
        return { text: MARK_TEXT[mark], mark, ...(at ? { evidence: at.evidence } : {}) };
      });
      return [
        { text: person.name, link: person.id },
        ...cells,
        { text: String(counts.present) },
        { text: String(counts.apologies) },
        { text: String(counts.absent) },
      ];
    }),
    empty: `No one is listed present or sending apologies at ${body}'s meetings in ${y.year}.`,
  };
}

export function bodyTables(b: BodyRecord, features: Features): EntityTables {
  const meetings: TableModel = {
    id: 'body-meetings',
    title: 'Meetings',
    caption: `Meetings of ${b.name} in the graph, newest first, with who chaired and how many were present or sent apologies.`,
    columns: [
      { key: 'date', label: 'Date', kind: 'date' },
      { key: 'year', label: 'Municipal year', kind: 'text' },
      { key: 'chair', label: 'Chair', kind: 'text' },
      { key: 'present', label: 'Present', kind: 'number' },
      { key: 'apologies', label: 'Apologies', kind: 'number' },
      { key: 'evidence', label: 'Evidence', kind: 'text' },
    ],
    rows: [...b.meetings]
      .sort((a, c) => (c.date ?? '').localeCompare(a.date ?? ''))
      .map((m) => {
        const chair = m.participation.find((p) => p.relation === 'CHAIRED');
        const present = new Set(m.participation.filter((p) => p.relation !== 'SENT_APOLOGIES').map((p) => p.person.id));
        const apologies = new Set(m.participation.filter((p) => p.relation === 'SENT_APOLOGIES').map((p) => p.person.id));
        return [
          { text: m.date ?? '', link: m.id },
          { text: municipalYear(m.date) ?? '' },
          { text: chair?.person.name ?? '', ...(chair ? { link: chair.person.id } : {}) },
          { text: String(present.size) },
          { text: String(apologies.size) },
          evidenceCell(m.participation.flatMap((p) => p.evidence.map(evidence)).slice(0, 1)),
        ];
      }),
    empty: `No meetings of ${b.name} in the graph.`,
  };
  const ledger: TableModel = {
    id: 'body-ledger',
    title: 'Requests and deferrals',
    caption: `What ${b.name} asked for and what it deferred, newest first.${features.ledger ? '' : ' Whether each was answered or landed is not tracked in this graph yet.'}`,
    columns: [
      { key: 'date', label: 'Raised', kind: 'date' },
      { key: 'kind', label: 'Kind', kind: 'text' },
      { key: 'what', label: 'What', kind: 'text' },
      { key: 'item', label: 'Item', kind: 'text' },
      { key: 'target', label: 'Deferred to', kind: 'text' },
      { key: 'status', label: 'Status', kind: 'text' },
      { key: 'evidence', label: 'Evidence', kind: 'text' },
    ],
    rows: [
      ...b.requests.map((r) => ({ date: r.item.meeting.date, kind: 'Request', what: r.text, item: r.item, target: '', ev: r.evidence })),
      ...b.deferrals.map((d) => ({ date: d.item.meeting.date, kind: 'Deferral', what: d.subject, item: d.item, target: d.to ?? 'a future meeting', ev: d.evidence })),
    ]
      .sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''))
      .map((x) => [
        { text: x.date ?? '', link: x.item.meeting.id },
        { text: x.kind },
        { text: x.what },
        { text: `${x.item.number ? `${x.item.number}. ` : ''}${x.item.title}`, link: x.item.id },
        { text: x.target },
        { text: features.ledger ? '' : 'not tracked yet' },
        evidenceCell(x.ev.map(evidence)),
      ]),
    empty: `No requests or deferrals of ${b.name} in the graph.`,
  };
  const years = attendanceByYear(b.meetings);
  const matrices: (TableModel | PendingSection)[] = years.length
    ? years.map((y) => matrixTable(y, b.name))
    : [{ id: 'attendance', title: 'Attendance', message: `None of ${b.name}'s meetings in the graph has a date, so no municipal year can be told.` }];
  return { id: b.id, type: 'Body', title: b.name, sections: [meetings, ...matrices, ledger] };
}

/** Members sort by surname, as councils list them ("Councillor Ann Brent" under B). */
function surname(name: string): string {
  const words = name.replace(/^(Councillor|Cllr\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss)\s+/i, '').trim().split(/\s+/);
  return words[words.length - 1] ?? name;
}
