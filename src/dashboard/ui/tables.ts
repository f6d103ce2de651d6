/**
 * The tables view: an entity's record as tables (tables/*.ts build them), every column
 * sortable, every table downloadable as CSV, every row's evidence one click from the minutes.
 * Real <table>s with captions and header cells: the graph's content, for screen readers too.
 */
import type { Evidence } from '../api/types.ts';
import type { Loadable } from '../state/store.ts';
import { tableCsv } from '../tables/csv.ts';
import { isTable, sortRows, type Cell, type EntityTables, type TableModel } from '../tables/model.ts';
import { clear, h } from './dom.ts';
import { citation } from './evidence.ts';

export interface TableActions {
  show(id: string): void;
  read(entries: Evidence[], index: number, context: { subject: string; relation: null }): void;
  sort(table: string, key: string): void;
  download(table: TableModel, rows: Cell[][], file: string): void;
}

export type Sorts = Readonly<Record<string, { key: string; direction: 'asc' | 'desc' }>>;

export const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

function cellContent(cell: Cell, column: string, actions: TableActions, subject: string): Node | string {
  if (cell.mark) {
    const label = `${cell.text}`;
    return cell.evidence?.length
      ? h('button', { type: 'button', class: `mark-cell ${cell.mark}`, title: `${label}: read the minutes`, onClick: (() => actions.read(cell.evidence!, 0, { subject, relation: null })) as EventListener }, label)
      : h('span', { class: `mark-cell ${cell.mark}` }, label);
  }
  if (column === 'evidence') {
    const ev = cell.evidence ?? [];
    if (!ev.length) return h('span', { class: 'muted' }, '—');
    const first = ev[0]!.sentence.replace(/\s+/g, ' ').trim();
    return h(
      'div',
      { class: 'evidence-cell' },
      h('q', {}, first.length > 110 ? `${first.slice(0, 108)}…` : first),
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          'data-testid': 'table-read',
          'aria-label': `Read in the minutes: ${citation(ev[0]!)}`,
          onClick: (() => actions.read(ev, 0, { subject, relation: null })) as EventListener,
        },
        ev.length > 1 ? `Read (${ev.length})` : 'Read',
      ),
    );
  }
  if (cell.link) return h('button', { type: 'button', class: 'link', onClick: (() => actions.show(cell.link!)) as EventListener }, cell.text || '—');
  return cell.text;
}

function renderTable(entity: EntityTables, table: TableModel, sorts: Sorts, actions: TableActions): HTMLElement {
  const sort = sorts[`${entity.id}|${table.id}`];
  const rows = sort ? sortRows(table, sort.key, sort.direction) : table.rows;
  const file = `${slug(entity.title)}-${table.id}.csv`;
  const headerCells = table.columns.map((c) => {
    const active = sort?.key === c.key;
    const ariaSort = active ? (sort!.direction === 'asc' ? 'ascending' : 'descending') : 'none';
    return h(
      'th',
      { scope: 'col', 'aria-sort': ariaSort },
      h(
        'button',
        { type: 'button', class: 'sort', 'data-testid': `sort-${c.key}`, onClick: (() => actions.sort(`${entity.id}|${table.id}`, c.key)) as EventListener },
        c.label,
        h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (sort!.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'),
      ),
    );
  });
  const subject = `${entity.title} · ${table.title}`;
  return h(
    'section',
    { class: 'record-table', 'data-testid': `table-${table.id}`, 'data-table': table.id, 'aria-labelledby': `t-${table.id}` },
    h(
      'div',
      { class: 'record-table-head' },
      h('h3', { id: `t-${table.id}` }, `${table.title} (${rows.length})`),
      h(
        'button',
        { type: 'button', class: 'btn small', 'data-testid': `csv-${table.id}`, onClick: (() => actions.download(table, rows, file)) as EventListener },
        'Download CSV',
      ),
    ),
    rows.length
      ? h(
          'div',
          { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${table.title}, scrollable` },
          h(
            'table',
            { class: `data-table${table.rowHeaders ? ' matrix' : ''}` },
            h('caption', {}, table.caption),
            h('thead', {}, h('tr', {}, headerCells)),
            h(
              'tbody',
              {},
              rows.map((row) =>
                h(
                  'tr',
                  {},
                  row.map((cell, i) => {
                    const key = table.columns[i]!.key;
                    const content = cellContent(cell, key, actions, subject);
                    return i === 0 && table.rowHeaders ? h('th', { scope: 'row' }, content) : h('td', { class: `col-${table.columns[i]!.kind}` }, content);
                  }),
                ),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted', 'data-testid': 'table-empty' }, table.empty),
  );
}

export function renderTables(root: HTMLElement, tables: Loadable<EntityTables | null> | null, sorts: Sorts, actions: TableActions): void {
  clear(root);
  if (!tables) {
    root.append(h('div', { class: 'notice', 'data-state': 'empty' }, 'Choose a person, body or strategy to see its record as tables.'));
    return;
  }
  if (tables.state === 'loading') {
    root.append(h('div', { class: 'panel-loading', 'data-state': 'loading', role: 'status' }, h('div', { class: 'spinner' }), 'Loading the record…'));
    return;
  }
  if (tables.state === 'error') {
    root.append(h('div', { class: 'notice error', role: 'alert' }, `Could not load the record: ${tables.message}`));
    return;
  }
  const t = tables.value;
  if (!t) {
    root.append(h('div', { class: 'notice', 'data-state': 'empty', 'data-testid': 'tables-none' }, 'Tables are kept for people, bodies and strategies: choose one of those.'));
    return;
  }
  root.append(
    h('h2', { class: 'tables-title', 'data-testid': 'tables-title' }, `${t.title}: the record`),
    ...t.sections.map((s) =>
      isTable(s)
        ? renderTable(t, s, sorts, actions)
        : h('section', { class: 'record-table pending', 'data-testid': `table-${s.id}` }, h('h3', {}, s.title), h('p', { class: 'muted' }, s.message)),
    ),
  );
}

export { tableCsv };
