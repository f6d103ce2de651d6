/**
 * CSV as RFC 4180 says (quotes doubled, fields with commas, quotes or line breaks quoted,
 * CRLF between records), with a BOM so spreadsheet programs read UTF-8 names right. Cells that a
 * spreadsheet would run as a formula (=, +, -, @ first) are prefixed with a quote mark: the
 * minutes are public text, and CSV injection is the classic way such text turns hostile.
 */
import type { TableModel } from './model.ts';

const FORMULA = /^[=+\-@\t\r]/;

export function csvField(text: string): string {
  const safe = FORMULA.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\ufeff${[columns, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function tableCsv(table: TableModel, rows = table.rows): string {
  return toCsv(
    table.columns.map((c) => c.label),
    rows.map((r) => r.map((c) => c.text)),
  );
}

/** Parses what toCsv writes (tests read the download back with it). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
