/**
 * The tables next to the graph, built from API records: municipal years, the attendance matrix
 * (who is a member, present beats apologies, minutes listing no one record nothing), sorting
 * with empty cells last, CSV that spreadsheets read and cannot be turned into formulas.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyRecord, PersonRecord } from '../../src/dashboard/api/queries.ts';
import { attendanceByYear, bodyTables } from '../../src/dashboard/tables/body.ts';
import { csvField, parseCsv, tableCsv, toCsv } from '../../src/dashboard/tables/csv.ts';
import { municipalYear } from '../../src/dashboard/tables/dates.ts';
import { isTable, sortRows, type TableModel } from '../../src/dashboard/tables/model.ts';
import { personTables } from '../../src/dashboard/tables/person.ts';
import { meetingLabel, nodeLabel } from '../../src/dashboard/graph/names.ts';

const NONE = { declarations: false, decisions: false, ledger: false };
const body = { id: 'body:b', name: 'Improving Lives Select Commission' };
const ev = (sentence: string) => ({
  sentence,
  start: 0,
  end: sentence.length,
  page: null,
  source: { id: 'doc:a', name: 'a.txt', format: 'text', url: null },
  item: null,
  meeting: null,
});
const meeting = (id: string, date: string | null, people: [string, 'CHAIRED' | 'ATTENDED' | 'SENT_APOLOGIES'][]) => ({
  id,
  date,
  title: id,
  body,
  participation: people.map(([p, relation]) => ({ relation, person: { id: `person:${p}`, name: `Councillor ${p}` }, evidence: [ev(`${p} ${relation}`)] })),
});

describe('municipalYear', () => {
  it('runs from May to April', () => {
    expect(municipalYear('2025-05-01')).toBe('2025/26');
    expect(municipalYear('2025-11-04')).toBe('2025/26');
    expect(municipalYear('2026-02-10')).toBe('2025/26');
    expect(municipalYear('2025-04-30')).toBe('2024/25');
    expect(municipalYear('1999-12')).toBe('1999/00');
    expect(municipalYear(null)).toBeNull();
  });
});

describe('attendance matrix', () => {
  const meetings = [
    meeting('m1', '2025-06-10', [['Brent', 'CHAIRED'], ['Brent', 'ATTENDED'], ['Cusworth', 'ATTENDED'], ['Bower', 'SENT_APOLOGIES']]),
    meeting('m2', '2025-09-16', [['Cusworth', 'SENT_APOLOGIES'], ['Cusworth', 'ATTENDED'], ['Ismail', 'ATTENDED']]),
    meeting('m3', '2026-01-20', []),
    meeting('m0', '2025-03-01', [['Adair', 'ATTENDED']]),
    meeting('mx', null, [['Zed', 'ATTENDED']]),
  ];
  it('has one matrix per municipal year, newest first, whose members are those present or sending apologies that year', () => {
    const years = attendanceByYear(meetings);
    expect(years.map((y) => y.year)).toEqual(['2025/26', '2024/25']);
    expect(years[0]!.members.map((m) => m.name)).toEqual(['Councillor Bower', 'Councillor Brent', 'Councillor Cusworth', 'Councillor Ismail']);
    expect(years[1]!.members.map((m) => m.name)).toEqual(['Councillor Adair']);
  });

  it('marks present (present beats apologies), apologies, absent, and not recorded where the minutes list no one', () => {
    const tables = bodyTables({ id: body.id, name: body.name, meetings, requests: [], deferrals: [] } as unknown as BodyRecord, NONE);
    const matrix = tables.sections.find((s) => s.id === 'attendance-2025-26') as TableModel;
    expect(matrix.columns.map((c) => c.label)).toEqual(['Member', '2025-06-10', '2025-09-16', '2026-01-20', 'Present', 'Apologies', 'Absent']);
    const rows = Object.fromEntries(matrix.rows.map((r) => [r[0]!.text, r.slice(1).map((c) => c.text)]));
    expect(rows['Councillor Brent']).toEqual(['Present', 'Absent', 'Not recorded', '1', '0', '1']);
    expect(rows['Councillor Cusworth']).toEqual(['Present', 'Present', 'Not recorded', '2', '0', '0']);
    expect(rows['Councillor Bower']).toEqual(['Apologies', 'Absent', 'Not recorded', '0', '1', '1']);
    // Each mark that rests on a statement carries it (one click from the minutes).
    expect(matrix.rows[1]![1]!.evidence?.map((e) => e.sentence)).toEqual(['Brent CHAIRED', 'Brent ATTENDED']);
    expect(matrix.rowHeaders).toBe(true);
    const ledger = tables.sections.find((s) => s.id === 'body-ledger') as TableModel;
    expect(ledger.rows).toEqual([]);
  });
});

describe('person tables', () => {
  const item = (id: string, date: string) => ({ id, number: '14', title: `Item ${id}`, meeting: { id: `meeting:${date}`, date, title: 'M', body } });
  const p = {
    __typename: 'Person',
    id: 'person:helen',
    name: 'Helen Sweaton',
    itemParticipation: [
      { relation: 'ATTENDED_ITEM', item: item('i2', '2025-11-04'), evidence: [ev('Helen attended.')] },
      { relation: 'PRESENTED', item: item('i2', '2025-11-04'), evidence: [ev('Helen presented.')] },
      { relation: 'PRESENTED', item: item('i1', '2025-07-22'), evidence: [ev('Helen presented the report.')] },
    ],
    meetingParticipation: [{ relation: 'SENT_APOLOGIES', meeting: { id: 'meeting:x', date: '2025-09-10', title: 'M', body }, evidence: [ev('Apologies: Helen.')] }],
    roles: [{ title: 'Joint Assistant Director', firstSeen: '2025-07-22', lastSeen: '2025-11-04', body: null, evidence: [] }],
  } as unknown as PersonRecord;

  it('lists items by date with the stronger role first, meetings, roles, and a place for declarations', () => {
    const t = personTables(p, NONE);
    const items = t.sections[0] as TableModel;
    expect(items.rows.map((r) => [r[0]!.text, r[1]!.text])).toEqual([
      ['2025-07-22', 'Presented'],
      ['2025-11-04', 'Presented'],
      ['2025-11-04', 'Attended for the item'],
    ]);
    expect((t.sections[1] as TableModel).rows[0]!.map((c) => c.text).slice(0, 3)).toEqual(['2025-09-10', 'Improving Lives Select Commission', 'Sent apologies']);
    expect((t.sections[2] as TableModel).rows[0]![0]!.text).toBe('Joint Assistant Director');
    const pending = t.sections[3]!;
    expect(isTable(pending)).toBe(false);
    expect(pending.title).toBe('Declarations of interest');
    const csv = parseCsv(tableCsv(items));
    expect(csv[0]).toEqual(['Date', 'Role', 'Item', 'Body', 'Evidence']);
    expect(csv[1]).toEqual(['2025-07-22', 'Presented', '14. Item i1', 'Improving Lives Select Commission', '"Helen presented the report." (a.txt)']);
  });
});

describe('sorting and CSV', () => {
  const table: TableModel = {
    id: 't',
    title: 'T',
    caption: '',
    empty: '',
    columns: [
      { key: 'date', label: 'Date', kind: 'date' },
      { key: 'n', label: 'N', kind: 'number' },
    ],
    rows: [
      [{ text: '2025-01-02' }, { text: '10' }],
      [{ text: '' }, { text: '2' }],
      [{ text: '2024-05-06' }, { text: '9' }],
    ],
  };
  it('sorts dates and numbers as such, empty cells last both ways', () => {
    expect(sortRows(table, 'date', 'asc').map((r) => r[0]!.text)).toEqual(['2024-05-06', '2025-01-02', '']);
    expect(sortRows(table, 'date', 'desc').map((r) => r[0]!.text)).toEqual(['2025-01-02', '2024-05-06', '']);
    expect(sortRows(table, 'n', 'asc').map((r) => r[1]!.text)).toEqual(['2', '9', '10']);
  });

  it('writes CSV a spreadsheet reads back exactly, and defuses formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const back = parseCsv(toCsv(['a', 'b'], rows));
        expect(back[0]).toEqual(['a', 'b']);
        expect(back.slice(1)).toEqual(rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))));
      }),
    );
  });
});

describe('names on the picture', () => {
  it('leads a meeting with its date and shortens the body after it, never the date', () => {
    expect(meetingLabel('2025-11-04', 'Improving Lives Select Commission', '')).toBe('2025-11-04 · Improving Lives SC');
    expect(meetingLabel('2025-11-04', "Children and Young People's Scrutiny Commission", '')).toMatch(/^2025-11-04 · CYP Scrutiny Commission$/);
    const long = meetingLabel('2025-11-04', 'A Very Long Partnership Board Name For The Whole Of The County Area', '');
    expect(long.startsWith('2025-11-04 · ')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(meetingLabel('2025-11-04', null, 'Cabinet, 2025-11-04', false)).toBe('2025-11-04 · Cabinet');
    expect(nodeLabel('The Looked After Children’s Sufficiency Strategy 2023-2027 Update')).toMatch(/…$/);
  });
});
