/** Dates as English minutes write them: "2nd December, 2025", "Tuesday 10 February 2026", "24th July 17". */
import { MONTH_PATTERN, monthNumber } from '../lexicon/months.ts';

export interface FoundDate {
  /** `YYYY-MM-DD`, or `YYYY-MM` when no day is given. */
  iso: string;
  start: number;
  end: number;
}

const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun|MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)(?:day|DAY),?\\s+)?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = "('?\\d{2}|\\d{4})\\b(?!\\s*(?:a\\.m|p\\.m|am|pm|KB))";

const DAY_MONTH_YEAR = new RegExp(`\\b${WEEKDAY}${DAY}(?:\\s+of)?\\s+(${MONTH_PATTERN})\\.?,?\\s+${YEAR}`, 'g');
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_PATTERN})\\s+${DAY},\\s+(\\d{4})\\b`, 'g');
const MONTH_YEAR = new RegExp(`\\b(${MONTH_PATTERN})\\s+(\\d{4})\\b`, 'g');

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function fullYear(y: string): number {
  const digits = y.replace("'", '');
  const n = Number(digits);
  return digits.length === 2 ? 2000 + n : n;
}

function iso(year: number, month: number, day: number | null): string | null {
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return null;
  if (day === null) return `${year}-${pad(month)}`;
  if (day < 1 || day > 31) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Every match of the global `pattern` in `text`, collected before the caller reads them. */
function each(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) out.push(m);
  return out;
}

/** Every date in `text`, full dates first taking precedence over month-year mentions they contain. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const push = (value: string | null, start: number, end: number) => {
    if (!value || overlaps(start, end)) return;
    found.push({ iso: value, start, end });
    taken.push([start, end]);
  };
  // exec on the global patterns themselves (no match is empty): matchAll copies each per call.
  for (const m of each(DAY_MONTH_YEAR, text)) {
    push(iso(fullYear(m[3]!), monthNumber(m[2]!) ?? 0, Number(m[1])), m.index, m.index + m[0].length);
  }
  for (const m of each(MONTH_DAY_YEAR, text)) {
    push(iso(Number(m[3]), monthNumber(m[1]!) ?? 0, Number(m[2])), m.index, m.index + m[0].length);
  }
  for (const m of each(MONTH_YEAR, text)) {
    push(iso(Number(m[2]), monthNumber(m[1]!) ?? 0, null), m.index, m.index + m[0].length);
  }
  return found.sort((a, b) => a.start - b.start);
}

export function parseDate(text: string): string | null {
  return findDates(text)[0]?.iso ?? null;
}

/**
 * A month named without a year ("December's meeting", "in September"): the first such month
 * on or after the reference date. Without a reference, null: a date is never invented.
 */
export function nextMonthOnOrAfter(month: number, reference: string | null): string | null {
  if (!reference) return null;
  const [y, m] = reference.split('-').map(Number) as [number, number];
  const year = month >= m ? y : y + 1;
  return `${year}-${pad(month)}`;
}
