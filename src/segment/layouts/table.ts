/**
 * ModernGov table dumps: rows separated by "|", no item numbers, agenda text and "Minutes:" on
 * one line, a row beginning with its title or straight with its agenda text. A row whose title
 * runs into its agenda text ("Communications To receive communications ...") is split where
 * the agenda's first sentence starts.
 */
import { cleanTitle, inferTitle, isTitleLike } from '../titles.ts';
import { FURNITURE, lines, type ItemStart } from './common.ts';

const SEPARATOR_LINE = /^\|(?:\s*\|)*\s*$|^\|.*\|\s*$/;
const ROW_END = /\s\|\s*$/;
const AGENDA_START = /\s(?:To (?:consider|receive|note|approve|invite|agree|review|scrutinise|update)|This (?:report|item|paper)|The [A-Za-z][a-z]+|For the|PDF \d+|pdf icon|Additional documents:|Minutes:)/;
const HAS_MINUTES = /(?:^|\s)Minutes:|^Resolved\b/m;

/** Rows closed by "|", weighted up when agenda text and "Minutes:" share a line, as dumps do. */
export function countTableRows(text: string): number {
  const closed = lines(text).filter((l) => SEPARATOR_LINE.test(l.text) || ROW_END.test(l.text)).length;
  const inlineMinutes = (text.match(/\S Minutes: /g) ?? []).length;
  return inlineMinutes >= 2 ? closed + 1 : closed;
}

interface Row {
  start: number;
  end: number;
}

function rows(text: string): Row[] {
  const out: Row[] = [];
  let rowStart: number | null = null;
  let seenMinutes = false;
  for (const line of lines(text)) {
    const t = line.text.trim();
    if (SEPARATOR_LINE.test(t) || FURNITURE.test(t)) {
      if (rowStart !== null) out.push({ start: rowStart, end: line.start });
      rowStart = null;
      seenMinutes = false;
      continue;
    }
    if (t === '') continue;
    // A second "Minutes:" line after a resolution starts a new row the dump forgot to close.
    if (rowStart !== null && seenMinutes && / Minutes:/.test(t) && !/^Minutes:/.test(t)) {
      out.push({ start: rowStart, end: line.start });
      rowStart = null;
      seenMinutes = false;
    }
    rowStart ??= line.start;
    if (HAS_MINUTES.test(t)) seenMinutes = true;
    if (ROW_END.test(line.text)) {
      out.push({ start: rowStart, end: line.end });
      rowStart = null;
      seenMinutes = false;
    }
  }
  if (rowStart !== null) out.push({ start: rowStart, end: text.length });
  return out;
}

function rowStart(text: string, row: Row): ItemStart | null {
  const body = text.slice(row.start, row.end);
  const firstLineEnd = body.indexOf('\n');
  const firstLine = firstLineEnd < 0 ? body : body.slice(0, firstLineEnd);
  if (isTitleLike(firstLine) && firstLineEnd > 0) {
    return { start: row.start, number: null, title: cleanTitle(firstLine), titleInferred: false, bodyStart: row.start + firstLine.length, end: row.end };
  }
  const agenda = AGENDA_START.exec(firstLine);
  if (agenda && agenda.index > 0) {
    const candidate = firstLine.slice(0, agenda.index);
    if (isTitleLike(candidate)) {
      return { start: row.start, number: null, title: cleanTitle(candidate), titleInferred: false, bodyStart: row.start + agenda.index, end: row.end };
    }
  }
  const inferred = inferTitle(body.replace(/\bMinutes:\s*/, ''));
  if (!inferred) return null;
  return { start: row.start, number: null, title: inferred, titleInferred: true, bodyStart: row.start, end: row.end };
}

export function tableStarts(text: string): ItemStart[] {
  const out: ItemStart[] = [];
  for (const row of rows(text)) {
    const s = rowStart(text, row);
    if (s) out.push(s);
  }
  return out;
}
