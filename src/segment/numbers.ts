/**
 * Minute and agenda numbers as councils print them: "14.", "10/18", "21/24", "CAB/149",
 * "LGA/7/23-24", "C384/18", "392-2018", "CYP 1/10", "ICB 25/045", "ICBP/2223/036", "15.1",
 * "C3.a", "Item 6". Each has a running number that rises through the meeting; what is around it
 * (a prefix, the year, a sub-number) stays the same or adds a level.
 */

/** One printed number: its running part, its sub-part, and its family (its shape without the running part). */
export interface MinuteNumber {
  raw: string;
  main: number;
  sub: string | null;
  family: string;
  /** "2024" alone could be a year: a number only where it continues a sequence. */
  yearLike: boolean;
}

/** A code before the running number: capitals only ("CAB/", "LGA/", "C", "CYP "), never a word ("Summer 2022"). */
const PREFIX = '(?:[A-Z][A-Z&]{0,5}(?:[ /.-]|(?=\\d)))?';
/** Matches a whole printed number (anchored by the caller). */
export const NUMBER_SOURCE = `${PREFIX}\\d{1,6}(?:[./]\\d{1,4}[a-z]?|\\.[a-z])?(?:/\\d{2,4})?(?:-\\d{2,4})?|Item\\s+\\d{1,3}[a-z]?`;
const WHOLE = new RegExp(`^(?:${NUMBER_SOURCE})$`);

/** Reads a printed number; null when the text is not one (a date, a time, a sum of money). */
export function readNumber(raw: string): MinuteNumber | null {
  const t = raw.replace(/[.:]$/, '').replace(/\s+/g, ' ').trim();
  if (!WHOLE.test(t)) return null;
  const yearLike = /^(?:19|20)\d{2}$/.test(t);
  const item = /^Item (\d+)([a-z]?)$/.exec(t);
  if (item) return { raw: t, main: Number(item[1]), sub: item[2] || null, family: 'Item #', yearLike: false };
  const prefix = /^([A-Za-z&]+)[ /.-]?(?=\d)/.exec(t)?.[1] ?? '';
  const rest = t.slice(prefix.length).replace(/^[ /.-]/, '');
  const groups = [...rest.matchAll(/\d+|[a-z]/g)].map((m) => m[0]);
  const nums = groups.filter((g) => /\d/.test(g));
  let main: number;
  let sub: string | null = null;
  // "ICBP/2223/036", "ICB 25/045": a year-like part, then the running number.
  if (nums.length >= 2 && (nums[0]!.length === 4 || nums[1]!.length === 3)) main = Number(nums[1]);
  else main = Number(nums[0]);
  // "15.1", "C3.a", "2.3": a sub-minute.
  const subMatch = /^\d+\.(\d{1,3}|[a-z])$/.exec(rest);
  if (subMatch) sub = subMatch[1]!;
  const shape = t.replace(/\d+/g, '#').replace(/\.[a-z]$/, '.#');
  return { raw: t, main, sub, family: sub ? shape.replace(/\.#$/, '') : shape, yearLike };
}

/** Families that are the same numbering with and without sub-minutes ("15" and "15.1"). */
export function sameFamily(a: MinuteNumber, b: MinuteNumber): boolean {
  return a.family === b.family || a.family.replace(/\.$/, '') === b.family.replace(/\.$/, '');
}
